"""`trialex annotate ...`: thin typer commands over the annotate library."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from trialex.evaluate.results import Issue, MatchOptions

annotate_app = typer.Typer(
    no_args_is_help=True,
    help="Annotator workflow: draft gold, validate, diff, trade with annotation tools, agree.",
)


class Format(StrEnum):
    prodigy = "prodigy"
    labelstudio = "labelstudio"
    brat = "brat"


PagesOption = Annotated[
    Path | None, typer.Option("--pages", help="Page texts (<doc_id>.txt/.html) for offset checks.")
]


def print_issues(issues: Sequence[Issue], console: Console) -> None:
    """One line per issue: severity, file, item, reason."""
    for issue in issues:
        colour = "red" if issue.severity == "error" else "yellow"
        item = f" {escape(issue.item)}" if issue.item else ""
        console.print(
            f"[{colour}]{issue.severity}[/] {escape(issue.file)}{item}: {escape(issue.reason)}",
            highlight=False,
        )


@annotate_app.command()
def draft(
    pages: Annotated[list[Path], typer.Argument(help="Page files or directories.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Gold folder.")] = Path(
        "annotations"
    ),
    force: Annotated[bool, typer.Option(help="Overwrite existing gold files.")] = False,
    model: Annotated[
        Path | None, typer.Option(help="Saved pipeline (default: from sources).")
    ] = None,
) -> None:
    """Pre-annotate pages with the pipeline: one `draft: true` gold file per page."""
    from trialex.annotate.draft import draft_pages
    from trialex.pipeline.build import load_nlp

    console = Console(stderr=True)
    summary = draft_pages(pages, output, load_nlp(model), force=force)
    for path in summary.written:
        console.print(f"draft  {path}")
    for path in summary.kept:
        console.print(f"[yellow]kept[/]   {path} (exists; --force to overwrite)")
    for file, reason in summary.failed:
        console.print(f"[red]failed[/] {file}: {reason}")
    console.print(
        f"{len(summary.written)} drafts, {len(summary.kept)} kept, {len(summary.failed)} failed"
    )
    raise typer.Exit(1 if summary.failed else 0)


@annotate_app.command()
def validate(
    gold: Annotated[Path, typer.Argument(help="Gold folder.")] = Path("annotations"),
    pages: PagesOption = None,
    no_drafts: Annotated[bool, typer.Option("--no-drafts", help="A draft is an error.")] = False,
) -> None:
    """Check gold files: schema, offsets against the pages, labels, duplicate and crossing spans,
    drafts. Exit 1 when there is an error."""
    from trialex.annotate.validate import errors, validate_gold

    console = Console()
    if not gold.is_dir():
        console.print(f"[red]error[/] {gold} is not a folder")
        raise typer.Exit(2)
    issues = validate_gold(gold, pages, no_drafts=no_drafts)
    print_issues(issues, console)
    n_files, n_errors = len(list(gold.glob("*.json"))), len(errors(issues))
    checked = "" if pages else " (offsets not checked: no --pages)"
    console.print(
        f"{n_files} gold files: {n_errors} errors, {len(issues) - n_errors} warnings{checked}"
    )
    raise typer.Exit(1 if n_errors else 0)


@annotate_app.command()
def diff(
    gold: Annotated[Path, typer.Argument(help="Gold folder, record .json or records .jsonl.")],
    pred: Annotated[Path, typer.Argument(help="Predictions: folder, .json or .jsonl.")],
    pages: Annotated[Path, typer.Option("--pages", help="Page texts.")] = Path("seeds"),
    html: Annotated[Path | None, typer.Option("--html", help="Write an HTML page here.")] = None,
    name_threshold: Annotated[float, typer.Option(help="Fuzzy ratio for names.")] = 90.0,
) -> None:
    """Misses and false positives per document, in the terminal and optionally as HTML."""
    from trialex.annotate.diff import diff as run_diff
    from trialex.annotate.diff import print_diff, write_diff_html

    report, texts = run_diff(gold, pred, pages, MatchOptions(name_threshold=name_threshold))
    print_diff(report, texts, Console())
    if html is not None:
        Console(stderr=True).print(f"html: {write_diff_html(report, texts, html)}")


@annotate_app.command("export")
def export(
    gold: Annotated[Path, typer.Argument(help="Gold folder.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Target format.")],
    pages: Annotated[Path, typer.Option("--pages", help="Page texts.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="File (.jsonl/.json) or brat folder.")
    ],
) -> None:
    """Write gold (drafts too) for an annotation tool."""
    from trialex.annotate.convert import export_gold

    console = Console(stderr=True)
    paths, issues = export_gold(fmt.value, gold, pages, output)
    print_issues(issues, console)
    console.print(
        f"wrote {len(paths)} files: {', '.join(str(p) for p in paths[:3])}"
        f"{' ...' if len(paths) > 3 else ''}"
    )
    raise typer.Exit(1 if any(i.severity == "error" for i in issues) else 0)


@annotate_app.command("import")
def import_(
    source: Annotated[Path, typer.Argument(help="Tool output: .jsonl, .json or brat folder.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Source format.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Gold folder.")] = Path(
        "annotations"
    ),
    force: Annotated[bool, typer.Option(help="Overwrite existing gold files.")] = False,
) -> None:
    """Read a tool's annotations back into gold files."""
    from trialex.annotate.convert import import_gold

    console = Console(stderr=True)
    summary = import_gold(fmt.value, source, output, force=force)
    print_issues(summary.issues, console)
    for path in summary.kept:
        console.print(f"[yellow]kept[/] {path} (exists; --force to overwrite)")
    console.print(f"{len(summary.written)} gold files written, {len(summary.kept)} kept")
    raise typer.Exit(1 if any(i.severity == "error" for i in summary.issues) else 0)


@annotate_app.command()
def agree(
    a: Annotated[Path, typer.Argument(help="Gold folder of annotator A (scored as gold).")],
    b: Annotated[Path, typer.Argument(help="Gold folder of annotator B (scored as predictions).")],
    pages: PagesOption = None,
) -> None:
    """Inter-annotator P/R/F1 per label on the documents both folders hold."""
    from trialex.annotate.agree import agree as run_agree
    from trialex.evaluate.report import print_report

    console = Console()
    result = run_agree(a, b, pages)
    print_report(result.report, console)
    for side, docs in (("A", result.only_a), ("B", result.only_b)):
        if docs:
            console.print(f"only in {side} (not compared): {', '.join(docs)}")
    console.print(
        f"{len(result.report.documents)} documents compared. F1 is symmetric: it is the "
        "agreement; P is the share of B's items A has, R the share of A's items B has."
    )


__all__ = ["annotate_app"]
