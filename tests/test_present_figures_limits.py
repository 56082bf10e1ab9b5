"""Figures of any size render: a 5,000-digit number once broke every report format."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimgraph.present.figures import group_digits, number


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("7" * 5000, "7.778e+4999"),
        ("-" + "9" * 4400, "-1.000e+4400"),
        ("0." + "0" * 4999 + "1", "1.000e-5000"),
        ("1" + "0" * 40, "1.000e+40"),
    ],
)
def test_present_figures_limits_huge_numbers_are_short(text: str, shown: str) -> None:
    assert number(text) == shown


def test_present_figures_limits_ordinary_numbers_unchanged() -> None:
    assert group_digits(Decimal("12000")) == "12,000"
    assert number("64100000000", "USD") == "$64.1 billion"
    assert group_digits(Decimal("1234567.25")) == "1,234,567.25"
