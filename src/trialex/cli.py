"""The `trialex` command line: thin wrappers over the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from trialex.annotate.commands import annotate_app
from trialex.evaluate.bench.commands import bench
from trialex.evaluate.commands import evaluate

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.command()
def extract(
    inputs: Annotated[
        list[Path], typer.Argument(help="Page files or directories (*.txt, *.html).")
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="JSONL file (default stdout).")
    ] = None,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Error lines (default OUT.errors.jsonl).")
    ] = None,
    model: Annotated[
        Path | None, typer.Option("--model", help="Saved pipeline (default: built from sources).")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", help="Processes (0 = what helps here).")] = 0,
    batch_size: Annotated[int, typer.Option("--batch-size")] = 16,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip pages already in OUT/errors.")
    ] = False,
    dump_text: Annotated[
        Path | None, typer.Option("--dump-text", help="Save each page's text here.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Extract one JSON record per page; pages that fail go to the errors file."""
    from trialex.batch import default_errors_path, extract_to_files
    from trialex.pipeline.build import load_nlp

    if resume and output is None:
        raise typer.BadParameter("--resume needs -o OUT.jsonl", param_hint="--resume")
    summary = extract_to_files(
        list(inputs), load_nlp(model), output, errors, resume=resume, workers=workers,
        batch_size=batch_size, dump_text=dump_text, show_progress=not quiet and sys.stderr.isatty(),
    )
    errors = errors or (default_errors_path(output) if output else None)
    if not quiet:
        where = f" → {output}" if output else ""
        typer.echo(
            f"{summary.records} records{where}, {summary.errors} errors"
            + (f" → {errors}" if errors and summary.errors else "")
            + (f", {summary.skipped} already done" if summary.skipped else ""),
            err=True,
        )
    raise typer.Exit(summary.exit_code)


@app.command()
def sections(page: Annotated[Path, typer.Argument(help="One page file.")]) -> None:
    """Show the detected layout and a table of sections and criteria, for debugging a page."""
    from rich.console import Console
    from rich.table import Table

    from trialex.layout import analyze
    from trialex.reading import PageError, read_page

    try:
        text = read_page(page).text
    except PageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    result = analyze(text)
    console = Console()
    console.print(
        f"layout [bold]{result.layout}[/]  nct_id {result.nct_id}  title {result.title!r}"
    )
    table = Table("section", "heading", "start", "end", "first words")
    for s in result.sections:
        first_words = text[s.start : s.end][:60].replace("\n", " ⏎ ")
        table.add_row(s.name, s.heading or "", str(s.start), str(s.end), first_words)
    console.print(table)
    criteria = Table("criterion", "start", "end", "text")
    for c in result.criteria:
        criteria.add_row(c.criterion, str(c.start), str(c.end), text[c.start : c.end][:80])
    console.print(criteria)
    for trial in result.related_trials:
        console.print(f"related: {trial.nct_id}  {trial.title or ''}")


@app.command("build-model")
def build_model(
    output: Annotated[Path, typer.Option("-o", "--output")] = Path("models/trialex_core"),
) -> None:
    """Rebuild the saved pipeline from the sources (rules, vocabularies, profiles)."""
    from trialex.pipeline.build import save_nlp

    typer.echo(f"saved {save_nlp(output)}")


app.command("bench")(bench)
app.command("evaluate")(evaluate)
app.add_typer(annotate_app, name="annotate")


if __name__ == "__main__":
    app()
