"""Investigational drug codes ("BIIB074", "AC-3933", "ONC206") as DRUG agents.

A code is one token shaped like letters + digits (pattern in `vocab/modifiers.json`), not a
known non-drug prefix (NCT, CD, HLA, COVID...), with a drug cue ("mg", "placebo", "dose"...)
within a few tokens. The canonical is the code lower-cased.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from trialex.vocab.normalize import norm_key
from trialex.vocab.schema import Modifiers

_WINDOW = 6


class DrugCodes:
    """Finds code-shaped drug names next to a drug cue."""

    def __init__(self, mods: Modifiers) -> None:
        self.pattern = re.compile(mods.drug_code_pattern)
        self.excluded = tuple(p.upper() for p in mods.drug_code_excluded_prefixes)
        self.cues = {norm_key(w) for w in mods.drug_context + mods.drug_code_cues}

    def __call__(self, doc: Doc, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, canonical) of each code in doc[lo:hi]."""
        for tok in doc[lo:hi]:
            text = tok.text
            if not self.pattern.match(text) or text.upper().startswith(self.excluded):
                continue
            window = doc[max(lo, tok.i - _WINDOW) : min(hi, tok.i + _WINDOW + 1)]
            if any(norm_key(t.text) in self.cues for t in window if t.i != tok.i):
                yield tok.i, tok.i + 1, text.lower()


__all__ = ["DrugCodes"]
