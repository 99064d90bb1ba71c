"""Key-value person records of registry pages (ignite-sd, WHO ICTRP, ISRCTN, ANZCTR, ChiCTR),
on invented names: without a layout (whole doc) and, where the layout cuts a record, with it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.pipeline.people_support import people_pipeline, run

from trialex.pipeline.people_lexicon import PeopleLexicon
from trialex.pipeline.people_lines import Line, classify, join_values


@pytest.fixture(scope="module")
def people_nlp() -> Language:
    return people_pipeline()


def test_name_affiliation_role_records(people_nlp: Language) -> None:
    text = (
        "Overall Officials\nName: Odile Fenwick, MD, PhD\nAffiliation: Larchmont University "
        "Hospital\nRole: PRINCIPAL_INVESTIGATOR\nName: Bram Okonkwo\n"
        "Affiliation: Tessellate Biologics\nRole: STUDY_DIRECTOR\n"
    )
    assert run(people_nlp, text) == [
        ("Odile Fenwick", "MD, PhD", "PRINCIPAL_INVESTIGATOR", "Larchmont University Hospital"),
        ("Bram Okonkwo", None, "STUDY_DIRECTOR", "Tessellate Biologics"),
    ]


def test_record_keys_in_any_order(people_nlp: Language) -> None:
    text = (
        "Study Officials\nRole: STUDY_CHAIR\nAffiliation: Quarry Hill Institute\n"
        "Full name: Senna Vale\nRole: STUDY_DIRECTOR\nFull name: Ilse Marrow\n"
    )
    assert run(people_nlp, text) == [
        ("Senna Vale", None, "STUDY_CHAIR", "Quarry Hill Institute"),
        ("Ilse Marrow", None, "STUDY_DIRECTOR", None),
    ]


def test_record_without_role_key_takes_the_heading_role(people_nlp: Language) -> None:
    text = (
        "Central Contacts\nName: Petra Annunzio\nPhone: 555-0187\nEmail: pa@example.org\n"
        "Name: Lutz Harrow\nAddress:\nTelephone:\nEmail:\nAffiliation: Fenmoor Clinic\n"
    )
    assert run(people_nlp, text) == [
        ("Petra Annunzio", None, "CONTACT", None),
        ("Lutz Harrow", None, "CONTACT", "Fenmoor Clinic"),
    ]


def test_record_with_no_role_at_all_is_not_a_person(people_nlp: Language) -> None:
    text = "Reviewers\nName: Hedda Sorensen\nAffiliation: Ostby Hospital\n"
    assert run(people_nlp, text) == []


def test_name_key_with_an_organisation_is_not_a_person(people_nlp: Language) -> None:
    assert run(people_nlp, "Contacts\nName: Wexford General Hospital\n") == []


def test_type_key_then_contact_name_on_next_lines(people_nlp: Language) -> None:
    text = (
        "Contact information\nType(s)\nPrincipal Investigator\nContact name\nDr Alma Rusk\n"
        "ORCID ID\nhttps://orcid.org/0000-0000-0000-0001\nContact details\n"
        "Faculty of Medicine, Brackwater University, Brackwater, BW1 4ZZ\n"
        "Type(s)\nPublic, Scientific\nContact name\nMs Nell Ashdown\nContact details\n"
        "Brackwater Trials Unit, Brackwater\n"
    )
    assert run(people_nlp, text) == [
        ("Alma Rusk", "Dr", "PRINCIPAL_INVESTIGATOR",
         "Faculty of Medicine, Brackwater University, Brackwater, BW1 4ZZ"),
        ("Nell Ashdown", None, "CONTACT", "Brackwater Trials Unit, Brackwater"),
    ]


def test_type_value_with_two_roles_gives_two_entries(people_nlp: Language) -> None:
    text = "Type(s)\nPrincipal Investigator, Scientific\nContact name\nProf Idris Calloway\n"
    people = run(people_nlp, text)
    assert [(n, r) for n, _, r, _ in people] == [
        ("Idris Calloway", "CONTACT"), ("Idris Calloway", "PRINCIPAL_INVESTIGATOR"),
    ]


def test_registry_field_ids_and_role_subheadings(people_nlp: Language) -> None:
    text = (
        "Contacts\nPrincipal investigator\nName 552201 0\nProf Rhea Tolland\n"
        "Address 552201 0\nSchool of Medicine, Cliffside University, 4 Quay Rd\n"
        "Country 552201 0\nAustralia\nPhone 552201 0\n+61 2 5550 9876\n"
        "Contact person for public queries\nName 552202 0\nDr Anand Velloor\n"
        "Country 552202 0\nAustralia\nContact person for scientific queries\nName 552203 0\n"
        "Prof Rhea Tolland\n"
    )
    assert [(n, d, r) for n, d, r, _ in run(people_nlp, text)] == [
        ("Rhea Tolland", "Prof", "PRINCIPAL_INVESTIGATOR"),
        ("Anand Velloor", "Dr", "CONTACT"),
        ("Rhea Tolland", "Prof", "CONTACT"),
    ]


def test_role_key_line_then_name_on_next_line(people_nlp: Language) -> None:
    text = (
        "Applicant:\n\nZhou Meiling\n\nStudy leader:\n\nTang Haoran\n\n"
        "Applicant telephone:\n\n+86 21 5550 3344\n"
    )
    assert [(n, r) for n, _, r, _ in run(people_nlp, text)] == [
        ("Zhou Meiling", "CONTACT"), ("Tang Haoran", "PRINCIPAL_INVESTIGATOR"),
    ]


def test_plain_name_keeps_role_and_keyed_affiliation(people_nlp: Language) -> None:
    text = (
        "Principal Investigators\nCorin Maddox, Ph.D\nRole: PRINCIPAL_INVESTIGATOR\n"
        "Affiliation: Saltmarsh University Hospital\n"
    )
    assert run(people_nlp, text) == [
        ("Corin Maddox", "Ph.D", "PRINCIPAL_INVESTIGATOR", "Saltmarsh University Hospital"),
    ]


def test_key_lines_join_their_values() -> None:
    lex = PeopleLexicon.load()
    raw = ["Name 777001 0", "Dr Ottilie Brandt", "Type(s)", "Public", "Address:", "Email:"]
    lines, pos = [], 0
    for text in raw:
        lines.append(classify(Line(text, pos), lex))
        pos += len(text) + 1
    joined = join_values(lines, lex)
    assert [(ln.kind, ln.field_kind) for ln in joined] == [
        ("name", "name"), ("role", "role"), ("key", "address"), ("key", "other"),
    ]
    assert joined[0].names[0].name == "Ottilie Brandt" and joined[1].roles == ["CONTACT"]


def test_record_cut_by_the_layout_is_read_whole(nlp: Language) -> None:
    """The layout may start a section at "Address:"; the record continues across it."""
    text = (
        "International Clinical Trials Registry Platform\n\nMain ID: NCT09990001\n"
        "Public title: Sleep Hygiene Coaching for Shift Workers\n"
        "Contacts\nName: Wilma Tordenskjold\nAddress:\nTelephone: +47 5550 1100\n"
        "Email: wt@example.no\nAffiliation: Fjordvik Sleep Institute\nName: Arvid Losnes\n"
        "Address:\nTelephone:\nEmail:\nAffiliation: Fjordvik Sleep Institute\n"
        "Key inclusion & exclusion criteria\nInclusion criteria: Inclusion Criteria:\n\n"
        "- Adults aged 18 to 60 years working night shifts\n"
    )
    people = nlp(text)._.people
    assert [(p["name"], p["role"]) for p in people] == [
        ("Wilma Tordenskjold", "CONTACT"), ("Arvid Losnes", "CONTACT"),
    ]


def test_lower_case_names_where_the_page_says_they_are_names(people_nlp: Language) -> None:
    text = (
        "Contacts\nqiu lanfang\nTelephone: 555-0142\nEmail: ql@example.org\n"
        "Study Officials\nbo tiezhu\nPrincipal Investigator\nHarlow University Hospital\n"
        "Locations\nHarlow University Hospital\nSub-Investigator: r k osei\n"
        "Name: mirela dunca\nRole: STUDY_DIRECTOR\n"
    )
    assert [(n, r) for n, _, r, _ in run(people_nlp, text)] == [
        ("qiu lanfang", "CONTACT"), ("bo tiezhu", "PRINCIPAL_INVESTIGATOR"),
        ("r k osei", "SUB_INVESTIGATOR"), ("mirela dunca", "STUDY_DIRECTOR"),
    ]


def test_lower_case_lines_elsewhere_are_not_names(people_nlp: Language) -> None:
    text = (
        "Contacts\nnot yet recruiting\nTelephone: 555-0142\n"
        "Principal Investigator: to be determined\nsome plain words here\nStudy Chair\n"
        "walden pond\n"
    )
    assert run(people_nlp, text) == []
