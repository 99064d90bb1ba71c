"""Read gold directories, prediction JSONL and page texts, reporting every problem as an `Issue`.

Nothing here raises on bad content: a file or line that cannot be used is reported with its
file, item (`entities[3].label`, `line 7`) and reason, and the rest is still loaded. Severity:
`error` leaves that document out of scoring, `warning` keeps it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from trialex.evaluate.results import Issue, Severity, Source
from trialex.reading import PAGE_SUFFIXES, read_page
from trialex.record import GoldRecord, Record


def _item_path(loc: Iterable[Any]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path or "(record)"


def validation_issues(
    error: ValidationError, file: str, source: Source, prefix: str = ""
) -> list[Issue]:
    """One `Issue` per pydantic error, naming the item path and, for labels, the bad value."""
    issues = []
    for err in error.errors():
        item = _item_path(err["loc"])
        reason = err["msg"]
        if err["type"] == "literal_error":
            field = str(err["loc"][-1]) if err["loc"] else "value"
            reason = f"unknown {field} {err['input']!r}: {reason}"
        issues.append(Issue(source=source, file=file, item=f"{prefix}{item}", reason=reason))
    return issues


def json_lines(
    lines: Iterable[str], file: str, source: Source, issues: list[Issue]
) -> Iterator[tuple[str, Any]]:
    """(`line N`, value) for each non-blank line; a line that is not JSON goes to `issues`."""
    for number, line in enumerate(lines, start=1):
        where = f"line {number}"
        if not line.strip():
            continue
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            issues.append(Issue(source=source, file=file, item=where, reason=f"bad JSON: {exc}"))


def check_record(
    record: Record, text: str | None, file: str, source: Source = "gold"
) -> list[Issue]:
    """Item-level checks of a record that validated.

    Errors: offsets that do not give the item's text on the page (when the page is given),
    empty spans, identical duplicate items. Warnings: a person span that is not the name,
    same-label entities that cross (nested and identical spans are allowed: SPEC splits
    coordinated phrases into several entities).
    """
    issues: list[Issue] = []

    def add(item: str, reason: str, severity: Severity = "error") -> None:
        issues.append(Issue(source=source, file=file, item=item, reason=reason, severity=severity))

    groups: dict[str, list[Any]] = {
        "entities": record.entities, "thresholds": record.thresholds, "people": record.people,
    }
    for group, items in groups.items():
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            where = f"{group}[{i}]"
            dump = item.model_dump_json()
            if dump in seen:
                add(where, f"duplicate of {group}[{seen[dump]}]")
            seen.setdefault(dump, i)
            if item.start == item.end:
                add(where, f"empty span at {item.start}")
            if text is None:
                continue
            if item.end > len(text):
                add(where, f"end {item.end} is past the page end ({len(text)} characters)")
                continue
            found = text[item.start:item.end]
            if group == "people":
                if " ".join(found.split()) != " ".join(item.name.split()):
                    add(where, f"page[{item.start}:{item.end}] is {found!r}, name is {item.name!r}",
                        "warning")
            elif found != item.text:
                add(where, f"page[{item.start}:{item.end}] is {found!r}, text is {item.text!r}")
    entities = record.entities
    for i, a in enumerate(entities):
        for j in range(i + 1, len(entities)):
            b = entities[j]
            crossing = a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end
            if a.label == b.label and crossing:
                add(f"entities[{j}]", f"crosses entities[{i}] with the same label {a.label}",
                    "warning")
    return issues


def load_gold_dir(
    directory: str | Path, pages: Mapping[str, str] | None = None, *, include_drafts: bool = True
) -> tuple[dict[str, GoldRecord], list[Issue]]:
    """Read `directory/*.json` as `GoldRecord`s keyed by doc_id, with the problems found.

    With `pages` (doc_id -> page text), offsets are checked against the text. A file with an
    `error` issue is left out; the others are returned.
    """
    directory = Path(directory)
    records: dict[str, GoldRecord] = {}
    issues: list[Issue] = []
    if not directory.is_dir():
        return records, [Issue(source="gold", file=str(directory), reason="not a directory")]
    for path in sorted(directory.glob("*.json")):
        file = str(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            issues.append(Issue(source="gold", file=file, reason=f"unreadable JSON: {exc}"))
            continue
        try:
            record = GoldRecord.model_validate(data)
        except ValidationError as exc:
            issues += validation_issues(exc, file, "gold")
            continue
        found = check_record(record, (pages or {}).get(record.doc_id), file)
        if record.doc_id != path.stem:
            found.append(Issue(source="gold", file=file, item="doc_id", severity="warning",
                               reason=f"doc_id {record.doc_id!r} is not the file stem"))
        if record.doc_id in records:
            found.append(Issue(source="gold", file=file, item="doc_id",
                               reason=f"doc_id {record.doc_id!r} already read from another file"))
        issues += found
        if any(issue.severity == "error" for issue in found):
            continue
        if include_drafts or not record.draft:
            records[record.doc_id] = record
    return records, issues


def load_pred_jsonl(path: str | Path) -> tuple[dict[str, Record], list[Issue]]:
    """Read one `Record` per line keyed by doc_id; bad lines are reported by line number.

    A pipeline error line (`{"file", "error", "message"}`) is reported as a warning; its page
    then scores as a missing prediction. A repeated doc_id keeps the first line.
    """
    path = Path(path)
    file = str(path)
    records: dict[str, Record] = {}
    issues: list[Issue] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return records, [Issue(source="pred", file=file, reason=f"unreadable: {exc}")]
    for where, data in json_lines(lines, file, "pred", issues):
        if isinstance(data, dict) and "error" in data and "doc_id" not in data:
            issues.append(Issue(source="pred", file=file, item=where, severity="warning",
                                reason=f"pipeline error for {data.get('file')!r}: "
                                       f"{data.get('error')}: {data.get('message')}"))
            continue
        try:
            record = Record.model_validate(data)
        except ValidationError as exc:
            issues += validation_issues(exc, file, "pred", prefix=f"{where}: ")
            continue
        if record.doc_id in records:
            issues.append(Issue(source="pred", file=file, item=where,
                                reason=f"doc_id {record.doc_id!r} repeated; the first is kept"))
            continue
        records[record.doc_id] = record
    return records, issues


def load_pages(
    directory: str | Path | None, doc_ids: Iterable[str] | None = None
) -> dict[str, str]:
    """Page texts from `directory/<doc_id>.<txt|html|...>` (all pages there by default), read
    as the pipeline reads them; pages that are absent or unreadable are left out.
    """
    if directory is None or not Path(directory).is_dir():
        return {}
    if doc_ids is None:
        doc_ids = sorted({p.stem for p in Path(directory).iterdir() if p.suffix in PAGE_SUFFIXES})
    texts: dict[str, str] = {}
    for doc_id in doc_ids:
        for suffix in PAGE_SUFFIXES:
            path = Path(directory) / f"{doc_id}{suffix}"
            if path.is_file():
                try:
                    texts[doc_id] = read_page(path).text
                except Exception:  # noqa: BLE001 - an unreadable page only loses its HTML section
                    continue
                break
    return texts


__all__ = [
    "check_record", "json_lines", "load_gold_dir", "load_pages", "load_pred_jsonl",
    "validation_issues",
]
