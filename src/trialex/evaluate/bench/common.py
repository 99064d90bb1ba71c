"""Helpers shared by the adapters: numbers as written, inclusion/exclusion headers, gold items."""

from __future__ import annotations

import re
from bisect import bisect_right

from trialex.record import CriterionSpan, Entity

Polarity = str | None

_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*")
# "Inclusion Criteria:", "Key Exclusion criteria:", "Exclusions:", glued "NoneInclusion Criteria:"
_HEADER_COLON = re.compile(
    r"(?i)(inclu[st]ion|exclu[st]ion)s?(?:\s+criteria)?\b(?:(?!inclu|exclu)[^\n:.;]){0,40}?:"
)
# a line of its own: "Inclusion Criteria", "Key Exclusion Criteria for HFpEF", "Inclusion"
_HEADER_LINE = re.compile(
    r"(?im)^[\s\-\u2022*\d.)]*(?:\w+\s+)?(inclu[st]ion|exclu[st]ion)s?"
    r"(?:\s+criteria\b[^\n:.;]{0,40}|[ \t]*)$"
)


# mentions the corpora label as conditions but SPEC does not ("Not: pregnancy or breastfeeding")
NOT_A_CONDITION = re.compile(
    r"(?i)^(?:pregnan\w*|(?:breast[- ]?)?feeding|breast[- ]?fe[ed]\w*|lactat\w*|nursing|"
    r"parturient|post[- ]?partum|healthy(?: (?:volunteers?|subjects?|individuals?))?|"
    r"child[- ]?bearing potential)$"
)


def spec_condition(text: str) -> bool:
    """False for mentions SPEC keeps out of CONDITION (pregnancy, breastfeeding, healthy)."""
    return not NOT_A_CONDITION.match(" ".join(text.split()))


def parse_number(text: str) -> int | float | None:
    """The first number in `text` ("1,000" -> 1000, "six" -> 6, "III" -> 3), else None."""
    cleaned = text.strip().lower()
    if cleaned in _WORDS:
        return _WORDS[cleaned]
    if cleaned in _ROMAN:
        return _ROMAN[cleaned]
    match = _NUMBER.search(text.replace("\u2009", ""))
    if not match:
        return None
    raw = match.group()
    if re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+", raw):
        raw = raw.replace(",", "")
    raw = raw.replace(",", ".")
    try:
        number = float(raw)
    except ValueError:
        return None
    return int(number) if number.is_integer() and "." not in raw else number


def polarity_regions(text: str) -> list[tuple[int, str]]:
    """(offset, "inclusion"|"exclusion") for every criteria header, in text order.

    A header is "inclusion"/"exclusion" followed by a colon within 40 characters on the same
    line, or a line of its own that starts (after a bullet and up to two words such as "Key")
    with "inclusion/exclusion criteria"; "who met the inclusion criteria during ..." is not one.
    """
    found = {m.end(): m.group(1) for m in _HEADER_COLON.finditer(text)}
    found.update({m.end(): m.group(1) for m in _HEADER_LINE.finditer(text)})
    return [
        (end, "inclusion" if word.lower().startswith("inclu") else "exclusion")
        for end, word in sorted(found.items())
    ]


def polarity_at(regions: list[tuple[int, str]], offset: int) -> Polarity:
    """The polarity of the last header that ends at or before `offset` (None before any)."""
    index = bisect_right([start for start, _ in regions], offset)
    return regions[index - 1][1] if index else None


def criterion_spans(text: str, regions: list[tuple[int, str]]) -> list[CriterionSpan]:
    """One gold criterion per non-empty line (or line remainder) after a header."""
    spans: list[CriterionSpan] = []
    position = 0
    for line in text.splitlines(keepends=True):
        start, end = position, position + len(line.rstrip("\r\n"))
        position += len(line)
        for header_end, _ in regions:  # a header inside the line: keep what follows it
            if start < header_end <= end:
                start = header_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        polarity = polarity_at(regions, start)
        if end > start and polarity is not None:
            spans.append(CriterionSpan(start=start, end=end, criterion=polarity))  # type: ignore[arg-type]
    return spans


def gold_entity(
    label: str, text: str, start: int, end: int, section: str | None, criterion: Polarity
) -> Entity:
    """A gold entity; canonical = the text lower-cased (the corpora give no canonical)."""
    surface = text[start:end]
    return Entity(
        label=label,
        text=surface,
        start=start,
        end=end,
        canonical=" ".join(surface.lower().split()),
        section=section,
        criterion=criterion,  # type: ignore[arg-type]
    )
