"""Every vocabulary data file validates, keeps its provenance and respects the stop-list."""

from __future__ import annotations

from importlib import resources

import pytest

from trialex.pipeline.entities_lexicon import compile_lexicon
from trialex.vocab.normalize import natural_order, needs_upper, norm_key
from trialex.vocab.schema import (
    VOCAB_FILES,
    load_cell_grammar,
    load_modifiers,
    load_stoplist,
    load_vocab,
)


@pytest.mark.parametrize("name", VOCAB_FILES)
def test_vocab_file_validates_with_licence(name: str) -> None:
    vocab = load_vocab(name)
    assert vocab.license and vocab.source and vocab.concepts
    for c in vocab.concepts:
        assert c.canonical == c.canonical.lower()
        assert all(v == norm_key(v) for v in c.variants), c.canonical


def test_rule_files_validate() -> None:
    assert load_stoplist().entries["CONDITION"]
    assert "severe" in load_modifiers().severity
    assert "umbilical cord" in load_cell_grammar().sources


def test_licences_are_written_down() -> None:
    text = resources.files("trialex.vocab").joinpath("LICENSES.md").read_text("utf-8")
    for word in ("CC BY 4.0", "CC0", "MeSH", "MIT"):
        assert word in text


def test_stop_listed_keys_never_reach_the_lexicon() -> None:
    lex = compile_lexicon()
    for label, groups in load_stoplist().entries.items():
        for words in groups.values():
            for w in words:
                entry = lex.get(norm_key(w))
                assert entry is None or entry.label != label, (label, w)


def test_noise_from_the_sources_is_filtered() -> None:
    lex = compile_lexicon()
    assert lex.get("optimism") is None
    assert lex.get("receptor, acetyl ldl") is None
    assert lex.get("systemic lupus erythematosus").canonical == "systemic lupus erythematosus"
    assert lex.get("rituximab").id.startswith("DRUGBANK:")
    assert lex.get("regulatory t cell").id == "CL:0000815"


def test_normal_forms() -> None:
    assert norm_key("  IL-2 ") == "il 2"
    assert natural_order("lupus erythematosus, systemic") == "systemic lupus erythematosus"
    assert needs_upper("tb") and not needs_upper("gout")


def test_accents_fold() -> None:
    assert norm_key("Sjögren's Syndrome") == "sjogren's syndrome"
    assert norm_key("Behçet’s disease") == "behcet's disease"


def test_context_rule_files_validate_and_point_at_known_abbreviations() -> None:
    from trialex.vocab.schema import load_abbreviation_context, load_condition_forms

    rules = load_abbreviation_context()
    known = {v for c in load_vocab("extra_abbreviations.json").concepts for v in c.variants}
    assert set(rules.accept) <= known, set(rules.accept) - known
    assert not {"ad", "cd", "pd", "mm", "as", "an"} & set(rules.accept)  # two senses
    forms = load_condition_forms()
    assert forms.adjectives["hypertensive"] == "hypertension"
    assert all(w == w.lower() for w in [*forms.adjectives, *forms.nouns, *forms.person_nouns])


def test_drug_stems_validate() -> None:
    from trialex.vocab.schema import load_drug_morphology

    rules = load_drug_morphology()
    assert "tinib" in rules.suffixes and rules.min_length >= 6
    assert all(s == s.lower() and s.isalpha() for s in rules.suffixes)
