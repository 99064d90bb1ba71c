"""People in JSON field dumps and in location-table rows (invented text)."""

from __future__ import annotations

from trialex.pipeline.people_json import read_json_people
from trialex.pipeline.people_lexicon import PeopleLexicon
from trialex.pipeline.people_lines import Line, classify, split_role_runs

LEX = PeopleLexicon.load()


def test_json_records_camel_case_keys() -> None:
    text = ('{"OverallOfficialName": "Ann Roe, PhD", "OverallOfficialAffiliation": "Northgate '
            'University", "OverallOfficialRole": "Study Chair"}\n'
            '{"CentralContactName": "Piet Maas", "CentralContactEMail": "p@example.org"}')
    got = read_json_people(text, 10, LEX)
    assert [(p["name"], p["role"], p["degree"]) for p in got] == [
        ("Ann Roe", "STUDY_CHAIR", "PhD"), ("Piet Maas", "CONTACT", None)]
    assert got[0]["affiliation"] == "Northgate University"
    assert text[got[1]["start"] - 10 : got[1]["end"] - 10] == "Piet Maas"


def test_json_records_plain_keys_and_no_role() -> None:
    text = '{"name": "Ida Berg", "role": "PRINCIPAL_INVESTIGATOR"} {"name": "Acme Trial Lab"}'
    got = read_json_people(text, 0, LEX)
    assert [(p["name"], p["role"]) for p in got] == [("Ida Berg", "PRINCIPAL_INVESTIGATOR")]


def test_role_words_inside_a_table_cell() -> None:
    row = ("Springfield, Ill. | Recruiting | Lakeside Clinic principal investigator Omar Haddad, "
           "M.D. Contact: Greta Olsen (555) 010-0199 g.olsen@example.org")
    runs = split_role_runs(classify(Line(row, 5), LEX), LEX)
    got = [(r.names[0].name, r.role, r.names[0].affiliation) for r in runs]
    assert got == [("Omar Haddad", "PRINCIPAL_INVESTIGATOR", "Lakeside Clinic"),
                   ("Greta Olsen", "CONTACT", "Lakeside Clinic")]
    assert row[runs[0].names[0].start - 5 : runs[0].names[0].end - 5] == "Omar Haddad"


def test_table_row_without_a_name_after_the_role_is_kept() -> None:
    row = "Omar Haddad | Principal Investigator | Contact: Study Team"
    runs = split_role_runs(classify(Line(row, 0), LEX), LEX)
    assert all(r.names[0].name != "Study Team" for r in runs if r.names)
