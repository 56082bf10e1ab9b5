"""Find time expressions in text and say how each one is to be resolved.

Pure text matching, no spaCy: ``find_expressions`` returns ``Expression`` records (span,
kind, fields). ``date_resolution`` turns them into values. The grammar is regular
expressions over news English; spaCy's DATE entities miss weekdays after verbs and merge
"Wednesday that same day"-style neighbours, so we do our own matching.

Durations ("two weeks", "years-long", "for a decade") are deliberately not matched:
they are not point dates. Only their anchored uses ("two weeks ago", "a day earlier")
are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
QUARTERS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4,
}  # fmt: skip

# Month names are matched capitalised only: lower-case "may" and "march" are verbs.
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
    r"July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_MOD = (
    r"(?:(?:(?i:early|late|mid|earlier|later)[- ]|"
    r"(?i:the\s+(?:end|beginning|start|middle)\s+of\s+)))?"
)
_NUM = r"(?P<num>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_UNIT = r"(?P<unit>(?i:day|week|month|year))s?"
_END = r"(?![\w-])"


@dataclass(frozen=True)
class Expression:
    """One time expression: where it is, what kind, and its matched fields.

    ``kind`` is one of: day, month_day, month_year, month_rel_year, month, year, decade,
    century, weekday, deictic (today, yesterday ...), relative (this/last/next
    week|month|year|weekend), ago, season, quarter, same (that same day/week ...),
    same_last_year (the same period last year), shift (a day earlier ...).
    """

    start: int
    end: int
    kind: str
    fields: dict[str, str] = field(default_factory=dict)


_Rule = tuple[str, re.Pattern[str]]


def _rule(kind: str, pattern: str, flags: int = 0) -> _Rule:
    return kind, re.compile(r"(?<![\w$£€-])" + pattern + _END, flags)


# Order does not matter: overlaps are settled by earliest start, then longest match.
RULES: tuple[_Rule, ...] = (
    _rule("day", r"(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)"),
    _rule("day", rf"(?:{_WEEKDAY},?\s+)?{_MOD}{_MONTH}\s+{_DAY}\s*,?\s*{_YEAR}"),
    _rule("day", rf"(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s*{_YEAR}"),
    _rule("month_day", rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?!\s*,?\s*\d)"),
    _rule("month_day", rf"(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*\d)"),
    _rule("month_rel_year", rf"{_MOD}{_MONTH}\s+(?:of\s+)?(?P<rel>(?i:this|next|last))\s+year"),
    _rule("month_year", rf"{_MOD}{_MONTH}\s*,?\s+(?:of\s+)?{_YEAR}"),
    # A bare month is a month only after a preposition or modifier, or when it is not
    # "May" (too often the modal at a sentence start).
    _rule(
        "month",
        rf"(?:(?P<rel>(?i:last|next|this|that|in|since|by|until|till|through|during|from|"
        rf"of|and|or|to|between|early|late|mid|earlier|later))[- ]+)?"
        rf"(?P<bare>{_MONTH})(?!\s+[0-3]?\d)",
    ),
    _rule(
        "quarter",
        r"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)"
        r"[- ]quarter(?:\s+of\s+(?:(?P<rel>this|last|next)\s+year|" + _YEAR + "))?",
        re.I,
    ),
    _rule("quarter", r"Q(?P<qn>[1-4])\s+" + _YEAR),
    _rule("quarter", r"(?P<rel>last|next|this)\s+quarter", re.I),
    _rule("century", r"the\s+(?P<century>1\d|2[01])(?:st|nd|rd|th)\s+century", re.I),
    _rule("decade", r"(?:the\s+)?(?P<decade>1[6-9]\d0|20\d0)'?s"),
    _rule("year", rf"{_MOD}(?:fiscal\s+)?{_YEAR}(?!\s*(?:%|percent|[-–]\d))"),
    _rule(
        "weekday",
        rf"(?:(?P<pre>(?i:by|until|till))\s+)?(?:(?P<rel>(?i:last|next|this|early|late))\s+)?"
        rf"{_WEEKDAY}{_PART}",
    ),
    _rule(
        "deictic",
        r"(?:(?:earlier|later)\s+)?(?P<deixis>today|yesterday|tomorrow|tonight|"
        r"this\s+(?:morning|afternoon|evening))(?:\s+(?:morning|afternoon|evening|night))?",
        re.I,
    ),
    _rule(
        "relative",
        r"(?:(?:early|late|earlier|later|mid)[- ])?(?:the\s+(?:end|beginning|"
        r"start|middle)\s+of\s+)?(?:the\s+)?(?P<rel>this|last|next|coming|previous|"
        r"current)\s+(?P<unit>week|month|year|weekend)",
        re.I,
    ),
    _rule(
        "relative",
        r"the\s+(?:end|beginning|start|middle)\s+of\s+the\s+(?P<unit>week|month|"
        r"year)(?P<rel>)",
        re.I,
    ),
    # "ended the day up 2%", "later in the day": market reports mean the day of writing.
    _rule(
        "deictic",
        r"(?P<pre>end|ends|ended|ending|finish|finished|for|in)\s+the\s+(?P<deixis>day)",
        re.I,
    ),
    _rule("ago", rf"{_NUM}\s+{_UNIT}\s+ago", re.I),
    # "will close in 15 years", "must repay within two weeks": forward from the day of
    # writing, kept only in a clause about the future ("his first win in 15 years" looks
    # back over a span and is no date).
    _rule("ahead", rf"\b(?P<pre>in|within)\s+(?:the\s+next\s+)?{_NUM}\s+{_UNIT}{_END}", re.I),
    _rule(
        "season",
        r"(?P<rel>this|last|next|that|in|the|early|late)\s+(?P<season>spring|summer|"
        r"autumn|fall|winter)(?:\s+(?:of\s+)?" + _YEAR + ")?",
        re.I,
    ),
    _rule(
        "season",
        r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?" + _YEAR,
    ),
    # Business news: "the same period last year", "the same month a year earlier".
    _rule(
        "same_last_year",
        r"the\s+same\s+(?P<unit>day|week|month|quarter|period)\s+(?:of\s+)?(?:a\s+year\s+"
        r"(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior|last)\s+year)",
        re.I,
    ),
    _rule(
        "same",
        r"(?:that\s+(?:same\s+)?|the\s+same\s+)(?P<unit>day|week|month|year)(?!\s+(?:before|"
        r"after|of|when|that|in)\b)",
        re.I,
    ),
    _rule(
        "shift",
        rf"{_NUM}\s+{_UNIT}\s+(?P<dir>earlier|later|before|after)(?!\s+(?:the|that|"
        r"this|a|an|his|her|its|their|it|he|she|they|we)\b)",
        re.I,
    ),
    _rule(
        "shift",
        r"the\s+(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|week|month|"
        r"year)(?P<num>)",
        re.I,
    ),
    _rule(
        "shift",
        r"the\s+(?P<unit>day)\s+(?P<dir>before|after)(?P<num>)(?!\s+(?:the|that|"
        r"this|a|an|his|her|its|their|it|he|she|they|we)\b)",
        re.I,
    ),
)


def _matches(text: str) -> Iterator[Expression]:
    for kind, pattern in RULES:
        for m in pattern.finditer(text):
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            start = m.start()
            # A governing preposition is context, not part of the expression.
            rel = fields.get("rel", "").lower()
            if kind in ("month", "season") and rel in _PREPOSITIONS:
                start = _skip_spaces(text, m.end("rel"))
            if "pre" in fields:
                start = _skip_spaces(text, m.end("pre"))
            if kind == "month" and not _bare_month_ok(fields):
                continue
            yield Expression(start, m.end(), kind, fields)


_PREPOSITIONS = frozenset(
    {"in", "since", "by", "until", "till", "through", "during", "from", "of", "the", "and", "or"}
    | {"to", "between"}
)


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " -":
        i += 1
    return i


def _bare_month_ok(fields: dict[str, str]) -> bool:
    return bool(fields.get("rel")) or fields["bare"] != "May"


def find_expressions(text: str) -> list[Expression]:
    """All time expressions in ``text``, non-overlapping, in text order."""
    candidates = sorted(_matches(text), key=lambda e: (e.start, -(e.end - e.start)))
    chosen: list[Expression] = []
    for expr in candidates:
        if chosen and expr.start < chosen[-1].end:
            continue
        chosen.append(expr)
    return chosen


def month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def number_value(word: str) -> int | None:
    """Count words: "3" -> 3, "three" -> 3, "a" -> 1; None when not a count we know."""
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower())
