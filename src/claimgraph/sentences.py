"""Cheap sentence boundaries in raw article text, for linking and for showing context.

A sentence ends at a full stop, question or exclamation mark (with any closing quotes or
brackets after it) followed by white space, or at a line break; a full stop after an
initial or a title ("U.S. officials", "Gen. Smith") does not end one. Computed once per
text and looked up by bisection, since linking asks for many spans of one article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n")
# Words ending in a full stop that does not end a sentence: initials ("U.S.", "J."),
# and the titles and abbreviations news writes before names and dates.
ABBREVIATION = re.compile(
    r"(^|\.)[A-Z]\.$|^(Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|No|Jan|Feb|"
    r"Aug|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs)\.$"
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``[start, end)``, without leading white space."""
    ends = sentence_ends(text)
    i = bisect_left(ends, start + 1)  # ends[i - 1] <= start < ends[i]
    left = ends[i - 1] if i > 0 else 0
    while left < start and text[left].isspace():
        left += 1
    j = bisect_left(ends, end)
    right = ends[j] if j < len(ends) else len(text)
    return left, right


@lru_cache(maxsize=512)
def sentence_ends(text: str) -> tuple[int, ...]:
    """Offsets just past each sentence's last character (its stop and closing quotes)."""
    return tuple(
        match.end()
        for match in SENTENCE_END.finditer(text)
        if not _after_abbreviation(text, match.start())
    )


def _after_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word = text[max(0, stop - 6) : stop].split()[-1:] or [""]
    return bool(ABBREVIATION.search(word[0] + "."))
