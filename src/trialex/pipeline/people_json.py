"""People in JSON field dumps pasted into a page (registry API responses):
`{"CentralContactName": "Jane Doe", "CentralContactRole": "Contact"}`,
`{"OverallOfficialName": "Ann Roe, MD", "OverallOfficialAffiliation": "X", "OverallOfficialRole":
"Principal Investigator"}`, `{"name": "Ann Roe", "role": "PRINCIPAL_INVESTIGATOR"}`.

Each innermost `{...}` object is one record. A key is split at its camel-case humps and read
with `people_fields.json`, dropping leading words until a key matches ("central contact name" ->
"contact name" -> `name`). A record without a role key takes the role its key words name
("CentralContactName" -> CONTACT). The quoted strings are unambiguous, so these records are read
in every section, also where the layout left them inside another one (eligibility).
"""

from __future__ import annotations

import json
import re
from typing import Any

from trialex.pipeline.names import parse_person
from trialex.pipeline.people_lexicon import PeopleLexicon
from trialex.record import Role

_OBJECT = re.compile(r"\{[^{}]*\}")
_PAIR = re.compile(
    r'"(?P<key>[A-Za-z][A-Za-z0-9_]{0,60})"\s*:\s*"(?P<value>(?:[^"\\\n]|\\.){1,300})"'
)
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|_")


def key_words(key: str) -> list[str]:
    """ "CentralContactName" -> ["central", "contact", "name"]."""
    return [w.lower() for w in _HUMP.split(key) if w]


def field_of_key(key: str, lex: PeopleLexicon) -> tuple[str | None, list[str]]:
    """The record field a JSON key names and the words before it ("central contact")."""
    words = key_words(key)
    for i in range(len(words)):
        found = lex.field_of(" ".join(words[i:]))
        if found is not None:
            return found, words[:i]
    return None, words


def read_json_people(text: str, offset: int, lex: PeopleLexicon) -> list[dict[str, Any]]:
    """People of the JSON records in `text` (found at page offset `offset`), in page order."""
    people: list[dict[str, Any]] = []
    for obj in _OBJECT.finditer(text):
        name_at: tuple[int, str] | None = None
        roles: list[Role] = []
        lead: list[str] = []
        affiliation = None
        for pair in _PAIR.finditer(obj.group()):
            kind, before = field_of_key(pair.group("key"), lex)
            value = _unescape(pair.group("value"))
            if kind == "name" and name_at is None:
                name_at, lead = (obj.start() + pair.start("value"), value), key_words(
                    pair.group("key"))[:-1]
            elif kind == "role":
                roles = roles or lex.role_values(value.replace("_", " "))
            elif kind == "affiliation" and affiliation is None:
                affiliation = value.strip() or None
        if name_at is None:
            continue
        if not roles and lead and (implied := lex.role_of(" ".join(lead[-2:])) or
                                   lex.role_of(lead[-1])) is not None:
            roles = [implied]
        at, value = name_at
        hit = parse_person(value, offset + at, lex, allow_last_first=True, loose=True)
        if hit is None:
            continue
        for role in roles:
            people.append({
                "name": hit.name, "degree": hit.degree, "role": role,
                "affiliation": affiliation or hit.affiliation, "start": hit.start, "end": hit.end,
            })
    return people


def _unescape(value: str) -> str:
    """JSON string escapes read, but only when that keeps the length (offsets stay exact)."""
    try:
        plain = json.loads(f'"{value}"')
    except ValueError:
        return value
    return plain if len(plain) == len(value) else value
