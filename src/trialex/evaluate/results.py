"""Pydantic models of evaluation results: counts, per-level scores, documents, the Report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

SPAN_LEVELS: tuple[str, ...] = ("span_exact", "span_overlap")
RECORD_LEVEL = "record"
LEVELS: tuple[str, ...] = (*SPAN_LEVELS, RECORD_LEVEL)
SPAN_LABELS: tuple[str, ...] = ("CONDITION", "CELL_TYPE", "DRUG", "THRESHOLD", "PERSON")
RECORD_LABELS: tuple[str, ...] = (
    "CONDITION", "CELL_TYPE", "DRUG", "THRESHOLD", "THRESHOLD_LENIENT", "PERSON", "RELATED_TRIAL",
)
AGGREGATES: tuple[str, ...] = ("micro", "macro")
# Labels that re-score items another label already counts: left out of micro and macro.
NOT_AGGREGATED: frozenset[str] = frozenset({"THRESHOLD_LENIENT"})


class _Model(BaseModel):
    # "ignore" so a dumped report (with its computed figures) validates back.
    model_config = ConfigDict(extra="ignore")


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


class Counts(_Model):
    """True positives, false positives and false negatives, with P/R/F1.

    A figure is `None` when nothing defines it: precision with no prediction, recall with no
    gold, F1 with neither. Gold without predictions gives F1 = 0.0, not `None`.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class Macro(_Model):
    """Unweighted means over the labels whose figure is defined (`None` if none is)."""

    precision: float | None = None
    recall: float | None = None
    f1: float | None = None


def _mean(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


class LevelScores(_Model):
    """Counts per label for one level, with micro sums and macro means.

    `THRESHOLD_LENIENT` re-scores the thresholds `THRESHOLD` counts, so it is left out of both.
    """

    labels: dict[str, Counts] = Field(default_factory=dict)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def micro(self) -> Counts:
        return sum(self._aggregated(), Counts())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def macro(self) -> Macro:
        counts = self._aggregated()
        return Macro(
            precision=_mean([c.precision for c in counts]),
            recall=_mean([c.recall for c in counts]),
            f1=_mean([c.f1 for c in counts]),
        )

    def _aggregated(self) -> list[Counts]:
        return [c for label, c in self.labels.items() if label not in NOT_AGGREGATED]

    def f1(self, label: str) -> float | None:
        """F1 of a label, or of `micro` / `macro`."""
        if label == "micro":
            return self.micro.f1
        if label == "macro":
            return self.macro.f1
        counts = self.labels.get(label)
        return None if counts is None else counts.f1

    def __add__(self, other: LevelScores) -> LevelScores:
        names = list(dict.fromkeys([*self.labels, *other.labels]))
        return LevelScores(
            labels={n: self.labels.get(n, Counts()) + other.labels.get(n, Counts()) for n in names}
        )


class Accuracy(_Model):
    """How many of `total` were correct (NCT ids, one per document)."""

    correct: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)


Outcome = Literal["exact", "overlap", "miss", "spurious"]


class Mark(_Model):
    """One gold or predicted span with how it fared, for error analysis and the HTML report.

    Gold spans are `exact`, `overlap` (only an overlapping prediction) or `miss`; predicted
    spans are `exact`, `overlap` or `spurious` (a false positive even under overlap).
    """

    side: Literal["gold", "pred"]
    label: str
    start: int
    end: int
    text: str
    outcome: Outcome


class Difference(_Model):
    """A record-level item that one side has and the other lacks."""

    label: str
    kind: Literal["missed", "spurious"]
    item: str


Source = Literal["gold", "pred", "page", "fail_under"]
Severity = Literal["error", "warning"]


class Issue(_Model):
    """A problem found while loading gold or predictions: which file, which item, why.

    `error` means the whole document was left out of scoring; `warning` means it was scored.
    """

    source: Source
    file: str
    item: str | None = None
    reason: str
    severity: Severity = "error"


class DocReport(_Model):
    """The scores of one document; `predicted` is False when it had no prediction."""

    doc_id: str
    predicted: bool = True
    nct_gold: str | None = None
    nct_pred: str | None = None
    nct_correct: bool = True
    levels: dict[str, LevelScores] = Field(default_factory=dict)
    marks: list[Mark] = Field(default_factory=list)
    differences: list[Difference] = Field(default_factory=list)


class MatchOptions(_Model):
    """How lenient the matching is.

    - `name_threshold`: minimum rapidfuzz `token_sort_ratio` (0-100, on `match.name_form`) for
      two person names with the same role to meet. 90 lets "Baoyong Yan" meet "Yan Baoyong",
      "Bao-yong Yan" (100) and "Jon Smith" meet "John Smith" (95), while "Baoyong Yan" and
      "Baoyong Wang" (87) or "Li Wei" and "Li Wen" (83) stay apart; 85 would join the former.
    - `canonical_threshold`: if set, canonical names whose keys do not meet exactly still meet at
      this `token_sort_ratio`; `None` (default) keeps canonicals to exact key equality.
    - `overlap_min`: minimum Jaccard character overlap for a span-overlap match; 0.0 (default)
      means any shared character.
    """

    model_config = ConfigDict(extra="forbid")

    name_threshold: float = Field(default=90.0, ge=0, le=100)
    canonical_threshold: float | None = Field(default=None, ge=0, le=100)
    overlap_min: float = Field(default=0.0, ge=0, le=1)


class Report(_Model):
    """The result of `score`: corpus figures per level, per-document detail, load issues."""

    options: MatchOptions = Field(default_factory=MatchOptions)
    levels: dict[str, LevelScores] = Field(default_factory=dict)
    nct_id: Accuracy = Field(default_factory=Accuracy)
    documents: list[DocReport] = Field(default_factory=list)
    missing_pred: list[str] = Field(default_factory=list)
    unscored_pred: list[str] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)

    def figure(self, level: str, label: str) -> float | None:
        """F1 for a level and label (`micro`, `macro` too); `nct_id` level gives accuracy."""
        if level == "nct_id":
            return self.nct_id.accuracy
        scores = self.levels.get(level)
        return None if scores is None else scores.f1(label)


__all__ = [
    "AGGREGATES", "LEVELS", "NOT_AGGREGATED", "RECORD_LABELS", "RECORD_LEVEL", "SPAN_LABELS",
    "SPAN_LEVELS",
    "Accuracy", "Counts", "DocReport", "Difference", "Issue", "LevelScores", "Macro", "Mark",
    "MatchOptions", "Report",
]
