"""NeuroTrialNER (Doneva et al., EMNLP 2024; MIT): title + brief summary -> gold records.

The BigBIO-style JSON holds `text` = official title + " |" + brief summary, with character
offsets into `text`. The adapter renders a page-like text instead, so that the layout stage sees a
title and a summary section:

    <official title without the trailing " |">\n\nBrief Summary\n<summary, stripped>\n

and shifts every offset accordingly (entities crossing the title/summary border are skipped and
counted; there are none in test or dev). The 4 trials whose summary is missing keep their `text`
under a "Brief Summary" heading.

Label mapping: CONDITION -> CONDITION, DRUG -> DRUG; CONTROL (placebo, sham), BEHAVIOURAL,
SURGICAL, PHYSICAL, RADIOTHERAPY and OTHER are not SPEC labels and are left out, so a pipeline
DRUG on "placebo" counts as a false positive. `canonical` = the mention lower-cased. The 10
CONDITION mentions of pregnancy, which SPEC keeps out of CONDITION (`common.spec_condition`), are
left out. Section = `title` or `summary`, criterion null. Split: `test` (153 trials; 683
CONDITION, 673 kept; 213 DRUG) by default, `dev` on request.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from trialex.evaluate.bench import BenchDoc
from trialex.evaluate.bench.common import gold_entity, spec_condition
from trialex.record import Entity, GoldRecord, Section

LABELS = {"CONDITION": "CONDITION", "DRUG": "DRUG"}
HEADING = "Brief Summary"
SPLITS = ("test", "dev")
STATS: Counter[str] = Counter()


def _render(item: dict[str, Any]) -> tuple[str, str | None, int, list[tuple[int, int, int]]]:
    """(page text, title, summary start, [(old start, old end, shift)] pieces of the old text)."""
    text: str = item["text"]
    title: str = item.get("study_official_title") or ""
    summary: str = item.get("study_brief_summary") or ""
    if not title or not summary or text != title + summary:
        page = f"{HEADING}\n{text}\n"
        return page, None, len(HEADING) + 1, [(0, len(text), len(HEADING) + 1)]
    title_clean = title.removesuffix("|").rstrip()
    lead = len(summary) - len(summary.lstrip())
    body = summary.strip()
    summary_start = len(title_clean) + len(f"\n\n{HEADING}\n")
    page = f"{title_clean}\n\n{HEADING}\n{body}\n"
    old_summary = len(title) + lead
    pieces = [
        (0, len(title_clean), 0),
        (old_summary, old_summary + len(body), summary_start - old_summary),
    ]
    return page, title_clean, summary_start, pieces


def to_bench_doc(item: dict[str, Any]) -> BenchDoc:
    """One NeuroTrialNER trial as a `BenchDoc`."""
    page, title, summary_start, pieces = _render(item)
    entities: list[Entity] = []
    for ent in item["entities"]:
        label = LABELS.get(ent["type"])
        if label is None or (label == "CONDITION" and not spec_condition(ent["text"])):
            continue
        shift = next((d for s, e, d in pieces if s <= ent["start"] and ent["end"] <= e), None)
        if shift is None:
            STATS["crosses title/summary border (skipped)"] += 1
            continue
        start, end = ent["start"] + shift, ent["end"] + shift
        section = "title" if title is not None and end <= len(title) else "summary"
        entities.append(gold_entity(label, page, start, end, section, None))
    sections = [
        Section(
            name="summary", heading=HEADING, start=summary_start - len(HEADING) - 1, end=len(page)
        )
    ]
    if title is not None:
        sections.insert(0, Section(name="title", start=0, end=len(title)))
    gold = GoldRecord(
        doc_id=item["nctid"],
        layout="generic",
        nct_id=None,
        title=title,
        sections=sections,
        entities=entities,
        notes="NeuroTrialNER",
    )
    return BenchDoc(doc_id=item["nctid"], text=page, gold=gold)


def load(bench_dir: Path, limit: int | None = None, split: str = "test") -> list[BenchDoc]:
    """NeuroTrialNER trials of one split as `BenchDoc`s (the first `limit` when given)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    STATS.clear()
    with open(bench_dir / "neurotrialner" / f"{split}.json", encoding="utf-8") as handle:
        items = json.load(handle)
    return [to_bench_doc(item) for item in items[:limit]]
