"""Figures the tokenizer leaves in one token: "PS2.7m", "$","US55,931,000", "640bhp",
"-50.8bn", "minus-5", "118.5p", "5.5kWh".

``reading_words`` gives the quantities component one lower-cased word per token, with a
glued currency prefix, sign or unit taken off the number and kept beside it, so the
number readers see "2.7m" and the figure still knows it is in pounds. Token indexes are
unchanged: a figure still covers whole tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from claimgraph.analyse.quantities.units import (
    CASE_SENSITIVE,
    GLUED_PREFIXES,
    NOT_GLUED_UNITS,
    TIME_UNIT_NAMES,
    UNIT_WORDS,
)

# prefix? sign? number (with a scale suffix) unit?
_GLUED = re.compile(
    r"^(?P<prefix>Y=|[A-Za-z]{1,3}\$?|\$[A-Za-z]{0,2}|[€£¥₹₪])?"
    r"(?P<sign>[-+−~]|minus-)?"
    r"(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<rest>[^\d,]*?\d?)$"
)
_HAS_DIGIT = re.compile(r"\d")
# A unit, then a bracket or hyphen and a word of size the tokenizer kept in the token.
_UNIT_THEN_WORD = re.compile(r"^([^\W\d_]+)\)?-(?:long|tall|high|wide|deep|thick)$")
# Letters glued before digits that are a currency only right after a "$" token
# ("$US55,931,000", "$A82,615,680"): alone, "A4" and "C3" are names.
_AFTER_DOLLAR = frozenset({"us", "a", "au", "c", "ca", "nz", "hk", "s"})


@dataclass
class ReadingWords:
    words: list[str]
    currency: dict[int, str] = field(default_factory=dict)  # token -> ISO code
    unit: dict[int, str] = field(default_factory=dict)  # token -> unit name
    negative: set[int] = field(default_factory=set)
    plus: set[int] = field(default_factory=set)
    approx: set[int] = field(default_factory=set)  # "~25"
    below: set[int] = field(default_factory=set)  # "sub-7": under 7


def reading_words(doc: Doc) -> ReadingWords:
    """One word per token, glued prefixes, signs and units moved beside the number."""
    texts = [token.text for token in doc]  # one pass: making spaCy tokens is the cost
    read = ReadingWords([text.lower() for text in texts])
    for i, text in enumerate(texts):
        if text == "m." and i > 0 and (read.words[i - 1][:1].isdigit() or texts[i - 1] == "sq"):
            read.words[i] = "m"  # "$5.4m." and "$80 per sq m." at the end of a sentence
        elif not text.isdigit() and _HAS_DIGIT.search(text):
            _split(read, doc, i, text)
    return read


def _split(read: ReadingWords, doc: Doc, i: int, text: str) -> None:
    match = _GLUED.match(text)
    if match is None:
        return
    prefix, sign, number, rest = match["prefix"], match["sign"], match["number"], match["rest"]
    if prefix is not None and prefix.lower() in _WORD_PREFIXES and sign == "-":
        if prefix.lower() == "sub":
            read.below.add(i)  # "sub-7 nanometer chips"
        prefix, sign = None, None  # "her now-18 month-old daughter"
    if prefix is not None and not _prefix_ok(read, doc, i, prefix):
        return
    scale = ""
    unit = None
    if len(rest) > 1 and rest.endswith("."):
        rest = rest[:-1]  # "rated at 30W." at the end of a sentence
    if rest:
        scale_match = re.match(r"^(k|mn|mln|bn|bln|tn|trn|m|b)(?![a-z])", rest, re.IGNORECASE)
        if scale_match and (prefix or rest == scale_match[1]):
            scale, rest = scale_match[1].lower(), rest[len(scale_match[1]) :]
        if rest:
            unit = _glued_unit(rest)
            dimension_word = _UNIT_THEN_WORD.match(rest)
            if unit is None and dimension_word is not None:
                unit = _glued_unit(dimension_word[1])  # "121ft)-long", "5km-long"
            if unit is None:
                return  # "1st", "5G", "4K", "COVID19": not a figure we can read
    if sign in ("-", "−", "minus-") and not _sign_ok(doc, i):
        return
    read.words[i] = number.lstrip("+") + scale
    if prefix is not None:
        code = GLUED_PREFIXES.get(prefix.lower().rstrip("$").lstrip("$") or "$")
        if prefix.lower() == "$":
            code = "USD"
        if code is not None:
            read.currency[i] = code
    if unit is not None:
        read.unit[i] = unit
    if sign in ("-", "−", "minus-"):
        read.negative.add(i)
    elif sign == "+":
        read.plus.add(i)
    elif sign == "~":
        read.approx.add(i)


# Words hyphenated onto a number: "sub-7 nm" (below 7), "now-18 month-old" (18).
_WORD_PREFIXES = frozenset({"sub", "now"})


def _prefix_ok(read: ReadingWords, doc: Doc, i: int, prefix: str) -> bool:
    lowered = prefix.lower()
    if lowered in _AFTER_DOLLAR:
        return i > 0 and doc[i - 1].text == "$"
    if lowered.startswith("$") and lowered.lstrip("$") in _AFTER_DOLLAR | {""}:
        return True
    return lowered in GLUED_PREFIXES or lowered.rstrip("$") in GLUED_PREFIXES


def _sign_ok(doc: Doc, i: int) -> bool:
    """A sign is a sign after a space or a currency, not in "COVID-19" or "Su-34"."""
    if i == 0:
        return True
    before = doc[i - 1]
    if before.text in ("$", "€", "£", "(", "at", "to", "of", "was", "is"):
        return True
    return bool(before.whitespace_) and not (before.is_alpha and before.text[:1].isupper())


def _glued_unit(rest: str) -> str | None:
    if rest in NOT_GLUED_UNITS:
        return None
    if rest in CASE_SENSITIVE:
        return CASE_SENSITIVE[rest]
    return UNIT_WORDS.get(rest.lower()) or TIME_UNIT_NAMES.get(rest.lower())
