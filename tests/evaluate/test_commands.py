"""`trialex evaluate` end to end on synthetic gold, predictions and pages."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from trialex.cli import app

PAGE = "Patients with SLE on rituximab."
SLE = {"label": "CONDITION", "text": "SLE", "start": 14, "end": 17, "canonical": "sle"}
RITUXIMAB = {"label": "DRUG", "text": "rituximab", "start": 21, "end": 30, "canonical": "rituximab"}


def setup(tmp_path: Path, pred_entities: list[dict]) -> dict[str, Path]:
    gold, pages = tmp_path / "gold", tmp_path / "pages"
    gold.mkdir(parents=True)
    pages.mkdir(parents=True)
    (pages / "a.txt").write_text(PAGE, encoding="utf-8")
    record = {"doc_id": "a", "layout": "test", "entities": [SLE, RITUXIMAB]}
    (gold / "a.json").write_text(json.dumps(record), encoding="utf-8")
    (gold / "broken.json").write_text("{", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({**record, "entities": pred_entities}) + "\n", encoding="utf-8")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"span_exact": {"micro": 0.9}}), encoding="utf-8")
    return {"gold": gold, "pages": pages, "pred": pred, "floors": floors}


def run(paths: dict[str, Path], *extra: str):
    args = ["evaluate", "--gold", str(paths["gold"]), "--pred", str(paths["pred"]),
            "--pages", str(paths["pages"]), "--fail-under", str(paths["floors"]), *extra]
    return CliRunner().invoke(app, args)


def test_passes_floors_and_writes_reports(tmp_path: Path):
    paths = setup(tmp_path, [SLE, RITUXIMAB])
    result = run(paths, "--report", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "broken.json" in result.output  # the malformed gold file is reported ...
    metrics = json.loads((tmp_path / "out" / "metrics.json").read_text())
    assert metrics["levels"]["span_exact"]["micro"]["f1"] == 1.0  # ... and the other scored
    assert "DRUG" in (tmp_path / "out" / "report.html").read_text()


def test_exits_1_below_a_floor_and_with_strict_gold(tmp_path: Path):
    paths = setup(tmp_path, [SLE])
    result = run(paths)
    assert result.exit_code == 1
    assert "FAIL-UNDER span_exact micro" in result.output
    good = setup(tmp_path / "strict", [SLE, RITUXIMAB])
    assert run(good).exit_code == 0
    assert run(good, "--strict").exit_code == 1  # broken.json is a gold error


def test_exits_2_on_unusable_inputs(tmp_path: Path):
    paths = setup(tmp_path, [SLE])
    assert run({**paths, "pred": tmp_path / "nope.jsonl"}).exit_code == 2
    paths["floors"].write_text("[1, 2]", encoding="utf-8")
    assert run(paths).exit_code == 2
