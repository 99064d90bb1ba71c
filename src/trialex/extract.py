"""One page → one SPEC `Record`."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from trialex.pipeline.context import Locator
from trialex.pipeline.extensions import DOC_KEYS_ENTITIES, register_extensions
from trialex.reading import read_page
from trialex.record import Entity, Person, Record, Threshold


def record_from_doc(doc: Doc, doc_id: str) -> Record:
    """Collect what the pipeline wrote on `doc` into a Record.

    The section and criterion of each entity and threshold come from its offsets.
    """
    register_extensions()
    page = doc._.trialex_layout or {"layout": "generic"}
    locate = Locator(doc).locate
    entities = []
    if DOC_KEYS_ENTITIES in doc.spans:
        for span in doc.spans[DOC_KEYS_ENTITIES]:
            section, criterion = locate(span.start_char, span.end_char)
            entities.append(Entity(
                label=span.label_, text=span.text, start=span.start_char, end=span.end_char,
                canonical=span._.canonical or span.text.lower(), section=section,
                criterion=criterion, attributes=_attributes(span),
            ))
    thresholds = []
    for item in doc._.thresholds or []:
        section, criterion = locate(item["start"], item["end"])
        thresholds.append(Threshold(**{"section": section, "criterion": criterion, **item}))
    people = [Person(**item) for item in doc._.people or []]
    return Record(
        doc_id=doc_id,
        layout=page["layout"],
        nct_id=page.get("nct_id"),
        title=page.get("title"),
        sections=page.get("sections", []),
        criteria=page.get("criteria", []),
        entities=sorted(entities, key=lambda e: (e.start, e.end, e.label)),
        thresholds=sorted(thresholds, key=lambda t: (t.start, t.end)),
        people=sorted(people, key=lambda p: (p.start, p.role)),
        related_trials=page.get("related_trials", []),
    )


def _attributes(span: Span) -> dict[str, str]:
    """The span's attributes plus the vocabulary's source id (MeSH, DrugBank, CL), if any."""
    attributes = dict(span._.attributes or {})
    if span.kb_id_:
        attributes.setdefault("id", span.kb_id_)
    return attributes


def extract_text(text: str, doc_id: str = "page", nlp: Language | None = None) -> Record:
    """Run the pipeline on one page text."""
    from trialex.pipeline.build import load_nlp

    nlp = nlp or load_nlp()
    return record_from_doc(nlp(text), doc_id)


def extract_file(path: str | Path, nlp: Language | None = None) -> Record:
    """Read one page file (raises `trialex.reading.PageError`) and extract its record."""
    page = read_page(path)
    return extract_text(page.text, page.doc_id, nlp)
