"""Malformed gold files and prediction lines are reported; everything else is still scored."""

from __future__ import annotations

import json
from pathlib import Path

from trialex.evaluate import load_gold_dir, load_pages, load_pred_jsonl, score

PAGE = "Patients with SLE aged 18 to 65 years. Contact: Ann Lee."


def gold(doc_id: str, **fields: object) -> dict[str, object]:
    return {"doc_id": doc_id, "layout": "test", **fields}


SLE = {"label": "CONDITION", "text": "SLE", "start": 14, "end": 17,
       "canonical": "systemic lupus erythematosus"}


def write(directory: Path, name: str, content: object) -> None:
    text = content if isinstance(content, str) else json.dumps(content)
    (directory / name).write_text(text, encoding="utf-8")


def test_malformed_gold_files_are_reported_and_the_rest_scored(tmp_path: Path):
    write(tmp_path, "good.json", gold("good", entities=[SLE]))
    write(tmp_path, "badjson.json", "{not json")
    write(tmp_path, "badlabel.json", gold("badlabel", entities=[{**SLE, "label": "DISEASE"}]))
    write(tmp_path, "badoffsets.json", gold("badoffsets", entities=[{**SLE, "start": 13}]))
    write(tmp_path, "dupes.json", gold("dupes", entities=[SLE, SLE]))
    write(tmp_path, "GUIDELINES.md", "not a gold file")
    pages = {name: PAGE for name in ("good", "badlabel", "badoffsets", "dupes")}
    records, issues = load_gold_dir(tmp_path, pages)

    assert sorted(records) == ["good"]
    by_file = {Path(i.file).stem: i for i in issues}
    assert set(by_file) == {"badjson", "badlabel", "badoffsets", "dupes"}
    assert "unreadable JSON" in by_file["badjson"].reason
    assert by_file["badlabel"].item == "entities[0].label"
    assert "unknown label 'DISEASE'" in by_file["badlabel"].reason
    assert by_file["badoffsets"].item == "entities[0]"
    assert "' SLE'" in by_file["badoffsets"].reason or "page[13:17]" in by_file["badoffsets"].reason
    assert by_file["dupes"].item == "entities[1]" and "duplicate" in by_file["dupes"].reason
    assert all(i.severity == "error" for i in issues)

    report = score(records, records, issues=issues)
    assert report.figure("span_exact", "CONDITION") == 1.0
    assert len(report.issues) == 4


def test_offsets_are_not_checked_without_the_page(tmp_path: Path):
    write(tmp_path, "a.json", gold("a", entities=[{**SLE, "start": 13}]))
    records, issues = load_gold_dir(tmp_path)
    assert list(records) == ["a"] and issues == []


def test_offsets_past_page_end_and_warnings(tmp_path: Path):
    crossing = {**SLE, "text": "with SLE", "start": 9, "end": 17}
    inner = {**SLE, "text": "SLE aged", "start": 14, "end": 22, "canonical": "y"}
    person = {"name": "Ann  Lee", "role": "CONTACT", "start": 48, "end": 55}
    write(tmp_path, "a.json", gold("a", entities=[crossing, inner], people=[person]))
    write(tmp_path, "b.json", gold("b", entities=[{**SLE, "start": 100, "end": 103}]))
    write(tmp_path, "c.json", gold("other_id"))
    records, issues = load_gold_dir(tmp_path, {"a": PAGE, "b": PAGE})
    assert sorted(records) == ["a", "other_id"]
    reasons = {(Path(i.file).stem, i.item, i.severity): i.reason for i in issues}
    assert "crosses" in reasons[("a", "entities[1]", "warning")]
    assert "past the page end" in reasons[("b", "entities[0]", "error")]
    assert "not the file stem" in reasons[("c", "doc_id", "warning")]
    assert not any(key[:2] == ("a", "people[0]") for key in reasons)  # whitespace-blind name


def test_missing_gold_directory(tmp_path: Path):
    records, issues = load_gold_dir(tmp_path / "nope")
    assert records == {} and issues[0].reason == "not a directory"


def test_bad_prediction_lines_are_reported_by_number(tmp_path: Path):
    good = json.dumps(gold("a", entities=[SLE]))
    lines = [
        good,
        "",
        "{broken",
        json.dumps(gold("b", thresholds=[{"kind": "age", "variable": "age", "operator": "between",
                                          "value": 1, "text": "x", "start": 0, "end": 1}])),
        json.dumps({"file": "seeds/c.txt", "error": "empty", "message": "is empty"}),
        good,
    ]
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, issues = load_pred_jsonl(path)
    assert list(records) == ["a"]
    items = [(i.item, i.severity) for i in issues]
    assert items[0] == ("line 3", "error")
    assert items[1][0].startswith("line 4: thresholds[0]")
    assert items[2] == ("line 5", "warning") and "empty" in issues[2].reason
    assert items[3] == ("line 6", "error") and "repeated" in issues[3].reason


def test_load_pages(tmp_path: Path):
    write(tmp_path, "a.txt", "page a\r\nline two")
    assert load_pages(tmp_path, ["a", "zz"]) == {"a": "page a\r\nline two"}
    assert load_pages(tmp_path) == {"a": "page a\r\nline two"}
    assert load_pages(tmp_path / "none", ["a"]) == {}
