"""The checked-in gold scored against itself: every figure is 1.0 and no gold file is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from trialex.evaluate import load_gold_dir, load_pages, score

REPO = Path(__file__).resolve().parents[2]
ANNOTATIONS = REPO / "annotations"


def test_gold_against_itself_is_perfect():
    if not any(ANNOTATIONS.glob("*.json")):
        pytest.skip("annotations/ has no gold files yet")
    pages = load_pages(REPO / "seeds")
    gold, issues = load_gold_dir(ANNOTATIONS, pages)
    errors = [f"{i.file} {i.item}: {i.reason}" for i in issues if i.severity == "error"]
    assert errors == []
    report = score(gold, gold)
    for level, scores in report.levels.items():
        for label, counts in scores.labels.items():
            assert counts.f1 in (None, 1.0), (level, label)
            assert counts.fp == counts.fn == 0, (level, label)
    assert report.nct_id.accuracy == 1.0
