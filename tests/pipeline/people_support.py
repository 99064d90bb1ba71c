"""Shared by the people tests: a `trialex_people`-only pipeline and an offset-checking runner."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

import trialex.pipeline.people  # noqa: F401  (registers the factory)
from trialex.pipeline.tokenizer import blank_nlp


@cache
def people_pipeline() -> Language:
    """The scispacy tokenizer and `trialex_people`, nothing else (no layout: whole-page mode)."""
    nlp = blank_nlp()
    nlp.add_pipe("trialex_people")
    return nlp


def run(nlp: Language, text: str) -> list[tuple]:
    """(name, degree, role, affiliation) of each person found; every name span must be exact."""
    doc = nlp(text)
    for p in doc._.people:
        assert text[p["start"] : p["end"]] == p["name"]
    return [(p["name"], p["degree"], p["role"], p["affiliation"]) for p in doc._.people]
