"""Trade gold with annotation tools: Prodigy JSONL, Label Studio tasks, brat standoff.

`export_gold` reads a gold folder (with the evaluator's loader) and its pages and writes one
format; `import_gold` reads a format back into gold files. Export then import gives the same
gold, offsets included: offsets are characters of the page as read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from trialex.annotate.convert import brat, labelstudio, prodigy
from trialex.annotate.files import gold_path, write_gold
from trialex.evaluate.loading import load_gold_dir, load_pages
from trialex.evaluate.results import Issue
from trialex.record import GoldRecord

FORMATS: dict[str, ModuleType] = {"prodigy": prodigy, "labelstudio": labelstudio, "brat": brat}
Exporter = Callable[[Mapping[str, GoldRecord], Mapping[str, str], Path], list[Path]]


def _module(fmt: str) -> ModuleType:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def export_gold(
    fmt: str, gold_dir: str | Path, pages_dir: str | Path, out: str | Path
) -> tuple[list[Path], list[Issue]]:
    """Write every usable gold file of `gold_dir`, with its page from `pages_dir`, as `fmt`.

    `out` is a file for prodigy (`.jsonl`) and labelstudio (`.json`), a folder for brat.
    Files with errors and gold without a page are left out and reported.
    """
    module = _module(fmt)
    doc_ids = [path.stem for path in sorted(Path(gold_dir).glob("*.json"))]
    pages = load_pages(pages_dir, doc_ids)
    records, issues = load_gold_dir(gold_dir, pages)
    for doc_id in sorted(set(records) - set(pages)):
        issues.append(
            Issue(
                source="page",
                file=str(gold_path(gold_dir, doc_id)),
                reason=f"no page {doc_id}.* in {pages_dir}: not exported",
            )
        )
    usable = {doc_id: record for doc_id, record in records.items() if doc_id in pages}
    return module.export_records(usable, pages, Path(out)), issues


@dataclass
class ImportSummary:
    """What `import_gold` did."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def read_format(fmt: str, source: str | Path) -> tuple[list[GoldRecord], list[Issue]]:
    """Gold records from a file or folder in `fmt`, with the problems found."""
    return _module(fmt).import_records(Path(source))


def import_gold(
    fmt: str, source: str | Path, gold_dir: str | Path, *, force: bool = False
) -> ImportSummary:
    """Read `source` in `fmt` and write `gold_dir/<doc_id>.json` per page.

    Existing gold files are kept unless `force` (an import replaces a person's file only when
    asked to).
    """
    records, issues = read_format(fmt, source)
    summary = ImportSummary(issues=issues)
    for record in records:
        written = write_gold(record, gold_dir, force=force)
        if written is None:
            summary.kept.append(gold_path(gold_dir, record.doc_id))
        else:
            summary.written.append(written)
    return summary


__all__ = ["FORMATS", "ImportSummary", "export_gold", "import_gold", "read_format"]
