"""`score(gold, pred, options) -> Report`: span-level and record-level P/R/F1 per SPEC.

Span level (per label CONDITION, CELL_TYPE, DRUG, THRESHOLD, PERSON): `span_exact` needs the
same label and offsets, `span_overlap` the same label and at least one shared character. Every
mention counts; pairs are one-to-one, so a duplicated prediction is one hit and one false
positive.

Record level (`record`): per page, sets of
- (label, canonical) for entities, keys from `match.canonical_key`;
- (variable, operator, value, upper, unit) for `THRESHOLD` (strict), and the operator-blind
  `THRESHOLD_LENIENT`, where each threshold is its bounds (variable, value, unit): a `between`
  gives two, so "between 18 and 65" meets ">= 18" plus "<= 65";
- (name, role) for `PERSON`, names meeting at `MatchOptions.name_threshold`;
- NCT ids of `RELATED_TRIAL`s (related trials without an id are not scored).
The page's own `nct_id` is scored as accuracy over gold documents (both `null` is correct).

Documents in gold but not in pred are scored against an empty record (all misses); documents
only in pred are listed in `Report.unscored_pred` and not scored.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz

from trialex.evaluate.match import (
    canonical_key,
    name_form,
    name_similarity,
    nct_key,
    number_key,
    overlap_ratio,
    pair_up,
    spans_overlap,
    unit_key,
    variable_key,
)
from trialex.evaluate.results import (
    RECORD_LABELS,
    RECORD_LEVEL,
    SPAN_LABELS,
    SPAN_LEVELS,
    Accuracy,
    Counts,
    Difference,
    DocReport,
    Issue,
    LevelScores,
    Mark,
    MatchOptions,
    Report,
)
from trialex.record import ENTITY_LABELS, Record, Threshold


class SpanItem(NamedTuple):
    """A scored span of any kind: its label, offsets and text."""

    label: str
    start: int
    end: int
    text: str


def span_items(record: Record) -> list[SpanItem]:
    """Every scored span of a record: entities by label, thresholds, people."""
    items = [SpanItem(e.label, e.start, e.end, e.text) for e in record.entities]
    items += [SpanItem("THRESHOLD", t.start, t.end, t.text) for t in record.thresholds]
    items += [SpanItem("PERSON", p.start, p.end, p.name) for p in record.people]
    return items


def _score_spans(
    gold: list[SpanItem], pred: list[SpanItem], options: MatchOptions
) -> tuple[dict[str, LevelScores], list[Mark]]:
    exact, overlap = LevelScores(), LevelScores()
    marks: list[Mark] = []

    def same(g: SpanItem, p: SpanItem) -> float | None:
        return 1.0 if (g.start, g.end) == (p.start, p.end) else None

    def near(g: SpanItem, p: SpanItem) -> float | None:
        if not spans_overlap(g.start, g.end, p.start, p.end):
            return None
        ratio = overlap_ratio(g.start, g.end, p.start, p.end)
        return ratio if ratio >= options.overlap_min else None

    for label in SPAN_LABELS:
        g_items = [item for item in gold if item.label == label]
        p_items = [item for item in pred if item.label == label]
        exact_pairs = pair_up(g_items, p_items, same)
        overlap_pairs = pair_up(g_items, p_items, near)
        exact.labels[label] = _counts(len(exact_pairs), len(g_items), len(p_items))
        overlap.labels[label] = _counts(len(overlap_pairs), len(g_items), len(p_items))
        for side, items, index in (("gold", g_items, 0), ("pred", p_items, 1)):
            hit_exact = {pair[index] for pair in exact_pairs}
            hit_overlap = {pair[index] for pair in overlap_pairs}
            for i, item in enumerate(items):
                outcome = (
                    "exact" if i in hit_exact
                    else "overlap" if i in hit_overlap
                    else "miss" if side == "gold"
                    else "spurious"
                )
                marks.append(Mark(side=side, label=label, start=item.start, end=item.end,
                                  text=item.text, outcome=outcome))
    marks.sort(key=lambda mark: (mark.side, mark.start, mark.end, mark.label))
    return {"span_exact": exact, "span_overlap": overlap}, marks


def _counts(tp: int, n_gold: int, n_pred: int) -> Counts:
    return Counts(tp=tp, fp=n_pred - tp, fn=n_gold - tp)


def _unique(items: Sequence[tuple[Hashable, str]]) -> list[tuple[Hashable, str]]:
    """Keep the first of each key: record level compares sets, so repeats count once."""
    return list({key: (key, shown) for key, shown in reversed(items)}.values())[::-1]


def _compare_sets(
    label: str,
    gold: Sequence[tuple[Hashable, str]],
    pred: Sequence[tuple[Hashable, str]],
    similarity: Callable[[Hashable, Hashable], float | None] | None = None,
) -> tuple[Counts, list[Difference]]:
    """Compare two keyed sets one-to-one; `similarity` defaults to key equality."""
    g_items, p_items = _unique(gold), _unique(pred)

    def equal(a: Hashable, b: Hashable) -> float | None:
        return 100.0 if a == b else None

    meet = similarity or equal
    pairs = pair_up(g_items, p_items, lambda g, p: meet(g[0], p[0]))
    g_hit, p_hit = {g for g, _ in pairs}, {p for _, p in pairs}
    differences = [Difference(label=label, kind="missed", item=shown)
                   for i, (_, shown) in enumerate(g_items) if i not in g_hit]
    differences += [Difference(label=label, kind="spurious", item=shown)
                     for i, (_, shown) in enumerate(p_items) if i not in p_hit]
    return _counts(len(pairs), len(g_items), len(p_items)), differences


def _show_threshold(t: Threshold) -> str:
    bound = f"{t.value}-{t.upper}" if t.operator == "between" else f"{t.operator} {t.value}"
    return f"{t.variable} {bound} {t.unit or ''}".strip()


def _threshold_keys(record: Record) -> list[tuple[Hashable, str]]:
    return [((variable_key(t.variable), t.operator, number_key(t.value), number_key(t.upper),
              unit_key(t.unit)), _show_threshold(t)) for t in record.thresholds]


def _bound_keys(record: Record) -> list[tuple[Hashable, str]]:
    keys: list[tuple[Hashable, str]] = []
    for t in record.thresholds:
        for value in (t.value, t.upper):
            if value is not None:
                key = (variable_key(t.variable), number_key(value), unit_key(t.unit))
                keys.append((key, f"{t.variable} ~ {value} {t.unit or ''}".strip()))
    return keys


def _score_record(
    gold: Record, pred: Record, options: MatchOptions
) -> tuple[LevelScores, list[Difference]]:
    scores = LevelScores()
    differences: list[Difference] = []

    def canonical_meet(a: Hashable, b: Hashable) -> float | None:
        if a == b:
            return 100.0
        if options.canonical_threshold is None:
            return None
        ratio = fuzz.token_sort_ratio(str(a), str(b))
        return ratio if ratio >= options.canonical_threshold else None

    def person_meet(a: Hashable, b: Hashable) -> float | None:
        (a_name, a_role), (b_name, b_role) = a, b  # type: ignore[misc]
        if a_role != b_role:
            return None
        ratio = name_similarity(a_name, b_name)
        return ratio if ratio >= options.name_threshold else None

    def entity_keys(record: Record, label: str) -> list[tuple[Hashable, str]]:
        return [(canonical_key(e.canonical), e.canonical)
                for e in record.entities if e.label == label]

    def people_keys(record: Record) -> list[tuple[Hashable, str]]:
        return [((name_form(p.name), p.role), f"{p.name} ({p.role})") for p in record.people]

    def related_keys(record: Record) -> list[tuple[Hashable, str]]:
        ids = [nct_key(trial.nct_id) for trial in record.related_trials]
        return [(key, key) for key in ids if key]

    Keys = Callable[[Record], list[tuple[Hashable, str]]]
    Meet = Callable[[Hashable, Hashable], float | None] | None
    comparisons: dict[str, tuple[Keys, Meet]] = {
        label: (lambda r, label=label: entity_keys(r, label), canonical_meet)
        for label in ENTITY_LABELS
    }
    comparisons["THRESHOLD"] = (_threshold_keys, None)
    comparisons["THRESHOLD_LENIENT"] = (_bound_keys, None)
    comparisons["PERSON"] = (people_keys, person_meet)
    comparisons["RELATED_TRIAL"] = (related_keys, None)
    for label in RECORD_LABELS:
        keys, similarity = comparisons[label]
        counts, diffs = _compare_sets(label, keys(gold), keys(pred), similarity)
        scores.labels[label] = counts
        differences += diffs
    return scores, differences


def score_document(gold: Record, pred: Record | None, options: MatchOptions) -> DocReport:
    """Score one page: `pred=None` (no prediction for a gold page) scores as an empty record."""
    predicted = pred is not None
    pred = pred or Record(doc_id=gold.doc_id, layout="missing")
    levels, marks = _score_spans(span_items(gold), span_items(pred), options)
    levels[RECORD_LEVEL], differences = _score_record(gold, pred, options)
    return DocReport(
        doc_id=gold.doc_id, predicted=predicted, nct_gold=gold.nct_id, nct_pred=pred.nct_id,
        nct_correct=nct_key(gold.nct_id) == nct_key(pred.nct_id),
        levels=levels, marks=marks, differences=differences,
    )


def _empty_levels() -> dict[str, LevelScores]:
    labels = {level: SPAN_LABELS for level in SPAN_LEVELS} | {RECORD_LEVEL: RECORD_LABELS}
    return {
        level: LevelScores(labels={name: Counts() for name in names})
        for level, names in labels.items()
    }


def score(
    gold: Mapping[str, Record],
    pred: Mapping[str, Record],
    options: MatchOptions | None = None,
    *,
    issues: Sequence[Issue] = (),
) -> Report:
    """Score predicted records against gold records, both keyed by doc_id.

    `issues` (from loading) are carried into the report unchanged.
    """
    options = options or MatchOptions()
    documents = [score_document(gold[doc_id], pred.get(doc_id), options) for doc_id in sorted(gold)]
    levels = _empty_levels()
    for document in documents:
        for level, scores in document.levels.items():
            levels[level] = levels[level] + scores
    return Report(
        options=options,
        levels=levels,
        nct_id=Accuracy(correct=sum(d.nct_correct for d in documents), total=len(documents)),
        documents=documents,
        missing_pred=[d.doc_id for d in documents if not d.predicted],
        unscored_pred=sorted(set(pred) - set(gold)),
        issues=list(issues),
    )


__all__ = ["SpanItem", "score", "score_document", "span_items"]
