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
- key-value records ("Name: X" / "Affiliation: Y" / "Role: Z"): `people_records.RecordReader`.
"""

from __future__ import annotations

from typing import Any

from trialex.pipeline.names import NameHit
from trialex.pipeline.people_lexicon import PeopleLexicon
from trialex.pipeline.people_lines import Line, clean_affiliation
from trialex.pipeline.people_records import NEUTRAL_KINDS, BlockState, OpenPerson, RecordReader
from trialex.record import Role


class BlockReader(RecordReader):
    """Turns the classified lines of one section into person dicts."""

    def __init__(
        self, lexicon: PeopleLexicon, max_gap: int = 4, affiliation_window: int = 3
    ) -> None:
        self.lexicon = lexicon
        self.max_gap = max_gap
        self.window = affiliation_window
        self.people: list[dict[str, Any]] = []
        self._done: list[OpenPerson] = []
        self._state = BlockState()

    def read(self, lines: list[Line]) -> list[dict[str, Any]]:
        """Process `lines` (one section) and return the people found, in page order."""
        self._state = BlockState()
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
            self._state = BlockState(role=line.role, forced=line.forced)
            return
        if kind in NEUTRAL_KINDS:
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
                self._finish(OpenPerson(hit, no, role=role, affiliation=hit.affiliation,
                                        window=near_only))
            if kind == "inline" and not line.names:
                st.pending, st.pending_gap = line.role, 0
        elif kind == "name":
            self._name_line(no, line.names[0])
        elif kind == "org":
            self._org_line(no, clean_affiliation(line.value, self.lexicon))
        else:
            self._other_line()

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
            self._finish(OpenPerson(hit, no, role=self._block_role(), affiliation=hit.affiliation))
        elif st.pending is not None:
            self._finish(OpenPerson(hit, no, role=st.pending, affiliation=hit.affiliation))
            st.pending = None
        else:
            st.open = st.last = OpenPerson(
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

    def _finish(self, person: OpenPerson) -> None:
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
