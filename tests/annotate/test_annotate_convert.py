"""Export then import gives the same gold, offsets included, for every format."""

from __future__ import annotations

import json
import xml.dom.minidom
from pathlib import Path

import pytest
from tests.annotate.synthetic import PAGE, make_gold, span, write_page

from trialex.annotate.convert import FORMATS, export_gold, import_gold, read_format
from trialex.annotate.convert.brat import fragments, to_ann
from trialex.annotate.convert.labelstudio import from_task, label_config, to_task
from trialex.annotate.files import gold_json, write_gold
from trialex.evaluate.loading import load_gold_dir
from trialex.record import GoldRecord

REPO = Path(__file__).resolve().parents[2]
OUT = {"prodigy": "tasks.jsonl", "labelstudio": "tasks.json", "brat": "brat"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("draft", [False, True])
def test_round_trip_crlf_non_ascii(tmp_path: Path, corpus, fmt: str, draft: bool) -> None:
    gold, pages, record = corpus
    if draft:
        record = record.model_copy(update={"draft": True})
        write_gold(record, gold, force=True)
    paths, issues = export_gold(fmt, gold, pages, tmp_path / OUT[fmt])
    assert issues == [] and paths
    summary = import_gold(fmt, tmp_path / OUT[fmt], tmp_path / "back")
    assert summary.issues == []
    back = GoldRecord.model_validate_json((tmp_path / "back" / "syn_001.json").read_text("utf-8"))
    assert back == record
    for item in [*back.entities, *back.thresholds]:
        assert PAGE[item.start : item.end] == item.text
    assert gold_json(back) == (gold / "syn_001.json").read_text("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_real_gold(tmp_path: Path, fmt: str) -> None:
    expected, _ = load_gold_dir(REPO / "annotations")
    export_gold(fmt, REPO / "annotations", REPO / "seeds", tmp_path / OUT[fmt])
    records, issues = read_format(fmt, tmp_path / OUT[fmt])
    assert issues == []
    assert {r.doc_id: r for r in records} == expected


def test_brat_keeps_crlf_and_cuts_spans_at_line_breaks(tmp_path: Path, corpus) -> None:
    gold, pages, record = corpus
    export_gold("brat", gold, pages, tmp_path / "brat")
    with open(tmp_path / "brat" / "syn_001.txt", encoding="utf-8", newline="") as handle:
        assert handle.read() == PAGE
    ann = (tmp_path / "brat" / "syn_001.ann").read_text("utf-8")
    start, end = span(PAGE, "Minimum Eligible Age\r\n\r\n18 Years")
    assert (
        f"T8\tTHRESHOLD {start} {start + 20};{end - 8} {end}\tMinimum Eligible Age 18 Years" in ann
    )
    assert "A5\tOperator T8 ge\n#8\tAnnotatorNotes T8\tvariable=age; value=18; unit=years\n" in ann
    assert (
        "A8\tRole T10 STUDY_CHAIR\n#10\tAnnotatorNotes T10\tdegree=MD; affiliation=Ærø Hospital\n"
        in ann
    )
    assert all(line.count("\t") in (1, 2) for line in ann.splitlines())
    assert (tmp_path / "brat" / "annotation.conf").read_text().startswith("[entities]")
    assert fragments("ab\r\ncd", 0, 6) == [(0, 2), (4, 6)]


def test_brat_note_values_with_separators_survive(corpus) -> None:
    _, _, record = corpus
    ann = to_ann(record, PAGE)
    assert "attributes.note=a\\; b=c \\\\ d" in ann


def test_brat_import_of_hand_written_ann(tmp_path: Path) -> None:
    page = "Patients with lupus nephritis.\n"
    write_page(tmp_path, page, "doc")
    s, e = span(page, "lupus nephritis")
    (tmp_path / "doc.ann").write_text(f"T1\tCONDITION {s} {e}\tlupus nephritis\n", encoding="utf-8")
    (record,), issues = read_format("brat", tmp_path)
    assert issues == []
    assert record.doc_id == "doc" and record.entities[0].canonical == "lupus nephritis"
    assert record.entities[0].text == "lupus nephritis"


def test_prodigy_accept_reject_and_extra_keys(tmp_path: Path, corpus) -> None:
    _, _, record = corpus
    from trialex.annotate.convert.prodigy import to_task as prodigy_task

    task = prodigy_task(record.model_copy(update={"draft": True}), PAGE)
    task["spans"][0] |= {"token_start": 0, "token_end": 0}
    accepted = {**task, "answer": "accept", "_input_hash": 1}
    rejected = {**task, "answer": "reject", "meta": {**task["meta"], "doc_id": "other"}}
    path = tmp_path / "db.jsonl"
    path.write_text("\n".join(json.dumps(t) for t in (accepted, rejected)) + "\n", encoding="utf-8")
    records, issues = read_format("prodigy", path)
    assert [r.doc_id for r in records] == ["syn_001"]
    assert records[0] == record  # accepted: no longer a draft
    assert [i.reason for i in issues] == ["answer 'reject': skipped"]


def test_labelstudio_reads_the_latest_submitted_annotation(corpus) -> None:
    _, _, record = corpus
    task = to_task(record.model_copy(update={"draft": True}), PAGE)
    assert "predictions" in task and "annotations" not in task
    corrected = [r for r in task["predictions"][0]["result"] if r["id"] != "r1"]  # drop Ustekinumab
    task["annotations"] = [
        {"result": [], "was_cancelled": True, "updated_at": "2030-01-01T00:00:00Z"},
        {"result": corrected, "updated_at": "2024-05-01T10:00:00Z"},
        {"result": [], "updated_at": "2024-01-01T10:00:00Z"},
    ]
    back, issues = from_task(task, "tasks.json", "task 0")
    assert issues == []
    assert back == record.model_copy(update={"entities": record.entities[1:]})
    assert back.draft is False


def test_labelstudio_moves_offsets_counted_in_utf16(corpus) -> None:
    _, _, record = corpus
    task = to_task(record, PAGE)
    for result in task["annotations"][0]["result"]:  # the emoji is two UTF-16 units
        if result["value"]["start"] > PAGE.index("😀"):
            result["value"]["start"] += 1
            result["value"]["end"] += 1
    back, issues = from_task(task, "tasks.json", "task 0")
    assert back == record
    assert issues and all(i.severity == "warning" and "moved" in i.reason for i in issues)


def test_labelstudio_region_text_not_on_page_is_an_error(corpus) -> None:
    _, _, record = corpus
    task = to_task(record, PAGE)
    task["annotations"][0]["result"][0]["value"]["text"] = "Infliximab"
    back, issues = from_task(task, "tasks.json", "task 0")
    assert back is None and issues[0].severity == "error" and "Infliximab" in issues[0].reason


def test_labelstudio_config_declares_every_control(corpus) -> None:
    _, _, record = corpus
    config = label_config()
    root = xml.dom.minidom.parseString(config).documentElement  # well-formed XML
    operators = [c.getAttribute("value") for c in root.getElementsByTagName("Choice")]
    assert "<=" in operators and "between" in operators
    names = {r["from_name"] for r in to_task(record, PAGE)["annotations"][0]["result"]}
    assert all(f'name="{name}"' in config for name in names)


def test_import_keeps_existing_gold_unless_forced(tmp_path: Path, corpus) -> None:
    gold, pages, _ = corpus
    export_gold("prodigy", gold, pages, tmp_path / "t.jsonl")
    before = (gold / "syn_001.json").read_text("utf-8")
    (gold / "syn_001.json").write_text(before.replace('"draft": false', '"draft": true'))
    summary = import_gold("prodigy", tmp_path / "t.jsonl", gold)
    assert summary.kept == [gold / "syn_001.json"] and not summary.written
    summary = import_gold("prodigy", tmp_path / "t.jsonl", gold, force=True)
    assert summary.written and (gold / "syn_001.json").read_text("utf-8") == before


def test_export_reports_gold_without_page(tmp_path: Path) -> None:
    write_gold(make_gold(), tmp_path / "gold")
    paths, issues = export_gold(
        "prodigy", tmp_path / "gold", tmp_path / "nopages", tmp_path / "t.jsonl"
    )
    assert [i.severity for i in issues] == ["error"] and "not exported" in issues[0].reason
    assert (tmp_path / "t.jsonl").read_text() == ""


def test_gold_json_matches_the_hand_written_files() -> None:
    for path in sorted((REPO / "annotations").glob("*.json")):
        text = path.read_text("utf-8")
        assert gold_json(GoldRecord.model_validate_json(text)) == text
