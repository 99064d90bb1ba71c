"""Layout on synthetic pages that mimic the structure of real trial sites.

Every page under `tests/fixtures/real_like/` is invented text laid out the way one kind of
real site lays it out (registries, mirrors, module pages, hospital and recruitment sites);
its `.expect.json` sidecar says what the page's own trial is, which lines are inclusion and
exclusion criteria (first words of each, in page order), which other trials it lists and
which people it names with a role.

Each aspect of each page is its own test case. A case the layout gets wrong today is marked
`xfail(strict=True)` in `KNOWN_FAILURES` with the reason, so the suite stays green and a fix
turns the case into an XPASS (and then a failure until the entry is removed).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from trialex.layout import PageLayout, analyze
from trialex.reading import read_page

REAL_LIKE = FIXTURES / "real_like"
PAGES = sorted(p for p in REAL_LIKE.iterdir() if p.suffix in {".txt", ".html"})
ASPECTS = ("nct_id", "title", "criteria", "related", "people")

# (page stem, aspect) -> what the layout does wrong today. Remove an entry once it is fixed.
KNOWN_FAILURES: dict[tuple[str, str], str] = {
    # People component (src/trialex/pipeline/people*.py); the layout gives each a `people` section.
}


def _cases():
    for path in PAGES:
        for aspect in ASPECTS:
            reason = KNOWN_FAILURES.get((path.stem, aspect))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(path, aspect, marks=marks, id=f"{path.stem}-{aspect}")


@cache
def _load(path: Path) -> tuple[str, PageLayout, dict]:
    text = read_page(path).text
    expect = json.loads(path.with_name(path.stem + ".expect.json").read_text(encoding="utf-8"))
    return text, analyze(text), expect


_NUMBERING = re.compile(r"^\s*(?:[-*•·✓✗]|\(?\d{1,2}[.)、]|[a-z][.)])\s*")


def _clean(text: str) -> str:
    return " ".join(_NUMBERING.sub("", text, count=1).split())


def _norm_name(name: str) -> str:
    name = re.sub(r"^(?:prof|dr|mr|mrs|ms|miss)\.?\s+", "", name.strip(), flags=re.IGNORECASE)
    return " ".join(name.lower().replace(".", " ").split())


def _same_person(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    a, b = _norm_name(a), _norm_name(b)
    return a == b or fuzz.ratio(a, b) >= 88 or (len(a) > 5 and (a in b or b in a))


@pytest.fixture(scope="module")
def record_of(nlp):
    from trialex.extract import record_from_doc

    def run(path: Path):
        text, _, _ = _load(path)
        return record_from_doc(nlp(text), path.stem)

    return run


def test_every_page_has_an_expectation() -> None:
    assert len(PAGES) >= 10
    for path in PAGES:
        expect = json.loads(path.with_name(path.stem + ".expect.json").read_text("utf-8"))
        assert set(expect) >= {"nct_id", "title", "inclusion", "exclusion", "related_nct_ids",
                               "people", "layout_is_generic_ok"}, path.name


@pytest.mark.parametrize("path, aspect", list(_cases()))
def test_real_like(path: Path, aspect: str, request) -> None:
    text, page, expect = _load(path)
    if not expect["layout_is_generic_ok"]:
        assert page.layout != "generic", "a known site profile should have matched"
    if aspect == "nct_id":
        assert page.nct_id == expect["nct_id"]
    elif aspect == "title":
        got = " ".join(page.title.split()) if page.title else None
        assert got == expect["title"]
    elif aspect == "criteria":
        got = [(c.criterion, _clean(text[c.start : c.end])) for c in page.criteria]
        want = [("inclusion", w) for w in expect["inclusion"]] + [
            ("exclusion", w) for w in expect["exclusion"]
        ]
        ok = len(got) == len(want) and all(
            g_pol == w_pol and g_text.startswith(w_text)
            for (g_pol, g_text), (w_pol, w_text) in zip(got, want, strict=True)
        )
        assert ok, f"criteria differ:\n got  {got}\n want {want}"
    elif aspect == "related":
        got = sorted(t.nct_id for t in page.related_trials if t.nct_id)
        assert got == sorted(expect["related_nct_ids"])
        titles = {t.nct_id: t.title for t in page.related_trials}
        for nct_id, title in expect.get("related_titles", {}).items():
            assert titles.get(nct_id) == title, f"title of {nct_id}"
    elif aspect == "people":
        record = request.getfixturevalue("record_of")(path)
        got = sorted({(p.name, str(getattr(p.role, "value", p.role))) for p in record.people})
        want = [tuple(p) for p in expect["people"]]
        missing = [w for w in want if not any(
            r == w[1] and _same_person(n, w[0]) for n, r in got)]
        extra = [g for g in got if not any(
            g[1] == r and _same_person(g[0], n) for n, r in want)]
        assert not missing and not extra, f"missing {missing}; extra {extra}"
