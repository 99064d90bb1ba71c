"""Threshold rows from resolved hits: kind, unit text, text span and offsets.

A mixin of `threshold_variables.Resolver`, plus `free_name` for variables taken from the page.
"""

from __future__ import annotations

import re

from trialex.pipeline.numbers import WORD, Lexeme, as_number
from trialex.pipeline.threshold_quantity import Hit
from trialex.pipeline.threshold_vocab import ThresholdVocab, VariableEntry, longest


class Emitter:
    """Builds SPEC threshold dicts."""

    v: ThresholdVocab

    def _emit(self, text: str, lx: list[Lexeme], hit: Hit, names) -> list[dict]:
        q = hit.quantity
        unit_text = self._unit_text(text, lx, hit)
        out = []
        for name, var_start in names:
            entry = self.v.by_name.get(name)
            if q is not None and q.ratio is not None:
                if entry is None or not entry.ratio:
                    continue
                pairs = list(zip(entry.ratio, (q.value, q.ratio), strict=True))
            else:
                pairs = [(name, hit.value)]
            start = lx[min(hit.start, var_start if var_start is not None else hit.start)].start
            end = lx[self._tail(lx, hit) - 1].end
            for n, (var, value) in enumerate(pairs):
                if len(pairs) > 1:
                    start = lx[hit.start].start if n == 0 else lx[q.start + 2].start
                out.append({
                    "kind": self._kind(self.v.by_name.get(var), hit),
                    "variable": var, "operator": hit.operator, "value": as_number(value),
                    "upper": as_number(hit.upper) if hit.upper is not None else None,
                    "unit": unit_text, "text": text[start:end], "start": start, "end": end,
                })
        return out

    def _tail(self, lx: list[Lexeme], hit: Hit) -> int:
        """End of the threshold's text: past "old" and past a time window's anchor."""
        end = hit.end
        marker_end, marker = longest(self.v.age_markers, lx, end)
        unit = hit.quantity.unit if hit.quantity else None
        if marker is not None and unit is not None and unit.kind == "time":
            return marker_end
        if hit.temporal and end < len(lx):
            j, _ = longest(self.v.anchor_links, lx, end)
            k = j
            while j > end and k < min(len(lx), j + 3) and not lx[k].nl:
                if lx[k].low in self.v.anchors and lx[k].low not in ("the", "first", "this"):
                    return k + 1 + (k + 1 < len(lx) and lx[k + 1].low == "allocation")
                k += 1
        return end

    def _count_name(self, text: str, lx: list[Lexeme], hit: Hit) -> str:
        """"4 of 11 criteria by ACR" -> "ACR criteria"; otherwise the counted noun phrase."""
        a, b = hit.count_noun
        for k in range(a, min(b + 6, len(lx) - 1)):
            if lx[k].low == "by" and lx[k + 1].kind == WORD:
                word = text[lx[k + 1].start:lx[k + 1].end]
                if word.isupper() and lx[b - 1].low == "criteria":
                    return f"{word} criteria"
        return text[lx[a].start:lx[b - 1].end]

    def _dose_suffix(self, lx: list[Lexeme], hit: Hit, j: int) -> None:
        """"10 mg of prednisone/day": the "/day" after the drug belongs to the unit."""
        if j + 1 < len(lx) and lx[j].low == "/" and not lx[j + 1].nl:
            end, unit = longest(self.v.units, lx, j + 1)
            if unit is not None and unit.kind == "time":
                hit.extra["per"] = j + 1
                hit.extra["per_end"] = end
                hit.end = end

    @staticmethod
    def _kind(entry: VariableEntry | None, hit: Hit) -> str:
        unit = hit.quantity.unit if hit.quantity else None
        if "dose" in hit.extra:
            return "dose"
        if entry is not None:
            return entry.kind
        if hit.count_noun:
            return "count"
        if unit is not None and unit.kind == "time" and "measured" not in hit.extra:
            return "temporal"
        if unit is not None and unit.kind == "dose":
            return "dose"
        return "measurement"

    @staticmethod
    def _unit_text(text: str, lx: list[Lexeme], hit: Hit) -> str | None:
        q = hit.quantity
        if q is None:
            return None
        if q.fold and (q.unit is None or q.unit.kind == "uln"):
            return "x ULN"
        if q.unit is None or q.unit_span is None:
            return None
        if q.unit.output:
            return q.unit.output
        a, b = q.unit_span
        unit = text[lx[a].start:lx[b - 1].end].replace("\\", "").strip()
        if "per" in hit.extra:
            unit += "/" + text[lx[hit.extra["per"]].start:lx[hit.extra["per_end"] - 1].end]
        return unit or None


# plurals in -ies whose singular is the same word
INVARIANT_IES = frozenset(["series", "species", "caries", "rabies", "scabies", "herpes"])


def free_name(name: str) -> str:
    """A variable taken from the page: lower-case, last word singular ("biological agent")."""
    name = re.sub(r"\\(?=[^\w\s])", "", name)  # markdown escapes: "apnoea\\-hypopnoea"
    low = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in name.split(" "))
    last = low.rsplit(" ", 1)[-1]
    if len(last) > 5 and last.endswith("ies") and last not in INVARIANT_IES:
        low = low[:-3] + "y"  # "comorbidities" -> "comorbidity", never "comorbiditie"
    elif last.endswith("ies"):
        pass  # "series", "caries", "species": no singular to make
    elif len(low) > 4 and low.endswith("s") and not low.endswith(
            ("ss", "us", "is", "sis", "etes")):
        low = low[:-1]
    return low
