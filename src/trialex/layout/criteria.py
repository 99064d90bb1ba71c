"""Eligibility text → inclusion and exclusion criteria, each with its offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trialex.layout.lines import Line, is_bulleted, normalize_key, strip_bullet
from trialex.layout.profile import HeadingLexicon
from trialex.record import CriterionSpan, Section

_RUN_TOGETHER = re.compile(r"[ \t]+\*[ \t]+|[ \t]+•[ \t]*")
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})[.)][ \t]+(?=\S)")
_KEY = re.compile(r"^[ \t]*([^:\t\n]{2,80}?)[ \t]*(?::|\t)")
_TAB_ROW = re.compile(r"^[ \t]*(?P<key>[A-Za-z][^\t\d]{1,80}?)\t+(?P<value>\S)")
_LEAD_NUMBER = re.compile(r"\(?\d{1,2}[.)][ \t]+")
_CLOSING_QUOTE = re.compile(r'"\s*,?$')
_PREAMBLE = re.compile(
    r"(?:following|these|all of|any of|below|criteria|eligible|must|applicable|include)\b[^:]*:\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CriteriaGrammar:
    """Compiled polarity headers: whole-line forms and inline 'Header: text' forms."""

    whole: dict[str, re.Pattern[str]]
    inline: re.Pattern[str]
    fields: frozenset[str]
    labels: frozenset[str] = frozenset()

    @classmethod
    def from_lexicon(cls, lexicon: HeadingLexicon) -> CriteriaGrammar:
        alts = {"inclusion": lexicon.inclusion_headers, "exclusion": lexicon.exclusion_headers}
        whole = {k: re.compile("(?:" + "|".join(v) + ")", re.IGNORECASE) for k, v in alts.items()}
        named = "|".join(
            f"(?P<{k}>(?:{'|'.join(v)}))" for k, v in alts.items()
        )
        # 'Header:' / 'Header<TAB>', or a header without a colon right before a list marker
        # ('Inclusion Criteria * Age ≥18 years', 'Exclusion Criteria 1. Pregnancy')
        inline = re.compile(
            rf'(?:^|(?<=[\s.;*•"]))(?:{named})'
            r'(?:[ \t]*[:：]|\t|(?=[ \t]+(?:[*•]|\d{1,2}[.)])[ \t]))',
            re.IGNORECASE,
        )
        return cls(whole, inline, frozenset(lexicon.eligibility_fields),
                   frozenset(lexicon.eligibility_labels))

    def is_field(self, text: str) -> bool:
        """A structured eligibility field ('Minimum Age', 'Sex: ALL'), not a criterion."""
        match = _KEY.match(text)
        return normalize_key(match.group(1) if match else text) in self.fields

    def table_row(self, text: str) -> tuple[str, int] | None:
        """A 'Key<TAB>value' row: ('label', value offset) when the key only labels criteria
        ('Details'), ('field', 0) for any other multi-word key; None otherwise."""
        match = _TAB_ROW.match(text)
        if match is None or self.header_polarity(match["key"]):
            return None
        key = normalize_key(match["key"])
        if key in self.labels:
            return "label", match.start("value")
        return ("field", 0) if " " in key else None

    def header_polarity(self, text: str) -> str | None:
        """'inclusion'/'exclusion' when the whole text is a polarity header."""
        norm = normalize_key(text)
        for polarity, pattern in self.whole.items():
            if pattern.fullmatch(norm):
                return polarity
        return None


def split_criteria(
    text: str, lines: list[Line], eligibility: list[Section], grammar: CriteriaGrammar,
    skip_lines: set[int],
) -> list[CriterionSpan]:
    """Criteria inside the eligibility sections; polarity comes from the headers before them."""
    found: list[CriterionSpan] = []
    for section in eligibility:
        polarity: str | None = None
        last_header: str | None = None  # what a 'Details' label under the header continues
        in_bullets = False
        for line in lines:
            if line.start < section.start or line.end > section.end or line.blank:
                continue
            if line.index in skip_lines:
                continue
            whole = grammar.header_polarity(line.text)
            if whole:
                polarity, last_header, in_bullets = whole, whole, False
                continue
            if not is_bulleted(line) and grammar.is_field(line.text):
                polarity = None
                continue
            bulleted = is_bulleted(line)
            start, end = strip_bullet(line)
            row = None if bulleted else grammar.table_row(line.text)
            if row is not None and row[0] == "field":
                polarity = None  # another field of a registry table: the list has ended
                continue
            if row is not None:
                start, polarity = line.start + row[1], polarity or last_header
            opens = bool(grammar.inline.match(text, start, end))  # 'Exclusion Criteria<TAB>1) …'
            if polarity and in_bullets and not bulleted and row is None and not opens:
                adjacent = bool(found) and _continues(found[-1], line, text)
                lead_in = text[start:end].endswith(":")
                if lead_in and (adjacent or _PREAMBLE.search(text[start:end][-300:])):
                    continue  # a lead-in to a sub-list is not a criterion
                if adjacent and not lead_in:
                    found[-1] = found[-1].model_copy(update={"end": end})
                    continue
                polarity = None  # plain text after the bullet list: the list has ended
                continue
            in_bullets = in_bullets or bulleted
            polarity = _add_line_items(text, start, end, polarity, grammar, found)
            last_header = polarity or last_header
    return found


def _split_numbered(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """'1. Age 20-68 2. English-speaking 3. …' → one piece per number, counting 1, 2, 3 in order;
    the flag tells a numbered item (a criterion even when it ends in ':') from a lead-in."""
    cuts, expected = [], 1
    for match in _INLINE_NUMBER.finditer(text, start, end):
        before = text[start : match.start()].strip()
        if int(match["n"]) != expected or (expected == 1 and before and not before.endswith(":")):
            continue
        cuts.append((match.start(), match.end()))
        expected += 1
    if len(cuts) < 2:
        return [(start, end, False)]
    lead = [(start, cuts[0][0], False)] if text[start : cuts[0][0]].strip() else []
    pieces = [(cuts[i][1], cuts[i + 1][0], True) for i in range(len(cuts) - 1)]
    return lead + pieces + [(cuts[-1][1], end, True)]


def _continues(previous: CriterionSpan, line: Line, text: str) -> bool:
    """A wrapped line: directly below the previous criterion, no blank line between."""
    between = text[previous.end : line.start]
    return between.count("\n") + between.count("\r") - between.count("\r\n") <= 1


def _add_line_items(
    text: str, start: int, end: int, polarity: str | None, grammar: CriteriaGrammar,
    found: list[CriterionSpan],
) -> str | None:
    """Split one line on inline headers and ' * ' runs; append its criteria; return the polarity."""
    cursor = start
    for match in grammar.inline.finditer(text, start, end):
        _add_items(text, cursor, match.start(), polarity, found)
        polarity = "inclusion" if match["inclusion"] is not None else "exclusion"
        cursor = match.end()
    _add_items(text, cursor, end, polarity, found)
    return polarity


def _add_items(text: str, start: int, end: int, polarity: str | None, found: list) -> None:
    if polarity is None:
        return
    cursor = start
    pieces = []
    for match in _RUN_TOGETHER.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    numbered = [p for a, b in pieces for p in _split_numbered(text, a, b)]
    for a, b, is_numbered in numbered:
        while a < b and text[a] in " \t*•-·":
            a += 1
        number = _LEAD_NUMBER.match(text, a, b)
        if number:
            a = number.end()
        while b > a and text[b - 1].isspace():
            b -= 1
        closing = _CLOSING_QUOTE.search(text, a, b)
        if closing and text.count('"', a, b) % 2:
            b = closing.start()  # the end of a JSON string value ('… 4 weeks",')
        if b - a < 2 or (not is_numbered and b - a < 300 and _PREAMBLE.search(text[a:b])):
            continue
        found.append(CriterionSpan(criterion=polarity, start=a, end=b))
