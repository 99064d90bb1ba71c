"""Fixtures of the annotate tests: a gold folder and a pages folder with the synthetic page."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.annotate.synthetic import make_gold, write_page

from trialex.annotate.files import write_gold
from trialex.record import GoldRecord


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, GoldRecord]:
    """(gold folder, pages folder, the gold record) for the synthetic page."""
    gold, pages = tmp_path / "gold", tmp_path / "pages"
    record = make_gold()
    write_page(pages)
    write_gold(record, gold)
    return gold, pages, record
