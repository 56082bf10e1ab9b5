"""What one article may hold: checks every reader's text and metadata pass before storing.

A reader may hand on anything its source contained: lone surrogates from a JSON
``"\\ud800"`` escape (which no UTF-8 store can write), a text made only of invisible
characters, or far more text than the pipeline parses. These are settled here, once,
for every format, so that a stored article can always be serialised, analysed and shown.
"""

from __future__ import annotations

import re
import unicodedata

MAX_ARTICLE_CHARS = 100_000
"""The longest article text analysed (characters).

Analysis time grows faster than the text: on the pinned model, one text of 50,000
characters took 5 s, 100,000 took 10 s and 400,000 took 86 s (NER and attribution
grow with the square of a long paragraph), and spaCy refuses 1,000,000 (E088). The
longest of PolNeAR's 1,000 political news articles is 34,309 characters, so a text of
over three times that is a dump or several articles run together: refused, with its
size, rather than holding an ingest (or the web server) for minutes.
"""

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def without_surrogates(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD (one code point each, so
    character offsets into it still hold)."""
    return _LONE_SURROGATE.sub(REPLACEMENT, value)


def optional_without_surrogates(value: str | None) -> str | None:
    return without_surrogates(value) if value is not None else None


def has_visible_text(text: str) -> bool:
    """Whether ``text`` holds anything but whitespace and invisible format characters
    (zero-width spaces, soft hyphens, bidirectional marks, byte-order marks)."""
    return any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text)


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be an article, or ``None`` when it can."""
    if len(text) > MAX_ARTICLE_CHARS:
        return (
            f"text is {len(text):,} characters, over the {MAX_ARTICLE_CHARS:,} limit "
            "for one article; split it into one file per article"
        )
    if not has_visible_text(text):
        return "text is empty once invisible characters are removed"
    return None
