"""Figures read together: "from $75 a barrel on Monday to $71" is one range; "8 miles
(13 km)" gives one length twice, about one thing; no figure is about another measure.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Context, Decimal

from claimgraph.analyse.quantities.figure_record import Figure
from claimgraph.model import Bound, Quantity, Span

# Words between "from X" and "to Y" that may still be one change: "from $36,040 at
# 10.45pm last night to $34,935", "from 21 mpg combined to 23". Farther, or across a
# clause break, the two figures are read apart.
_FROM_TO_GAP = 5
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "and", "but", "while", "—", "-"})


def join_from_to(words: Sequence[str], figures: list[Figure]) -> list[Figure]:
    """ "from $75 per barrel to $45.88 on Friday": one range, as when written together;
    "5 feet 10 inches", "2 hours and 45 minutes": one measure in the larger unit."""
    joined: list[Figure] = []
    for figure in figures:
        first = joined[-1] if joined else None
        if first is not None and _from_to_pair(words, first, figure):
            _absorb(first, figure)
        elif first is not None and _compound_measure(words, first, figure):
            _add_smaller(first, figure)
        else:
            joined.append(figure)
    return joined


# A measure written in two units, the larger first: how many of the smaller make one.
_SMALLER_UNITS: dict[tuple[str | None, str | None], int] = {
    ("foot", "inch"): 12,
    ("hour", "minute"): 60,
    ("minute", "second"): 60,
}
_MEASURE_JOINERS: tuple[list[str], ...] = (["and"], [","], [])
_FRACTION_DIGITS = Context(prec=28)  # 10 inches are 0.8333... feet, as 1/3 elsewhere


def _compound_measure(words: Sequence[str], first: Figure, second: Figure) -> bool:
    pair = (first.unit, second.unit)
    if pair not in _SMALLER_UNITS or first.is_range or second.is_range:
        return False
    if words[first.end : second.start] not in _MEASURE_JOINERS:
        return False
    return second.bound is Bound.EQ and 0 <= second.high < _SMALLER_UNITS[pair]


def _add_smaller(first: Figure, second: Figure) -> None:
    per = Decimal(_SMALLER_UNITS[(first.unit, second.unit)])
    value = first.high + _FRACTION_DIGITS.divide(second.high, per)
    first.low = first.high = value
    first.core_end, first.end = second.core_end, second.end


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
        update: dict[str, Span | None] = {}
        for name, span in (("about", quantity.about), ("counted", quantity.counted)):
            if span is not None and any(a < span.end and span.start < b for a, b in others):
                update[name] = _around_measures(span, others) if name == "about" else None
        if "counted" in update:
            update["counted_head"] = None
        kept.append(quantity.model_copy(update=update) if update else quantity)
    return kept


def _around_measures(span: Span, measures: Sequence[tuple[int, int]]) -> Span | None:
    """ "turbocharged 1.6 liter EcoBoost engine" -> "EcoBoost engine": the words after the
    last measure inside the span (else before the first: "MacBook Pro 16 inch" -> "MacBook
    Pro"); None when a measure sticks out of it."""
    inside = [(a, b) for a, b in measures if a < span.end and span.start < b]
    if any(a < span.start or span.end < b for a, b in inside):
        return None
    after = max(b for _, b in inside) - span.start
    before = min(a for a, _ in inside) - span.start
    for piece, offset in ((span.text[after:], after), (span.text[:before], 0)):
        words = piece.strip(" -,()")
        if any(c.isalpha() for c in words):
            first = offset + piece.index(words)
            start = span.start + first
            return Span(start=start, end=start + len(words), text=words)
    return None


def converts(words: Sequence[str], first: Figure, second: Figure) -> bool:
    """ "8 miles (13 kilometers)", "224 kW / 300 PS", "9bn shekels ($2.4bn)": the second
    figure gives the first in another unit, right after it."""
    between = words[first.end : second.start]
    return between in (["("], ["/"]) and first.unit is not None and second.unit is not None


def converted(first: Quantity, second: Quantity) -> Quantity:
    """The second figure of "just under 296 hp (224 kW)" gives the same amount in another
    unit: about the same thing, with the same bound and change unless it has its own."""
    update: dict[str, object] = {
        "about": first.about, "counted": first.counted, "counted_head": first.counted_head,
    }  # fmt: skip
    if second.bound is Bound.EQ:
        update["bound"] = first.bound  # "more than 7.5 million crowns (US $1.1 million)"
    if second.direction is None:
        update["direction"] = first.direction  # "dropped by 1 to 1.5 C (1.8 to 2.7 F)"
    return second.model_copy(update=update)
