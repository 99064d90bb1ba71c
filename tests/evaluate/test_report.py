"""Report writers: metrics.json, report.md, report.html (without a browser) and the terminal."""

from __future__ import annotations

import json
from pathlib import Path

from records_for_tests import ent, record
from rich.console import Console

from trialex.evaluate import Report, check_fail_under, print_report, score, write_reports
from trialex.evaluate.html import page_tokens, render_page

PAGE = "Patients with SLE on rituximab.\n\nContact: Ann Lee."


def small_report() -> Report:
    gold = record("a", entities=[ent("CONDITION", 14, 17, "systemic lupus erythematosus"),
                                 ent("DRUG", 21, 30, "rituximab")],
                  people=[{"name": "Ann Lee", "role": "CONTACT", "start": 42, "end": 49}])
    pred = record("a", entities=[ent("CONDITION", 14, 17, "systemic lupus erythematosus"),
                                 ent("DRUG", 21, 27, "ritux"), ent("DRUG", 0, 8, "patients")])
    return score({"a": gold, "b": record("b")}, {"a": pred, "z": record("z")})


def test_write_reports(tmp_path: Path):
    report = small_report()
    violations = check_fail_under(report, {"span_exact": {"DRUG": 0.5}})
    paths = write_reports(report, tmp_path / "out", {"a": PAGE}, violations)
    assert sorted(p.name for p in paths.values()) == ["metrics.json", "report.html", "report.md"]

    metrics = json.loads(paths["metrics"].read_text())
    assert metrics["levels"]["span_exact"]["labels"]["DRUG"] == {
        "tp": 0, "fp": 2, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert metrics["fail_under_violations"][0]["label"] == "DRUG"
    assert "marks" not in metrics["documents"][0]
    assert Report.model_validate(metrics).figure("span_exact", "DRUG") == 0.0

    md = paths["markdown"].read_text()
    assert "| DRUG | 0.000 | 0.000 | 0.000 | 0 | 2 | 1 |" in md
    assert "Predictions without gold (not scored): z" in md
    assert "span_exact DRUG: 0.000 is below the floor 0.500" in md

    page = paths["html"].read_text()
    assert page.count('class="bar') >= 3 * 7
    assert 'data-level="span_exact" data-label="DRUG" data-f1="0.000"' in page
    assert "DRUG FP" in page and "DRUG ~" in page and "PERSON MISS" in page
    assert "The page text was not found" in page  # document b has no page
    assert "http" not in page.replace("http-equiv", "")  # no external assets


def test_render_page_keeps_line_breaks_and_counts_outside_spans():
    report = small_report()
    marks = [m for m in report.documents[0].marks if m.side == "gold"]
    markup, outside = render_page(PAGE, marks)
    assert outside == 0 and "<br>" in markup and "CONDITION" in markup
    far = marks[0].model_copy(update={"start": 500, "end": 510})
    assert render_page(PAGE, [far])[1] == 1


def test_print_report_shows_tables_issues_and_violations():
    report = small_report()
    console = Console(record=True, width=120)
    violations = check_fail_under(report, {"record": {"PERSON": 1.0}})
    print_report(report, console, violations)
    text = console.export_text()
    assert "Spans, exact offsets" in text and "THRESHOLD_LENIENT" in text
    assert "NCT id accuracy: 1.000 (2/2 documents)" in text
    assert "FAIL-UNDER record PERSON" in text


def test_page_tokens_split_at_span_boundaries():
    text = "Diagnosis of SLE(Systemic lupus)\n\n  x"
    pieces = [text[a:b] for a, b in page_tokens(text, [13, 16, 17, 31])]
    assert pieces == ["Diagnosis", "of", "SLE", "(", "Systemic", "lupus", ")", "\n\n  ", "x"]
