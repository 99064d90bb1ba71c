"""Regenerate cell_ontology.json: a trimmed Cell Ontology (CL) from `cellxgene-ontology-guide`.

Run: `.venv/bin/pip install cellxgene-ontology-guide` (build-time only, not a runtime
dependency), then `.venv/bin/python -m trialex.vocab.build_cell_ontology`. Keeps, per
non-deprecated CL term with a short general label (at most 4 words, no "of", no
parenthesised qualifier: anatomical sub-sub-types never name a therapy on a trial page):
id, label (lower-cased) and the synonyms the package ships, plus the plural of each name
("b cell" -> "b cells"). Synonyms must look like cell names (a cell-like head word such as
"cell", "-cyte", "-blast", "neuron"; no "a like"/"h plus" shape codes).
CL is CC BY 4.0 (see LICENSES.md).
"""

from __future__ import annotations

import json
from importlib import resources

from trialex.vocab.build_common import clean_variants, write_vocab
from trialex.vocab.normalize import norm_key
from trialex.vocab.schema import Concept, VocabFile

LICENSE = (
    "CC BY 4.0, Cell Ontology (obophenotype/cell-ontology), via cellxgene-ontology-guide (MIT)"
)
_PLURAL_HEADS = (
    "cell",
    "lymphocyte",
    "monocyte",
    "macrophage",
    "neutrophil",
    "fibroblast",
    "blast",
    "cyte",
    "phage",
    "phil",
    "progenitor",
    "precursor",
    "neuron",
)


def _latest_cl() -> tuple[str, dict]:
    data = resources.files("cellxgene_ontology_guide").joinpath("data")
    name = sorted(p.name for p in data.iterdir() if p.name.startswith("CL-ontology-"))[-1]
    import zstandard  # installed with cellxgene-ontology-guide

    raw = zstandard.ZstdDecompressor().stream_reader(data.joinpath(name).open("rb")).read()
    return name.removesuffix(".json.zst"), json.loads(raw)


_HEAD_PARTS = (
    "cell",
    "cyte",
    "blast",
    "phage",
    "neuron",
    "phil",
    "clast",
    "treg",
    "sperm",
    "oocyte",
    "progenitor",
    "precursor",
    "platelet",
    "erythrocyte",
    "gonium",
)
_BAD_FIRST = {"a", "an", "as", "be", "the", "x/a", "h"}


def _cell_like(key: str) -> bool:
    """A synonym names a cell ("regulatory t lymphocyte"), not a shape code ("a like", "h plus")."""
    words = key.split()
    return any(p in key for p in _HEAD_PARTS) and words[0] not in _BAD_FIRST and "," not in key


def _plural(key: str) -> list[str]:
    return [key + "s"] if key.endswith(_PLURAL_HEADS) else []


def build() -> VocabFile:
    """Trimmed CL: one concept per live term."""
    version, terms = _latest_cl()
    concepts = []
    for cl_id, term in sorted(terms.items()):
        if term.get("deprecated") or not term.get("label"):
            continue
        label = norm_key(term["label"])
        if (
            len(label.split()) > 4
            or " of " in label
            or "(" in label
            or label.split()[0] in _BAD_FIRST
        ):
            continue
        names = [label, *(norm_key(s) for s in term.get("synonyms", []))]
        names = [label] + [n for n in names[1:] if len(n.split()) <= 5 and _cell_like(n)]
        variants = clean_variants([v for n in names for v in (n, *_plural(n))], "CELL_TYPE")
        if variants:
            concepts.append(Concept(canonical=label, id=cl_id, variants=variants))
    return VocabFile(
        label="CELL_TYPE",
        source=f"Cell Ontology {version} (cellxgene-ontology-guide)",
        license=LICENSE,
        concepts=concepts,
    )


if __name__ == "__main__":
    vocab = build()
    print(write_vocab("cell_ontology.json", vocab), len(vocab.concepts))
