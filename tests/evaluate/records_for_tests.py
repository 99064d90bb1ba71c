"""Tiny hand-made records for the evaluator tests."""

from __future__ import annotations

from typing import Any

from trialex.record import Record


def record(doc_id: str = "d", **fields: Any) -> Record:
    """A Record from short item dicts: offsets and `text` default so tests stay terse."""
    entities = [
        {"text": "x", "canonical": "x", **e} for e in fields.pop("entities", [])
    ]
    thresholds = [
        {"kind": "measurement", "text": "t", "start": 0, "end": 1, **t}
        for t in fields.pop("thresholds", [])
    ]
    people = [{"start": 0, "end": 1, **p} for p in fields.pop("people", [])]
    return Record.model_validate({
        "doc_id": doc_id, "layout": "test", "entities": entities, "thresholds": thresholds,
        "people": people, **fields,
    })


def ent(label: str, start: int, end: int, canonical: str = "x") -> dict[str, Any]:
    return {"label": label, "start": start, "end": end, "canonical": canonical}
