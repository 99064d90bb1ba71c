"""Read classified lines as blocks and emit SPEC people (name, degree, role, affiliation, offsets).

One pass over the lines of a section with a small state:
- a heading opens a block with an implied role (`Contacts` -> CONTACT), possibly forced on every
  name (`Responsible Party`); the implied role lapses after `max_gap` unrelated lines;
- a role line right after a name without a role labels that name ("Jane Doe" / "Study Chair");
  otherwise, or when it ends with ":", it waits for the next name (location trees);
- a name takes the waiting role, or stays open until a role line, the block's implied role or
  the next name closes it (no role at all: not a person);
- affiliation: the last unclaimed organisation line seen in the block before the name, else the
  first organisation line that follows it;
- key-value records ("Name: X" / "Affiliation: Y" / "Role: Z", keys in any order): a name key or
  a role key (with no unlabelled name open) opens a record, a repeated key or a line of another
  kind closes it; the person takes the record's own role(s), else the role line waiting before
  the record, else the block's implied role, and the record's affiliation (else its address).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trialex.pipeline.names import NameHit
from trialex.pipeline.people_lexicon import PeopleLexicon
from trialex.pipeline.people_lines import Line, clean_affiliation
from trialex.record import Role

_NEUTRAL = frozenset({"contact", "ignored", "degree", "key"})


@dataclass
class _Person:
    hit: NameHit
    line_no: int
    role: Role | None = None
    affiliation: str | None = None
    degree: str | None = None
    fallback: Role | None = None
    window: int = 3

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.hit.name, "degree": self.degree or self.hit.degree, "role": self.role,
            "affiliation": self.affiliation, "start": self.hit.start, "end": self.hit.end,
        }


@dataclass
class _Record:
    line_no: int
    last: int
    keys: set[str] = field(default_factory=set)
    hit: NameHit | None = None
    roles: list[Role] = field(default_factory=list)
    pending: Role | None = None
    affiliation: str | None = None
    address: str | None = None
    degree: str | None = None


@dataclass
class _Block:
    role: Role | None = None
    forced: bool = False
    gap: int = 0
    pending: Role | None = None
    pending_gap: int = 0
    last_org: str | None = None
    open: _Person | None = None
    last: _Person | None = None
    wanting_org: list[_Person] = field(default_factory=list)
    record: _Record | None = None


class BlockReader:
    """Turns the classified lines of one section into person dicts."""

    def __init__(
        self, lexicon: PeopleLexicon, max_gap: int = 4, affiliation_window: int = 3
    ) -> None:
        self.lexicon = lexicon
        self.max_gap = max_gap
        self.window = affiliation_window
        self.people: list[dict[str, Any]] = []
        self._done: list[_Person] = []
        self._state = _Block()

    def read(self, lines: list[Line]) -> list[dict[str, Any]]:
        """Process `lines` (one section) and return the people found, in page order."""
        self._state = _Block()
        for no, line in enumerate(lines):
            self._step(no, line)
        self._close_record()
        self._close_open()
        found = sorted(self._done, key=lambda p: (p.hit.start, p.role or ""))
        self._done = []
        return [p.as_dict() for p in found if p.role is not None]

    def _step(self, no: int, line: Line) -> None:
        st = self._state
        kind = line.kind
        if kind == "heading" and self._labels_open(no, line):
            kind = "role"  # "Jane Doe" / "Responsible Party": a role label, not a new block
        if kind != "heading" and (self._field_line(no, line) or self._record_line(no, line)):
            return
        if kind == "heading":
            self._close_record()
            self._close_open()
            self._state = _Block(role=line.role, forced=line.forced)
            return
        if kind in _NEUTRAL:
            last = st.last
            if kind == "degree" and last and last.hit.degree is None and no - last.line_no <= 2:
                last.degree = last.degree or line.text
            return
        if kind == "role":
            self._role_line(no, line)
        elif kind in ("inline", "name_role"):
            self._close_open()
            role = self._block_role() if st.forced else line.role
            for hit in line.names:
                near_only = 1 if kind == "inline" else self.window
                person = _Person(hit, no, role=role, affiliation=hit.affiliation, window=near_only)
                self._finish(person)
            if kind == "inline" and not line.names:
                st.pending, st.pending_gap = line.role, 0
        elif kind == "name":
            self._name_line(no, line.names[0])
        elif kind == "org":
            self._org_line(no, clean_affiliation(line.value, self.lexicon))
        else:
            self._other_line()

    def _field_line(self, no: int, line: Line) -> bool:
        """A record key line; False when it is read as a plain line (no record to join)."""
        st, key = self._state, line.field_kind
        rec = st.record
        if key is None or line.kind == "key":
            if rec is not None and line.kind == "key" and no - rec.last <= 3:
                rec.last = no
                return True
            return False
        if rec is not None and (key in rec.keys and key != "other" or no - rec.last > 3):
            self._close_record()
            rec = None
        if rec is None:
            open_near = st.open is not None and no - st.open.line_no <= 3
            if key != "name" and (key != "role" or open_near):
                return False
            self._close_open()
            rec = st.record = _Record(no, no, pending=self._take_pending())
        rec.keys.add(key)
        rec.last = no
        if key == "name":
            rec.hit, st.gap = line.names[0], 0
        elif key == "role":
            rec.roles = list(line.roles)
        elif key in ("affiliation", "address") and line.kind == "org":
            text = clean_affiliation(line.value, self.lexicon)
            rec.affiliation = text if key == "affiliation" else rec.affiliation
            rec.address = text if key == "address" else rec.address
        elif key == "degree" and line.kind == "degree":
            rec.degree = line.value
        return True

    def _record_line(self, no: int, line: Line) -> bool:
        """A plain line inside a record: True when the record takes it (a name, a role, an
        organisation or contact details right after its keys); else the record closes."""
        rec = self._state.record
        if rec is None:
            return False
        near = no - rec.last <= 2
        kind = line.kind
        if kind in _NEUTRAL and near:
            return True
        if kind == "name" and rec.hit is None and near:
            rec.hit, rec.last = line.names[0], no
            return True
        unlabelled = rec.hit is not None and not rec.roles and rec.pending is None
        if kind == "role" and unlabelled and near and not line.colon and line.role is not None:
            rec.roles = [line.role]
            return True
        if kind == "org" and near and rec.affiliation is None and rec.address is None:
            rec.address = clean_affiliation(line.value, self.lexicon)
            return True
        self._close_record()
        return False

    def _take_pending(self) -> Role | None:
        st = self._state
        role, st.pending = st.pending, None
        return role

    def _close_record(self) -> None:
        st = self._state
        rec, st.record = st.record, None
        if rec is None:
            return
        if rec.hit is None:  # "Type(s)" / "Principal Investigator" with no name: waits for one
            if rec.roles and not st.forced:
                st.pending, st.pending_gap = rec.roles[0], 0
            return
        block = self._block_role()
        roles = rec.roles or [r for r in (rec.pending or block,) if r is not None]
        if st.forced and block is not None:
            roles = [block]
        for role in roles:
            affiliation = rec.affiliation or rec.address or rec.hit.affiliation
            self._finish(_Person(rec.hit, rec.line_no, role=role, affiliation=affiliation,
                                 degree=rec.degree, window=0))

    def _labels_open(self, no: int, line: Line) -> bool:
        """A heading that is also a role phrase, right after a name still without a role."""
        person = self._state.open
        if person is None or person.role is not None or no - person.line_no > 2:
            return False
        line.role = self.lexicon.role_of(line.text)
        return line.role is not None

    def _block_role(self) -> Role | None:
        return self._state.role if self._state.gap <= self.max_gap else None

    def _role_line(self, no: int, line: Line) -> None:
        st = self._state
        if st.forced:
            return
        near = st.open is not None and no - st.open.line_no <= 3
        if st.open is not None and st.open.role is None and near and not line.colon:
            st.open.role = line.role
            self._finish(st.open)
            st.open = None
            return
        self._close_open()
        st.pending, st.pending_gap = line.role, 0

    def _name_line(self, no: int, hit: NameHit) -> None:
        st = self._state
        self._close_open()
        if st.forced and self._block_role() is not None:
            self._finish(_Person(hit, no, role=self._block_role(), affiliation=hit.affiliation))
        elif st.pending is not None:
            self._finish(_Person(hit, no, role=st.pending, affiliation=hit.affiliation))
            st.pending = None
        else:
            st.open = st.last = _Person(
                hit, no, fallback=self._block_role(), affiliation=hit.affiliation
            )
        st.gap = 0

    def _org_line(self, no: int, text: str) -> None:
        st = self._state
        claimed = False
        for person in list(st.wanting_org):
            if no - person.line_no <= person.window:
                person.affiliation = text
                claimed = True
            st.wanting_org.remove(person)
        person = st.open
        near = person is not None and no - person.line_no <= self.window
        if person and near and person.affiliation is None and not claimed:
            person.affiliation = text
            claimed = True
        if not claimed:
            st.last_org = text
        self._other_line(count=False)

    def _other_line(self, count: bool = True) -> None:
        st = self._state
        if count:
            st.gap += 1
        st.pending_gap += 1
        if st.pending_gap > 3:
            st.pending = None

    def _finish(self, person: _Person) -> None:
        """Record `person`; take the block's last organisation or wait for the next one."""
        st = self._state
        st.last = person
        if person.affiliation is None and st.last_org is not None:
            person.affiliation = st.last_org
        elif person.affiliation is None:
            st.wanting_org.append(person)
        self._done.append(person)

    def _close_open(self) -> None:
        st = self._state
        if st.open is None:
            return
        person, st.open = st.open, None
        if person.role is None:
            person.role = person.fallback
        if person.role is not None and person not in self._done:
            self._done.append(person)
