"""A linear-time character scanner for threshold text, and number parsing.

The scispacy tokenizer glues comparators, values and units ("eGFR<15", "(LVEF)≥"), so the
threshold grammar reads its own lexemes: numbers, words, comparator-symbol runs and single
punctuation marks, each with page offsets. Every character is visited once.
"""

from __future__ import annotations

from dataclasses import dataclass

NUM, WORD, SYM = "NUM", "WORD", "SYM"
COMPARATOR_CHARS = frozenset("<>=≥≤≧≦⩾⩽＜＞＝")
WORD_EXTRA = frozenset("µμ")
MAX_NUMBER_CHARS = 15  # longer digit runs are identifiers, not values


@dataclass(frozen=True, slots=True)
class Lexeme:
    """One scanned piece: `kind` NUM/WORD/SYM, `low` its normalised lower-case form."""

    kind: str
    low: str
    start: int
    end: int
    nl: bool  # a line break lies between this lexeme and the previous one


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in WORD_EXTRA


def scan(text: str, offset: int = 0) -> list[Lexeme]:
    """Split `text` into lexemes (offsets shifted by `offset`); linear in len(text)."""
    out: list[Lexeme] = []
    n, i, nl = len(text), 0, False
    while i < n:
        c = text[i]
        if c.isspace():
            nl = nl or c in "\n\r\u2028"
            i += 1
            continue
        j = i + 1
        if c.isdigit() and c.isascii():
            j = _scan_number(text, i)
            kind, low = NUM, text[i:j].replace(",", "")
        elif c.isalpha() or c in "µμ":
            while j < n and _is_word_char(text[j]):
                j += 1
            kind, low = WORD, text[i:j].lower()
        elif c in COMPARATOR_CHARS or (c == "\\" and j < n and text[j] in COMPARATOR_CHARS):
            while j < n and (text[j] in COMPARATOR_CHARS or (
                text[j] == "\\" and j + 1 < n and text[j + 1] in COMPARATOR_CHARS
            )):
                j += 1
            kind, low = SYM, text[i:j].replace("\\", "")
        elif c == "\\" and j < n and not text[j].isspace() and not text[j].isalnum():
            i += 1  # markdown escape: drop the backslash, keep what it escapes
            continue
        else:
            kind, low = SYM, c
        out.append(Lexeme(kind, low, offset + i, offset + j, nl))
        nl = False
        i = j
    return out


def _scan_number(text: str, i: int) -> int:
    """End of the number starting at `i`: digits, thousands groups ",ddd", one decimal part."""
    n, j = len(text), i
    while j < n and text[j].isdigit() and text[j].isascii():
        j += 1
    if j - i <= 3:
        while (
            j + 3 < n and text[j] == ","
            and text[j + 1:j + 4].isdigit() and text[j + 1:j + 4].isascii()
            and (j + 4 == n or not text[j + 4].isdigit())
        ):
            j += 4
    if j + 1 < n and text[j] == "." and text[j + 1].isdigit() and text[j + 1].isascii():
        j += 1
        while j < n and text[j].isdigit() and text[j].isascii():
            j += 1
    return j


def number_value(lexeme: Lexeme) -> int | float | None:
    """The numeric value of a NUM lexeme (None for identifiers such as long digit runs)."""
    if lexeme.kind != NUM or len(lexeme.low) > MAX_NUMBER_CHARS:
        return None
    try:
        value = float(lexeme.low)
    except ValueError:
        return None
    return int(value) if "." not in lexeme.low and value.is_integer() else value


def as_number(value: float) -> int | float:
    """Integers stay ints (18, not 18.0); other values keep their decimals."""
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value
