"""trialex_entities saves its compiled lexicon and a saved pipeline gives the same spans."""

from __future__ import annotations

import scispacy.abbreviation  # noqa: F401  (registers abbreviation_detector)
import spacy

import trialex.pipeline.entities  # noqa: F401
from trialex.pipeline.tokenizer import blank_nlp

TEXT = (
    "Systemic lupus erythematosus (SLE) with lupus nephritis; allogeneic hUC-MSCs or rituximab "
    "and other B cell depletion therapy; hepatitis B and C; liver and kidney disease."
)


def _spans(doc) -> list[tuple]:
    return [
        (s.label_, s.start_char, s.end_char, s._.canonical, tuple(sorted(s._.attributes.items())))
        for s in doc.spans["entities"]
    ]


def test_to_disk_and_spacy_load_give_the_same_spans(tmp_path) -> None:
    nlp = blank_nlp()
    nlp.add_pipe("abbreviation_detector")
    nlp.add_pipe("trialex_entities")
    before = _spans(nlp(TEXT))
    assert ("CONDITION", 30, 33, "systemic lupus erythematosus", ()) in before
    nlp.to_disk(tmp_path / "model")
    assert (tmp_path / "model" / "trialex_entities" / "lexicon.msgpack.gz").exists()
    loaded = spacy.load(tmp_path / "model")
    assert _spans(loaded(TEXT)) == before


def test_bytes_round_trip() -> None:
    nlp = blank_nlp()
    pipe = nlp.add_pipe("trialex_entities")
    data = pipe.to_bytes()
    other = blank_nlp().add_pipe("trialex_entities").from_bytes(data)
    assert other.lexicon.keys == pipe.lexicon.keys
