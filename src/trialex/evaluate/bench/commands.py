"""`trialex bench NAME`: run one external benchmark (or `all`) and print P/R/F1 tables."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trialex.evaluate.bench import BENCHMARKS, ENV_VAR, default_bench_dir

if TYPE_CHECKING:
    from trialex.evaluate.bench.runner import BenchRun


def _write_report(run: BenchRun, directory: Path) -> None:
    """The evaluator's reports (metrics.json, report.md, report.html) in DIR/NAME/."""
    from trialex.evaluate import write_reports

    write_reports(run.report, directory / run.name, pages=run.pages)


def bench(
    name: Annotated[str, typer.Argument(help=f"One of {', '.join(BENCHMARKS)}, or 'all'.")],
    bench_dir: Annotated[
        Path | None,
        typer.Option("--bench-dir", help=f"Corpus folder (default ${ENV_VAR} or ../shared/bench)."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Only the first N documents.")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write reports to DIR/NAME/.")
    ] = None,
    results: Annotated[
        Path | None,
        typer.Option("--results", help="Write the results page (benchmarks/RESULTS.md) here."),
    ] = None,
    model: Annotated[Path | None, typer.Option("--model", help="Saved pipeline.")] = None,
) -> None:
    """Run the pipeline on an external benchmark and score it against the corpus's own labels."""
    from trialex.evaluate.bench.results import results_markdown
    from trialex.evaluate.bench.runner import run_bench_timed
    from trialex.evaluate.bench.tables import print_table
    from trialex.pipeline.build import load_nlp

    names = list(BENCHMARKS) if name == "all" else [name]
    if any(n not in BENCHMARKS for n in names):
        raise typer.BadParameter(f"unknown benchmark {name!r}", param_hint="NAME")
    bench_dir = bench_dir or default_bench_dir()
    if not bench_dir.is_dir():
        typer.echo(
            f"error: no benchmark folder at {bench_dir} (set --bench-dir or ${ENV_VAR})", err=True
        )
        raise typer.Exit(2)
    nlp = load_nlp(model)
    runs = []
    for each in names:
        run = run_bench_timed(each, bench_dir, limit, nlp)
        runs.append(run)
        print_table([run])
        if report is not None:
            _write_report(run, report)
    if results is not None:
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(
            results_markdown(runs, bench_dir, limit, nlp.pipe_names), encoding="utf-8"
        )
        typer.echo(f"results → {results}", err=True)
