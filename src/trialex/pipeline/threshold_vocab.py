"""Threshold lexicons (units, variables, comparators) from `trialex/vocab/`, validated by pydantic.

Every phrase is scanned with `numbers.scan` into a lexeme key, so matching is whitespace- and
case-insensitive and works on glued text ("eGFR<15", "kg/ m2").
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from trialex.pipeline.numbers import Lexeme, scan
from trialex.record import Operator

FILES = ("comparators.json", "comparators_words.json", "units.json", "variables.json")
_END = ("end",)  # trie end marker: never equal to a lexeme, which is a str (even "\0")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ComparatorGroup(_Strict):
    operator: Operator
    phrases: list[str]
    variable: str | None = None


class ComparatorFile(_Strict):
    prefix: list[ComparatorGroup]
    temporal_prefix: list[ComparatorGroup]
    negated_temporal_prefix: list[ComparatorGroup] = Field(default_factory=list)
    postfix: list[ComparatorGroup]
    labels: list[ComparatorGroup]
    range_open: list[str]
    range_join: list[str]
    fold: list[str]


class WordsFile(_Strict):
    number_words: dict[str, float]
    roman_numerals: dict[str, int]
    ordinal_fillers: list[str]
    set_joiners: list[str]
    age_markers: list[str]
    age_words: list[str]
    count_nouns: list[str]
    count_of: list[str]
    temporal_subject_triggers: list[str]
    temporal_anchors: list[str] = Field(default_factory=list)
    anchor_links: list[str] = Field(default_factory=list)
    clause_breaks: list[str]
    variable_gap_ok: list[str]
    stopwords: list[str]
    date_words: list[str]
    scale_words: list[str] = Field(default_factory=list)
    age_comparator_words: list[str] = Field(default_factory=list)
    person_words: list[str] = Field(default_factory=list)
    postposed_gap: list[str] = Field(default_factory=list)
    duration_cues: list[str] = Field(default_factory=list)
    subject_stops: list[str] = Field(default_factory=list)
    list_intro: list[str] = Field(default_factory=list)
    dose_mass_units: list[str] = Field(default_factory=list)
    dose_cues: list[str] = Field(default_factory=list)
    negations: list[str] = Field(default_factory=list)
    not_variable_words: list[str] = Field(default_factory=list)
    age_only_sections: list[str] = Field(default_factory=list)


class UnitGroup(_Strict):
    kind: Literal["time", "uln", "percent", "measurement", "dose"]
    output: str | None = None  # fixed output ("years", "x ULN"); None keeps the page's text
    variable: str | None = None  # the variable a bare unit implies ("kg/m2" -> BMI)
    aliases: list[str]


class UnitFile(_Strict):
    units: list[UnitGroup]


class VariableEntry(_Strict):
    name: str
    kind: Literal["age", "measurement"]
    aliases: list[str]
    ordinal: bool = False
    temporal: bool = False  # measured in time units (life expectancy), so not a time window
    ratio: list[str] | None = None  # "blood pressure" 160/100 -> [systolic, diastolic]
    after: list[str] = Field(default_factory=list)  # named after the value: "34 weeks gestation"


class VariableFile(_Strict):
    variables: list[VariableEntry]


Trie = dict[str, Any]


def key(phrase: str) -> tuple[str, ...]:
    """The lexeme key of a phrase."""
    return tuple(lx.low for lx in scan(phrase))


def build_trie(items: list[tuple[str, Any]]) -> Trie:
    """A nested-dict trie over lexeme keys; duplicates keep the first payload."""
    root: Trie = {}
    for phrase, payload in items:
        node = root
        for part in key(phrase):
            node = node.setdefault(part, {})
        node.setdefault(_END, payload)
    return root


def longest(trie: Trie, lexemes: list[Lexeme], i: int, same_line: bool = True) -> tuple[int, Any]:
    """(end index, payload) of the longest phrase starting at lexeme `i`, or (i, None)."""
    node, best, j = trie, (i, None), i
    while j < len(lexemes):
        if same_line and j > i and lexemes[j].nl:
            break
        node = node.get(lexemes[j].low)
        if node is None:
            break
        j += 1
        if _END in node:
            best = (j, node[_END])
    return best


class ThresholdVocab:
    """All lexicons, loaded from a directory (default: the packaged `trialex/vocab`)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        comps = ComparatorFile.model_validate(raw["comparators.json"])
        words = WordsFile.model_validate(raw["comparators_words.json"])
        units = UnitFile.model_validate(raw["units.json"])
        variables = VariableFile.model_validate(raw["variables.json"])
        self.words = words
        self.prefix = build_trie([(p, g) for g in comps.prefix for p in g.phrases])
        self.temporal = build_trie([(p, g) for g in comps.temporal_prefix for p in g.phrases])
        self.postfix = build_trie([(p, g) for g in comps.postfix for p in g.phrases])
        self.labels = build_trie([(p, g) for g in comps.labels for p in g.phrases])
        self.range_open = build_trie([(p, True) for p in comps.range_open])
        self.range_join = frozenset(comps.range_join)
        self.fold = frozenset(comps.fold)
        self.units = build_trie([(a, g) for g in units.units for a in g.aliases])
        self.variables = build_trie([(a, v) for v in variables.variables for a in v.aliases])
        self.by_name = {v.name: v for v in variables.variables}
        self.postposed = build_trie([(a, v) for v in variables.variables for a in v.after])
        self.scale_words = frozenset(words.scale_words)
        self.age_comparator_words = frozenset(words.age_comparator_words)
        self.person_words = frozenset(words.person_words)
        self.postposed_gap = frozenset(words.postposed_gap)
        self.age_markers = build_trie([(p, True) for p in words.age_markers])
        self.count_nouns = build_trie([(p, True) for p in words.count_nouns])
        self.count_of = build_trie([(p, True) for p in words.count_of])
        self.triggers = build_trie([(p, True) for p in words.temporal_subject_triggers])
        self.list_intro = build_trie([(p, True) for p in words.list_intro])
        self.dose_mass_units = frozenset(words.dose_mass_units)
        self.dose_cues = frozenset(words.dose_cues)
        self.number_words = words.number_words
        self.roman = words.roman_numerals
        self.ordinal_fillers = frozenset(words.ordinal_fillers)
        self.set_joiners = frozenset(words.set_joiners)
        self.clause_breaks = frozenset(words.clause_breaks)
        self.stopwords = frozenset(words.stopwords)
        self.anchors = frozenset(words.temporal_anchors)
        self.anchor_links = build_trie([(p, True) for p in words.anchor_links])
        self.date_words = frozenset(words.date_words)
        self.duration_cues = frozenset(words.duration_cues)
        self.subject_stops = frozenset(words.subject_stops)
        self.negations = frozenset(words.negations)
        self.not_variable = frozenset(words.not_variable_words)
        self.age_words = frozenset(words.age_words)
        self.age_only_sections = frozenset(words.age_only_sections)
        self.negated_temporal = build_trie(
            [(p, g) for g in comps.negated_temporal_prefix for p in g.phrases])

    @classmethod
    def from_dir(cls, path: Path | str | None = None) -> ThresholdVocab:
        """Load and validate the four JSON files from `path` (or the packaged defaults)."""
        base = Path(path) if path is not None else Path(str(resources.files("trialex") / "vocab"))
        raw = {name: json.loads((base / name).read_text(encoding="utf-8")) for name in FILES}
        return cls(raw)

    def to_dir(self, path: Path | str) -> None:
        """Write the lexicons this vocab was built from."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            text = json.dumps(self.raw[name], ensure_ascii=False, indent=1)
            (out / name).write_text(text, encoding="utf-8")
