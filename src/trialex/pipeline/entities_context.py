"""Context rules for CONDITION mentions the vocabularies cannot take on their own.

- `AbbreviationCues`: an undefined short form ("history of MI", "PE or DVT", "RA patients") is
  taken with its vocabulary long form when the data file accepts it and the text gives a cue
  (abbreviation_context.json).
- `DrugMeasurement`: a drug-vocabulary name used as a lab value or biomarker ("serum IL-6
  levels", "interleukin-6 > 7 pg/mL") is no DRUG (modifiers.json `drug_measurement`).
- `ConditionForms`: a disease named by an adjective before a person noun or after a copula
  ("hypertensive patients", "is diabetic") or by a person noun ("diabetics")
  (condition_forms.json).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from trialex.pipeline.entities_post import Candidate
from trialex.vocab.normalize import norm_key
from trialex.vocab.schema import (
    Modifiers,
    load_abbreviation_context,
    load_condition_forms,
    load_drug_morphology,
)


def _phrases(items: Iterable[str]) -> set[tuple[str, ...]]:
    return {tuple(norm_key(p).split()) for p in items if norm_key(p)}


class AbbreviationCues:
    """Whether the text around an undefined abbreviation says it names the disease."""

    def __init__(self, mods: Modifiers) -> None:
        rules = load_abbreviation_context()
        self.accept = {norm_key(a) for a in rules.accept}
        self.mixed = set(rules.mixed_case)
        self.before = _phrases(rules.cues_before)
        self.after = _phrases(rules.cues_after)
        self.longest = max(len(p) for p in self.before | self.after)
        self.coord = {c.lower() for c in rules.coordinators}
        self.skip = {norm_key(w) for w in mods.severity + mods.type}

    def _words(self, doc: Doc, start: int, step: int, lo: int, hi: int) -> list[str]:
        """Up to `longest` normalised words from `start` going `step`, crossing no line end."""
        out: list[str] = []
        k = start
        while lo <= k < hi and len(out) < self.longest:
            t = doc[k]
            if t.is_space:
                break
            w = norm_key(t.text)
            if w:
                out.append(w)
            elif t.text not in {".", "-"}:  # "e.g." keeps going; other punctuation ends it
                break
            k += step
        return out

    def supported(
        self, doc: Doc, cand: Candidate, conditions: list[Candidate], lo: int, hi: int
    ) -> bool:
        text = doc[cand.end - 1].text  # the short form itself ("acute MI": type word kept)
        if norm_key(text) not in self.accept or not (text.isupper() or text in self.mixed):
            return False
        # before: skip severity/type words ("history of acute MI"), then a cue phrase
        k = cand.start - 1
        while k >= lo and norm_key(doc[k].text) in self.skip:
            k -= 1
        left = self._words(doc, k, -1, lo, hi)
        if any(tuple(reversed(left[:n])) in self.before for n in range(1, len(left) + 1)):
            return True
        right = self._words(doc, cand.end, 1, lo, hi)
        if any(tuple(right[:n]) in self.after for n in range(1, len(right) + 1)):
            return True
        return self._coordinated(doc, cand, conditions, lo, hi)

    def _coordinated(
        self, doc: Doc, cand: Candidate, conditions: list[Candidate], lo: int, hi: int
    ) -> bool:
        """A coordinator between this mention and another condition ("PE or DVT")."""
        ends = {c.end for c in conditions if c is not cand}
        starts = {c.start for c in conditions if c is not cand}
        k = cand.start - 1
        if k - 1 >= lo and doc[k].lower_ in self.coord and k in ends:
            return True
        k = cand.end
        return k + 1 < hi and doc[k].lower_ in self.coord and k + 1 in starts


class DrugMeasurement:
    """Whether the words around a DRUG mention make it a measured substance, not a therapy."""

    def __init__(self, mods: Modifiers) -> None:
        rules = mods.drug_measurement
        self.before = _phrases(rules.before)
        self.longest = max(len(p) for p in self.before)
        self.after = {norm_key(w) for w in rules.after}
        self.comparators = set(rules.comparators)
        self.units = tuple(u.lower() for u in rules.units_per)

    def measured(self, doc: Doc, start: int, end: int, lo: int, hi: int) -> bool:
        left: list[str] = []
        k = start - 1
        while k >= lo and len(left) < self.longest and not doc[k].is_space:
            left.insert(0, norm_key(doc[k].text))
            k -= 1
        if any(tuple(left[-n:]) in self.before for n in range(1, len(left) + 1)):
            return True
        if end >= hi or doc[end].is_space:
            return False
        if norm_key(doc[end].text) in self.after:
            return True
        if doc[end].text not in self.comparators:
            return False
        rest = doc[end + 1 : min(hi, end + 5)]
        if not rest or not rest[0].like_num:
            return False
        return any(u in t.lower_ for t in rest[1:] for u in self.units)


class ConditionForms:
    """Disease adjectives before a person noun or after a copula, and person nouns."""

    def __init__(self) -> None:
        forms = load_condition_forms()
        self.adjectives = dict(forms.adjectives)
        self.nouns = dict(forms.nouns)
        self.people = set(forms.person_nouns)
        self.copulas = set(forms.copulas)

    def candidates(self, doc: Doc, lo: int, hi: int) -> list[Candidate]:
        out = []
        for i in range(lo, hi):
            low = doc[i].lower_
            if i - 1 >= lo and doc[i - 1].lower_ == "non":
                continue  # "non diabetic patients" have no disease
            canonical = self.nouns.get(low)
            if canonical is None and low in self.adjectives:
                after = doc[i + 1].lower_ if i + 1 < hi else ""
                before = doc[i - 1].lower_ if i - 1 >= lo else ""
                if after in self.people or before in self.copulas:
                    canonical = self.adjectives[low]
            if canonical is not None:
                out.append(Candidate(i, i + 1, "CONDITION", canonical))
        return out


class DrugMorphology:
    """An unknown word ending in a drug-name stem ("-tinib", "-sartan") is a DRUG agent."""

    def __init__(self) -> None:
        rules = load_drug_morphology()
        self.suffixes = tuple(rules.suffixes)
        self.min_length = rules.min_length
        self.exclude = set(rules.exclude)

    def candidates(self, doc: Doc, lo: int, hi: int, known: set[str]) -> list[Candidate]:
        out = []
        for i in range(lo, hi):
            text = doc[i].text
            low = text.lower()
            if (
                len(text) >= self.min_length
                and text.isalpha()
                and not text.isupper()
                and low.endswith(self.suffixes)
                and low not in known
                and low not in self.exclude
            ):
                out.append(Candidate(i, i + 1, "DRUG", low, {"kind": "agent"}))
        return out


__all__ = ["AbbreviationCues", "ConditionForms", "DrugMeasurement", "DrugMorphology"]
