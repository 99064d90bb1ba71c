"""Split page text into lines and tell what each line is for the people rules.

Kinds: `heading` (a people block heading such as "Trial Officials"), `ignored` ("Responsibility
Role SPONSOR"), `role` (a role alone: "Study Chair", "Role: PRINCIPAL_INVESTIGATOR",
"Principal Investigator:"), `inline` (a role and names: "Contact: Jane Doe | 555-0100"),
`name_role` ("Jane Doe, MD (Study Chair)"), `degree`, `contact` (phone/e-mail only), `name`,
`org` (an organisation line, affiliation candidate), `other`.

Key-value record lines ("Name: Jane Doe", "Affiliation: X", "Role: CONTACT", "Type(s)" /
"Public, Scientific", "Name 341102 0" / "Dr Jane Doe") also carry `field` (people_fields.json):
`name` lines are kind `name`, `role` lines kind `role` (with all their `roles`), `affiliation`
and `address` lines kind `org` (the organisation in `value`), the rest kind `contact`. A key
alone on its line (`key`) takes the next line as its value (`join_values`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from trialex.pipeline.names import NameHit, contact_cut, has_contact, parse_person
from trialex.pipeline.people_lexicon import PeopleLexicon
from trialex.record import Role

_BULLET = re.compile(r"^[\s\-•*·–—>○◦▪■□●+|]*(?:\d{1,2}[.)]\s+)?")
_INLINE = re.compile(
    r"^(?P<role>[A-Za-z][A-Za-z ,/()_\-]{0,60}?)\s*(?::|：|\s[-–—]\s)\s*(?P<rest>\S.*)$"
)
_ROLE_PREFIX = re.compile(r"^(?:role|investigator role|official role)\s*[:\-]?\s*", re.IGNORECASE)
_CONTACT_LINE = re.compile(r"^(?:phone|tel|telephone|e-?mail|fax|mobile|contact phone)\b", re.I)
# "Name: X", "Name 341102 0" (registry field ids), "Secondary ID [1]"; value after ":" if any
_KEY = re.compile(
    r"^(?P<key>[A-Za-z][A-Za-z ()/'\-]{0,40}?)(?:\s*\[\d+\])?(?:\s+\d{3,}(?:\s+\d+)*)?\s*"
    r"(?:(?P<sep>[:：]|\t)\s*(?P<value>.*))?$"
)
_ESCAPE = re.compile(r"\\(?=[^\w\s])")
_TRIAL_ID = re.compile(r"\b[A-Z]{2,}[-_]?\d{6,}\b")
_STOP = frozenset(
    ["of", "the", "and", "at", "for", "de", "du", "des", "la", "le", "di", "del", "da", "in", "on",
     "&", "y", "und", "für", "a", "an"]
)


@dataclass
class Line:
    """One non-blank line: page offsets of its trimmed text, its kind and what it carries."""

    text: str
    start: int
    kind: str = "other"
    role: Role | None = None
    colon: bool = False
    forced: bool = False
    names: list[NameHit] = field(default_factory=list)
    field_kind: str | None = None
    value_start: int = 0
    roles: list[Role] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def value(self) -> str:
        """The text after a record key ("Affiliation: X" -> "X"), else the whole text."""
        return self.text[self.value_start :]


def split_lines(text: str, offset: int = 0) -> list[Line]:
    """Non-blank lines of `text`, bullets and surrounding blanks trimmed, with page offsets."""
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = _BULLET.match(body)
        skip = lead.end() if lead else 0
        stripped = body[skip:].rstrip()
        if stripped:
            lines.append(Line(stripped, offset + pos + skip))
        pos += len(raw)
    return lines


def classify(line: Line, lex: PeopleLexicon) -> Line:
    """Fill `line.kind` (and role, names) from the vocabularies and the name-shape rules."""
    # markdown escapes ("Jane Doe, MD \\- Clinic", "\\+45 ...") read as spaces: offsets stay
    text = line.text = _ESCAPE.sub(" ", line.text)
    is_heading, role, forced = lex.heading_of(text)
    if is_heading:
        line.kind, line.role, line.forced = "heading", role, forced
    elif lex.is_ignored(text):
        line.kind = "ignored"
    elif _field_line(line, lex):
        pass
    elif (role := _whole_role(text, lex)) is not None:
        line.kind, line.role, line.colon = "role", role, text.rstrip().endswith(":")
    elif _inline(line, lex) or _name_then_role(line, lex) or _table_row(line, lex):
        pass
    elif lex.is_degree(text) and len(text) <= 20:
        line.kind = "degree"
    elif _CONTACT_LINE.match(text) or (has_contact(text) and contact_cut(text) < 3):
        line.kind = "contact"
    elif (hit := parse_person(text, line.start, lex, allow_last_first=True)) is not None:
        line.kind, line.names = "name", [hit]
    elif lex.has_org_cue(text) and not is_prose(text) and len(text) <= 250 and (
            not _TRIAL_ID.search(text)):
        line.kind = "org"  # but not "NCT01234567  ClinicalTrials.gov" (a registry id line)
    return line


def join_values(lines: list[Line], lex: PeopleLexicon) -> list[Line]:
    """Lines with each record key alone on its line ("Contact name") merged into the value on
    the next line ("Mr Jane Doe"): the value line takes the key's field; an empty key stays.
    A plain line right before a role line or a phone/e-mail line is read as a loose name
    ("xu meng" / "Principal Investigator")."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        waiting = prev is not None and prev.kind == "key" and prev.field_kind is not None
        plain = line.field_kind is None and line.kind != "heading"
        if waiting and plain and prev and _take_value(line, prev.field_kind or "", lex):
            out[-1] = line
            continue
        labels = line.kind == "contact" or (line.kind == "role" and not line.colon)
        if prev is not None and prev.kind == "other" and labels and len(prev.text) <= 60:
            hit = parse_person(prev.text, prev.start, lex, loose=True)
            if hit is not None:
                prev.kind, prev.names = "name", [hit]
        out.append(line)
    return out


def is_prose(text: str) -> bool:
    """True for a sentence of running text rather than a name or an organisation line."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\-]*", text) if w.lower() not in _STOP]
    if not words:
        return True
    lower = sum(1 for w in words if w[0].islower())
    return lower / len(words) > 0.35 or (text.endswith(".") and len(words) > 10)


def clean_affiliation(text: str, lex: PeopleLexicon) -> str:
    """The organisation in an affiliation line, less a job-title or department lead-in:
    "Associate professor, X University" -> "X University"; "Immunology at X Institute" -> ...
    """
    for sep in (", ", " at "):
        head, found, tail = text.partition(sep)
        if found and not lex.has_org_cue(head) and lex.has_org_cue(tail):
            text = tail[4:] if tail.startswith("the ") else tail
            break
    return text.strip()


def _field_line(line: Line, lex: PeopleLexicon) -> bool:
    """A record key line: "Name: Jane Doe", "Role: CONTACT", "Type(s)", "Email 341101 0"."""
    found = _KEY.match(line.text)
    if found is None or (kind := lex.field_of(found.group("key"))) is None:
        return False
    if found.group("sep") is None or not found.group("value"):
        line.kind, line.field_kind = "key", kind
        return True
    line.value_start = found.start("value")
    bare = Line(line.text[line.value_start :], line.start + line.value_start)
    if not _take_value(bare, kind, lex):
        return False
    line.kind, line.field_kind, line.role, line.roles = bare.kind, kind, bare.role, bare.roles
    line.names = bare.names
    return True


def _take_value(line: Line, kind: str, lex: PeopleLexicon) -> bool:
    """Read `line` (its whole text) as the value of a `kind` record key; False if it is not one."""
    text = line.text
    if kind == "name":
        hit = parse_person(text, line.start, lex, allow_last_first=True, loose=True)
        if hit is None:
            return False
        line.kind, line.names = "name", [hit]
    elif kind == "role":
        line.roles = lex.role_values(text)
        if not line.roles:
            return False
        line.kind, line.role, line.colon = "role", line.roles[0], False
    elif kind == "affiliation" or (kind == "address" and lex.has_org_cue(text)):
        line.kind = "org"
    elif kind == "degree" and lex.is_degree(text):
        line.kind = "degree"
    else:
        line.kind = "contact"
    line.field_kind = kind
    return True


def _whole_role(text: str, lex: PeopleLexicon) -> Role | None:
    """The role when the whole line (less a "Role:" prefix or trailing colon) is a role."""
    bare = _ROLE_PREFIX.sub("", text.strip()) if _ROLE_PREFIX.match(text.strip()) else text
    return lex.role_of(bare)


def _inline(line: Line, lex: PeopleLexicon) -> bool:
    """ "Principal Investigator: Jane Doe, MD" (several names split by ";" or " and ")."""
    found = _INLINE.match(line.text)
    if found is None or (role := lex.role_of(found.group("role"))) is None:
        return False
    line.kind, line.role = "inline", role
    rest_start = found.start("rest")
    for piece in re.finditer(r"[^;]+", line.text[rest_start:]):
        chunk, at = piece.group(), line.start + rest_start + piece.start()
        lead = len(chunk) - len(chunk.lstrip())
        hit = parse_person(chunk.strip(), at + lead, lex, allow_last_first=True, loose=True)
        if hit is None and " and " in chunk:
            for sub in re.finditer(r"(?:(?! and ).)+", chunk):
                sub_lead = len(sub.group()) - len(sub.group().lstrip())
                one = parse_person(sub.group().strip(), at + sub.start() + sub_lead, lex)
                if one is not None:
                    line.names.append(one)
        elif hit is not None:
            line.names.append(hit)
    if not line.names:
        line.colon = True
    return True


def _name_then_role(line: Line, lex: PeopleLexicon) -> bool:
    """ "Jane Doe, MD (Study Chair)", "Jane Doe - Study Coordinator", "Jane Doe, Study Chair"."""
    text = line.text
    for found in re.finditer(r"\s*(?:\(|\s[-–—]\s|,\s*)", text):
        tail = text[found.end() :].rstrip(" )")
        role = lex.role_of(tail)
        if role is None:
            continue
        hit = parse_person(text[: found.start()], line.start, lex)
        if hit is not None:
            line.kind, line.role, line.names = "name_role", role, [hit]
            return True
    return False


def split_role_runs(line: Line, lex: PeopleLexicon) -> list[Line]:
    """A table row whose cell names people after role words inside running text ("Rochester |
    Recruiting | Mayo Clinic principal investigator Jane Doe, M.D. Contact: Ann Roe (507) ...")
    read as one `inline` line per role word with a name right after it; [line] otherwise."""
    if line.kind not in ("other", "org", "contact", "name") or " | " not in line.text:
        return [line]
    text = line.text
    found = [m for m in lex.role_pattern().finditer(text)]
    runs: list[Line] = []
    for i, match in enumerate(found):
        role = lex.role_of(match.group())
        if role is None:
            continue
        stop = min([m.start() for m in found[i + 1 :]] + [len(text)])
        cell_end = text.find("|", match.end())
        stop = min(stop, cell_end) if cell_end >= 0 else stop
        value = text[match.end() : stop]
        lead = len(value) - len(value.lstrip(" :：-–—"))
        hit = parse_person(value[lead:].rstrip(), line.start + match.end() + lead, lex)
        cell_start = text.rfind("|", 0, match.start()) + 1
        before = text[cell_start : match.start()].strip(" ,;")
        if hit is not None and before and lex.has_org_cue(before) and not runs:
            hit = replace(hit, affiliation=before)
        elif hit is not None and runs and runs[-1].names[0].affiliation:
            hit = replace(hit, affiliation=runs[-1].names[0].affiliation)
        if hit is not None:
            runs.append(Line(text[match.start() : stop].rstrip(), line.start + match.start(),
                             kind="inline", role=role, names=[hit]))
    return runs or [line]


def _table_row(line: Line, lex: PeopleLexicon) -> bool:
    """A "Role | Name | Email | ..." table row: "Principal Investigator | Jane Doe | ...";
    the first cell is a role phrase, the second a name (header rows have no name)."""
    text = line.text
    if "|" not in text:
        return False
    cells = [(m.start(), m.group()) for m in re.finditer(r"[^|]+", text) if m.group().strip()]
    if len(cells) < 2 or (role := lex.role_of(cells[0][1])) is None:
        return False
    at, cell = cells[1]
    at += len(cell) - len(cell.lstrip())
    hit = parse_person(cell.strip(), line.start + at, lex)
    if hit is None:
        return False
    line.kind, line.role, line.names = "name_role", role, [hit]
    return True
