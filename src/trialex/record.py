"""Pydantic models of the SPEC record: one page in, one `Record` out.

Gold files share the shape (`GoldRecord`); a page that gives no record gives an `ErrorRecord`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SectionName = Literal[
    "title", "summary", "description", "conditions", "keywords", "design", "arms_interventions",
    "outcomes", "eligibility", "people", "sponsors", "locations", "status", "identifiers",
    "results", "related_trials", "about", "other",
]
SECTION_NAMES: tuple[str, ...] = SectionName.__args__  # type: ignore[attr-defined]

Criterion = Literal["inclusion", "exclusion"]
EntityLabel = Literal["CONDITION", "CELL_TYPE", "DRUG"]
ENTITY_LABELS: tuple[str, ...] = EntityLabel.__args__  # type: ignore[attr-defined]
ThresholdKind = Literal["age", "measurement", "temporal", "dose", "count"]
Operator = Literal["<", "<=", ">", ">=", "=", "between"]
OPERATORS: tuple[str, ...] = Operator.__args__  # type: ignore[attr-defined]
Role = Literal[
    "PRINCIPAL_INVESTIGATOR", "STUDY_CHAIR", "STUDY_DIRECTOR", "SUB_INVESTIGATOR", "CONTACT",
    "RESPONSIBLE_PARTY",
]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
Number = int | float


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Located(_Model):
    """Anything with character offsets into the page text (end exclusive)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> _Located:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Section(_Located):
    """One section of the page; `heading` is its heading line as written, if it has one."""

    name: SectionName
    heading: str | None = None


class CriterionSpan(_Located):
    """One eligibility criterion (a bullet or a sentence) with its polarity."""

    criterion: Criterion


class Entity(_Located):
    """A CONDITION, CELL_TYPE or DRUG mention with its canonical name and where it stands."""

    label: EntityLabel
    text: str
    canonical: str
    section: SectionName | None = None
    criterion: Criterion | None = None
    attributes: dict[str, str] = Field(default_factory=dict)


class Threshold(_Located):
    """A numeric cut-off: `variable operator value` (`upper` only for 'between')."""

    kind: ThresholdKind
    variable: str
    operator: Operator
    value: Number
    upper: Number | None = None
    unit: str | None = None
    text: str
    section: SectionName | None = None
    criterion: Criterion | None = None

    @model_validator(mode="after")
    def _between_has_upper(self) -> Threshold:
        if (self.operator == "between") != (self.upper is not None):
            raise ValueError("`upper` is set exactly when operator is 'between'")
        return self


class Person(_Located):
    """A named person with a role and, where the page gives them, degree and affiliation."""

    name: str
    degree: str | None = None
    role: Role
    affiliation: str | None = None


class RelatedTrial(_Model):
    """Another trial the page describes (a related-trials block), not the page's own."""

    nct_id: str | None = None
    title: str | None = None


class Record(_Model):
    """The SPEC output for one page."""

    doc_id: str
    layout: str
    nct_id: str | None = None
    title: str | None = None
    sections: list[Section] = Field(default_factory=list)
    criteria: list[CriterionSpan] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    thresholds: list[Threshold] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    related_trials: list[RelatedTrial] = Field(default_factory=list)


class GoldRecord(Record):
    """A gold annotation file: a `Record`, plus whether a person has accepted it yet."""

    draft: bool = False
    notes: str | None = None


class ErrorRecord(_Model):
    """One input that gave no record: which file, what kind of problem, and what to do."""

    file: str
    error: str
    message: str


__all__ = [
    "ENTITY_LABELS", "OPERATORS", "ROLES", "SECTION_NAMES",
    "CriterionSpan", "Entity", "ErrorRecord", "GoldRecord", "Person", "Record", "RelatedTrial",
    "Section", "Threshold",
]
