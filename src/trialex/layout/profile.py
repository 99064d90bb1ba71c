"""Layout profiles and the heading lexicon: data files validated by pydantic when loaded."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from trialex.record import SectionName


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_regexes(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
    return patterns


class DetectRule(_Data):
    """How to recognise a layout: at least `min_hits` of the line patterns (multiline regex) match."""

    patterns: list[str]
    min_hits: int = Field(ge=1)

    _valid = field_validator("patterns")(_check_regexes)


class TitleRule(_Data):
    """Where the page states its own title: the first line not skipped, or the value of a key."""

    strategy: Literal["first_line", "after_key"]
    keys: list[str] = Field(default_factory=list)  # tried in order for "after_key"
    skip: list[str] = Field(default_factory=list)
    fallback: bool = True  # when the rule finds nothing, try the generic title rules

    _valid = field_validator("skip")(_check_regexes)


class LayoutProfile(_Data):
    """One known page layout: how to detect it and the headings it adds to the lexicon."""

    name: str
    description: str
    detect: DetectRule
    headings: dict[str, SectionName] = Field(default_factory=dict)
    heading_prefixes: dict[str, SectionName] = Field(default_factory=dict)
    preamble: SectionName = "title"  # the section of the text before the first heading
    title: TitleRule
    nct_id: list[str] = Field(default_factory=list)

    _valid = field_validator("nct_id")(_check_regexes)

    def hits(self, text: str) -> int:
        """How many detection patterns match the page."""
        return sum(1 for p in self.detect.patterns if re.search(p, text, re.MULTILINE))


class HeadingLexicon(_Data):
    """Site-independent heading phrases and eligibility cues (see headings.json)."""

    description: str
    sections: dict[SectionName, list[str]]
    prefixes: dict[SectionName, list[str]]
    patterns: dict[SectionName, list[str]] = Field(default_factory=dict)
    inclusion_headers: list[str]
    exclusion_headers: list[str]
    help_sentence_starts: list[str]
    eligibility_fields: list[str]
    # keys that only label criteria ('Details<TAB>1. …'): their value is the criteria text
    eligibility_labels: list[str] = Field(default_factory=list)
    boilerplate_lines: list[str]

    _valid = field_validator("inclusion_headers", "exclusion_headers", "boilerplate_lines")(
        _check_regexes
    )

    @field_validator("patterns")
    @classmethod
    def _valid_patterns(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            _check_regexes(patterns)
        return value

    def phrase_map(self) -> dict[str, str]:
        """Normalised heading phrase → section name."""
        return {phrase: name for name, phrases in self.sections.items() for phrase in phrases}


GENERIC = LayoutProfile(
    name="generic",
    description="Any page with no profile: generic heading rules only.",
    detect=DetectRule(patterns=["$^"], min_hits=1),
    title=TitleRule(strategy="first_line"),
)


def _read_json(package: str, name: str) -> dict:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


@cache
def load_lexicon() -> HeadingLexicon:
    """The shipped heading lexicon."""
    return HeadingLexicon.model_validate(_read_json("trialex.layout", "headings.json"))


def load_profile_file(path: str | Path) -> LayoutProfile:
    """Load and validate one profile file (raises ValueError naming the file)."""
    try:
        return LayoutProfile.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path}: invalid layout profile: {exc}") from exc


@cache
def load_profiles() -> tuple[LayoutProfile, ...]:
    """Every shipped profile, sorted by name."""
    folder = resources.files("trialex.layout").joinpath("profiles")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            try:
                found.append(LayoutProfile.model_validate_json(entry.read_text(encoding="utf-8")))
            except ValueError as exc:
                raise ValueError(f"profiles/{entry.name}: invalid layout profile: {exc}") from exc
    return tuple(found)


def detect_profile(text: str, profiles: tuple[LayoutProfile, ...] | None = None) -> LayoutProfile:
    """The profile with most hits at or above its threshold, else the generic one."""
    best, best_hits = GENERIC, 0
    for profile in profiles if profiles is not None else load_profiles():
        hits = profile.hits(text)
        if hits >= profile.detect.min_hits and hits > best_hits:
            best, best_hits = profile, hits
    return best
