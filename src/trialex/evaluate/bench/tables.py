"""Result tables of benchmark runs: terminal (rich) and the markdown of benchmarks/RESULTS.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trialex.evaluate.bench.runner import BenchRun

LEVELS = ("span_exact", "span_overlap", "record")
# published F1 of in-domain trained peers, shown beside ours (../shared/research/peers.md)
BASELINES: dict[tuple[str, str], str] = {
    ("lct", "CONDITION"): "0.809 (BERT NER, span)",
    ("lct", "DRUG"): "0.770 (BERT NER, span)",
    ("lct", "THRESHOLD"): "0.873 (BERT, Eq-Comparison span)",
    ("chia", "CONDITION"): "0.658 / 0.798 (transformer, all types, strict / relaxed)",
    ("chia", "DRUG"): "0.658 / 0.798 (transformer, all types, strict / relaxed)",
    ("ctp", "THRESHOLD"): "P >= 0.90, R >= 0.85 per variable (CTP's CFG, own data)",
}


@dataclass
class Row:
    """One line of a benchmark table: a benchmark's figures for one label at one level."""

    benchmark: str
    label: str
    level: str
    precision: float | None
    recall: float | None
    f1: float | None
    n_gold: int
    tp: int
    fp: int
    fn: int


def rows(run: BenchRun) -> list[Row]:
    """One row per (label, level) that the benchmark scores."""
    found = []
    for label in run.labels:
        for level in LEVELS:
            names = [label] + (
                ["THRESHOLD_LENIENT"] if label == "THRESHOLD" and level == "record" else []
            )
            for name in names:
                counts = run.report.levels[level].labels.get(name)
                if counts is None:
                    continue
                found.append(
                    Row(
                        run.name,
                        name,
                        level,
                        counts.precision,
                        counts.recall,
                        counts.f1,
                        counts.tp + counts.fn,
                        counts.tp,
                        counts.fp,
                        counts.fn,
                    )
                )
    return found


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def markdown_table(runs: Sequence[BenchRun]) -> str:
    """A markdown table of every run: benchmark, label, level, P, R, F1, n, tp/fp/fn, baseline."""
    lines = [
        "| benchmark | label | level | P | R | F1 | n gold | tp / fp / fn | published baseline |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for run in runs:
        for row in rows(run):
            baseline = (
                BASELINES.get((row.benchmark, row.label), "") if row.level != "record" else ""
            )
            lines.append(
                f"| {row.benchmark} | {row.label} | {row.level} | {_fmt(row.precision)} | "
                f"{_fmt(row.recall)} | {_fmt(row.f1)} | {row.n_gold} | "
                f"{row.tp} / {row.fp} / {row.fn} "
                f"| {baseline} |"
            )
    return "\n".join(lines)


def print_table(runs: Sequence[BenchRun]) -> None:
    """The same table in the terminal."""
    from rich.console import Console
    from rich.table import Table

    table = Table("benchmark", "label", "level", "P", "R", "F1", "n gold", "tp/fp/fn")
    for run in runs:
        for row in rows(run):
            table.add_row(
                row.benchmark,
                row.label,
                row.level,
                _fmt(row.precision),
                _fmt(row.recall),
                _fmt(row.f1),
                str(row.n_gold),
                f"{row.tp}/{row.fp}/{row.fn}",
            )
    console = Console(width=max(Console().width, 110))
    console.print(table)
    for run in runs:
        console.print(f"{run.name}: {run.n_docs} documents, pipeline {run.seconds:.1f} s")
        for name, (correct, total) in run.extras.items():
            console.print(f"  {name}: {correct}/{total} = {_fmt(correct / total)}")
