from trialex.evaluate import MatchOptions
from trialex.evaluate.match import (
    canonical_key,
    name_similarity,
    nct_key,
    pair_up,
    unit_key,
    variable_key,
)


def test_canonical_key_mesh_inversion_case_hyphen_plural():
    assert canonical_key("Lupus Erythematosus, Systemic") == canonical_key(
        "systemic lupus erythematosus"
    )
    assert canonical_key("Mesenchymal stem-cells") == canonical_key("mesenchymal stem cell")
    assert canonical_key("therapies") == canonical_key("therapy")
    assert canonical_key("diabetes mellitus, type 2") == canonical_key("Type 2 diabetes mellitus")
    assert canonical_key("lupus nephritis") != canonical_key("lupus")


def test_variable_and_unit_keys():
    assert variable_key("24-Hour urine protein") == variable_key("24 hour urine protein")
    assert unit_key("mL/min/1.73 m\\^2") == unit_key("ml/min/1.73m2") == unit_key("mL/min/1.73 m²")
    assert unit_key("Years") == unit_key("years") == unit_key("yrs") == unit_key("year")
    assert unit_key("x ULN") == unit_key("×ULN")
    assert unit_key(None) == unit_key("") == ""
    assert unit_key("mg/dL") != unit_key("g/dL")


def test_name_similarity_against_the_default_threshold():
    threshold = MatchOptions().name_threshold
    assert name_similarity("Baoyong Yan", "Yan Baoyong") == 100
    assert name_similarity("Baoyong Yan", "Bao-yong YAN") == 100
    assert name_similarity("John Smith", "Jon Smith") >= threshold
    assert name_similarity("Baoyong Yan", "Baoyong Wang") < threshold
    assert name_similarity("Li Wei", "Li Wen") < threshold


def test_nct_key():
    assert nct_key(" nct03219801") == "NCT03219801"
    assert nct_key("") is None and nct_key(None) is None


def test_pair_up_is_one_to_one():
    assert pair_up(["a"], ["a", "a"], lambda g, p: 1.0 if g == p else None) == [(0, 0)]
    assert pair_up(["a", "a"], ["a"], lambda g, p: 1.0 if g == p else None) == [(0, 0)]


def test_pair_up_reaches_maximum_cardinality_where_greedy_would_not():
    # gold 0 likes pred 0 best, but gold 1 can only take pred 0: the best total is two pairs.
    scores = {(0, 0): 0.9, (0, 1): 0.5, (1, 0): 0.8}
    pairs = pair_up([0, 1], [0, 1], lambda g, p: scores.get((g, p)))
    assert pairs == [(0, 1), (1, 0)]
