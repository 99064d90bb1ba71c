"""Lines of a page with their offsets, and the normal form used to compare headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\\r\\n|\\n(?![a-z])")
BULLET = re.compile(
    r"[ \t]*(?:\\[-*+][ \t]+|[-*•·●○▪■◦‣⁃–—>.✓✔✗✘☐☑➢➤►]+[ \t]+|[-*•·●○▪■◦‣⁃–—>✓✔✗✘☐☑➢➤►]+|\(?\d{1,3}\\?[.)][ \t]+|\(?[a-zA-Z][.)][ \t]+|\(?[ivxIVX]{1,4}[.)][ \t]+)+"
)
_MARKUP = re.compile(r"^[\s#*_>|•·\-–—]+|[\s#*_|]+$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>=|~])")
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s:：?.;,…]+$")
_JSON_KEY = re.compile(r'^[\s{\[,]*"([A-Za-z]+)"\s*$')
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SECTION_CODE = re.compile(r"^[A-Z]\.\d+(?:\.\d+)*\.?\s*(?=[A-Z])")


@dataclass(frozen=True)
class Line:
    """One line: `text` is page[start:end] without the line break."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def norm(self) -> str:
        return normalize_heading(self.text)


def split_lines(text: str) -> list[Line]:
    """Split on any line break, keeping offsets into `text`."""
    lines, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(Line(len(lines), start, match.start(), text[start : match.start()]))
        start = match.end()
    lines.append(Line(len(lines), start, len(text), text[start:]))
    return lines


def unescape_markdown(text: str) -> str:
    """Drop markdown backslash escapes: `\\<` → `<`, `m\\^2` stays readable."""
    return _ESCAPE.sub(r"\1", text)


@lru_cache(maxsize=1 << 16)
def normalize_heading(text: str) -> str:
    """Lower-case, no bullets/markdown/trailing colon, single spaces: 'INCLUSION CRITERIA:' → 'inclusion criteria'."""
    text = unescape_markdown(text)
    text = _MARKUP.sub("", text)
    text = _SECTION_CODE.sub("", text)
    text = _TRAILING.sub("", text)
    return _SPACES.sub(" ", text).strip().lower()


def normalize_key(key: str) -> str:
    """A field key in normal form; a quoted JSON key is split at its capitals:
    '"BriefTitle"' → 'brief title'."""
    match = _JSON_KEY.match(key)
    if match:
        key = _CAMEL.sub(" ", match.group(1))
    return normalize_heading(key)


def strip_bullet(line: Line) -> tuple[int, int]:
    """Offsets of the line's content after any bullet or list number, trailing space trimmed."""
    match = BULLET.match(line.text)
    lead = match.end() if match else len(line.text) - len(line.text.lstrip())
    content = line.text[lead:].rstrip()
    return line.start + lead, line.start + lead + len(content)


def is_bulleted(line: Line) -> bool:
    """True when the line starts with a bullet or a list number."""
    match = BULLET.match(line.text)
    return bool(match and match.end() > len(line.text) - len(line.text.lstrip()))
