"""CI gate: the real gold in annotations/ validates against the seed pages with zero errors."""

from __future__ import annotations

from pathlib import Path

from trialex.annotate.validate import errors, validate_gold

REPO = Path(__file__).resolve().parents[2]


def test_annotations_validate_against_seeds() -> None:
    issues = validate_gold(REPO / "annotations", REPO / "seeds")
    assert errors(issues) == [], "\n".join(f"{i.file} {i.item}: {i.reason}" for i in errors(issues))
