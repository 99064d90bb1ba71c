"""The registered scispacy tokenizer: keeps clinical tokens whole, stays linear, round-trips."""

from __future__ import annotations

import time
from pathlib import Path

import spacy

from trialex.pipeline.tokenizer import blank_nlp


def test_clinical_tokens_stay_whole() -> None:
    words = [t.text for t in blank_nlp()("hUC-MSCs and eGFR mL/min/1.73 m2")]
    assert "hUC-MSCs" in words and "mL/min/1.73" in words


def test_long_runs_without_spaces_are_linear_and_text_is_kept() -> None:
    nlp = blank_nlp()
    nasty = "Criterion " + ">=<" * 100_000 + " then ((" + "(" * 200_000 + " end"
    started = time.perf_counter()
    doc = nlp.make_doc(nasty)
    assert time.perf_counter() - started < 5
    assert doc.text == nasty


def test_saved_pipeline_keeps_the_tokenizer(tmp_path: Path) -> None:
    blank_nlp().to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert type(loaded.tokenizer).__name__ == "GuardedTokenizer"
    assert [t.text for t in loaded("hUC-MSCs (SLE)")] == ["hUC-MSCs", "(", "SLE", ")"]


def test_glued_dashes_split_but_numbers_and_prefixes_stay() -> None:
    nlp = blank_nlp()
    assert [t.text for t in nlp("-Asthma in the past year")][:2] == ["-", "Asthma"]
    assert [t.text for t in nlp("Kidney Diseases- such as")][:3] == ["Kidney", "Diseases", "-"]
    assert [t.text for t in nlp("a z-score of -2 or pre- and post-dose")] == [
        "a", "z-score", "of", "-2", "or", "pre-", "and", "post-dose",
    ]
