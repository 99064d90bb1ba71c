"""`trialex_entities`: CONDITION, CELL_TYPE and DRUG spans from vocabularies and grammar.

Reads `context.own_trial_spans(doc, skip_furniture=True)` (never related-trial blocks nor
site furniture lines) and scispacy's `doc._.abbreviations`; writes `doc.spans["entities"]`
with `span._.canonical` and `span._.attributes` (ARCHITECTURE.md), source ids on
`span.kb_id_`. The compiled lexicon is saved by `to_disk` as gzipped msgpack.
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from trialex.pipeline.cells import CellGrammarMatcher, CellHit
from trialex.pipeline.context import own_trial_spans
from trialex.pipeline.entities_codes import DrugCodes
from trialex.pipeline.entities_context import (
    AbbreviationCues,
    ConditionForms,
    DrugMeasurement,
    DrugMorphology,
)
from trialex.pipeline.entities_lexicon import NO_ENTITY, Lexicon, Match, compile_lexicon
from trialex.pipeline.entities_post import Candidate, ConditionRules
from trialex.pipeline.extensions import DOC_KEYS_ENTITIES, register_extensions
from trialex.vocab.normalize import norm_key
from trialex.vocab.schema import load_modifiers

_LEXICON_FILE = "lexicon.msgpack.gz"
_CONTEXT_WINDOW = 4
_LABEL_RANK = {"CELL_TYPE": 0, "DRUG": 1, "CONDITION": 2}
_NAME_SECTIONS = {"people", "locations", "sponsors", "about"}


@Language.factory(
    "trialex_entities",
    assigns=["doc.spans"],
    requires=["doc._.abbreviations"],
    default_config={"spans_key": DOC_KEYS_ENTITIES},
)
def make_entities(nlp: Language, name: str, spans_key: str) -> EntityRecognizer:
    """Factory for `nlp.add_pipe("trialex_entities")`."""
    return EntityRecognizer(nlp, name, spans_key=spans_key)


def abbreviation_pairs(doc: Doc) -> list[tuple[Span, Span]]:
    """(short form, long form) spans from scispacy's detector, as Spans or serialised dicts."""
    pairs = []
    for item in (doc._.abbreviations or []) if Doc.has_extension("abbreviations") else []:
        if isinstance(item, Span) and isinstance(item._.long_form, Span):
            pairs.append((item, item._.long_form))
        elif isinstance(item, dict):
            pairs.append(
                (
                    doc[item["short_start"] : item["short_end"]],
                    doc[item["long_start"] : item["long_end"]],
                )
            )
    return pairs


class EntityRecognizer:
    """Dictionary lookup + condition rules + cell grammar + page abbreviations."""

    def __init__(
        self, nlp: Language, name: str = "trialex_entities", *, spans_key: str = DOC_KEYS_ENTITIES
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self._lexicon: Lexicon | None = None
        self._rules: ConditionRules | None = None
        self.cells = CellGrammarMatcher()
        mods = load_modifiers()
        self.drug_context = {norm_key(w) for w in mods.drug_context}
        self.org_words = set(mods.org_words)
        self.org_connectors = set(mods.org_connectors)
        self.codes = DrugCodes(mods)
        self.abbreviation_cues = AbbreviationCues(mods)
        self.forms = ConditionForms()
        self.morphology = DrugMorphology()
        self.measurement = DrugMeasurement(mods)
        # "Jane Doe, MSc": a degree written in mixed case is not a cell abbreviation ("MSC")
        degrees = resources.files("trialex.vocab").joinpath("degrees.json").read_text("utf-8")
        self.degrees = set(json.loads(degrees)["degrees"])

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._set_lexicon(compile_lexicon())
        assert self._lexicon is not None
        return self._lexicon

    def _set_lexicon(self, lex: Lexicon) -> None:
        self._lexicon = lex
        self._rules = ConditionRules(load_modifiers(), lex)

    @property
    def rules(self) -> ConditionRules:
        _ = self.lexicon
        assert self._rules is not None
        return self._rules

    # -- candidates for one token range --------------------------------------------------
    def candidates(self, doc: Doc, lo: int, hi: int, names: bool = False) -> list[Candidate]:
        """Every candidate entity in doc[lo:hi], before overlap resolution.

        `names`: a section of names (people, locations, sponsors), where a word shaped like a
        drug stem is a surname ("Halvorsen", "Petersen"), not an unknown drug."""
        out: list[Candidate] = []
        cores: list[CellHit] = []
        blocked: list[tuple[int, int]] = []  # lab tests, titles: nothing inside them either
        for m in self.lexicon.matches(doc, lo, hi):
            label = m.entry.label
            if label == NO_ENTITY:
                blocked.append((m.start, m.end))
                continue
            if self._in_org_name(doc, m.start, m.end, lo, hi):
                continue
            if label == "CONDITION":
                cand = self.rules.candidate(doc, m, lo)
                if cand is not None:
                    out.append(cand)
                    out.extend(self.rules.coordinated(doc, cand, lo, hi))
            elif label == "DRUG":
                if m.entry.ambiguous and not self._drug_context(doc, m, lo, hi):
                    continue
                if self.measurement.measured(doc, m.start, m.end, lo, hi):
                    continue  # a lab value ("serum IL-6 levels"), not a therapy
                out.append(
                    Candidate(
                        m.start,
                        m.end,
                        "DRUG",
                        m.entry.canonical,
                        {"kind": m.entry.kind or "agent"},
                        id=m.entry.id,
                    )
                )
            else:
                cores.append(
                    CellHit(m.start, m.end, m.entry.canonical, m.entry.id, {}, m.entry.ambiguous)
                )
        out.extend(self.forms.candidates(doc, lo, hi))
        if not names:
            out.extend(self.morphology.candidates(doc, lo, hi, self.lexicon.words))
        for start, end, code in self.codes(doc, lo, hi):
            out.append(Candidate(start, end, "DRUG", code, {"kind": "agent"}))
        for hit in self.cells.hits(doc, cores, lo, hi):
            if hit.needs_context and not hit.attributes:
                continue
            out.append(
                Candidate(
                    hit.start, hit.end, "CELL_TYPE", hit.canonical, dict(hit.attributes), id=hit.id
                )
            )
        self._nested_cells(doc, out, lo, hi)
        return [
            c
            for c in out
            if not any(b <= c.start and c.end <= e for b, e in blocked)
            and not self._degree(doc[c.start : c.end].text)
        ]

    def _degree(self, text: str) -> bool:
        return not text.isupper() and text.replace(".", "").lower() in self.degrees

    def _nested_cells(self, doc: Doc, out: list[Candidate], lo: int, hi: int) -> None:
        """A cell name inside a drug-class span ("B cell" in "B cell depletion therapy")."""
        for cand in [c for c in out if c.label == "DRUG"]:
            for m in self.lexicon.matches(doc, cand.start, cand.end, only="CELL_TYPE"):
                out.append(Candidate(m.start, m.end, "CELL_TYPE", m.entry.canonical, id=m.entry.id))

    def _in_org_name(self, doc: Doc, start: int, end: int, lo: int, hi: int) -> bool:
        """Inside a capitalised organisation name ("National Institute of Allergy and ...")."""
        if not doc[start].text[:1].isupper():
            return False
        for step, edge in ((-1, start - 1), (1, end)):
            k = edge
            while lo <= k < hi and not doc[k].is_space:
                low = doc[k].text.lower()
                if low in self.org_words and doc[k].text[:1].isupper():
                    return True
                if not (doc[k].text[:1].isupper() or low in self.org_connectors):
                    break
                k += step
        return False

    def _drug_context(self, doc: Doc, m: Match, lo: int, hi: int) -> bool:
        window = doc[max(lo, m.start - _CONTEXT_WINDOW) : min(hi, m.end + _CONTEXT_WINDOW)]
        return any(norm_key(t.text) in self.drug_context for t in window)

    # -- page abbreviations --------------------------------------------------------------
    def _abbreviations(self, doc: Doc) -> dict[str, Candidate | None]:
        """Short form text -> what its page long form resolves to (None: defined, not ours)."""
        found: dict[str, Candidate | None] = {}
        for short, long in abbreviation_pairs(doc):
            if found.get(short.text) is not None:
                continue
            # the name may start a little before the detected long form ("Cerebral small
            # vessel disease (SVD)": scispacy's long form is "small vessel disease")
            lo = max(self._line_start(doc, long.start), long.start - 3)
            covering = [
                c
                for c in self.candidates(doc, lo, long.end)
                if c.end == long.end and c.start <= long.start + 2
            ]
            found[short.text] = min(covering, key=lambda c: c.start, default=None)
        return found

    @staticmethod
    def _line_start(doc: Doc, i: int) -> int:
        while i > 0 and not doc[i - 1].is_space and doc[i - 1].text not in {".", ";", "(", ")"}:
            i -= 1
        return i

    # -- the pipe ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        abbrs = self._abbreviations(doc)
        short_spans = [short for short, _ in abbreviation_pairs(doc)]
        cands: list[Candidate] = []
        for section in own_trial_spans(doc, skip_furniture=True):
            lo, hi = section.start, section.end
            cands.extend(self.candidates(doc, lo, hi, names=section.label_ in _NAME_SECTIONS))
            for short in short_spans:
                res = abbrs.get(short.text)
                if res is None or short.start < lo or short.end > hi:
                    continue
                attrs = dict(res.attributes)
                if res.label == "CELL_TYPE":  # attributes from the span itself ("hUC-MSCs")
                    read = self.cells.read_abbreviation(short.text)
                    attrs = dict(read[1]) if read else {}
                cands.append(
                    Candidate(short.start, short.end, res.label, res.canonical, attrs, id=res.id)
                )
        # a page defining a vocabulary abbreviation as something else overrides the vocabulary
        undefined = {t for t, r in abbrs.items() if r is None}
        cands = [
            c for c in cands if not (c.abbreviation and doc[c.start : c.end].text in undefined)
        ]
        cands = self._page_context(doc, cands, self.abbreviation_cues)
        doc.spans[self.spans_key] = self._span_group(doc, self._resolve_overlaps(cands))
        return doc

    @staticmethod
    def _page_context(doc: Doc, cands: list[Candidate], cues: AbbreviationCues) -> list[Candidate]:
        """Ambiguous abbreviations stay when the page names the same concept in full, taking
        that mention's canonical ("PD" after "Parkinson's disease"), or when the text around
        them says they name the disease ("history of MI", "PE or DVT"): vocabulary long form."""
        named = {(c.label, c.concept): c.canonical for c in cands if not c.ambiguous and c.concept}
        conditions = [c for c in cands if c.label == "CONDITION" and not c.ambiguous]
        out = []
        for c in cands:
            if c.ambiguous:
                full = named.get((c.label, c.concept))
                if full is None:
                    if c.label != "CONDITION" or not cues.supported(
                        doc, c, conditions, 0, len(doc)
                    ):
                        continue
                    full = c.canonical
                c.canonical = full
            out.append(c)
        return out

    @staticmethod
    def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
        """Longest first; no overlap except a CELL_TYPE nested in a DRUG class."""
        order = sorted(cands, key=lambda c: (c.start - c.end, _LABEL_RANK[c.label], c.start))
        kept: list[Candidate] = []
        for c in order:
            clash = False
            for k in kept:
                if c.start < k.end and k.start < c.end:
                    nested = (
                        c.label == "CELL_TYPE"
                        and k.label == "DRUG"
                        and k.attributes.get("kind") == "class"
                        and k.start <= c.start
                        and c.end <= k.end
                    )
                    same = c.start == k.start and c.end == k.end and c.label == k.label
                    if not nested or same:
                        clash = True
                        break
            if not clash:
                kept.append(c)
        return sorted(kept, key=lambda c: (c.start, c.end))

    def _span_group(self, doc: Doc, cands: list[Candidate]) -> SpanGroup:
        spans = []
        for c in cands:
            # source ids go to kb_id_: GUIDELINES §5 keeps `attributes` to kind/source/donor
            span = Span(doc, c.start, c.end, label=c.label, kb_id=c.id)
            span._.canonical = c.canonical
            span._.attributes = dict(c.attributes)
            spans.append(span)
        return SpanGroup(doc, name=self.spans_key, spans=spans)

    # -- serialisation -------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / _LEXICON_FILE).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EntityRecognizer:
        return self.from_bytes((Path(path) / _LEXICON_FILE).read_bytes())

    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        """The compiled lexicon, msgpack + gzip (mtime 0, so equal sources give equal bytes)."""
        return gzip.compress(srsly.msgpack_dumps(self.lexicon.to_data()), mtime=0)

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> EntityRecognizer:
        self._set_lexicon(Lexicon.from_data(srsly.msgpack_loads(gzip.decompress(data))))
        return self


__all__ = ["EntityRecognizer", "abbreviation_pairs", "make_entities"]
