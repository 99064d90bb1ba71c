"""Key-value person records ("Name: X" / "Affiliation: Y" / "Role: Z", keys in any order) and
the reading state shared with `people_blocks.BlockReader`.

A name key or a role key (with no unlabelled name open) opens a record, a repeated key or a line
of another kind closes it; the person takes the record's own role(s), else the role line waiting
before the record, else the block's implied role, and the record's affiliation (else its address).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trialex.pipeline.names import NameHit
from trialex.pipeline.people_lexicon import PeopleLexicon
from trialex.pipeline.people_lines import Line, clean_affiliation
from trialex.record import Role

NEUTRAL_KINDS = frozenset({"contact", "ignored", "degree", "key"})


@dataclass
class OpenPerson:
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
class KeyRecord:
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
class BlockState:
    role: Role | None = None
    forced: bool = False
    gap: int = 0
    pending: Role | None = None
    pending_gap: int = 0
    last_org: str | None = None
    open: OpenPerson | None = None
    last: OpenPerson | None = None
    wanting_org: list[OpenPerson] = field(default_factory=list)
    record: KeyRecord | None = None


class RecordReader:
    """Mixin of `BlockReader`: the key-value record part of the block state machine."""

    lexicon: PeopleLexicon
    _state: BlockState

    def _finish(self, person: OpenPerson) -> None:  # BlockReader._finish
        raise NotImplementedError

    def _close_open(self) -> None:  # BlockReader._close_open
        raise NotImplementedError

    def _block_role(self) -> Role | None:  # BlockReader._block_role
        raise NotImplementedError

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
            rec = st.record = KeyRecord(no, no, pending=self._take_pending())
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
        if kind in NEUTRAL_KINDS and near:
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
            self._finish(OpenPerson(rec.hit, rec.line_no, role=role, affiliation=affiliation,
                                 degree=rec.degree, window=0))
