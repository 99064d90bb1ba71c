"""Prodigy-style JSONL: one task per page.

```json
{"text": "<page>",
 "meta": {"doc_id": ..., "layout": ..., "nct_id": ..., "title": ..., "draft": true},
 "spans": [{"start": 57, "end": 102, "label": "CELL_TYPE", "text": "...", "canonical": "...",
            "attributes": {"source": "umbilical cord"}},
           {"start": 410, "end": 441, "label": "THRESHOLD", "kind": "age", "variable": "age",
            "operator": "between", "value": 14, "upper": 60, "unit": "years"},
           {"start": 2829, "end": 2840, "label": "PERSON", "name": "...",
            "role": "STUDY_CHAIR", "degree": ..., "affiliation": ...}],
 "trialex": {"sections": [...], "criteria": [...], "related_trials": [...], "notes": ...}}
```
Item fields sit on the span itself; Prodigy keeps unknown keys. On import, `answer: "accept"`
marks the page as checked (`draft: false`); `reject` and `ignore` tasks are skipped; keys Prodigy
adds (`token_start`, `_input_hash`, ...) are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from trialex.annotate.convert.spans import Span, build_record, fields_of, record_meta, record_spans
from trialex.evaluate.loading import json_lines
from trialex.evaluate.results import Issue
from trialex.record import GoldRecord

META_KEYS = ("doc_id", "layout", "nct_id", "title", "draft")


def to_task(record: GoldRecord, page: str) -> dict[str, Any]:
    """One Prodigy task for a gold record on its page."""
    meta = record_meta(record)
    spans = [
        {"start": s.start, "end": s.end, "label": s.label, "text": s.text, **s.fields}
        for s in record_spans(record, page)
    ]
    return {
        "text": page,
        "meta": {key: meta[key] for key in META_KEYS},
        "spans": spans,
        "trialex": {key: value for key, value in meta.items() if key not in META_KEYS},
    }


def from_task(
    task: Mapping[str, Any], file: str, where: str
) -> tuple[GoldRecord | None, list[Issue]]:
    """A gold record from one task (our export or Prodigy's output of it)."""
    text = task.get("text")
    if not isinstance(text, str):
        return None, [Issue(source="gold", file=file, item=where, reason="task has no text")]
    meta = {**task.get("trialex", {}), **task.get("meta", {})}
    if task.get("answer") == "accept":
        meta["draft"] = False
    spans = []
    for i, raw in enumerate(task.get("spans", [])):
        label = raw.get("label", "")
        fields = {key: raw[key] for key in fields_of(label) if key in raw}
        try:
            spans.append(
                Span(label, int(raw["start"]), int(raw["end"]), raw.get("text", ""), fields)
            )
        except (KeyError, TypeError, ValueError):
            return None, [
                Issue(
                    source="gold",
                    file=file,
                    item=f"{where}: spans[{i}]",
                    reason="a span needs integer start and end",
                )
            ]
    return build_record(meta, spans, text, file, f"{where}: ")


def export_records(
    records: Mapping[str, GoldRecord], pages: Mapping[str, str], out: Path
) -> list[Path]:
    """Write all records as one JSONL file `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for doc_id in sorted(records):
            handle.write(
                json.dumps(to_task(records[doc_id], pages[doc_id]), ensure_ascii=False) + "\n"
            )
    return [out]


def import_records(path: Path) -> tuple[list[GoldRecord], list[Issue]]:
    """Gold records from a JSONL file; the last accepted task of a page wins."""
    file, issues = str(path), []
    found: dict[str, GoldRecord] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for where, task in json_lines(lines, file, "gold", issues):
        if task.get("answer") in ("reject", "ignore"):
            issues.append(
                Issue(
                    source="gold",
                    file=file,
                    item=where,
                    severity="warning",
                    reason=f"answer {task['answer']!r}: skipped",
                )
            )
            continue
        record, problems = from_task(task, file, where)
        issues += problems
        if record is not None:
            if record.doc_id in found:
                issues.append(
                    Issue(
                        source="gold",
                        file=file,
                        item=where,
                        severity="warning",
                        reason=f"{record.doc_id} again: this later task is kept",
                    )
                )
            found[record.doc_id] = record
    return list(found.values()), issues


__all__ = ["export_records", "from_task", "import_records", "to_task"]
