"""People on registry-style pages: organisations, sponsors and site lines never become names.
Invented names and places only."""

from __future__ import annotations

import pytest
from spacy.language import Language

import trialex.pipeline.people  # noqa: F401  (registers the factory)
from trialex.pipeline.people_lexicon import PeopleLexicon
from trialex.pipeline.tokenizer import blank_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = blank_nlp()
    nlp.add_pipe("trialex_people")
    return nlp


def run(nlp: Language, text: str) -> list[tuple]:
    doc = nlp(text)
    for p in doc._.people:
        assert text[p["start"] : p["end"]] == p["name"]
    return [(p["name"], p["degree"], p["role"], p["affiliation"]) for p in doc._.people]


@pytest.mark.parametrize("token", ["Ostklinik", "Kinderspital", "Westziekenhuis", "Sudsjukhus"])
def test_compound_organisation_words(token: str) -> None:
    assert PeopleLexicon.load().word_kind(token) == "org"


@pytest.mark.parametrize("token", ["Weber", "Holzapfel", "Korbinian", "Instance"])
def test_surnames_are_not_organisation_words(token: str) -> None:
    assert PeopleLexicon.load().word_kind(token) != "org"


def test_compound_site_line_before_a_contact_is_an_affiliation(nlp: Language) -> None:
    text = (
        "Primary Sponsor\nOstklinik Lindau\nSeestrasse 4\n88131 Lindau\n\n"
        "Contact for Scientific Queries\nOstklinik Lindau, Department of Neurology\n"
        "Dr. Greta Holzapfel\nSeestrasse 4\n\n"
        "Contact for Public Queries\nOstklinik Lindau, Trial Office\nMatthis Korb\n"
    )
    found = run(nlp, text)
    assert [(n, r) for n, _, r, _ in found] == [
        ("Greta Holzapfel", "CONTACT"), ("Matthis Korb", "CONTACT")]
    assert found[0][1] == "Dr." and found[0][3].startswith("Ostklinik Lindau")
