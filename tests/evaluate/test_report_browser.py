"""report.html as headless Chromium sees it: bars and displaCy spans are in the rendered DOM."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from records_for_tests import ent, record

from trialex.evaluate import score, write_reports

CHROMIUM = Path("/usr/bin/chromium")
PAGE = "Patients with SLE on rituximab.\n\nAge 18 to 65 years.\nContact: Ann Lee."

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)"),
]


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    age = {"variable": "age", "operator": "between", "value": 18, "upper": 65, "unit": "years",
           "text": "Age 18 to 65 years", "start": 33, "end": 51}
    gold = record("a", entities=[ent("CONDITION", 14, 17, "sle"), ent("DRUG", 21, 30, "rituximab")],
                  thresholds=[age],
                  people=[{"name": "Ann Lee", "role": "CONTACT", "start": 61, "end": 68}])
    pred = record("a", entities=[ent("CONDITION", 14, 17, "sle"), ent("DRUG", 21, 27, "ritux"),
                                 ent("CELL_TYPE", 0, 8, "patients")])
    report = score({"a": gold, "b": record("b")}, {"a": pred})
    return write_reports(report, tmp_path_factory.mktemp("report"), {"a": PAGE})["html"]


def test_dom_has_bars_and_spans(report_html: Path):
    result = chromium("--dump-dom", report_html.as_uri())
    dom = result.stdout
    assert "<body" in dom, result.stderr[-2000:]
    assert dom.count('class="bar-row') == 2 * 7 + 9  # two span levels, the record level
    assert 'data-level="record" data-label="PERSON" data-f1="0.000"' in dom
    assert 'data-level="span_exact" data-label="CONDITION" data-f1="1.000"' in dom
    for label in ("CONDITION", "DRUG ~", "CELL_TYPE FP", "THRESHOLD MISS", "PERSON MISS"):
        assert label in dom, label
    assert 'class="gold"' in dom and 'class="pred"' in dom
    assert "The page text was not found" in dom


def test_screenshot_renders(report_html: Path, tmp_path: Path):
    png = tmp_path / "report.png"
    chromium(f"--screenshot={png}", "--window-size=1280,2000", report_html.as_uri())
    assert png.exists() and png.stat().st_size > 20_000
