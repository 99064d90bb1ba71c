"""Type words left of a condition name, 'X-induced Y', negated adjectives (invented sentences)."""

from __future__ import annotations

import pytest


def _conditions(doc) -> set[tuple[str, str]]:
    return {(s.text, s._.canonical) for s in doc.spans["entities"] if s.label_ == "CONDITION"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Known ischemic cardiomyopathy.", ("ischemic cardiomyopathy", "ischemic cardiomyopathy")),
        ("Adults with plaque psoriasis.", ("plaque psoriasis", "plaque psoriasis")),
        ("Prior degenerative scoliosis.", ("degenerative scoliosis", "degenerative scoliosis")),
        ("Severe autonomic neuropathy.", ("autonomic neuropathy", "autonomic neuropathy")),
        ("Post-stroke dysphagia for 3 weeks.", ("Post-stroke dysphagia", "post-stroke dysphagia")),
        (
            "Chronic ischemic cardiomyopathy is excluded.",
            ("Chronic ischemic cardiomyopathy", "chronic ischemic cardiomyopathy"),
        ),
        (
            "History of exercise-induced bronchospasm.",
            ("exercise-induced bronchospasm", "exercise-induced bronchospasm"),
        ),
        (
            "Any HIV-associated nephropathy.",
            ("HIV-associated nephropathy", "hiv-associated nephropathy"),
        ),
        ("History of GI bleeding.", ("GI bleeding", "gi bleeding")),
    ],
)
def test_type_words_stay_in_the_span(nlp, text: str, expected: tuple[str, str]) -> None:
    assert expected in _conditions(nlp(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients with clinical sarcoidosis.", ("sarcoidosis", "sarcoidosis")),
        ("Prior ipsilateral stroke.", ("stroke", "stroke")),
        ("Pre-existing asthma or typical migraine.", ("asthma", "asthma")),
        ("Consent refusal Asthma", ("Asthma", "asthma")),
    ],
)
def test_general_and_extent_words_stay_out(nlp, text: str, expected: tuple[str, str]) -> None:
    assert expected in _conditions(nlp(text))


def test_negated_adjectives_name_no_condition(nlp) -> None:
    doc = nlp("Non-obese adults, nondiabetic volunteers and non diabetic patients are eligible.")
    assert _conditions(doc) == set()
    doc = nlp("Non-ischemic cardiomyopathy and non diabetic kidney disease.")
    # before a disease name the negated word is a type, not an absence
    assert _conditions(doc) == {
        ("Non-ischemic cardiomyopathy", "non-ischemic cardiomyopathy"),
        ("diabetic kidney disease", "diabetic kidney disease"),
    }

def test_glued_dashes_leave_the_span(nlp) -> None:
    doc = nlp("Exclusion:\n-Asthma within 3 months\nRenal Disorders- such as nephritis")
    texts = {text for text, _ in _conditions(doc)}
    assert "Asthma" in texts and "Renal Disorders" in texts


def test_a_drug_cause_stays_a_drug(nlp) -> None:
    doc = nlp("History of levodopa-induced dyskinesia.")
    found = {(s.label_, s.text) for s in doc.spans["entities"]}
    assert ("DRUG", "levodopa") in found and ("CONDITION", "dyskinesia") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Type 1 diabetes and diabetes insipidus.", "diabetes"),
        ("Known major depressive disorder.", "major depressive disorder"),
    ],
)
def test_canonical_keeps_the_vocabulary_name(nlp, text: str, expected: str) -> None:
    assert any(expected in c for _, c in _conditions(nlp(text)))
    assert not any(c.endswith("diabete") for _, c in _conditions(nlp(text)))


def test_degrees_and_institutions_are_not_entities(nlp) -> None:
    doc = nlp("Contact: Maria Olsen, MSc. The Riverside cancer centre treats adults.")
    assert list(doc.spans["entities"]) == []
