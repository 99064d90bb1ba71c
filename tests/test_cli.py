"""The command line end to end on real files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEEDS
from typer.testing import CliRunner

from trialex.cli import app
from trialex.record import Record

runner = CliRunner()


def test_extract_seeds_gives_five_valid_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    records = [Record.model_validate_json(line) for line in out.read_text().splitlines()]
    assert sorted(r.doc_id for r in records) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    page = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for record in records:
        for item in [*record.entities, *record.thresholds]:
            assert page[record.doc_id][item.start : item.end] == item.text
        for person in record.people:
            assert page[record.doc_id][person.start : person.end] == person.name


def test_bad_inputs_become_error_lines_and_exit_code(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text(
        "A Trial\n\nEligibility\nInclusion Criteria:\n- Age 18 to 65 years\n"
    )
    (pages / "empty.txt").write_text("")
    (pages / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (pages / "dir.txt").mkdir()
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(pages), "-o", str(out), "-q"])
    assert result.exit_code == 3
    records = out.read_text().splitlines()
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert len(records) == 1 and len(errors) == 3
    assert {e["error"] for e in errors} == {"empty", "binary", "is_directory"}


def test_sections_command_shows_layout() -> None:
    (page,) = SEEDS.glob("001*.txt")
    result = runner.invoke(app, ["sections", str(page)])
    assert result.exit_code == 0
    assert "registry_mirror" in result.output and "eligibility" in result.output


def test_html_pages_and_dump_text_keep_offsets(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "trial.html").write_text(
        "<html><body><h1>Metformin in Prediabetes</h1><p>NCT Number: NCT09990091</p>"
        "<h2>Eligibility Criteria</h2><h3>Inclusion Criteria</h3><ul><li>Age 40 to 70 years</li>"
        "<li>HbA1c between 5.7% and 6.4%</li></ul><h3>Exclusion Criteria</h3>"
        "<ul><li>Type 1 diabetes</li></ul></body></html>", encoding="utf-8")
    out, dump = tmp_path / "out.jsonl", tmp_path / "text"
    result = runner.invoke(
        app, ["extract", str(pages), "-o", str(out), "--dump-text", str(dump), "-q"]
    )
    assert result.exit_code == 0, result.output
    record = Record.model_validate_json(out.read_text())
    text = (dump / "trial.txt").read_text(encoding="utf-8")
    assert record.nct_id == "NCT09990091" and record.title == "Metformin in Prediabetes"
    assert [c.criterion for c in record.criteria] == ["inclusion", "inclusion", "exclusion"]
    assert record.thresholds and all(text[t.start : t.end] == t.text for t in record.thresholds)
