"""Lines that are not the article: kept in the text, set apart from analysis.

Scraped news text carries calls to action ("Read the full article here", newsletter
and text-alert sign-ups), copyright lines and, at the end, lists of related headlines
("Some headline (Outlet Name)"). They are found by general line patterns, returned as
spans, and never deleted, so offsets into the text stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from claimgraph.model import Span

_MAX_CALL_TO_ACTION_CHARS = 400  # longer lines are reporting, whatever words they hold

# "Read more", "Read the full article here", "Continue reading on ...": the phrase
# ends the line or is followed by a pointer, so "Read more than ..." is not matched.
_READ_MORE = re.compile(
    r"^(?:read (?:the )?(?:full|whole|entire|original|rest of the) (?:article|story|report)"
    r"|read more|continue reading|keep reading|click here to read|read the rest)"
    r"(?:\s*[:»>…|-].{0,80}|\s+(?:here|at|on|about|in|from|below)\b.{0,80})?[.!]?$",
    re.IGNORECASE,
)
_CALL_TO_ACTION_START = re.compile(
    r"^(?:get|sign up|subscribe|join|download|follow us|like us|register)\b", re.IGNORECASE
)
_CALL_TO_ACTION_WORDS = re.compile(
    r"\b(?:sign(?:ing)?[ -]?up|subscribe|subscription|newsletters?|inbox|app store|google play"
    r"|(?:text|e-?mail|news|push) alerts?|follow us)\b",
    re.IGNORECASE,
)
_RELATED_PREFIXED = re.compile(
    r"^(?:related|read also|also read|see also|read more|more|recommended)\s*:\s*\S.{0,200}$",
    re.IGNORECASE,
)
_RELATED_HEADING = re.compile(
    r"^(?:related(?: (?:articles?|stories|coverage|content|reading|links))?|more from .{1,40}"
    r"|further reading|recommended(?: for you)?|read (?:also|next)|see also|also read"
    r"|you may also like|more on this story|top stories)\s*:?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b).{0,200}$", re.IGNORECASE)

_NAME_WORD = r"[A-Z&][\w&'’.-]*"
_OUTLET_NAME = rf"(?:[Tt]he\s+)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|on|for)){{0,5}}"
_OUTLET_NAME_SHORTEST = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}?"
# "Headline words (Outlet Name)": a headline carries no closing full stop before the
# outlet in parentheses, which tells it apart from a sentence with an aside.
_HEADLINE_WITH_OUTLET = re.compile(
    rf"^(?P<headline>.{{10,250}}?[^\s.!?,;:])\s+\((?P<outlet>{_OUTLET_NAME})\)$"
)
# "Get Valley Herald Breaking News Text Alerts", "Sign up for the Daily Planet newsletter"
_SIGN_UP_OUTLET = re.compile(
    rf"^(?i:get|sign up for|subscribe to|join)\s+(?i:the\s+)?(?P<outlet>{_OUTLET_NAME_SHORTEST})"
    r"(?:'s|’s)?\s+(?i:(?:breaking news|news|daily|morning|evening|weekly)\s+)?"
    r"(?i:(?:text|e-?mail|push)\s+)?(?i:alerts?|newsletters?)\b"
)
# A sign-up for a product ("Morning Briefing newsletter") names no outlet.
_PRODUCT_WORDS = frozenset({"briefing", "digest", "update", "updates", "headlines", "edition"})


@dataclass(frozen=True)
class Line:
    """One non-blank line of a text, whitespace trimmed, with its offsets."""

    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with surrounding whitespace trimmed."""
    found = []
    for match in re.finditer(r"[^\r\n]+", text):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped)
            found.append(Line(start, start + len(stripped), stripped))
    return found


def set_apart_spans(text: str, *, keep: Span | None = None) -> tuple[Span, ...]:
    """Spans of the lines in ``text`` that are not the article (``keep`` never is)."""
    lines = [line for line in lines_of(text) if keep is None or line.start >= keep.end]
    marked = {index for index, line in enumerate(lines) if _is_boilerplate_line(line.text)}
    marked |= _trailing_related_headlines(lines, marked)
    return tuple(Span.of(text, lines[i].start, lines[i].end) for i in sorted(marked))


def self_referenced_outlet(set_apart: Sequence[Span]) -> str | None:
    """The outlet an article names as its own in set-apart lines, if it does clearly.

    A sign-up line ("Get NAME Breaking News Text Alerts") names the publisher. Failing
    that, a related-headline list whose every entry credits one outlet (two or more)
    is taken as the publisher's own "more from us" list. Anything less stays unknown.
    """
    for span in set_apart:
        name = _sign_up_outlet(span.text)
        if name is not None:
            return name
    credited = [match.group("outlet") for match in _headline_credits(set_apart)]
    if len(credited) >= 2 and len(set(credited)) == 1:
        return credited[0]
    return None


def _is_boilerplate_line(line: str) -> bool:
    if _READ_MORE.match(line) or _RELATED_PREFIXED.match(line) or _COPYRIGHT.match(line):
        return True
    return _is_call_to_action(line)


def _is_call_to_action(line: str) -> bool:
    return (
        len(line) <= _MAX_CALL_TO_ACTION_CHARS
        and _CALL_TO_ACTION_START.match(line) is not None
        and _CALL_TO_ACTION_WORDS.search(line) is not None
    )


def _trailing_related_headlines(lines: Sequence[Line], marked: set[int]) -> set[int]:
    """Indexes of the "Headline (Outlet)" lines (and their heading) ending the text.

    One such line alone could be the article's last sentence, so it counts only next
    to other set-apart lines; two or more in a row are a list.
    """
    headlines: set[int] = set()
    index = len(lines) - 1
    while index >= 0 and (index in marked or _HEADLINE_WITH_OUTLET.match(lines[index].text)):
        if index not in marked:
            headlines.add(index)
        index -= 1
    if index >= 0 and headlines and _RELATED_HEADING.match(lines[index].text):
        headlines.add(index)
    if len(headlines) >= 2 or (headlines and marked & set(range(index + 1, len(lines)))):
        return headlines
    return set()


def _sign_up_outlet(line: str) -> str | None:
    match = _SIGN_UP_OUTLET.match(line)
    if match is None:
        return None
    name = re.sub(r"(?:'s|’s)$", "", match.group("outlet"))
    if name.split()[-1].lower() in _PRODUCT_WORDS:
        return None
    return name


def _headline_credits(set_apart: Sequence[Span]) -> Iterator[re.Match[str]]:
    for span in set_apart:
        match = _HEADLINE_WITH_OUTLET.match(span.text)
        if match is not None:
            yield match
