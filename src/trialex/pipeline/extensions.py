"""Every Doc/Span extension trialex uses, registered once. Values are plain JSON data."""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_KEYS_SECTIONS = "sections"
DOC_KEYS_CRITERIA = "criteria"
DOC_KEYS_ENTITIES = "entities"

_DOC_EXTENSIONS: dict[str, object] = {
    # PageLayout.model_dump(): layout, nct_id, title, sections, criteria, related_trials
    "trialex_layout": None,
    # list of Threshold-shaped dicts (kind, variable, operator, value, upper, unit, text, start, end)
    "thresholds": None,
    # list of Person-shaped dicts (name, degree, role, affiliation, start, end)
    "people": None,
}
_SPAN_EXTENSIONS: dict[str, object] = {
    "heading": None,  # on doc.spans["sections"]: the heading text as written, or None
    "canonical": None,  # on doc.spans["entities"]: lower-case preferred name
    "attributes": None,  # on doc.spans["entities"]: dict[str, str]
}


def register_extensions() -> None:
    """Register the extensions (idempotent, safe to call from every component)."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
