"""Cell-therapy grammar: a core cell population plus its source tissue, donor and species.

"allogeneic hUC-MSCs" -> mesenchymal stem cell {source: umbilical cord, donor: allogeneic};
"Pooled allogenic mesenchymal stem cell derived from olfactory mucosa" -> {donor: pooled,
source: olfactory mucosa}. Items come from `vocab/cell_grammar.json`; this module is the logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from trialex.vocab.normalize import norm_key
from trialex.vocab.schema import CellGrammar, load_cell_grammar

_MAX_ITEM_WORDS = 4
_MAX_CONTEXT_TOKENS = 8


@dataclass(slots=True)
class CellHit:
    """A cell population on tokens [start, end) with its attributes."""

    start: int
    end: int
    canonical: str
    id: str
    attributes: dict[str, str] = field(default_factory=dict)
    needs_context: bool = False  # a general name ("stem cells") kept only with donor/source


class CellGrammarMatcher:
    """Extends core cell matches with donor/source/species words; reads MSC abbreviations."""

    def __init__(self, grammar: CellGrammar | None = None) -> None:
        g = grammar or load_cell_grammar()
        self.grammar = g
        self.items: dict[str, tuple[str, str]] = {}
        for value, variants in g.sources.items():
            for v in variants:
                self.items.setdefault(norm_key(v), ("source", value))
        self.donor_rank = {d: i for i, d in enumerate(g.donors)}
        for value, variants in g.donors.items():
            for v in variants:
                self.items[norm_key(v)] = ("donor", value)
        for v in g.species:
            self.items.setdefault(norm_key(v), ("species", "human"))
        for v in g.linkers:
            self.items.setdefault(norm_key(v), ("linker", v))
        self.short_sources = {
            k: v for k, (kind, v) in self.items.items() if kind == "source" and len(k) <= 3
        }
        self.core_abbr = {norm_key(a): core for core, abbrs in g.cores.items() for a in abbrs}
        self.tails = set(g.tails)
        self.patterns = [re.compile(a["pattern"]) for a in g.abbreviations]

    # -- item segmentation ---------------------------------------------------------------
    def _segment(self, words: list[str]) -> list[tuple[str, str]] | None:
        """Split words into grammar items (longest first), or None if some word is not one."""
        out: list[tuple[str, str]] = []
        i = 0
        while i < len(words):
            for n in range(min(_MAX_ITEM_WORDS, len(words) - i), 0, -1):
                item = self.items.get(" ".join(words[i : i + n]))
                if item is not None:
                    out.append(item)
                    i += n
                    break
            else:
                return None
        return out

    @staticmethod
    def _words(doc: Doc, start: int, end: int) -> list[str]:
        return norm_key(doc[start:end].text.replace("/", " ")).split()

    def _extend(self, doc: Doc, hit: CellHit, lo: int, hi: int) -> None:
        best_left: list[tuple[str, str]] = []
        for n in range(1, _MAX_CONTEXT_TOKENS + 1):
            s = hit.start - n
            if s < lo or doc[s].is_space or doc[s].text in {".", ";", ":", "(", ")", ","}:
                break
            items = self._segment(self._words(doc, s, hit.start))
            if (
                items
                and any(k in {"source", "donor", "species"} for k, _ in items)
                and items[0][0] != "linker"
            ):
                best_left, new_start = items, s
        if best_left:
            hit.start = new_start
        if hit.end < hi and doc[hit.end].lower_ in self.tails:
            hit.end += 1
        best_right: list[tuple[str, str]] = []
        for n in range(2, _MAX_CONTEXT_TOKENS + 1):
            e = hit.end + n
            if e > hi or doc[e - 1].is_space:
                break
            items = self._segment(self._words(doc, hit.end, e))
            if items and items[0][0] == "linker" and items[-1][0] == "source":
                best_right, new_end = items, e
        if best_right:
            hit.end = new_end
        self._attrs(hit, best_left + best_right)

    def _attrs(self, hit: CellHit, items: list[tuple[str, str]]) -> None:
        for kind, value in items:
            if kind == "source":
                hit.attributes.setdefault("source", value)
            elif kind == "donor":
                old = hit.attributes.get("donor")
                if old is None or self.donor_rank[value] < self.donor_rank[old]:
                    hit.attributes["donor"] = value

    # -- abbreviations -------------------------------------------------------------------
    def read_abbreviation(self, text: str) -> tuple[str, dict[str, str]] | None:
        """ "hUC-MSCs" -> ("mesenchymal stem cell", {"source": "umbilical cord"}), else None."""
        low = text.lower().replace("–", "-")
        for pattern in self.patterns:
            m = pattern.match(low)
            if m is None:
                continue
            core = self.core_abbr.get(m.group("core"))
            src = m.group("source")
            if core is None or (src and src not in self.short_sources):
                continue
            attrs: dict[str, str] = {}
            if src:
                attrs["source"] = self.short_sources[src]
            donor = m.group("donor")
            if donor:
                attrs["donor"] = self.items[donor][1]
            return core, attrs
        return None

    def _maybe_abbr(self, low: str) -> bool:
        return any(low.endswith(a) for a in self.core_abbr)

    def hits(self, doc: Doc, cores: list[CellHit], lo: int, hi: int) -> list[CellHit]:
        """Abbreviation tokens in doc[lo:hi] plus the given cores, each extended by the grammar."""
        found = list(cores)
        taken = {i for h in cores for i in range(h.start, h.end)}
        for tok in doc[lo:hi]:
            text = tok.text
            if tok.i in taken or text.lower() == text or not self._maybe_abbr(text.lower()):
                continue
            read = self.read_abbreviation(tok.text)
            if read is not None:
                core, attrs = read
                found.append(
                    CellHit(tok.i, tok.i + 1, core, self.grammar.core_ids.get(core, ""), attrs)
                )
        for hit in found:
            if hit.canonical in self.grammar.cores:
                self._extend(doc, hit, lo, hi)
        return found


__all__ = ["CellGrammarMatcher", "CellHit"]
