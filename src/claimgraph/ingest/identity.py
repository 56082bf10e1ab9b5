"""Content identity: the same text from two outlets gets the same article id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

ID_HEX_CHARS = 16
"""The id is the first 16 hex characters (64 bits) of the SHA-256 digest.

64 bits keep ids short in reports and URLs; a collision between two different texts
is vanishingly unlikely at the scale of one user's coverage collections.
"""

_QUOTE_FOLDS = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9
        "\u201b": "'",  # single high-reversed-9
        "\u2032": "'",  # prime
        "\u00b4": "'",  # acute accent used as an apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        # invisible characters that differ between copies of the same text
        "\ufeff": None,
        "\u200b": None,
        "\u2060": None,
        "\u00ad": None,  # soft hyphen
    }
)
_WHITESPACE_RUN = re.compile(r"\s+")


def normalise_for_identity(text: str) -> str:
    """The form of ``text`` that is hashed: NFC, quotes folded, whitespace collapsed."""
    folded = unicodedata.normalize("NFC", text).translate(_QUOTE_FOLDS)
    return _WHITESPACE_RUN.sub(" ", folded).strip()


def article_id(text: str) -> str:
    """The article id of ``text``: SHA-256 of its normalised form, first 16 hex chars."""
    digest = hashlib.sha256(normalise_for_identity(text).encode("utf-8")).hexdigest()
    return digest[:ID_HEX_CHARS]
