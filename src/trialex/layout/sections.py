"""Headings → named sections, with generic rules that work on sites no profile describes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trialex.layout.criteria import CriteriaGrammar
from trialex.layout.lines import Line, is_bulleted, normalize_heading, normalize_key
from trialex.layout.profile import GENERIC, HeadingLexicon, LayoutProfile
from trialex.record import Section

_KEY_VALUE = re.compile(
    r"^[ \t]*\|?[ \t]*(?P<key>[^:|\t\n]{2,60}?)[ \t]*(?::[ \t]*\|?|\||\t)[ \t]*(?P<value>\S.*)$"
)
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6}[ \t]+\S|\*\*[^*]{2,80}\*\*[ \t]*:?[ \t]*$)")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}")
_TRIAL_TABLE_HEADER = re.compile(r"\b(?:clinical trial|trial|study|nct|title)\b.*\|", re.IGNORECASE)
_TRIAL_TABLE_FIELD = re.compile(r"\b(?:status|phase|conditions?|nct)\b", re.IGNORECASE)
_ROLE_HEADINGS = frozenset({
    "principal investigator", "study chair", "study director", "sub-investigator", "sub investigator",
    "co-investigator", "study coordinator", "contact", "study contact", "responsible party",
})
_SMALL_WORDS = frozenset("a an and at by for from in of on or the to with vs".split())
_HAS_LETTER = re.compile(r"[A-Za-z]")
_H1 = re.compile(r"^[ \t]{0,3}#[ \t]+\S")


@dataclass(frozen=True)
class Heading:
    """A line that opens a section; `inline` when the section's content follows on the same line."""

    line: int
    section: str
    text: str
    inline: bool = False


class HeadingFinder:
    """Classifies lines as headings using the lexicon, a profile, and generic heading shapes."""

    def __init__(self, lexicon: HeadingLexicon, profile: LayoutProfile = GENERIC) -> None:
        self.profile = profile
        self.phrases = {**lexicon.phrase_map(), **profile.headings}
        self.prefixes = [(p, s) for p, s in profile.heading_prefixes.items()] + [
            (p, s) for s, ps in lexicon.prefixes.items() for p in ps
        ]
        self.help_starts = tuple(lexicon.help_sentence_starts)
        self.criteria = CriteriaGrammar.from_lexicon(lexicon)
        self.boilerplate = re.compile("|".join(lexicon.boilerplate_lines), re.IGNORECASE)
        self.patterns = [
            (re.compile(p, re.IGNORECASE), name) for name, ps in lexicon.patterns.items() for p in ps
        ]

    def classify(self, line: Line) -> Heading | None:
        """The heading this line is, if any (by phrase, prefix or `Key: value`)."""
        norm = line.norm
        if not norm or not _HAS_LETTER.search(norm):
            return None
        if norm in self.phrases:
            return Heading(line.index, self.phrases[norm], line.text.strip())
        if not is_bulleted(line) and self.criteria.header_polarity(line.text):
            return Heading(line.index, "eligibility", line.text.strip())
        for prefix, section in self.prefixes:
            if norm.startswith(prefix) and len(norm) <= 120 and len(norm) > len(prefix):
                return Heading(line.index, section, line.text.strip())
        if len(norm) <= 100 and not is_bulleted(line):
            raw = " ".join(line.text.split()).lower().strip("#*_ ")
            for pattern, section in self.patterns:
                if pattern.fullmatch(norm) or pattern.fullmatch(raw):
                    return Heading(line.index, section, line.text.strip())
        match = _KEY_VALUE.match(line.text)
        if match and not is_bulleted(line):
            key = normalize_key(match["key"])
            if key in self.phrases:
                return Heading(line.index, self.phrases[key], match["key"].strip(), inline=True)
        return None

    def names_role(self, heading: Heading) -> bool:
        """A people heading that is a role word ('Principal Investigator'), not a block title."""
        return normalize_heading(heading.text) in _ROLE_HEADINGS

    def looks_like_unknown_heading(self, line: Line) -> bool:
        """A strongly marked heading no lexicon knows: markdown, or a short capitalised line ending ':'."""
        text = line.text.strip()
        if _MD_HEADING.match(line.text):
            return True
        if is_bulleted(line) or "," in text or any(ch.isdigit() for ch in text):
            return False
        words = normalize_heading(text).split()
        if not 1 <= len(words) <= 6:
            return False
        raw_words = [w for w in re.split(r"\s+", text.rstrip(":").strip()) if w]
        capitalised = all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in raw_words if w[0].isalpha())
        all_caps = text.upper() == text and len(words) >= 2
        return capitalised and (text.endswith(":") or all_caps)

    def is_boilerplate(self, line: Line) -> bool:
        """Site furniture: logos, navigation, 'Layout table for …' captions."""
        return bool(self.boilerplate.search(normalize_heading(line.text)))

    def is_help_sentence(self, line: Line) -> bool:
        """A one-sentence site help line under a heading ('Review each arm …')."""
        text = line.text.strip()
        return (
            text.lower().startswith(self.help_starts)
            and text.endswith(".")
            and text.count(". ") == 0
            and len(text.split()) <= 40
        )


def is_trial_table_header(line: Line) -> bool:
    """A markdown table header listing trials: 'Status | Clinical Trial | Phase |'."""
    text = line.text
    return text.count("|") >= 2 and bool(_TRIAL_TABLE_HEADER.search(text)) and bool(
        _TRIAL_TABLE_FIELD.search(text)
    )


def find_headings(lines: list[Line], finder: HeadingFinder, generic: bool) -> tuple[list[Heading], set[int]]:
    """All headings of the page in order, and the indexes of help-sentence lines."""
    headings: list[Heading] = []
    help_lines: set[int] = set()
    content_since_heading = True
    for line in lines:
        if line.blank or _TABLE_RULE.match(line.text):
            continue
        heading = (
            Heading(line.index, "related_trials", line.text.strip())
            if is_trial_table_header(line)
            else finder.classify(line)
        )
        if heading is None and finder.is_boilerplate(line):
            help_lines.add(line.index)
            continue
        if heading is None and content_since_heading and finder.looks_like_unknown_heading(line):
            if generic or _MD_HEADING.match(line.text):
                heading = Heading(line.index, "other", line.text.strip())
        if heading is not None and _is_value_of_previous(line, headings, content_since_heading):
            heading = None
        if heading is not None and heading.section == "other" and _is_page_title(lines, line, headings):
            heading = Heading(line.index, "title", "")
        if heading is not None and heading.section == "people" and finder.names_role(heading):
            heading = _from_name_line(lines, heading)
        if heading is not None:
            headings.append(heading)
            content_since_heading = heading.inline
            continue
        if not content_since_heading and headings and finder.is_help_sentence(line):
            help_lines.add(line.index)
            continue
        content_since_heading = True
    return headings, help_lines


def _is_page_title(lines: list[Line], line: Line, headings: list[Heading]) -> bool:
    """The page's first line, or its first markdown H1 ('# Title') before any section."""
    if all(ln.blank for ln in lines[: line.index]):
        return True
    return bool(_H1.match(line.text)) and not any(h.section != "title" for h in headings)


_NAME_LINE = re.compile(
    r"^\s*(?:(?:Dr|Prof|Mr|Mrs|Ms)\.? +)?[A-Z](?:[^\W\d_]|['’-])+(?: +(?:[A-Z]\.?|[A-Z](?:[^\W\d_]|['’-])+|van|de|von|da|del|der|bin|al|la|le)){1,4}"
    r"(?:\s*,\s*[A-Za-z.]{1,12}(?:\s*,\s*[A-Za-z.]{1,12}){0,2})?\s*$"
)


def _from_name_line(lines: list[Line], heading: Heading) -> Heading:
    """'Jane Doe, MD' / 'Principal Investigator': the people block starts at the name line."""
    previous = next((ln for ln in reversed(lines[: heading.line]) if not ln.blank), None)
    if previous is not None and _NAME_LINE.match(previous.text) and previous.index >= heading.line - 2:
        return Heading(previous.index, heading.section, heading.text)
    return heading


def _is_value_of_previous(line: Line, headings: list[Heading], content_since: bool) -> bool:
    """An ALL-CAPS single word right under a key is that key's value ('Primary Purpose' / 'TREATMENT')."""
    text = line.text.strip()
    return bool(headings) and not content_since and " " not in text and text.isupper()


def build_sections(
    lines: list[Line], headings: list[Heading], preamble: str = "title"
) -> list[Section]:
    """Sections from headings: each runs to the last content line before the next heading.

    Text before the first heading is the `title` block; text right after a title key and its value
    is taken as the summary. Consecutive headings of the same section merge into one section.
    """
    first_line = next((ln.index for ln in lines if not ln.blank), None)
    starts = list(headings)
    if first_line is not None and (not starts or starts[0].line > first_line):
        starts.insert(0, Heading(first_line, preamble, ""))
    starts = _split_title_values(lines, starts)
    sections: list[Section] = []
    for i, heading in enumerate(starts):
        stop = starts[i + 1].line if i + 1 < len(starts) else len(lines)
        body = [ln for ln in lines[heading.line : stop] if not ln.blank]
        if not body:
            continue
        start, end = body[0].start, body[-1].end
        if sections and sections[-1].name == heading.section:
            sections[-1] = sections[-1].model_copy(update={"end": end})
            continue
        sections.append(
            Section(name=heading.section, heading=heading.text or None, start=start, end=end)
        )
    return sections


def _split_title_values(lines: list[Line], starts: list[Heading]) -> list[Heading]:
    """After a 'Title:' key and its value, the text that follows without a heading is a summary."""
    result = []
    for i, heading in enumerate(starts):
        result.append(heading)
        if heading.section != "title" or not heading.text:
            continue
        stop = starts[i + 1].line if i + 1 < len(starts) else len(lines)
        content = [ln.index for ln in lines[heading.line + 1 : stop] if not ln.blank]
        value_lines = 0 if heading.inline else 1
        if len(content) > value_lines:
            result.append(Heading(content[value_lines], "summary", ""))
    return result
