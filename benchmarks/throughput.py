"""Throughput benchmark: tokenizer alone vs layout alone vs the full pipeline, on the same pages.

    .venv/bin/python benchmarks/throughput.py --pages 600

Each stage runs in its own process so its peak RSS is its own. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def corpus(n: int) -> list[str]:
    sys.path.insert(0, str(HERE))
    from pagegen import generate

    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    return seeds + list(generate(max(n - len(seeds), 0)))


def run_stage(stage: str, n: int, workers: int) -> dict:
    """Inside a child process: time one stage over the corpus."""
    texts = corpus(n)
    started = time.perf_counter()
    if stage == "tokenizer":
        import spacy

        nlp = spacy.blank("en")
        loaded = time.perf_counter()
        for _ in nlp.tokenizer.pipe(texts, batch_size=32):
            pass
    elif stage == "layout":
        from trialex.layout import analyze

        loaded = time.perf_counter()
        for text in texts:
            analyze(text)
    else:
        from trialex.extract import record_from_doc
        from trialex.pipeline.build import load_nlp

        nlp = load_nlp()
        loaded = time.perf_counter()
        for i, doc in enumerate(nlp.pipe(texts, batch_size=16, n_process=workers)):
            record_from_doc(doc, str(i))
    done = time.perf_counter()
    words = sum(len(t.split()) for t in texts)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if workers > 1:
        rss += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"stage": stage, "pages": len(texts), "words": words, "load_s": loaded - started,
            "run_s": done - loaded, "workers": workers, "peak_rss_mb": rss / 1024}


def child(stage: str, n: int, workers: int) -> dict:
    code = (f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import throughput; "
            f"print(json.dumps(throughput.run_stage({stage!r}, {n}, {workers})))")
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-W", "ignore", "-c", "import trialex; trialex.load()"], check=True, cwd=REPO)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()
    rows = [child("tokenizer", args.pages, 1), child("layout", args.pages, 1)]
    rows += [child("full", args.pages, w) for w in args.workers]
    base = rows[0]["pages"] / rows[0]["run_s"]
    print(f"machine: {os.cpu_count()} cores; {rows[0]['pages']} pages, {rows[0]['words']} words; "
          f"cold start (import + load) {cold_start():.2f} s\n")
    print("| stage | workers | pages/s | words/s | full ÷ tokenizer time | load s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        rate = r["pages"] / r["run_s"]
        print(f"| {r['stage']} | {r['workers']} | {rate:,.1f} | {r['words'] / r['run_s']:,.0f} | "
              f"{base / rate:,.1f}× | {r['load_s']:.2f} | {r['peak_rss_mb']:,.0f} |")


if __name__ == "__main__":
    main()
