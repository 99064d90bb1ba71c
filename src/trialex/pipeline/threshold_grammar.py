"""The threshold grammar over lexemes: comparator, quantity (`threshold_quantity`), range.

One left-to-right pass; every rule looks a bounded number of lexemes ahead, so the whole pass is
linear. Variables are resolved afterwards (`threshold_variables`).
"""

from __future__ import annotations

from itertools import pairwise

from trialex.pipeline.numbers import NUM, SYM, WORD, Lexeme
from trialex.pipeline.threshold_quantity import Hit, Quantity, Values
from trialex.pipeline.threshold_vocab import ThresholdVocab, longest

__all__ = ["Grammar", "Hit", "Quantity"]


NEGATION_LOOKBACK = 10
FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
BOUND_JOINERS = frozenset({"and", "but", ",", "to", "&"})


class Grammar(Values):
    """Parses lexemes into `Hit`s using the lexicons of a `ThresholdVocab`."""

    def __init__(self, vocab: ThresholdVocab) -> None:
        self.v = vocab

    # -- rules --------------------------------------------------------------------------
    def parse(self, lx: list[Lexeme], ordinal_at: set[int],
              var_at: dict[int, tuple[int, str]] | None = None) -> list[Hit]:
        """All hits, left to right; `ordinal_at` holds lexeme indices right after an ordinal
        variable (and its fillers), where "0 or 1" / "III-IV" sets may start; `var_at` maps the
        start of a lexicon variable to (end, name): "under the age of 18", "between the ages of
        18 and 55", "a minimum life expectancy of 12 weeks" name it between comparator and value."""
        self._var_at = var_at or {}
        hits: list[Hit] = []
        i = 0
        while i < len(lx):
            hit = (
                self._label(lx, i) or self._prefixed(lx, i) or self._range_open(lx, i)
                or (self._ordinal(lx, i) if i in ordinal_at else None) or self._bare(lx, i)
            )
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = max(hit.end, i + 1)
        self._share_units(lx, hits)
        return hits

    def _share_units(self, lx: list[Lexeme], hits: list[Hit]) -> None:
        """Two bounds joined on one line, the first without a unit: "≥ 3 and ≤ 18 years of
        age", "> 6 but < 12 years" -- the first bound is in the second's unit (and is an age
        when the second is)."""
        for a, b in pairwise(hits):
            qa, qb = a.quantity, b.quantity
            if qa is None or qb is None or qa.unit is not None or qb.unit is None:
                continue
            if a.upper is not None or b.upper is not None or a.temporal or b.temporal:
                continue
            sides = {a.operator[:1], b.operator[:1]}
            gap = range(a.end, b.start)
            if sides != {"<", ">"} or len(gap) > 2 or any(
                lx[k].nl or lx[k].low not in BOUND_JOINERS for k in gap) or lx[b.start].nl:
                continue
            qa.unit, qa.unit_span = qb.unit, qb.unit_span
            _, marker = longest(self.v.age_markers, lx, b.end)
            if b.variable == "age" or (marker is not None and qb.unit.kind == "time"):
                a.variable = a.variable or "age"

    def _skip_fillers(self, lx: list[Lexeme], j: int, lines: bool = False) -> int:
        """Skip ":" / "of" / "(≥)" between a comparator and its value."""
        for _ in range(4):
            if j >= len(lx) or (lx[j].nl and not lines):
                return j
            if lx[j].low in (":", "of", "=", "is", "the", "a", "approximately", "approx"):
                j += 1
            elif lx[j].low == "(" and j + 2 < len(lx) and lx[j + 2].low == ")" and (
                lx[j + 1].kind != NUM and lx[j + 1].kind != WORD
            ):
                j += 3
            else:
                return j
        return j

    def _inner(self, lx: list[Lexeme], j: int) -> tuple[int, str | None]:
        """Past a variable right after a comparator or range opener ("over age 18")."""
        found = self._var_at.get(j)
        return (j, None) if found is None else (self._skip_fillers(lx, found[0]), found[1])

    def _label(self, lx: list[Lexeme], i: int) -> Hit | None:
        end, group = longest(self.v.labels, lx, i)
        if group is None:
            return None
        j = self._skip_fillers(lx, end, lines=True)
        q = self.quantity(lx, j)
        if q is None or q.unit is None or q.unit.kind != "time":
            return None
        return Hit(group.operator, q.value, i, q.end, quantity=q, variable=group.variable)

    def _comparator(self, lx: list[Lexeme], i: int) -> tuple[int, str, bool] | None:
        end, group = longest(self.v.temporal, lx, i)
        if group is not None:
            return end, group.operator, True
        end, group = longest(self.v.negated_temporal, lx, i)
        if group is not None and self._negated(lx, i):
            return end, group.operator, True
        end, group = longest(self.v.prefix, lx, i)
        if group is not None:
            return end, group.operator, False
        return None

    def _negated(self, lx: list[Lexeme], i: int) -> bool:
        """A negation earlier in the clause: "not taken X for 6 months" is a drug-free period of
        at least 6 months (GUIDELINES §6); "within" windows stay `<=` either way."""
        for k in range(i - 1, max(-1, i - NEGATION_LOOKBACK), -1):
            if lx[k].low in self.v.clause_breaks or lx[k + 1].nl:
                return False
            if lx[k].low in self.v.negations:
                return True
        return False

    def _prefixed(self, lx: list[Lexeme], i: int) -> Hit | None:
        found = self._comparator(lx, i)
        if found is None:
            return None
        end, op, temporal = found
        j = self._skip_fillers(lx, end)
        k, inner = self._inner(lx, j) if not temporal else (j, None)
        if inner is not None and k < len(lx) and not lx[k].nl:
            q = self.quantity(lx, k)
            if q is not None:
                return Hit(op, q.value, i, q.end, quantity=q, variable=inner)
        if j < len(lx) and not lx[j].nl:
            opened = self._range_open(lx, j)
            if opened is not None:
                opened.start = i
                return opened
        q = self.quantity(lx, j) or (None if temporal else self._counted_word(lx, j))
        if q is None or (j < len(lx) and lx[j].nl):
            return None
        if temporal and (q.unit is None or q.unit.kind != "time"):
            return None
        hit = Hit(op, q.value, i, q.end, quantity=q, temporal=temporal)
        if any(lx[k].low in self.v.age_comparator_words for k in range(i, end)):
            hit.variable = "age"  # "older than 6 months", "younger than 18"
        if q.unit is None:
            self._count(lx, q, hit)
        return hit

    def _counted_word(self, lx: list[Lexeme], j: int) -> Quantity | None:
        """A number word right before a count noun: "at least two items", "more than three
        flares" (a bare "one" or "twice" is no value, see `quantity`)."""
        if j + 1 >= len(lx) or lx[j].low not in self.v.number_words or lx[j + 1].nl or (
            lx[j + 1].low == "of"):
            return None
        end, noun = longest(self.v.count_nouns, lx, j + 1)
        return Quantity(self.v.number_words[lx[j].low], j, j + 1) if noun is not None else None

    def _count(self, lx: list[Lexeme], q: Quantity, hit: Hit) -> None:
        """"at least 4 of the 11 ... criteria": the count noun within six lexemes."""
        j, _ = longest(self.v.count_of, lx, q.end)
        if j > q.end and j < len(lx) and lx[j].kind == NUM:
            j += 1
        for k in range(j, min(j + 6, len(lx))):
            if lx[k].nl or lx[k].low in self.v.clause_breaks or lx[k].low == ",":
                return
            end, noun = longest(self.v.count_nouns, lx, k)
            if noun is not None:
                hit.count_noun = (j, end)
                hit.end = max(hit.end, end)
                return

    def _range_open(self, lx: list[Lexeme], i: int) -> Hit | None:
        end, opener = longest(self.v.range_open, lx, i)
        if opener is None:
            return None
        j = self._skip_fillers(lx, end)
        k, inner = self._inner(lx, j)
        hit = self._range_from(lx, k, allow_and=True)
        if hit is None:
            return None
        hit.start = i
        hit.variable = inner
        unit = hit.quantity.unit if hit.quantity else None
        hit.needs_lexicon = unit is None
        return hit

    def _range_from(self, lx: list[Lexeme], i: int, allow_and: bool,
                    roman: bool = False) -> Hit | None:
        low = self.quantity(lx, i, roman)
        if low is None or low.fold or low.ratio is not None:
            return None
        j = low.end
        if low.unit is not None and low.unit.kind == "time":
            j, _ = longest(self.v.age_markers, lx, j)
        if j + 1 >= len(lx) or lx[j].nl or lx[j + 1].nl:
            return None
        join = lx[j].low
        if join not in self.v.range_join and self._bare_pair(lx, low, j):
            j -= 1  # "18 55 years of age": a site dropped the hyphen between the bounds
        elif join not in self.v.range_join or (join == "and" and not allow_and):
            return None
        high = self.quantity(lx, j + 1, roman)
        if high is None or high.value < low.value or high.ratio is not None:
            return None
        if lx[j + 1].kind == NUM and len(lx[j + 1].low) > 1 and lx[j + 1].low[0] == "0" and (
                lx[j + 1].low[1].isdigit()):
            return None  # a code, "24-004512", not a range
        if low.unit is not None and high.unit is not None and low.unit.kind != high.unit.kind:
            return None
        if high.unit is None and low.unit is not None:
            high.unit, high.unit_span = low.unit, low.unit_span
        return Hit("between", low.value, i, high.end, upper=high.value, quantity=high)

    def _bare_pair(self, lx: list[Lexeme], low: Quantity, j: int) -> bool:
        """Two bare numbers side by side, the second with a time unit and an age marker ("18 55
        years of age"): an age range whose hyphen was lost."""
        if low.unit is not None or lx[j].kind != NUM or lx[low.end - 1].kind != NUM:
            return False
        high = self.quantity(lx, j)
        if high is None or high.unit is None or high.unit.kind != "time":
            return False
        return longest(self.v.age_markers, lx, high.end)[0] > high.end

    def _bare(self, lx: list[Lexeme], i: int) -> Hit | None:
        """At a number: "18-60 years", "16 years and older", "3-fold increase"."""
        if lx[i].kind != NUM and lx[i].low not in self.v.number_words:
            return None
        ranged = self._range_from(lx, i, allow_and=False)
        if ranged is not None:
            ranged.needs_lexicon = True
            return ranged
        q = self.quantity(lx, i)
        if q is None:
            return None
        j = q.end
        reversed_hit = self._reversed(lx, q)
        if reversed_hit is not None:
            return reversed_hit
        marker_end, _ = longest(self.v.age_markers, lx, j)
        post_end, group = longest(self.v.postfix, lx, marker_end)
        if group is not None:
            if q.unit is None and marker_end == j and post_end < len(lx) and not lx[post_end].nl:
                unit_end, unit = longest(self.v.units, lx, post_end)  # "18+ years"
                if unit is not None:
                    q.unit, q.unit_span, post_end = unit, (post_end, unit_end), unit_end
                    post_end = max(post_end, longest(self.v.age_markers, lx, post_end)[0])
            hit = Hit(group.operator, q.value, i, post_end, quantity=q)
            if marker_end > j or ((q.unit is None or q.unit.kind == "time")
                                  and lx[post_end - 1].low in self.v.age_comparator_words):
                hit.variable = "age"
            return hit
        if q.unit is None and j < len(lx) and lx[j].low == "of":
            hit = Hit(">=", q.value, i, q.end, quantity=q)
            self._count(lx, q, hit)  # "4 of 11 criteria": meeting 4 means at least 4
            return hit if hit.count_noun and lx[hit.count_noun[0] - 1].kind == NUM else None
        if q.fold:
            hit = Hit(">=", q.value, i, q.end, quantity=q)
            hit.extra["forward"] = q.end
            return hit
        return None

    def _reversed(self, lx: list[Lexeme], q: Quantity) -> Hit | None:
        """"18 < age < 80", "145 mmHg ≤ SBP ≤ 190 mmHg": a value, a comparator symbol, then a
        lexicon variable is that variable's bound with the comparator turned round."""
        j = q.end
        if j + 1 >= len(lx) or lx[j].nl or lx[j].kind != SYM or lx[j + 1].nl:
            return None
        end, group = longest(self.v.prefix, lx, j)
        if group is None or end != j + 1 or group.operator not in FLIPPED:
            return None
        found = self._var_at.get(end)
        if found is None:
            return None
        return Hit(FLIPPED[group.operator], q.value, q.start, end, quantity=q, variable=found[1])

    def _ordinal(self, lx: list[Lexeme], i: int) -> Hit | None:
        """"0 or 1", "0, 1, or 2", "III or IV", "0-2", "II-IV" after an ordinal scale."""
        ranged = self._range_from(lx, i, allow_and=False, roman=True)
        if ranged is not None:
            ranged.needs_lexicon = True
            ranged.extra["ordinal"] = 1
            return ranged
        first = self._value(lx, i, roman=True)
        if first is None:
            return None
        values, j, end = [first], i + 1, i + 1
        while j < len(lx) and not lx[j].nl and len(values) < 12:
            k = j
            while k < len(lx) and lx[k].low in self.v.set_joiners and k - j < 2:
                k += 1
            nxt = self._value(lx, k, roman=True) if k > j else None
            if nxt is None:
                break
            values.append(nxt)
            j = end = k + 1
        if len(values) == 1:
            nxt = lx[i + 1] if i + 1 < len(lx) else None
            if nxt is not None and nxt.kind == WORD and nxt.low not in self.v.set_joiners:
                return None
            hit = Hit("=", first, i, end, needs_lexicon=True)
        else:
            hit = Hit("between", min(values), i, end, upper=max(values), needs_lexicon=True)
        hit.extra["ordinal"] = 1
        return hit
