"""What a person must look at: spans one side has and the other lacks, per document.

Scoring is the evaluator's (`trialex.evaluate.score`); this module only loads either side from
a gold folder, a single record file or a JSONL of records, prints the differences with their
context, and writes the evaluator's HTML page (gold and predicted spans side by side).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from trialex.evaluate.loading import (
    check_record,
    load_gold_dir,
    load_pages,
    load_pred_jsonl,
    validation_issues,
)
from trialex.evaluate.results import Issue, MatchOptions, Report
from trialex.evaluate.scorer import score
from trialex.record import GoldRecord, Record

KINDS = {
    ("gold", "miss"): "MISS",
    ("pred", "spurious"): "FP",
    ("gold", "overlap"): "~ gold",
    ("pred", "overlap"): "~ pred",
}


def _doc_ids(path: Path) -> list[str]:
    if path.is_dir():
        return [p.stem for p in path.glob("*.json")]
    if path.suffix == ".jsonl":
        return [
            json.loads(line).get("doc_id", "")
            for line in path.read_text("utf-8").splitlines()
            if line.strip().startswith("{")
        ]
    return [json.loads(path.read_text("utf-8")).get("doc_id", path.stem)]


def load_records(
    path: str | Path, pages: Mapping[str, str]
) -> tuple[dict[str, Record], list[Issue]]:
    """Records from a gold folder, a `.jsonl` of records, or one record `.json` file."""
    path = Path(path)
    if path.is_dir():
        records, issues = load_gold_dir(path, pages)
        return dict(records), issues
    if path.suffix == ".jsonl":
        return load_pred_jsonl(path)
    try:
        record = GoldRecord.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        reasons = (
            validation_issues(exc, str(path), "gold")
            if isinstance(exc, ValidationError)
            else [Issue(source="gold", file=str(path), reason=f"unreadable: {exc}")]
        )
        return {}, reasons
    issues = check_record(record, pages.get(record.doc_id), str(path))
    return ({} if any(i.severity == "error" for i in issues) else {record.doc_id: record}), issues


def diff(
    gold: str | Path,
    pred: str | Path,
    pages_dir: str | Path | None = None,
    options: MatchOptions | None = None,
) -> tuple[Report, dict[str, str]]:
    """Score `pred` against `gold` (each a folder, `.jsonl` or `.json`); also the page texts."""
    try:
        doc_ids = sorted(set(_doc_ids(Path(gold))) | set(_doc_ids(Path(pred))))
    except (OSError, ValueError, AttributeError):
        doc_ids = None  # the loaders report what is wrong
    texts = load_pages(pages_dir, doc_ids)
    gold_records, gold_issues = load_records(gold, texts)
    pred_records, pred_issues = load_records(pred, texts)
    pred_issues = [issue.model_copy(update={"source": "pred"}) for issue in pred_issues]
    report = score(gold_records, pred_records, options, issues=[*gold_issues, *pred_issues])
    return report, texts


def _context(text: str | None, start: int, end: int, width: int = 30) -> str:
    if text is None or end > len(text):
        return ""
    left, right = text[max(0, start - width) : start], text[end : end + width]
    flat = [" ".join(part.split()) for part in (left, text[start:end], right)]
    return f"…{escape(flat[0])} [bold reverse]{escape(flat[1])}[/] {escape(flat[2])}…"


def print_diff(report: Report, texts: Mapping[str, str], console: Console | None = None) -> int:
    """Print misses, false positives and boundary differences per document; return how many
    documents differ."""
    console = console or Console()
    differing = 0
    for doc in report.documents:
        marks = [m for m in doc.marks if (m.side, m.outcome) in KINDS]
        if not marks and not doc.differences and doc.nct_correct:
            continue
        differing += 1
        counts = {
            kind: sum(KINDS[(m.side, m.outcome)] == kind for m in marks) for kind in ("MISS", "FP")
        }
        console.rule(
            f"[bold]{escape(doc.doc_id)}[/]  {counts['MISS']} missed, {counts['FP']} false "
            f"positive{'s' * (counts['FP'] != 1)}{'' if doc.predicted else ' (no prediction)'}"
        )
        if marks:
            table = Table("", "label", "offsets", "text", "context", show_edge=False)
            for m in marks:
                kind = KINDS[(m.side, m.outcome)]
                style = "red" if kind in ("MISS", "FP") else "yellow"
                table.add_row(
                    f"[{style}]{kind}[/]",
                    m.label,
                    f"{m.start}-{m.end}",
                    escape(m.text),
                    _context(texts.get(doc.doc_id), m.start, m.end),
                )
            console.print(table)
        if not doc.nct_correct:
            console.print(f"nct_id: gold {doc.nct_gold}, predicted {doc.nct_pred}")
        for d in doc.differences:
            colour = "red" if d.kind == "spurious" else "yellow"
            console.print(f"  record [{colour}]{d.kind}[/] {d.label}: {escape(d.item)}")
    for issue in report.issues:
        colour = "red" if issue.severity == "error" else "yellow"
        console.print(
            f"[{colour}]{issue.severity}[/] {issue.source} {escape(issue.file)} "
            f"{escape(issue.item or '')}: {escape(issue.reason)}"
        )
    console.print(f"{differing} of {len(report.documents)} documents differ")
    return differing


def write_diff_html(report: Report, texts: Mapping[str, str], out: str | Path) -> Path:
    """The evaluator's HTML page: figures, then each page with gold and predicted spans."""
    from trialex.evaluate.html import render_html

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(report, texts), encoding="utf-8")
    return out


__all__ = ["diff", "load_records", "print_diff", "write_diff_html"]
