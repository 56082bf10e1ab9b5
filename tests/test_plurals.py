"""``claimgraph.plurals``: the one singulariser of the analysis and the evaluation."""

from __future__ import annotations

import pytest

from claimgraph.plurals import singular, singular_last_word


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("casualties", "casualty"),
        ("lies", "lie"),  # four letters: the "-ies" rule is off, the "s" rule on
        ("troops", "troop"),
        ("glass", "glass"),
        ("bus", "bu"),  # no length limit by default (counted things)
        ("people", "people"),
    ],
)
def test_plurals_singular_counted_things(word: str, expected: str) -> None:
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("gas", "gas"), ("kilometres", "kilometre"), ("calories", "calorie"), ("mass", "mass")],
)
def test_plurals_singular_unit_names_keep_short_words_and_ies(word: str, expected: str) -> None:
    assert singular(word, min_length=4, ies=False) == expected


def test_plurals_singular_last_word_of_a_name() -> None:
    assert singular_last_word("square kilometres", min_length=4) == "square kilometre"
    assert singular_last_word("metric  tonnes", min_length=4) == "metric tonne"
    assert singular_last_word("cubic feet", min_length=4) == "cubic feet"
    assert singular_last_word("", min_length=4) == ""
