"""Where a threshold's variable is on the page: lexicon matches backwards (with coordination),
forwards, noun phrases before or after the cut-off, and the subject of a time window.

A mixin of `threshold_variables.Resolver`; every search looks a bounded number of lexemes away.
"""

from __future__ import annotations

from dataclasses import dataclass

from trialex.pipeline.numbers import NUM, WORD, Lexeme
from trialex.pipeline.threshold_quantity import Hit
from trialex.pipeline.threshold_vocab import ThresholdVocab, VariableEntry, longest

LOOKBACK = 10  # lexemes between a variable and its comparator
CLAUSE_LOOKBACK = 60
AFTER_WINDOW = 12  # lexemes after a time window where its event may be named
HEAD_WINDOW = 16  # lexemes of a noun phrase searched for its head
ADJACENT_GAP = frozenset({":", "of", "(", "=", "is", "was", "score", "between", "from", "range"})
COORDINATORS = frozenset({"and", "or", "/", ",", "(", ")", "both", "either", "level", "levels"})


@dataclass(slots=True)
class VarMatch:
    start: int
    end: int
    entry: VariableEntry


class Search:
    """Variable and subject search over lexemes."""

    v: ThresholdVocab

    def _tail(self, lx: list[Lexeme], hit: Hit) -> int:  # Emitter._tail in the Resolver
        raise NotImplementedError

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
        found, k, joined = [first], first.start - 1, False
        while k >= floor and not lx[k + 1].nl:
            m = by_end.get(k + 1)
            if m is not None and joined:
                found.append(m)
                k, joined = m.start - 1, False
            elif m is not None:
                break  # "gestation age": two names side by side are one compound, not a list
            elif lx[k].low in COORDINATORS and (lx[k].low != "(" or (
                k in by_end and by_end[k].entry.name == found[-1].entry.name)):
                k, joined = k - 1, True
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

    def adjacent_np(self, lx: list[Lexeme], hit: Hit, floor: int) -> tuple[int, int] | None:
        """The noun phrase right before a bare range ("ABI 0.4-1.4", "cycle length of 26-39
        days", "score from 1.00 to 2.99"): only fillers may separate them, on one line."""
        k, gap = hit.start - 1, 0
        while k >= floor and gap < 3 and lx[k].low in ADJACENT_GAP and not lx[k + 1].nl:
            k, gap = k - 1, gap + 1
        if k < floor or lx[k + 1].nl or lx[k].kind != WORD:
            return None
        low = lx[k].low
        if low in self.v.stopwords or low in self.v.date_words or low in self.v.duration_cues:
            return None
        return self._np_back(lx, k, max(floor, self._clause_start(lx, hit.start)))

    def content_np(self, lx: list[Lexeme], np: tuple[int, int] | None) -> tuple[int, int] | None:
        """A free noun phrase without its leading verbs and vague words ("experienced", "able
        to perform"); None when nothing measurable is left or it only names the person
        ("female", "adults")."""
        if np is None:
            return None
        start, end = np
        while start < end and (lx[start].low in self.v.not_variable or lx[start].kind != WORD):
            start += 1
        last = lx[end - 1].low
        if start >= end or last in self.v.not_variable or last in self.v.person_words:
            return None
        return start, end

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
            while j + 1 < len(lx) and lx[j].low == "-" and lx[j + 1].kind in (NUM, WORD) and (
                    lx[j].start == lx[j - 1].end and lx[j + 1].start == lx[j].end):
                j += 2  # "COVID-19", "IL-6", "anti-TNF": one hyphenated word
        return (start, j) if n else None

    def _clause_start(self, lx: list[Lexeme], k: int) -> int:
        floor = max(0, k - CLAUSE_LOOKBACK)
        while k > floor and not lx[k].nl and lx[k - 1].low not in self.v.clause_breaks:
            k -= 1
        return k

    def temporal_subject(self, lx: list[Lexeme], hit: Hit, floor: int) -> tuple[int, int] | None:
        """The drug or event a time window is about, named before the window ("received
        rituximab within 24 weeks", "use of X in the last 6 months")."""
        end = hit.end
        if end + 1 < len(lx) and lx[end].low in (",", ")") and not lx[end].nl:
            end += 1  # "history, within 6 months, of alcoholism"
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
                np = self.list_member(lx, self._np_forward(lx, t_end, hit.start), hit.start)
                best = np or best
                k = max(t_end, k + 1)
            else:
                k += 1
        return best

    def subject_after(self, lx: list[Lexeme], hit: Hit) -> tuple[int, int] | None:
        """A window stated before its event ("(within 4 weeks before screening) a history of
        ... infections"): the head of the noun phrase after a trigger that follows the window.
        English noun phrases are head-final, so the head is the last content word before the
        phrase ends (parenthesis, clause break, "including", ...)."""
        k, limit = self._tail(lx, hit), min(len(lx), hit.end + AFTER_WINDOW)
        while k < limit and lx[k].low in (")", ",", ":"):
            k += 1
        while k < limit:
            if lx[k].nl or lx[k].low in self.v.clause_breaks or lx[k].low == ",":
                return None
            t_end, trig = longest(self.v.triggers, lx, k)
            if trig is not None:
                return self._head_forward(lx, t_end, min(len(lx), t_end + HEAD_WINDOW))
            k += 1
        return None

    def _head_forward(self, lx: list[Lexeme], j: int, limit: int) -> tuple[int, int] | None:
        head = None
        while j < limit and not lx[j].nl:
            low = lx[j].low
            if low in self.v.clause_breaks or low in self.v.subject_stops or low == "(":
                break
            if lx[j].kind == WORD and low not in self.v.stopwords:
                head = (j, j + 1)
            elif lx[j].kind == NUM:
                return None
            j += 1
        return head

    def fallback_subject(self, lx: list[Lexeme], hit: Hit, floor: int) -> tuple[int, int] | None:
        """The first noun phrase of the clause, when no trigger names the subject."""
        start = max(floor, self._clause_start(lx, hit.start))
        return self.list_member(lx, self._np_forward(lx, start, hit.start), hit.start)

    def list_member(self, lx: list[Lexeme], np: tuple[int, int] | None, limit: int
                    ) -> tuple[int, int] | None:
        """A class noun phrase followed by its members ("major comorbidities including
        malignancy within 5 years"): the window is about the member named before it."""
        if np is None:
            return None
        k = np[1]
        if k >= limit or lx[k].nl:
            return np
        end, intro = longest(self.v.list_intro, lx, k)
        if intro is None:
            return np
        member = self._np_forward(lx, end, limit)
        return member or np
