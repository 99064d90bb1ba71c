"""The scorer on hand-made records whose tp/fp/fn are counted by hand."""

from __future__ import annotations

import pytest
from records_for_tests import ent, record

from trialex.evaluate import MatchOptions, Report, score


def counts(report: Report, level: str, label: str) -> tuple[int, int, int]:
    c = report.levels[level].labels[label]
    return c.tp, c.fp, c.fn


def test_identical_records_score_one_everywhere():
    gold = record(
        nct_id="NCT01", entities=[ent("CONDITION", 0, 3, "sle"), ent("DRUG", 5, 9, "rituximab")],
        thresholds=[{"variable": "age", "operator": ">=", "value": 18, "unit": "years"}],
        people=[{"name": "Ann Lee", "role": "CONTACT"}],
        related_trials=[{"nct_id": "NCT02"}],
    )
    report = score({"d": gold}, {"d": gold})
    for level in ("span_exact", "span_overlap", "record"):
        assert report.figure(level, "micro") == 1.0
        assert report.figure(level, "macro") == 1.0
    assert report.nct_id.accuracy == 1.0


def test_duplicate_predictions_count_once():
    gold = record(entities=[ent("DRUG", 0, 4, "rituximab")])
    pred = record(entities=[ent("DRUG", 0, 4, "rituximab"), ent("DRUG", 0, 4, "rituximab")])
    report = score({"d": gold}, {"d": pred})
    assert counts(report, "span_exact", "DRUG") == (1, 1, 0)
    # record level compares sets: the repeated canonical is one item
    assert counts(report, "record", "DRUG") == (1, 0, 0)


def test_overlap_matches_count_only_under_overlap():
    gold = record(entities=[ent("CONDITION", 10, 20), ent("CONDITION", 30, 40)])
    pred = record(entities=[ent("CONDITION", 12, 20), ent("CONDITION", 50, 60),
                            ent("DRUG", 30, 40)])
    report = score({"d": gold}, {"d": pred})
    assert counts(report, "span_exact", "CONDITION") == (0, 2, 2)
    assert counts(report, "span_overlap", "CONDITION") == (1, 1, 1)
    assert counts(report, "span_exact", "DRUG") == (0, 1, 0)  # a label mismatch never meets
    outcomes = {(m.side, m.start, m.outcome) for m in report.documents[0].marks}
    assert ("gold", 10, "overlap") in outcomes and ("gold", 30, "miss") in outcomes
    assert ("pred", 50, "spurious") in outcomes and ("pred", 12, "overlap") in outcomes


def test_one_long_prediction_covers_only_one_gold_span():
    gold = record(entities=[ent("DRUG", 0, 5), ent("DRUG", 6, 10)])
    pred = record(entities=[ent("DRUG", 0, 10)])
    assert counts(score({"d": gold}, {"d": pred}), "span_overlap", "DRUG") == (1, 0, 1)


def test_overlap_min_rejects_thin_overlaps():
    gold = record(entities=[ent("DRUG", 0, 10)])
    pred = record(entities=[ent("DRUG", 9, 20)])
    assert counts(score({"d": gold}, {"d": pred}), "span_overlap", "DRUG") == (1, 0, 0)
    strict = MatchOptions(overlap_min=0.5)
    assert counts(score({"d": gold}, {"d": pred}, strict), "span_overlap", "DRUG") == (0, 1, 1)


def test_counts_do_not_collapse_across_labels():
    # two labels with equal counts must sum, not collapse (scispacy's set-sum bug)
    gold = record(entities=[ent("DRUG", 0, 2), ent("DRUG", 3, 5),
                            ent("CONDITION", 6, 8), ent("CONDITION", 9, 11)])
    micro = score({"d": gold}, {"d": gold}).levels["span_exact"].micro
    assert (micro.tp, micro.fp, micro.fn) == (4, 0, 0)


def test_micro_and_macro_differ_as_computed_by_hand():
    gold = record(entities=[ent("DRUG", 0, 2), ent("DRUG", 3, 5), ent("DRUG", 6, 8),
                            ent("CONDITION", 10, 12)])
    pred = record(entities=[ent("DRUG", 0, 2), ent("DRUG", 3, 5), ent("DRUG", 6, 8),
                            ent("CONDITION", 20, 22)])
    level = score({"d": gold}, {"d": pred}).levels["span_exact"]
    assert level.micro.f1 == pytest.approx(0.75)  # tp 3, fp 1, fn 1
    assert level.macro.f1 == pytest.approx(0.5)  # DRUG 1.0, CONDITION 0.0, others undefined


def test_canonicals_meet_across_mesh_inversion_and_plural():
    gold = record(entities=[ent("CONDITION", 0, 3, "systemic lupus erythematosus"),
                            ent("CELL_TYPE", 5, 9, "mesenchymal stem cells")])
    pred = record(entities=[ent("CONDITION", 0, 3, "Lupus Erythematosus, Systemic"),
                            ent("CELL_TYPE", 5, 9, "mesenchymal stem-cell")])
    report = score({"d": gold}, {"d": pred})
    assert counts(report, "record", "CONDITION") == (1, 0, 0)
    assert counts(report, "record", "CELL_TYPE") == (1, 0, 0)


def test_fuzzy_canonicals_only_when_asked():
    gold = record(entities=[ent("DRUG", 0, 3, "mycophenolate mofetil")])
    pred = record(entities=[ent("DRUG", 0, 3, "mycophenolate mofetile")])
    assert counts(score({"d": gold}, {"d": pred}), "record", "DRUG") == (0, 1, 1)
    fuzzy = MatchOptions(canonical_threshold=90)
    assert counts(score({"d": gold}, {"d": pred}, fuzzy), "record", "DRUG") == (1, 0, 0)


def test_fuzzy_names_near_miss_and_role_must_agree():
    gold = record(people=[{"name": "Baoyong Yan", "role": "STUDY_CHAIR"},
                          {"name": "John Smith", "role": "CONTACT"},
                          {"name": "Mary Jones", "role": "CONTACT"}])
    pred = record(people=[{"name": "Yan Bao-yong", "role": "STUDY_CHAIR"},  # variant: meets
                          {"name": "Baoyong Wang", "role": "STUDY_CHAIR"},  # other person
                          {"name": "Jon Smith", "role": "CONTACT"},  # variant: meets
                          {"name": "Mary Jones", "role": "PRINCIPAL_INVESTIGATOR"}])  # wrong role
    report = score({"d": gold}, {"d": pred})
    assert counts(report, "record", "PERSON") == (2, 2, 1)
    loose = MatchOptions(name_threshold=80)
    assert counts(score({"d": gold}, {"d": pred}, loose), "record", "PERSON") == (2, 2, 1)
    assert counts(score({"d": gold}, {"d": pred}, MatchOptions(name_threshold=100)),
                  "record", "PERSON") == (1, 3, 2)


def test_person_under_two_roles_is_two_items():
    gold = record(people=[{"name": "Ann Lee", "role": "CONTACT"},
                          {"name": "Ann Lee", "role": "PRINCIPAL_INVESTIGATOR"}])
    pred = record(people=[{"name": "Ann Lee", "role": "CONTACT"}])
    report = score({"d": gold}, {"d": pred})
    assert counts(report, "record", "PERSON") == (1, 0, 1)
    assert counts(report, "span_exact", "PERSON") == (1, 0, 1)


def test_between_versus_two_bounds_strict_and_lenient():
    gold = record(thresholds=[{"variable": "Age", "operator": "between", "value": 18,
                               "upper": 65, "unit": "Years"}])
    pred = record(thresholds=[{"variable": "age", "operator": ">=", "value": 18.0, "unit": "years"},
                              {"variable": "age", "operator": "<=", "value": 65, "unit": "yrs"}])
    report = score({"d": gold}, {"d": pred})
    assert counts(report, "record", "THRESHOLD") == (0, 2, 1)
    assert counts(report, "record", "THRESHOLD_LENIENT") == (2, 0, 0)


def test_operator_blind_only_in_lenient():
    gold = record(thresholds=[{"variable": "LVEF", "operator": ">=", "value": 50, "unit": "%"},
                              {"variable": "eGFR", "operator": "<", "value": 30,
                               "unit": "mL/min/1.73 m\\^2"}])
    pred = record(thresholds=[{"variable": "lvef", "operator": ">", "value": 50, "unit": "%"},
                              {"variable": "eGFR", "operator": "<", "value": 30,
                               "unit": "ml/min/1.73m2"},
                              {"variable": "eGFR", "operator": "<", "value": 60,
                               "unit": "ml/min/1.73m2"}])
    report = score({"d": gold}, {"d": pred})
    assert counts(report, "record", "THRESHOLD") == (1, 2, 1)
    assert counts(report, "record", "THRESHOLD_LENIENT") == (2, 1, 0)


def test_empty_gold_and_empty_prediction():
    empty = record()
    full = record(entities=[ent("DRUG", 0, 4)], nct_id="NCT01")
    no_pred = score({"d": full}, {"d": empty})
    drug = no_pred.levels["span_exact"].labels["DRUG"]
    assert (drug.tp, drug.fp, drug.fn) == (0, 0, 1)
    assert drug.precision is None and drug.recall == 0.0 and drug.f1 == 0.0
    assert no_pred.nct_id.accuracy == 0.0

    no_gold = score({"d": empty}, {"d": full}).levels["span_exact"].labels["DRUG"]
    assert (no_gold.tp, no_gold.fp, no_gold.fn) == (0, 1, 0)
    assert no_gold.precision == 0.0 and no_gold.recall is None and no_gold.f1 == 0.0

    nothing = score({"d": empty}, {"d": empty})
    assert nothing.figure("span_exact", "micro") is None
    assert nothing.figure("record", "macro") is None
    assert nothing.nct_id.accuracy == 1.0  # both null: the page states no id, and none was given


def test_missing_and_extra_documents():
    gold = {"a": record("a", entities=[ent("DRUG", 0, 4)]), "b": record("b")}
    pred = {"b": record("b"), "z": record("z", entities=[ent("DRUG", 0, 4)])}
    report = score(gold, pred)
    assert report.missing_pred == ["a"]
    assert report.unscored_pred == ["z"]
    assert counts(report, "span_exact", "DRUG") == (0, 0, 1)
    assert [d.doc_id for d in report.documents] == ["a", "b"]


def test_no_documents_at_all():
    report = score({}, {})
    assert report.documents == [] and report.nct_id.accuracy is None
    assert set(report.levels) == {"span_exact", "span_overlap", "record"}


def test_related_trials_and_nct_id():
    gold = record(nct_id="NCT00000001", related_trials=[{"nct_id": "NCT2"}, {"nct_id": "NCT3"},
                                                       {"title": "no id"}])
    pred = record(nct_id="nct00000001", related_trials=[{"nct_id": "nct2"}, {"nct_id": "NCT4"}])
    report = score({"d": gold}, {"d": pred})
    assert counts(report, "record", "RELATED_TRIAL") == (1, 1, 1)
    assert report.nct_id.accuracy == 1.0


def test_report_round_trips_through_json():
    gold = record(entities=[ent("DRUG", 0, 4)])
    report = score({"d": gold}, {"d": record()})
    again = Report.model_validate_json(report.model_dump_json())
    assert again.figure("span_exact", "DRUG") == report.figure("span_exact", "DRUG") == 0.0


def test_lenient_thresholds_stay_out_of_micro_and_macro():
    gold = record(thresholds=[{"variable": "age", "operator": ">=", "value": 18, "unit": "years"}])
    pred = record(thresholds=[{"variable": "age", "operator": ">", "value": 18, "unit": "years"}])
    level = score({"d": gold}, {"d": pred}).levels["record"]
    assert level.labels["THRESHOLD_LENIENT"].tp == 1
    assert (level.micro.tp, level.micro.fp, level.micro.fn) == (0, 1, 1)
    assert level.macro.f1 == 0.0
