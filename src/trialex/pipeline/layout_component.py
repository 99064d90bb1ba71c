"""The `trialex_layout` component: layout analysis of the Doc's text, as span groups."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from trialex.layout import PageLayout, analyze
from trialex.pipeline.context import DOC_KEYS_FURNITURE
from trialex.pipeline.extensions import DOC_KEYS_CRITERIA, DOC_KEYS_SECTIONS, register_extensions


class LayoutComponent:
    """Runs `trialex.layout.analyze` on the page text and stores sections, criteria and the
    site furniture lines (`doc.spans["furniture"]`)."""

    def __init__(self, nlp: Language, name: str = "trialex_layout") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        page = analyze(doc.text)
        doc._.trialex_layout = page.model_dump()
        sections = []
        for section in page.sections:
            span = _span(doc, section.start, section.end, section.name)
            if span is not None:
                span._.heading = section.heading
                sections.append(span)
        doc.spans[DOC_KEYS_SECTIONS] = sections
        doc.spans[DOC_KEYS_CRITERIA] = [
            s for c in page.criteria if (s := _span(doc, c.start, c.end, c.criterion)) is not None
        ]
        doc.spans[DOC_KEYS_FURNITURE] = [
            s for start, end in page.furniture
            if (s := doc.char_span(start, end, label="furniture", alignment_mode="contract"))
            is not None
        ]
        return doc


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def page_layout(doc: Doc) -> PageLayout:
    """The `PageLayout` stored on a processed Doc."""
    return PageLayout.model_validate(doc._.trialex_layout)


@Language.factory("trialex_layout", assigns=["doc.spans", "doc._.trialex_layout"])
def make_layout(nlp: Language, name: str) -> LayoutComponent:
    """Factory of the `trialex_layout` component."""
    return LayoutComponent(nlp, name)
