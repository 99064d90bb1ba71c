"""The people component's vocabularies: role words, degrees, organisation and boilerplate words,
and the keys of key-value person records.

Four data files under `trialex/vocab/` (roles.json, degrees.json, org_words.json,
people_fields.json), validated with pydantic (`extra="forbid"`) and compiled into a
`PeopleLexicon` with lookup helpers.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator

from trialex.record import Role

VOCAB_FILES = ("roles.json", "degrees.json", "org_words.json", "people_fields.json")
Field = Literal["name", "role", "affiliation", "address", "degree", "other"]
_DEDOT = re.compile(r"[.\s]")


def _lower_case_keys(value: dict[str, Any]) -> dict[str, Any]:
    """Lexicon keys are matched lower-case and trimmed: refuse any other spelling."""
    bad = [k for k in value if k != k.lower().strip()]
    if bad:
        raise ValueError(f"keys must be lower-case and trimmed: {bad}")
    return value


class _Vocab(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str = ""


class RoleVocab(_Vocab):
    """roles.json: role phrases and block headings mapped to SPEC roles."""

    roles: dict[str, Role]
    headings: dict[str, Role | None]
    forced_headings: list[str]
    ignore_prefixes: list[str]
    heading_prefixes: list[str] = []

    _lower_keys = field_validator("roles", "headings")(_lower_case_keys)


class DegreeVocab(_Vocab):
    """degrees.json: degree forms (dot-less, lower-case), honorific prefixes, name suffixes."""

    degrees: list[str]
    prefixes: list[str]
    social_titles: list[str]
    name_suffixes: list[str]


class OrgVocab(_Vocab):
    """org_words.json: organisation cues, job titles, page words, boilerplate, places."""

    organisation_stems: list[str]
    organisation_words: list[str]
    organisation_suffixes: list[str] = []
    title_words: list[str]
    not_name_words: list[str]
    boilerplate: list[str]
    places: list[str]


class FieldVocab(_Vocab):
    """people_fields.json: record keys ("Contact name", "Type(s)") and role values of role keys."""

    keys: dict[str, Field]
    role_values: dict[str, Role]

    _lower_keys = field_validator("keys", "role_values")(_lower_case_keys)


def dedot(text: str) -> str:
    """Lower-case `text` with dots and spaces removed: "Ph.D." -> "phd"."""
    return _DEDOT.sub("", text.lower())


class PeopleLexicon:
    """All vocabularies of the people component, with the lookups the line rules need."""

    def __init__(
        self, roles: RoleVocab, degrees: DegreeVocab, orgs: OrgVocab, fields: FieldVocab
    ) -> None:
        self.roles = roles
        self.degrees = degrees
        self.orgs = orgs
        self.fields = fields

    @classmethod
    def load(cls, directory: Path | None = None) -> PeopleLexicon:
        """Read the four files from `directory` (default: the packaged `trialex/vocab`)."""
        data = {name: json.loads(_read(name, directory)) for name in VOCAB_FILES}
        return cls(
            RoleVocab.model_validate(data["roles.json"]),
            DegreeVocab.model_validate(data["degrees.json"]),
            OrgVocab.model_validate(data["org_words.json"]),
            FieldVocab.model_validate(data["people_fields.json"]),
        )

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """File name -> JSON data, for `to_disk`."""
        return {
            "roles.json": self.roles.model_dump(),
            "degrees.json": self.degrees.model_dump(),
            "org_words.json": self.orgs.model_dump(),
            "people_fields.json": self.fields.model_dump(),
        }

    @cached_property
    def _degree_set(self) -> frozenset[str]:
        return frozenset(dedot(d) for d in self.degrees.degrees)

    @cached_property
    def _word_sets(self) -> dict[str, frozenset[str]]:
        o = self.orgs
        return {
            "org": frozenset(o.organisation_words),
            "title": frozenset(o.title_words),
            "page": frozenset(o.not_name_words),
            "place": frozenset(o.places),
        }

    def role_of(self, phrase: str) -> Role | None:
        """The SPEC role a whole role phrase names ("Study Chair" -> STUDY_CHAIR), else None;
        registry headings name it too: "Details of Principal Investigator or overall Trial
        Coordinator (multi-center study)", "Details of Contact Person (Public Query)"."""
        key = _norm_phrase(phrase)
        role = self.roles.roles.get(key)
        if role is not None or len(key) > 120:
            return role
        for prefix in self.roles.heading_prefixes:
            if key.startswith(prefix + " "):
                key = key[len(prefix) + 1 :]
                break
        else:
            return None
        key = re.sub(r"\s*\([^()]*\)$", "", key)
        return self.roles.roles.get(key) or self.roles.roles.get(key.split(" or ")[0])

    @cached_property
    def _role_pattern(self) -> re.Pattern[str]:
        words = sorted((k for k in self.roles.roles if len(k) > 2), key=len, reverse=True)
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def role_pattern(self) -> re.Pattern[str]:
        """Any role phrase of `roles.json` (longest first) as a whole word, any case."""
        return self._role_pattern

    def field_of(self, key: str) -> Field | None:
        """The record field a key names ("Contact name" -> "name"), else None."""
        return self.fields.keys.get(_norm_phrase(key))

    def role_values(self, value: str) -> list[Role]:
        """Roles in the value of a role key: "Public, Scientific" -> [CONTACT]; [] when a part
        is not a role word (the value is then not a role list)."""
        roles: list[Role] = []
        for part in re.split(r"[,;/]|\band\b", value):
            if not part.strip():
                continue
            key = _norm_phrase(part)
            role = self.roles.roles.get(key) or self.fields.role_values.get(key)
            if role is None:
                return []
            if role not in roles:
                roles.append(role)
        return roles

    def heading_of(self, line: str) -> tuple[bool, Role | None, bool]:
        """(is a people heading, implied role, role forced on every name) for a whole line."""
        key = _norm_phrase(line)
        if key not in self.roles.headings:
            # "Lead Scientist at UCSF": a role phrase at a place heads that role's block
            head, at, _ = key.partition(" at ")
            role = self.roles.roles.get(head) if at and len(key) <= 80 else None
            return (True, role, False) if role is not None else (False, None, False)
        return True, self.roles.headings[key], key in self.roles.forced_headings

    def is_ignored(self, line: str) -> bool:
        """True for attribute lines such as "Responsibility Role SPONSOR"."""
        low = line.lower().strip()
        return any(low.startswith(p) for p in self.roles.ignore_prefixes)

    def is_degree(self, text: str) -> bool:
        """True for a degree as written: "Ph.D", "MD", "M.D.", "MD.PhD", "MD/PhD", "Doctor"."""
        key = dedot(text.strip(" ,;()"))
        if not key:
            return False
        if key in self._degree_set:
            return True
        parts = [p for p in re.split(r"[./\-&+]", text.strip(" ,;()").lower()) if p]
        return len(parts) > 1 and all(dedot(p) in self._degree_set for p in parts)

    def is_prefix(self, token: str) -> bool:
        """True for an honorific written before a name ("Dr.", "Prof")."""
        return token.lower() in self.degrees.prefixes

    def is_social_title(self, token: str) -> bool:
        """True for "Mr", "Ms", "Mrs": an honorific that is never the degree."""
        return token.lower() in self.degrees.social_titles

    def is_name_suffix(self, token: str) -> bool:
        return token.lower() in self.degrees.name_suffixes

    def word_kind(self, token: str) -> str | None:
        """"org", "title", "page" or "place" for a token of that vocabulary, else None."""
        low = token.lower().strip(".,;:()")
        for kind, words in self._word_sets.items():
            if low in words:
                return kind
        if any(low.startswith(stem) for stem in self.orgs.organisation_stems):
            return "org"
        suffixes = self.orgs.organisation_suffixes
        if any(len(low) > len(s) + 2 and low.endswith(s) for s in suffixes):
            return "org"  # a compound: "Nordklinik", "Kinderspital"
        return None

    def has_org_cue(self, text: str) -> bool:
        """True when a capitalised token of `text` is an organisation word or stem."""
        for token in re.findall(r"[\w&/.\-]+", text):
            if token[:1].isupper() and self.word_kind(token) == "org":
                return True
        return False

    def has_boilerplate(self, text: str) -> bool:
        low = " ".join(text.lower().split())
        return any(b in low for b in self.orgs.boilerplate)


def _norm_phrase(text: str) -> str:
    """Lower-case, trimmed, single-spaced, without bullets and a trailing colon."""
    text = text.strip().strip("-•*·–—>").strip().rstrip(":").strip()
    return " ".join(text.lower().split())


def _read(name: str, directory: Path | None) -> str:
    if directory is not None:
        return (Path(directory) / name).read_text(encoding="utf-8")
    return resources.files("trialex").joinpath("vocab").joinpath(name).read_text(encoding="utf-8")
