"""Bytes → page text: robust decoding, HTML to text, and clear errors for what is not a page."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PAGE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES  # in order of preference for one doc_id
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class PageError(Exception):
    """A file that cannot be read as a page; `kind` is a short machine-readable reason."""

    def __init__(self, path: str | Path, kind: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class Page:
    """One page as read: its id (file stem), text, where it came from and how it was decoded."""

    doc_id: str
    text: str
    path: str
    encoding: str
    converted_from_html: bool = False


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode page bytes to text (BOM, UTF-8, then a detected legacy encoding); line ends kept."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data[:65536]:
        raise PageError(path, "binary", "contains NUL bytes: not a text page")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text, encoding = data.decode("latin-1"), "latin-1"
    if _control_ratio(text) > 0.05:
        raise PageError(path, "binary", "mostly control characters: not a text page")
    return text, encoding


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(sample)


def looks_like_html(text: str) -> bool:
    """True when a text starts like an HTML document."""
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def html_to_text(html: str) -> str:
    """Render HTML to text keeping block structure (headings, list items on their own lines)."""
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    return get_text(html, ParserConfig(css=CSS_PROFILES["strict"], display_links=False))


def read_page(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Page:
    """Read one page file; raise `PageError` naming the file and the problem."""
    path = Path(path)
    if path.is_dir():
        raise PageError(path, "is_directory", "is a directory, not a page file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PageError(path, "too_large", f"{size} bytes is over the {max_bytes}-byte limit")
        data = path.read_bytes()
    except PageError:
        raise
    except OSError as exc:
        raise PageError(path, "unreadable", exc.strerror or str(exc)) from exc
    if not data.strip():
        raise PageError(path, "empty", "is empty")
    text, encoding = decode_bytes(data, path)
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and looks_like_html(text)
    )
    if is_html:
        text = html_to_text(text)
    if not text.strip():
        raise PageError(path, "empty", "has no text")
    return Page(path.stem, text, str(path), encoding, is_html)


def iter_page_paths(
    inputs: list[str | Path], suffixes: tuple[str, ...] = PAGE_SUFFIXES
) -> Iterator[Path]:
    """Every page file under the inputs: files as given, directories searched recursively, sorted.

    Inside a directory only files with one of `suffixes` count, and hidden files are skipped.
    """
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            yield from sorted(
                p
                for p in item.rglob("*")
                if p.suffix.lower() in suffixes and not p.name.startswith(".")
            )
        else:
            yield item
