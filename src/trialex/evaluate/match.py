"""Matching for the evaluator: normalised keys, span comparison and one-to-one pairing.

Everything here is pure and small so the scorer can be tested case by case:

- `canonical_key` makes "Lupus erythematosus, systemic" and "systemic lupus erythematosus"
  the same key (lower case, punctuation and hyphens as spaces, naive singular per word,
  MeSH-style comma inversion).
- `variable_key` and `unit_key` are the looser keys for threshold fields.
- `name_similarity` is rapidfuzz's `token_sort_ratio` on processed names (0-100).
- `pair_up` pairs gold and predicted items one-to-one (maximum cardinality, best scores first),
  so a duplicated prediction is one hit and one false positive, never two hits.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz, utils

G = TypeVar("G")
P = TypeVar("P")

_PUNCT = re.compile(r"[^\w\s%]+")
_SPACE = re.compile(r"\s+")
_NO_SINGULAR = ("ss", "us", "is", "os", "as")
_UNIT_ALIASES = {
    "yr": "year", "yrs": "year", "y": "year", "wk": "week", "wks": "week", "d": "day", "h": "hour",
    "hr": "hour", "min": "minute", "mo": "month", "×uln": "xuln", "timesuln": "xuln",
}


def fold(text: str) -> str:
    """Lower-case, NFKC-fold, turn punctuation and hyphens into spaces, collapse spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("_", " ")
    return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()


def singular(word: str) -> str:
    """A naive English singular: "cells" -> "cell", "therapies" -> "therapy".

    It only has to be consistent, not correct: both sides of a comparison go through it.
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_NO_SINGULAR):
        return word[:-1]
    return word


def invert_comma(text: str) -> str:
    """Undo MeSH-style inversion: "lupus erythematosus, systemic" -> "systemic lupus erythematosus".

    With several commas the parts are read back to front
    ("carcinoma, non-small-cell, lung" -> "lung non-small-cell carcinoma").
    """
    parts = [part.strip() for part in text.split(",") if part.strip()]
    return " ".join(reversed(parts))


def canonical_key(text: str) -> str:
    """The comparison key of a canonical name (see the module docstring)."""
    return " ".join(singular(word) for word in fold(invert_comma(text)).split())


def variable_key(text: str) -> str:
    """The comparison key of a threshold variable: case-, punctuation- and plural-blind."""
    return canonical_key(text)


def unit_key(unit: str | None) -> str:
    """A loose unit key: case, spaces, markdown escapes, `^` and plural time words ignored.

    "mL/min/1.73 m\\^2", "ml/min/1.73m2" and "mL/min/1.73 m²" give the same key;
    "Years", "years" and "yrs" give "year"; `None` and "" give "".
    """
    if not unit:
        return ""
    key = unicodedata.normalize("NFKC", unit).lower()
    key = key.replace("\\", "").replace("^", "").replace("×", "x").replace("μ", "u")
    key = _SPACE.sub("", key).strip(".")
    if key.isalpha() and key not in _UNIT_ALIASES:
        key = key.removesuffix("s") if len(key) > 3 else key
    return _UNIT_ALIASES.get(key, key)


def number_key(value: float | int | None) -> float | None:
    """Numbers compare by value (18 == 18.0), rounded to absorb float noise."""
    return None if value is None else round(float(value), 6)


def nct_key(nct_id: str | None) -> str | None:
    """NCT ids compare upper-case and without spaces; "" is no id."""
    key = _SPACE.sub("", nct_id or "").upper()
    return key or None


_NAME_JOINERS = re.compile(r"[-'’‐‑.]")


def name_form(name: str) -> str:
    """A person name for fuzzy comparison: hyphens, apostrophes and dots dropped, then folded."""
    return utils.default_process(_NAME_JOINERS.sub("", unicodedata.normalize("NFKC", name)))


def name_similarity(a: str, b: str) -> float:
    """rapidfuzz `token_sort_ratio` of two person names in `name_form` (0-100).

    Word order, case, hyphens and dots do not matter: "Bao-yong YAN" meets "Yan Baoyong" at 100.
    """
    return fuzz.token_sort_ratio(name_form(a), name_form(b))


def spans_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open character spans share at least one character."""
    return a_start < b_end and b_start < a_end


def overlap_ratio(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Shared characters over the union of both spans (Jaccard; 1.0 for identical spans)."""
    shared = min(a_end, b_end) - max(a_start, b_start)
    union = max(a_end, b_end) - min(a_start, b_start)
    return shared / union if union > 0 and shared > 0 else 0.0


def pair_up(
    gold: Sequence[G], pred: Sequence[P], similarity: Callable[[G, P], float | None]
) -> list[tuple[int, int]]:
    """Pair gold and predicted items one-to-one, returning `(gold_index, pred_index)` pairs.

    `similarity` returns a score for a pair that may match, `None` for a pair that may not.
    Pairs are first taken greedily from the highest score down (ties: document order), then
    augmenting paths raise the number of pairs to the maximum, so that a greedy choice never
    costs a match. Every item is used at most once.
    """
    edges: dict[int, list[tuple[float, int]]] = {}
    for g, gold_item in enumerate(gold):
        for p, pred_item in enumerate(pred):
            value = similarity(gold_item, pred_item)
            if value is not None and not math.isnan(value):
                edges.setdefault(g, []).append((value, p))
    for options in edges.values():
        options.sort(key=lambda edge: (-edge[0], edge[1]))

    owner: dict[int, int] = {}  # pred index -> gold index
    partner: dict[int, int] = {}  # gold index -> pred index
    ranked = sorted(
        ((value, g, p) for g, options in edges.items() for value, p in options),
        key=lambda edge: (-edge[0], edge[1], edge[2]),
    )
    for _, g, p in ranked:
        if g not in partner and p not in owner:
            partner[g], owner[p] = p, g

    def augment(g: int, seen: set[int]) -> bool:
        for _, p in edges.get(g, ()):
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p], partner[g] = g, p
                return True
        return False

    for g in edges:
        if g not in partner:
            augment(g, set())
    return sorted(partner.items())


__all__ = [
    "canonical_key", "fold", "invert_comma", "name_form", "name_similarity", "nct_key",
    "number_key", "overlap_ratio", "pair_up", "singular", "spans_overlap", "unit_key",
    "variable_key",
]
