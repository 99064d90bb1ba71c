"""Leaf Clinical Trials corpus (LCT, uw-bionlp, MIT): batches 1-16 only -> gold records.

Batches 17-20 are held back for outside measurement and are never read (nor is `training/`).
Each `.txt` is one trial's eligibility text, inclusion and exclusion in one file; it is read with
`newline=''` and passed to the pipeline unchanged.

Label mapping (brat -> SPEC):
- `Condition-Name` span -> CONDITION; `Drug-Name` span -> DRUG (the `Condition`/`Drug` event
  triggers are ignored). `canonical` = the span text lower-cased (LCT gives no canonical name).
  Discontinuous spans (none in batches 1-16) are skipped and counted.
  Condition mentions SPEC keeps out of CONDITION (pregnancy, pregnant, breastfeeding, lactation,
  nursing, healthy, childbearing potential: `common.spec_condition`; 529 in batches 1-16) are
  left out of gold, so predicting them is a false positive, as SPEC says.
- Thresholds: every event argument that points to an `Eq-Comparison` event with an
  `Eq-Operator-Value` attribute and numeric `Eq-Value`s. Operator GTEQ/GT/LTEQ/LT/EQ/BETWEEN ->
  `>=`, `>`, `<=`, `<`, `=`, `between` (low = smallest value, upper = largest); PLUS-MINUS and
  comparisons without an operator attribute are skipped (counted in `STATS`). For other operators
  the first value is `value` (so "100x109/L" gives 100). Kind by role: `Numeric-Filter` of an
  `Age` event -> age (variable "age"), other `Numeric-Filter` and `Stage` -> measurement, `Dose`
  -> dose, `Minimum-Count` -> count, `Temporality`/`Duration` -> temporal. Variable = the event's
  `Name` argument text (else its trigger text). Unit = `Eq-Unit` text, `/` + `Per` text when
  present, else the `Eq-Temporal-Unit` text lower-cased; an age with no unit gets "years".
  The span is the comparison span, widened to cover the variable when both sit on one line.
- criterion: from the "Inclusion/Exclusion Criteria" headers (`common.polarity_regions`);
  text before any header gets `criterion: null`. Gold `criteria` are the lines after a header;
  gold `sections` is one `eligibility` section covering the file.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from trialex.evaluate.bench import BenchDoc
from trialex.evaluate.bench.brat import BratDoc, Event, read_brat
from trialex.evaluate.bench.common import (
    criterion_spans,
    gold_entity,
    parse_number,
    polarity_at,
    polarity_regions,
    spec_condition,
)
from trialex.record import GoldRecord, Section, Threshold

BATCHES = tuple(f"batch{n}" for n in range(1, 17))
ENTITY_MAP = {"Condition-Name": "CONDITION", "Drug-Name": "DRUG"}
OPERATORS = {"GTEQ": ">=", "GT": ">", "LTEQ": "<=", "LT": "<", "EQ": "=", "BETWEEN": "between"}
ROLE_KIND = {
    "Numeric-Filter": "measurement",
    "Stage": "measurement",
    "Dose": "dose",
    "Minimum-Count": "count",
    "Temporality": "temporal",
    "Duration": "temporal",
}
STATS: Counter[str] = Counter()  # skipped items of the last load, by reason


def corpus_dir(bench_dir: Path) -> Path:
    """Where the LCT corpus lives under `bench_dir`."""
    return bench_dir / "lct" / "leaf_clinical_trials"


def files(bench_dir: Path) -> list[Path]:
    """The .txt files of batches 1-16, batch by batch, sorted by name inside a batch."""
    root = corpus_dir(bench_dir)
    return [path for batch in BATCHES for path in sorted((root / batch).glob("*.txt"))]


def _texts(doc: BratDoc, ids: list[str]) -> list[str]:
    return [doc.spans[i].text for i in ids if i in doc.spans]


def _comparison(
    doc: BratDoc, comp: Event
) -> tuple[str, float | int, float | int | None, str | None] | None:
    """(operator, value, upper, unit) of an Eq-Comparison event, or None (reason in STATS)."""
    codes = [doc.attributes.get(o, {}).get("Eq-Operator-Value") for o in comp.arg("Operator")]
    codes = [c for c in codes if c]
    values = [v for v in (parse_number(t) for t in _texts(doc, comp.arg("Value"))) if v is not None]
    if not values:
        STATS["no numeric value"] += 1
        return None
    if not codes:
        STATS["no operator"] += 1
        return None
    operator = OPERATORS.get(codes[0])
    if operator is None:
        STATS[f"operator {codes[0]}"] += 1
        return None
    value, upper = values[0], None
    if operator == "between":
        if len(values) < 2:
            STATS["between with one value"] += 1
            return None
        value, upper = min(values[:2]), max(values[:2])
    units = _texts(doc, comp.arg("Unit"))
    unit = " ".join(units) if units else None
    per = _texts(doc, comp.arg("Per"))
    if unit and per:
        unit = f"{unit}/{' '.join(per)}"
    if not unit:
        temporal = _texts(doc, comp.arg("Temporal-Unit"))
        unit = " ".join(temporal).lower() if temporal else None
    return operator, value, upper, unit


def thresholds(doc: BratDoc, regions: list[tuple[int, str]]) -> list[Threshold]:
    """Gold thresholds of one document (see the module docstring)."""
    found: list[Threshold] = []
    for event in doc.events.values():
        for role, target in event.args:
            kind = ROLE_KIND.get(role.rstrip("0123456789"))
            comp = doc.events.get(target)
            if kind is None or comp is None or comp.type != "Eq-Comparison":
                continue
            parsed = _comparison(doc, comp)
            if parsed is None or comp.trigger not in doc.spans:
                continue
            operator, value, upper, unit = parsed
            if event.type == "Age" and role == "Numeric-Filter":
                kind, variable, unit = "age", "age", unit or "years"
                var_span = doc.spans.get(event.trigger)
            else:
                names = event.arg("Name")
                var_span = doc.spans.get(names[0] if names else event.trigger)
                variable = var_span.text if var_span else event.type.lower()
            trigger = doc.spans[comp.trigger]
            start, end = trigger.start, trigger.end
            if var_span is not None:
                lo, hi = min(start, var_span.start), max(end, var_span.end)
                if "\n" not in doc.text[lo:hi]:
                    start, end = lo, hi
            found.append(
                Threshold(
                    kind=kind,
                    variable=variable,
                    operator=operator,
                    value=value,
                    upper=upper,  # type: ignore[arg-type]
                    unit=unit,
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    section="eligibility",
                    criterion=polarity_at(regions, start),  # type: ignore[arg-type]
                )
            )
    return sorted(found, key=lambda t: (t.start, t.end, t.variable))


def to_bench_doc(path: Path) -> BenchDoc:
    """One LCT file as a `BenchDoc`."""
    doc = read_brat(path)
    regions = polarity_regions(doc.text)
    entities = []
    for span in doc.of_type(*ENTITY_MAP):
        if span.discontinuous:
            STATS["discontinuous entity"] += 1
            continue
        if ENTITY_MAP[span.type] == "CONDITION" and not spec_condition(span.text):
            STATS["not a SPEC condition (pregnancy, healthy, ...)"] += 1
            continue
        entities.append(
            gold_entity(
                ENTITY_MAP[span.type],
                doc.text,
                span.start,
                span.end,
                "eligibility",
                polarity_at(regions, span.start),
            )
        )
    gold = GoldRecord(
        doc_id=doc.doc_id,
        layout="generic",
        sections=[Section(name="eligibility", heading=None, start=0, end=len(doc.text))],
        criteria=criterion_spans(doc.text, regions),
        entities=entities,
        thresholds=thresholds(doc, regions),
        notes=f"LCT {path.parent.name}",
    )
    return BenchDoc(doc_id=doc.doc_id, text=doc.text, gold=gold)


def load(bench_dir: Path, limit: int | None = None) -> list[BenchDoc]:
    """LCT batches 1-16 as `BenchDoc`s (the first `limit` files when given)."""
    STATS.clear()
    paths = files(bench_dir)
    return [to_bench_doc(path) for path in paths[:limit]]
