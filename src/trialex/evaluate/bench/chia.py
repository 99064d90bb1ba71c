"""Chia (Kury et al. 2020, CC BY 4.0), `chia_without_scope/` -> gold records.

One brat document per trial and polarity: `NCTxxxxxxxx_inc.txt` / `_exc.txt`, one criterion per
line, read with `newline=''` (1,603 files have CRLF line ends).

Label mapping (brat -> SPEC):
- `Condition` -> CONDITION, `Drug` -> DRUG; `canonical` = the brat text lower-cased (for a
  discontinuous span that is its fragments joined, "alcohol abuse" in "alcohol or drug abuse").
- Discontinuous spans (898 Condition, 89 Drug) take their covering span when it stays on one line,
  and are skipped when it crosses a line end. Spans whose text disagrees with the file (14 in the
  corpus, mostly a trailing CR inside the span) are trimmed of edge whitespace, else skipped.
- Condition mentions SPEC keeps out of CONDITION (pregnant, pregnancy, lactating, healthy,
  childbearing potential, ...: `common.spec_condition`; 661 mentions) are left out of gold.
- criterion: `inclusion` for `_inc` files, `exclusion` for `_exc` files (every entity and every
  gold criterion line). No thresholds, people or cell types are scored on Chia.
- Text given to the pipeline: a header line ("Inclusion Criteria:" / "Exclusion Criteria:",
  `HEADER`) followed by the file text, so the page looks like the eligibility block of a
  registry page; gold offsets are shifted by the header's length.
- Partly annotated criteria: every line that overlaps a span of an error category
  (`IGNORED_TYPES`: Non-query-able, Post-eligibility, Informed_consent, Pregnancy_considerations,
  Competing_trial, Non-representable, and the other error types of the Chia schema) becomes an
  `ignore` region: gold and predicted items inside it are left out of scoring (precision and
  recall), as if the line had been dropped.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from trialex.evaluate.bench import BenchDoc
from trialex.evaluate.bench.brat import BratDoc, Span, read_brat
from trialex.evaluate.bench.common import gold_entity, spec_condition
from trialex.record import CriterionSpan, Entity, GoldRecord, Section

ENTITY_MAP = {"Condition": "CONDITION", "Drug": "DRUG"}
IGNORED_TYPES = frozenset(
    {
        "Non-query-able",
        "Post-eligibility",
        "Informed_consent",
        "Pregnancy_considerations",
        "Competing_trial",
        "Non-representable",
        "Undefined_semantics",
        "Subjective_judgement",
        "Context_Error",
        "Parsing_Error",
        "Grammar_Error",
        "Not_a_criteria",
        "Intoxication_considerations",
        "c-Requires_causality",
    }
)
HEADER = {"inclusion": "Inclusion Criteria:\n", "exclusion": "Exclusion Criteria:\n"}
STATS: Counter[str] = Counter()


def files(bench_dir: Path) -> list[Path]:
    """All Chia .txt files, sorted (inc and exc of a trial side by side)."""
    return sorted((bench_dir / "chia" / "chia_without_scope").glob("*.txt"))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line without its line break."""
    spans, position = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((position, position + len(line.rstrip("\r\n"))))
        position += len(line)
    return spans


def _entity_span(doc: BratDoc, span: Span) -> tuple[int, int] | None:
    start, end = span.start, span.end
    if span.discontinuous:
        if "\n" in doc.text[start:end] or "\r" in doc.text[start:end]:
            STATS["discontinuous across lines (skipped)"] += 1
            return None
        STATS["discontinuous (covering span)"] += 1
        return start, end
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    if doc.text[start:end] != span.text.strip():
        STATS["text disagrees (skipped)"] += 1
        return None
    return start, end


def to_bench_doc(path: Path) -> BenchDoc:
    """One Chia file as a `BenchDoc` (header line prepended, offsets shifted)."""
    doc = read_brat(path)
    criterion = "inclusion" if doc.doc_id.endswith("_inc") else "exclusion"
    header = HEADER[criterion]
    shift = len(header)
    text = header + doc.text
    entities: list[Entity] = []
    for span in doc.of_type(*ENTITY_MAP):
        if ENTITY_MAP[span.type] == "CONDITION" and not spec_condition(span.text):
            STATS["not a SPEC condition (pregnancy, healthy, ...)"] += 1
            continue
        found = _entity_span(doc, span)
        if found is None:
            continue
        entity = gold_entity(
            ENTITY_MAP[span.type],
            text,
            found[0] + shift,
            found[1] + shift,
            "eligibility",
            criterion,
        )
        entities.append(
            entity.model_copy(update={"canonical": " ".join(span.text.lower().split())})
        )
    lines = _lines(doc.text)
    flagged = [s for s in doc.spans.values() if s.type in IGNORED_TYPES]
    ignore = [
        (start + shift, end + shift)
        for start, end in lines
        if any(start <= f.end and f.start <= end for f in flagged) and end > start
    ]
    STATS["ignored lines"] += len(ignore)
    criteria = [
        CriterionSpan(start=s + shift, end=e + shift, criterion=criterion)  # type: ignore[arg-type]
        for s, e in lines
        if doc.text[s:e].strip()
    ]
    gold = GoldRecord(
        doc_id=doc.doc_id,
        layout="generic",
        sections=[Section(name="eligibility", heading=header.strip(), start=0, end=len(text))],
        criteria=criteria,
        entities=entities,
        notes="Chia without scope",
    )
    return BenchDoc(doc_id=doc.doc_id, text=text, gold=gold, ignore=ignore)


def load(bench_dir: Path, limit: int | None = None) -> list[BenchDoc]:
    """Chia documents as `BenchDoc`s (the first `limit` files when given)."""
    STATS.clear()
    return [to_bench_doc(path) for path in files(bench_dir)[:limit]]
