"""Batch runs: every input accounted for, resumable after a kill, same output as one run."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SEEDS

from trialex.batch import completed, run_batch


def _corpus(tmp_path: Path, copies: int) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        for i in range(copies):
            shutil.copy(seed, pages / f"{seed.stem}_{i:03d}.txt")
    return pages


def test_records_and_errors_add_up(tmp_path: Path, nlp) -> None:
    pages = _corpus(tmp_path, 1)
    (pages / "bad_utf8.txt").write_bytes(b"Title\n\xff\xfe\x00\x00garbage\x00")
    (pages / "nested").mkdir()
    (pages / "nested" / "empty.txt").write_text("")
    out, err = io.StringIO(), io.StringIO()
    summary = run_batch([pages], nlp, out, err)
    inputs = [p for p in pages.rglob("*.txt")]
    assert summary.records + summary.errors == len(inputs) == 7
    assert len(out.getvalue().splitlines()) == 5
    kinds = {json.loads(line)["error"] for line in err.getvalue().splitlines()}
    assert kinds == {"binary", "empty"}


def test_torn_last_line_is_cut_and_redone(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"doc_id": "a"}\n{"doc_id": "b"}\n{"doc_id": "c", "lay')
    done, _ = completed(out, None)
    assert done == {"a", "b"}
    assert out.read_text() == '{"doc_id": "a"}\n{"doc_id": "b"}\n'


def _run(args: list[str], **kwargs) -> subprocess.Popen:
    cli = Path(sys.executable).with_name("trialex")
    return subprocess.Popen([str(cli), "extract", *args, "-q"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, **kwargs)


def test_killed_run_resumed_equals_uninterrupted_run(tmp_path: Path) -> None:
    pages = _corpus(tmp_path, 12)
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert _run([str(pages), "-o", str(full), "--workers", "1", "--batch-size", "1"]).wait() == 0
    proc = _run([str(pages), "-o", str(part), "--workers", "1", "--batch-size", "1"],
                start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not part.exists() or part.read_text().count("\n") < 5):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = part.read_text().count("\n")
    assert 5 <= partial < 60
    with part.open("a") as handle:  # a write cut in half by the kill
        handle.write('{"doc_id": "000_b6960016c7654c9a_011", "layo')
    assert _run([str(pages), "-o", str(part), "--resume"]).wait() == 0
    by_id = lambda p: sorted(p.read_text().splitlines(), key=lambda s: json.loads(s)["doc_id"])  # noqa: E731
    assert by_id(part) == by_id(full)
    assert len(by_id(full)) == 60
