"""The CSV formula guard neutralises formulas, never data: numbers and bounds stay."""

from __future__ import annotations

import pytest

from claimgraph.model import Bound
from claimgraph.present.export_csv import safe_cell


@pytest.mark.parametrize("bound", [b.value for b in Bound])
def test_export_csv_guard_bounds_stay_data(bound: str) -> None:
    assert safe_cell(bound) == bound


@pytest.mark.parametrize("number", ["-5", "+3", "-0.25", "40", "1e3"])
def test_export_csv_guard_numbers_stay_data(number: str) -> None:
    assert safe_cell(number) == number


@pytest.mark.parametrize(
    "formula", ['=HYPERLINK("http://x")', "=1+1", "==A1", "@SUM(A1)", "-A1", "+cmd|' /C calc'!A0"]
)
def test_export_csv_guard_formulas_are_neutralised(formula: str) -> None:
    assert safe_cell(formula) == "'" + formula
