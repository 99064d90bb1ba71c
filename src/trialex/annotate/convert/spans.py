"""The common ground of every annotation format: a gold record as page-level meta plus a flat
list of labelled spans (entities by label, `THRESHOLD`, `PERSON`), and back.

Each span carries its item's fields except `section` and `criterion`, which are always
recomputed from the offsets on import (so a span moved in a tool gets the right ones).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from trialex.annotate.validate import locate
from trialex.evaluate.loading import validation_issues
from trialex.evaluate.results import Issue
from trialex.record import ENTITY_LABELS, Entity, GoldRecord, Person, Threshold

THRESHOLD, PERSON = "THRESHOLD", "PERSON"
LABELS: tuple[str, ...] = (*ENTITY_LABELS, THRESHOLD, PERSON)
SPAN_GROUPS = ("entities", "thresholds", "people")
LOCATION_FIELDS = ("section", "criterion")
_OWN_FIELDS = {"label", "text", "start", "end", *LOCATION_FIELDS}
_INT = re.compile(r"[+-]?\d+")
ENTITY_FIELDS = ("canonical", "attributes")
THRESHOLD_FIELDS = ("kind", "variable", "operator", "value", "upper", "unit")
PERSON_FIELDS = ("name", "degree", "role", "affiliation")


def fields_of(label: str) -> tuple[str, ...]:
    """The item fields a span of `label` carries besides label, offsets and text."""
    return {THRESHOLD: THRESHOLD_FIELDS, PERSON: PERSON_FIELDS}.get(label, ENTITY_FIELDS)


@dataclass
class Span:
    """One labelled span with the item's other fields (`canonical`, `role`, `operator`, ...)."""

    label: str
    start: int
    end: int
    text: str
    fields: dict[str, Any] = field(default_factory=dict)


def record_meta(record: GoldRecord) -> dict[str, Any]:
    """Everything but the spans: doc_id, layout, nct_id, title, sections, criteria, ..."""
    return record.model_dump(mode="json", exclude=set(SPAN_GROUPS))


def record_spans(record: GoldRecord, page: str) -> list[Span]:
    """Entities, then thresholds, then people, each group in file order; `text` is the page's."""
    spans = []
    for group, label in (("entities", None), ("thresholds", THRESHOLD), ("people", PERSON)):
        for item in getattr(record, group):
            data = item.model_dump(mode="json")
            fields = {k: v for k, v in data.items() if k not in _OWN_FIELDS}
            text = page[item.start : item.end]
            spans.append(Span(label or data["label"], item.start, item.end, text, fields))
    return spans


def join_pairs(pairs: Mapping[str, str]) -> str:
    """`key=value; key=value`, a `;` or `\\` inside a value escaped by `\\`, one line."""

    def escape(value: str) -> str:
        value = value.replace("\\", "\\\\").replace(";", "\\;")
        return " ".join(value.splitlines()) if len(value.splitlines()) > 1 else value

    return "; ".join(f"{key}={escape(value)}" for key, value in pairs.items())


def split_pairs(text: str) -> dict[str, str]:
    """The pairs of `join_pairs` back: split at unescaped `; `, escapes undone."""
    parts, current, i = [], "", 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current, i = current + text[i + 1], i + 2
        elif text.startswith("; ", i):
            parts, current, i = [*parts, current], "", i + 2
        else:
            current, i = current + text[i], i + 1
    pairs = {}
    for part in filter(str.strip, [*parts, current]):
        key, _, value = part.partition("=")
        pairs[key.strip()] = value
    return pairs


def parse_number(value: Any) -> int | float:
    """A number from a tool's string field: "14" -> 14, "1.0" -> 1.0."""
    if isinstance(value, int | float):
        return value
    text = str(value).strip()
    return int(text) if _INT.fullmatch(text) else float(text)


def build_record(
    meta: Mapping[str, Any], spans: Sequence[Span], page: str, file: str, where: str = ""
) -> tuple[GoldRecord | None, list[Issue]]:
    """A `GoldRecord` from meta and spans on `page`, or None with the reasons.

    A span's `text` is taken from the page (`page[start:end]`); a missing `canonical` becomes the
    lower-cased text and a missing person `name` the span's text, as the pipeline does.
    """
    issues: list[Issue] = []
    try:
        base = GoldRecord.model_validate({**meta})
    except ValidationError as exc:
        return None, validation_issues(exc, file, "gold", prefix=where)
    groups: dict[str, list[Any]] = {group: [] for group in SPAN_GROUPS}
    for i, span in enumerate(spans):
        item = f"{where}spans[{i}] {span.label} {span.start}-{span.end}"
        if span.end > len(page) or span.start < 0:
            issues.append(
                Issue(
                    source="gold",
                    file=file,
                    item=item,
                    reason=f"offsets outside the page ({len(page)} characters)",
                )
            )
            continue
        text = page[span.start : span.end]
        section, criterion = locate(base, span.start, span.end)
        common = {"start": span.start, "end": span.end, "section": section, "criterion": criterion}
        try:
            if span.label == THRESHOLD:
                groups["thresholds"].append(Threshold(**{**span.fields, **common, "text": text}))
            elif span.label == PERSON:
                fields = {"name": text, **span.fields}
                groups["people"].append(Person(**fields, start=span.start, end=span.end))
            else:
                fields = {"canonical": text.lower(), **span.fields}
                groups["entities"].append(Entity(**fields, **common, label=span.label, text=text))
        except ValidationError as exc:
            issues += validation_issues(exc, file, "gold", prefix=f"{item}: ")
        except TypeError as exc:
            issues.append(Issue(source="gold", file=file, item=item, reason=str(exc)))
    if issues:
        return None, issues
    return base.model_copy(update=groups), issues


__all__ = [
    "LABELS",
    "PERSON",
    "THRESHOLD",
    "Span",
    "build_record",
    "fields_of",
    "join_pairs",
    "split_pairs",
    "parse_number",
    "record_meta",
    "record_spans",
]
