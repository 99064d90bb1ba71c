"""Benchmark trialex_people on pages rendered from the AACT ClinicalTrials.gov records.

Each record of `aact_ctgov_records/derived_gold.jsonl` is rendered in four page layouts (our own
rendering): `ctgov` (a "Contacts and Locations" block: contacts with phone/e-mail lines, study
officials as name/role/affiliation lines, sites with inline "Principal Investigator: Name"),
`clinconnect` ("Contacts" block and "Trial Officials" name/role/affiliation blocks), `tree`
(nested location bullets with "Principal Investigator:" and the name on the next line) and
`pipes` ("Contact: Name | phone | e-mail" lines). The pipeline reads each page and (name, role)
pairs are scored with `trialex.evaluate.score` (rapidfuzz name matching, SPEC record level).

Gold: every listed person with its role; the degree is split off the listed name and entries
that are not persons ("Clinical Trials", company names) are left out with the evaluator's AACT
rule (`trialex.evaluate.bench.aact.NOT_A_PERSON`); `gold_name` splits the degree tail and an
honorific off the listed name ("Tim Doe, MD Prof.", "Professor Ann Roe").

    .venv/bin/python benchmarks/people_aact.py [--bench ../shared/bench] [--no-layout]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from trialex.evaluate import score
from trialex.evaluate.bench.aact import NOT_A_PERSON
from trialex.record import Person, Record

ROOT = Path(__file__).resolve().parents[1]
LABEL = {
    "PRINCIPAL_INVESTIGATOR": "Principal Investigator", "STUDY_CHAIR": "Study Chair",
    "STUDY_DIRECTOR": "Study Director", "SUB_INVESTIGATOR": "Sub-Investigator",
    "CONTACT": "Contact", "RESPONSIBLE_PARTY": "Responsible Party",
}
CITIES = ("Springfield, Illinois, United States", "Lyon, France", "Nanjing, Jiangsu, China",
          "Toronto, Ontario, Canada", "Madrid, Spain")
Entry = dict[str, Any]
_HONORIFIC = re.compile(r"^(?:(?:dr|prof|professor|pr|mr|mrs|ms)\.?\s+)+", re.IGNORECASE)
_TITLE_TAIL = {"professor", "prof", "resident", "doctor", "master", "bachelor", "pr", "dr"}


def gold_name(listed: str) -> tuple[str, str | None]:
    """Name and degree of a listed name: a ", tail" that is not a lone given name is the degree
    ("Tim Doe, MD Prof.", "Ann Roe, RN MBA"; but "Doe, Jane" stays whole), and an honorific
    prefix is dropped ("Professor Lotte Lauritzen")."""
    name, degree = listed.strip(), None
    head, comma, tail = name.partition(",")
    lone = tail.strip()
    lone_given = (len(head.split()) == 1 and re.fullmatch(r"[A-Z][a-z]+", lone)
                  and lone.lower() not in _TITLE_TAIL)
    if comma and lone and not lone_given and len(lone) <= 40:
        name, degree = head.strip(), lone
    bare = _HONORIFIC.sub("", name)
    return (bare, degree) if len(bare.split()) >= 2 else (name, degree)


class Page:
    """A page under construction: text plus the gold people placed in it."""

    def __init__(self, nct_id: str) -> None:
        self.text = f"{nct_id}\n\nStudy Record Detail\n\n"
        self.people: list[Person] = []

    def add(self, line: str = "", entry: Entry | None = None, at: int = 0) -> None:
        """Append `line`; when it shows `entry`'s listed name at column `at`, record the gold."""
        start = len(self.text) + at
        self.text += line + "\n"
        if entry is None:
            return
        name, degree = gold_name(entry["name_as_listed"] or "")
        if name and not NOT_A_PERSON.search(name):
            self.people.append(Person(name=name, degree=degree, role=entry["role"],
                                      affiliation=entry.get("affiliation"),
                                      start=start, end=start + len(name)))


def groups(row: dict[str, Any]) -> dict[str, list[Entry]]:
    """People of a record by kind: officials, central contacts, site people, responsible party."""
    out: dict[str, list[Entry]] = {"official": [], "contact": [], "site": [], "rp": []}
    for entry in row["people"]:
        if not entry.get("name_as_listed"):
            continue
        source = entry["source_field"].lower()
        kind = ("official" if "official" in source else "rp" if "responsible" in source
                else "site" if "location" in source else "contact")
        out[kind].append(entry)
    return out


def sites(entries: list[Entry]) -> Iterator[tuple[int, str, list[Entry]]]:
    """(index, facility, people) per facility, in first-seen order."""
    by_site: dict[str, list[Entry]] = {}
    for entry in entries:
        by_site.setdefault(entry.get("affiliation") or "Study Site", []).append(entry)
    for i, (facility, people) in enumerate(by_site.items()):
        yield i, facility, people


def phone(i: int) -> str:
    return f"{301 + i % 600}-555-{i % 10000:04d}"


def email(entry: Entry) -> str:
    local = "".join(c for c in (entry["name_as_listed"] or "x").lower() if c.isalpha())[:12]
    return f"{local or 'study'}@site.example.org"


def render_ctgov(row: dict[str, Any], g: dict[str, list[Entry]]) -> Page:
    page = Page(row["nct_id"])
    page.add("Contacts and Locations\n")
    if g["contact"]:
        page.add("Contacts")
    for i, e in enumerate(g["contact"]):
        page.add(e["name_as_listed"], e)
        page.add(f"Telephone: {phone(i)}")
        page.add(f"Email: {email(e)}")
    page.add("\nStudy Officials")
    for e in g["official"]:
        page.add(e["name_as_listed"], e)
        page.add(LABEL[e["role"]])
        page.add(e.get("affiliation") or "")
    page.add("\nLocations")
    for i, facility, people in sites(g["site"]):
        page.add(f"\n{facility}")
        page.add(CITIES[i % len(CITIES)])
        for e in people:
            prefix = f"{LABEL[e['role']]}: "
            tail = f"  {phone(i)}  {email(e)}" if e["role"] == "CONTACT" else ""
            page.add(prefix + e["name_as_listed"] + tail, e, len(prefix))
    for e in g["rp"]:
        page.add("\nResponsible Party")
        page.add(e["name_as_listed"], e)
        page.add(e.get("title") or "Principal Investigator")
        page.add(e.get("affiliation") or "")
    return page


def render_clinconnect(row: dict[str, Any], g: dict[str, list[Entry]]) -> Page:
    page = Page(row["nct_id"])
    if g["contact"]:
        page.add("Contacts\n")
    for e in g["contact"]:
        page.add(e["name_as_listed"] + "\n", e)
        if e.get("affiliation"):
            page.add(e["affiliation"] + "\n")
    page.add("Locations\n\nSpringfield, Illinois, United States\n\nTrial Officials\n")
    for e in g["official"] + g["site"] + g["rp"]:
        page.add(e["name_as_listed"] + "\n", e)
        page.add(LABEL[e["role"]] + "\n")
        page.add((e.get("affiliation") or "") + "\n")
    return page


def render_tree(row: dict[str, Any], g: dict[str, list[Entry]]) -> Page:
    page = Page(row["nct_id"])
    page.add("Study Team")
    for e in g["official"] + g["rp"] + g["contact"]:
        prefix = f"- {LABEL[e['role']]}: "
        page.add(prefix + e["name_as_listed"], e, len(prefix))
    page.add("\nLocations")
    for i, facility, people in sites(g["site"]):
        page.add(f"- {facility}")
        page.add(f"  - {CITIES[i % len(CITIES)]}")
        page.add("  - Recruiting")
        for e in people:
            page.add(f"  - {LABEL[e['role']]}:")
            page.add("    - " + e["name_as_listed"], e, 6)
            if e["role"] == "CONTACT":
                page.add(f"    - {phone(i)}")
    return page


def render_pipes(row: dict[str, Any], g: dict[str, list[Entry]]) -> Page:
    page = Page(row["nct_id"])
    for i, e in enumerate(g["official"] + g["rp"] + g["contact"]):
        prefix = f"{LABEL[e['role']]}: "
        page.add(f"{prefix}{e['name_as_listed']} | {phone(i)} | {email(e)}", e, len(prefix))
    for i, facility, people in sites(g["site"]):
        page.add(f"\n{facility} | {CITIES[i % len(CITIES)]} | Recruiting")
        for e in people:
            prefix = f"{LABEL[e['role']]}: "
            page.add(f"{prefix}{e['name_as_listed']} | {phone(i)} | {email(e)}", e, len(prefix))
    return page


LAYOUTS: dict[str, Callable[[dict[str, Any], dict[str, list[Entry]]], Page]] = {
    "ctgov": render_ctgov, "clinconnect": render_clinconnect, "tree": render_tree,
    "pipes": render_pipes,
}


def load_rows(bench: Path) -> list[dict[str, Any]]:
    path = bench / "aact_ctgov_records" / "derived_gold.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def make_nlp(layout: bool = True):  # noqa: ANN201  (a spaCy Language)
    """The full pipeline when `trialex.pipeline.build` is there, else tokenizer + people."""
    if layout:
        try:
            from trialex.pipeline.build import build_nlp
        except ImportError:
            pass
        else:
            return build_nlp()
    import trialex.pipeline.people  # noqa: F401
    from trialex.pipeline.tokenizer import blank_nlp

    nlp = blank_nlp()
    nlp.add_pipe("trialex_people")
    return nlp


def run_layout(nlp, rows: list[dict[str, Any]], name: str) -> dict[str, Any]:  # noqa: ANN001
    """Render every row in layout `name`, extract, and score (name, role) at record level."""
    gold: dict[str, Record] = {}
    pred: dict[str, Record] = {}
    for n, row in enumerate(rows):
        page = LAYOUTS[name](row, groups(row))
        doc_id = f"{row['nct_id']}_{n}"
        gold[doc_id] = Record(doc_id=doc_id, layout=name, people=page.people)
        found = [Person(**p) for p in nlp(page.text)._.people]
        pred[doc_id] = Record(doc_id=doc_id, layout=name, people=found)
    counts = score(gold, pred).levels["record"].labels["PERSON"]
    return {"layout": name, "tp": counts.tp, "fp": counts.fp, "fn": counts.fn,
            "p": counts.precision, "r": counts.recall, "f1": counts.f1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    parser.add_argument("--no-layout", action="store_true", help="run only trialex_people")
    parser.add_argument("--layouts", nargs="*", default=list(LAYOUTS))
    args = parser.parse_args(argv)
    if not (args.bench / "aact_ctgov_records" / "derived_gold.jsonl").exists():
        print(f"no AACT records under {args.bench}; nothing to measure")
        return 0
    rows = load_rows(args.bench)
    nlp = make_nlp(layout=not args.no_layout)
    print(f"pipeline: {nlp.pipe_names}; {len(rows)} records")
    print(f"{'layout':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>5} {'fn':>5}")
    for name in args.layouts:
        m = run_layout(nlp, rows, name)
        print(f"{name:<12} {m['p'] or 0:6.3f} {m['r'] or 0:6.3f} {m['f1'] or 0:6.3f} "
              f"{m['tp']:6d} {m['fp']:5d} {m['fn']:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
