"""Helpers shared by the build_* scripts (run by hand; the runtime never imports the sources)."""

from __future__ import annotations

import bz2
import json
import pickle
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from trialex.vocab.normalize import norm_key
from trialex.vocab.schema import Concept, VocabFile, load_stoplist

HERE = Path(__file__).parent
MAX_VARIANT_CHARS = 50  # longer variants are IUPAC-like names that pages do not write

_IRREGULAR = {"diseases": "disease", "viruses": "virus", "metastases": "metastasis"}


def load_ner_dictionary(package: str, kind: str) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The `<kind>_ner_dictionary.pkl.bz2` shipped in `package` and, per canonical key, its
    variants (the pickle maps variant → canonicals; the build wants the inverse)."""
    path = resources.files(package).joinpath(f"{kind}_ner_dictionary.pkl.bz2")
    with bz2.open(str(path), "rb") as fh:
        data = pickle.load(fh)
    by_concept: dict[str, list[str]] = defaultdict(list)
    for variant, canonicals in data[f"{kind}_variant_to_canonical"].items():
        for c in canonicals:
            by_concept[c].append(variant)
    return data, by_concept


def singular_word(word: str) -> str:
    """English singular of one word, by suffix rules (good enough for vocabulary heads)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "sis", "as")) and len(word) > 3:
        return word[:-1]
    return word


def singular(name: str) -> str:
    """Singular of a noun phrase: its last word made singular."""
    words = name.split(" ")
    words[-1] = singular_word(words[-1])
    return " ".join(words)


def keep_variant(key: str, label: str) -> bool:
    """Documented variant rules: not too short, not numeric, not too long, not stop-listed."""
    compact = key.replace(" ", "")
    if len(compact) <= 2 or compact.replace(".", "").isdigit():
        return False
    if len(key) > MAX_VARIANT_CHARS:
        return False
    return not any(key in words for words in load_stoplist().entries.get(label, {}).values())  # type: ignore[call-overload]


def clean_variants(variants: list[str], label: str) -> list[str]:
    """Normalised, filtered, de-duplicated variants in first-seen order."""
    seen: dict[str, None] = {}
    for v in variants:
        key = norm_key(v)
        if key and keep_variant(key, label):
            seen.setdefault(key, None)
    return list(seen)


def write_vocab(name: str, vocab: VocabFile) -> Path:
    """Write a vocabulary file compactly (one concept per line keeps diffs readable)."""
    path = HERE / name
    head = vocab.model_dump(exclude={"concepts"}, exclude_none=True)
    lines = [
        json.dumps(c.model_dump(exclude_defaults=True), ensure_ascii=False) for c in vocab.concepts
    ]
    body = json.dumps(head, ensure_ascii=False)[:-1]
    path.write_text(body + ', "concepts": [\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    VocabFile.model_validate_json(path.read_text("utf-8"))
    return path


__all__ = ["Concept", "clean_variants", "keep_variant", "singular", "singular_word", "write_vocab"]
