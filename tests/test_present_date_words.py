"""Stored date values read as words and sort by the days they really cover."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.present.date_words import date_range, date_sort_key, date_words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2024-10-23", "23 October 2024"),
        ("2026-03-10T18:00:00+01:00", "10 March 2026"),
        ("2024-10", "October 2024"),
        ("2024", "2024"),
        ("2024-SU", "summer 2024"),
        ("2024-W43", "the week of 21 October 2024"),
        ("2024-W43-WE", "the weekend of 26 October 2024"),
        ("2024-Q3", "the third quarter of 2024"),
        ("198", "the 1980s"),
        ("19", "the 20th century"),
        ("20", "the 21st century"),
        ("next spring", "next spring"),  # not a value we produce: shown as it is
        ("2024-13", "2024-13"),
        (None, ""),
    ],
)
def test_date_words_reads_every_stored_shape(value: str | None, words: str) -> None:
    assert date_words(value) == words


def test_date_words_season_sorts_by_its_first_day() -> None:
    values = ["2024-10-24", "2024-SU", "2024-W43", "2024", None, "2024-10"]
    ordered = sorted(values, key=date_sort_key)
    assert ordered == ["2024", "2024-SU", "2024-10", "2024-W43", "2024-10-24", None]


def test_date_words_winter_runs_into_the_next_year() -> None:
    assert date_range("2024-WI") == (dt.date(2024, 12, 1), dt.date(2025, 2, 28))
    assert date_range("19") == (dt.date(1900, 1, 1), dt.date(1999, 12, 31))
