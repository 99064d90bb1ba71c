"""The page's own trial (NCT id, title) and the other trials it lists."""

from __future__ import annotations

import re
from collections import Counter

from trialex.layout.lines import Line, normalize_heading, normalize_key
from trialex.layout.profile import LayoutProfile
from trialex.record import RelatedTrial, Section

NCT = re.compile(r"(?<![0-9])NCT\d{8}(?!\d)")  # 'IDNCT…': HTML renderers glue <dt> and <dd>
_KEYED_NCT = re.compile(
    r"(?:NCT\s*(?:ID|Number|No\.?)|ClinicalTrials\.gov\s*(?:ID|Identifier|Number|Registration)?|"
    r"(?:Trial|Main|Secondary|Registry|Registration|Study|Protocol)\s*(?:ID|Number|No\.?|"
    r"Identifier|Registration)s?|Trial|Identifier|registry\)\s*number|"
    r"clinicaltrials\.gov/(?:study|ct2/show(?:/study)?|show))\s*[:#|/]?\s*(NCT\d{8})",
    re.IGNORECASE,
)
_STATUS_TOKENS = frozenset(
    "recruiting not yet active completed withdrawn terminated suspended unknown enrolling by "
    "invitation status available approved for marketing no longer withheld early phase n a na "
    "0 1 2 3 4 i ii iii iv".split()
)
_TOKEN = re.compile(r"[a-z0-9]+")


def _is_status(text: str) -> bool:
    """Only status/phase words ('ACTIVE_NOT_RECRUITING PHASE2', 'Early Phase 1 |')."""
    tokens = _TOKEN.findall(re.sub(r"phase(\d)", r"phase \1", text.lower()))
    return all(t in _STATUS_TOKENS for t in tokens)


_NAV = re.compile(r"^(?:home\b(?![-'’])|menu\b|skip to\b)|(?:\s[|>»]\s.*){2,}", re.IGNORECASE)
_CRUMB_SEP = re.compile(r"\s+[|>»/]\s+")
_MENU_GAP = re.compile(r"\S {2,}(?=\S)")
_H1 = re.compile(r"^[ \t]{0,3}#[ \t]+\S")
_KEY_LINE = re.compile(r"^\s*[A-Z][a-z]*(?: [A-Za-z][a-z]*){0,2}:(?:\s|$)")
_BRIEF_KEYS = ("brief title", "public title", "public title of study")
_PLAIN_KEYS = ("title", "study title", "trial title")
_TITLE_KEYS = ("official title", "brief title", "title", "study title", "trial title",
               "public title", "public title of study", "scientific title",
               "scientific title of study",
               "official scientific title")
_FIELD_SEP = re.compile(r"[ \t]*(?::|\t)[ \t]*")


def own_nct_id(text: str, sections: list[Section], profile: LayoutProfile) -> str | None:
    """The page's own NCT id: a profile or keyed statement, else the most frequent id outside
    related-trial blocks; None when the page states none of its own."""
    related = [s for s in sections if s.name == "related_trials"]

    def outside_related(pos: int) -> bool:
        return not any(s.start <= pos < s.end for s in related)

    for pattern in profile.nct_id:
        match = re.search(pattern, text, re.MULTILINE)
        if match:
            return match.group(1)
    for match in _KEYED_NCT.finditer(text):
        if outside_related(match.start(1)):
            return match.group(1)
    counts = Counter(m.group() for m in NCT.finditer(text) if outside_related(m.start()))
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -text.index(k)))


def own_title(
    lines: list[Line], sections: list[Section], profile: LayoutProfile, help_lines: set[int]
) -> str | None:
    """The page's own title: the profile's keys, a 'Brief Title' key, a markdown H1, the first
    title-like line of the title blocks, then any other title key."""
    if profile.title.strategy == "after_key" and profile.title.keys:
        found = _value_after_key(lines, tuple(profile.title.keys))
        if found or not profile.title.fallback:
            return found
    found = _value_after_key(lines, _BRIEF_KEYS)
    if found:
        return found
    h1 = next((ln for ln in lines if _H1.match(ln.text)), None)
    if h1 is not None:
        return _title_text(h1.text)
    found = _value_after_key(lines, _PLAIN_KEYS)
    if found:
        return found
    skip = [re.compile(p) for p in profile.title.skip]
    head_end = next((s.start for s in sections if s.name not in ("title", "other")), None)
    blocks = [s for s in sections if s.name == "title" or (head_end and s.end <= head_end)]
    texts = {ln.text.strip() for ln in lines if not ln.blank}
    candidates = [
        _title_text(ln.text) for ln in lines
        if not ln.blank and ln.index not in help_lines
        and any(b.start <= ln.start < b.end for b in blocks)
        and not _not_a_title(_title_text(ln.text), skip)
        and not _crumb_trail_to(ln.text, texts)
    ]
    for wanted in (_title_case_long, lambda c: len(c.split()) >= 4, lambda c: len(c.split()) >= 2):
        for candidate in candidates:
            if wanted(candidate):
                return candidate
    return _value_after_key(lines, _TITLE_KEYS) or _first_section_title(lines, sections, skip, help_lines)


def _first_section_title(
    lines: list[Line], sections: list[Section], skip: list[re.Pattern[str]], help_lines: set[int]
) -> str | None:
    """No title in the head block: a title-case line in the first section after it (a page whose
    title sits under a tab caption such as 'Study details')."""
    first = next((s for s in sections if s.name not in ("title", "other")), None)
    if first is None:
        return None
    for ln in lines:
        if first.start < ln.start < first.end and ln.index not in help_lines:
            text = _title_text(ln.text)
            if _title_case_long(text) and not _not_a_title(text, skip):
                return text
    return None


def _is_crumbs(text: str) -> bool:
    """'Research > Clinical Trials', 'Westmoor Medicine | Clinical Trials': short pieces only."""
    pieces = _CRUMB_SEP.split(text)
    return len(pieces) >= 2 and all(len(p.split()) <= 3 for p in pieces)


def _crumb_trail_to(text: str, texts: set[str]) -> bool:
    """'Site / Trials / <the title>' when the title also stands on its own line: the trail is
    navigation, the line that repeats its last piece is the title."""
    pieces = _CRUMB_SEP.split(text.strip())
    return (len(pieces) >= 3 and all(len(p.split()) <= 3 for p in pieces[:-1])
            and pieces[-1].strip() in texts)


def _title_case_long(text: str) -> bool:
    """Four or more words, most long words capitalised, not all in capitals (a banner)."""
    words = text.split()
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    if len(words) < 4 or not long_words or text.isupper():
        return False
    return sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6


def _not_a_title(text: str, skip: list[re.Pattern[str]]) -> bool:
    """Navigation, site names, keys, NCT lines and sentences are not the trial's title."""
    return (
        any(p.search(text) for p in skip) or bool(NCT.search(text)) or bool(_NAV.search(text))
        or _is_crumbs(text)
        or len(_MENU_GAP.findall(text)) >= 2
        or (":" in text and normalize_heading(text.partition(":")[0]) in _TITLE_KEYS)
        or (text.endswith(".") and not text.endswith("etc."))
        or not re.search(r"[A-Za-z]{3}", text)
    )


def _title_text(text: str) -> str:
    """A title line without markdown and without a trailing ' | Site name' / ' - Site name'."""
    text = text.strip().strip("#*").strip()
    if text.startswith('"'):
        text = text.rstrip(",").strip('"').strip()  # a JSON string value
    head, sep, rest = text.partition(":")
    if sep and normalize_heading(head) in _TITLE_KEYS and rest.strip():
        text = rest.strip()
    for sep in (" | ", " – ", " — "):
        head, _, tail = text.rpartition(sep)
        if head and len(tail.split()) <= 3 and len(head.split()) >= 3:
            text = head.strip()
    return text


def _split_field(text: str) -> tuple[str, str]:
    """'Key: value' / 'Key<TAB>value' → (key, value); a line without a separator is all key."""
    match = _FIELD_SEP.search(text)
    return (text[: match.start()], text[match.end() :]) if match else (text, "")


def _value_after_key(lines: list[Line], keys: tuple[str, ...]) -> str | None:
    """The value of the first of `keys` the page states ('Key: value', or the key alone on a line
    and the value on the next); None when the key is there but empty."""
    for i, line in enumerate(lines):
        head, rest = _split_field(line.text)
        if normalize_key(head) not in keys:
            continue
        if rest.strip():
            return _title_text(rest)
        following = next((ln for ln in lines[i + 1 : i + 4] if not ln.blank), None)
        if following is not None and not _KEY_LINE.match(following.text) and not NCT.search(following.text):
            return _title_text(following.text)
        return None
    return None


def related_trials(
    text: str, lines: list[Line], sections: list[Section], own: str | None,
    skip_lines: set[int] = frozenset(),
) -> list[RelatedTrial]:
    """Trials listed in related-trial blocks, each with the title printed beside its NCT id."""
    found: list[RelatedTrial] = []
    seen = {own} if own else set()
    for section in (s for s in sections if s.name == "related_trials"):
        block = [
            ln for ln in lines
            if section.start <= ln.start and ln.end <= section.end and not ln.blank
            and ln.index not in skip_lines
        ]
        if section.heading and block and block[0].start == section.start:
            block = block[1:]  # the block's own heading is nobody's title
        nct_rows = [i for i, ln in enumerate(block) if NCT.search(ln.text)]
        title_before = bool(nct_rows) and _title_like(block, nct_rows[0] - 1)
        for i in nct_rows:
            for match in NCT.finditer(block[i].text):
                if match.group() in seen:
                    continue
                seen.add(match.group())
                title = _same_line_title(block[i].text, match) or _neighbour_title(block, i, title_before)
                found.append(RelatedTrial(nct_id=match.group(), title=title))
    return found


_LINK = re.compile(r"\[([^\]\n]{3,300})\]\([^)\n]*\)")
_SEPARATORS = re.compile(r"\s+[·•|–—-]\s+|\s*\|\s*|\s+[·•]\s*")
_PLACE = re.compile(r"^[A-Z][\w .'’-]*,\s*[A-Z][\w .'’-]*$")


def _same_line_title(text: str, match: re.Match[str]) -> str | None:
    """A title on the NCT id's own line: a markdown link's text, else the first title-like piece."""
    for link in _LINK.finditer(text):
        if link.start() <= match.start() < link.end():
            return link.group(1).strip()
    rest = text[: match.start()].rstrip(" (") + " | " + text[match.end() :].lstrip(" )")
    for piece in _SEPARATORS.split(_LINK.sub(r"\1", rest)):
        piece = piece.strip(" |-–—:()·•*\t")
        if len(piece.split()) >= 2 and not _is_status(piece) and not _PLACE.match(piece):
            return piece
    return None


def _title_like(block: list[Line], i: int) -> bool:
    if i < 0 or i >= len(block):
        return False
    text = block[i].text.strip(" |-–—*•\t")
    return len(text.split()) >= 2 and not NCT.search(text) and not _is_status(text) and not (
        text.endswith(".") and len(text.split()) > 12
    )


def _neighbour_title(block: list[Line], i: int, title_before: bool) -> str | None:
    """The title printed on the line before or after an NCT line (the block's habit decides)."""
    for j in (i - 1, i + 1) if title_before else (i + 1, i - 1):
        if _title_like(block, j):
            return block[j].text.strip(" |-–—*•\t")
    return None
