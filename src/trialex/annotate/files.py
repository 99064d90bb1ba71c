"""Gold files on disk: the house JSON layout (one list item per line) and safe writing."""

from __future__ import annotations

import json
from pathlib import Path

from trialex.record import GoldRecord


def _ordered(item: object) -> object:
    """Offsets after `text` (else after the item's own fields), as in the hand-written files."""
    if not isinstance(item, dict) or "start" not in item:
        return item
    rest = {k: v for k, v in item.items() if k not in ("start", "end")}
    keys = list(rest)
    at = (
        keys.index("text") + 1
        if "text" in rest
        else (keys.index("section") if "section" in rest else len(keys))
    )
    keys[at:at] = ["start", "end"]
    return {key: item[key] for key in keys}


def gold_json(record: GoldRecord) -> str:
    """A gold record as the files in `annotations/` are written: top-level keys on their own
    lines, each list item compact on one line, UTF-8 characters as they are."""
    data = record.model_dump(mode="json")
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join(
                "    " + json.dumps(_ordered(item), ensure_ascii=False) for item in value
            )
            lines.append(f"  {json.dumps(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def gold_path(directory: str | Path, doc_id: str) -> Path:
    """Where the gold file of `doc_id` lives in `directory`."""
    return Path(directory) / f"{doc_id}.json"


def write_gold(record: GoldRecord, directory: str | Path, *, force: bool = False) -> Path | None:
    """Write `directory/<doc_id>.json`; return None (and write nothing) when the file exists and
    `force` is not set, so a person's corrections are never overwritten by accident."""
    path = gold_path(directory, record.doc_id)
    if path.exists() and not force:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(gold_json(record), encoding="utf-8")
    return path


def read_page_text(path: str | Path) -> str:
    """A page as the pipeline reads it (line ends kept, so offsets are the pipeline's)."""
    from trialex.reading import read_page

    return read_page(path).text


__all__ = ["gold_json", "gold_path", "read_page_text", "write_gold"]
