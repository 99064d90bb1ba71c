from __future__ import annotations

import json
from pathlib import Path

import pytest
from records_for_tests import ent, record

from trialex.evaluate import check_fail_under, score
from trialex.evaluate.failunder import read_fail_under

ROOT = Path(__file__).resolve().parents[2]


def report_with_half_drug():
    gold = record(nct_id="NCT1", entities=[ent("DRUG", 0, 2), ent("DRUG", 3, 5)])
    pred = record(nct_id="NCT1", entities=[ent("DRUG", 0, 2)])
    return score({"d": gold}, {"d": pred})  # DRUG span F1 = 2/3


def test_no_violation_at_or_under_the_floor():
    report = report_with_half_drug()
    floors = {"span_exact": {"DRUG": 2 / 3, "micro": 0.5}, "nct_id": {"accuracy": 1.0}}
    assert check_fail_under(report, floors) == []


def test_violations_name_level_label_and_figures():
    report = report_with_half_drug()
    floors = {"span_exact": {"DRUG": 0.9}, "record": {"macro": 1.0, "CELL_TYPE": 0.1},
              "span_overlap": {"NOPE": 0.1}, "nct_id": {"accuracy": 1.0}}
    violations = check_fail_under(report, floors)
    found = {(v.level, v.label): v for v in violations}
    assert set(found) == {("span_exact", "DRUG"), ("record", "CELL_TYPE"),
                          ("span_overlap", "NOPE")}
    assert found[("span_exact", "DRUG")].actual == pytest.approx(2 / 3)
    assert "below the floor" in found[("span_exact", "DRUG")].reason
    assert "nothing to score" in found[("record", "CELL_TYPE")].reason
    assert "no such figure" in str(found[("span_overlap", "NOPE")])


def test_floors_file_comments_and_errors(tmp_path: Path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"_comment": "x", "span_exact": {"_why": "y", "DRUG": 1}}))
    assert read_fail_under(path) == {"span_exact": {"DRUG": 1.0}}
    assert [v.label for v in check_fail_under(report_with_half_drug(), path)] == ["DRUG"]
    path.write_text(json.dumps({"record": {"DRUG": "high"}}))
    with pytest.raises(ValueError, match="must be a number"):
        read_fail_under(path)


def test_checked_in_seed_floors_are_well_formed():
    floors = read_fail_under(ROOT / "benchmarks" / "fail_under_seeds.json")
    assert set(floors) <= {"span_exact", "span_overlap", "record", "nct_id"}
    assert all(0.0 <= v <= 1.0 for labels in floors.values() for v in labels.values())
