"""`trialex evaluate`: a thin typer command over `evaluate_files` and the report writers.

Exit codes: 0 all good; 1 a `--fail-under` floor is not met (or, with `--strict`, a gold file
had an error); 2 the inputs cannot be used at all (no prediction file, bad floors file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trialex.evaluate.loading import load_gold_dir, load_pages, load_pred_jsonl
from trialex.evaluate.results import MatchOptions, Report
from trialex.evaluate.scorer import score


def evaluate_files(
    gold: Path,
    pred: Path,
    pages: Path | None = None,
    options: MatchOptions | None = None,
    *,
    include_drafts: bool = True,
) -> tuple[Report, dict[str, str]]:
    """Load gold, predictions and page texts, and score; return the report and the pages."""
    predictions, pred_issues = load_pred_jsonl(pred)
    doc_ids = {path.stem for path in Path(gold).glob("*.json")} | set(predictions)
    texts = load_pages(pages, sorted(doc_ids))
    records, gold_issues = load_gold_dir(gold, texts, include_drafts=include_drafts)
    report = score(records, predictions, options, issues=[*gold_issues, *pred_issues])
    return report, texts


def evaluate(
    pred: Annotated[Path, typer.Option("--pred", help="Predicted records, one JSON per line.")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold directory of <doc_id>.json.")] = Path(
        "annotations"
    ),
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Write metrics.json, report.md and report.html here."),
    ] = None,
    fail_under: Annotated[
        Path | None, typer.Option("--fail-under", help="JSON of minimum F1 per level and label.")
    ] = None,
    pages: Annotated[
        Path, typer.Option("--pages", help="Page texts for offset checks and the HTML report.")
    ] = Path("seeds"),
    name_threshold: Annotated[
        float, typer.Option(help="rapidfuzz token_sort_ratio (0-100) for people names to meet.")
    ] = MatchOptions().name_threshold,
    canonical_threshold: Annotated[
        float | None, typer.Option(help="Fuzzy canonicals at this ratio (default: exact keys).")
    ] = None,
    overlap_min: Annotated[
        float, typer.Option(help="Minimum Jaccard overlap for span-overlap matches.")
    ] = 0.0,
    skip_drafts: Annotated[bool, typer.Option(help="Leave out gold files marked draft.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit 1 when a gold file has an error.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal tables.")] = False,
) -> None:
    """Score predicted records against gold annotations: span and record level P/R/F1."""
    from rich.console import Console

    from trialex.evaluate.failunder import check_fail_under, read_fail_under
    from trialex.evaluate.report import print_report, write_reports

    console = Console(stderr=quiet)
    if not pred.is_file():
        console.print(f"[red]error[/] no prediction file {pred}")
        raise typer.Exit(2)
    try:
        floors = read_fail_under(fail_under) if fail_under else {}
    except ValueError as exc:
        console.print(f"[red]error[/] {exc}")
        raise typer.Exit(2) from exc
    options = MatchOptions(
        name_threshold=name_threshold, canonical_threshold=canonical_threshold,
        overlap_min=overlap_min,
    )
    result, texts = evaluate_files(gold, pred, pages, options, include_drafts=not skip_drafts)
    violations = check_fail_under(result, floors) if floors else []
    if not quiet:
        print_report(result, console, violations)
    if report is not None:
        paths = write_reports(result, report, texts, violations)
        console.print("reports: " + ", ".join(str(path) for path in paths.values()))
    gold_errors = [i for i in result.issues if i.source == "gold" and i.severity == "error"]
    if violations or (strict and gold_errors):
        if quiet:
            for violation in violations:
                console.print(f"FAIL-UNDER {violation}")
        raise typer.Exit(1)


__all__ = ["evaluate", "evaluate_files"]
