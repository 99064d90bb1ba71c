"""validate: every problem named with file, item and reason; errors where the guidelines forbid."""

from __future__ import annotations

import json
from pathlib import Path

from tests.annotate.synthetic import PAGE, make_gold, span

from trialex.annotate.files import write_gold
from trialex.annotate.validate import errors, validate_gold
from trialex.evaluate.results import Issue


def _edit(gold: Path, change) -> None:
    path = gold / "syn_001.json"
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _found(issues: list[Issue], item: str) -> list[tuple[str, str]]:
    return [(i.severity, i.reason) for i in issues if i.item == item]


def test_clean_gold_has_no_issues(corpus) -> None:
    gold, pages, _ = corpus
    assert validate_gold(gold, pages) == []


def test_schema_and_enum_errors_name_the_item(corpus) -> None:
    gold, pages, _ = corpus
    _edit(gold, lambda d: d["entities"][0].update(label="GENE"))
    issues = validate_gold(gold, pages)
    assert issues[0].file.endswith("syn_001.json") and issues[0].severity == "error"
    assert issues[0].item == "entities.0.label" or "entities[0]" in issues[0].item
    assert "GENE" in issues[0].reason


def test_offsets_must_give_the_text(corpus) -> None:
    gold, pages, _ = corpus
    _edit(gold, lambda d: d["entities"][2].update(start=d["entities"][2]["start"] + 1))
    _edit(gold, lambda d: d["people"][0].update(end=d["people"][0]["end"] - 1))
    issues = validate_gold(gold, pages)
    assert [s for s, _ in _found(issues, "entities[2]")] == ["error"]
    assert [s for s, _ in _found(issues, "people[0]")] == ["error"]


def test_person_name_spacing_must_match_exactly(tmp_path: Path, corpus) -> None:
    gold, pages, record = corpus
    _edit(gold, lambda d: d["people"][0].update(name="José  Müller-Lüdenscheidt"))
    ((severity, reason),) = _found(validate_gold(gold, pages), "people[0]")
    assert severity == "error" and "spacing" in reason


def test_same_label_overlap_is_an_error_cross_label_nesting_is_not(corpus) -> None:
    gold, pages, record = corpus
    s, e = span(PAGE, "lupus erythematosus")  # nested in "systemic lupus erythematosus"
    nested = {
        **record.entities[2].model_dump(),
        "start": s,
        "end": e,
        "text": "lupus erythematosus",
    }
    s2, e2 = span(PAGE, "erythematosus (SLE")
    crossing = {**nested, "start": s2, "end": e2, "text": "erythematosus (SLE"}
    same = {**record.entities[2].model_dump(), "canonical": "lupus"}  # same span, other canonical
    _edit(gold, lambda d: d["entities"].extend([nested, crossing, same]))
    issues = validate_gold(gold, pages)
    assert {i.item for i in errors(issues)} == {"entities[7]", "entities[8]", "entities[9]"}
    reasons = " ".join(i.reason for i in errors(issues))
    assert "nested" in reasons and "crosses" in reasons and "duplicate span" in reasons
    assert not _found(issues, "entities[5]")  # "B cell" inside "B cell depletion therapy"


def test_different_labels_crossing_is_a_warning(corpus) -> None:
    gold, pages, record = corpus
    s, e = span(PAGE, "therapy; allogeneic")
    item = {**record.entities[3].model_dump(), "start": s, "end": e, "text": "therapy; allogeneic"}
    _edit(gold, lambda d: d["entities"].append(item))
    issues = validate_gold(gold, pages)
    assert [sev for sev, _ in _found(issues, "entities[7]")] == ["warning", "warning"]


def test_duplicates_and_thresholds_sharing_a_span(corpus) -> None:
    gold, pages, record = corpus
    other = {**record.thresholds[1].model_dump(), "variable": "GFR"}
    _edit(gold, lambda d: d["thresholds"].extend([d["thresholds"][0], other]))
    issues = validate_gold(gold, pages)
    assert [s for s, _ in _found(issues, "thresholds[2]")] == ["error"]  # identical duplicate
    assert "duplicate span" in _found(issues, "thresholds[3]")[0][1]


def test_section_that_does_not_follow_offsets_is_a_warning(corpus) -> None:
    gold, pages, _ = corpus
    _edit(gold, lambda d: d["entities"][0].update(section="summary"))
    assert [s for s, _ in _found(validate_gold(gold, pages), "entities[0]")] == ["warning"]


def test_drafts_warn_or_fail(tmp_path: Path, corpus) -> None:
    gold, pages, record = corpus
    write_gold(record.model_copy(update={"draft": True}), gold, force=True)
    assert [i.severity for i in validate_gold(gold, pages)] == ["warning"]
    assert [i.severity for i in validate_gold(gold, pages, no_drafts=True)] == ["error"]


def test_missing_page_doc_id_and_bad_json(tmp_path: Path, corpus) -> None:
    gold, pages, record = corpus
    write_gold(make_gold(doc_id="syn_002"), gold)
    (gold / "renamed.json").write_text((gold / "syn_001.json").read_text("utf-8"), encoding="utf-8")
    (gold / "broken.json").write_text("{", encoding="utf-8")
    issues = validate_gold(gold, pages)
    by_file = {(Path(i.file).name, i.severity) for i in issues}
    assert ("broken.json", "error") in by_file
    assert ("syn_002.json", "warning") in by_file  # no page: offsets not checked
    renamed = [i for i in issues if i.file.endswith("renamed.json")]
    assert {i.severity for i in renamed} == {"error"}  # doc_id is not the stem, and repeated
