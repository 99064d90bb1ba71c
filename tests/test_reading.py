"""Reading pages: encodings, HTML, and clear errors for what is not a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from trialex.reading import PageError, read_page


def test_utf8_bom_and_crlf_are_kept_as_read(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_bytes("\ufeffTitle\r\nAge ≥ 18\r\n".encode())
    text = read_page(page).text
    assert text == "Title\r\nAge ≥ 18\r\n"


def test_utf16_and_legacy_encodings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Café ≥ 5\n".encode("utf-16"))
    (tmp_path / "b.txt").write_bytes("Crit\xe8res d'inclusion: \xe2ge 18 ans\n".encode("latin-1"))
    assert read_page(tmp_path / "a.txt").text == "Café ≥ 5\n"
    assert "inclusion" in read_page(tmp_path / "b.txt").text


@pytest.mark.parametrize(
    "content, kind",
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_bad_files_raise_page_errors(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(PageError) as info:
        read_page(path)
    assert info.value.kind == kind and str(path) in str(info.value)


def test_directory_and_size_limit(tmp_path: Path) -> None:
    folder = tmp_path / "looks_like_a_page.txt"
    folder.mkdir()
    with pytest.raises(PageError, match="directory"):
        read_page(folder)
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    with pytest.raises(PageError) as info:
        read_page(big, max_bytes=1000)
    assert info.value.kind == "too_large"


def test_html_keeps_block_structure(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text(
        "<html><body><h2>Inclusion Criteria</h2>"
        "<ul><li>Age 18</li><li>BMI 30</li></ul></body></html>"
    )
    lines = [ln.strip() for ln in read_page(path).text.splitlines() if ln.strip()]
    assert lines[0] == "Inclusion Criteria"
    assert lines[1].endswith("Age 18") and lines[2].endswith("BMI 30")
