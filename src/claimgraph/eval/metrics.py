"""Shared metrics: precision, recall and F1 from counts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """Counts of true positives, predictions and gold items, with P/R/F1 derived."""

    true_positives: float
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.true_positives + other.true_positives,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )

    def as_dict(self) -> dict[str, float]:
        return {
            **percentages(self.precision, self.recall),
            "tp": self.true_positives,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def accuracy(correct: int, total: int) -> float:
    return correct / total if total else 0.0


def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def percentages(precision: float, recall: float) -> dict[str, float]:
    """Precision, recall and F1 in percent to one decimal, as the reports give them."""
    return {
        "precision": round(100 * precision, 1),
        "recall": round(100 * recall, 1),
        "f1": round(100 * f1_score(precision, recall), 1),
    }
