"""Quotation regions of a text, as character ranges including the marks.

Marks are paired within a paragraph: curly marks by direction, straight double marks by
alternation. An opening mark left unclosed at a paragraph's end closes there (news
style leaves a quotation running into the next paragraph open), so one stray mark never
swallows the rest of an article.
"""

from __future__ import annotations

import re

_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n\s*")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Half-open ``[start, end)`` ranges of quotations, marks included, in text order."""
    regions: list[tuple[int, int]] = []
    offset = 0
    for paragraph in _PARAGRAPH.split(text):
        start = text.find(paragraph, offset) if paragraph else offset
        regions.extend(_paragraph_regions(paragraph, start))
        offset = start + len(paragraph)
    return regions


# Two apostrophes or backticks before any single mark: "''" is one mark, not two.
_MARK = re.compile("''|``|[\u201c\u201d\"]")
_MARK_KIND = {"''": "straight", "``": "open", _OPEN: "open", _CLOSE: "close", _STRAIGHT: "straight"}


def _marks(paragraph: str) -> list[tuple[int, int, str]]:
    """(offset, length, kind) of each quotation mark: kind is ``open``, ``close`` or
    ``straight``. Newswire in the Penn Treebank style (the New York Times in PolNeAR)
    writes both marks as two apostrophes (''...'') or opens with two backticks."""
    return [(m.start(), len(m.group()), _MARK_KIND[m.group()]) for m in _MARK.finditer(paragraph)]


def _paragraph_regions(paragraph: str, base: int) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    open_at: tuple[int, str, str] | None = None  # offset, kind, mark text
    for i, length, kind in _marks(paragraph):
        mark = paragraph[i : i + length]
        if open_at is None:
            if kind != "close":
                open_at = (i, kind, mark)
        elif kind == "close" or (kind == "straight" and open_at[1] == "straight"):
            if kind == "straight" and mark != open_at[2]:
                continue  # a '' inside a "..." quotation (or the reverse) is not its close
            regions.append((base + open_at[0], base + i + length))
            open_at = None
        elif kind == "straight" and open_at[1] == "open" and mark == "''":
            regions.append((base + open_at[0], base + i + length))  # ``...''
            open_at = None
        elif kind == "open" and open_at[1] == "open":
            # a second opening mark before any close: the first was stray
            open_at = (i, kind, mark)
    if open_at is not None and len(paragraph) - open_at[0] > len(open_at[2]):
        regions.append((base + open_at[0], base + len(paragraph)))
    return regions


class QuoteIndex:
    """Which quotation, if any, holds a character offset (regions are disjoint, sorted)."""

    def __init__(self, text: str) -> None:
        self.regions = quote_regions(text)
        self._starts = [start for start, _ in self.regions]

    def containing(self, offset: int) -> tuple[int, int] | None:
        from bisect import bisect_right

        i = bisect_right(self._starts, offset) - 1
        if i >= 0:
            start, end = self.regions[i]
            if start <= offset < end:
                return start, end
        return None

    def starting_at(self, offset: int) -> tuple[int, int] | None:
        region = self.containing(offset)
        return region if region is not None and region[0] == offset else None

    def quoted_chars(self, start: int, end: int) -> int:
        """How many characters of ``[start, end)`` lie in a quotation (marks included)."""
        from bisect import bisect_right

        i = max(bisect_right(self._starts, start) - 1, 0)
        total = 0
        while i < len(self.regions) and self.regions[i][0] < end:
            region_start, region_end = self.regions[i]
            total += max(0, min(end, region_end) - max(start, region_start))
            i += 1
        return total

    def inside(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies strictly inside one quotation (not on its marks)."""
        region = self.containing(start)
        return region is not None and region[0] < start and end <= region[1]
