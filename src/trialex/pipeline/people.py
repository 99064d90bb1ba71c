"""The `trialex_people` component: named people with SPEC roles, degrees and affiliations.

Reads the page line by line inside `context.own_trial_spans(doc)` (the layout's sections, or the
whole doc when no layout ran) and writes `doc._.people`: a list of dicts
`{name, degree, role, affiliation, start, end}` with `name == doc.text[start:end]`.
Rules: `people_lines` (what a line is), `people_blocks` (how lines make people), `names`
(name shape); vocabularies: `trialex/vocab/{roles,degrees,org_words,people_fields}.json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from trialex.pipeline.context import DOC_KEYS_FURNITURE, own_trial_spans
from trialex.pipeline.extensions import register_extensions
from trialex.pipeline.people_blocks import BlockReader
from trialex.pipeline.people_json import read_json_people
from trialex.pipeline.people_lexicon import VOCAB_FILES, PeopleLexicon
from trialex.pipeline.people_lines import (
    Line,
    classify,
    join_values,
    split_lines,
    split_role_runs,
)

# a section of these labels right after another one (blank lines between) continues its blocks:
# the layout may cut a contact record at a key it reads as a heading ("Address:", "ORCID ID")
CONTINUING_SECTIONS = ("people", "other")
# sections whose lines are prose or other trials, never people blocks
DEFAULT_SKIP_SECTIONS = (
    "eligibility", "summary", "description", "outcomes", "arms_interventions", "results",
    "related_trials", "conditions", "keywords", "design",
)


class PeopleExtractor:
    """Finds people blocks and inline mentions and writes `doc._.people`."""

    def __init__(
        self,
        nlp: Language,
        name: str = "trialex_people",
        *,
        max_gap: int = 4,
        skip_sections: Iterable[str] = DEFAULT_SKIP_SECTIONS,
        lexicon: PeopleLexicon | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.max_gap = max_gap
        self.skip_sections = frozenset(skip_sections)
        self.lexicon = lexicon or PeopleLexicon.load()

    def __call__(self, doc: Doc) -> Doc:
        doc._.people = self.extract(doc)
        return doc

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        """People of the page's own trial, in page order, one entry per (person, role) mention."""
        people: list[dict[str, Any]] = []
        seen: set[tuple[int, int, str]] = set()
        spans = [
            s for s in own_trial_spans(doc, skip_furniture=True)
            if s.label_ not in self.skip_sections
        ]
        for run in _runs(_furniture_blanked(doc), _ordered(spans)):
            lines: list[Line] = []
            for span in run:
                raw = split_lines(span.text, span.start_char)
                for line in raw:
                    lines.extend(split_role_runs(classify(line, self.lexicon), self.lexicon))
            lines = join_values(lines, self.lexicon)
            for person in BlockReader(self.lexicon, self.max_gap).read(lines):
                key = (person["start"], person["end"], person["role"])
                if key not in seen:
                    seen.add(key)
                    people.append(person)
        for span in _ordered(list(own_trial_spans(doc))):
            for person in read_json_people(span.text, span.start_char, self.lexicon):
                key = (person["start"], person["end"], person["role"])
                if key not in seen:
                    seen.add(key)
                    people.append(person)
        return people

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the vocabulary files (the config carries the other settings)."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for file_name, data in self.lexicon.to_dict().items():
            text = json.dumps(data, ensure_ascii=False, indent=1)
            (path / file_name).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PeopleExtractor:
        """Load the vocabulary files written by `to_disk`; missing files keep the packaged ones."""
        path = ensure_path(path)
        if all((path / f).exists() for f in VOCAB_FILES):
            self.lexicon = PeopleLexicon.load(path)
        return self


def _ordered(spans: list[Span]) -> list[Span]:
    """Sections in page order, with nested spans dropped when a containing span is read."""
    spans = sorted(spans, key=lambda s: (s.start_char, -s.end_char))
    kept: list[Span] = []
    for span in spans:
        if kept and span.end_char <= kept[-1].end_char:
            continue
        kept.append(span)
    return kept


def _furniture_blanked(doc: Doc) -> str:
    """The page text with site furniture lines turned into spaces (offsets unchanged), so a help
    line between a people heading and its names is a gap like a blank line."""
    text = doc.text
    if DOC_KEYS_FURNITURE not in doc.spans:
        return text
    chars = list(text)
    for line in doc.spans[DOC_KEYS_FURNITURE]:
        for i in range(line.start_char, line.end_char):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


def _runs(text: str, spans: list[Span]) -> list[list[Span]]:
    """Spans grouped into runs read as one stream: a people/other section that follows the
    previous span with only blank space between continues it."""
    runs: list[list[Span]] = []
    for span in spans:
        prev = runs[-1][-1] if runs else None
        joined = prev is not None and span.label_ in CONTINUING_SECTIONS
        if joined and prev is not None and not text[prev.end_char : span.start_char].strip():
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


@Language.factory(
    "trialex_people",
    assigns=["doc._.people"],
    default_config={"max_gap": 4, "skip_sections": list(DEFAULT_SKIP_SECTIONS)},
)
def make_people(
    nlp: Language, name: str, max_gap: int, skip_sections: list[str]
) -> PeopleExtractor:
    """Factory for `nlp.add_pipe("trialex_people")`."""
    return PeopleExtractor(nlp, name, max_gap=max_gap, skip_sections=skip_sections)
