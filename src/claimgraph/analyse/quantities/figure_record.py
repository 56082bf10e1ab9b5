"""A figure as the quantities component reads it, before it becomes a ``Quantity``."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from claimgraph.model import Bound


@dataclass
class Figure:
    """A figure as read, before it becomes a ``Quantity``: token indexes, half-open."""

    start: int  # first token, bound words included
    end: int  # after the last token, unit and trailing bound included
    core_start: int  # the number itself (after a currency symbol)
    core_end: int
    low: Decimal
    high: Decimal
    vague: bool = False
    unit: str | None = None
    bound: Bound = Bound.EQ
    bound_phrases: list[str] = field(default_factory=list)
    code: str | None = None  # ISO 4217 code of a currency figure
    per: str | None = None  # the denominator of a compound unit ("share", "day")
    kind: str = "figure"  # figure | duration | age
    plus: bool = False  # written with a "+" ("Dow +0.2%"): a rise

    @property
    def is_range(self) -> bool:
        return self.vague or self.low != self.high
