"""Pre-annotate pages with the pipeline: one gold draft (`draft: true`) per page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from trialex.annotate.files import gold_path, write_gold
from trialex.record import GoldRecord, Record


def draft_record(record: Record, notes: str | None = None) -> GoldRecord:
    """A pipeline record as a gold draft, waiting for a person to correct and accept it."""
    return GoldRecord(**record.model_dump(), draft=True, notes=notes)


@dataclass
class DraftSummary:
    """What `draft_pages` did: files written, gold files left alone, pages that failed."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def draft_pages(
    pages: Iterable[str | Path],
    out_dir: str | Path,
    nlp: Language | None = None,
    *,
    force: bool = False,
) -> DraftSummary:
    """Run the pipeline on every page (files or directories) and write `out_dir/<doc_id>.json`.

    An existing gold file is kept unless `force`: the pipeline is not run for it at all.
    Unreadable pages are listed in `failed` with their reason.
    """
    from trialex.extract import record_from_doc
    from trialex.pipeline.build import load_nlp
    from trialex.reading import PageError, iter_page_paths, read_page

    summary = DraftSummary()
    for path in iter_page_paths(list(pages)):
        existing = gold_path(out_dir, Path(path).stem)
        if existing.exists() and not force:
            summary.kept.append(existing)
            continue
        try:
            page = read_page(path)
        except PageError as exc:
            summary.failed.append((str(path), f"{exc.kind}: {exc.message}"))
            continue
        nlp = nlp or load_nlp()
        record = record_from_doc(nlp(page.text), page.doc_id)
        written = write_gold(draft_record(record), out_dir, force=force)
        if written is not None:
            summary.written.append(written)
    return summary


__all__ = ["DraftSummary", "draft_pages", "draft_record"]
