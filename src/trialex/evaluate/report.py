"""Report writers: rich terminal tables, `metrics.json`, `report.md`, `report.html` (`html`).

Figures are shown as fractions with three decimals; `–` marks a figure that nothing defines.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from trialex.evaluate.failunder import Violation
from trialex.evaluate.results import Counts, LevelScores, Report

LEVEL_TITLES = {
    "span_exact": "Spans, exact offsets",
    "span_overlap": "Spans, overlapping offsets",
    "record": "Record level (sets per page)",
}


def fmt(value: float | None) -> str:
    """A figure as `0.812`, or `–` when undefined."""
    return "–" if value is None else f"{value:.3f}"


Row = tuple[str, str, str, str, int | str, int | str, int | str]


def level_rows(scores: LevelScores) -> list[Row]:
    """Rows (label, P, R, F1, tp, fp, fn) for each label, then micro and macro."""
    rows: list[Row] = []
    items: list[tuple[str, Counts]] = [*scores.labels.items(), ("micro", scores.micro)]
    for label, c in items:
        rows.append((label, fmt(c.precision), fmt(c.recall), fmt(c.f1), c.tp, c.fp, c.fn))
    macro = scores.macro
    rows.append(("macro", fmt(macro.precision), fmt(macro.recall), fmt(macro.f1), "", "", ""))
    return rows


def metrics_dict(report: Report, violations: Sequence[Violation] = ()) -> dict[str, object]:
    """The JSON of `metrics.json`: the report without per-span marks, plus any violations."""
    data = report.model_dump(mode="json", exclude={"documents": {"__all__": {"marks"}}})
    data["fail_under_violations"] = [v.model_dump(mode="json") for v in violations]
    return data


def print_report(
    report: Report, console: Console | None = None, violations: Sequence[Violation] = ()
) -> None:
    """Print one table per level, the NCT id accuracy, documents left out, issues, violations."""
    console = console or Console()
    for level, scores in report.levels.items():
        table = Table(title=LEVEL_TITLES.get(level, level), title_justify="left")
        for column in ("label", "P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="left" if column == "label" else "right")
        for row in level_rows(scores):
            style = "bold" if row[0] in ("micro", "macro") else None
            table.add_row(*(str(cell) for cell in row), style=style)
        console.print(table)
    acc = report.nct_id
    console.print(f"NCT id accuracy: {fmt(acc.accuracy)} ({acc.correct}/{acc.total} documents)")
    if report.missing_pred:
        missing = ", ".join(report.missing_pred)
        console.print(f"[yellow]No prediction (scored as misses):[/] {missing}")
    if report.unscored_pred:
        console.print(f"Predictions without gold (not scored): {', '.join(report.unscored_pred)}")
    for issue in report.issues:
        colour = "red" if issue.severity == "error" else "yellow"
        where = f" {issue.item}" if issue.item else ""
        console.print(f"[{colour}]{issue.severity}[/] {issue.source} {issue.file}{where}: "
                      f"{issue.reason}", markup=True, highlight=False)
    for violation in violations:
        console.print(f"[red]FAIL-UNDER[/] {violation}")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |")
    return lines


def markdown(report: Report, violations: Sequence[Violation] = ()) -> str:
    """`report.md`: per-level tables, a per-document summary, issues and violations."""
    lines = ["# trialex evaluation", ""]
    acc = report.nct_id
    lines += [f"{len(report.documents)} gold documents; NCT id accuracy {fmt(acc.accuracy)} "
              f"({acc.correct}/{acc.total}).", ""]
    for level, scores in report.levels.items():
        lines += [f"## {LEVEL_TITLES.get(level, level)}", ""]
        lines += _md_table(("label", "P", "R", "F1", "tp", "fp", "fn"), level_rows(scores)) + [""]
    lines += ["## Documents", ""]
    doc_rows = [
        (d.doc_id, fmt(d.levels["span_exact"].micro.f1), fmt(d.levels["span_overlap"].micro.f1),
         fmt(d.levels["record"].micro.f1), "yes" if d.nct_correct else "no",
         "" if d.predicted else "no prediction")
        for d in report.documents
    ]
    lines += _md_table(("doc", "span exact F1", "span overlap F1", "record F1", "nct_id", "note"),
                       doc_rows) + [""]
    if report.unscored_pred:
        lines += ["Predictions without gold (not scored): " + ", ".join(report.unscored_pred), ""]
    if report.issues:
        lines += ["## Issues", ""]
        lines += _md_table(("severity", "source", "file", "item", "reason"),
                           [(i.severity, i.source, i.file, i.item or "", i.reason)
                            for i in report.issues]) + [""]
    if violations:
        lines += ["## Fail-under violations", ""]
        lines += [f"- {v}" for v in violations] + [""]
    o = report.options
    lines += [f"Options: name_threshold={o.name_threshold}, canonical_threshold="
              f"{o.canonical_threshold}, overlap_min={o.overlap_min}.", ""]
    return "\n".join(lines)


def write_reports(
    report: Report,
    directory: str | Path,
    pages: Mapping[str, str] | None = None,
    violations: Sequence[Violation] = (),
) -> dict[str, Path]:
    """Write `metrics.json`, `report.md` and `report.html` into `directory`; return their paths.

    `pages` (doc_id -> page text) lets the HTML show each page with its spans.
    """
    from trialex.evaluate.html import render_html

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {
        "metrics": directory / "metrics.json",
        "markdown": directory / "report.md",
        "html": directory / "report.html",
    }
    paths["metrics"].write_text(
        json.dumps(metrics_dict(report, violations), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    paths["markdown"].write_text(markdown(report, violations), encoding="utf-8")
    paths["html"].write_text(render_html(report, pages or {}, violations), encoding="utf-8")
    return paths


__all__ = ["fmt", "level_rows", "markdown", "metrics_dict", "print_report", "write_reports"]
