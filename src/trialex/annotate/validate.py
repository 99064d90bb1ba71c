"""Check a gold folder before it is committed: what the evaluator's loader checks, made strict
where `annotations/GUIDELINES.md` is, plus the checks only an annotator needs.

The loader (`trialex.evaluate.loading.load_gold_dir`) already reports unreadable JSON, schema and
enum errors, offsets that do not give the item's text, empty spans, identical duplicates, and
warns about same-label crossings, person spans that are not the name and a doc_id that is not the
file stem. For scoring those warnings may pass; for gold they are errors. Added here: same-label
nesting and shared spans, different-label crossings (a warning: only nesting is allowed),
exact person names, section/criterion that do not follow the offsets (a warning), pages not
found, and drafts (a warning, or an error with `no_drafts`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from trialex.evaluate.loading import load_gold_dir, load_pages
from trialex.evaluate.results import Issue, Severity
from trialex.record import GoldRecord, Record

_STRICT_REASONS = ("crosses entities[", "doc_id ")


def _strict(issue: Issue) -> Issue:
    """Promote the loader's lenient warnings that the guidelines forbid to errors."""
    person_text = (issue.item or "").startswith("people[") and issue.reason.startswith("page[")
    if issue.severity == "warning" and (person_text or issue.reason.startswith(_STRICT_REASONS)):
        return issue.model_copy(update={"severity": "error"})
    return issue


def locate(record: Record, start: int, end: int) -> tuple[str | None, str | None]:
    """(section, criterion) of a char range: the smallest containing section and criterion span,
    as `trialex.pipeline.context.locate` computes it on a Doc."""

    def smallest(items: Sequence[Any]) -> Any:
        inside = [x for x in items if x.start <= start and end <= x.end]
        return min(inside, key=lambda x: x.end - x.start) if inside else None

    section, criterion = smallest(record.sections), smallest(record.criteria)
    return (section.name if section else None, criterion.criterion if criterion else None)


def _span_issues(record: GoldRecord, text: str | None, file: str) -> list[Issue]:
    issues: list[Issue] = []

    def add(item: str, reason: str, severity: Severity = "error") -> None:
        issues.append(Issue(source="gold", file=file, item=item, reason=reason, severity=severity))

    ents = record.entities
    for i, a in enumerate(ents):
        for j in range(i + 1, len(ents)):
            b = ents[j]
            if a == b or not (a.start < b.end and b.start < a.end):
                continue  # identical items and disjoint spans: the loader's business / fine
            nested = (a.start <= b.start and b.end <= a.end) or (
                b.start <= a.start and a.end <= b.end
            )
            if a.label == b.label and (a.start, a.end) == (b.start, b.end):
                add(
                    f"entities[{j}]",
                    f"duplicate span: same label {a.label} and offsets as entities[{i}]",
                )
            elif a.label == b.label and nested:
                add(
                    f"entities[{j}]",
                    f"nested in or around entities[{i}] with the same label {a.label}",
                )
            elif a.label != b.label and not nested:
                add(
                    f"entities[{j}]",
                    f"crosses entities[{i}] ({a.label} / {b.label}): only nesting "
                    "is allowed across labels",
                    "warning",
                )
    for group, key in (
        ("thresholds", lambda t: (t.start, t.end)),
        ("people", lambda p: (p.start, p.end, p.role)),
    ):
        items: list[Any] = getattr(record, group)
        seen: dict[tuple[Any, ...], int] = {}
        for i, item in enumerate(items):
            first = seen.setdefault(key(item), i)
            if first != i and item != items[first]:
                add(f"{group}[{i}]", f"duplicate span: same offsets as {group}[{first}]")
    if text is not None:
        for i, person in enumerate(record.people):
            found = text[person.start : person.end]
            if found != person.name and found.split() == person.name.split():
                add(
                    f"people[{i}]",
                    f"page[{person.start}:{person.end}] is {found!r}, name is "
                    f"{person.name!r} (spacing differs)",
                )
    if record.sections:
        for group in ("entities", "thresholds"):
            for i, item in enumerate(getattr(record, group)):
                where = locate(record, item.start, item.end)
                if where != (item.section, item.criterion):
                    add(
                        f"{group}[{i}]",
                        f"section/criterion {(item.section, item.criterion)} but "
                        f"the offsets lie in {where}",
                        "warning",
                    )
    return issues


def _parse(path: Path) -> GoldRecord | None:
    try:
        return GoldRecord.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, ValidationError):
        return None  # the loader has reported why


def validate_gold(
    gold_dir: str | Path, pages_dir: str | Path | None = None, *, no_drafts: bool = False
) -> list[Issue]:
    """Every problem of a gold folder, errors and warnings, ordered by file.

    With `pages_dir`, offsets are checked against `pages_dir/<doc_id>.*` read as the pipeline
    reads it; a gold file without a page there is a warning.
    """
    gold_dir = Path(gold_dir)
    paths = sorted(gold_dir.glob("*.json"))
    texts = load_pages(pages_dir, [p.stem for p in paths]) if pages_dir is not None else {}
    _, loaded = load_gold_dir(gold_dir, texts)
    issues = [_strict(issue) for issue in loaded]
    for path in paths:
        record = _parse(path)
        if record is None:
            continue
        file, text = str(path), texts.get(record.doc_id)
        if pages_dir is not None and text is None:
            issues.append(
                Issue(
                    source="page",
                    file=file,
                    severity="warning",
                    reason=f"no page {record.doc_id}.* in {pages_dir}: offsets not checked",
                )
            )
        issues += _span_issues(record, text, file)
        if record.draft:
            issues.append(
                Issue(
                    source="gold",
                    file=file,
                    item="draft",
                    severity="error" if no_drafts else "warning",
                    reason='still a draft: correct it, then set "draft": false',
                )
            )
    return sorted(issues, key=lambda i: (i.file, i.severity != "error"))


def errors(issues: Sequence[Issue]) -> list[Issue]:
    """The issues that fail validation."""
    return [issue for issue in issues if issue.severity == "error"]


__all__ = ["errors", "locate", "validate_gold"]
