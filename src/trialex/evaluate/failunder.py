"""Minimum figures for CI: a checked-in JSON of F1 floors per level and label.

The file maps a level to labels and minimum figures; keys starting with `_` are comments:

```json
{"_comment": "why these floors",
 "span_exact": {"micro": 0.6, "CONDITION": 0.7},
 "record": {"THRESHOLD_LENIENT": 0.5, "macro": 0.5},
 "nct_id": {"accuracy": 1.0}}
```

Levels are `span_exact`, `span_overlap`, `record` (labels: any scored label, `micro`,
`macro`; the figure is F1) and `nct_id` (label `accuracy`). A figure that is `None` (nothing to
score) or a level or label the report does not have is a violation too: a floor in the file
says the figure must exist.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from trialex.evaluate.results import Report

TOLERANCE = 1e-9


class Violation(BaseModel):
    """A figure below its floor (or missing)."""

    model_config = ConfigDict(extra="forbid")

    level: str
    label: str
    minimum: float
    actual: float | None
    reason: str

    def __str__(self) -> str:
        return f"{self.level} {self.label}: {self.reason}"


def read_fail_under(path: str | Path) -> dict[str, dict[str, float]]:
    """Read a floors file, dropping `_comment` keys; raise `ValueError` on a malformed one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read fail-under file: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected an object of levels")
    floors: dict[str, dict[str, float]] = {}
    for level, labels in data.items():
        if level.startswith("_"):
            continue
        if not isinstance(labels, dict):
            raise ValueError(f"{path}: level {level!r} must map labels to numbers")
        for label, minimum in labels.items():
            if label.startswith("_"):
                continue
            if isinstance(minimum, bool) or not isinstance(minimum, int | float):
                raise ValueError(f"{path}: {level}.{label} must be a number, not {minimum!r}")
            floors.setdefault(level, {})[label] = float(minimum)
    return floors


def _actual(report: Report, level: str, label: str) -> tuple[bool, float | None]:
    """(whether the report has this figure at all, its value)."""
    if level == "nct_id":
        return label == "accuracy", report.nct_id.accuracy
    scores = report.levels.get(level)
    known = scores is not None and (label in ("micro", "macro") or label in scores.labels)
    return known, report.figure(level, label) if known else None


def check_fail_under(
    report: Report, floors: Mapping[str, Mapping[str, float]] | str | Path
) -> list[Violation]:
    """Every figure of `report` below its floor in `floors` (a mapping or a floors file)."""
    if isinstance(floors, str | Path):
        floors = read_fail_under(floors)
    violations = []
    for level, labels in floors.items():
        for label, minimum in labels.items():
            known, actual = _actual(report, level, label)
            if not known:
                reason = "no such figure in the report"
            elif actual is None:
                reason = f"nothing to score (floor {minimum:.3f})"
            elif actual < minimum - TOLERANCE:
                reason = f"{actual:.3f} is below the floor {minimum:.3f}"
            else:
                continue
            violations.append(Violation(level=level, label=label, minimum=minimum,
                                        actual=actual, reason=reason))
    return violations


__all__ = ["Violation", "check_fail_under", "read_fail_under"]
