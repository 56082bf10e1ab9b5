"""Quantities in words: exact decimals, bounds, vague amounts and units."""

from __future__ import annotations

import pytest

from claimgraph.model import Bound, Certainty, Factuality, Polarity, Quantity, Span, Stance
from claimgraph.present.figures import factuality_words, number, quantity_words


def quantity(**fields: object) -> Quantity:
    text = str(fields.pop("text", "x"))
    return Quantity(id="q", span=Span(start=0, end=len(text), text=text), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"value": "12000", "bound": Bound.APPROX}, "~12,000"),
        ({"value": "10000", "bound": Bound.GT}, "> 10,000"),
        ({"value": "40", "bound": Bound.GE}, "≥ 40"),
        ({"value": "64100000000", "unit": "dollar"}, "$64.1 billion"),
        ({"value": "1250000000", "unit": "euro"}, "€1.25 billion"),
        ({"value": "1234567"}, "1,234,567"),
        ({"value": "3000000"}, "3 million"),
        ({"value": "3.50", "unit": "percent"}, "3.5%"),
        ({"value": "0.1", "unit": "percent", "direction": "up"}, "up 0.1%"),
        ({"value": "12", "unit": "kilometre"}, "12 km"),
        ({"value": "7", "unit": "barrel"}, "7 barrel"),
        (
            {"text": "thousands", "low": "1000", "high": "9999", "vague": True},
            "thousands (1,000–9,999)",
        ),
        ({"low": "10", "high": "12"}, "10–12"),
        ({"low": "40"}, "≥ 40"),
        ({"value": "not a number"}, "not a number"),
    ],
)
def test_present_quantity_words(fields: dict[str, object], expected: str) -> None:
    assert quantity_words(quantity(**fields)) == expected


def test_present_number_is_exact_beyond_float_precision() -> None:
    # 0.1 + 0.2 style float drift or 2**53 rounding would change these digits.
    assert number("9007199254740993") == "9,007,199,254,740,993"
    assert number("0.30000000000000001") == "0.30000000000000001"


@pytest.mark.parametrize(
    ("factuality", "expected"),
    [
        (None, "—"),
        (Factuality(), "asserts"),
        (Factuality(stance=Stance.EXPECTS, certainty=Certainty.POSSIBLE), "expects, possible"),
        (Factuality(stance=Stance.REPORTS, polarity=Polarity.NEGATED), "reports, negated"),
        (Factuality(stance=Stance.REFUSES_TO_CONFIRM), "refuses to confirm"),
    ],
)
def test_present_factuality_words(factuality: Factuality | None, expected: str) -> None:
    assert factuality_words(factuality) == expected
