"""Number reading without spaCy: numerals, words, multipliers, vague amounts, units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimgraph.analyse.quantities.bounds import bound_before
from claimgraph.analyse.quantities.number_words import (
    VAGUE,
    decimal_text,
    match_vague,
    parse_number_text,
    parse_numeral,
    read_number,
)
from claimgraph.analyse.quantities.units import currency_prefix, match_unit
from claimgraph.model import Bound


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,000", "12000"),
        ("64.1 billion", "64100000000"),
        ("25m", "25000000"),
        ("3bn", "3000000000"),
        ("10k", "10000"),
        ("1,674.5 million", "1674500000"),
        (".08", "0.08"),
        ("three hundred", "300"),
        ("one hundred and sixty-one", "161"),
        ("a dozen", "12"),
        ("two million", "2000000"),
        ("twenty-one trillion and three hundred", "21000000000300"),
        ("two thousand and two hundred", "2200"),
        ("4 thousand 3 hundred and 21", "4321"),
        ("half a million", "500000"),
    ],
)
def test_quantities_number_text(text: str, value: str) -> None:
    parsed = parse_number_text(text)
    assert parsed is not None and decimal_text(parsed) == value


@pytest.mark.parametrize("text", ["one two", "third", "20th", "hello", "and", ""])
def test_quantities_number_text_rejects(text: str) -> None:
    assert parse_number_text(text) is None


def test_quantities_numeral_never_goes_through_float() -> None:
    parsed = parse_numeral("64.1bn")
    assert parsed == (Decimal("64100000000.0"), True)
    assert decimal_text(Decimal("0.1") * 3) == "0.3"


def test_quantities_numeral_of_thousands_of_digits_is_kept_exactly() -> None:
    digits = "7" + "1234567890" * 500  # 5,001 digits: beyond the default 28 of decimal
    grouped = ",".join(
        digits[max(0, i - 3) : i] for i in range(len(digits) % 3 or 3, len(digits) + 1, 3)
    )
    value, used = read_number([grouped], 0) or (Decimal(0), 0)
    assert used == 1 and decimal_text(value) == digits


def test_quantities_ambiguous_multipliers_need_permission() -> None:
    assert read_number(["120", "m"], 0, ambiguous_scales=False) == (Decimal(120), 1)
    assert read_number(["25", "m"], 0, ambiguous_scales=True) == (Decimal(25000000), 2)


def test_quantities_vague_longest_phrase_wins() -> None:
    words = ["tens", "of", "thousands", "of", "workers"]
    match = match_vague(words, 0)
    assert match is not None and match[1] == 3 and (match[0].low, match[0].high) == (20000, 99999)


def test_quantities_vague_intervals_are_ordered_and_explained() -> None:
    for phrase, vague in VAGUE.items():
        assert 0 < vague.low < vague.high, phrase
        assert vague.why, phrase


@pytest.mark.parametrize(
    ("words", "bound"),
    [
        (["as", "high", "as", "almost"], Bound.LE_APPROX),
        (["more", "than", "about"], Bound.GE_APPROX),
        (["just", "over"], Bound.GT),
        (["at", "least"], Bound.GE),
        (["the"], Bound.EQ),
    ],
)
def test_quantities_bound_phrases_combine(words: list[str], bound: Bound) -> None:
    assert bound_before([*words, "5"], len(words), 0)[0] is bound


def test_quantities_units_normalise() -> None:
    assert currency_prefix("US$") == "dollar"
    assert currency_prefix("€") == "euro"
    assert match_unit(["per", "cent"], 0) == ("percent", 2)
    assert match_unit(["kilometres"], 0) == ("kilometre", 1)
    assert match_unit(["tonnes"], 0) == ("tonne", 1)
    assert match_unit(["soldiers"], 0) is None
