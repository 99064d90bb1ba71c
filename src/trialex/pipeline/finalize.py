"""The last component: leave only JSON-like data on the Doc, so it can cross process boundaries."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


class Finalize:
    """Turns scispacy's abbreviation Spans into plain dicts (token and char offsets, texts)."""

    def __init__(self, nlp: Language, name: str = "trialex_finalize") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if Doc.has_extension("abbreviations"):
            doc._.abbreviations = [_plain(a) for a in doc._.abbreviations]
        for key, value in list(doc.user_data.items()):
            if isinstance(value, Span):
                doc.user_data[key] = value.text
        return doc


def _plain(abbreviation: Span | dict) -> dict:
    if isinstance(abbreviation, dict):
        return abbreviation
    long_form = abbreviation._.long_form
    return {
        "short_text": abbreviation.text, "short_start": abbreviation.start,
        "short_end": abbreviation.end, "short_start_char": abbreviation.start_char,
        "short_end_char": abbreviation.end_char, "long_text": long_form.text,
        "long_start": long_form.start, "long_end": long_form.end,
        "long_start_char": long_form.start_char, "long_end_char": long_form.end_char,
    }


@Language.factory("trialex_finalize", assigns=["doc._.abbreviations"])
def make_finalize(nlp: Language, name: str) -> Finalize:
    """Factory of the `trialex_finalize` component."""
    return Finalize(nlp, name)
