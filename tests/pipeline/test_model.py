"""models/trialex_core: the saved pipeline matches the sources and loads with plain spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SEEDS
from trialex.extract import record_from_doc
from trialex.pipeline.build import save_nlp

SAVED = REPO / "models" / "trialex_core"
VOLATILE_META = {"spacy_version", "spacy_git_version"}


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_saved_model_matches_the_sources(tmp_path: Path) -> None:
    fresh = _files(save_nlp(tmp_path / "fresh"))
    saved = _files(SAVED)
    assert sorted(saved) == sorted(fresh), "rebuild with `trialex build-model`"
    for name, data in fresh.items():
        if name == "meta.json":
            old, new = json.loads(saved[name]), json.loads(data)
            assert {k: v for k, v in old.items() if k not in VOLATILE_META} == {
                k: v for k, v in new.items() if k not in VOLATILE_META
            }
        else:
            assert saved[name] == data, f"{name} differs from the sources: run `trialex build-model`"


def test_plain_spacy_load_gives_the_same_records(nlp) -> None:
    code = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(SAVED)!r})\n"
        "from trialex.extract import record_from_doc\n"
        "for path in sys.argv[1:]:\n"
        "    text = open(path, encoding='utf-8').read()\n"
        "    print(record_from_doc(nlp(text), path).model_dump_json())\n"
    )
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code, *seeds], capture_output=True,
                         text=True, check=True)
    loaded = out.stdout.splitlines()
    built = [record_from_doc(nlp(Path(p).read_text(encoding="utf-8")), p).model_dump_json() for p in seeds]
    assert loaded == built
    assert json.loads(loaded[0])["entities"], "the saved pipeline extracts entities"
