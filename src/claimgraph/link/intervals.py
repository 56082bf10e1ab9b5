"""A figure as an interval of the values it allows, from its value, range and bound."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claimgraph.model import Bound, Quantity, parse_decimal

# "About 12,000" allows values within this share of 12,000 either side. Ten per cent is
# what news rounding usually hides ("about 12,000" for 11,400 or 12,600 is fair; for
# 10,000 it is not).
APPROX_SHARE = Decimal("0.10")
INFINITY = Decimal("Infinity")


@dataclass(frozen=True)
class Interval:
    low: Decimal
    high: Decimal
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return not (self.high_open or other.low_open)
        if other.high == self.low:
            return not (other.high_open or self.low_open)
        return True


def interval_of(q: Quantity) -> Interval | None:
    """The values a figure allows; None when it has no usable number."""
    value = parse_decimal(q.value)
    low, high = parse_decimal(q.low), parse_decimal(q.high)
    if value is None:
        if low is None and high is None:
            return None
        return _bounded_range(low or Decimal(0), high if high is not None else INFINITY, q.bound)
    return _bounded_value(value, q.bound)


def _bounded_range(low: Decimal, high: Decimal, bound: Bound) -> Interval:
    if bound in (Bound.GT, Bound.GE, Bound.GE_APPROX):
        return Interval(low, INFINITY, low_open=bound is Bound.GT)
    if bound in (Bound.LT, Bound.LE, Bound.LE_APPROX):
        return Interval(Decimal(0), high, high_open=bound is Bound.LT)
    return Interval(low, high)


def _bounded_value(value: Decimal, bound: Bound) -> Interval:
    slack = value * APPROX_SHARE
    match bound:
        case Bound.EQ:
            return Interval(value, value)
        case Bound.APPROX:
            return Interval(value - slack, value + slack)
        case Bound.GT:
            return Interval(value, INFINITY, low_open=True)
        case Bound.GE:
            return Interval(value, INFINITY)
        case Bound.GE_APPROX:
            return Interval(value - slack, INFINITY)
        case Bound.LT:
            return Interval(Decimal(0), value, high_open=True)
        case Bound.LE:
            return Interval(Decimal(0), value)
        case Bound.LE_APPROX:
            return Interval(Decimal(0), value + slack)
    raise ValueError(f"unknown bound {bound!r}")
