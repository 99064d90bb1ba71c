"""Assemble, save and load the trialex spaCy pipeline."""

from __future__ import annotations

import importlib
import warnings
from pathlib import Path

import spacy
from spacy.language import Language

from trialex.pipeline.tokenizer import blank_nlp

# (pipe name, module whose import registers its factory), in pipeline order
PIPES: tuple[tuple[str, str], ...] = (
    ("trialex_layout", "trialex.pipeline.layout_component"),
    ("abbreviation_detector", "scispacy.abbreviation"),
    ("trialex_entities", "trialex.pipeline.entities"),
    ("trialex_thresholds", "trialex.pipeline.thresholds"),
    ("trialex_people", "trialex.pipeline.people"),
    ("trialex_finalize", "trialex.pipeline.finalize"),
)
MODEL_NAME = "trialex_core"

# scispacy compiles a tokenizer regex spaCy flags, and its abbreviation matcher warns on pages
# with no parenthesised forms: both are harmless and would flood batch logs.
warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)
warnings.filterwarnings("ignore", message=r"\[W036\]", category=UserWarning)


def _register(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return False
        raise
    return True


def build_nlp() -> Language:
    """A fresh pipeline from the sources: scispacy tokenizer, layout, abbreviations, extractors."""
    nlp = blank_nlp()
    for pipe, module in PIPES:
        if _register(module):
            nlp.add_pipe(pipe)
    return nlp


def save_nlp(path: str | Path) -> Path:
    """Build the pipeline from the sources and save it (what `trialex build-model` does)."""
    from trialex import __version__

    path = Path(path)
    nlp = build_nlp()
    nlp.meta.update({
        "name": MODEL_NAME, "version": __version__, "license": "MIT",
        "description": "trialex rules and vocabularies: layout, abbreviations, conditions, cell "
                       "types, drugs, thresholds, people (no statistical model)",
    })
    nlp.to_disk(path)
    return path


def load_nlp(path: str | Path | None = None) -> Language:
    """Load a saved pipeline from `path`, or build one from the sources when no path is given."""
    for _, module in PIPES:
        _register(module)
    if path is None:
        return build_nlp()
    return spacy.load(path)
