"""Threshold benchmark: Clinical-Trial-Parser's 39 cases and LCT thresholds (batches 1-16).

    .venv/bin/python benchmarks/thresholds_bench.py [--bench ../shared/bench] [--errors N]

Scores (variable via alias map, operator, value[, upper]) as P/R/F1, plus a lenient score that
ignores the variable. CTP bounds are compared as (lower, inclusive, upper, inclusive) after
merging our two-sided thresholds per variable (a second bound on the same side, "<= 3 x ULN ...
or <= 5 x ULN if ...", is a second relation, not a replacement); LCT rows are Age/Observation Numeric-Filter
events with one normalised operator. Only our `age` and `measurement` kinds are scored (neither
corpus annotates time windows, doses or counts as thresholds).

Known disagreement kept on purpose: an ordinal scale's "ECOG <= 2" is `<=` 2 as written (SPEC makes
only sets and ranges such as "0-2" or "0 or 1" `between`; LCT annotates "≤ 2" the same way),
while CTP's gold turns it into the value set 0..2.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter
from pathlib import Path

from trialex.pipeline.numbers import scan
from trialex.pipeline.threshold_variables import free_name
from trialex.pipeline.threshold_vocab import longest
from trialex.pipeline.thresholds import ThresholdExtractor

REPO = Path(__file__).resolve().parents[1]
LCT_OPS = {"GT": ">", "GTEQ": ">=", "LT": "<", "LTEQ": "<=", "EQ": "=", "BETWEEN": "between"}
SCORED_KINDS = {"age", "measurement"}
SCALE = re.compile(r"10\s*\^?\s*\(?(?:e|E)?\s*(9|3|6|12)\)?|10([9³⁹])")


class Names:
    """Maps any variable text to our canonical name through the variable lexicon."""

    def __init__(self, x: ThresholdExtractor) -> None:
        self.x = x

    def canon(self, text: str) -> str:
        lx = scan(text)
        end, entry = longest(self.x.vocab.variables, lx, 0) if lx else (0, None)
        if entry is not None and end == len(lx):
            return entry.name.lower()
        return free_name(text).lower()


def _num(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def _scaled(row: dict) -> float:
    m = SCALE.search(row.get("unit") or "")
    if not m:
        return float(row["value"])
    power = {"9": 9, "3": 3, "6": 6, "12": 12, "³": 3, "⁹": 9}[m.group(1) or m.group(2)]
    return float(row["value"]) * 10**power


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overlap(gold: list, pred: list) -> int:
    return sum((Counter(gold) & Counter(pred)).values())


# -- Clinical-Trial-Parser ----------------------------------------------------------------
def ctp_aliases(bench: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(bench / "clinical_trial_parser" / "variables.csv", newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if row and not row[0].startswith("#"):
                out[row[2]] = [a.rstrip("*") for a in row[4].split("|")]
    return out


def ctp_bounds(rows: list[dict]) -> list[tuple]:
    """Our rows as CTP relations: (variable, lower, lower_incl, upper, upper_incl)."""
    merged: dict[str, list] = {}
    out: list[tuple] = []
    for r in rows:
        name = r["variable"].lower()
        b = merged.setdefault(name, [None, None, None, None])
        if (b[0] is not None and r["operator"] in (">", ">=", "between", "=")) or (
            b[2] is not None and r["operator"] in ("<", "<=", "between", "=")
        ):  # a second bound of the same side is a second relation, never a replacement
            out.append((name, *b))
            b = merged[name] = [None, None, None, None]
        v = _scaled(r)
        if r["operator"] in (">", ">="):
            b[0], b[1] = v, r["operator"] == ">="
        elif r["operator"] in ("<", "<="):
            b[2], b[3] = v, r["operator"] == "<="
        elif r["operator"] == "between":
            b[:] = [v, True, float(r["upper"]), True]
        else:
            b[:] = [v, True, v, True]
    return out + [(k, *b) for k, b in merged.items()]


def ctp_gold(rel: dict, names: Names, aliases: dict[str, list[str]]) -> tuple:
    name = rel["name"]
    canon = next((names.canon(a) for a in aliases.get(name, []) if names.canon(a) in
                  {e.lower() for e in names.x.vocab.by_name}), name)
    if rel.get("variableType") == "ordinal":
        values = [float(v) for v in rel["value"]]
        return (canon, min(values), True, max(values), True)
    lo, hi = rel.get("lower"), rel.get("upper")
    return (canon, float(lo["value"]) if lo else None, lo["incl"] if lo else None,
            float(hi["value"]) if hi else None, hi["incl"] if hi else None)


def run_ctp(bench: Path, x: ThresholdExtractor, names: Names, errors: int) -> dict:
    aliases = ctp_aliases(bench)
    tp = tp_len = n_pred = n_gold = 0
    shown = 0
    for line in open(bench / "clinical_trial_parser" / "interpreter_cases.jsonl", encoding="utf-8"):
        case = json.loads(line)
        rows = [r for r in x.extract(case["input"]) if r["kind"] in SCORED_KINDS]
        pred = ctp_bounds(rows)
        gold = [ctp_gold(rel, names, aliases) for rel in case["expected"]]
        hit = overlap(gold, pred)
        tp, n_pred, n_gold = tp + hit, n_pred + len(pred), n_gold + len(gold)
        tp_len += overlap([g[1:] for g in gold], [p[1:] for p in pred])
        if hit < max(len(gold), len(pred)) and shown < errors:
            shown += 1
            print(f"  CTP {case['input']!r}\n    gold {gold}\n    pred {pred}")
    return {"tp": tp, "lenient_tp": tp_len, "pred": n_pred, "gold": n_gold}


# -- LCT ----------------------------------------------------------------------------------
def lct_rows(bench: Path) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = {}
    for line in open(bench / "lct" / "derived_thresholds.jsonl", encoding="utf-8"):
        row = json.loads(line)
        folder = row["doc"].split("/")[0]
        batch = int(folder[5:]) if folder.startswith("batch") else 0
        if 1 <= batch <= 16 and row["role"] == "Numeric-Filter" and row["entity_type"] in (
            "Age", "Observation"
        ):
            by_doc.setdefault(row["doc"], []).append(row)
    return by_doc


def lct_gold(row: dict, names: Names) -> tuple | None:
    ops = row["operator"]
    values = [_num(v) for v in row["values"]]
    if len(ops) != 1 or ops[0] not in LCT_OPS or not values or values[0] is None:
        return None
    op = LCT_OPS[ops[0]]
    upper = values[1] if op == "between" and len(values) > 1 else None
    if op == "between" and upper is None:
        return None
    var = "age" if row["entity_type"] == "Age" else names.canon(row["variable"])
    return (var, op, values[0], upper)


def run_lct(bench: Path, x: ThresholdExtractor, names: Names, errors: int) -> dict:
    root = bench / "lct" / "leaf_clinical_trials"
    totals = Counter()
    shown = 0
    for doc, rows in sorted(lct_rows(bench).items()):
        text = open(root / f"{doc}.txt", newline="", encoding="utf-8").read()
        gold, skipped = [], []
        for row in rows:
            g = lct_gold(row, names)
            (gold.append(g) if g else skipped.append(row["comparison_span"]))
        pred_rows = [r for r in x.extract(text) if r["kind"] in SCORED_KINDS and not any(
            r["start"] < b and a < r["end"] for a, b in skipped)]
        pred = [(r["variable"].lower(), r["operator"], float(r["value"]),
                 float(r["upper"]) if r["upper"] is not None else None) for r in pred_rows]
        hit = overlap(gold, pred)
        totals.update(tp=hit, pred=len(pred), gold=len(gold),
                      lenient_tp=overlap([g[1:] for g in gold], [p[1:] for p in pred]))
        age_g, age_p = [g for g in gold if g[0] == "age"], [p for p in pred if p[0] == "age"]
        totals.update(age_tp=overlap(age_g, age_p), age_pred=len(age_p), age_gold=len(age_g))
        if hit < max(len(gold), len(pred)) and shown < errors:
            shown += 1
            print(f"  LCT {doc}\n    missed {sorted(set(gold) - set(pred), key=str)}"
                  f"\n    extra  {sorted(set(pred) - set(gold), key=str)}")
    return dict(totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO.parent / "shared" / "bench")
    parser.add_argument("--errors", type=int, default=0, help="print N mismatching cases per corpus")
    args = parser.parse_args()
    x = ThresholdExtractor()
    names = Names(x)
    ctp = run_ctp(args.bench, x, names, args.errors)
    lct = run_lct(args.bench, x, names, args.errors)
    table = [
        ("CTP 39 cases (var, bounds)", ctp["tp"], ctp["pred"], ctp["gold"]),
        ("CTP lenient (bounds only)", ctp["lenient_tp"], ctp["pred"], ctp["gold"]),
        ("LCT b1-16 (var, op, value, upper)", lct["tp"], lct["pred"], lct["gold"]),
        ("LCT lenient (op, value, upper)", lct["lenient_tp"], lct["pred"], lct["gold"]),
        ("LCT age only", lct["age_tp"], lct["age_pred"], lct["age_gold"]),
    ]
    print(f"{'benchmark':36} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    for name, tp, n_pred, n_gold in table:
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{name:36} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {n_pred:5d} {n_gold:5d}")


if __name__ == "__main__":
    main()
