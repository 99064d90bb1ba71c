"""trialex_entities on the seeds' gold and on invented sentences from other disease areas."""

from __future__ import annotations

import json

import pytest
from tests.conftest import REPO, read_seed

SEED_STEMS = ("000", "001", "002", "003", "004")
# gold (label, canonical) pairs the component does not reach yet, with the reason
KNOWN_GAPS = {
    ("000", "CONDITION", "infectious disease"),  # "infectious period of diseases": a paraphrase
    ("001", "CONDITION", "hypertension"),  # "Poor blood pressure control": annotator's reading
    ("001", "CONDITION", "organ injury"),  # "injury to other important organs": a paraphrase
    ("002", "CONDITION", "hepatitis b"),  # tokenizer keeps "B/C" whole (reported to the lead)
    ("002", "CONDITION", "hepatitis c"),
}

KNOWN_EXTRA = {("002", "CONDITION", "hepatitis")}  # "hepatitis B/C" read as hepatitis (tokenizer)


def _gold(stem: str) -> dict:
    (path,) = (REPO / "annotations").glob(f"{stem}*.json")
    return json.loads(path.read_text("utf-8"))


def _ents(doc) -> list[tuple[str, str, str, dict]]:
    return [(s.label_, s.text, s._.canonical, s._.attributes) for s in doc.spans["entities"]]


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_gold_concepts_found(nlp, stem: str) -> None:
    doc = nlp(read_seed(stem))
    found = {(s.label_, s._.canonical) for s in doc.spans["entities"]}
    gold = {(e["label"], e["canonical"]) for e in _gold(stem)["entities"]}
    missing = {g for g in gold - found if (stem, *g) not in KNOWN_GAPS}
    assert missing == set()
    assert {f for f in found - gold if (stem, *f) not in KNOWN_EXTRA} == set()


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_gold_spans_precise(nlp, stem: str) -> None:
    doc = nlp(read_seed(stem))
    gold = {(e["label"], e["start"], e["end"]): e for e in _gold(stem)["entities"]}
    pred = {(s.label_, s.start_char, s.end_char): s for s in doc.spans["entities"]}
    wrong = [k for k in pred if k not in gold]
    assert len(wrong) <= 1, wrong
    for key in pred.keys() & gold.keys():
        assert pred[key]._.canonical == gold[key]["canonical"]
        assert pred[key]._.attributes == gold[key]["attributes"]


def test_msc_variants_carry_source_and_donor(nlp) -> None:
    doc = nlp(read_seed("000"))
    cells = {(t, str(sorted(a.items()))) for lab, t, c, a in _ents(doc) if lab == "CELL_TYPE"}
    assert (
        "allogeneic hUC-MSCs",
        "[('donor', 'allogeneic'), ('source', 'umbilical cord')]",
    ) in cells
    assert ("hUC-MSCs", "[('source', 'umbilical cord')]") in cells
    doc = nlp(read_seed("002"))
    assert (
        "CELL_TYPE",
        "Pooled allogenic mesenchymal stem cell derived from olfactory mucosa",
        "mesenchymal stem cell",
        {"donor": "pooled", "source": "olfactory mucosa"},
    ) in _ents(doc)
    doc = nlp(read_seed("004"))
    assert ("CELL_TYPE", "AlloMSC", "mesenchymal stem cell", {"donor": "allogeneic"}) in _ents(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Patients with metastatic non-small cell lung cancer (NSCLC) previously treated with "
            "platinum-based chemotherapy or pembrolizumab. NSCLC must be confirmed.",
            {
                ("CONDITION", "metastatic non-small cell lung cancer"),
                ("DRUG", "platinum"),  # chemotherapy is a therapy, not an agent (GUIDELINES §3)
                ("DRUG", "pembrolizumab"),
            },
        ),
        (
            "Adults with type 2 diabetes mellitus on stable metformin for 3 months; no insulin; "
            "history of diabetic ketoacidosis.",
            {
                ("CONDITION", "type 2 diabetes mellitus"),
                ("DRUG", "metformin"),
                ("DRUG", "insulin"),
                ("CONDITION", "diabetic ketoacidosis"),
            },
        ),
        (
            "Active rheumatoid arthritis despite methotrexate; prior TNF inhibitors or "
            "JAK inhibitors allowed. Exclude severe chronic kidney disease.",
            {
                ("CONDITION", "rheumatoid arthritis"),
                ("DRUG", "methotrexate"),
                ("DRUG", "tnf inhibitor"),
                ("DRUG", "jak inhibitor"),
                ("CONDITION", "chronic kidney disease"),
            },
        ),
        (
            "Autologous bone marrow-derived mesenchymal stromal cells (BM-MSCs) in diabetic "
            "nephropathy; CAR-T cells and NK cells are excluded.",
            {
                ("CELL_TYPE", "mesenchymal stem cell"),
                ("CONDITION", "diabetic nephropathy"),
                ("CELL_TYPE", "car t cell"),
                ("CELL_TYPE", "natural killer cell"),
            },
        ),
    ],
)
def test_other_disease_areas(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    found = {(lab, c) for lab, t, c, a in _ents(nlp(text))}
    assert expected <= found, expected - found


def test_cell_attributes_from_the_span_only(nlp) -> None:
    doc = nlp("Autologous bone marrow-derived mesenchymal stromal cells (BM-MSCs) were given.")
    cells = [(t, a) for lab, t, c, a in _ents(doc) if lab == "CELL_TYPE"]
    assert (
        "Autologous bone marrow-derived mesenchymal stromal cells",
        {"donor": "autologous", "source": "bone marrow"},
    ) in cells
    assert ("BM-MSCs", {"source": "bone marrow"}) in cells


def test_common_word_drugs_need_context(nlp) -> None:
    assert not [e for e in _ents(nlp("The gold standard is a biopsy.")) if e[0] == "DRUG"]


def test_undefined_short_abbreviation_needs_the_full_name(nlp) -> None:
    assert not _ents(nlp("Gender: ALL. Sex: ALL"))
    doc = nlp("Rheumatoid arthritis for 6 months. Other RA treatments are allowed.")
    assert ("CONDITION", "RA", "rheumatoid arthritis", {}) in _ents(doc)


def test_related_trials_are_skipped(nlp) -> None:
    doc = nlp(read_seed("001"))
    assert not [s for s in doc.spans["entities"] if "Daratumumab" in s.text]


def test_short_abbreviation_takes_the_pages_full_name(nlp) -> None:
    doc = nlp("Idiopathic Parkinson's disease, Hoehn and Yahr stage 2. PD medication stable.")
    assert ("CONDITION", "PD", "idiopathic parkinson's disease", {}) in _ents(doc)


def test_serialised_abbreviations_are_read(nlp) -> None:
    from trialex.pipeline.entities import abbreviation_pairs

    doc = nlp.make_doc("Systemic lupus erythematosus (SLE) is treated.")
    doc._.abbreviations = [
        {
            "short_text": "SLE",
            "short_start": 4,
            "short_end": 5,
            "long_text": "x",
            "long_start": 0,
            "long_end": 3,
        }
    ]
    ((short, long),) = abbreviation_pairs(doc)
    assert (short.text, long.text) == ("SLE", "Systemic lupus erythematosus")


def test_investigational_codes_need_a_drug_cue(nlp) -> None:
    found = _ents(nlp("A study of BIIB074 versus placebo in trigeminal neuralgia (NCT01234567)."))
    assert ("DRUG", "BIIB074", "biib074", {"kind": "agent"}) in found
    assert not [e for e in _ents(nlp("SLEDAI-2K score of 6 at NCT01234567.")) if e[0] == "DRUG"]


def test_british_spellings_match(nlp) -> None:
    found = {
        (lab, c) for lab, t, c, a in _ents(nlp("History of acute myeloid leukaemia or oedema."))
    }
    assert ("CONDITION", "acute myeloid leukaemia") in found
    assert ("CONDITION", "oedema") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Severe liver and kidney disease.",
            [("liver", "liver disease"), ("kidney disease", "kidney disease")],
        ),
        ("hepatitis B and C", [("hepatitis B", "hepatitis b"), ("C", "hepatitis c")]),
        (
            "recurrent bacterial, viral or other infections",
            [
                ("bacterial", "bacterial infection"),
                ("viral", "viral infection"),
                ("infections", "infection"),
            ],
        ),
        ("active tuberculosis", [("tuberculosis", "tuberculosis")]),
        ("Conditions: Arthritis, Rheumatoid", [("Arthritis, Rheumatoid", "rheumatoid arthritis")]),
    ],
)
def test_condition_rules(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, c) for lab, t, c, a in _ents(nlp(text)) if lab == "CONDITION"] == expected


def test_organisation_names_are_not_entities(nlp) -> None:
    doc = nlp(
        "Contact: National Institute of Allergy and Infectious Diseases; MD Anderson Cancer Center."
    )
    assert _ents(doc) == []


def test_page_definition_overrides_the_vocabulary(nlp) -> None:
    doc = nlp("Subject is in progressive disease (PD). PD must be confirmed.")
    assert not [e for e in _ents(doc) if e[1] == "PD" and e[2] == "parkinson disease"]


def test_source_ids_on_kb_id(nlp) -> None:
    doc = nlp("Rituximab for systemic lupus erythematosus; regulatory T cells.")
    ids = {s._.canonical: s.kb_id_ for s in doc.spans["entities"]}
    assert ids["rituximab"].startswith("DRUGBANK:")
    assert ids["systemic lupus erythematosus"].startswith("MESH:")
    assert ids["regulatory t cell"] == "CL:0000815"


def test_site_furniture_and_help_sentences_are_not_read(nlp) -> None:
    text = (
        "Asthma Care Network logo\n"
        "Layout table for eligibility information about psoriasis\n\n"
        "Eligibility\n"
        "Learn how people with melanoma taking pembrolizumab can join.\n"
        "Inclusion Criteria:\n"
        "• Adults with type 2 diabetes on metformin\n"
    )
    doc = nlp(text)
    furniture = [s.text for s in doc.spans["furniture"]]
    assert furniture == [
        "Asthma Care Network logo",
        "Layout table for eligibility information about psoriasis",
        "Learn how people with melanoma taking pembrolizumab can join.",
    ]
    found = {e.text.lower() for e in doc.spans["entities"]}
    assert not found & {"asthma", "psoriasis", "melanoma", "pembrolizumab"}
    assert {"type 2 diabetes", "metformin"} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serum IL-6 levels above 10 pg/mL.", set()),
        ("Interleukin-6 > 7 pg/mL at screening.", set()),
        ("Elevated interleukin 6 concentration.", set()),
        ("Prior treatment with interleukin-2.", {("DRUG", "interleukin-2")}),
        ("Methotrexate > 15 mg/week.", {("DRUG", "Methotrexate")}),
        ("Neurological Injury Level between C5 and T10.", set()),
        (
            "Neurological level of injury T1 after spinal cord injury.",
            {("CONDITION", "spinal cord injury")},
        ),
    ],
)
def test_lab_values_and_scale_names_are_not_entities(
    nlp, text: str, expected: set[tuple[str, str]]
) -> None:
    doc = nlp(text)
    assert {(e.label_, e.text) for e in doc.spans["entities"]} == expected
