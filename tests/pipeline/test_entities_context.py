"""Context rules of trialex_entities, on invented sentences from several disease areas:
undefined abbreviations with a cue, disease adjectives and person nouns, organ-system heads,
span edges at punctuation, inverted headings, therapies that are not drugs."""

from __future__ import annotations

import pytest


def _ents(doc) -> set[tuple[str, str, str]]:
    return {(s.label_, s.text, s._.canonical) for s in doc.spans["entities"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cardiology: a cue phrase before, a cue word after, a coordination
        ("Exclusion: history of acute MI or stroke.", ("acute MI", "acute myocardial infarction")),
        ("MI within 3 months of randomisation.", ("MI", "myocardial infarction")),
        ("Prior venous thromboembolism (PE or DVT).", ("PE", "pulmonary embolism")),
        # rheumatology and neurology
        ("Adults diagnosed with RA per the 2010 criteria.", ("RA", "rheumatoid arthritis")),
        ("MS patients on interferon beta are eligible.", ("MS", "multiple sclerosis")),
        # metabolic risk factors listed together
        ("Risk factors (HTN, DM, smoking) recorded.", ("DM", "diabetes mellitus")),
    ],
)
def test_undefined_abbreviation_with_a_cue(nlp, text: str, expected: tuple[str, str]) -> None:
    assert ("CONDITION", *expected) in _ents(nlp(text))


@pytest.mark.parametrize(
    "text",
    [
        "Samples were analysed by MS after extraction.",  # mass spectrometry
        "PE was unremarkable at screening.",  # physical examination
        "Ms Jones will contact you.",  # a title, not capitals
        "AD scores were collected weekly.",  # two disease senses: not in the accept list
    ],
)
def test_abbreviation_without_a_cue_is_left(nlp, text: str) -> None:
    assert not [e for e in _ents(nlp(text)) if e[0] == "CONDITION"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hypertensive patients on two or more drugs.", ("Hypertensive", "hypertension")),
        ("The participant is asthmatic and uses an inhaler.", ("asthmatic", "asthma")),
        ("Insulin-treated diabetics are excluded.", ("diabetics", "diabetes")),
        ("Aphasic adults after a left hemisphere stroke.", ("Aphasic", "aphasia")),
        ("Cirrhotic subjects with ascites.", ("Cirrhotic", "cirrhosis")),
    ],
)
def test_disease_adjectives_and_person_nouns(nlp, text: str, expected: tuple[str, str]) -> None:
    assert ("CONDITION", *expected) in _ents(nlp(text))


def test_adjective_without_a_person_is_no_condition(nlp) -> None:
    found = _ents(nlp("Stable doses of hypertensive medications; no alcoholic beverages."))
    assert not [e for e in found if e[0] == "CONDITION"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No unstable psychiatric condition.", ("psychiatric condition", "psychiatric condition")),
        ("Known coagulation abnormalities.", ("coagulation abnormalities", "coagulation abnormality")),
        ("History of vestibular disorder.", ("vestibular disorder", "vestibular disorder")),
        ("Documented cardiac problems.", ("cardiac problems", "cardiac problem")),
    ],
)
def test_organ_system_heads(nlp, text: str, expected: tuple[str, str]) -> None:
    assert ("CONDITION", *expected) in _ents(nlp(text))


def test_generic_heads_alone_stay_out(nlp) -> None:
    found = _ents(nlp("Any medical condition or illness that would interfere."))
    assert not [e for e in found if e[0] == "CONDITION"]


def test_spans_never_end_on_a_hyphen(nlp) -> None:
    found = _ents(nlp("HCV-negative adults; heparin-induced thrombocytopenia; Dementia - mild."))
    assert ("CONDITION", "HCV", "hepatitis c") in found
    assert ("DRUG", "heparin", "heparin") in found
    assert ("CONDITION", "Dementia", "dementia") in found
    assert not [e for e in found if e[1].endswith(("-", " "))]


def test_inverted_heading_only_when_the_phrase_ends(nlp) -> None:
    found = _ents(nlp("Hypertension, pulmonary embolism or gout."))
    assert ("CONDITION", "Hypertension", "hypertension") in found
    assert ("CONDITION", "pulmonary embolism", "pulmonary embolism") in found
    assert ("CONDITION", "Lupus Erythematosus, Systemic", "systemic lupus erythematosus") in _ents(
        nlp("Conditions\n\nLupus Erythematosus, Systemic\n")
    )


def test_therapies_and_devices_are_not_drugs(nlp) -> None:
    found = _ents(nlp("Prior chemotherapy with carboplatin; uses an insulin pump."))
    assert ("DRUG", "carboplatin", "carboplatin") in found
    assert not [e for e in found if e[1].lower() in {"chemotherapy", "insulin"}]
    assert not [e for e in _ents(nlp("Diagnostic and Statistical Manual of Mental Disorders"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # oncology, cardiology, infectious disease: INN stems on names no vocabulary carries
        ("Prior therapy with zanubrutinib is allowed.", ("zanubrutinib", "zanubrutinib")),
        ("Misspelt parvastatin on the consent form.", ("parvastatin", "parvastatin")),
        ("Treated with Xyloprevir for 12 weeks.", ("Xyloprevir", "xyloprevir")),
    ],
)
def test_drug_name_stems(nlp, text: str, expected: tuple[str, str]) -> None:
    doc = nlp(text)
    assert ("DRUG", *expected) in _ents(doc)
    assert all(s._.attributes == {"kind": "agent"} for s in doc.spans["entities"])


def test_stems_leave_ordinary_words_and_acronyms(nlp) -> None:
    found = _ents(nlp("Enrolment opens in April; the CONTROL arm; PRAZOLE study; a new concept."))
    assert not [e for e in found if e[0] == "DRUG"]


def test_new_drug_classes(nlp) -> None:
    found = _ents(nlp("No fluoroquinolones, aminoglycosides or mood stabilizers within 30 days."))
    assert {
        ("DRUG", "fluoroquinolones", "fluoroquinolone"),
        ("DRUG", "aminoglycosides", "aminoglycoside"),
        ("DRUG", "mood stabilizers", "mood stabilizer"),
    } <= found


def test_conventional_mixed_case_abbreviation_with_a_cue(nlp) -> None:
    # 'SSc' is how systemic sclerosis is abbreviated; the page never spells it out
    ents = _ents(nlp("Inclusion: diagnosis of SSc per the classification criteria."))
    assert ("CONDITION", "SSc", "systemic sclerosis") in ents
    assert not any(t == "Ssc" for _, t, _ in _ents(nlp("Ssc values were noted.")))


def test_ild_abbreviation_coordinated_with_a_condition(nlp) -> None:
    ents = _ents(nlp("Exclusion: history of ILD or pulmonary fibrosis."))
    assert ("CONDITION", "ILD", "interstitial lung disease") in ents


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Prior stellate ganglion block is not allowed.", "ganglion"),  # anatomy
        ("Stimulation of the pterygopalatine ganglion daily.", "ganglion"),
        ("Diffusing capacity for carbon monoxide of at least 40%.", "carbon monoxide"),  # DLCO
        ("Disease activity with DAS28 > 3.2 despite a stable dose.", "DAS28"),  # a score
        ("PASI of 12 or more at the baseline dose visit.", "PASI"),
    ],
)
def test_not_an_entity_on_trial_pages(nlp, text: str, word: str) -> None:
    assert not any(t == word for _, t, _ in _ents(nlp(text)))


def test_type_words_coordinated_before_a_typed_condition(nlp) -> None:
    ents = _ents(nlp("Exclusion: acute or chronic kidney disease within a year."))
    canon = {c for _, _, c in ents}
    assert "chronic kidney disease" in canon
    assert "acute disease" not in canon
    assert "acute kidney disease" in canon
