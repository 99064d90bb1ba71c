"""A small brat standoff reader (text-bound spans, events, attributes) for LCT and Chia.

Texts are read with `newline=''` so that CRLF files keep the offsets brat wrote.
Discontinuous spans (`start end;start end`) keep their fragments in file order;
`Span.start`/`Span.end` are the covering span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A text-bound annotation `Tn`: a type and one or more character fragments."""

    id: str
    type: str
    fragments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        """Where the first fragment starts."""
        return min(start for start, _ in self.fragments)

    @property
    def end(self) -> int:
        """Where the last fragment ends."""
        return max(end for _, end in self.fragments)

    @property
    def discontinuous(self) -> bool:
        """True when the span has more than one fragment."""
        return len(self.fragments) > 1


@dataclass(frozen=True)
class Event:
    """An event `En`: a trigger span and (role, argument id) pairs in file order."""

    id: str
    type: str
    trigger: str
    args: tuple[tuple[str, str], ...]

    def arg(self, role: str) -> list[str]:
        """Argument ids of one role; `Value` also matches `Value2`, `Value3`, ..."""
        return [a for r, a in self.args if r.rstrip("0123456789") == role]


@dataclass
class BratDoc:
    """One brat document: its text and annotations keyed by id."""

    doc_id: str
    text: str
    spans: dict[str, Span] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    attributes: dict[str, dict[str, str]] = field(
        default_factory=dict
    )  # target id -> name -> value

    def of_type(self, *types: str) -> list[Span]:
        """Text-bound spans of the given types, in text order."""
        return sorted(
            (s for s in self.spans.values() if s.type in types),
            key=lambda s: (s.start, s.end, s.id),
        )


def read_text(path: Path) -> str:
    """A brat .txt file as written (no newline translation)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _fragments(spec: str) -> tuple[tuple[int, int], ...]:
    parts = []
    for piece in spec.split(";"):
        start, end = piece.split()
        parts.append((int(start), int(end)))
    return tuple(parts)  # file order: brat joins fragment texts in this order


def read_brat(txt_path: Path) -> BratDoc:
    """Read `X.txt` and `X.ann` (missing .ann gives an empty document)."""
    doc = BratDoc(doc_id=txt_path.stem, text=read_text(txt_path))
    ann_path = txt_path.with_suffix(".ann")
    if not ann_path.exists():
        return doc
    with open(ann_path, encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines()
    for line in lines:
        if not line.strip():
            continue
        ann_id, _, rest = line.partition("\t")
        if ann_id.startswith("T"):
            head, _, text = rest.partition("\t")
            kind, _, spec = head.partition(" ")
            doc.spans[ann_id] = Span(ann_id, kind, _fragments(spec), text)
        elif ann_id.startswith("E"):
            items = rest.split()
            kind, _, trigger = items[0].partition(":")
            args = tuple(tuple(item.split(":", 1)) for item in items[1:] if ":" in item)
            doc.events[ann_id] = Event(ann_id, kind, trigger, args)  # type: ignore[arg-type]
        elif ann_id.startswith(("A", "M")):
            items = rest.split()
            if len(items) >= 2:
                value = items[2] if len(items) > 2 else "true"
                doc.attributes.setdefault(items[1], {})[items[0]] = value
    return doc


def check_offsets(doc: BratDoc) -> list[Span]:
    """Spans whose fragments do not reproduce their brat text (fragments joined by a space)."""
    bad = []
    for span in doc.spans.values():
        joined = " ".join(doc.text[s:e] for s, e in span.fragments)
        if joined != span.text:
            bad.append(span)
    return bad
