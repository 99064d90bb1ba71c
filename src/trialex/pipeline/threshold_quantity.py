"""Values and quantities of the threshold grammar: numbers, number words and roman numerals,
then fold ("3-fold"), ratio ("160/100"), "/10" scales and units; and the `Hit` a rule yields.

Every function looks a bounded number of lexemes ahead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trialex.pipeline.numbers import NUM, WORD, Lexeme, number_value
from trialex.pipeline.threshold_vocab import ThresholdVocab, UnitGroup, longest

SCALE_OUT_OF = 10  # "4/10" is a score on a 0-10 scale, not a ratio
# a time written in two units, "16 weeks 0 days", "2 years 6 months": the smaller part, per unit
TIME_PARTS = {"years": ("months", 12), "weeks": ("days", 7), "days": ("hours", 24)}


@dataclass(slots=True)
class Quantity:
    """A value with its optional unit, ratio partner and fold flag; `end` is exclusive."""

    value: float
    start: int
    end: int
    unit: UnitGroup | None = None
    unit_span: tuple[int, int] | None = None  # lexeme indices of the unit as written
    ratio: float | None = None  # 160/100 -> 100
    fold: bool = False


@dataclass(slots=True)
class Hit:
    """One parsed cut-off before its variable is known (lexeme indices, end exclusive)."""

    operator: str
    value: float
    start: int
    end: int
    upper: float | None = None
    quantity: Quantity | None = None
    variable: str | None = None  # set by labels ("Minimum Eligible Age") and age markers
    needs_lexicon: bool = False  # bare ranges and ordinal sets need a known variable
    temporal: bool = False  # "within ..."
    count_noun: tuple[int, int] | None = None  # "at least 4 of the 11 [... criteria]"
    extra: dict[str, int] = field(default_factory=dict)


class Values:
    """Value and quantity parsing (a mixin of `threshold_grammar.Grammar`)."""

    v: ThresholdVocab

    def _value(self, lx: list[Lexeme], i: int, roman: bool = False) -> float | None:
        if i >= len(lx):
            return None
        if lx[i].kind == NUM:
            if i + 2 < len(lx) and lx[i + 1].low in "/-." and lx[i + 2].kind == NUM and (
                i + 4 < len(lx) and lx[i + 3].low == lx[i + 1].low and lx[i + 4].kind == NUM
            ):
                return None  # a date: 2017-01-31, 12/31/2020
            value = number_value(lx[i])
            return None if value is None else float(value)
        if lx[i].kind == WORD:
            if lx[i].low in self.v.number_words:
                return self.v.number_words[lx[i].low]
            if roman and lx[i].low in self.v.roman:
                return float(self.v.roman[lx[i].low])
        return None

    def quantity(self, lx: list[Lexeme], i: int, roman: bool = False) -> Quantity | None:
        """Value at `i`, then fold ("3-fold"), ratio ("160/100") and unit, on one line."""
        value = self._value(lx, i, roman)
        if value is None:
            return None
        q = Quantity(value, i, i + 1)
        j = i + 1
        if j + 1 < len(lx) and lx[j].low == "/" and lx[j + 1].kind == NUM and not lx[j + 1].nl:
            second = number_value(lx[j + 1])
            if second == SCALE_OUT_OF and value <= second:
                pass  # "4/10" on a 0-10 scale: the "/10" is read as a unit below
            elif second is not None and lx[j].start == lx[j - 1].end:
                q.ratio, j = float(second), j + 2
        if j < len(lx) and not lx[j].nl and lx[j].low in self.v.fold:
            q.fold, j = True, j + 1
        elif j + 1 < len(lx) and lx[j].low == "-" and lx[j + 1].low in self.v.fold:
            q.fold, j = True, j + 2
        unit_end, unit = longest(self.v.units, lx, j) if j < len(lx) and not lx[j].nl else (j, None)
        is_word = lx[i].kind == WORD and lx[i].low not in self.v.roman
        if unit is not None:
            q.unit, q.unit_span, j = unit, (j, unit_end), unit_end
            j = self._time_part(lx, q, j)
        elif is_word and not q.fold:
            return None  # "one", "twice" only count before a unit or "x ULN"
        q.end = j
        return q

    def _time_part(self, lx: list[Lexeme], q: Quantity, j: int) -> int:
        """Past the smaller part of "16 weeks 0 days" (the value becomes 16 + 0/7 weeks)."""
        part = TIME_PARTS.get(q.unit.output or "") if q.unit is not None else None
        if part is None or j + 1 >= len(lx) or lx[j].kind != NUM or lx[j].nl or lx[j + 1].nl:
            return j
        end, unit = longest(self.v.units, lx, j + 1)
        value = number_value(lx[j])
        if unit is None or unit.output != part[0] or value is None or not 0 <= value < part[1]:
            return j
        q.value = round(q.value + float(value) / part[1], 2)
        return end
