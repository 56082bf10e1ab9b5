"""Resolved dates as a reader says them, and the real days they cover.

The analyser stores TIMEX3-style values: ``2024-10-23``, ``2024-10``, ``2024``,
``2024-SU`` (a season), ``2024-W43`` (a week), ``2024-W43-WE`` (its weekend),
``2024-Q3``, ``198`` (the 1980s), ``19`` (the 20th century), and publication dates as
ISO datetimes. Shown raw they are codes, and sorted as strings ``2024-SU`` comes after
``2024-10-24``; here each becomes words ("summer 2024", "the week of 21 October 2024")
and a first and last day to sort and plot by.
"""

from __future__ import annotations

import datetime as dt
import re

# Meteorological seasons of the northern hemisphere, as the date grammar reads them
# ("this winter" in a December article is that December's winter).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
QUARTER_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth"}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def day_words(day: dt.date) -> str:
    """``23 October 2024``: day first, month in words, as British and wire copy print it."""
    return f"{day.day} {day:%B %Y}"


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day ``value`` covers; ``None`` for what is not a date value."""
    if not value:
        return None
    try:
        return _range(value.strip())
    except ValueError:  # a well-shaped but impossible value ("2024-13", "2024-W60")
        return None


def _range(value: str) -> tuple[dt.date, dt.date] | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), _month_end(year, month)
    if m := _YEAR.match(value):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    if m := _SEASON.match(value):
        year, (first, last) = int(m[1]), SEASON_MONTHS[m[2]]
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), _month_end(end_year, last)
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := _QUARTER.match(value):
        year, quarter = int(m[1]), int(m[2])
        return dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if m := _DECADE.match(value):
        start = int(m[1]) * 10
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    if m := _CENTURY.match(value):
        start = int(m[1]) * 100
        return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)
    return None


def date_words(value: str | None) -> str:
    """A stored date value in words; anything unrecognised is shown as it is."""
    if not value:
        return ""
    value = value.strip()
    try:
        return _words(value) or value
    except ValueError:
        return value


def _words(value: str) -> str | None:
    if m := _DAY.match(value):
        return day_words(dt.date(int(m[1]), int(m[2]), int(m[3])))
    if m := _MONTH.match(value):
        return f"{dt.date(int(m[1]), int(m[2]), 1):%B %Y}"
    if m := _YEAR.match(value):
        return m[1]
    if m := _SEASON.match(value):
        return f"{SEASON_NAMES[m[2]]} {m[1]}"
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return f"the weekend of {day_words(monday + dt.timedelta(days=5))}"
        return f"the week of {day_words(monday)}"
    if m := _QUARTER.match(value):
        return f"the {QUARTER_NAMES[int(m[2])]} quarter of {m[1]}"
    if m := _DECADE.match(value):
        return f"the {m[1]}0s"
    if m := _CENTURY.match(value):
        return f"the {ordinal(int(m[1]) + 1)} century"
    return None


def date_sort_key(value: str | None) -> tuple[int, dt.date, dt.date]:
    """Sorts by the first day covered, then the shorter span first; undated last."""
    found = date_range(value)
    if found is None:
        return (1, dt.date.max, dt.date.max)
    return (0, found[0], found[1])
