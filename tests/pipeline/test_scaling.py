"""A long page costs about as much as the same text split into pages (no per-section rescans)."""

from __future__ import annotations

import sys
import time

from tests.conftest import REPO
from trialex.extract import record_from_doc

sys.path.insert(0, str(REPO / "benchmarks"))
from pagegen import generate  # noqa: E402


def _seconds(nlp, texts: list[str]) -> float:
    started = time.perf_counter()
    for i, doc in enumerate(nlp.pipe(texts)):
        record_from_doc(doc, str(i))
    return time.perf_counter() - started


def test_one_long_page_is_not_quadratic(nlp) -> None:
    pages = list(generate(80))
    _seconds(nlp, pages[:3])  # warm up
    separate = _seconds(nlp, pages)
    joined = _seconds(nlp, ["\n\n".join(pages)])
    assert joined < 4 * separate + 1.0, (joined, separate)
