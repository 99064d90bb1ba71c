"""Who a threshold is about: lexicon variables (with coordination), inheritance, implied
variables, the temporal subject and the noun-phrase fallback; then kind, unit and offsets."""

from __future__ import annotations

from dataclasses import dataclass

from trialex.pipeline.numbers import NUM, WORD, Lexeme, as_number
from trialex.pipeline.threshold_grammar import Hit
from trialex.pipeline.threshold_vocab import ThresholdVocab, VariableEntry, longest

NEAR = 4  # a variable this close to its comparator starts the threshold's text
LOOKBACK = 10  # lexemes between a variable and its comparator
CLAUSE_LOOKBACK = 60
COORDINATORS = frozenset({"and", "or", "/", ",", "(", ")", "both", "either", "level", "levels"})
INHERIT_GAP = frozenset({",", "and", "or", "but", "/", "to", "(", ")", ";"})


@dataclass(slots=True)
class VarMatch:
    start: int
    end: int
    entry: VariableEntry


class Resolver:
    """Turns grammar hits into SPEC threshold dicts."""

    def __init__(self, vocab: ThresholdVocab) -> None:
        self.v = vocab
        self._timed = frozenset(n for n, e in vocab.by_name.items() if e.temporal)

    def matches(self, lx: list[Lexeme]) -> list[VarMatch]:
        """Lexicon variables, longest first, left to right, not overlapping."""
        out: list[VarMatch] = []
        i = 0
        while i < len(lx):
            end, entry = longest(self.v.variables, lx, i)
            if entry is not None and self._word_edge(lx, i, end):
                out.append(VarMatch(i, end, entry))
                i = end
            else:
                i += 1
        return out

    @staticmethod
    def _word_edge(lx: list[Lexeme], i: int, end: int) -> bool:
        """Reject "alt" inside "alt-2" style glue: the match must not continue with a hyphen+word."""
        return not (end + 1 < len(lx) and lx[end].low == "-" and lx[end].start == lx[end - 1].end
                    and lx[end + 1].kind == WORD and lx[end + 1].start == lx[end].end)

    def ordinal_positions(self, lx: list[Lexeme], matches: list[VarMatch]) -> set[int]:
        """Lexeme indices where an ordinal scale's value set may start."""
        out: set[int] = set()
        for m in matches:
            if not m.entry.ordinal:
                continue
            j = m.end
            out.add(j)
            while j < len(lx) and j - m.end < 5 and lx[j].low in self.v.ordinal_fillers:
                j += 1
                out.add(j)
        return out

    # -- variable search ----------------------------------------------------------------
    def _backward(self, lx: list[Lexeme], hit: Hit, floor: int, by_end: dict[int, VarMatch]
                  ) -> list[VarMatch]:
        k = hit.start - 1
        while k >= max(floor, hit.start - LOOKBACK):
            if lx[k + 1].nl or lx[k].low in self.v.clause_breaks:
                return []
            found = by_end.get(k + 1)
            if found is not None:
                return self._coordinated(lx, found, floor, by_end)
            if lx[k].kind == NUM:
                return []
            k -= 1
        return []

    def _coordinated(self, lx: list[Lexeme], first: VarMatch, floor: int,
                     by_end: dict[int, VarMatch]) -> list[VarMatch]:
        found, k = [first], first.start - 1
        while k >= floor and not lx[k + 1].nl:
            m = by_end.get(k + 1)
            if m is not None:
                found.append(m)
                k = m.start - 1
            elif lx[k].low in COORDINATORS and (lx[k].low != "(" or (
                k in by_end and by_end[k].entry.name == found[-1].entry.name)):
                k -= 1
            else:
                break
        out: list[VarMatch] = []
        for m in reversed(found):
            if all(o.entry.name != m.entry.name for o in out):
                out.append(m)
        return out

    def _forward(self, lx: list[Lexeme], j: int, by_start: dict[int, VarMatch]) -> VarMatch | None:
        for k in range(j, min(j + 5, len(lx))):
            if k > j and (lx[k].nl or lx[k].low in self.v.clause_breaks):
                return None
            if k in by_start:
                return by_start[k]
        return None

    def _np_back(self, lx: list[Lexeme], k: int, floor: int) -> tuple[int, int] | None:
        """The noun phrase ending at or before lexeme `k` (up to four content words)."""
        while k >= floor and (lx[k].low in self.v.stopwords or lx[k].low in "():,"):
            if lx[k + 1].nl if k + 1 < len(lx) else False:
                return None
            k -= 1
        end, n = k + 1, 0
        while k >= floor and n < 4 and lx[k].low not in self.v.stopwords and (
            lx[k].kind == WORD or (lx[k].low in "-/" and k > floor and lx[k - 1].kind != NUM)
            or (lx[k].kind == NUM and k + 1 < end and lx[k + 1].low == "-")
        ):
            n += lx[k].kind == WORD
            if lx[k].nl:
                k -= 1
                break
            k -= 1
        return (k + 1, end) if n else None

    def _np_forward(self, lx: list[Lexeme], j: int, limit: int) -> tuple[int, int] | None:
        while j < limit and (lx[j].low in self.v.stopwords or lx[j].low in self.v.anchors):
            if lx[j].low in self.v.anchors:
                return None
            j += 1
        start, n = j, 0
        while j < limit and n < 4 and lx[j].kind == WORD and lx[j].low not in self.v.stopwords:
            if j > start and lx[j].nl:
                break
            j, n = j + 1, n + 1
        return (start, j) if n else None

    def _clause_start(self, lx: list[Lexeme], k: int) -> int:
        floor = max(0, k - CLAUSE_LOOKBACK)
        while k > floor and not lx[k].nl and lx[k - 1].low not in self.v.clause_breaks:
            k -= 1
        return k

    def temporal_subject(self, lx: list[Lexeme], hit: Hit, floor: int) -> tuple[int, int] | None:
        """The drug or event a time window is about."""
        end = hit.end
        if end < len(lx) and lx[end].low == "of" and not lx[end].nl:
            found = self._np_forward(lx, end + 1, min(len(lx), end + 6))
            if found:
                return found
        start = max(floor, self._clause_start(lx, hit.start))
        best = None
        k = start
        while k < hit.start:
            t_end, trig = longest(self.v.triggers, lx, k)
            if trig is not None:
                np = self._np_forward(lx, t_end, hit.start)
                best = np or best
                k = max(t_end, k + 1)
            else:
                k += 1
        if best is not None:
            return best
        return self._np_forward(lx, start, hit.start)

    # -- assembly -----------------------------------------------------------------------
    def resolve(self, text: str, lx: list[Lexeme], hits: list[Hit]) -> list[dict]:
        matches = self.matches(lx)
        by_end = {m.end: m for m in matches}
        by_start = {m.start: m for m in matches}
        out: list[dict] = []
        prev: tuple[Hit, list[tuple[str, int | None]]] | None = None
        for hit in hits:
            floor = prev[0].end if prev else 0
            names = self._names(text, lx, hit, floor, by_end, by_start, prev)
            if names:
                out.extend(self._emit(text, lx, hit, names))
                prev = (hit, names)
        return out

    def _names(self, text, lx, hit, floor, by_end, by_start, prev) -> list[tuple[str, int | None]]:
        return [(n if n in self.v.by_name else free_name(n), s)
                for n, s in self._find(text, lx, hit, floor, by_end, by_start, prev)]

    def _find(self, text, lx, hit, floor, by_end, by_start, prev) -> list[tuple[str, int | None]]:
        q = hit.quantity
        unit = q.unit if q else None
        time = unit is not None and unit.kind == "time"
        marker_end, marker = longest(self.v.age_markers, lx, hit.end)
        if hit.variable:
            return [(hit.variable, None)]
        found = self._backward(lx, hit, floor, by_end)
        if time:
            found = [m for m in found if m.entry.kind == "age" or m.entry.name in self._timed]
        if found:
            near = hit.start - found[-1].end <= NEAR
            return [(m.entry.name, m.start if near else None) for m in found]
        if time and marker is not None:
            return [("age", None)]
        if prev is not None and all(lx[k].low in INHERIT_GAP for k in range(prev[0].end, hit.start)):
            same = (prev[0].quantity is None or q is None or prev[0].quantity.unit is None
                    or unit is None or prev[0].quantity.unit.kind == unit.kind)
            if same and not (time and prev[1] and prev[1][0][0] not in ("age",)
                             and prev[0].quantity and prev[0].quantity.unit is None):
                return [(name, None) for name, _ in prev[1]]
        fwd_at = hit.extra.get("forward")
        if fwd_at is None and hit.end < len(lx) and lx[hit.end].low == "in":
            fwd_at = hit.end
        if fwd_at is not None:
            m = self._forward(lx, fwd_at, by_start)
            if m is not None:
                hit.end = m.end + (m.end < len(lx) and lx[m.end].low in ("level", "levels"))
                return [(m.entry.name, None)]
        if unit is not None and unit.variable:
            return [(unit.variable, None)]
        if unit is not None and unit.kind == "dose" and hit.end < len(lx) and lx[hit.end].low == "of":
            drug = self._np_forward(lx, hit.end + 1, min(len(lx), hit.end + 6))
            if drug is not None:
                self._dose_suffix(lx, hit, drug[1])
                return [(text[lx[drug[0]].start:lx[drug[1] - 1].end], None)]
        if hit.needs_lexicon:
            return []
        if hit.count_noun:
            return [(self._count_name(text, lx, hit), None)]
        if time:
            np = self.temporal_subject(lx, hit, floor)
            return [(text[lx[np[0]].start:lx[np[1] - 1].end], None)] if np else []
        np = self._np_back(lx, hit.start - 1, max(floor, self._clause_start(lx, hit.start)))
        return [(text[lx[np[0]].start:lx[np[1] - 1].end], np[0])] if np else []


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
        if marker is not None and hit.quantity and hit.quantity.unit and hit.quantity.unit.kind == "time":
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
        if entry is not None:
            return entry.kind
        if hit.count_noun:
            return "count"
        if unit is not None and unit.kind == "time":
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


def free_name(name: str) -> str:
    """A variable taken from the page: lower-case, last word singular ("biological agent")."""
    low = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in name.split(" "))
    if len(low) > 4 and low.endswith("s") and not low.endswith(("ss", "us", "is", "sis")):
        low = low[:-1]
    return low
