"""trialex: structured records from clinical-trial web pages."""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path  # noqa: E402

from spacy.language import Language  # noqa: E402

from trialex.extract import extract_file, extract_text, record_from_doc  # noqa: E402
from trialex.pipeline.build import load_nlp  # noqa: E402
from trialex.record import Record  # noqa: E402


def load(path: str | Path | None = None) -> Language:
    """The trialex spaCy pipeline: saved at `path`, or built from the sources."""
    return load_nlp(path)


__all__ = ["Record", "__version__", "extract_file", "extract_text", "load", "record_from_doc"]
