"""trialex_people on pages rendered from AACT records (skipped when ../shared/bench is absent)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT.parent / "shared" / "bench"
pytestmark = [
    pytest.mark.bench,
    pytest.mark.skipif(
        not (BENCH / "aact_ctgov_records" / "derived_gold.jsonl").exists(),
        reason="needs ../shared/bench",
    ),
]


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("people_aact", ROOT / "benchmarks/people_aact.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _benchmark()


@pytest.mark.parametrize("layout", ["ctgov", "clinconnect", "tree", "pipes"])
def test_rendered_aact_pages(bench: ModuleType, layout: str) -> None:
    rows = [r for r in bench.load_rows(BENCH) if len(r["people"]) <= 40][:60]
    result = bench.run_layout(bench.make_nlp(layout=False), rows, layout)
    assert result["tp"] > 100
    assert result["r"] >= 0.9, result
    assert result["p"] >= 0.95, result


def test_gold_name_splits_degree_and_honorific(bench: ModuleType) -> None:
    assert bench.gold_name("Professor Ada Quill") == ("Ada Quill", None)
    assert bench.gold_name("Ada Quill, MD PhD") == ("Ada Quill", "MD PhD")
    assert bench.gold_name("Quill, Ada") == ("Quill, Ada", None)
