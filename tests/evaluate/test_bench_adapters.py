"""Benchmark adapters on a few documents each: offsets agree, counts match the READMEs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from trialex.evaluate.bench import BenchDoc, loader
from trialex.evaluate.bench.common import parse_number, polarity_at, polarity_regions

pytestmark = pytest.mark.bench


def check_offsets(docs: list[BenchDoc]) -> None:
    for doc in docs:
        for item in [*doc.gold.entities, *doc.gold.thresholds]:
            assert doc.text[item.start : item.end] == item.text, (doc.doc_id, item)
        for person in doc.gold.people:
            assert doc.text[person.start : person.end] == person.name, (doc.doc_id, person)
        for span in [*doc.gold.criteria, *doc.gold.sections]:
            assert 0 <= span.start <= span.end <= len(doc.text)


def test_headers_and_numbers() -> None:
    text = (
        "Inclusion Criteria:\n- Age 18\nExclusion criteria\n"
        "- who met the inclusion criteria before\n"
    )
    regions = polarity_regions(text)
    assert [p for _, p in regions] == ["inclusion", "exclusion"]
    assert polarity_at(regions, text.index("Age")) == "inclusion"
    assert polarity_at(regions, text.index("who")) == "exclusion"
    assert polarity_at(regions, 0) is None
    assert [parse_number(s) for s in ("18", "1,000", "2.5", "six", "III", "x")] == [
        18,
        1000,
        2.5,
        6,
        3,
        None,
    ]


def test_lct_batches_1_to_16_only(bench_dir: Path) -> None:
    from trialex.evaluate.bench import lct

    paths = lct.files(bench_dir)
    assert len(paths) == 791
    assert {p.parent.name for p in paths} == {f"batch{n}" for n in range(1, 17)}


def test_lct_first_documents(bench_dir: Path) -> None:
    docs = loader("lct")(bench_dir, 20)
    assert len(docs) == 20
    check_offsets(docs)
    first = docs[0]
    assert first.doc_id == "NCT03860038"
    labels = Counter(e.label for e in first.gold.entities)
    assert labels["CONDITION"] >= 2 and labels["DRUG"] >= 1
    age = first.gold.thresholds[0]
    assert (age.kind, age.variable, age.operator, age.value, age.unit, age.criterion) == (
        "age",
        "age",
        ">=",
        18,
        "years",
        "inclusion",
    )
    ecog = next(t for t in first.gold.thresholds if t.operator == "between")
    assert (ecog.value, ecog.upper) == (0, 2)
    myeloma = next(e for e in first.gold.entities if e.text == "multiple myeloma")
    assert myeloma.criterion == "exclusion"
    polarities = Counter(c.criterion for d in docs for c in d.gold.criteria)
    assert polarities["inclusion"] > 50 and polarities["exclusion"] > 50


def test_chia_first_documents(bench_dir: Path) -> None:
    docs = loader("chia")(bench_dir, 40)
    check_offsets(docs)
    inc = docs[1]
    assert inc.doc_id.endswith("_inc") and inc.text.startswith("Inclusion Criteria:\n")
    assert {e.criterion for e in inc.gold.entities} == {"inclusion"}
    assert all(d.gold.criteria for d in docs)
    labels = Counter(e.label for d in docs for e in d.gold.entities)
    assert labels["CONDITION"] > 2 * labels["DRUG"] > 0
    assert sum(len(d.ignore) for d in docs) > 0  # error-category lines are left out


def test_neurotrialner_test_split(bench_dir: Path) -> None:
    docs = loader("neurotrialner")(bench_dir)
    assert len(docs) == 153
    check_offsets(docs)
    labels = Counter(e.label for d in docs for e in d.gold.entities)
    assert labels == {"CONDITION": 683 - 10, "DRUG": 213}  # pregnancy mentions left out
    first = docs[0]
    assert first.gold.title and first.text.startswith(first.gold.title)
    assert "\n\nBrief Summary\n" in first.text


def test_ctp_cases(bench_dir: Path) -> None:
    from trialex.evaluate.bench import ctp

    docs = loader("ctp")(bench_dir)
    assert len(docs) == ctp.N_CASES == 39
    assert sum(len(c["expected"]) for c in ctp.cases(bench_dir)) == ctp.N_RELATIONS == 54
    assert sum(len(d.gold.thresholds) for d in docs) == ctp.N_THRESHOLDS
    check_offsets(docs)
    mixed = next(d for d in docs if "hba1c >6.0% to <=11.5%" in d.text)
    assert [(t.operator, t.value) for t in mixed.gold.thresholds] == [(">", 6.0), ("<=", 11.5)]
    assert ctp.ctp_variable("HbA1c", bench_dir) == "a1c"
    assert ctp.ctp_variable("systolic blood pressure", bench_dir) == "sbp"
    assert ctp.ctp_variable("sgot/sgpt ratio", bench_dir) == "ast_alt_ratio"


def test_aact_rendered_pages(bench_dir: Path) -> None:
    from trialex.evaluate.bench.aact import split_degree

    docs = loader("aact")(bench_dir, 30)
    check_offsets(docs)
    first = docs[0]
    assert first.gold.nct_id == "NCT00001177"
    assert {(p.name, p.role) for p in first.gold.people} == {
        ("Peter J Schmidt", "CONTACT"),
        ("Peter J Schmidt", "PRINCIPAL_INVESTIGATOR"),
    }
    assert [(t.operator, t.value) for t in first.gold.thresholds] == [(">=", 18), ("<=", 50)]
    assert split_degree("Dong-Xin Wang, MD, PhD") == ("Dong-Xin Wang", "MD, PhD")
    assert split_degree("Wei Bai") == ("Wei Bai", None)
