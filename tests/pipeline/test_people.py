"""trialex_people on the seed pages: every person of the gold, with and without the layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import trialex.pipeline.people  # noqa: F401  (registers the factory)
from trialex.pipeline.tokenizer import blank_nlp

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
KEYS = ("name", "degree", "role", "affiliation", "start", "end")


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = blank_nlp()
    nlp.add_pipe("trialex_people")
    return nlp


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _people(nlp: Language, text: str) -> list[dict]:
    return [{k: p[k] for k in KEYS} for p in nlp(text)._.people]


def _seed(stem: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(stem))


def test_seed_000_officials_block(nlp: Language) -> None:
    people = _people(nlp, _read(_seed("000")))
    assert len(people) == 11
    assert [p["role"] for p in people[:3]] == ["STUDY_CHAIR", "STUDY_DIRECTOR", "STUDY_DIRECTOR"]
    assert people[1]["name"] == "Qingchi Liu Liu"
    assert {p["degree"] for p in people} == {"Doctor", "Master", "Bachelor"}
    assert {p["affiliation"] for p in people} == {"The First Hospital of Hebei Medical University"}


def test_seed_001_responsible_party_and_pi(nlp: Language) -> None:
    people = _people(nlp, _read(_seed("001")))
    assert [(p["name"], p["role"], p["degree"]) for p in people] == [
        ("Liu Jing", "RESPONSIBLE_PARTY", None),
        ("Liu Jing", "PRINCIPAL_INVESTIGATOR", "Ph.D"),
    ]
    assert people[1]["affiliation"] == "The First Affiliated Hospital of Dalian Medical University"


def test_seed_002_study_directors(nlp: Language) -> None:
    people = _people(nlp, _read(_seed("002")))
    assert [(p["name"], p["role"], p["degree"]) for p in people] == [
        ("Andrei Hancharou", "STUDY_DIRECTOR", "Dr"),
        ("Konstantin A Chizh", "STUDY_DIRECTOR", "Dr"),
    ]
    assert people[0]["affiliation"].startswith("Institute of Biophysics and Cell Engineering")
    assert people[1]["affiliation"] == "Belarusian State Medical University"


def test_seed_003_officials_and_contact(nlp: Language) -> None:
    people = _people(nlp, _read(_seed("003")))
    assert len(people) == 10
    assert people[0]["name"] == "Jennifer Cobb" and people[0]["role"] == "CONTACT"
    assert people[0]["affiliation"] == (
        "National Institute of Allergy and Infectious Diseases (NIAID)"
    )
    assert sum(p["role"] == "PRINCIPAL_INVESTIGATOR" for p in people) == 6


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_offsets_match_text(nlp: Language, seed: Path) -> None:
    text = _read(seed)
    for person in nlp(text)._.people:
        assert text[person["start"] : person["end"]] == person["name"]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_equals_gold(nlp: Language, seed: Path) -> None:
    gold_file = ROOT / "annotations" / f"{seed.stem}.json"
    if not gold_file.exists():
        pytest.skip("no gold yet")
    gold = [{k: p[k] for k in KEYS} for p in json.loads(gold_file.read_text())["people"]]
    assert _people(nlp, _read(seed)) == gold


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_equals_gold_with_layout(seed: Path) -> None:
    """The same people when the full pipeline (layout sections first) runs."""
    build = pytest.importorskip("trialex.pipeline.build")
    gold_file = ROOT / "annotations" / f"{seed.stem}.json"
    if not gold_file.exists():
        pytest.skip("no gold yet")
    nlp = _full_nlp(build)
    gold = [{k: p[k] for k in KEYS} for p in json.loads(gold_file.read_text())["people"]]
    assert _people(nlp, _read(seed)) == gold


_FULL: list[Language] = []


def _full_nlp(build) -> Language:
    if not _FULL:
        _FULL.append(build.build_nlp())
    return _FULL[0]


def test_round_trip_to_disk(nlp: Language, tmp_path: Path) -> None:
    text = _read(_seed("000"))
    nlp.to_disk(tmp_path / "model")
    assert sorted(p.name for p in (tmp_path / "model" / "trialex_people").iterdir()) == [
        "degrees.json", "org_words.json", "people_fields.json", "roles.json",
    ]
    loaded = spacy.load(tmp_path / "model")
    assert loaded.get_pipe("trialex_people").max_gap == 4
    assert _people(loaded, text) == _people(nlp, text)


def test_saved_vocabulary_is_used(nlp: Language, tmp_path: Path) -> None:
    """A role added to the saved roles.json is honoured after loading."""
    nlp.to_disk(tmp_path / "model")
    roles_file = tmp_path / "model" / "trialex_people" / "roles.json"
    roles = json.loads(roles_file.read_text())
    roles["roles"]["trial physician"] = "SUB_INVESTIGATOR"
    roles_file.write_text(json.dumps(roles))
    loaded = spacy.load(tmp_path / "model")
    people = loaded("Trial Physician: Ada Quill, MD\n")._.people
    assert [(p["name"], p["role"]) for p in people] == [("Ada Quill", "SUB_INVESTIGATOR")]


def test_config_settings_round_trip() -> None:
    nlp = blank_nlp()
    nlp.add_pipe("trialex_people", config={"max_gap": 2, "skip_sections": ["eligibility"]})
    restored = spacy.util.get_lang_class("en").from_config(nlp.config)
    pipe = restored.get_pipe("trialex_people")
    assert pipe.max_gap == 2 and pipe.skip_sections == frozenset({"eligibility"})
