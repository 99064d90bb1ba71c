"""Inter-annotator agreement between two gold folders, with the evaluator's matching.

Folder A is scored as gold and folder B as predictions, on the documents both annotated. F1 is
symmetric (swapping A and B swaps precision and recall and keeps F1), so per-label F1 is the
agreement; P and R say which annotator marked more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trialex.evaluate.loading import load_gold_dir, load_pages
from trialex.evaluate.results import Issue, MatchOptions, Report
from trialex.evaluate.scorer import score


@dataclass
class Agreement:
    """The evaluator's report on the shared documents, and the documents only one side has."""

    report: Report
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def agree(
    a_dir: str | Path,
    b_dir: str | Path,
    pages_dir: str | Path | None = None,
    options: MatchOptions | None = None,
) -> Agreement:
    """Score B against A on the documents both folders hold (offsets checked with `pages_dir`)."""
    stems = {p.stem for d in (a_dir, b_dir) for p in Path(d).glob("*.json")}
    texts = load_pages(pages_dir, sorted(stems)) if pages_dir is not None else {}
    a, a_issues = load_gold_dir(a_dir, texts)
    b, b_issues = load_gold_dir(b_dir, texts)
    b_issues = [issue.model_copy(update={"source": "pred"}) for issue in b_issues]
    shared = sorted(set(a) & set(b))
    report = score(
        {d: a[d] for d in shared}, {d: b[d] for d in shared}, options, issues=[*a_issues, *b_issues]
    )
    return Agreement(report, sorted(set(a) - set(b)), sorted(set(b) - set(a)), report.issues)


__all__ = ["Agreement", "agree"]
