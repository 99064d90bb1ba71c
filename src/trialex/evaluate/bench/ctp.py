"""Clinical-Trial-Parser's 39 interpreter unit tests (Apache-2.0) -> threshold gold.

`interpreter_cases.jsonl` holds 39 lower-cased criterion strings and 54 expected relations in CTP's
own terms. The page text is "Inclusion Criteria:\n" + the input (the cases are not exclusion
criteria, so nothing is inverted). Each gold threshold spans the whole input (CTP gives no
offsets), so the span level only says "a threshold was found in the case"; the record level is the
measure.

Mapping (CTP -> SPEC):
- variable: CTP's variable name via its id in `variables.csv` (so "ast/alt_ratio" becomes the
  lexicon's "ast_alt_ratio"). Predicted variables are mapped onto the same names with the alias
  list of `variables.csv` (`normalise_pred`: exact alias, then `alias*` prefix, then the longest
  alias found as whole words), e.g. "HbA1c" -> a1c, "systolic blood pressure" -> sbp.
- operator: `lower{incl:true}` -> `>=`, `lower{incl:false}` -> `>`, `upper{incl:true}` -> `<=`,
  `upper{incl:false}` -> `<`; lower and upper both inclusive -> `between`; mixed inclusivity
  ("hba1c >6.0% to <=11.5%") -> two thresholds.
- ordinal value sets (ECOG, NYHA; 5 relations) -> `between` min..max, as SPEC's "0-2 on an
  ordinal scale"; a one-value set -> `=`. So "ecog =< 2" is gold `between 0 2`, a known mismatch
  with a `<= 2` reading.
- values: CTP's normalised "100e9" (from "100 x 109 / l") is read back as written: 100.
- units: CTP normalises them (mm3 -> cells/ul), SPEC keeps them as written, so units are dropped
  on both sides before scoring (the unit is "checked loosely" only in the per-case table).
- `logic: "or"` (5 cases): every expected relation is gold; the disjunction itself is not scored.
Gold totals: 39 cases, 54 relations, 56 thresholds (2 mixed-inclusivity ranges split in two).
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from trialex.evaluate.bench import BenchDoc
from trialex.evaluate.match import fold
from trialex.record import GoldRecord, Record, Section, Threshold

HEADER = "Inclusion Criteria:\n"
N_CASES, N_RELATIONS, N_THRESHOLDS = 39, 54, 56


def data_dir(bench_dir: Path) -> Path:
    """Where the clinical_trial_parser data lives under `bench_dir`."""
    return bench_dir / "clinical_trial_parser"


@cache
def lexicon(bench_dir: Path) -> tuple[dict[str, str], list[tuple[str, str, bool]]]:
    """(variable id -> name, [(folded alias, name, is_prefix)]) from `variables.csv`."""
    names: dict[str, str] = {}
    aliases: list[tuple[str, str, bool]] = []
    with open(data_dir(bench_dir) / "variables.csv", encoding="utf-8", newline="") as handle:
        for row in csv.reader(line for line in handle if not line.startswith("#")):
            if len(row) < 5:
                continue
            names[row[0]] = row[2]
            for alias in [row[2].replace("_", " "), *row[4].split("|")]:
                prefix = alias.endswith("*")
                key = fold(alias.rstrip("*"))
                if key:
                    aliases.append((key, row[2], prefix))
    return names, aliases


def ctp_variable(variable: str, bench_dir: Path) -> str:
    """A predicted variable mapped to CTP's name (unchanged when no alias fits)."""
    _, aliases = lexicon(bench_dir)
    key = fold(variable)
    for alias, name, prefix in aliases:
        if key == alias and not prefix:
            return name
    prefixed = [(len(a), n) for a, n, p in aliases if p and key.startswith(a)]
    if prefixed:
        return max(prefixed, key=lambda item: item[0])[1]
    inside = [(len(a), n) for a, n, _ in aliases if re.search(rf"\b{re.escape(a)}\b", key)]
    return max(inside, key=lambda item: item[0])[1] if inside else variable


def _number(raw: str) -> int | float:
    mantissa = re.sub(r"e\d+$", "", raw)  # CTP's "100e9" stands for "100 x 10^9" as written
    number = float(mantissa)
    return int(number) if number.is_integer() and "." not in mantissa else number


def gold_thresholds(
    relation: dict[str, Any], name: str
) -> list[tuple[str, int | float, int | float | None]]:
    """(operator, value, upper) triples of one CTP relation."""
    if relation.get("variableType") == "ordinal":
        values = sorted(_number(v) for v in relation["value"])
        if len(values) == 1:
            return [("=", values[0], None)]
        return [("between", values[0], values[-1])]
    lower, upper = relation.get("lower"), relation.get("upper")
    if lower and upper and lower["incl"] and upper["incl"]:
        return [("between", _number(lower["value"]), _number(upper["value"]))]
    found = []
    if lower:
        found.append((">=" if lower["incl"] else ">", _number(lower["value"]), None))
    if upper:
        found.append(("<=" if upper["incl"] else "<", _number(upper["value"]), None))
    return found


def cases(bench_dir: Path) -> list[dict[str, Any]]:
    """The raw cases, in file order."""
    with open(data_dir(bench_dir) / "interpreter_cases.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def to_bench_doc(index: int, case: dict[str, Any], bench_dir: Path) -> BenchDoc:
    """One CTP case as a `BenchDoc`."""
    names, _ = lexicon(bench_dir)
    text = HEADER + case["input"]
    start, end = len(HEADER), len(text)
    found = []
    for relation in case["expected"]:
        name = names.get(relation.get("id", ""), relation["name"])
        kind = "measurement"
        for operator, value, upper in gold_thresholds(relation, name):
            found.append(
                Threshold(
                    kind=kind,
                    variable=name,
                    operator=operator,
                    value=value,
                    upper=upper,  # type: ignore[arg-type]
                    unit=None,
                    text=case["input"],
                    start=start,
                    end=end,
                    section="eligibility",
                    criterion="inclusion",
                )
            )
    doc_id = f"ctp_{index:02d}"
    gold = GoldRecord(
        doc_id=doc_id,
        layout="generic",
        sections=[Section(name="eligibility", heading=HEADER.strip(), start=0, end=end)],
        thresholds=found,
        notes=f"{case['test']} logic={case['logic']}",
    )
    return BenchDoc(doc_id=doc_id, text=text, gold=gold)


def load(bench_dir: Path, limit: int | None = None) -> list[BenchDoc]:
    """The 39 CTP cases as `BenchDoc`s (the first `limit` when given)."""
    return [to_bench_doc(i, case, bench_dir) for i, case in enumerate(cases(bench_dir)[:limit], 1)]


def normalise_pred(record: Record, bench_dir: Path) -> Record:
    """Map predicted threshold variables onto CTP names and drop units (see the docstring)."""
    thresholds = [
        t.model_copy(update={"variable": ctp_variable(t.variable, bench_dir), "unit": None})
        for t in record.thresholds
    ]
    return record.model_copy(update={"thresholds": thresholds})
