"""People read through site furniture: a help line under a heading is a gap, never a person."""

from __future__ import annotations

from trialex.extract import record_from_doc


def test_help_line_between_heading_and_names_is_skipped(nlp) -> None:
    text = (
        "Tendon Repair With Platelet-Rich Plasma\n\nBrief Summary\n\n"
        "Learn what the study is about.\n\nA trial of injections after tendon repair.\n\n"
        "Principal Investigators\n\n"
        "Review the lead researchers and their institutions here.\n\n"
        "Imogen Trask, MD\n\nRole: PRINCIPAL_INVESTIGATOR\n\nHallam Orthopaedic Institute\n"
    )
    record = record_from_doc(nlp(text), "furniture")
    assert [(p.name, p.role, p.affiliation) for p in record.people] == [
        ("Imogen Trask", "PRINCIPAL_INVESTIGATOR", "Hallam Orthopaedic Institute")
    ]
    furniture = {text[a:b] for a, b in nlp(text)._.trialex_layout["furniture"]}
    assert "Review the lead researchers and their institutions here." in furniture


def test_a_logo_line_is_not_an_affiliation(nlp) -> None:
    text = (
        "Knee Study\n\nBrief Summary\n\nA study.\n\nContacts\n\nMarta Ilves, RN\n\n"
        "Harrow Valley Medical Centre Logo\n\nPhone: 555-0101\n"
    )
    record = record_from_doc(nlp(text), "logo")
    assert [(p.name, p.role, p.affiliation) for p in record.people] == [
        ("Marta Ilves", "CONTACT", None)
    ]
