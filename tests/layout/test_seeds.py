"""Layout detection on the five seed pages."""

from __future__ import annotations

import pytest

from tests.conftest import read_seed
from trialex.layout import analyze

CASES = {
    # prefix: (layout, nct_id, title start, inclusion count, exclusion count)
    "000": ("clinconnect", "NCT03219801", "Umbilical Cord Derived Mesenchymal", 7, 7),
    "001": ("registry_mirror", "NCT03458156", "Umbilical Cord Mesenchymal Stem Cell", 7, 7),
    "002": ("registry_mirror", "NCT04184258", "Treatment of Systemic Lupus", 5, 6),
    "003": ("clinconnect", None, "The Study of Comparing the Efficacy", 7, 8),
    "004": ("official_title_table", None, "Phase I/IIa: Allogeneic Bone Marrow", 0, 0),
}


@pytest.mark.parametrize("prefix", sorted(CASES))
def test_seed_layout(prefix: str) -> None:
    layout, nct_id, title, n_inc, n_exc = CASES[prefix]
    page = analyze(read_seed(prefix))
    assert page.layout == layout
    assert page.nct_id == nct_id
    assert page.title is not None and page.title.startswith(title)
    polarities = [c.criterion for c in page.criteria]
    assert polarities.count("inclusion") == n_inc
    assert polarities.count("exclusion") == n_exc


@pytest.mark.parametrize(
    "prefix, names",
    [
        ("000", {"title", "summary", "eligibility", "about", "locations", "people", "related_trials"}),
        ("001", {"identifiers", "summary", "description", "conditions", "design",
                 "arms_interventions", "eligibility", "sponsors", "people", "related_trials"}),
        ("002", {"summary", "conditions", "eligibility", "sponsors", "people", "locations"}),
        ("003", {"summary", "eligibility", "about", "people", "locations"}),
        ("004", {"title", "summary", "design", "related_trials"}),
    ],
)
def test_seed_sections(prefix: str, names: set[str]) -> None:
    assert names <= {s.name for s in analyze(read_seed(prefix)).sections}


def test_criteria_offsets_are_page_text() -> None:
    text = read_seed("001")
    page = analyze(text)
    first = page.criteria[0]
    assert text[first.start : first.end].startswith("Meeting the 1997 American College")
    last_exclusion = [c for c in page.criteria if c.criterion == "exclusion"][-1]
    assert text[last_exclusion.start : last_exclusion.end].startswith("Pregnant or lactating")


def test_eligibility_stops_before_structured_fields() -> None:
    text = read_seed("001")
    page = analyze(text)
    assert not any("Minimum Eligible Age" in text[c.start : c.end] for c in page.criteria)
    assert not any(text[c.start : c.end].strip() == "18 Years" for c in page.criteria)


def test_related_trials_are_not_the_own_trial() -> None:
    page = analyze(read_seed("004"))
    assert [t.nct_id for t in page.related_trials] == ["NCT05930314", "NCT05063513"]
    assert page.related_trials[0].title == "CNCT19 Cell Injection for Refractory Systemic Lupus Erythematosus"
    assert page.related_trials[1].title == "Autologous Stem Cell Transplantation: International Lupus Trial"
    mirror = analyze(read_seed("001"))
    assert [(t.nct_id, t.title) for t in mirror.related_trials] == [
        ("NCT04868838", "Daratumumab to Treat Active Lupus Nephritis")
    ]


def test_preamble_lines_are_not_criteria() -> None:
    text = read_seed("000")
    page = analyze(text)
    assert not any("disqualified" in text[c.start : c.end] for c in page.criteria)
