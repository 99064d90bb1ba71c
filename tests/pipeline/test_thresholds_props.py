"""Property tests (hypothesis) and linear-time checks for the threshold grammar."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from trialex.pipeline.numbers import scan
from trialex.pipeline.thresholds import ThresholdExtractor
from trialex.pipeline.tokenizer import blank_nlp

EXTRACTOR = ThresholdExtractor()
VARIABLES = {"HbA1c": "HbA1c", "serum creatinine": "serum creatinine", "platelet count": "platelet count",
             "LVEF": "LVEF", "BMI": "BMI", "eGFR": "eGFR", "ALT": "ALT", "SLEDAI-2K": "SLEDAI-2K",
             "Hemoglobin": "hemoglobin", "absolute neutrophil count": "ANC"}
OPERATORS = {"≥": ">=", ">=": ">=", "=>": ">=", "at least": ">=", "no less than": ">=",
             "≤": "<=", "<=": "<=", "=<": "<=", "up to": "<=", "not exceeding": "<=",
             ">": ">", "\\>": ">", "more than": ">", "greater than": ">", "above": ">",
             "<": "<", "\\<": "<", "less than": "<", "below": "<", "=": "="}
UNITS = ["%", "mg/dL", "g/L", "mmol/L", "mL/min/1.73 m2", "x ULN", "kg/m2", "IU/mL", "cells/µL", ""]
GLUE = [" ", "", "  "]


@st.composite
def criteria(draw):
    variable = draw(st.sampled_from(sorted(VARIABLES)))
    op = draw(st.sampled_from(sorted(OPERATORS)))
    integer = draw(st.integers(min_value=0, max_value=99999))
    decimals = draw(st.sampled_from(["", ".5", ".25", ".0"]))
    thousands = integer >= 1000 and draw(st.booleans())
    number = f"{integer:,}" if thousands else str(integer)
    unit = draw(st.sampled_from(UNITS))
    glue = draw(st.sampled_from(GLUE)) if op[-1] in "<>=≥≤" else " "
    sep = " " if unit[:1].isalpha() or not unit else draw(st.sampled_from(["", " "]))
    text = f"{variable} {op}{glue}{number}{decimals}{sep}{unit}".strip()
    value = float(f"{integer}{decimals}")
    return text, (VARIABLES[variable], OPERATORS[op], value, unit or None)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(criteria())
def test_generated_criteria_round_trip(case) -> None:
    text, (variable, op, value, unit) = case
    rows = EXTRACTOR.extract(text)
    assert [(r["variable"], r["operator"], r["value"], r["unit"]) for r in rows] == [
        (variable, op, value, unit)
    ], text
    assert rows[0]["text"] == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_random_text_never_raises(text: str) -> None:
    for row in EXTRACTOR.extract(text):
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["operator"] in ("<", "<=", ">", ">=", "=", "between")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789<>=≥≤ ,.-/x%()ageLVEF\\\n", max_size=400))
def test_threshold_alphabet_never_raises(text: str) -> None:
    for row in EXTRACTOR.extract(text):
        assert text[row["start"]:row["end"]] == row["text"]


def test_nul_after_a_comparator() -> None:
    """A NUL character once collided with the lexicon tries' end marker."""
    for text in ("<\x000", "≥\x00 5 mg", "at\x00least 3"):
        for row in EXTRACTOR.extract(text):
            assert text[row["start"]:row["end"]] == row["text"]


MB = 1_000_000
ADVERSARIAL = {
    "digits": "9" * MB,
    "digit groups": "1,000" * (MB // 5),
    "decimals": "1." * (MB // 2),
    "comparators": ">=<" * (MB // 3),
    "escaped comparators": "\\>" * (MB // 2),
    "parentheses": "(" * (MB // 2) + ")" * (MB // 2),
    "ranges": "1-" * (MB // 2),
    "criteria": "age ≥ 18 years, ECOG 0 or 1, HbA1c 7-9% " * (MB // 40),
    "words": "at least " * (MB // 9),
    "ordinal sets": "ECOG " + "0, 1, or " * (MB // 9),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_one_megabyte_is_linear(name: str) -> None:
    text = ADVERSARIAL[name]
    start = time.perf_counter()
    EXTRACTOR.extract(text)
    assert time.perf_counter() - start < 20, name


@pytest.mark.slow
def test_component_on_one_megabyte_doc() -> None:
    """The component itself (the doc is built without the tokenizer, which is not ours)."""
    nlp = blank_nlp()
    component = nlp.add_pipe("trialex_thresholds")
    text = "(" * (MB // 4) + "≥" * (MB // 4) + "9" * (MB // 4) + ")" * (MB // 4)
    doc = Doc(nlp.vocab, words=[text], spaces=[False])
    start = time.perf_counter()
    component(doc)
    assert time.perf_counter() - start < 20


def test_scan_is_linear_in_pieces() -> None:
    small, large = "≥ 1.5 x ULN, " * 1000, "≥ 1.5 x ULN, " * 10000

    def best_of_five(text: str) -> float:  # the fastest run: other jobs on the machine only slow
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            scan(text)
            runs.append(time.perf_counter() - started)
        return min(runs)

    # ten times the input may cost at most thirty times the time (linear, with slack)
    assert best_of_five(large) < 30 * max(best_of_five(small), 1e-4)
