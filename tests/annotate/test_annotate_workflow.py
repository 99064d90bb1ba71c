"""draft, diff and agree as library calls, on the synthetic page and the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from tests.annotate.synthetic import PAGE, make_gold, write_page

from trialex.annotate.agree import agree
from trialex.annotate.diff import diff, print_diff, write_diff_html
from trialex.annotate.draft import draft_pages
from trialex.annotate.files import write_gold
from trialex.annotate.validate import errors, validate_gold
from trialex.record import GoldRecord


@pytest.fixture(scope="module")
def nlp():
    from trialex.pipeline.build import load_nlp

    return load_nlp()


def test_draft_writes_drafts_that_validate_and_never_overwrites(tmp_path: Path, nlp) -> None:
    pages = tmp_path / "pages"
    write_page(pages)
    summary = draft_pages([pages], tmp_path / "gold", nlp)
    (path,) = summary.written
    record = GoldRecord.model_validate_json(path.read_text("utf-8"))
    assert record.draft is True and record.doc_id == "syn_001"
    issues = validate_gold(tmp_path / "gold", pages)
    assert errors(issues) == [] and [i.item for i in issues] == ["draft"]

    write_gold(make_gold(), tmp_path / "gold", force=True)  # a person's corrections
    summary = draft_pages([pages / "syn_001.txt"], tmp_path / "gold", nlp)
    assert summary.kept == [path] and not summary.written
    assert GoldRecord.model_validate_json(path.read_text("utf-8")) == make_gold()
    summary = draft_pages([pages], tmp_path / "gold", nlp, force=True)
    assert summary.written == [path]


def test_draft_reports_unreadable_pages(tmp_path: Path, nlp) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    summary = draft_pages([tmp_path / "empty.txt"], tmp_path / "gold", nlp)
    assert summary.failed and "empty" in summary.failed[0][1]


def _pred(tmp_path: Path) -> Path:
    record = make_gold()
    cut = record.entities[2]  # "systemic lupus erythematosus" -> "systemic lupus"
    cut = cut.model_copy(update={"end": cut.start + 14, "text": PAGE[cut.start : cut.start + 14]})
    entities = [record.entities[1], cut, *record.entities[3:]]  # Ustekinumab missed
    pred = record.model_copy(update={"entities": entities, "people": [], "draft": True})
    write_gold(pred, tmp_path / "pred")
    return tmp_path / "pred"


def test_diff_lists_misses_false_positives_and_writes_html(tmp_path: Path, corpus) -> None:
    gold, pages, _ = corpus
    report, texts = diff(gold, _pred(tmp_path), pages)
    (doc,) = report.documents
    outcomes = {(m.side, m.outcome, m.text) for m in doc.marks}
    assert ("gold", "miss", "Ustekinumab") in outcomes
    assert ("gold", "miss", "José Müller-Lüdenscheidt") in outcomes
    assert ("pred", "overlap", "systemic lupus") in outcomes
    console = Console(record=True, width=200)
    assert print_diff(report, texts, console) == 1
    shown = console.export_text()
    assert "MISS" in shown and "Ustekinumab" in shown and "~ pred" in shown
    html = write_diff_html(report, texts, tmp_path / "diff.html").read_text("utf-8")
    assert "DRUG MISS" in html and 'class="side"' in html


def test_diff_reads_a_jsonl_of_predictions(tmp_path: Path, corpus) -> None:
    gold, pages, record = corpus
    jsonl = tmp_path / "pred.jsonl"
    jsonl.write_text(record.model_dump_json(exclude={"draft", "notes"}) + "\n", encoding="utf-8")
    report, _ = diff(gold, jsonl, pages)
    assert report.levels["span_exact"].micro.f1 == 1.0


def test_agree_is_symmetric_f1_on_shared_documents(tmp_path: Path, corpus) -> None:
    gold, pages, _ = corpus
    other = _pred(tmp_path)
    write_gold(make_gold(doc_id="only_a"), gold)
    ab, ba = agree(gold, other, pages), agree(other, gold, pages)
    assert ab.only_a == ["only_a"] and ba.only_b == ["only_a"]
    assert [d.doc_id for d in ab.report.documents] == ["syn_001"]
    for label, counts in ab.report.levels["span_exact"].labels.items():
        mirror = ba.report.levels["span_exact"].labels[label]
        assert counts.f1 == mirror.f1 and counts.precision == mirror.recall
    assert ab.report.levels["span_exact"].labels["PERSON"].f1 == 0.0
