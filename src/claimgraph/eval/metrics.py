"""Shared metrics: precision, recall and F1 from counts, and one-to-one matching."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


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


def one_to_one(
    gold: Sequence[G],
    predicted: Sequence[P],
    fits: Callable[[G, P], bool],
    prefer: Callable[[G, P], bool] | None = None,
) -> list[int | None]:
    """For each gold item in order, the index of the prediction it is matched to, else
    None: the first unused prediction that ``fits``, or among those the first that
    ``prefer`` also holds for, so that a later item is not robbed of its match."""
    used: set[int] = set()
    found: list[int | None] = []
    for g in gold:
        candidates = [i for i, p in enumerate(predicted) if i not in used and fits(g, p)]
        if not candidates:
            found.append(None)
            continue
        best = candidates[0]
        if prefer is not None:
            best = next((i for i in candidates if prefer(g, predicted[i])), best)
        used.add(best)
        found.append(best)
    return found
