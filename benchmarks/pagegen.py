"""Synthetic trial pages in the seed layouts, for throughput benchmarks (not for accuracy)."""

from __future__ import annotations

import random
from collections.abc import Iterator

CONDITIONS = ["rheumatoid arthritis", "type 2 diabetes", "chronic kidney disease", "breast cancer",
              "systemic lupus erythematosus", "multiple sclerosis", "heart failure", "psoriasis",
              "non-small cell lung cancer", "ulcerative colitis", "hepatitis B", "asthma"]
DRUGS = ["methotrexate", "metformin", "rituximab", "tocilizumab", "prednisone", "insulin glargine",
         "pembrolizumab", "adalimumab", "cyclophosphamide", "tacrolimus", "dapagliflozin"]
INCLUSION = [
    "Age {a} to {b} years", "Diagnosis of {c} for at least {n} months", "HbA1c between 7.0% and {h}%",
    "eGFR \\>= {g} mL/min/1.73 m2", "ECOG performance status 0 or 1", "BMI {m} to 40 kg/m2",
    "Stable dose of {d} for at least {n} weeks", "Platelets ≥ 100 x 10^9/L",
    "Able to give written informed consent",
]
EXCLUSION = [
    "Treatment with {d} within {n} weeks before screening", "History of {c}",
    "ALT or AST \\> {x} x ULN", "Serum creatinine > 1.5 mg/dL", "Pregnant or breastfeeding women",
    "Active infection including tuberculosis or HIV", "Systolic blood pressure ≥ 160 mmHg",
]
NAMES = ["Amara Quist", "Tomas Verbeek", "Li Wen", "Sofia de la Rosa", "Jonah K. Mbeki", "Ines Halvorsen"]
ROLES = ["Principal Investigator", "Study Chair", "Study Director"]


def _fill(template: str, rnd: random.Random) -> str:
    return template.format(
        a=rnd.choice([18, 21, 40]), b=rnd.choice([65, 75, 80]), c=rnd.choice(CONDITIONS),
        n=rnd.choice([4, 6, 12, 24]), h=rnd.choice([9.5, 10.0, 10.5]), g=rnd.choice([30, 45, 60]),
        m=rnd.choice([18.5, 25, 27]), d=rnd.choice(DRUGS), x=rnd.choice([2, 2.5, 3]),
    )


def _criteria(rnd: random.Random, bullet: str) -> tuple[str, str]:
    inc = "\n".join(f"{bullet}{_fill(t, rnd)}" for t in rnd.sample(INCLUSION, 6))
    exc = "\n".join(f"{bullet}{_fill(t, rnd)}" for t in rnd.sample(EXCLUSION, 5))
    return inc, exc


def _people(rnd: random.Random) -> list[tuple[str, str]]:
    return [(rnd.choice(NAMES), rnd.choice(ROLES)) for _ in range(rnd.randint(1, 5))]


def clinconnect_page(i: int, rnd: random.Random) -> str:
    cond, drug = rnd.choice(CONDITIONS), rnd.choice(DRUGS)
    inc, exc = _criteria(rnd, "  • ")
    officials = "\n\n".join(f"{n}, Doctor\n\n{r}\n\nNorthgate University Hospital" for n, r in _people(rnd))
    return (
        f"ClinConnect ClinConnect Logo\nSearch / Trial NCT{i:08d}\n\n{drug.title()} in {cond.title()}\n\n"
        f"Launched by NORTHGATE UNIVERSITY · Jan 5, 2024\n\nTrial Information\n\nCurrent as of May 1, 2025\n\n"
        f"Recruiting\n\nClinConnect Summary\n\nThis study tests {drug} in adults with {cond}. "
        f"Participants aged 18 to 75 years receive {drug} or placebo for 24 weeks.\n\nGender\n\nALL\n\n"
        f"Eligibility criteria\n\n  • Inclusion Criteria:\n{inc}\n  • Exclusion Criteria:\n{exc}\n\n"
        f"Locations\n\nOslo, Norway\n\nTrial Officials\n\n{officials}\n\nSimilar Trials"
    )


def mirror_page(i: int, rnd: random.Random) -> str:
    cond, drug = rnd.choice(CONDITIONS), rnd.choice(DRUGS)
    inc, exc = _criteria(rnd, "* ")
    pis = "\n\n".join(f"{n}, MD\n\nRole: {r.upper().replace(' ', '_')}\n\nRiverside Medical Center"
                      for n, r in _people(rnd))
    return (
        f"{drug.title()} for {cond.title()}\n\nNCT ID: NCT{i:08d}\n\nLast Updated: 2024-02-01\n\n"
        f"Basic Information\n\nRecruitment Status\n\nRECRUITING\n\nBrief Summary\n\n"
        f"To evaluate {drug} in patients with {cond}.\n\nConditions\n\n{cond.title()}\n\n"
        f"Eligibility Criteria\n\nInclusion Criteria\n\n{inc}\n\nExclusion Criteria\n\n{exc}\n"
        f"Minimum Eligible Age\n\n18 Years\n\nMaximum Eligible Age\n\n75 Years\n\n"
        f"Principal Investigators\n\n{pis}\n\nMore Related Trials\n\n"
        f"{rnd.choice(DRUGS).title()} in {rnd.choice(CONDITIONS).title()}\nNCT{i + 1:08d} RECRUITING PHASE2"
    )


def generic_page(i: int, rnd: random.Random) -> str:
    cond, drug = rnd.choice(CONDITIONS), rnd.choice(DRUGS)
    inc, exc = _criteria(rnd, "- ")
    name, role = _people(rnd)[0]
    return (
        f"# {drug.title()} Versus Standard Care in {cond.title()}\n\nClinicalTrials.gov ID: NCT{i:08d}\n\n"
        f"## Summary\n{drug.title()} is compared with standard care in {cond}.\n\n## Eligibility\n"
        f"INCLUSION CRITERIA:\n{inc}\n\nEXCLUSION CRITERIA:\n{exc}\n\n## Contacts\n"
        f"{role}: {name}, MD\n"
    )


LAYOUTS = (clinconnect_page, mirror_page, generic_page)


def generate(n: int, seed: int = 7) -> Iterator[str]:
    """`n` pages cycling through the layouts, reproducible for a given seed."""
    rnd = random.Random(seed)
    for i in range(n):
        yield LAYOUTS[i % len(LAYOUTS)](10_000_000 + i, rnd)
