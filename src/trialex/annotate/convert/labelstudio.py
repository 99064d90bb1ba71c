"""Label Studio: a JSON list of tasks, pages as `data.text`, spans as `labels` regions, and each
item field as a per-region `textarea` or `choices` result sharing the region's id.

Drafts go out as `predictions` (a team corrects them and submits); checked gold as
`annotations`. Import reads the latest submitted annotation of each task (`draft: false`), or,
when nobody has submitted one, the first prediction (the record's own `draft` flag). Label
Studio has counted offsets in UTF-16 units in some versions: a region whose `text` is not
`page[start:end]` is moved to its nearest occurrence on the page, with a warning.
`write_config` writes the labeling config these tasks expect.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from trialex.annotate.convert.spans import (
    LABELS,
    PERSON,
    THRESHOLD,
    Span,
    build_record,
    join_pairs,
    parse_number,
    record_meta,
    record_spans,
    split_pairs,
)
from trialex.evaluate.results import Issue
from trialex.record import ENTITY_LABELS, OPERATORS, ROLES, GoldRecord

ENTITIES = ",".join(ENTITY_LABELS)
TEXTAREAS: dict[str, str] = {  # control -> labels it applies to
    "canonical": ENTITIES,
    "source": "CELL_TYPE",
    "other_attributes": ENTITIES,
    "variable": THRESHOLD,
    "value": THRESHOLD,
    "upper": THRESHOLD,
    "unit": THRESHOLD,
    "name": PERSON,
    "degree": PERSON,
    "affiliation": PERSON,
}
CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {  # control -> (labels, values)
    "donor": ("CELL_TYPE", ("allogeneic", "autologous", "pooled")),
    "drug_kind": ("DRUG", ("agent", "class")),
    "threshold_kind": (THRESHOLD, ("age", "measurement", "temporal", "dose", "count")),
    "operator": (THRESHOLD, OPERATORS),
    "role": (PERSON, ROLES),
}
_ATTRIBUTE_CONTROLS = {
    ("CELL_TYPE", "source"): "source",
    ("CELL_TYPE", "donor"): "donor",
    ("DRUG", "kind"): "drug_kind",
}
_RENAMED = {"kind": "threshold_kind"}


def _controls(span: Span) -> dict[str, str]:
    """The per-region control values of a span (`None` fields are left out)."""
    values: dict[str, str] = {}
    other: dict[str, str] = {}
    for key, value in span.fields.items():
        if key == "attributes":
            for name, text in value.items():
                control = _ATTRIBUTE_CONTROLS.get((span.label, name))
                if control and (control not in CHOICES or text in CHOICES[control][1]):
                    values[control] = text
                else:
                    other[name] = text
        elif value is not None:
            values[_RENAMED.get(key, key) if span.label == THRESHOLD else key] = str(value)
    if other:
        values["other_attributes"] = join_pairs(other)
    return values


def _fields(label: str, values: Mapping[str, str]) -> dict[str, Any]:
    """Item fields back from per-region control values."""
    if label == THRESHOLD:
        fields: dict[str, Any] = {key: values.get(key) for key in ("variable", "operator", "unit")}
        fields["kind"] = values.get("threshold_kind")
        fields["value"] = parse_number(values["value"]) if values.get("value") else None
        fields["upper"] = parse_number(values["upper"]) if values.get("upper") else None
        return fields
    if label == PERSON:
        fields = {key: values.get(key) or None for key in ("degree", "role", "affiliation")}
        return fields | ({"name": values["name"]} if values.get("name") else {})
    names = {c: name for (lab, name), c in _ATTRIBUTE_CONTROLS.items() if lab == label}
    attributes: dict[str, str] = {}
    for control, text in values.items():  # in the order they were written
        if control == "other_attributes":
            attributes |= split_pairs(text)
        elif control in names and text:
            attributes[names[control]] = text
    return {"attributes": attributes} | (
        {"canonical": values["canonical"]} if values.get("canonical") else {}
    )


def to_results(record: GoldRecord, page: str) -> list[dict[str, Any]]:
    """The Label Studio `result` list of a record."""
    results = []
    for n, span in enumerate(record_spans(record, page), start=1):
        where = {
            "id": f"r{n}",
            "to_name": "text",
            "origin": "prediction" if record.draft else "manual",
        }
        value = {"start": span.start, "end": span.end, "text": span.text}
        results.append(
            {
                **where,
                "from_name": "label",
                "type": "labels",
                "value": {**value, "labels": [span.label]},
            }
        )
        for control, text in _controls(span).items():
            kind, key = ("choices", "choices") if control in CHOICES else ("textarea", "text")
            results.append(
                {
                    **where,
                    "from_name": control,
                    "type": kind,
                    "value": {"start": span.start, "end": span.end, key: [text]},
                }
            )
    return results


def to_task(record: GoldRecord, page: str) -> dict[str, Any]:
    """One task; a draft's spans are `predictions`, checked gold's are `annotations`."""
    results = to_results(record, page)
    task: dict[str, Any] = {
        "data": {"text": page, "doc_id": record.doc_id, "trialex": record_meta(record)}
    }
    if record.draft:
        task["predictions"] = [{"model_version": "trialex-draft", "result": results}]
    else:
        task["annotations"] = [{"result": results, "ground_truth": True}]
    return task


def _place(page: str, start: int, end: int, text: str | None) -> tuple[int, int] | None:
    """Offsets whose page text is the region's `text`: as given, else the nearest occurrence."""
    if text is None or page[start:end] == text:
        return start, end
    hits, at = [], page.find(text)
    while at >= 0:
        hits.append(at)
        at = page.find(text, at + 1)
    if not hits:
        return None
    best = min(hits, key=lambda hit: abs(hit - start))
    return best, best + len(text)


def _pick(task: Mapping[str, Any]) -> tuple[list[dict[str, Any]], bool | None, str]:
    """(results, draft flag or None to keep the record's, where they came from)."""
    done = [
        a for a in task.get("annotations", []) if isinstance(a, dict) and not a.get("was_cancelled")
    ]
    if done:
        latest = max(
            enumerate(done),
            key=lambda p: (p[1].get("updated_at") or p[1].get("created_at") or "", p[0]),
        )
        return latest[1].get("result", []), False, f"annotations[{latest[0]}]"
    predictions = [p for p in task.get("predictions", []) if isinstance(p, dict)]
    return (
        (predictions[0].get("result", []), None, "predictions[0]")
        if predictions
        else ([], None, "")
    )


def from_task(
    task: Mapping[str, Any], file: str, where: str
) -> tuple[GoldRecord | None, list[Issue]]:
    """A gold record from one Label Studio task."""
    data = task.get("data", {})
    page = data.get("text")
    if not isinstance(page, str):
        return None, [Issue(source="gold", file=file, item=where, reason="task has no data.text")]
    meta = {"doc_id": data.get("doc_id"), "layout": "generic", **data.get("trialex", {})}
    results, draft, source = _pick(task)
    meta["draft"] = meta.get("draft", True) if draft is None else draft
    labelled: dict[str, Span] = {}
    controls: dict[str, dict[str, str]] = {}
    issues: list[Issue] = []
    for result in results:
        value, rid = result.get("value", {}), str(result.get("id"))
        if result.get("type") != "labels":
            texts = value.get("text") or value.get("choices") or [""]
            controls.setdefault(rid, {})[result.get("from_name", "")] = str(texts[0])
            continue
        label = (value.get("labels") or [""])[0]
        item = f"{where} {source} region {rid} {label}"
        placed = _place(page, value.get("start", 0), value.get("end", 0), value.get("text"))
        if placed is None or label not in LABELS:
            reason = (
                f"unknown label {label!r}"
                if label not in LABELS
                else f"text {value.get('text')!r} is not on the page"
            )
            issues.append(Issue(source="gold", file=file, item=item, reason=reason))
            continue
        if placed != (value.get("start"), value.get("end")):
            issues.append(
                Issue(
                    source="gold",
                    file=file,
                    item=item,
                    severity="warning",
                    reason=f"offsets {value.get('start')}-{value.get('end')} moved to "
                    f"{placed[0]}-{placed[1]} where its text is",
                )
            )
        labelled[rid] = Span(label, *placed, value.get("text") or "")
    spans = []
    for rid, span in labelled.items():
        span.fields = _fields(span.label, controls.get(rid, {}))
        spans.append(span)
    record, problems = build_record(meta, spans, page, file, f"{where}: ")
    return (None if any(i.severity == "error" for i in issues) else record), issues + problems


def label_config() -> str:
    """The Label Studio labeling config (XML) for these tasks."""
    colours = {
        "CONDITION": "#ef6f6c",
        "CELL_TYPE": "#8fd19e",
        "DRUG": "#7aa6d8",
        THRESHOLD: "#ffd166",
        PERSON: "#c39bd3",
    }
    # pre-wrap: line breaks and spaces are shown (Label Studio counts them in offsets anyway)
    lines = ["<View>", "  <Style>.htx-text { white-space: pre-wrap; }</Style>"]
    lines.append('  <Labels name="label" toName="text">')
    lines += [f'    <Label value="{label}" background="{colours[label]}"/>' for label in LABELS]
    lines += ["  </Labels>", '  <Text name="text" value="$text"/>']
    for control, labels in TEXTAREAS.items():
        lines.append(
            f'  <TextArea name="{control}" toName="text" perRegion="true" editable="true" '
            f'maxSubmissions="1" placeholder="{control}" visibleWhen="region-selected" '
            f'whenTagName="label" whenLabelValue="{labels}"/>'
        )
    for control, (labels, values) in CHOICES.items():
        lines.append(
            f'  <Choices name="{control}" toName="text" perRegion="true" choice="single" '
            f'visibleWhen="region-selected" whenTagName="label" whenLabelValue="{labels}">'
        )
        lines += [f'    <Choice value="{value.replace("<", "&lt;")}"/>' for value in values]
        lines.append("  </Choices>")
    return "\n".join([*lines, "</View>"]) + "\n"


def export_records(
    records: Mapping[str, GoldRecord], pages: Mapping[str, str], out: Path
) -> list[Path]:
    """Write the tasks as one JSON list `out`, and the labeling config beside it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tasks = [to_task(records[doc_id], pages[doc_id]) for doc_id in sorted(records)]
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config = out.with_name(out.stem + ".label_config.xml")
    config.write_text(label_config(), encoding="utf-8")
    return [out, config]


def import_records(path: Path) -> tuple[list[GoldRecord], list[Issue]]:
    """Gold records from a Label Studio JSON export (a list of tasks)."""
    file = str(path)
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [], [Issue(source="gold", file=file, reason=f"unreadable JSON: {exc}")]
    records, issues = [], []
    for n, task in enumerate(tasks if isinstance(tasks, list) else [tasks]):
        record, problems = from_task(task, file, f"task {task.get('id', n)}")
        issues += problems
        if record is not None:
            records.append(record)
    return records, issues


__all__ = ["export_records", "from_task", "import_records", "label_config", "to_task"]
