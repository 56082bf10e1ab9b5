"""Shared metrics: precision, recall and F1 from counts, and one-to-one matching."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True)
class PRF:
    """Precision and recall as shares of hits, with F1 derived: the one P/R type of eval.

    ``PRF(tp, predicted, gold)``: one-to-one matching, ``tp`` predictions and as many gold
    items hit. With ``gold_hits`` (``PRF.overlap``) the gold items hit are counted apart:
    one prediction may match several gold items and the other way round. ``PRF.rates``
    holds precision and recall already averaged (B-cubed, MUC, CEAF), with no counts.
    ``as_dict`` reports what each holds: the counts, the totals, or the rates alone.
    """

    true_positives: float  # predictions that hit
    predicted: int
    gold: int
    gold_hits: float | None = None  # gold items hit, when not ``true_positives``
    counted: bool = True  # False: ``rates``, the totals are 1

    @classmethod
    def overlap(cls, predicted_hits: int, predicted: int, gold_hits: int, gold: int) -> PRF:
        return cls(predicted_hits, predicted, gold, gold_hits)

    @classmethod
    def rates(cls, precision: float, recall: float) -> PRF:
        return cls(precision, 1, 1, recall, counted=False)

    @property
    def recall_hits(self) -> float:
        return self.true_positives if self.gold_hits is None else self.gold_hits

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.recall_hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def __add__(self, other: PRF) -> PRF:
        if not (self.counted and other.counted):
            raise TypeError("averaged rates (PRF.rates) do not add up: average their inputs")
        separate = self.gold_hits is not None or other.gold_hits is not None
        return PRF(
            self.true_positives + other.true_positives,
            self.predicted + other.predicted,
            self.gold + other.gold,
            self.recall_hits + other.recall_hits if separate else None,
        )

    def as_dict(self) -> dict[str, float]:
        found = percentages(self.precision, self.recall)
        if not self.counted:
            return found
        if self.gold_hits is None:
            found["tp"] = self.true_positives
        return {**found, "predicted": self.predicted, "gold": self.gold}


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
