"""Run the trialex pipeline on a benchmark and score it: `run_bench(name, bench_dir, limit, nlp)`.

Predictions are restricted to what the benchmark labels (`SCORED`): a corpus with no threshold
gold does not count the pipeline's thresholds as false positives. Items inside a document's
`ignore` regions are dropped from both gold and prediction before scoring. An adapter may define
`normalise_pred(record, bench_dir) -> Record` (CTP maps variables onto its own names).
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trialex.evaluate import MatchOptions, Report, score
from trialex.evaluate.bench import BenchDoc, in_regions, loader
from trialex.record import Record

# the labels each benchmark has gold for (span labels; record level adds THRESHOLD_LENIENT)
SCORED: dict[str, tuple[str, ...]] = {
    "lct": ("CONDITION", "DRUG", "THRESHOLD"),
    "chia": ("CONDITION", "DRUG"),
    "neurotrialner": ("CONDITION", "DRUG"),
    "ctp": ("THRESHOLD",),
    "aact": ("PERSON", "THRESHOLD"),
}


@dataclass
class BenchRun:
    """A scored benchmark run: the report, how many documents, and how long it took."""

    name: str
    report: Report
    n_docs: int
    seconds: float
    labels: tuple[str, ...]
    extras: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (correct, total)
    pages: dict[str, str] = field(default_factory=dict)  # doc_id -> text, for the HTML report


def criterion_agreement(docs: Sequence[BenchDoc], pred: dict[str, Record]) -> tuple[int, int]:
    """(correct, total) over gold entities and thresholds that have a criterion polarity.

    The predicted polarity of a gold item is that of the predicted criterion span containing its
    start; none counts as wrong. This measures the inclusion/exclusion split on its own, whether
    or not the item itself was extracted.
    """
    correct = total = 0
    for doc in docs:
        record = pred.get(doc.doc_id)
        spans = record.criteria if record else []
        for item in [*doc.gold.entities, *doc.gold.thresholds]:
            if item.criterion is None or in_regions(item.start, item.end, doc.ignore):
                continue
            total += 1
            found = [c.criterion for c in spans if c.start <= item.start < c.end]
            correct += bool(found) and found[0] == item.criterion
    return correct, total


def predict(nlp: Any, docs: Sequence[BenchDoc], batch_size: int = 16) -> dict[str, Record]:
    """Run the pipeline on every text: the one place that calls trialex's extractor."""
    from trialex.extract import record_from_doc

    texts: Iterable[str] = (doc.text for doc in docs)
    return {
        bench.doc_id: record_from_doc(spacy_doc, bench.doc_id)
        for bench, spacy_doc in zip(docs, nlp.pipe(texts, batch_size=batch_size), strict=True)
    }


def restrict(record: Record, labels: Sequence[str], ignore: list[tuple[int, int]]) -> Record:
    """Keep only the scored labels, and drop items that overlap an ignore region."""

    def keep(item: Any) -> bool:
        return not in_regions(item.start, item.end, ignore)

    return record.model_copy(
        update={
            "entities": [e for e in record.entities if e.label in labels and keep(e)],
            "thresholds": [t for t in record.thresholds if "THRESHOLD" in labels and keep(t)],
            "people": [p for p in record.people if "PERSON" in labels and keep(p)],
            "related_trials": [],
            "nct_id": record.nct_id if "PERSON" in labels else None,
        }
    )


def score_bench(
    name: str,
    docs: Sequence[BenchDoc],
    pred: dict[str, Record],
    bench_dir: Path,
    options: MatchOptions | None = None,
) -> Report:
    """Score predictions against the benchmark gold (restricted and normalised per benchmark)."""
    labels = SCORED[name]
    module = importlib.import_module(f"trialex.evaluate.bench.{name}")
    normalise = getattr(module, "normalise_pred", None)
    gold: dict[str, Record] = {}
    scored: dict[str, Record] = {}
    for doc in docs:
        gold[doc.doc_id] = restrict(doc.gold, labels, doc.ignore)
        record = pred.get(doc.doc_id)
        if record is not None:
            record = restrict(record, labels, doc.ignore)
            scored[doc.doc_id] = normalise(record, bench_dir) if normalise else record
    return score(gold, scored, options or MatchOptions())


def run_bench(
    name: str,
    bench_dir: Path,
    limit: int | None = None,
    nlp: Any = None,
    options: MatchOptions | None = None,
) -> Report:
    """Load benchmark `name`, run the pipeline on its texts, and score the result."""
    return run_bench_timed(name, bench_dir, limit, nlp, options).report


def run_bench_timed(
    name: str,
    bench_dir: Path,
    limit: int | None = None,
    nlp: Any = None,
    options: MatchOptions | None = None,
) -> BenchRun:
    """`run_bench`, also returning the number of documents and the pipeline's wall time."""
    docs = loader(name)(bench_dir, limit)
    if nlp is None:
        from trialex.pipeline.build import load_nlp

        nlp = load_nlp()
    started = time.monotonic()
    pred = predict(nlp, docs)
    seconds = time.monotonic() - started
    report = score_bench(name, docs, pred, bench_dir, options)
    extras = {"criterion polarity": criterion_agreement(docs, pred)}
    if "PERSON" in SCORED[name]:
        extras["nct_id"] = (report.nct_id.correct, report.nct_id.total)
    return BenchRun(
        name=name,
        report=report,
        n_docs=len(docs),
        seconds=seconds,
        labels=SCORED[name],
        extras={key: value for key, value in extras.items() if value[1]},
        pages={doc.doc_id: doc.text for doc in docs},
    )
