"""AACT test-fixture records (ClinicalTrials.gov data; MIT fixtures) -> rendered pages + gold.

A minimal adapter for `trialex bench aact`: `benchmarks/people_aact.py` (another module) covers
people in several layouts; this one renders each row of `derived_gold.jsonl` in one
ClinicalTrials.gov-like layout:

    NCTxxxxxxxx / Eligibility (Minimum Age / Maximum Age / Sex lines) / Contacts and Locations
    (Contact: lines) / Study Officials (name, role, affiliation lines) / Locations (facility, then
    "Principal Investigator: name" lines) / Responsible Party (name, affiliation)

Gold (SPEC):
- people: every listed person with its SPEC role, `name` = the listed name without a trailing
  degree ("Peter J Schmidt, M.D." -> name "Peter J Schmidt", degree "M.D."), span = the name in
  the rendered text. Entries that are not persons (`NOT_A_PERSON` words: "Clinical Trials",
  "Office of Patient Recruitment", company names) are left out of gold but still rendered.
- thresholds: "Minimum Age 18 Years" -> age >= 18 years, "Maximum Age 65 Years" -> age <= 65
  years (kind age, section eligibility, criterion null); "N/A" and missing ages give none.
- nct_id: the record's id, printed on the first line. Conditions/interventions are not scored.
Rows that repeat an NCT id (3) get a `_2` suffix.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from trialex.evaluate.bench import BenchDoc
from trialex.record import GoldRecord, Person, Threshold

ROLE_LABEL = {
    "PRINCIPAL_INVESTIGATOR": "Principal Investigator",
    "STUDY_CHAIR": "Study Chair",
    "STUDY_DIRECTOR": "Study Director",
    "SUB_INVESTIGATOR": "Sub-Investigator",
    "CONTACT": "Contact",
    "RESPONSIBLE_PARTY": "Responsible Party",
}
NOT_A_PERSON = re.compile(
    r"(?i)\b(clinical|trials?|office|contact|cent(er|re)|study|studies|inc|ltd|gmbh|llc|pharma\w*|"
    r"squibb|novartis|pfizer|roche|sanofi|information|recruitment|department|hospital|university|"
    r"team|site|call|institute|foundation|corporation|company)\b|@|\d"
)
_DEGREE = re.compile(r",\s*((?:[A-Z][A-Za-z.]*\.?[A-Za-z.]*)(?:\s*[,/]\s*[A-Z][A-Za-z.]*)*)\s*$")
_AGE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day)s?\s*$")


def split_degree(listed: str) -> tuple[str, str | None]:
    """("Peter J Schmidt", "M.D.") from "Peter J Schmidt, M.D."; no comma -> (name, None)."""
    match = _DEGREE.search(listed)
    if match and len(match.group(1)) <= 20:
        return listed[: match.start()].strip(), match.group(1)
    return listed.strip(), None


class _Page:
    """Builds the page text line by line and remembers where names went."""

    def __init__(self) -> None:
        self.text = ""

    def line(self, text: str = "") -> int:
        start = len(self.text)
        self.text += text + "\n"
        return start


def _age(field: str | None) -> tuple[int | float, str] | None:
    match = _AGE.match(field or "")
    if not match:
        return None
    number = float(match.group(1))
    return (int(number) if number.is_integer() else number), match.group(2).lower() + "s"


def to_bench_doc(row: dict[str, Any], doc_id: str) -> BenchDoc:
    """One derived_gold.jsonl row as a rendered page and its gold record."""
    page = _Page()
    page.line(row["nct_id"])
    page.line()
    page.line("Eligibility")
    thresholds: list[Threshold] = []
    for label, field, operator in (
        ("Minimum Age", "minimum_age", ">="),
        ("Maximum Age", "maximum_age", "<="),
    ):
        shown = row.get(field) or "N/A"
        start = page.line(f"{label}: {shown}")
        age = _age(row.get(field))
        if age is not None:
            text = f"{label}: {shown}"
            thresholds.append(
                Threshold(
                    kind="age",
                    variable="age",
                    operator=operator,  # type: ignore[arg-type]
                    value=age[0],
                    unit=age[1],
                    text=text,
                    start=start,
                    end=start + len(text),
                    section="eligibility",
                )
            )
    page.line(f"Sex: {row.get('sex') or 'All'}")
    page.line()
    people: list[Person] = []

    def person(entry: dict[str, Any], prefix: str) -> None:
        listed = entry["name_as_listed"] or ""
        start = page.line(prefix + listed) + len(prefix)
        name, degree = split_degree(listed)
        if name and not NOT_A_PERSON.search(name):
            people.append(
                Person(
                    name=name,
                    degree=degree,
                    role=entry["role"],
                    affiliation=entry.get("affiliation"),
                    start=start,
                    end=start + len(name),
                )
            )

    groups: dict[str, list[dict[str, Any]]] = {"official": [], "contact": [], "site": [], "rp": []}
    for entry in row["people"]:
        source = entry["source_field"].lower()
        key = (
            "official"
            if "official" in source
            else "rp"
            if "responsible" in source
            else "site"
            if "location" in source
            else "contact"
        )
        groups[key].append(entry)
    page.line("Contacts and Locations")
    for entry in groups["contact"]:
        person(entry, "Contact: ")
    if groups["official"]:
        page.line()
        page.line("Study Officials")
        for entry in groups["official"]:
            person(entry, "")
            page.line(ROLE_LABEL[entry["role"]])
            if entry.get("affiliation"):
                page.line(entry["affiliation"])
    if groups["site"]:
        page.line()
        page.line("Locations")
        facility = None
        for entry in groups["site"]:
            if entry.get("affiliation") != facility:
                facility = entry.get("affiliation")
                page.line()
                page.line(facility or "Study site")
            person(entry, f"{ROLE_LABEL[entry['role']]}: ")
    for entry in groups["rp"]:
        page.line()
        page.line("Responsible Party")
        person(entry, "")
        if entry.get("affiliation"):
            page.line(entry["affiliation"])
    gold = GoldRecord(
        doc_id=doc_id,
        layout="generic",
        nct_id=row["nct_id"],
        people=people,
        thresholds=thresholds,
        notes=f"AACT {row['source_file']}",
    )
    return BenchDoc(doc_id=doc_id, text=page.text, gold=gold)


def load(bench_dir: Path, limit: int | None = None) -> list[BenchDoc]:
    """AACT rows as rendered `BenchDoc`s (the first `limit` when given)."""
    path = bench_dir / "aact_ctgov_records" / "derived_gold.jsonl"
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    docs, seen = [], {}
    for row in rows[:limit]:
        seen[row["nct_id"]] = seen.get(row["nct_id"], 0) + 1
        suffix = f"_{seen[row['nct_id']]}" if seen[row["nct_id"]] > 1 else ""
        docs.append(to_bench_doc(row, row["nct_id"] + suffix))
    return docs
