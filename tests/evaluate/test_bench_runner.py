"""The benchmark runner: restriction to scored labels, ignore regions, CTP normalisation."""

from __future__ import annotations

from pathlib import Path

import spacy

from trialex.evaluate.bench import BenchDoc, loader
from trialex.evaluate.bench.runner import predict, restrict, score_bench
from trialex.record import Entity, GoldRecord, Record


def _entity(label: str, start: int, end: int) -> Entity:
    return Entity(label=label, text="x" * (end - start), canonical="x", start=start, end=end)  # type: ignore[arg-type]


def test_restrict_drops_unscored_labels_and_ignored_regions() -> None:
    record = Record(
        doc_id="d",
        layout="generic",
        entities=[_entity("CONDITION", 0, 3), _entity("CELL_TYPE", 5, 8), _entity("DRUG", 20, 24)],
    )
    kept = restrict(record, ("CONDITION", "DRUG"), ignore=[(18, 30)])
    assert [e.label for e in kept.entities] == ["CONDITION"]


def test_gold_as_prediction_scores_perfectly(bench_dir: Path) -> None:
    for name in ("lct", "chia", "ctp"):
        docs = loader(name)(bench_dir, 5)
        pred = {
            d.doc_id: Record.model_validate(d.gold.model_dump(exclude={"draft", "notes"}))
            for d in docs
        }
        report = score_bench(name, docs, pred, bench_dir)
        for label, counts in report.levels["span_exact"].labels.items():
            assert counts.fp == counts.fn == 0, (name, label)


def test_blank_pipeline_runs_end_to_end(bench_dir: Path) -> None:
    docs: list[BenchDoc] = loader("ctp")(bench_dir, 3)
    pred = predict(spacy.blank("en"), docs)
    assert set(pred) == {d.doc_id for d in docs}
    report = score_bench("ctp", docs, pred, bench_dir)
    counts = report.levels["record"].labels["THRESHOLD"]
    assert counts.tp == 0 and counts.fn == sum(len(d.gold.thresholds) for d in docs)


def test_ctp_normalise_maps_variables(bench_dir: Path) -> None:
    docs = loader("ctp")(bench_dir, 1)
    gold: GoldRecord = docs[0].gold
    t = gold.thresholds[0].model_copy(update={"variable": "HbA1c", "unit": "%"})
    pred = {docs[0].doc_id: Record(doc_id=docs[0].doc_id, layout="generic", thresholds=[t])}
    report = score_bench("ctp", docs, pred, bench_dir)
    assert report.levels["record"].labels["THRESHOLD"].tp == 1


def test_criterion_agreement_counts_polarity_of_gold_items() -> None:
    from trialex.evaluate.bench.runner import criterion_agreement
    from trialex.record import CriterionSpan

    text = "Inclusion Criteria:\nlupus\nExclusion Criteria:\nasthma\n"
    lupus, asthma = text.index("lupus"), text.index("asthma")
    gold = GoldRecord(
        doc_id="d",
        layout="generic",
        entities=[
            _entity("CONDITION", lupus, lupus + 5).model_copy(update={"criterion": "inclusion"}),
            _entity("CONDITION", asthma, asthma + 6).model_copy(update={"criterion": "exclusion"}),
        ],
    )
    pred = Record(
        doc_id="d",
        layout="generic",
        criteria=[
            CriterionSpan(start=lupus, end=lupus + 5, criterion="inclusion"),
            CriterionSpan(start=asthma, end=asthma + 6, criterion="inclusion"),
        ],
    )
    docs = [BenchDoc(doc_id="d", text=text, gold=gold)]
    assert criterion_agreement(docs, {"d": pred}) == (1, 2)
    assert criterion_agreement(docs, {}) == (0, 2)
