"""One test per page pattern of issue 6, on invented names, without a layout (whole doc)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.pipeline.people_support import people_pipeline, run

from trialex.pipeline.tokenizer import blank_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return people_pipeline()


def test_officials_block_name_role_affiliation(nlp: Language) -> None:
    text = (
        "Trial Officials\n\nMirela Voss, Doctor\n\nStudy Chair\n\nNorthgate University Hospital\n\n"
        "Tomasz Quell, Master\n\nPrincipal Investigator\n\nRiverside Medical Center\n"
    )
    assert run(nlp, text) == [
        ("Mirela Voss", "Doctor", "STUDY_CHAIR", "Northgate University Hospital"),
        ("Tomasz Quell", "Master", "PRINCIPAL_INVESTIGATOR", "Riverside Medical Center"),
    ]


def test_officials_block_role_first_and_degree_line(nlp: Language) -> None:
    text = (
        "Study Officials\nStudy Director\nOrla Brenning\nPh.D\nHalden Institute of Cardiology\n"
        "Study Chair\nIsak Tormund\nMD\nVestby Clinic\n"
    )
    assert run(nlp, text) == [
        ("Orla Brenning", "Ph.D", "STUDY_DIRECTOR", "Halden Institute of Cardiology"),
        ("Isak Tormund", "MD", "STUDY_CHAIR", "Vestby Clinic"),
    ]


def test_role_enum_lines(nlp: Language) -> None:
    text = (
        "Principal Investigators\n\nLearn about the lead researchers.\n\nWen Haoyu, Ph.D\n\n"
        "Role: PRINCIPAL_INVESTIGATOR\n\nEastbrook Children's Hospital\n\nPetra Lind, Dr\n\n"
        "Role: STUDY_DIRECTOR\n\nAssociate professor, Kestrel State Medical University\n"
    )
    assert run(nlp, text) == [
        ("Wen Haoyu", "Ph.D", "PRINCIPAL_INVESTIGATOR", "Eastbrook Children's Hospital"),
        ("Petra Lind", "Dr", "STUDY_DIRECTOR", "Kestrel State Medical University"),
    ]


def test_responsible_party_block(nlp: Language) -> None:
    text = (
        "Responsible Party\n\nIdentify the individual or organization responsible.\n\nZhou Lan\n\n"
        "Chief Physician\n\nResponsibility Role PRINCIPAL_INVESTIGATOR\n\n"
        "Principal Investigators\n\nZhou Lan, MD\n\nRole: PRINCIPAL_INVESTIGATOR\n\n"
        "Harbour City Hospital\n"
    )
    assert run(nlp, text) == [
        ("Zhou Lan", None, "RESPONSIBLE_PARTY", None),
        ("Zhou Lan", "MD", "PRINCIPAL_INVESTIGATOR", "Harbour City Hospital"),
    ]


def test_responsible_party_sponsor_has_no_person(nlp: Language) -> None:
    text = "Responsible Party\n\nResponsibility Role SPONSOR\n\nSponsors\n\nAcme Biotech Inc\n"
    assert run(nlp, text) == []


def test_contacts_block(nlp: Language) -> None:
    text = "Contacts\nRosalind Feher\nImmunology at Lakeshore Institute of Health\nLocations\n"
    assert run(nlp, text) == [
        ("Rosalind Feher", None, "CONTACT", "Lakeshore Institute of Health"),
    ]


def test_location_tree_role_then_name_on_next_line(nlp: Language) -> None:
    text = (
        "Locations\n"
        "- Pinecrest Cancer Center\n  - Springfield, Illinois, United States, 62701\n"
        "  - Recruiting\n  - Principal Investigator:\n    - Delia M. Okafor\n"
        "- Bayview Regional Hospital\n  - Portland, Oregon, United States\n  - Completed\n"
        "  - Principal Investigator:\n    - Ruben Castellano-Ruiz, MD\n"
    )
    assert run(nlp, text) == [
        ("Delia M. Okafor", None, "PRINCIPAL_INVESTIGATOR", "Pinecrest Cancer Center"),
        ("Ruben Castellano-Ruiz", "MD", "PRINCIPAL_INVESTIGATOR", "Bayview Regional Hospital"),
    ]


def test_inline_roles_and_contacts(nlp: Language) -> None:
    text = (
        "Maplewood University Medical Center\nAustin, Texas, United States\n"
        "Principal Investigator: Jane Q. Doe, MD\n"
        "Sub-Investigator: Arvid Tolle, MD\n"
        "Contact: Nadia Ferro | 310-555-0100 | nferro@maplewood.example.org\n"
        "Contact: Colm Byrne, RN 404-555-0100 cbyrne@maplewood.example.org\n"
    )
    site = "Maplewood University Medical Center"
    assert run(nlp, text) == [
        ("Jane Q. Doe", "MD", "PRINCIPAL_INVESTIGATOR", site),
        ("Arvid Tolle", "MD", "SUB_INVESTIGATOR", site),
        ("Nadia Ferro", None, "CONTACT", site),
        ("Colm Byrne", "RN", "CONTACT", site),
    ]


def test_role_heading_then_name_next_line(nlp: Language) -> None:
    text = "Study Chair\nBeatrix Holm, MD\nSunnyvale Heart Institute\n"
    assert run(nlp, text) == [("Beatrix Holm", "MD", "STUDY_CHAIR", "Sunnyvale Heart Institute")]


def test_name_role_organisation_unlabelled(nlp: Language) -> None:
    text = "Overview\nHenrik Aalto\nPrincipal Investigator\nTampere Lung Foundation\n"
    assert run(nlp, text) == [
        ("Henrik Aalto", None, "PRINCIPAL_INVESTIGATOR", "Tampere Lung Foundation"),
    ]


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Co-Investigator: Ilse Marov, PhD", "SUB_INVESTIGATOR"),
        ("Study Coordinator: Ines Palomar", "CONTACT"),
        ("Research Nurse: Kofi Mensah, RN", "CONTACT"),
        ("For more information contact: Lotte Brink", "CONTACT"),
        ("Study Director: Emil Sand, MD", "STUDY_DIRECTOR"),
        ("Study Chair: Yara Costa, MD", "STUDY_CHAIR"),
        ("Central Contact Person: Ruth Ellery, BSN", "CONTACT"),
    ],
)
def test_nearest_role_mapping(nlp: Language, line: str, role: str) -> None:
    assert [p[2] for p in run(nlp, line + "\n")] == [role]


@pytest.mark.parametrize(
    "line",
    [
        "Study Director: Study Director",
        "Study Director: Sponsor Investigational Site",
        "Contact: Clinical Trials",
        "Contact: Call Center",
        "Contact: Novartis Pharmaceuticals",
        "Principal Investigator: Medical Director",
        "Contact: 1-888-555-0100",
        "Contact: trials@hospital.example.org",
        "Principal Investigator: Northwind University Hospital",
        "Contact: Use Central Contact",
    ],
)
def test_never_a_name(nlp: Language, line: str) -> None:
    assert run(nlp, line + "\n") == []


def test_name_without_role_is_not_a_person(nlp: Language) -> None:
    assert run(nlp, "Authors\nMarta Keel\nJonas Wirth\n") == []


def test_name_shapes(nlp: Language) -> None:
    text = (
        "Investigators\nPieter van der Molen\nAisha bin Tariq\nQiang Liu Liu\nDoe, Jonathan\n"
        "Marie-Claire O'Dowd, MBBS\nDr. Ansel Grieve\nXu Wei\n"
    )
    assert [(p[0], p[1]) for p in run(nlp, text)] == [
        ("Pieter van der Molen", None),
        ("Aisha bin Tariq", None),
        ("Qiang Liu Liu", None),
        ("Doe, Jonathan", None),
        ("Marie-Claire O'Dowd", "MBBS"),
        ("Ansel Grieve", "Dr."),
        ("Xu Wei", None),
    ]


def test_related_trials_are_not_read() -> None:
    """Names in a related-trials section belong to other trials."""
    from spacy.tokens import Span

    nlp = blank_nlp()
    nlp.add_pipe("trialex_people")
    text = "Trial Officials\nAda Quill\nStudy Chair\n\nSimilar Trials\nStudy Chair: Bo Rask\n"
    doc = nlp.make_doc(text)
    cut = text.index("Similar")
    doc.spans["sections"] = [
        doc.char_span(0, cut - 2, label="people", alignment_mode="expand"),
        doc.char_span(cut, len(text), label="related_trials", alignment_mode="expand"),
    ]
    assert isinstance(doc.spans["sections"][0], Span)
    doc = nlp.get_pipe("trialex_people")(doc)
    assert [(p["name"], p["role"]) for p in doc._.people] == [("Ada Quill", "STUDY_CHAIR")]


def test_inline_name_degree_and_organisation(nlp: Language) -> None:
    text = (
        "Collaborators and Investigators\n"
        "Principal Investigator: Wilma Strand, MD, Harbourview Cardiology Network\n"
        "More Information\n"
        "Principal Investigator: Odo Fenwick, MD\nNorthfield Cancer Institute\n"
    )
    assert run(nlp, text) == [
        ("Wilma Strand", "MD", "PRINCIPAL_INVESTIGATOR", "Harbourview Cardiology Network"),
        ("Odo Fenwick", "MD", "PRINCIPAL_INVESTIGATOR", "Northfield Cancer Institute"),
    ]
