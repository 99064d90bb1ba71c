"""People on registry-style pages: organisations, sponsors and site lines never become names.
Invented names and places only."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.pipeline.people_support import people_pipeline, run

from trialex.pipeline.people_lexicon import PeopleLexicon


@pytest.fixture(scope="module")
def nlp() -> Language:
    return people_pipeline()


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


def test_tab_separated_records_under_registry_headings(nlp: Language) -> None:
    text = (
        "Details of Principal Investigator or overall Trial Coordinator (multi-center study)\n"
        "Name\tDr Suvarna Ketkar\nDesignation\tAssociate Professor\n"
        "Affiliation\tWestgate Institute of Cardiology\nEmail\tsk@example.org\n"
        "Details of Contact Person (Public Query)\nName\tRohan Varadkar\n"
        "Public Contact\nName\tNaoko Shirabe\nOrganization\tMinami University Hospital\n"
    )
    found = run(nlp, text)
    assert [(n, d, r) for n, d, r, _ in found] == [
        ("Suvarna Ketkar", "Dr", "PRINCIPAL_INVESTIGATOR"), ("Rohan Varadkar", None, "CONTACT"),
        ("Naoko Shirabe", None, "CONTACT")]
    assert found[0][3] == "Westgate Institute of Cardiology"
    assert found[2][3] == "Minami University Hospital"


def test_registry_id_line_is_no_affiliation(nlp: Language) -> None:
    text = "NCT07654321\tClinicalTrials.gov Registry Office\nContact\nName\tIlse Vanderpoel\n"
    assert run(nlp, text) == [("Ilse Vanderpoel", None, "CONTACT", None)]


def test_role_name_table_rows(nlp: Language) -> None:
    text = (
        "Contact people\nRole | Name | Email | Phone\n"
        "Principal Investigator | Oumou Sangare | os@example.org | +223 555 0199\n"
        "| Scientific Enquiries | Idrissa Kone | ik@example.org |\n"
    )
    found = run(nlp, text)
    assert [(n, r) for n, _, r, _ in found] == [
        ("Oumou Sangare", "PRINCIPAL_INVESTIGATOR"), ("Idrissa Kone", "CONTACT")]


def test_markdown_escapes_do_not_stop_a_name(nlp: Language) -> None:
    text = ("Principal Investigator: Britt Aalund, MD \\- Fjord Sleep Centre\n"
            "Central contact: Tomas Reyes \\+45 5550 1299\n")
    found = run(nlp, text)
    assert [(n, d, r) for n, d, r, _ in found] == [
        ("Britt Aalund", "MD", "PRINCIPAL_INVESTIGATOR"), ("Tomas Reyes", None, "CONTACT")]


def test_role_heading_at_a_place(nlp: Language) -> None:
    text = "Lead Scientist at Eastbay Medical\n\nCorin Havel, MD\nAssociate Professor, Neurology\n"
    assert [(n, r) for n, _, r, _ in run(nlp, text)] == [("Corin Havel", "PRINCIPAL_INVESTIGATOR")]
