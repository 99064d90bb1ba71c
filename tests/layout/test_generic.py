"""The generic layout on synthetic pages in every style real sites use."""

from __future__ import annotations

import time

import pytest

from tests.conftest import FIXTURES
from trialex.layout import analyze
from trialex.reading import read_page

PAGES = FIXTURES / "pages"


def _page(name: str):
    text = read_page(PAGES / name).text
    return text, analyze(text)


def _criteria(name: str) -> list[tuple[str, str]]:
    text, page = _page(name)
    return [(c.criterion, text[c.start : c.end]) for c in page.criteria]


def test_markdown_headings_key_values_and_caps_headers() -> None:
    text, page = _page("md_keyvalue.txt")
    assert page.layout == "generic"
    assert page.nct_id == "NCT09990001"
    assert page.title == "Nivolumab Plus Low-Dose Ipilimumab in Resectable Gastric Cancer"
    names = [s.name for s in page.sections]
    for name in ("title", "sponsors", "status", "summary", "conditions", "eligibility", "people"):
        assert name in names
    assert _criteria("md_keyvalue.txt") == [
        ("inclusion", "Histologically confirmed gastric adenocarcinoma"),
        ("inclusion", "ECOG performance status 0 or 1"),
        ("inclusion", "Absolute neutrophil count \\>= 1.5 x 10^9/L"),
        ("exclusion", "Prior treatment with an anti-PD-1 antibody"),
        ("exclusion", "Active autoimmune disease requiring systemic treatment within 2 years"),
    ]
    assert [(t.nct_id, t.title) for t in page.related_trials] == [
        ("NCT09990002", "Pembrolizumab Before Gastrectomy"),
        ("NCT09990003", "Perioperative FLOT in Gastric Cancer"),
    ]


def test_key_on_one_line_value_on_next_and_numbered_items() -> None:
    text, page = _page("key_next_line.txt")
    assert page.nct_id == "NCT09990011"
    assert {"identifiers", "summary", "eligibility", "locations"} <= {s.name for s in page.sections}
    crit = _criteria("key_next_line.txt")
    assert [c for c, _ in crit] == ["inclusion"] * 3 + ["exclusion"] * 3
    assert crit[1] == ("inclusion", "eGFR 25 to 75 mL/min/1.73 m2")


def test_markdown_table_rows_and_criteria_run_together() -> None:
    text, page = _page("table_runon.txt")
    assert page.nct_id == "NCT09990021"
    assert page.title == "Tofacitinib Taper in Rheumatoid Arthritis"
    assert "conditions" in {s.name for s in page.sections}
    assert _criteria("table_runon.txt") == [
        ("inclusion", "Adults aged 18 to 80 years"),
        ("inclusion", "Rheumatoid arthritis by 2010 ACR/EULAR criteria"),
        ("inclusion", "DAS28-CRP \\< 2.6 for at least 6 months"),
        ("exclusion", "Prior treatment with a JAK inhibitor other than tofacitinib"),
        ("exclusion", "Serum creatinine \\> 1.5 x ULN"),
    ]
    assert [t.nct_id for t in page.related_trials] == ["NCT09990022"]


def test_help_sentences_and_plain_language_headers() -> None:
    crit = _criteria("help_sentences.txt")
    assert [c for c, _ in crit] == ["inclusion"] * 3 + ["exclusion"] * 2
    assert not any(t.startswith("Check the requirements") for _, t in crit)
    _, page = _page("help_sentences.txt")
    assert page.nct_id is None


def test_crlf_bom_and_dot_bullets_keep_offsets() -> None:
    text, page = _page("crlf_bom.txt")
    assert not text.startswith("\ufeff") and "\r\n" in text
    assert page.nct_id == "NCT09990031"
    assert _criteria("crlf_bom.txt") == [
        ("inclusion", "Age 12 to 17 years"), ("inclusion", "BMI ≥ 95th percentile"),
        ("exclusion", "Type 1 diabetes"), ("exclusion", "Prior bariatric surgery"),
    ]


def test_unknown_html_site_still_yields_both_polarities() -> None:
    text, page = _page("unknown_site.html")
    assert page.layout == "generic"
    assert page.title == "Rituximab in Membranous Nephropathy"
    assert page.nct_id == "NCT09990041"
    crit = _criteria("unknown_site.html")
    assert {c for c, _ in crit} == {"inclusion", "exclusion"}
    assert ("exclusion", "you are pregnant") in crit


@pytest.mark.parametrize(
    "header, polarity",
    [("INCLUSION CRITERIA:", "inclusion"), ("Inclusion Criteria", "inclusion"),
     ("Key inclusion criteria", "inclusion"), ("Who can participate", "inclusion"),
     ("- Exclusion Criteria:", "exclusion"), ("KEY EXCLUSION CRITERIA", "exclusion"),
     ("Who cannot participate?", "exclusion"), ("**Exclusion criteria**", "exclusion")],
)
def test_polarity_headers_in_any_case(header: str, polarity: str) -> None:
    text = f"A Trial of Something\n\nEligibility\n{header}\n- Criterion one here\n"
    page = analyze(text)
    assert [c.criterion for c in page.criteria] == [polarity]


def test_nct_only_in_similar_trials_is_related() -> None:
    text = "Aspirin After Stroke\n\nSummary\nA study.\n\nSimilar Trials\nNCT01234567 Clopidogrel Later\n"
    page = analyze(text)
    assert page.nct_id is None
    assert [t.nct_id for t in page.related_trials] == ["NCT01234567"]


def test_linear_time_on_adversarial_lines() -> None:
    nasty = ("- " * 20000 + "\n") + ("Inclusion " * 20000) + "\n" + ("|" * 50000) + "\n" + "NCT1" * 20000
    started = time.perf_counter()
    analyze(nasty)
    assert time.perf_counter() - started < 5


def test_registry_copy_with_site_furniture_and_help_paragraphs() -> None:
    text, page = _page("ctgov_modern.txt")
    assert page.title == "Low-Dose Colchicine After Myocardial Infarction in Older Adults"
    assert page.nct_id == "NCT09990051"
    assert _criteria("ctgov_modern.txt") == [
        ("inclusion", "Age 70 years or older"),
        ("inclusion", "Myocardial infarction within 30 days before randomisation"),
        ("exclusion", "eGFR < 30 mL/min/1.73 m2"),
        ("exclusion", "Current treatment with colchicine"),
    ]
    assert "people" in {s.name for s in page.sections}


def test_registry_with_participant_criteria_headings_and_age_limits() -> None:
    text, page = _page("isrctn_like.txt")
    assert page.title == "Physiotherapy-Led Exercise for Knee Osteoarthritis"
    assert page.nct_id == "NCT09990061"
    crit = _criteria("isrctn_like.txt")
    assert [c for c, _ in crit] == ["inclusion", "inclusion", "exclusion", "exclusion"]
    assert not any("45 Years" == t for _, t in crit)


def test_ignite_module_pages_inline_numbered_criteria_and_brief_title() -> None:
    text, page = _page("ignite_module.txt")
    assert page.layout == "ignite_module"
    assert page.nct_id == "NCT09990071"
    assert page.title is None  # "Study Brief:" is empty: the page states no title
    assert _criteria("ignite_module.txt") == [
        ("inclusion", "Age 20-68"), ("inclusion", "English-speaking"), ("inclusion", "BMI \\< 35"),
        ("inclusion", "Sedentary lifestyle"),
        ("exclusion", "MRI contraindications (e.g., pacemaker, weight \\> 350 lbs)"),
        ("exclusion", "Hearing impaired"), ("exclusion", "Cardiovascular disease"),
    ]
    assert page.sections[0].name == "other"  # the site's help text about the module
    _, described = _page("ignite_description.txt")
    assert described.title == "Zanbrutinib for Chronic Spontaneous Urticaria"
    assert {"summary", "description"} <= {s.name for s in described.sections}


def test_screening_questions_stay_criteria_and_wh_questions_end_eligibility() -> None:
    text = (
        "Knee Pain Study\n\nWho can participate?\nYou may qualify if you:\n"
        "- Are you 50 years or older?\n- Do you have knee pain most days?\n\n"
        "What happens during the study?\nTwo clinic visits.\n"
    )
    page = analyze(text)
    assert [text[c.start : c.end] for c in page.criteria] == [
        "Are you 50 years or older?", "Do you have knee pain most days?"
    ]
    assert page.sections[-1].name == "other"


def test_tab_separated_registry_rows_labels_and_fields() -> None:
    text = (
        "Some Registry\n\nPublic Title\tWalking Programme After Hip Fracture\n"
        "Inclusion Criteria\nAge From\t65.00 Year(s)\nDetails\t1. Hip fracture surgery\n2. Lives at home\n"
        "Exclusion Criteria\tBedridden before the fracture\nMethod of Allocation\tSealed envelopes\n"
    )
    page = analyze(text)
    assert page.title == "Walking Programme After Hip Fracture"
    assert [(c.criterion, text[c.start : c.end]) for c in page.criteria] == [
        ("inclusion", "Hip fracture surgery"), ("inclusion", "Lives at home"),
        ("exclusion", "Bedridden before the fracture"),
    ]


def test_json_dump_with_escaped_newlines() -> None:
    text = (
        '{\n  "NCTId": "NCT09990091",\n  "BriefTitle": "Sleep Coaching for Shift Workers",\n'
        '"EligibilityCriteria": "Inclusion Criteria:\\n\\n* Night shifts\\n\\nExclusion Criteria:\\n\\n* Sleep apnoea",\n'
        '"MinimumAge": "18 Years"}\n'
    )
    page = analyze(text)
    assert page.title == "Sleep Coaching for Shift Workers"
    assert [(c.criterion, text[c.start : c.end]) for c in page.criteria] == [
        ("inclusion", "Night shifts"), ("exclusion", "Sleep apnoea"),
    ]


def test_escaped_markdown_bullets_and_numbers() -> None:
    text = "Trial\n\n**Inclusion Criteria:**\n\n\\* Age \\>= 18\n\n**Exclusion Criteria:**\n\n1\\. HbA1c \\> 10%\n"
    page = analyze(text)
    assert [text[c.start : c.end] for c in page.criteria] == ["Age \\>= 18", "HbA1c \\> 10%"]


@pytest.mark.parametrize("banner", ["Research > Clinical Trials", "Westmoor Medicine | Clinical Trials"])
def test_breadcrumbs_and_site_banners_are_not_titles(banner: str) -> None:
    page = analyze(f"{banner}\n\nHome-Based Exercise for Heart Failure in Older Adults\n\nSummary\nA study.\n")
    assert page.title == "Home-Based Exercise for Heart Failure in Older Adults"


@pytest.mark.parametrize(("marker", "second"), [("* ", "* "), ("• ", "• "), ("1. ", "2. "),
                                               ("1) ", "2) ")])
def test_inline_polarity_header_without_colon_before_a_list_marker(marker: str, second: str) -> None:
    # a module page that runs the whole criteria text onto one 'Key: value' line
    text = ("Made-up Trial Page\n\nNCT ID: NCT09999991\n"
            f"Eligibility Criteria: Inclusion Criteria {marker}Adults with chronic gout "
            f"{second}Able to consent Exclusion Criteria {marker}Prior kidney transplant\n")
    crit = [(c.criterion, text[c.start:c.end]) for c in analyze(text).criteria]
    assert ("inclusion", "Adults with chronic gout") in crit
    assert ("exclusion", "Prior kidney transplant") in crit


def test_polarity_words_inside_a_sentence_do_not_open_a_list() -> None:
    text = ("Made-up Trial Page\n\nEligibility\nInclusion Criteria:\n"
            "- Meets the exclusion criteria review described below\n")
    assert [c.criterion for c in analyze(text).criteria] == ["inclusion"]


def test_breadcrumb_trail_ending_in_the_title_is_not_the_title() -> None:
    title = "Cooling the Injured Knee After Arthroscopy Trial (COOL-K)"
    text = (f"Call us 000-000-0000\n\nHome / Trials / {title}\n\n{title}\n\n"
            "Brief Summary:\nThis invented study tests cooling after knee surgery.\n")
    assert analyze(text).title == title


def test_title_with_slashes_but_no_repeated_line_stays_whole() -> None:
    title = "Drug A / Drug B / Drug C in Adults With Chronic Gout"
    text = f"{title}\n\nBrief Summary:\nThis invented study compares three drugs.\n"
    assert analyze(text).title == title


def test_furniture_ranges_are_whole_boilerplate_and_help_lines() -> None:
    text = (
        "Skip to main content\n"
        "Eligibility\n"
        "Check the requirements below before you contact the study team.\n"
        "• Aged 18 years or older\n"
    )
    page = analyze(text)
    assert [text[s:e] for s, e in page.furniture] == [
        "Skip to main content",
        "Check the requirements below before you contact the study team.",
    ]
    assert page.model_validate(page.model_dump()) == page
