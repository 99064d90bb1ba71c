"""Name-shape rules: find a person's name (and degree) in a piece of a line, with char offsets.

A name is 2-6 tokens: capitalised words (also ALL-CAPS, hyphenated, "O'Brien", "McX"), initials
("Q.", "J.R."), particles inside (van, de, von, da, del, bin...) and suffixes (Jr., III). Degrees
are split off after commas ("Jane Doe, MD, PhD"), as trailing capitals ("Jane Doe MD") or as
honorific prefixes ("Dr. Jane Doe"). "Last, First" is accepted only when the caller allows it.
Where the page says the text is a name (after a "Name:" key or a role label, or right before a
role line) the caller may allow `loose` names: up to four lower-case words and initials ("xu
meng", "f m dabnon"), still without organisation, title, page or English stop words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.lang.en.stop_words import STOP_WORDS

from trialex.pipeline.people_lexicon import PeopleLexicon

PARTICLES = frozenset({
    "van", "von", "de", "del", "della", "der", "den", "di", "da", "das", "dos", "do", "du", "la",
    "le", "bin", "binti", "ibn", "al", "el", "ter", "ten", "y", "zu", "af", "ben", "st", "st.",
})
_INITIAL = re.compile(r"^(?:[A-Z]\.?|(?:[A-Z]\.-?){2,3}|[A-Z]-[A-Z]\.?)$")
_WORD = re.compile(r"^(?:[a-z]['’])?[^\W\d_][^\W\d_'’\-.]*(?:['’\-][^\W\d_]+)*\.?$")
_LOWER_INITIAL = re.compile(r"^[a-z]\.?$")
_INNER = re.compile(r"^(?:[a-z]\.|\([A-Z][^\W\d_]+\))$")  # "Robert d. Marsh", "Minxiang (Mike) Gu"
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d\s().\-/]{5,}\d")
_CUTS = re.compile(
    r"\s*\|\s*|\s+[-–—]\s+|\t|\s{3,}|\b(?:phone|tel|telephone|e-?mail|fax|mobile)\b\s*[:.]?",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class NameHit:
    """A name as written (`name == text[start:end]` in page offsets) and its degree, if any."""

    name: str
    start: int
    end: int
    degree: str | None
    affiliation: str | None = None


def contact_cut(text: str) -> int:
    """Index where contact details (phone, e-mail, "|", "Tel:") start in `text`, else len."""
    cut = len(text)
    for pattern in (_EMAIL, _PHONE, _CUTS):
        found = pattern.search(text)
        if found is not None and found.start() < cut:
            cut = found.start()
    return cut


def has_contact(text: str) -> bool:
    """True when `text` holds a phone number or an e-mail address."""
    return bool(_EMAIL.search(text) or _PHONE.search(text))


def parse_person(
    text: str,
    offset: int,
    lex: PeopleLexicon,
    *,
    allow_last_first: bool = False,
    loose: bool = False,
) -> NameHit | None:
    """The name in `text` (found at page offset `offset`), degree split off; None if not a name."""
    text = text[: contact_cut(text)]
    if lex.has_boilerplate(text) or re.search(r"[\d@:/\\<>\[\]{}=#*+]", _no_degree_noise(text)):
        return None
    parts = _comma_parts(text)
    degree_span: tuple[int, int] | None = None
    affiliation = None
    org_at = next((i for i, p in enumerate(parts) if i and lex.has_org_cue(text[p[0] : p[1]])), 0)
    if org_at:  # "Jane Doe, MD, Harbourview Cardiology Network"
        affiliation = text[parts[org_at][0] : parts[-1][1]].strip()
        parts = parts[:org_at]
    while len(parts) > 1 and _all_degrees(text[parts[-1][0] : parts[-1][1]], lex):
        degree_span = (parts[-1][0], degree_span[1] if degree_span else parts[-1][1])
        parts.pop()
    if len(parts) > 1 and _words(text, parts[0]) >= 2:
        # "Jane Doe, Assoc. Prof", "Ann Roe, operator MD": credentials or a title after a full name
        tail = (parts[1][0], degree_span[1] if degree_span else parts[-1][1])
        words = text[tail[0] : tail[1]].split()
        credential = any(_looks_degree(t) or lex.is_degree(t) for t in words)
        degree_span = tail if credential else None
        parts = parts[:1]
    if len(parts) == 2 and allow_last_first:
        hit = _last_first(text, parts, offset, lex, degree_span)
        return replace(hit, affiliation=affiliation) if hit else None
    if len(parts) != 1:
        return None
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, parts[0][0], parts[0][1])]
    prefix: tuple[int, int] | None = None
    while len(tokens) > 2 and lex.is_prefix(text[tokens[0][0] : tokens[0][1]]):
        first = text[tokens[0][0] : tokens[0][1]]
        if lex.is_degree(first) and prefix is None and not lex.is_social_title(first):
            prefix = tokens[0]
        tokens.pop(0)
    while len(tokens) > 2 and _trailing_degree(text[tokens[-1][0] : tokens[-1][1]], lex):
        degree_span = (tokens[-1][0], degree_span[1] if degree_span else tokens[-1][1])
        tokens.pop()
    if tokens:
        tokens[-1] = _trim_dot(text, tokens[-1], lex)
    words = [text[s:e] for s, e in tokens]
    if not words or not (name_shaped(words, lex) or loose and name_shaped(words, lex, loose=True)):
        return None
    degree = None
    if degree_span is not None:
        degree = text[degree_span[0] : degree_span[1]].strip(" ,;()")
    elif prefix is not None:
        degree = text[prefix[0] : prefix[1]]
    start, end = tokens[0][0], tokens[-1][1]
    return NameHit(text[start:end], offset + start, offset + end, degree or None, affiliation)


def name_shaped(
    tokens: list[str], lex: PeopleLexicon, *, places: bool = False, loose: bool = False
) -> bool:
    """True when `tokens` look like a person's name and hold no organisation/title/page word
    (`loose`: lower-case words and initials too)."""
    if not 2 <= len(tokens) <= (4 if loose else 6):
        return False
    if loose and any(t in STOP_WORDS for t in tokens):  # "some plain words here"
        return False
    words = 0
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if lex.is_name_suffix(token) and i == len(tokens) - 1 and i >= 2:
            continue
        if _INITIAL.match(token) or (i > 0 and _INNER.match(token)):
            continue
        if loose and _LOWER_INITIAL.match(token) and i < len(tokens) - 1:
            continue
        if not _WORD.match(token) or not (loose or _capitalised(token)):
            return False
        kinds = {lex.word_kind(part) for part in [token, *token.split("-")] if part}
        if kinds & {"org", "title", "page"} or (places and "place" in kinds):
            return False
        words += 1
    return words >= 1


def _capitalised(token: str) -> bool:
    core = token.split("'")[-1] if re.match(r"^[a-z]['’]", token) else token
    return core[:1].isupper()


def _trailing_degree(token: str, lex: PeopleLexicon) -> bool:
    """A degree written after a name without a comma must look like one: "MD", "Ph.D."."""
    bare = token.strip(",;()")
    return lex.is_degree(bare) and (bare.isupper() or "." in bare) and len(bare) >= 2


def _all_degrees(part: str, lex: PeopleLexicon) -> bool:
    tokens = part.split()
    return bool(tokens) and (lex.is_degree(part) or all(lex.is_degree(t) for t in tokens))


_DEGREE_SHAPE = re.compile(
    r"^(?:[A-Z]{2,6}|[A-Z][a-z]?[A-Z][A-Za-z]{0,5}|(?:[A-Za-z]{1,3}\.){1,4}[A-Za-z]{0,3})$"
)


def _looks_degree(part: str) -> bool:
    """An unlisted degree by shape: "CPNP", "MPhil", "M.M." (each token of the part)."""
    tokens = part.split()
    return bool(tokens) and all(_DEGREE_SHAPE.match(t) for t in tokens)


def _words(text: str, span: tuple[int, int]) -> int:
    return len(text[span[0] : span[1]].split())


def _comma_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each comma-separated part, whitespace-trimmed; trailing empties dropped."""
    parts, start = [], 0
    for i, char in enumerate(text + ","):  # ";" separates like ","
        if char in ",;":
            s, e = start, i
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            parts.append((s, e))
            start = i + 1
    while parts and parts[-1][0] == parts[-1][1]:
        parts.pop()
    return parts


def _trim_dot(text: str, span: tuple[int, int], lex: PeopleLexicon) -> tuple[int, int]:
    """Drop a sentence dot after the last token, keeping the dot of an initial or "Jr."."""
    s, e = span
    token = text[s:e]
    if token.endswith(".") and not _INITIAL.match(token) and not lex.is_name_suffix(token):
        e -= 1
    return s, e


def _no_degree_noise(text: str) -> str:
    """`text` with "MD/PhD"-style slashes inside degrees neutralised for the character screen."""
    return re.sub(r"\b[A-Za-z]{1,6}/[A-Za-z]{1,6}\b", "x", text)


def _last_first(
    text: str,
    parts: list[tuple[int, int]],
    offset: int,
    lex: PeopleLexicon,
    degree_span: tuple[int, int] | None,
) -> NameHit | None:
    """ "Doe, Jane Q." as one name when both halves are name-shaped and neither is a place."""
    last = text[parts[0][0] : parts[0][1]].split()
    first = text[parts[1][0] : parts[1][1]].split()
    if not last or not first or len(last) + len(first) > 6:
        return None
    if not name_shaped(last + first, lex, places=True):
        return None
    start, end = parts[0][0], parts[1][1]
    degree = text[degree_span[0] : degree_span[1]].strip(" ,;()") if degree_span else None
    return NameHit(text[start:end], offset + start, offset + end, degree or None)
