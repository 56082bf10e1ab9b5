"""Matching and resolving time expressions without the parser (pure functions)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph.analyse.dates.grammar import find_expressions
from claimgraph.analyse.dates.resolution import Context, Tense, resolve

FRIDAY = dt.date(2024, 10, 25)


def _resolve(
    text: str, published: dt.date | None = FRIDAY, tense: Tense = Tense.PAST
) -> str | None:
    [expr] = find_expressions(text)
    return resolve(expr, Context(published=published, tense=tense)).value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on October 13, 2024,", "2024-10-13"),
        ("on 13 October 2024", "2024-10-13"),
        ("on 2024-10-13", "2024-10-13"),
        ("in March 2022", "2022-03"),
        ("since 1998", "1998"),
        ("in the 1990s", "199"),
        ("back to the 20th century", "19"),
        ("the third quarter of 2023", "2023-Q3"),
        ("the summer of 2021", "2021-SU"),
        ("October of next year", "2025-10"),
    ],
)
def test_dates_absolute_expressions(text: str, value: str) -> None:
    assert _resolve(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("this week", "2024-W43"),
        ("last week", "2024-W42"),
        ("this month", "2024-10"),
        ("last month", "2024-09"),
        ("next year", "2025"),
        ("this summer", "2024-SU"),
        ("last winter", "2023-WI"),
        ("yesterday", "2024-10-24"),
        ("three days ago", "2024-10-22"),
        ("two weeks ago", "2024-10-11"),
        ("this weekend", "2024-W43-WE"),
        ("earlier this year", "2024"),
    ],
)
def test_dates_relative_to_publication(text: str, value: str) -> None:
    assert _resolve(text) == value


def test_dates_weekday_past_is_latest_on_or_before_publication() -> None:
    assert _resolve("on Wednesday") == "2024-10-23"
    assert _resolve("on Friday") == "2024-10-25"


def test_dates_weekday_future_is_the_next_one() -> None:
    assert _resolve("on Wednesday", tense=Tense.FUTURE) == "2024-10-30"
    assert _resolve("next Friday") == "2024-11-01"


def test_dates_month_day_without_year_past_is_on_or_before_publication() -> None:
    assert _resolve("on December 1") == "2023-12-01"
    assert _resolve("on December 1", tense=Tense.FUTURE) == "2024-12-01"
    assert _resolve("on November 2", tense=Tense.PRESENT) == "2024-11-02"


def test_dates_bare_month_follows_tense() -> None:
    assert _resolve("in November") == "2023-11"
    assert _resolve("in November", tense=Tense.FUTURE) == "2024-11"


def test_dates_no_publication_leaves_relative_unresolved() -> None:
    for text in ("on Wednesday", "last month", "this summer", "on October 13", "in June"):
        [expr] = find_expressions(text)
        result = resolve(expr, Context(published=None))
        assert result.value is None and not result.resolved, text


def test_dates_no_publication_still_resolves_absolute() -> None:
    assert _resolve("on October 13, 2024", published=None) == "2024-10-13"
    assert _resolve("In March 2022", published=None) == "2022-03"


@pytest.mark.parametrize(
    "text",
    ["the years-long war", "talks lasted two weeks", "for three months", "a decade of war"],
)
def test_dates_durations_are_not_matched(text: str) -> None:
    assert find_expressions(text) == []


def test_dates_modal_may_is_not_a_month() -> None:
    assert find_expressions("May the talks succeed. Prices may rise.") == []
    assert [e.kind for e in find_expressions("prices rose in May")] == ["month"]


def test_dates_anaphoric_without_previous_date_is_unresolved() -> None:
    [expr] = find_expressions("that same day")
    assert resolve(expr, Context(published=FRIDAY)).value is None


def test_dates_same_period_last_year_shifts_previous_date() -> None:
    [expr] = find_expressions("the same month a year ago")
    ctx = Context(
        published=FRIDAY,
        previous_start=0,
        previous=dt.date(2009, 1, 1),
        previous_granularity="month",
        previous_value="2009-01",
    )
    result = resolve(expr, ctx)
    assert (result.value, result.anchor) == ("2008-01", "date:0")
