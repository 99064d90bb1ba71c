"""Pydantic models of the vocabulary data files (validated at load, extra keys refused)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityLabel = Literal["CONDITION", "CELL_TYPE", "DRUG"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Concept(_Model):
    """One concept: canonical name, source id, surface variants (normalised keys)."""

    canonical: str
    id: str | None = None
    variants: list[str] = Field(default_factory=list)
    kind: Literal["agent", "class"] | None = None
    # needs page context: a DRUG that is a common word wants a drug cue nearby; an ambiguous
    # abbreviation wants the page to name the same concept in full
    ambiguous: bool = False


class VocabFile(_Model):
    """A vocabulary for one label, with its provenance and licence."""

    label: EntityLabel
    source: str
    license: str
    notes: str | None = None
    concepts: list[Concept]


class StopList(_Model):
    """Reviewed keys never matched, per label, with the reason for each group."""

    notes: str
    entries: dict[EntityLabel, dict[str, list[str]]]


class Descriptive(_Model):
    """Type words before a condition name that stay in its span ("ischemic cardiomyopathy")."""

    notes: str
    suffixes: list[str]
    words: list[str]
    prefixes: list[str]
    cause_links: list[str]
    exclude: list[str]


class DrugMeasurement(_Model):
    """Words saying a drug-vocabulary name is a lab value, not a therapy ('serum IL-6 levels')."""

    notes: str
    before: list[str]
    after: list[str]
    comparators: list[str]
    units_per: list[str]


class Modifiers(_Model):
    """Words around a condition: dropped from the canonical (severity) or kept (type)."""

    severity: list[str]
    type: list[str]
    coordinators: list[str]
    generic_heads: list[str]
    drug_context: list[str]
    drug_measurement: DrugMeasurement
    # investigational codes ("BIIB074"): token regex, non-drug prefixes, extra cue words
    drug_code_pattern: str
    drug_code_excluded_prefixes: list[str]
    drug_code_cues: list[str]
    not_conditions: list[str]
    organs: list[str]
    organ_heads: list[str]
    # "abnormal hepatic function": prefix x organ x "function" is a condition
    function_prefixes: list[str]
    # [American, British] substrings: each key also gets its British spelling
    spelling_variants: list[tuple[str, str]]
    # phrases that are no entity (lab tests, findings): they win as a longest match, then drop
    not_entities: list[str]
    # a capitalised run with one of these words is an organisation name, not an entity
    org_words: list[str]
    org_connectors: list[str]
    descriptive: Descriptive


class CellGrammar(_Model):
    """Cell-therapy grammar: sources, donors, cell cores and abbreviation patterns."""

    notes: str
    sources: dict[str, list[str]]
    donors: dict[str, list[str]]
    species: list[str]
    linkers: list[str]
    cores: dict[str, list[str]]
    tails: list[str]
    core_ids: dict[str, str]
    abbreviations: list[dict[str, str]]


class AbbreviationContext(_Model):
    """When an undefined condition abbreviation ("MI", "PE") is taken without the page's long form.

    An abbreviation in `accept` (a key of extra_abbreviations.json), written in capitals, counts
    when a cue phrase ends right before it (severity/type words may come between), a cue word
    follows it, or it is coordinated with another condition ("PE or DVT", "HTN, DM, obesity").
    """

    notes: str
    accept: list[str]
    cues_before: list[str]
    cues_after: list[str]
    coordinators: list[str]
    mixed_case: list[str] = []  # conventional mixed-case spellings that count as capitals ("SSc")


class ConditionForms(_Model):
    """Adjective and person-noun forms of a disease ("hypertensive patients", "diabetics").

    `adjectives` count before a person noun or after a copula ("is diabetic"); `nouns` name
    people with the disease and count on their own. Values are the disease's canonical name.
    """

    notes: str
    adjectives: dict[str, str]
    nouns: dict[str, str]
    person_nouns: list[str]
    copulas: list[str]


class DrugMorphology(_Model):
    """INN stems that make an unknown word a drug name ("-tinib", "-mab", "-sartan")."""

    notes: str
    min_length: int
    suffixes: list[str]
    exclude: list[str]


def _read(name: str) -> str:
    return resources.files("trialex.vocab").joinpath(name).read_text("utf-8")


@cache
def load_vocab(name: str) -> VocabFile:
    """A vocabulary file from the package, validated."""
    return VocabFile.model_validate_json(_read(name))


@cache
def load_stoplist() -> StopList:
    return StopList.model_validate_json(_read("stoplist.json"))


@cache
def load_modifiers() -> Modifiers:
    return Modifiers.model_validate_json(_read("modifiers.json"))


@cache
def load_cell_grammar() -> CellGrammar:
    return CellGrammar.model_validate_json(_read("cell_grammar.json"))


@cache
def load_abbreviation_context() -> AbbreviationContext:
    return AbbreviationContext.model_validate_json(_read("abbreviation_context.json"))


@cache
def load_condition_forms() -> ConditionForms:
    return ConditionForms.model_validate_json(_read("condition_forms.json"))


@cache
def load_drug_morphology() -> DrugMorphology:
    return DrugMorphology.model_validate_json(_read("drug_morphology.json"))


VOCAB_FILES: tuple[str, ...] = (
    "extra_conditions.json",
    "extra_abbreviations.json",
    "drug_classes.json",
    "extra_drugs.json",
    "extra_cells.json",
    "diseases.json",
    "cell_ontology.json",
    "drugs.json",
)

__all__ = [
    "VOCAB_FILES",
    "AbbreviationContext",
    "ConditionForms",
    "Descriptive",
    "DrugMorphology",
    "CellGrammar",
    "Concept",
    "Modifiers",
    "StopList",
    "VocabFile",
    "load_abbreviation_context",
    "load_cell_grammar",
    "load_condition_forms",
    "load_drug_morphology",
    "load_modifiers",
    "load_stoplist",
    "load_vocab",
]
