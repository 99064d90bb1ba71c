"""brat standoff: per page `DOC.txt` (the page, line ends kept), `DOC.ann`, and `DOC.meta.json`
(the record's page-level fields, which brat does not show), plus `annotation.conf`.

- `T1\tCONDITION 1020 1023\tSLE`: a span; one that crosses line breaks is written as fragments
  (`T5\tTHRESHOLD 812 832;834 842\tMinimum Eligible Age 18 Years`) and read back as one span
  from its first start to its last end. Offsets are characters of the page (brat counts
  characters; the `.txt` is written with `newline=""` so CRLF stays CRLF).
- `A1\tRole T3 STUDY_CHAIR`: enumerated fields (role, threshold kind, operator, drug kind, donor).
- `#1\tAnnotatorNotes T1\tcanonical=systemic lupus erythematosus; source=umbilical cord`: free
  fields as `key=value` pairs separated by `; ` (a `;` or `\\` inside a value is escaped by `\\`).
"""

from __future__ import annotations

import json
import re
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
from trialex.record import OPERATORS, ROLES, GoldRecord

OPERATOR_NAMES = dict(zip(OPERATORS, ("lt", "le", "gt", "ge", "eq", "between"), strict=True))
ATTRIBUTES: dict[str, tuple[str, str, tuple[str, ...]]] = {  # brat name -> (label, field, values)
    "Role": (PERSON, "role", ROLES),
    "ThresholdKind": (THRESHOLD, "kind", ("age", "measurement", "temporal", "dose", "count")),
    "Operator": (THRESHOLD, "operator", tuple(OPERATOR_NAMES.values())),
    "DrugKind": ("DRUG", "attributes.kind", ("agent", "class")),
    "Donor": ("CELL_TYPE", "attributes.donor", ("allogeneic", "autologous", "pooled")),
}
_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")  # what splitlines splits on


def fragments(page: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut at line breaks, as brat needs (its `.ann` text is one line)."""
    parts, at = [], start
    for found in _BREAKS.finditer(page, start, end):
        if found.start() > at:
            parts.append((at, found.start()))
        at = found.end()
    if end > at:
        parts.append((at, end))
    return parts or [(start, end)]


def _flatten(span: Span) -> dict[str, str]:
    """Every field of a span as `key -> string`; attributes as `attributes.KEY`."""
    flat = {}
    for key, value in span.fields.items():
        if key == "attributes":
            flat |= {f"attributes.{name}": text for name, text in value.items()}
        elif value is not None:
            flat[key] = OPERATOR_NAMES[value] if key == "operator" else str(value)
    if flat.get("name") == span.text:
        del flat["name"]  # the span's text is the name
    return flat


def to_ann(record: GoldRecord, page: str) -> str:
    """The `.ann` text of a record."""
    lines, n_attr, n_note = [], 0, 0
    for t, span in enumerate(record_spans(record, page), start=1):
        parts = fragments(page, span.start, span.end)
        offsets = ";".join(f"{a} {b}" for a, b in parts)
        lines.append(f"T{t}\t{span.label} {offsets}\t{' '.join(page[a:b] for a, b in parts)}")
        flat = _flatten(span)
        for name, (label, key, values) in ATTRIBUTES.items():
            if label == span.label and flat.get(key) in values:
                n_attr += 1
                lines.append(f"A{n_attr}\t{name} T{t} {flat.pop(key)}")
        if flat:
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes T{t}\t{join_pairs(flat)}")
    return "".join(line + "\n" for line in lines)


def _unflatten(label: str, flat: Mapping[str, str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in flat.items():
        if key.startswith("attributes."):
            fields.setdefault("attributes", {})[key.removeprefix("attributes.")] = value
        elif key == "operator":
            fields[key] = {name: op for op, name in OPERATOR_NAMES.items()}.get(value, value)
        else:
            fields[key] = parse_number(value) if key in ("value", "upper") else value
    if label == THRESHOLD:
        fields.setdefault("upper", None)
        fields.setdefault("unit", None)
    elif label == PERSON:
        fields = {"degree": None, "affiliation": None, **fields}
    else:
        fields.setdefault("attributes", {})
    return fields


def from_ann(
    ann: str, page: str, meta: Mapping[str, Any], file: str
) -> tuple[GoldRecord | None, list[Issue]]:
    """A gold record from `.ann` text on its page."""
    spans: dict[str, Span] = {}
    flat: dict[str, dict[str, str]] = {}
    issues: list[Issue] = []
    by_name = {name: (label, key) for name, (label, key, _) in ATTRIBUTES.items()}
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.removesuffix("\r")
        cols = line.split("\t")
        where = f"line {number}"
        try:
            if line.startswith("T"):
                label, _, offsets = cols[1].partition(" ")
                pairs = [tuple(map(int, part.split())) for part in offsets.split(";")]
                spans[cols[0]] = Span(
                    label, pairs[0][0], pairs[-1][1], cols[2] if len(cols) > 2 else ""
                )
                flat.setdefault(cols[0], {})
            elif line.startswith("A"):
                name, target, *value = cols[1].split()
                flat.setdefault(target, {})[by_name[name][1]] = value[0] if value else "true"
            elif line.startswith("#"):
                target = cols[1].split()[1]
                flat.setdefault(target, {}).update(split_pairs(cols[2]))
            elif line.strip():
                issues.append(
                    Issue(
                        source="gold",
                        file=file,
                        item=where,
                        severity="warning",
                        reason=f"not read (only T, A and # lines are): {line[:40]!r}",
                    )
                )
        except (IndexError, KeyError, ValueError):
            issues.append(
                Issue(source="gold", file=file, item=where, reason=f"malformed: {line[:60]!r}")
            )
    for tid, span in spans.items():
        if span.label not in LABELS:
            issues.append(
                Issue(source="gold", file=file, item=tid, reason=f"unknown label {span.label!r}")
            )
        span.fields = _unflatten(span.label, flat.get(tid, {}))
    if any(i.severity == "error" for i in issues):
        return None, issues
    record, problems = build_record(meta, list(spans.values()), page, file)
    return record, issues + problems


def annotation_conf() -> str:
    """brat's `annotation.conf` for these labels and attributes."""
    lines = ["[entities]", *LABELS, "", "[relations]", "", "[events]", "", "[attributes]"]
    for name, (label, _, values) in ATTRIBUTES.items():
        lines.append(f"{name}\tArg:{label}, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def export_records(
    records: Mapping[str, GoldRecord], pages: Mapping[str, str], out: Path
) -> list[Path]:
    """Write `out/DOC.txt`, `DOC.ann`, `DOC.meta.json` per record and `out/annotation.conf`."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc_id in sorted(records):
        record, page = records[doc_id], pages[doc_id]
        with open(out / f"{doc_id}.txt", "w", encoding="utf-8", newline="") as handle:
            handle.write(page)
        with open(out / f"{doc_id}.ann", "w", encoding="utf-8", newline="") as handle:
            handle.write(to_ann(record, page))
        meta = json.dumps(record_meta(record), ensure_ascii=False, indent=1)
        (out / f"{doc_id}.meta.json").write_text(meta + "\n", encoding="utf-8")
        paths += [out / f"{doc_id}.txt", out / f"{doc_id}.ann"]
    (out / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
    return [*paths, out / "annotation.conf"]


def import_records(path: Path) -> tuple[list[GoldRecord], list[Issue]]:
    """Gold records from a brat folder (every `DOC.ann` with its `DOC.txt`)."""
    records, issues = [], []
    for ann in sorted(path.glob("*.ann")):
        txt, meta_path = ann.with_suffix(".txt"), ann.with_name(ann.stem + ".meta.json")
        if not txt.is_file():
            issues.append(Issue(source="gold", file=str(ann), reason=f"no {txt.name} beside it"))
            continue
        with open(txt, encoding="utf-8", newline="") as handle:
            page = handle.read()
        meta = {"doc_id": ann.stem, "layout": "generic"}
        if meta_path.is_file():
            meta |= json.loads(meta_path.read_text(encoding="utf-8"))
        with open(ann, encoding="utf-8", newline="") as handle:
            record, problems = from_ann(handle.read(), page, meta, str(ann))
        issues += problems
        if record is not None:
            records.append(record)
    return records, issues


__all__ = ["annotation_conf", "export_records", "fragments", "from_ann", "import_records", "to_ann"]
