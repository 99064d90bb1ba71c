"""scispacy's rule tokenizer, registered so a saved pipeline's config can name it."""

from __future__ import annotations

import re
from collections.abc import Callable

from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)


@registry.tokenizers("trialex.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Factory for `[nlp.tokenizer] @tokenizers = "trialex.tokenizer.v1"`."""

    def make(nlp: Language) -> Tokenizer:
        # scispacy reads the language's default token_match, so give it the default first
        nlp.tokenizer = _default_tokenizer(nlp)
        rules = combined_rule_tokenizer(nlp)
        infixes = re.compile(rules.infix_finditer.__self__.pattern + "|" + "|".join(EXTRA_INFIXES))
        return GuardedTokenizer(
            nlp.vocab, rules=rules.rules, prefix_search=rules.prefix_search,
            suffix_search=rules.suffix_search, infix_finditer=infixes.finditer,
            token_match=rules.token_match, url_match=rules.url_match,
        )

    return make


# Where scispacy keeps words glued that entity spans must split: "SLE(Systemic", "B/C",
# "carboplatin/paclitaxel", "stroke/TIA", "anti-TB", "HIV-positive", "oxaliplatin-based".
# Units keep their slash ("mg/dL", "mL/min": two letters or fewer before or after it).
# "-Stroke" (a bullet dash) and "Disorders-" (a trailing dash) lose their dash.
EXTRA_INFIXES = (
    r"(?<=[A-Za-z]{2})\((?=[A-Za-z]{2})",
    r"(?<=[A-Za-z]{3})/(?=[A-Za-z]{3})",
    r"(?<=\b[A-Z])/(?=[A-Z]\b)",
    r"(?<=\banti)-(?=[A-Za-z])",
    r"(?<=[A-Za-z]{2})-(?=(?:positive|negative|based|induced|related|associated|naive|"
    r"refractory|resistant|dependent|containing)\b)",
    # a dash used as a bullet glued to a capitalised word ("-Stroke") and a dash glued to the
    # end of a word ("Disorders-"): zero-width splits, so "-2" and "pre-" stay whole
    r"(?<=^-)(?=[A-Z][a-z]{2})",
    r"(?<=[a-z]{5})(?=-$)",
)
_LONG_CHUNK = re.compile(r"\S{%d,}" % 200)
_PIECE = 50


class GuardedTokenizer(Tokenizer):
    """The rule tokenizer, with whitespace-free runs over 200 characters cut into 50-character
    tokens first: affix rules are quadratic on such runs ('>=<>=<…' of 12 KB took a minute)."""

    def __call__(self, text: str) -> Doc:
        if _LONG_CHUNK.search(text) is None:
            return super().__call__(text)
        docs, cursor = [], 0
        for match in _LONG_CHUNK.finditer(text):
            if match.start() > cursor:
                docs.append(super().__call__(text[cursor : match.start()]))
            chunk = match.group()
            words = [chunk[i : i + _PIECE] for i in range(0, len(chunk), _PIECE)]
            docs.append(Doc(self.vocab, words=words, spaces=[False] * len(words)))
            cursor = match.end()
        if cursor < len(text):
            docs.append(super().__call__(text[cursor:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


def _default_tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's default rule tokenizer for the language (what `spacy.blank` would build)."""
    d = nlp.Defaults
    return Tokenizer(
        nlp.vocab,
        rules=d.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(d.prefixes).search,
        suffix_search=compile_suffix_regex(d.suffixes).search,
        infix_finditer=compile_infix_regex(d.infixes).finditer,
        token_match=d.token_match,
        url_match=d.url_match,
    )


def blank_nlp() -> Language:
    """A blank English pipeline with the scispacy tokenizer (keeps `hUC-MSCs`, `mL/min` whole)."""
    import spacy

    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "trialex.tokenizer.v1"}}})
