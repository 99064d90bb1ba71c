"""The evaluator: score predicted records against gold, write reports, gate CI on figures."""

from trialex.evaluate.results import Counts, DocReport, Issue, LevelScores, MatchOptions, Report
from trialex.evaluate.scorer import score

__all__ = ["Counts", "DocReport", "Issue", "LevelScores", "MatchOptions", "Report", "score"]
