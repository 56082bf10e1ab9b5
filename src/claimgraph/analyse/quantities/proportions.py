"""Proportions and "one of": "two-thirds of", "a third of", "almost half of which",
"one in five adults", "1/16 of a pint", "one of the best speakers".

They are quantities (NewsQuant counts them) but not figures outlets compare as counts, so
the quantities component gives them kind ``fraction`` or ``one_of``. A proportion's value
is the decimal of the fraction, to 28 significant digits where it does not terminate
(1/3 -> 0.3333...): the exact fraction is numerator / denominator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from claimgraph.analyse.quantities.number_words import read_number

DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
_SLASH = re.compile(r"[/⁄]")
SLASHED = re.compile(r"^(\d{1,3})[/⁄](\d{1,4})$")
_NOT_BEFORE_HALF = frozenset({"the", "first", "second", "this", "that", "each", "other"})
OWNERS = frozenset({"the", "his", "her", "its", "their", "our", "my", "your", "those", "these"})


def read_fraction(words: Sequence[str], j: int) -> tuple[Decimal, int] | None:
    """A proportion starting at ``words[j]`` -> (value, tokens consumed)."""
    if not any(w in DENOMINATORS for w in words[j : j + 4]) and not _SLASH.search(words[j]):
        return None  # the common case, kept cheap
    slashed = SLASHED.match(words[j])
    if slashed and int(slashed[1]) < int(slashed[2]):
        return Decimal(int(slashed[1])) / Decimal(int(slashed[2])), 1
    if words[j] == "half":
        before = words[j - 1] if j > 0 else ""
        if before in _NOT_BEFORE_HALF or words[j + 1 : j + 2] != ["of"]:
            return None
        return Decimal("0.5"), 1
    numerator = _numerator(words, j)
    if numerator is None:
        return None
    value, used = numerator
    k = j + used
    k += k < len(words) and words[k] == "-"
    if k >= len(words) or words[k] not in DENOMINATORS:
        return None
    if words[k] in ("half", "halves") and value != 1:
        return None  # "two halves": not a proportion
    hyphenated = words[k - 1] == "-"
    if not hyphenated and words[k + 1 : k + 2] != ["of"]:
        return None  # "the third time", "a fifth term"
    return value / DENOMINATORS[words[k]], k + 1 - j


def _numerator(words: Sequence[str], j: int) -> tuple[Decimal, int] | None:
    if words[j] in ("a", "an"):
        return Decimal(1), 1
    number = read_number(words, j, ambiguous_scales=False)
    if number is None or number[0] >= 10 or number[0] != int(number[0]):
        return None
    return number[0], number[1]


def read_one_of(words: Sequence[str], j: int) -> int | None:
    """ "one of the best ..." -> tokens consumed by "one" (1), else None."""
    if words[j] == "one" and words[j + 1 : j + 2] == ["of"] and j + 2 < len(words):
        return 1 if words[j + 2] in OWNERS else None
    return None
