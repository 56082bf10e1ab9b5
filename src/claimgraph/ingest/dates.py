"""Publication dates: validate ISO 8601 strings and read feed dates without guessing."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from claimgraph.errors import BadMetadata

ISO_EXAMPLE = "use ISO 8601, e.g. 2024-10-23 or 2024-10-23T09:15:00+02:00"

# RFC 822/2822 as feeds use it, with a four-digit year and a zone we know. The
# standard library accepts two-digit years (guessing the century) and silently
# treats unknown zone names as UTC; both are refused here rather than guessed.
_RFC822 = re.compile(
    r"""^\s*
    (?:(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+)?
    (?P<day>\d{1,2})\s+
    (?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+
    (?P<year>\d{4})\s+
    \d{1,2}:\d{2}(?::\d{2})?
    (?:\s+(?P<zone>[+-]\d{4}|UT|UTC|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT))?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def normalise_published(value: str) -> str:
    """``value`` as an ISO 8601 date or datetime, keeping its zone offset.

    Raises ``BadMetadata`` when it is not ISO 8601.
    """
    stripped = value.strip()
    parsed = _parse_iso(stripped)
    if parsed is None:
        raise BadMetadata(f"published date {value!r} is not a date: {ISO_EXAMPLE}")
    return parsed


def parse_feed_date(raw: str | None) -> str | None:
    """A feed's raw date string as ISO 8601, or ``None`` when it is not unambiguous.

    RFC 822 (RSS) and ISO 8601 (Atom) are read from the raw string so that the zone
    offset survives (feedparser's ``*_parsed`` tuples are in UTC and lose it).
    """
    if raw is None or not raw.strip():
        return None
    stripped = raw.strip()
    iso = _parse_iso(stripped)
    if iso is not None:
        return iso
    return _parse_rfc822(stripped)


def _parse_iso(value: str) -> str | None:
    if not value or not value[0].isdigit():
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _parse_rfc822(value: str) -> str | None:
    match = _RFC822.match(value)
    if match is None:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    weekday = match.group("weekday")
    if weekday and _WEEKDAYS.index(weekday.lower()) != parsed.weekday():
        return None  # the weekday contradicts the date: one of them is wrong
    return parsed.isoformat()
