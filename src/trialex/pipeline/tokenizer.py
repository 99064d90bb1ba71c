"""scispacy's rule tokenizer, registered so a saved pipeline's config can name it."""

from __future__ import annotations

from collections.abc import Callable

from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language
from spacy.tokenizer import Tokenizer
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
        return combined_rule_tokenizer(nlp)

    return make


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
