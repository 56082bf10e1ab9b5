"""Runs of punctuation shortened before spaCy's tokenizer sees them, offsets kept.

The tokenizer strips affixes one character at a time and searches the rest of the
chunk for a suffix each time, so a run of punctuation costs the square of its length:
measured on the pinned model, 1,000 ``=`` take 0.26 s, 2,000 take 1.1 s, 4,000 take
4.8 s (8,000 took 22 s and 32,000 commas 157 s in the issue that reported it). No
news sentence needs more than a few punctuation marks in a row, so every run longer
than ``MAX_PUNCTUATION_RUN`` keeps its first marks and the rest become spaces: the
analysed text keeps the article's length, so every character offset still points
into the stored article.
"""

from __future__ import annotations

import re

MAX_PUNCTUATION_RUN = 16
"""Marks kept of a run. 1 MB made of 16-mark runs tokenizes in 0.37 s (32-mark runs:
0.28 s; 8-mark: 0.23 s): the cost is now linear. 16 keeps every ellipsis, rule line
and "?!?!" a reporter writes whole."""

# Punctuation and symbols, and the underscore (a word character to ``\w``, but split
# off like punctuation: 16,000 "_?" took 98 s in the fuzz campaign before it counted).
_LONG_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_PUNCTUATION_RUN + 1},}}")


def shorten_punctuation_runs(text: str) -> str:
    """``text`` with each run of over ``MAX_PUNCTUATION_RUN`` punctuation marks (or
    symbols) cut to that many, the rest blanked: same length, same offsets."""
    return _LONG_RUN.sub(_blank_tail, text)


def _blank_tail(match: re.Match[str]) -> str:
    run = match.group()
    return run[:MAX_PUNCTUATION_RUN] + " " * (len(run) - MAX_PUNCTUATION_RUN)
