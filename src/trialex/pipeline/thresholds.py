"""`trialex_thresholds`: numeric cut-offs of the page's own trial into `doc._.thresholds`.

Reads `context.own_trial_spans(doc)` (never related trials; in sections that state no cut-offs,
`age_only_sections` of comparators_words.json, only ages), scans each span into lexemes
(`numbers.scan`), parses them (`threshold_grammar`) and names the variables
(`threshold_variables`). Lexicons are the JSON files in `trialex/vocab/`; `to_disk` writes them
next to the pipeline so a saved model carries its rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from trialex.pipeline.context import own_trial_spans
from trialex.pipeline.extensions import register_extensions
from trialex.pipeline.numbers import scan
from trialex.pipeline.threshold_grammar import Grammar
from trialex.pipeline.threshold_variables import Resolver
from trialex.pipeline.threshold_vocab import ThresholdVocab

FIELDS = ("kind", "variable", "operator", "value", "upper", "unit", "text", "start", "end")


class ThresholdExtractor:
    """The pipeline component; `extract(text)` is the same logic on a plain string."""

    def __init__(self, name: str = "trialex_thresholds", *, vocab_dir: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.vocab_dir = vocab_dir
        self._load(ThresholdVocab.from_dir(vocab_dir))

    def _load(self, vocab: ThresholdVocab) -> None:
        self.vocab = vocab
        self.grammar = Grammar(vocab)
        self.resolver = Resolver(vocab)

    def extract(self, text: str, offset: int = 0, page: str | None = None) -> list[dict]:
        """Thresholds in `text`, whose first character sits at `offset` of `page`."""
        page = text if page is None else page
        lexemes = scan(text, offset)
        matches = self.resolver.matches(lexemes)
        inner = {m.start: (m.end, m.entry.name) for m in matches}
        hits = self.grammar.parse(lexemes, self.resolver.ordinal_positions(lexemes, matches), inner)
        return self.resolver.resolve(page, lexemes, hits)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple, dict] = {}
        page = doc.text  # Doc.text is rebuilt from the tokens on every access: read it once
        for span in own_trial_spans(doc, skip_furniture=True):
            start, end = span.start_char, span.end_char
            age_only = span.label_ in self.vocab.age_only_sections
            for row in self.extract(page[start:end], start, page):
                if age_only and row["kind"] != "age":
                    continue  # a summary's "over one year", an about box's "more than 200"
                found.setdefault(tuple(row[f] for f in FIELDS), row)
        doc._.thresholds = sorted(found.values(),
                                  key=lambda r: (r["start"], r["end"], r["variable"]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # -- serialisation ------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the four lexicon files into `path`."""
        self.vocab.to_dir(ensure_path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ThresholdExtractor:
        """Load the lexicon files written by `to_disk`."""
        self._load(ThresholdVocab.from_dir(ensure_path(path)))
        return self


@Language.factory(
    "trialex_thresholds",
    assigns=["doc._.thresholds"],
    default_config={"vocab_dir": None},
)
def make_thresholds(nlp: Language, name: str, vocab_dir: str | None) -> ThresholdExtractor:
    """Factory for `nlp.add_pipe("trialex_thresholds")`; `vocab_dir` overrides the lexicons."""
    return ThresholdExtractor(name, vocab_dir=vocab_dir)
