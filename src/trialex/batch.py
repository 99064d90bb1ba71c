"""Many pages → JSONL: streaming, multi-process, resumable, every input accounted for."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import IO, Protocol

from spacy.language import Language

from trialex.extract import record_from_doc
from trialex.reading import Page, PageError, iter_page_paths, read_page
from trialex.record import ErrorRecord

ERROR_MARK = "trialex_error"
EXIT_OK, EXIT_SOME_ERRORS = 0, 3
SMALL_RUN = 64  # fewer pages than this always run in one process


class Progress(Protocol):
    """What `run_batch` reports to: one call per page done (see `trialex.progress`)."""

    def advance(self, error: bool = False) -> None: ...


@dataclass
class BatchSummary:
    """What a batch run did."""

    records: int = 0
    errors: int = 0
    skipped: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """0 when every page gave a record, 3 when some gave an error line."""
        return EXIT_SOME_ERRORS if self.errors else EXIT_OK

    def add_error(self, kind: str) -> None:
        """Count one error line of `kind`."""
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


def default_errors_path(out: Path) -> Path:
    """`out.jsonl` → `out.errors.jsonl`."""
    return out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")


def completed(out: Path | None, errors: Path | None) -> tuple[set[str], set[str]]:
    """doc_ids already in `out` and files already in `errors`; a torn last line is cut off."""
    done_ids: set[str] = set()
    done_files: set[str] = set()
    for path, key, target in ((out, "doc_id", done_ids), (errors, "file", done_files)):
        if path is None or not path.exists():
            continue
        good_end = 0
        with path.open("rb") as handle:
            for raw in handle:
                try:
                    if not raw.endswith(b"\n"):
                        raise ValueError("torn line")
                    target.add(json.loads(raw)[key])
                except (ValueError, KeyError, TypeError):
                    break
                good_end += len(raw)
        if good_end < path.stat().st_size:
            with path.open("r+b") as handle:
                handle.truncate(good_end)
    return done_ids, done_files


def _mark_error(proc_name: str | None, proc: object, docs: list | None, error: Exception) -> None:
    if docs is None:  # a worker process failed outside any one document
        raise error
    for doc in docs:
        doc.user_data[ERROR_MARK] = f"{proc_name}: {type(error).__name__}: {error}"


def _readable(
    paths: Iterable[Path], errors: list[ErrorRecord], max_chars: int
) -> Iterator[tuple[str, Page]]:
    """(text, page) for each page that reads; an error record in `errors` for each that does not."""
    for path in paths:
        try:
            page = read_page(path)
            if len(page.text) > max_chars:
                message = f"{len(page.text)} characters is over {max_chars}"
                raise PageError(path, "too_long", message)
        except PageError as exc:
            errors.append(ErrorRecord(file=exc.path, error=exc.kind, message=exc.message))
            continue
        yield page.text, page


def run_batch(
    inputs: list[str | Path], nlp: Language, out: IO[str], errors_out: IO[str],
    *, workers: int = 1, batch_size: int = 16, skip_ids: set[str] | frozenset[str] = frozenset(),
    skip_files: set[str] | frozenset[str] = frozenset(), dump_text: Path | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Extract every page under `inputs`, writing one record or one error line per page."""
    summary = BatchSummary()
    pending: list[ErrorRecord] = []
    nlp.set_error_handler(_mark_error)

    def todo() -> Iterator[Path]:
        for path in iter_page_paths(inputs):
            if path.stem in skip_ids or str(path) in skip_files:
                summary.skipped += 1
            else:
                yield path

    paths = todo()
    head = list(islice(paths, SMALL_RUN))
    if len(head) < SMALL_RUN:
        workers = 1  # starting worker processes costs more than it saves on a few pages
    paths = chain(head, paths)

    def flush_errors() -> None:
        while pending:
            error = pending.pop(0)
            errors_out.write(error.model_dump_json() + "\n")
            errors_out.flush()
            summary.add_error(error.error)
            _advance(progress, error=True)

    stream = nlp.pipe(_readable(paths, pending, nlp.max_length), as_tuples=True,
                      batch_size=batch_size, n_process=workers)
    for doc, page in stream:
        flush_errors()
        if ERROR_MARK in doc.user_data:
            message = doc.user_data[ERROR_MARK]
            pending.append(ErrorRecord(file=page.path, error="pipeline", message=message))
            flush_errors()
            continue
        record = record_from_doc(doc, page.doc_id)
        out.write(record.model_dump_json() + "\n")
        out.flush()
        if dump_text is not None:
            dump_text.mkdir(parents=True, exist_ok=True)
            (dump_text / f"{page.doc_id}.txt").write_text(page.text, encoding="utf-8", newline="")
        summary.records += 1
        _advance(progress)
    flush_errors()
    return summary


def _advance(progress: Progress | None, error: bool = False) -> None:
    if progress is not None:
        progress.advance(error)


def default_workers() -> int:
    """One worker process per core, up to 4 (2 workers ran 1.2-1.3x faster than 1 on 2 cores;
    see the README's throughput table)."""
    return max(1, min(4, os.cpu_count() or 1))



def extract_to_files(
    inputs: list[str | Path], nlp: Language, output: Path | None, errors: Path | None = None,
    *, resume: bool = False, workers: int = 0, batch_size: int = 16,
    dump_text: Path | None = None, show_progress: bool = False,
) -> BatchSummary:
    """The `trialex extract` job: records to `output` (stdout when None), error lines to `errors`
    (default `OUT.errors.jsonl`, stderr with stdout); `resume` appends after what is done."""
    from trialex.progress import BatchProgress

    if resume and output is None:
        raise ValueError("resuming needs an output file")
    errors = errors or (default_errors_path(output) if output else None)
    done_ids, done_files = completed(output, errors) if resume else (set(), set())
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    mode = "a" if resume else "w"
    out = output.open(mode, encoding="utf-8") if output else sys.stdout
    err = errors.open(mode, encoding="utf-8") if errors else sys.stderr
    total = sum(1 for _ in iter_page_paths(inputs)) - len(done_ids) if show_progress else None
    try:
        with BatchProgress(total, enabled=show_progress) as progress:
            return run_batch(
                inputs, nlp, out, err, workers=workers or default_workers(),
                batch_size=batch_size, skip_ids=done_ids, skip_files=done_files,
                dump_text=dump_text, progress=progress,
            )
    finally:
        for handle in (out, err):
            if handle not in (sys.stdout, sys.stderr):
                handle.close()
