"""Where an offset sits on the page: its section and, inside eligibility, its criterion polarity."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from trialex.pipeline.extensions import DOC_KEYS_CRITERIA, DOC_KEYS_SECTIONS

DOC_KEYS_FURNITURE = "furniture"
SKIPPED_SECTIONS = frozenset({"related_trials"})
_LOOK_BACK = 8


def own_trial_spans(doc: Doc, skip_furniture: bool = False) -> list[Span]:
    """Spans an extractor should read: every section but related trials (whole doc if no
    layout). With `skip_furniture`, each is split around the site furniture lines of
    `doc.spans["furniture"]` (menus, logos, 'Layout table for …', one-sentence site help
    under a heading), so nothing is read from them; a piece keeps its section's label and
    heading. (Off by default: a reader that joins a heading to the lines below it must treat
    the cut lines as blank, as people does.)"""
    if DOC_KEYS_SECTIONS not in doc.spans:
        spans = [doc[:]]
    else:
        spans = [s for s in doc.spans[DOC_KEYS_SECTIONS] if s.label_ not in SKIPPED_SECTIONS]
    if not skip_furniture or DOC_KEYS_FURNITURE not in doc.spans:
        return spans
    cuts = sorted((f.start, f.end) for f in doc.spans[DOC_KEYS_FURNITURE])
    return [piece for span in spans for piece in _without(doc, span, cuts)]


def _without(doc: Doc, span: Span, cuts: list[tuple[int, int]]) -> list[Span]:
    """`span` minus the token ranges `cuts` (sorted), as the non-empty pieces left, each
    keeping the span's label and heading."""
    pieces, lo = [], span.start
    for start, end in cuts:
        if end <= lo or start >= span.end:
            continue
        if start > lo:
            pieces.append((lo, start))
        lo = max(lo, end)
    if lo == span.start and not pieces:
        return [span]
    if lo < span.end:
        pieces.append((lo, span.end))
    out = []
    for start, end in pieces:
        piece = Span(doc, start, end, label=span.label_)
        if piece.text.strip():
            piece._.heading = span._.heading
            out.append(piece)
    return out


class _Index:
    """Non-overlapping labelled char ranges, searchable by position in O(log n)."""

    def __init__(self, spans) -> None:
        ranges = sorted((s.start_char, s.end_char, s.label_) for s in spans)
        self.starts = [r[0] for r in ranges]
        self.ranges = ranges

    def label_of(self, start: int, end: int) -> str | None:
        """The label of the innermost range holding `start:end` (ranges nest rarely, if ever:
        only the few ranges starting just before `start` are looked at)."""
        i = bisect_right(self.starts, start)
        holding = [
            (r_end - r_start, label)
            for r_start, r_end, label in self.ranges[max(0, i - _LOOK_BACK) : i]
            if r_start <= start and end <= r_end
        ]
        return min(holding)[1] if holding else None


class Locator:
    """(section, criterion) of char ranges of one processed Doc."""

    def __init__(self, doc: Doc) -> None:
        self.sections = _Index(doc.spans[DOC_KEYS_SECTIONS]) if DOC_KEYS_SECTIONS in doc.spans else None
        self.criteria = _Index(doc.spans[DOC_KEYS_CRITERIA]) if DOC_KEYS_CRITERIA in doc.spans else None

    def locate(self, start: int, end: int) -> tuple[str | None, str | None]:
        section = self.sections.label_of(start, end) if self.sections else None
        criterion = self.criteria.label_of(start, end) if self.criteria else None
        return section, criterion


def locate(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """(section name, criterion) of the char range `start:end`; None where unknown."""
    return Locator(doc).locate(start, end)


def in_related_trials(doc: Doc, start: int, end: int) -> bool:
    """True when the range lies in a related-trials block (never the page's own trial)."""
    return locate(doc, start, end)[0] in SKIPPED_SECTIONS
