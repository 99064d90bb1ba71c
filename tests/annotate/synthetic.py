"""A synthetic page and its gold for the annotate tests: CRLF line ends, non-ASCII and an emoji
(a character outside the BMP), spans that cross line breaks, nested cross-label spans."""

from __future__ import annotations

from pathlib import Path

from trialex.record import GoldRecord

PAGE = (
    "Ustekinumab für Sjögren’s syndrome — a trial 😀\r\n"
    "\r\n"
    "Eligibility criteria\r\n"
    "Minimum Eligible Age\r\n"
    "\r\n"
    "18 Years\r\n"
    "Inclusion Criteria:\r\n"
    "• Diagnosis of systemic lupus erythematosus (SLE)\r\n"
    "• Prior B cell depletion therapy; allogeneic hUC-MSCs\r\n"
    "Exclusion Criteria:\r\n"
    "• eGFR < 30 mL/min/1.73 m²\r\n"
    "\r\n"
    "Contacts\r\n"
    "José Müller-Lüdenscheidt, MD\r\n"
    "Study Chair; Ærø Hospital\r\n"
)
DOC_ID = "syn_001"


def span(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Character offsets of the `occurrence`-th `needle` in `text`."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def _between(text: str, first: str, last: str) -> tuple[int, int]:
    start = span(text, first)[0]
    return start, span(text, last)[1]


def make_gold(page: str = PAGE, doc_id: str = DOC_ID, *, draft: bool = False) -> GoldRecord:
    """A hand-built gold record for `PAGE` that follows the guidelines."""
    elig = _between(page, "Eligibility criteria", "1.73 m²")
    people = _between(page, "Contacts", "Ærø Hospital")
    inc1 = _between(page, "Diagnosis of", "(SLE)")
    inc2 = _between(page, "Prior B cell", "hUC-MSCs")
    exc1 = _between(page, "eGFR <", "m²")
    age = _between(page, "Minimum Eligible Age", "18 Years")

    def ent(label: str, needle: str, canonical: str, loc: tuple, attrs: dict | None = None) -> dict:
        s, e = span(page, needle)
        return {
            "label": label,
            "text": needle,
            "start": s,
            "end": e,
            "canonical": canonical,
            "section": loc[0],
            "criterion": loc[1],
            "attributes": attrs or {},
        }

    return GoldRecord.model_validate(
        {
            "doc_id": doc_id,
            "layout": "generic",
            "nct_id": None,
            "title": None,
            "sections": [
                {"name": "title", "heading": None, "start": 0, "end": span(page, "😀")[1]},
                {
                    "name": "eligibility",
                    "heading": "Eligibility criteria",
                    "start": elig[0],
                    "end": elig[1],
                },
                {"name": "people", "heading": "Contacts", "start": people[0], "end": people[1]},
            ],
            "criteria": [
                {"criterion": "inclusion", "start": inc1[0], "end": inc1[1]},
                {"criterion": "inclusion", "start": inc2[0], "end": inc2[1]},
                {"criterion": "exclusion", "start": exc1[0], "end": exc1[1]},
            ],
            "entities": [
                ent("DRUG", "Ustekinumab", "ustekinumab", ("title", None), {"kind": "agent"}),
                ent("CONDITION", "Sjögren’s syndrome", "sjögren's syndrome", ("title", None)),
                ent(
                    "CONDITION",
                    "systemic lupus erythematosus",
                    "systemic lupus erythematosus",
                    ("eligibility", "inclusion"),
                ),
                ent(
                    "CONDITION", "SLE", "systemic lupus erythematosus", ("eligibility", "inclusion")
                ),
                ent(
                    "DRUG",
                    "B cell depletion therapy",
                    "b cell depletion therapy",
                    ("eligibility", "inclusion"),
                    {"kind": "class"},
                ),
                ent("CELL_TYPE", "B cell", "b cell", ("eligibility", "inclusion")),
                ent(
                    "CELL_TYPE",
                    "allogeneic hUC-MSCs",
                    "mesenchymal stem cell",
                    ("eligibility", "inclusion"),
                    {"donor": "allogeneic", "source": "umbilical cord", "note": "a; b=c \\ d"},
                ),
            ],
            "thresholds": [
                {
                    "kind": "age",
                    "variable": "age",
                    "operator": ">=",
                    "value": 18,
                    "upper": None,
                    "unit": "years",
                    "text": page[age[0] : age[1]],
                    "start": age[0],
                    "end": age[1],
                    "section": "eligibility",
                    "criterion": None,
                },
                {
                    "kind": "measurement",
                    "variable": "eGFR",
                    "operator": "<",
                    "value": 30.0,
                    "upper": None,
                    "unit": "mL/min/1.73 m²",
                    "text": "eGFR < 30 mL/min/1.73 m²",
                    "start": exc1[0],
                    "end": exc1[1],
                    "section": "eligibility",
                    "criterion": "exclusion",
                },
            ],
            "people": [
                {
                    "name": "José Müller-Lüdenscheidt",
                    "degree": "MD",
                    "role": "STUDY_CHAIR",
                    "affiliation": "Ærø Hospital",
                    "start": span(page, "José Müller-Lüdenscheidt")[0],
                    "end": span(page, "José Müller-Lüdenscheidt")[1],
                },
            ],
            "related_trials": [{"nct_id": "NCT01234567", "title": None}],
            "draft": draft,
            "notes": "synthetic: CRLF, non-ASCII, emoji",
        }
    )


def write_page(directory: Path, text: str = PAGE, doc_id: str = DOC_ID) -> Path:
    """Write a page byte for byte (no newline translation)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{doc_id}.txt"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return path
