"""Who a threshold is about: lexicon variables (with coordination), inheritance, implied
variables, the temporal subject and the noun-phrase fallback. The searches live in
`threshold_search`, row assembly (kind, unit, offsets) in `threshold_emit`."""

from __future__ import annotations

from trialex.pipeline.numbers import NUM, WORD, Lexeme
from trialex.pipeline.threshold_emit import Emitter, free_name
from trialex.pipeline.threshold_quantity import Hit
from trialex.pipeline.threshold_search import Search, VarMatch
from trialex.pipeline.threshold_vocab import ThresholdVocab, longest

__all__ = ["Resolver", "VarMatch", "free_name"]

MAX_AGE = 120
NEAR = 4  # a variable this close to its comparator starts the threshold's text
INHERIT_GAP = frozenset({",", "and", "or", "but", "/", "to", "(", ")", ";"})


class Resolver(Emitter, Search):
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
        """Reject "alt" inside "alt-2" glue: the match must not continue with a hyphen + word."""
        return not (end + 1 < len(lx) and lx[end].low == "-" and lx[end].start == lx[end - 1].end
                    and lx[end + 1].kind == WORD and lx[end + 1].start == lx[end].end)

    def ordinal_positions(self, lx: list[Lexeme], matches: list[VarMatch]) -> set[int]:
        """Lexeme indices where an ordinal scale's value set may start: after an ordinal
        variable (and its fillers) or a scale word ("class III, IV or V LN", whose variable
        must then be named after the set)."""
        out: set[int] = {k + 1 for k, lexeme in enumerate(lx) if lexeme.low in self.v.scale_words}
        for m in matches:
            if not m.entry.ordinal:
                continue
            j = m.end
            out.add(j)
            while j < len(lx) and j - m.end < 5 and lx[j].low in self.v.ordinal_fillers:
                j += 1
                out.add(j)
        return out

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

    def _postposed(self, lx: list[Lexeme], hit: Hit) -> str | None:
        """A variable named right after the value ("34 weeks gestation", "class III-V LN"); the
        threshold's text stays the cut-off ("class III, IV or V", as the seed gold has it)."""
        j = hit.end
        while j < len(lx) and j - hit.end < 2 and lx[j].low in self.v.postposed_gap:
            j += 1
        if j >= len(lx) or lx[j].nl:
            return None
        end, entry = longest(self.v.postposed, lx, j)
        if entry is None or not self._word_edge(lx, j, end):
            return None
        if "ordinal" in hit.extra and hit.start > 0 and lx[hit.start - 1].low in self.v.scale_words:
            hit.start -= 1
        return entry.name

    def _age_like(self, lx: list[Lexeme], hit: Hit) -> bool:
        """A cut-off in years with no variable and no event is an age ("Over 18 years",
        "18-40 years"), unless a duration cue sits next to it ("for > 2 years", "5 years ago")."""
        unit = hit.quantity.unit if hit.quantity else None
        if unit is None or unit.output != "years" or hit.temporal:
            return False
        if max(hit.value, hit.upper or 0) > MAX_AGE:
            return False
        prev = lx[hit.start - 1] if hit.start > 0 and not lx[hit.start].nl else None
        after = lx[hit.end].low if hit.end < len(lx) and not lx[hit.end].nl else None
        if after in self.v.duration_cues or (prev is not None and prev.low in self.v.duration_cues):
            return False
        # right after a content noun it is that thing's duration ("HBV DNA > 0.5 year",
        # "seizure < 2 years"); after a person word or punctuation it is the person's age
        return prev is None or prev.kind != WORD or prev.low in self.v.person_words or (
            prev.low in self.v.stopwords and prev.low not in ("of", "for"))

    def _names(self, text, lx, hit, floor, by_end, by_start, prev) -> list[tuple[str, int | None]]:
        return [(n if n in self.v.by_name else free_name(n), s)
                for n, s in self._find(text, lx, hit, floor, by_end, by_start, prev)]

    def _find(self, text, lx, hit, floor, by_end, by_start, prev) -> list[tuple[str, int | None]]:
        q = hit.quantity
        unit = q.unit if q else None
        time = unit is not None and unit.kind == "time"
        marker_end, marker = longest(self.v.age_markers, lx, hit.end)
        label = self._label_line_before(lx, hit.start, by_end) if time else None
        if label is not None and hit.variable in (None, "age"):
            return [("age", label)]  # "Ages Eligible for Study" / "70 Years and older"
        if hit.variable == "age":  # "Ages Eligible for Study: 70 Years and older"
            named = self._backward(lx, hit, floor, by_end)
            if named and named[-1].entry.kind == "age" and hit.start - named[-1].end <= NEAR:
                return [("age", named[-1].start)]
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
        gap = range(prev[0].end, hit.start) if prev is not None else range(0)
        if prev is not None and all(lx[k].low in INHERIT_GAP for k in gap):
            same = (prev[0].quantity is None or q is None or prev[0].quantity.unit is None
                    or unit is None or prev[0].quantity.unit.kind == unit.kind)
            if same and not (time and prev[1] and prev[1][0][0] not in ("age",)
                             and prev[0].quantity and prev[0].quantity.unit is None):
                return [(name, None) for name, _ in prev[1]]
        after = self._postposed(lx, hit)
        if after is not None:
            return [(after, None)]
        fwd_at = hit.extra.get("forward")
        if fwd_at is None and hit.end < len(lx) and lx[hit.end].low == "in":
            fwd_at = hit.end
        if fwd_at is not None:
            m = self._forward(lx, fwd_at, by_start)
            # not "over 1 year in adults aged": a time window does not end at an age
            if m is not None and not (time and m.entry.kind == "age"):
                hit.end = m.end + (m.end < len(lx) and lx[m.end].low in ("level", "levels"))
                return [(m.entry.name, None)]
        if unit is not None and unit.variable:
            return [(unit.variable, None)]
        of_next = hit.end < len(lx) and lx[hit.end].low == "of"
        mass_dose = unit is not None and of_next and self._mass_dose(lx, hit)
        if mass_dose:
            drug = self._drug_forward(lx, hit.end + 1, min(len(lx), hit.end + 8))
            if drug is not None:
                hit.extra["dose"] = 1
                self._dose_suffix(lx, hit, drug[1])
                return [(text[lx[drug[0]].start:lx[drug[1] - 1].end], None)]
        if unit is not None and unit.kind == "dose" and of_next:
            drug = self._np_forward(lx, hit.end + 1, min(len(lx), hit.end + 6))
            if drug is not None:
                self._dose_suffix(lx, hit, drug[1])
                return [(text[lx[drug[0]].start:lx[drug[1] - 1].end], None)]
        subject = self.temporal_subject(lx, hit, floor) if time else None
        if subject is None and time and self._age_like(lx, hit):
            return [("age", None)]
        if hit.needs_lexicon:
            ranged = hit.upper is not None and "ordinal" not in hit.extra
            np = self.content_np(lx, self.adjacent_np(lx, hit, floor)) if ranged else None
            if np is None:
                return []
            hit.extra["measured"] = 1  # "cycle length of 26-39 days" measures, not a window
            last = text[lx[np[1] - 1].start:lx[np[1] - 1].end]
            start = np[1] - 1 if last.isupper() and len(last) > 1 else np[0]
            return [(text[lx[start].start:lx[np[1] - 1].end], start)]
        if hit.count_noun:
            return [(self._count_name(text, lx, hit), None)]
        if time:
            np = subject or self.fallback_subject(lx, hit, floor) or self.subject_after(lx, hit)
            return [(text[lx[np[0]].start:lx[np[1] - 1].end], None)] if np else []
        np = self._np_back(lx, hit.start - 1, max(floor, self._clause_start(lx, hit.start)))
        if np is not None and lx[np[1] - 1].low in self.v.age_words and hit.value <= MAX_AGE:
            return [("age", None)]  # "Adults >= 18"
        np = self.content_np(lx, np)
        return [(text[lx[np[0]].start:lx[np[1] - 1].end], np[0])] if np else []

    def _mass_dose(self, lx: list[Lexeme], hit: Hit) -> bool:
        """ "≥1.2 grams of oral 5-ASA", "taking 2 g of mesalamine": a mass with a dose cue (a
        route after "of", or dosing words just before the value) is a dose of the drug after."""
        q = hit.quantity
        if q is None or q.unit_span is None:
            return False
        a, b = q.unit_span
        if " ".join(x.low for x in lx[a:b]) not in self.v.dose_mass_units:
            return False
        after = [x.low for x in lx[hit.end + 1 : hit.end + 3]]
        before = [x.low for x in lx[max(0, hit.start - 4) : hit.start]]
        return any(w in self.v.dose_cues for w in after + before)

    def _drug_forward(self, lx: list[Lexeme], j: int, limit: int) -> tuple[int, int] | None:
        """The drug after "of": route and filler words skipped, glued pieces one word
        ("5-ASA", "IL-6"), up to three words."""
        while j < limit and not lx[j].nl and (
                lx[j].low in self.v.dose_cues or lx[j].low in self.v.stopwords):
            j += 1
        start, words = j, 0
        while j < limit and words < 3 and not (j > start and lx[j].nl):
            if lx[j].kind not in (WORD, NUM) or lx[j].low in self.v.stopwords or (
                    lx[j].low in self.v.dose_cues):
                break
            k = j + 1
            while k < limit and lx[k].start == lx[k - 1].end and (
                    lx[k].kind in (WORD, NUM) or lx[k].low == "-"):
                k += 1
            if not any(x.kind == WORD for x in lx[j:k]):
                break
            j, words = k, words + 1
        return (start, j) if words else None

    @staticmethod
    def _label_line_before(lx: list[Lexeme], k: int, by_end: dict[int, VarMatch]) -> int | None:
        """"Ages Eligible for Study" alone on the line before the value: the label's start."""
        if k == 0 or not lx[k].nl:
            return None
        end = k - 1 if lx[k - 1].low == ":" else k
        m = by_end.get(end)
        if m is None or m.entry.kind != "age" or not (m.start == 0 or lx[m.start].nl):
            return None
        return m.start
