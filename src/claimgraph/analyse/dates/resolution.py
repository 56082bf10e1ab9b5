"""Resolve a matched time expression to an ISO/TIMEX3 value.

Relative expressions are resolved against the publication date (anchor
``published:<date>``) and anaphoric ones ("that same day", "a day earlier") against the
previously mentioned date (anchor ``date:<start offset>``). With no publication date,
relative expressions stay unresolved: we never fall back to today's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from claimgraph.analyse.dates.grammar import (
    QUARTERS,
    SEASONS,
    WEEKDAYS,
    Expression,
    month_number,
    number_value,
)

SEASON_ORDER = ("SP", "SU", "FA", "WI")


class Tense(StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


@dataclass(frozen=True)
class Resolution:
    value: str | None = None
    granularity: str | None = None
    anchor: str | None = None
    resolved: bool = False


@dataclass(frozen=True)
class Context:
    """What a relative expression can be resolved against."""

    published: dt.date | None
    tense: Tense = Tense.PAST
    previous_start: int | None = None  # offset of the previously mentioned resolved date
    previous: dt.date | None = None  # its first day
    previous_granularity: str | None = None
    previous_value: str | None = None

    @property
    def published_anchor(self) -> str | None:
        return f"published:{self.published.isoformat()}" if self.published else None

    @property
    def previous_anchor(self) -> str | None:
        return f"date:{self.previous_start}" if self.previous_start is not None else None


UNRESOLVED = Resolution()


def parse_published(value: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime; None when absent or unparseable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def start_of_value(value: str) -> dt.date | None:
    """First day of an ISO/TIMEX3 value we produced ("2024-10", "2024-W43", "2024-SU")."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        if "-W" in value:
            year, week = value[:4], value[6:8]
            return dt.date.fromisocalendar(int(year), int(week), 1)
        if len(value) == 7 and value[5:].isdigit():
            return dt.date(int(value[:4]), int(value[5:]), 1)
        if len(value) >= 4 and value[:4].isdigit():
            return dt.date(int(value[:4]), 1, 1)
    except ValueError:
        return None
    return None


def day(d: dt.date) -> str:
    return d.isoformat()


def month(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def shift(d: dt.date, unit: str, n: int, *, weeks_as_days: bool = False) -> tuple[str, str]:
    """``d`` moved by ``n`` units, as (value, granularity) at that unit.

    ``weeks_as_days``: "a week ago" counted from a day is a day (as in MEANTIME/TimeBank),
    while "last week" is a calendar week.
    """
    if unit == "day" or (unit == "week" and weeks_as_days and n != 0):
        days = n * 7 if unit == "week" else n
        return day(d + dt.timedelta(days=days)), "day"
    if unit == "week":
        return week(d + dt.timedelta(weeks=n)), "week"
    if unit == "month":
        return month(add_months(d, n)), "month"
    return f"{d.year + n:04d}", "year"


def pick(candidates: list[dt.date], pivot: dt.date, tense: Tense) -> dt.date:
    """Past: latest on or before the pivot; future: earliest on or after; else nearest."""
    before = [c for c in candidates if c <= pivot]
    after = [c for c in candidates if c >= pivot]
    if tense is Tense.PAST and before:
        return max(before)
    if tense is Tense.FUTURE and after:
        return min(after)
    return min(candidates, key=lambda c: (abs((c - pivot).days), c > pivot))


def resolve(expr: Expression, ctx: Context) -> Resolution:
    handler = _HANDLERS[expr.kind]
    try:
        return handler(expr.fields, ctx)
    except (ValueError, KeyError, OverflowError):
        return UNRESOLVED


Fields = dict[str, str]


def _absolute(value: str, granularity: str) -> Resolution:
    return Resolution(value, granularity, None, True)


def _relative(value: str, granularity: str, ctx: Context) -> Resolution:
    return Resolution(value, granularity, ctx.published_anchor, True)


def _day(f: Fields, ctx: Context) -> Resolution:
    m = int(f["mnum"]) if "mnum" in f else month_number(f["month"])
    return _absolute(day(dt.date(int(f["year"]), m, int(f["day"]))), "day")


def _month_day(f: Fields, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    m, d, y = month_number(f["month"]), int(f["day"]), ctx.published.year
    candidates = []
    for year in (y - 1, y, y + 1):
        try:
            candidates.append(dt.date(year, m, d))
        except ValueError:  # 29 February
            continue
    return _relative(day(pick(candidates, ctx.published, ctx.tense)), "day", ctx)


def _month_year(f: Fields, ctx: Context) -> Resolution:
    return _absolute(f"{int(f['year']):04d}-{month_number(f['month']):02d}", "month")


def _month(f: Fields, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    pub = ctx.published.replace(day=1)
    m, rel = month_number(f["bare"]), f.get("rel", "").lower()
    candidates = [dt.date(pub.year + k, m, 1) for k in (-1, 0, 1)]
    if rel == "last":
        chosen = max(c for c in candidates if c < pub)
    elif rel == "next":
        chosen = min(c for c in candidates if c > pub)
    elif rel == "this":
        chosen = dt.date(pub.year, m, 1)
    else:
        chosen = pick(candidates, pub, ctx.tense)
    return _relative(month(chosen), "month", ctx)


def _month_rel_year(f: Fields, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    year = ctx.published.year + _REL_OFFSET.get(f["rel"].lower(), 0)
    return _relative(f"{year:04d}-{month_number(f['month']):02d}", "month", ctx)


def _year(f: Fields, ctx: Context) -> Resolution:
    return _absolute(f"{int(f['year']):04d}", "year")


def _decade(f: Fields, ctx: Context) -> Resolution:
    return _absolute(f["decade"][:3], "decade")


def _century(f: Fields, ctx: Context) -> Resolution:
    return _absolute(f"{int(f['century']) - 1:02d}", "century")  # the 20th century: "19"


def _weekday(f: Fields, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    pub, target = ctx.published, WEEKDAYS[f["weekday"].lower()]
    back = (pub.weekday() - target) % 7  # days back to the latest such day, 0 if today
    rel = f.get("rel", "").lower()
    if rel == "last":
        offset = -(back or 7)
    elif rel == "next":
        offset = (target - pub.weekday()) % 7 or 7
    elif rel == "this":
        offset = target - pub.weekday()
    elif ctx.tense is Tense.FUTURE or (f.get("pre") and ctx.tense is not Tense.PAST):
        offset = (target - pub.weekday()) % 7  # "expects a decision by Friday": ahead
    else:
        offset = -back
    return _relative(day(pub + dt.timedelta(days=offset)), "day", ctx)


_DEIXIS_OFFSET = {"yesterday": -1, "tomorrow": 1}


def _deictic(f: Fields, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    offset = _DEIXIS_OFFSET.get(f["deixis"].lower(), 0)
    return _relative(day(ctx.published + dt.timedelta(days=offset)), "day", ctx)


_REL_OFFSET = {"last": -1, "previous": -1, "next": 1, "coming": 1}


def _relative_unit(f: Fields, ctx: Context) -> Resolution:
    if ctx.published is None:
        return UNRESOLVED
    unit, n = f["unit"].lower(), _REL_OFFSET.get(f["rel"].lower(), 0)
    if unit == "weekend":
        value, _ = shift(ctx.published, "week", n)
        return _relative(value + "-WE", "week", ctx)
    value, granularity = shift(ctx.published, unit, n)
    return _relative(value, granularity, ctx)


def _ago(f: Fields, ctx: Context) -> Resolution:
    n = number_value(f["num"])
    if ctx.published is None or n is None:
        return UNRESOLVED
    value, granularity = shift(ctx.published, f["unit"].lower(), -n, weeks_as_days=True)
    return _relative(value, granularity, ctx)


def _season_index(d: dt.date) -> int:
    """Seasons numbered ``year * 4 + position``; December opens the year's winter."""
    if d.month <= 2:
        return (d.year - 1) * 4 + 3
    return d.year * 4 + (0, 0, 0, 1, 1, 1, 2, 2, 2, 3)[d.month - 3]


def _season(f: Fields, ctx: Context) -> Resolution:
    code = SEASONS[f["season"].lower()]
    if "year" in f:
        return _absolute(f"{int(f['year']):04d}-{code}", "season")
    if ctx.published is None:
        return UNRESOLVED
    now, pos = _season_index(ctx.published), SEASON_ORDER.index(code)
    this = (now // 4) * 4 + pos
    rel = f.get("rel", "").lower()
    if rel == "last":
        chosen = this if this < now else this - 4
    elif rel == "next":
        chosen = this if this > now else this + 4
    elif rel == "this" or ctx.tense is Tense.PRESENT:
        chosen = this
    elif ctx.tense is Tense.FUTURE:
        chosen = this if this >= now else this + 4
    else:
        chosen = this if this <= now else this - 4
    return _relative(f"{chosen // 4:04d}-{code}", "season", ctx)


def _quarter(f: Fields, ctx: Context) -> Resolution:
    rel = f.get("rel", "").lower()
    if "year" in f:
        q = int(f["qn"]) if "qn" in f else QUARTERS[f["q"].lower()]
        return _absolute(f"{int(f['year']):04d}-Q{q}", "quarter")
    if ctx.published is None:
        return UNRESOLVED
    pub = ctx.published
    current = (pub.month - 1) // 3 + 1
    if "q" not in f:  # "last quarter", "next quarter"
        index = pub.year * 4 + current - 1 + _REL_OFFSET.get(rel, 0)
        return _relative(f"{index // 4:04d}-Q{index % 4 + 1}", "quarter", ctx)
    q = QUARTERS[f["q"].lower()]
    year = pub.year + _REL_OFFSET.get(rel, 0)
    if not rel and q > current and ctx.tense is Tense.PAST:
        year -= 1  # "the fourth quarter" reported in spring is last year's
    return _relative(f"{year:04d}-Q{q}", "quarter", ctx)


def _same(f: Fields, ctx: Context) -> Resolution:
    unit = f["unit"].lower()
    if ctx.previous is None or not fine_enough(ctx.previous_granularity, unit):
        return UNRESOLVED
    value, granularity = shift(ctx.previous, unit, 0)
    return Resolution(value, granularity, ctx.previous_anchor, True)


_FINENESS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}


def fine_enough(granularity: str | None, unit: str) -> bool:
    if granularity is None or granularity not in _FINENESS:
        return False
    if unit == "period":  # "the same period": any span shorter than a year
        return granularity != "year"
    if unit == "week":
        return granularity in ("day", "week")
    return _FINENESS[granularity] <= _FINENESS[unit]


def _same_last_year(f: Fields, ctx: Context) -> Resolution:
    """The previous date's period one year back ("2010-02" -> "2009-02")."""
    value, granularity = ctx.previous_value, ctx.previous_granularity
    unit = f["unit"].lower()
    if unit in ("day", "week", "month") and ctx.previous is not None:
        value, granularity = shift(ctx.previous, unit, 0)  # "the same month" of a day
    if value is None or not value[:4].isdigit() or granularity == "year":
        return UNRESOLVED
    shifted = f"{int(value[:4]) - 1:04d}{value[4:]}"
    if shifted.endswith("-02-29"):
        shifted = shifted[:-2] + "28"
    return Resolution(shifted, granularity, ctx.previous_anchor, True)


_SHIFT_SIGN = {"earlier": -1, "before": -1, "previous": -1, "preceding": -1}


def _shift(f: Fields, ctx: Context) -> Resolution:
    unit = f["unit"].lower()
    n = number_value(f["num"]) if f.get("num") else 1
    if n is None:
        return UNRESOLVED
    n *= _SHIFT_SIGN.get(f["dir"].lower(), 1)
    if ctx.previous is not None and fine_enough(ctx.previous_granularity, unit):
        from_day = ctx.previous_granularity == "day"
        value, granularity = shift(ctx.previous, unit, n, weeks_as_days=from_day)
        return Resolution(value, granularity, ctx.previous_anchor, True)
    if ctx.published is None:
        return UNRESOLVED
    # No earlier date to count from: news counts from the day of writing.
    value, granularity = shift(ctx.published, unit, n, weeks_as_days=True)
    return _relative(value, granularity, ctx)


def _ahead(f: Fields, ctx: Context) -> Resolution:
    """ "in 15 years", "within two weeks": that long after the day of writing."""
    n = number_value(f["num"])
    if ctx.published is None or n is None:
        return UNRESOLVED
    value, granularity = shift(ctx.published, f["unit"].lower(), n, weeks_as_days=True)
    return _relative(value, granularity, ctx)


_HANDLERS = {
    "ahead": _ahead,
    "day": _day,
    "month_day": _month_day,
    "month_year": _month_year,
    "month": _month,
    "month_rel_year": _month_rel_year,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "weekday": _weekday,
    "deictic": _deictic,
    "relative": _relative_unit,
    "ago": _ago,
    "season": _season,
    "quarter": _quarter,
    "same": _same,
    "same_last_year": _same_last_year,
    "shift": _shift,
}
