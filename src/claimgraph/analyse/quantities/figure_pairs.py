"""Figures read together: "from $75 a barrel on Monday to $71" is one range; "8 miles
(13 km)" gives one length twice, about one thing; no figure is about another measure.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.analyse.quantities.figure_record import Figure
from claimgraph.model import Bound, Quantity

# Words between "from X" and "to Y" that may still be one change: "from $36,040 at
# 10.45pm last night to $34,935", "from 21 mpg combined to 23". Farther, or across a
# clause break, the two figures are read apart.
_FROM_TO_GAP = 5
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "and", "but", "while", "—", "-"})


def join_from_to(words: Sequence[str], figures: list[Figure]) -> list[Figure]:
    """ "from $75 per barrel to $45.88 on Friday": one range, as when written together."""
    joined: list[Figure] = []
    for figure in figures:
        first = joined[-1] if joined else None
        if first is not None and _from_to_pair(words, first, figure):
            _absorb(first, figure)
        else:
            joined.append(figure)
    return joined


def _from_to_pair(words: Sequence[str], first: Figure, second: Figure) -> bool:
    if first.is_range or second.is_range or first.kind != second.kind:
        return False
    if first.start == 0 or words[first.start - 1] != "from" or words[second.start - 1] != "to":
        return False
    gap = words[first.end : second.start - 1]
    if len(gap) > _FROM_TO_GAP or _CLAUSE_BREAKS.intersection(gap):
        return False
    if first.unit is None:
        return False  # "from 3 goals in May to 250 shots": counts of different things
    same_unit = (
        second.unit is None
        or _unit_name(first) == _unit_name(second)
        or (first.unit == second.unit and second.per is None)  # "$80 a barrel ... to $71"
    )
    same_code = first.code is None or second.code is None or first.code == second.code
    return same_unit and same_code and first.high != second.high


def _unit_name(figure: Figure) -> str | None:
    """ "mile" per "gallon" and "mile per gallon" ("mpg") say the same unit."""
    return f"{figure.unit} per {figure.per}" if figure.per else figure.unit


def _absorb(first: Figure, second: Figure) -> None:
    low, high = sorted((first.high, second.high))
    first.low, first.high = low, high
    first.unit, first.code = first.unit or second.unit, first.code or second.code
    first.per = first.per or second.per
    first.start -= 1  # "from" opens the range, as ``_read_range`` does
    first.core_end, first.end = second.core_end, second.end
    if first.bound is not Bound.APPROX:
        first.bound = Bound.EQ  # "from up to 252 miles to 287 miles": the ends are exact


def not_about_other_measures(quantities: list[Quantity]) -> list[Quantity]:
    """ "450 Nm (332 lb-ft)" is not about "296 hp": an ``about`` or counted thing that
    overlaps another measure is a misparse, dropped rather than shown. A bare number may
    sit inside a name ("two new 737 Max jets")."""
    spans = [(q.span.start, q.span.end) for q in quantities if q.unit is not None]
    kept: list[Quantity] = []
    for quantity in quantities:
        others = [s for s in spans if s != (quantity.span.start, quantity.span.end)]
        update = {
            name: None
            for name, span in (("about", quantity.about), ("counted", quantity.counted))
            if span is not None and any(a < span.end and span.start < b for a, b in others)
        }
        if "counted" in update:
            update["counted_head"] = None
        kept.append(quantity.model_copy(update=update) if update else quantity)
    return kept


def converts(words: Sequence[str], first: Figure, second: Figure) -> bool:
    """ "8 miles (13 kilometers)", "224 kW / 300 PS", "9bn shekels ($2.4bn)": the second
    figure gives the first in another unit, right after it."""
    between = words[first.end : second.start]
    return between in (["("], ["/"]) and first.unit is not None and second.unit is not None
