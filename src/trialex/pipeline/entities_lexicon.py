"""A compiled dictionary of normalised keys -> concepts, and longest-match lookup over tokens.

Phrase matchers tokenise every pattern (slow for ~150k variants); here a variant is a normalised
string (`norm_key`) and a candidate is the normalised text of 1..MAX_TOKENS tokens, so lookup is
a few dict probes per token and compiling is a pass over the data files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from trialex.vocab.normalize import needs_upper, norm_key, norm_piece
from trialex.vocab.schema import VOCAB_FILES, load_modifiers, load_stoplist, load_vocab

MAX_TOKENS = 12
NO_ENTITY = (
    "NONE"  # label of blocking phrases (lab tests...): they win the longest match, then drop
)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a key means: label, canonical name, source id, kind, whether it needs context."""

    label: str
    canonical: str
    id: str
    kind: str
    ambiguous: bool


@dataclass(slots=True)
class Match:
    """A lexicon hit on tokens [start, end) of the doc."""

    start: int
    end: int
    key: str
    entry: Entry


class Lexicon:
    """Normalised key -> Entry, with word prefixes for early stopping."""

    def __init__(self, keys: dict[str, int], entries: list[Entry]) -> None:
        self.keys = keys
        self.entries = entries
        self.prefixes: set[str] = set()
        self.words: set[str] = set()
        for key in keys:
            words = key.split(" ")
            self.words.update(words)
            for n in range(1, len(words)):
                self.prefixes.add(" ".join(words[:n]))

    def get(self, key: str) -> Entry | None:
        idx = self.keys.get(key)
        return None if idx is None else self.entries[idx]

    # -- serialisation -------------------------------------------------------------------
    def to_data(self) -> dict:
        rows = [[e.label, e.canonical, e.id, e.kind, int(e.ambiguous)] for e in self.entries]
        return {"keys": self.keys, "entries": rows}

    @classmethod
    def from_data(cls, data: dict) -> Lexicon:
        entries = [Entry(r[0], r[1], r[2], r[3], bool(r[4])) for r in data["entries"]]
        return cls(dict(data["keys"]), entries)

    # -- lookup --------------------------------------------------------------------------
    def matches(self, doc: Doc, start: int, end: int, only: str | None = None) -> Iterator[Match]:
        """The longest key starting at each token of doc[start:end] (overlaps possible).

        `only`: consider only keys of that label.
        """
        toks = list(doc[start:end])
        pieces = [norm_piece(t.text) + (" " if t.whitespace_ else "") for t in toks]
        texts = [t.text for t in toks]
        space = [t.is_space for t in toks]
        skip = [t.is_space or (t.is_punct and len(t.text) == 1) for t in toks]
        n = len(toks)
        keys, prefixes = self.keys, self.prefixes
        for i in range(n):
            if skip[i]:
                continue
            best: Match | None = None
            raw = ""
            for j in range(i, min(i + MAX_TOKENS, n)):
                if space[j]:
                    break
                raw += pieces[j]
                key = " ".join(raw.split())
                idx = keys.get(key)
                if idx is None:
                    if " " in key and key.rsplit(" ", 1)[0] not in prefixes:
                        break
                    continue
                if skip[j] or ("," in key and self._continues(toks, j + 1)):
                    # a name never ends on punctuation ("HCV-negative", "Dementia - ..."),
                    # and an inverted heading ("hypertension, pulmonary") is one only when
                    # the phrase stops there, not inside a list ("hypertension, pulmonary
                    # embolism")
                    continue
                entry = self.entries[idx]
                if (only is None or entry.label == only) and self._case_ok(
                    key, "".join(texts[i : j + 1])
                ):
                    best = Match(start + i, start + j + 1, key, entry)
            if best is not None:
                yield best

    @staticmethod
    def _continues(toks: list, k: int) -> bool:
        return k < len(toks) and not toks[k].is_space and toks[k].text[:1].isalpha()

    @staticmethod
    def _case_ok(key: str, text: str) -> bool:
        return not needs_upper(key) or any(c.isupper() for c in text)


def _grammar_keys() -> Iterator[tuple[str, str]]:
    """Organ/qualifier x head keys ("lung failure", "endocrine disease"): (key, canonical)."""
    mods = load_modifiers()
    for organ in mods.organs:
        for head in mods.organ_heads:
            key = norm_key(f"{organ} {head}")
            yield key, key
        for pre in mods.function_prefixes:
            key = norm_key(f"{pre} {organ} function")
            yield key, key


def _spellings(key: str, pairs: list[tuple[str, str]]) -> Iterator[str]:
    """The key, its British spelling, and "anti x" for "antix" ("antiinflammatory")."""
    yield key
    british = key
    for us, uk in pairs:
        british = british.replace(us, uk)
    if british != key:
        yield british
    if key.startswith("anti") and len(key) > 8 and key[4] != " ":
        yield "anti " + key[4:]


@lru_cache(maxsize=1)
def compile_lexicon() -> Lexicon:
    """Build the lexicon from the package's vocabulary files (first file wins a shared key).

    Cached: every pipeline built in one process shares the (read-only) result.
    """
    stop = {
        label: {w for ws in groups.values() for w in ws}
        for label, groups in load_stoplist().entries.items()
    }
    keys: dict[str, int] = {}
    entries: list[Entry] = []
    spelling = load_modifiers().spelling_variants
    for name in VOCAB_FILES:
        vocab = load_vocab(name)
        stopped = stop.get(vocab.label, set())
        for c in vocab.concepts:
            entries.append(Entry(vocab.label, c.canonical, c.id or "", c.kind or "", c.ambiguous))
            for v in c.variants:
                for key in _spellings(norm_key(v), spelling):
                    if key and key not in stopped and len(key.replace(" ", "")) > 1:
                        keys.setdefault(key, len(entries) - 1)
    for key, canonical in _grammar_keys():
        if key not in keys:
            entries.append(Entry("CONDITION", canonical, "", "", False))
            keys[key] = len(entries) - 1
    entries.append(Entry(NO_ENTITY, "", "", "", False))
    for phrase in load_modifiers().not_entities:
        keys[norm_key(phrase)] = len(entries) - 1
    return Lexicon(keys, entries)


__all__ = ["MAX_TOKENS", "NO_ENTITY", "Entry", "Lexicon", "Match", "compile_lexicon"]
