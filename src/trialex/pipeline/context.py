"""Where an offset sits on the page: its section and, inside eligibility, its criterion polarity."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from trialex.pipeline.extensions import DOC_KEYS_CRITERIA, DOC_KEYS_SECTIONS

SKIPPED_SECTIONS = frozenset({"related_trials"})
_LOOK_BACK = 8


def own_trial_spans(doc: Doc) -> list[Span]:
    """Spans an extractor should read: every section but related trials (whole doc if no layout)."""
    if DOC_KEYS_SECTIONS not in doc.spans:
        return [doc[:]]
    return [s for s in doc.spans[DOC_KEYS_SECTIONS] if s.label_ not in SKIPPED_SECTIONS]


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
