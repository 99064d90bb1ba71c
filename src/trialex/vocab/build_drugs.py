"""Regenerate drugs.json from drug-named-entity-recognition's shipped dictionary.

Run: `.venv/bin/pip install drug-named-entity-recognition==2.0.9 wordfreq` then
`.venv/bin/python -m trialex.vocab.build_drugs`. Rules:
- drop DrugBank allergen extracts (a variant says "allergenic extract" or "pollen");
- keep a drug with a DrugBank, MedlinePlus, NHS or Wikipedia record; a MeSH-only entry is kept
  only under D27.505 (pharmacologic actions, kept as `kind: class`), D06 (hormones), D12.644
  (peptides: insulin, interleukins) or D26 (pharmaceutical preparations); MeSH-only enzymes,
  receptors and pollutants ("receptor, acetyl ldl") are dropped;
- a synonym (not the drug's own name) that is a common English word (wordfreq zipf >= 4.0) is
  dropped ("today", "lead"); a drug whose own name is a common word (zipf >= 4.0) is kept with
  `ambiguous: true`, so the matcher wants a drug context cue nearby;
- class names are made singular ("proteasome inhibitors" -> "proteasome inhibitor");
- variants are normalised and filtered by `build_common.keep_variant` (length, stop-list).
"""

from __future__ import annotations

from wordfreq import zipf_frequency

from trialex.vocab.build_common import (
    clean_variants,
    load_ner_dictionary,
    singular,
    write_vocab,
)
from trialex.vocab.normalize import norm_key
from trialex.vocab.schema import Concept, VocabFile

SOURCE = (
    "drug-named-entity-recognition 2.0.9 (Fast Data Science): "
    "DrugBank open data, MeSH, MedlinePlus, NHS, Wikipedia"
)
LICENSE = (
    "package MIT; DrugBank open vocabulary CC0; MeSH public domain (NLM terms); "
    "Wikipedia-derived names CC BY-SA 3.0 (names only, facts not expression)"
)
COMMON_ZIPF = 4.0
_MESH_ONLY_KEEP = ("D27.505", "D06.", "D12.644", "D26.")
_CLASS_TREE = "D27.505"


def _ids(info: dict) -> str | None:
    if info.get("drugbank_id"):
        return f"DRUGBANK:{info['drugbank_id']}"
    return f"MESH:{info['mesh_id']}" if info.get("mesh_id") else None


def _keep(info: dict, variants: list[str]) -> bool:
    if any("allergenic extract" in v or "pollen" in v for v in variants):
        return False  # DrugBank allergen extracts (wheat, cotton, lamb): foods, not agents
    if any(info.get(k) for k in ("drugbank_id", "medline_plus_id", "nhs_url", "wikipedia_url")):
        return True
    return any(t.startswith(_MESH_ONLY_KEEP) for t in info.get("mesh_tree", []))


def _is_class(info: dict) -> bool:
    trees = info.get("mesh_tree", [])
    return (
        bool(trees)
        and all(t.startswith(_CLASS_TREE) for t in trees)
        and not info.get("drugbank_id")
    )


def _common(key: str) -> bool:
    return " " not in key and zipf_frequency(key, "en") >= COMMON_ZIPF


def build() -> VocabFile:
    """Read the package's pickle and return the filtered vocabulary."""
    data, by_concept = load_ner_dictionary("drug_named_entity_recognition", "drug")
    concepts = []
    for key, info in sorted(data["drug_canonical_to_data"].items()):
        if not _keep(info, by_concept.get(key, [])):
            continue
        name = norm_key(info.get("name", key))
        kind = "class" if _is_class(info) else "agent"
        written = " ".join(info.get("name", key).lower().split())  # hyphens as written
        canonical = singular(written) if kind == "class" else written
        synonyms = [
            v
            for v in (norm_key(s) for s in by_concept.get(key, []))
            if v != name and not _common(v)
        ]
        variants = clean_variants([name, norm_key(canonical), *synonyms], "DRUG")
        if variants:
            concepts.append(
                Concept(
                    canonical=canonical,
                    id=_ids(info),
                    variants=variants,
                    kind=kind,
                    ambiguous=_common(name),
                )
            )
    return VocabFile(label="DRUG", source=SOURCE, license=LICENSE, concepts=concepts)


if __name__ == "__main__":
    vocab = build()
    print(write_vocab("drugs.json", vocab), len(vocab.concepts))
