"""`trialex annotate ...` end to end through the real CLI app: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trialex.cli import app

runner = CliRunner()


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, ["annotate", *map(str, args)], env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_validate_exit_codes(corpus) -> None:
    gold, pages, _ = corpus
    assert run("validate", gold, "--pages", pages) == (0, "1 gold files: 0 errors, 0 warnings\n")
    data = json.loads((gold / "syn_001.json").read_text("utf-8"))
    data["draft"] = True
    data["entities"][0]["start"] += 1
    (gold / "syn_001.json").write_text(json.dumps(data), encoding="utf-8")
    code, out = run("validate", gold, "--pages", pages)
    assert code == 1 and "entities[0]" in out and "draft" in out and "1 errors, 1 warnings" in out
    code, out = run("validate", gold, "--pages", pages, "--no-drafts")
    assert code == 1 and "2 errors, 0 warnings" in out
    assert run("validate", gold / "missing")[0] == 2


def test_draft_then_validate(tmp_path: Path, corpus) -> None:
    _, pages, _ = corpus
    code, out = run("draft", pages, "-o", tmp_path / "drafts")
    assert code == 0 and "1 drafts, 0 kept" in out
    code, out = run("draft", pages, "-o", tmp_path / "drafts")
    assert code == 0 and "0 drafts, 1 kept" in out
    code, out = run("validate", tmp_path / "drafts", "--pages", pages)
    assert code == 0 and "0 errors, 1 warnings" in out


@pytest.mark.parametrize(
    ("fmt", "name"), [("prodigy", "t.jsonl"), ("labelstudio", "t.json"), ("brat", "brat")]
)
def test_export_import_round_trip(tmp_path: Path, corpus, fmt: str, name: str) -> None:
    gold, pages, _ = corpus
    code, out = run("export", gold, "--format", fmt, "--pages", pages, "-o", tmp_path / name)
    assert code == 0, out
    code, out = run("import", tmp_path / name, "--format", fmt, "-o", tmp_path / "back")
    assert code == 0 and "1 gold files written" in out
    back = (tmp_path / "back" / "syn_001.json").read_bytes()
    assert back == (gold / "syn_001.json").read_bytes()
    code, out = run("import", tmp_path / name, "--format", fmt, "-o", tmp_path / "back")
    assert "0 gold files written, 1 kept" in out


def test_diff_and_agree(tmp_path: Path, corpus) -> None:
    gold, pages, _ = corpus
    code, out = run("diff", gold, gold, "--pages", pages, "--html", tmp_path / "d.html")
    assert code == 0 and "0 of 1 documents differ" in out and (tmp_path / "d.html").is_file()
    code, out = run("agree", gold, gold, "--pages", pages)
    assert code == 0 and "1 documents compared" in out and "symmetric" in out
