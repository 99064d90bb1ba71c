"""One normal form for vocabulary keys and page text, shared by build scripts and the matcher."""

from __future__ import annotations

import re
import unicodedata

# dashes and quotes folded; a hyphen separates words like a space ("IL-2" == "il 2")
_TRANSLATE = str.maketrans(
    {
        "-": " ",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
        "’": "'",
        "‘": "'",
        "`": "'",
        "ʼ": "'",
        "\u00a0": " ",
    }
)
_VOWELS = frozenset("aeiouy")


def _fold(text: str) -> str:
    """Accents dropped ("Sjögren" -> "sjogren", "Behçet" -> "behcet"); ASCII passes as is."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def norm_key(text: str) -> str:
    """Lower-case, accents folded, dashes to spaces, quotes folded, whitespace collapsed."""
    return " ".join(_fold(text.lower().translate(_TRANSLATE)).split())


def norm_piece(text: str) -> str:
    """The normal form of one token, before joining (spaces are collapsed after the join)."""
    return _fold(text.lower().translate(_TRANSLATE))


def needs_upper(key: str) -> bool:
    """Acronym-like keys ("tb", "hiv", "il 2", "niddm") match only text with a capital letter."""
    compact = key.replace(" ", "")
    if len(compact) <= 3:
        return True
    return len(compact) <= 5 and not (_VOWELS & set(compact))


def natural_order(name: str) -> str:
    """MeSH inverted heading to natural order: "lupus erythematosus, systemic" -> "systemic ...".

    Only a single comma is inverted; names with more commas are returned as they are.
    """
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and parts[1] and not re.match(r"^(and|or)\b", parts[1]):
        return f"{parts[1]} {parts[0]}"
    return name


__all__ = ["natural_order", "needs_upper", "norm_key", "norm_piece"]
