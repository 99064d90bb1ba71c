"""Where an offset sits on the page: its section and, inside eligibility, its criterion polarity."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from trialex.pipeline.extensions import DOC_KEYS_CRITERIA, DOC_KEYS_SECTIONS

SKIPPED_SECTIONS = frozenset({"related_trials"})


def own_trial_spans(doc: Doc) -> list[Span]:
    """Spans an extractor should read: every section but related trials (whole doc if no layout)."""
    if DOC_KEYS_SECTIONS not in doc.spans:
        return [doc[:]]
    return [s for s in doc.spans[DOC_KEYS_SECTIONS] if s.label_ not in SKIPPED_SECTIONS]


def _containing(spans, start: int, end: int) -> Span | None:
    best = None
    for span in spans:
        if span.start_char <= start and end <= span.end_char and (
            best is None or len(span.text) < len(best.text)
        ):
            best = span
    return best


def locate(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """(section name, criterion) of the char range `start:end`; None where unknown."""
    section = criterion = None
    if DOC_KEYS_SECTIONS in doc.spans:
        found = _containing(doc.spans[DOC_KEYS_SECTIONS], start, end)
        section = found.label_ if found is not None else None
    if DOC_KEYS_CRITERIA in doc.spans:
        found = _containing(doc.spans[DOC_KEYS_CRITERIA], start, end)
        criterion = found.label_ if found is not None else None
    return section, criterion


def in_related_trials(doc: Doc, start: int, end: int) -> bool:
    """True when the range lies in a related-trials block (never the page's own trial)."""
    return locate(doc, start, end)[0] in SKIPPED_SECTIONS
