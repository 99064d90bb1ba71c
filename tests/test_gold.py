"""The gold annotations are the project's measuring instrument: check every file in annotations/.

Each `annotations/<doc_id>.json` must validate as `GoldRecord`, point at `seeds/<doc_id>.txt`, and
every span must be the page text it claims (`text == page[start:end]`, page read as
`open(path, encoding="utf-8", newline="").read()`). Items are unique, and the conventions of
`annotations/GUIDELINES.md` that can be checked mechanically are checked here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trialex.record import GoldRecord

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "annotations"
PAGE_DIRS = (ROOT / "seeds",)
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def _page(doc_id: str) -> str:
    for directory in PAGE_DIRS:
        path = directory / f"{doc_id}.txt"
        if path.exists():
            with open(path, encoding="utf-8", newline="") as handle:
                return handle.read()
    raise AssertionError(f"no page text for gold file {doc_id!r} in {[str(d) for d in PAGE_DIRS]}")


@pytest.fixture(params=GOLD_FILES, ids=lambda p: p.stem)
def gold(request) -> tuple[Path, GoldRecord, str]:
    path: Path = request.param
    record = GoldRecord.model_validate_json(path.read_text(encoding="utf-8"))
    return path, record, _page(record.doc_id)


def test_gold_files_exist():
    assert GOLD_FILES, "annotations/ holds no gold files"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_validates_as_gold_record(path: Path):
    record = GoldRecord.model_validate_json(path.read_text(encoding="utf-8"))
    assert not record.draft, f"{path.name} is still a draft"


def test_doc_id_is_file_stem(gold):
    path, record, _ = gold
    assert record.doc_id == path.stem


def test_offsets_in_bounds(gold):
    _, record, page = gold
    for kind in ("sections", "criteria", "entities", "thresholds", "people"):
        for item in getattr(record, kind):
            assert 0 <= item.start < item.end <= len(page), (kind, item)


def test_entity_and_threshold_text_matches_page(gold):
    _, record, page = gold
    for item in [*record.entities, *record.thresholds]:
        assert page[item.start : item.end] == item.text, item


def test_person_span_is_the_name(gold):
    _, record, page = gold
    for person in record.people:
        assert page[person.start : person.end] == person.name, person


def test_section_heading_starts_the_section(gold):
    _, record, page = gold
    for section in record.sections:
        if section.heading is not None:
            assert page[section.start :].startswith(section.heading), section
        body = page[section.start : section.end]
        assert body == body.strip(), section


def test_sections_do_not_overlap(gold):
    _, record, _ = gold
    ordered = sorted(record.sections, key=lambda s: s.start)
    for left, right in zip(ordered, ordered[1:], strict=False):
        assert left.end <= right.start, (left, right)


def test_criteria_lie_in_eligibility(gold):
    _, record, page = gold
    eligibility = [s for s in record.sections if s.name == "eligibility"]
    for crit in record.criteria:
        assert any(s.start <= crit.start and crit.end <= s.end for s in eligibility), crit
        text = page[crit.start : crit.end]
        assert text == text.strip() and text[0] not in "-*•", crit


def _locate(record: GoldRecord, start: int, end: int) -> tuple[str | None, str | None]:
    """Smallest containing section and criterion, as `trialex.pipeline.context.locate` does."""
    sections = [s for s in record.sections if s.start <= start and end <= s.end]
    criteria = [c for c in record.criteria if c.start <= start and end <= c.end]
    section = min(sections, key=lambda s: s.end - s.start).name if sections else None
    criterion = min(criteria, key=lambda c: c.end - c.start).criterion if criteria else None
    return section, criterion


def test_section_and_criterion_follow_offsets(gold):
    _, record, _ = gold
    for item in [*record.entities, *record.thresholds]:
        assert (item.section, item.criterion) == _locate(record, item.start, item.end), item


def test_nothing_from_related_trials(gold):
    _, record, _ = gold
    for item in [*record.entities, *record.thresholds, *record.people]:
        assert _locate(record, item.start, item.end)[0] != "related_trials", item


def test_no_duplicate_items(gold):
    _, record, _ = gold
    for kind in ("sections", "criteria", "entities", "thresholds", "people", "related_trials"):
        dumped = [json.dumps(x.model_dump(), sort_keys=True) for x in getattr(record, kind)]
        assert len(dumped) == len(set(dumped)), f"duplicate {kind}"
    spans = [(e.label, e.start, e.end) for e in record.entities]
    assert len(spans) == len(set(spans)), "two entities with one label share a span"
    people = [(p.name, p.role, p.start) for p in record.people]
    assert len(people) == len(set(people)), "duplicate person"


def test_same_label_entities_do_not_overlap(gold):
    _, record, _ = gold
    by_label: dict[str, list] = {}
    for entity in record.entities:
        by_label.setdefault(entity.label, []).append(entity)
    for label, entities in by_label.items():
        ordered = sorted(entities, key=lambda e: (e.start, e.end))
        for left, right in zip(ordered, ordered[1:], strict=False):
            assert left.end <= right.start, (label, left.text, right.text)


def test_canonical_and_attribute_conventions(gold):
    _, record, _ = gold
    for entity in record.entities:
        assert entity.canonical and entity.canonical == entity.canonical.lower().strip(), entity
        attributes = {k: v for k, v in entity.attributes.items() if k != "id"}  # id: optional
        if entity.label == "DRUG":
            assert attributes.get("kind") in {"agent", "class"}, entity
            assert set(attributes) == {"kind"}, entity
        elif entity.label == "CELL_TYPE":
            assert set(attributes) <= {"source", "donor"}, entity
        else:
            assert attributes == {}, entity


def test_threshold_conventions(gold):
    _, record, _ = gold
    for threshold in record.thresholds:
        if threshold.unit is not None:
            unit = threshold.unit
            assert unit == unit.strip() and "\\" not in unit, threshold
        if threshold.operator == "between":
            assert threshold.value <= threshold.upper, threshold
        if threshold.kind == "age":
            assert threshold.variable == "age" and threshold.unit == "years", threshold


def test_related_trials_are_stated_on_the_page(gold):
    _, record, page = gold
    for trial in record.related_trials:
        assert trial.nct_id is None or trial.nct_id in page, trial
        assert trial.title is None or trial.title in page, trial
        assert trial.nct_id is None or trial.nct_id != record.nct_id, trial


def test_own_trial_is_stated_on_the_page(gold):
    _, record, page = gold
    assert record.nct_id is None or record.nct_id in page
    assert record.title is None or record.title in page
