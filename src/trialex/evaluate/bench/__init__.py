"""External benchmarks: adapters turning public corpora into (doc_id, text, gold) triples.

Each adapter module has `load(bench_dir, limit=None) -> list[BenchDoc]`; the label mapping is in
its docstring and in README.md here. The corpora stay in `../shared/bench` (or `$TRIALEX_BENCH`,
or a path on the command line); nothing is copied into the repository.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from trialex.record import GoldRecord

BENCHMARKS: tuple[str, ...] = ("lct", "chia", "neurotrialner", "ctp", "aact")
ENV_VAR = "TRIALEX_BENCH"
_REPO_ROOT = Path(__file__).resolve().parents[4]


@dataclass
class BenchDoc:
    """One benchmark input: the text the pipeline reads and the gold record for it.

    `ignore` lists character ranges left out of scoring on both sides (gold and predicted items
    inside them are dropped), e.g. Chia criteria flagged as only partly annotated.
    """

    doc_id: str
    text: str
    gold: GoldRecord
    ignore: list[tuple[int, int]] = field(default_factory=list)


def default_bench_dir() -> Path:
    """`$TRIALEX_BENCH`, else `../shared/bench` next to the repository root (or the cwd)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    beside_repo = _REPO_ROOT.parent / "shared" / "bench"
    return beside_repo if beside_repo.exists() else Path("..") / "shared" / "bench"


def loader(name: str) -> Callable[..., list[BenchDoc]]:
    """The `load` function of the adapter called `name` (one of `BENCHMARKS`)."""
    if name not in BENCHMARKS:
        raise KeyError(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
    module = importlib.import_module(f"trialex.evaluate.bench.{name}")
    return module.load  # type: ignore[no-any-return]


def in_regions(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """Whether `start:end` overlaps any of `regions`."""
    return any(start < r_end and r_start < end for r_start, r_end in regions)


__all__ = ["BENCHMARKS", "ENV_VAR", "BenchDoc", "default_bench_dir", "in_regions", "loader"]
