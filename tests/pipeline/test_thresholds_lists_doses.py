"""Time windows after a class noun and its members, mass doses of a drug, and hyphen-less age
ranges (invented text)."""

from __future__ import annotations

import pytest

from trialex.pipeline.threshold_emit import free_name
from trialex.pipeline.thresholds import ThresholdExtractor

EX = ThresholdExtractor()


def rows(text: str) -> list[tuple]:
    return [(r["kind"], r["variable"], r["operator"], r["value"], r["upper"], r["unit"])
            for r in EX.extract(text)]


@pytest.mark.parametrize("text, variable", [
    ("Serious chronic conditions including lymphoma within 3 years", "lymphoma"),
    ("Relevant infections, e.g. tuberculosis within 4 months", "tuberculosis"),
    ("Exposure to biologics such as adalimumab within 10 weeks", "adalimumab"),
    ("Background, within 9 months, of opioid dependence", "opioid dependence"),
    ("A history of gambling disorder within 8 months", "gambling disorder"),
])
def test_window_names_the_event_not_the_list_head(text: str, variable: str) -> None:
    got = rows(text)
    assert len(got) == 1 and got[0][0] == "temporal" and got[0][1] == variable, got


def test_plural_in_ies_becomes_y() -> None:
    assert free_name("Serious Comorbidities") == "serious comorbidity"
    assert free_name("dental caries") == "dental caries"
    assert free_name("biological agents") == "biological agent"


@pytest.mark.parametrize("text, drug, value", [
    ("Participants taking ≥2.4 grams of oral mesalazine", "mesalazine", 2.4),
    ("Daily intake > 3 g of oral 4-ASB", "4-ASB", 3),
])
def test_mass_of_a_drug_is_a_dose(text: str, drug: str, value: float) -> None:
    got = rows(text)
    assert [(g[0], g[1], g[3]) for g in got] == [("dose", drug, value)], got


def test_mass_without_dose_cue_stays_a_measurement() -> None:
    got = rows("Proteinuria ≥ 2 g of protein per 24 hours")
    assert got and got[0][0] == "measurement"


@pytest.mark.parametrize("text", ["Women 21 64 years of age", "Volunteers 21 64 years old"])
def test_two_bare_numbers_before_years_of_age(text: str) -> None:
    assert rows(text) == [("age", "age", "between", 21, 64, "years")]


def test_two_bare_numbers_without_age_marker_are_not_a_range() -> None:
    assert not any(r[2] == "between" for r in rows("Visits 3 4 weeks apart"))
