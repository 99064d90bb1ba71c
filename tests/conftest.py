"""Shared fixtures: repository paths, seed pages, one pipeline per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
FIXTURES = REPO / "tests" / "fixtures"
BENCH = Path(os.environ.get("TRIALEX_BENCH", REPO.parent / "shared" / "bench"))


def read_seed(stem_prefix: str) -> str:
    """A seed page's text exactly as the pipeline reads it."""
    (path,) = SEEDS.glob(f"{stem_prefix}*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    from trialex.pipeline.build import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    if not BENCH.is_dir():
        pytest.skip(f"external benchmarks not found at {BENCH}")
    return BENCH
