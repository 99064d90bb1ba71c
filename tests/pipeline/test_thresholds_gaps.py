"""Threshold gaps closed after the first release, on invented criteria (no corpus text)."""

from __future__ import annotations

import pytest

from trialex.pipeline.thresholds import ThresholdExtractor


@pytest.fixture(scope="module")
def x() -> ThresholdExtractor:
    return ThresholdExtractor()


def got(x: ThresholdExtractor, text: str) -> list[tuple]:
    out = []
    for r in x.extract(text):
        assert text[r["start"] : r["end"]] == r["text"]
        out.append((r["kind"], r["variable"], r["operator"], r["value"], r["upper"], r["unit"]))
    return out


@pytest.mark.parametrize(("text", "value"), [
    ("Volunteers 21+ years", 21),
    ("Women aged 35+ years old", 35),
    ("Men 50+ yrs of age", 50),
])
def test_plus_sign_then_unit(x: ThresholdExtractor, text: str, value: int) -> None:
    assert got(x, text) == [("age", "age", ">=", value, None, "years")]


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("The child is ≥ 4 and ≤ 11 years of age at consent.", 4, 11, "years"),
    ("Infants > 2 and < 10 months old", 2, 10, "months"),
    ("Pupils >= 7 but < 15 years old", 7, 15, "years"),
])
def test_first_bound_takes_the_second_bounds_unit(x: ThresholdExtractor, text: str, low: int,
                                                  high: int, unit: str) -> None:
    found = got(x, text)
    assert [(k, v, val, u) for k, v, _, val, _, u in found] == [
        ("age", "age", low, unit), ("age", "age", high, unit)]


def test_shared_unit_only_for_opposite_bounds(x: ThresholdExtractor) -> None:
    found = got(x, "HbA1c > 6.8 and < 9.5 %")
    assert [(v, op, val, u) for _, v, op, val, _, u in found] == [
        ("HbA1c", ">", 6.8, "%"), ("HbA1c", "<", 9.5, "%")]
    found = got(x, "Ferritin > 40 and bilirubin < 2 mg/dL")
    assert found[0][5] is None  # a different variable in between: no sharing


@pytest.mark.parametrize(("text", "value", "upper"), [
    ("Gestation of 14 weeks 0 days to 20 weeks 5 days", 14, 20.71),
    ("gestational age of at least 30 weeks 2 days", 30.29, None),
])
def test_weeks_and_days(x: ThresholdExtractor, text: str, value: float,
                        upper: float | None) -> None:
    ((_, _, _, v, u, unit),) = got(x, text)
    assert (v, u, unit) == (value, upper, "weeks")


def test_count_with_a_number_word(x: ThresholdExtractor) -> None:
    assert ("count", "item", ">=", 2, None, None) in got(
        x, "A rating of 4 on at least two items of the questionnaire")
    assert got(x, "more than three relapses in the last year")[0][:4] == (
        "count", "relapse", ">", 3)
    assert got(x, "meets at least one of the following criteria") == []


@pytest.mark.parametrize("text", [
    "Volunteers who experienced > 5 migraine days",  # the variable would be a verb
    "Able to participate in >= 3 of the visits",
    "Must agree to perform > 2",
    "female < 14",  # a person word is no variable
    "Study ID: 31-004417",  # an identifier, not a range
])
def test_no_variable_from_verbs_person_words_or_codes(x: ThresholdExtractor, text: str) -> None:
    assert all(v not in {"experienced", "participate", "perform", "female", "ID"}
               for _, v, *_ in got(x, text))


def test_adults_before_a_bound_is_an_age(x: ThresholdExtractor) -> None:
    assert got(x, "Adults >= 21")[0][:4] == ("age", "age", ">=", 21)


def test_sections_without_cut_offs_keep_only_ages() -> None:
    from trialex.extract import extract_text

    page = (
        "Brief Summary\n\nThis study asks whether daily stretching lowers back pain over one year"
        " in adults aged 30 to 60 years.\n\n"
        "Eligibility Criteria\n\nInclusion Criteria:\n\n* Back pain for at least 3 months\n"
        "* Pain score of 4 or more\n\n"
        "About Greenfield Spine Centre\n\nGreenfield Spine Centre treats more than 900 patients"
        " every year.\n"
    )
    found = {(t["variable"], t["value"]) for t in extract_text(page).model_dump()["thresholds"]}
    assert ("age", 30) in found and ("pain score", 4) in found
    assert all(v < 900 for _, v in found) and len(found) == 3, found


@pytest.mark.parametrize(("text", "span"), [
    ("Ages Eligible for Study:  21 Years and older  (Adult)",
     "Ages Eligible for Study:  21 Years and older"),
    ("Eligible ages: 16 years and over", "ages: 16 years and over"),
])
def test_structured_age_field_span_starts_at_its_label(x: ThresholdExtractor, text: str,
                                                       span: str) -> None:
    (row,) = x.extract(text)
    assert (row["variable"], row["operator"], row["text"]) == ("age", ">=", span)


def test_markdown_escapes_leave_the_variable_name(x: ThresholdExtractor) -> None:
    (row,) = x.extract("Arousal\\-frequency index \\>= 12")
    assert row["variable"] == "arousal-frequency index"
    assert row["text"] == "Arousal\\-frequency index \\>= 12"



@pytest.mark.parametrize(("text", "op", "value", "upper"), [
    ("Ages Eligible for Study\n\n9 Years and older (Child, Adult)", ">=", 9, None),
    ("Ages Eligible for Study:\n6 Years to 11 Years (Child)", "between", 6, 11),
])
def test_age_label_alone_on_the_line_before(x: ThresholdExtractor, text: str, op: str,
                                            value: int, upper: int | None) -> None:
    (row,) = x.extract(text)
    assert (row["variable"], row["operator"], row["value"], row["upper"], row["unit"]) == (
        "age", op, value, upper, "years")
    assert row["text"].startswith("Ages Eligible for Study")


def test_age_old_unit_of_registry_forms(x: ThresholdExtractor) -> None:
    (row,) = x.extract("Age Minimum\t>= 16age old")
    got_row = (row["variable"], row["operator"], row["value"], row["unit"])
    assert got_row == ("age", ">=", 16, "years")


@pytest.mark.parametrize(("text", "variable"), [
    ("Positive RSV-2 test at least 10 weeks before screening", "positive RSV-2 test"),
    ("treatment with anti-CD40 agents within 6 months", "anti-cd40 agent"),
])
def test_hyphenated_words_stay_in_the_subject(x: ThresholdExtractor, text: str,
                                              variable: str) -> None:
    (row,) = x.extract(text)
    assert (row["kind"], row["variable"]) == ("temporal", variable)


def test_side_by_side_names_are_one_compound_not_a_list(x: ThresholdExtractor) -> None:
    rows = x.extract("Newborns with gestation age ≥ 30 weeks")
    assert [(r["variable"], r["value"]) for r in rows] == [("gestational age", 30)]
    rows = x.extract("AST and ALT > 2.5 x ULN")
    assert [r["variable"] for r in rows] == ["AST", "ALT"]


@pytest.mark.parametrize("text", [
    "Willing to take part in the study over a 12-month period",
    "Lesion involving less than 40% of the cornea",
])
def test_generic_words_are_not_variables(x: ThresholdExtractor, text: str) -> None:
    assert not any(v in {"study", "involving"} for _, v, *_ in got(x, text))


def test_detailed_description_numbers_are_not_cut_offs(nlp) -> None:
    from trialex import extract_text

    page = ("Made-up Module Page\n\nNCT ID: NCT09999992\n"
            "Detailed Description: Gout affects around 1% to 4% of adults; participants aged "
            "40 years or older will be followed.\n"
            "Eligibility Criteria: Inclusion Criteria: * Serum urate > 6 mg/dL\n")
    rec = extract_text(page, "invented", nlp)
    got_ = {(t.section, t.variable, t.operator, t.value) for t in rec.thresholds}
    assert not any(s == "description" and v != "age" for s, v, _, _ in got_)
    assert ("description", "age", ">=", 40) in got_
    assert any(s == "eligibility" and op == ">" and val == 6 for s, _, op, val in got_)
