"""The evaluator: score predicted records against gold, write reports, gate CI on figures."""

from trialex.evaluate.failunder import Violation, check_fail_under
from trialex.evaluate.loading import load_gold_dir, load_pages, load_pred_jsonl
from trialex.evaluate.report import print_report, write_reports
from trialex.evaluate.results import Counts, DocReport, Issue, LevelScores, MatchOptions, Report
from trialex.evaluate.scorer import score

__all__ = [
    "Counts", "DocReport", "Issue", "LevelScores", "MatchOptions", "Report", "Violation",
    "check_fail_under", "load_gold_dir", "load_pages", "load_pred_jsonl", "print_report",
    "score", "write_reports",
]
