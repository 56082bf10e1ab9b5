"""Numbers as news writes them: numerals, spelled-out numbers, multipliers, vague amounts.

Everything works on lower-cased token texts so the same code serves spaCy tokens and
plain strings (the Recognizers-Text agreement check). Values are ``Decimal`` throughout:
"$64.1 billion" must come out as exactly 64100000000, which a float cannot promise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation, localcontext

SMALL: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
# Multipliers that close a group ("three hundred thousand"): full words and the
# abbreviations newsrooms attach to figures ("$25m", "€3bn", "10k", "2 mln").
SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6,
    "mil": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12, "tln": 10**12,
}  # fmt: skip
# Abbreviations that are also ordinary words or units: accepted as multipliers only when
# glued to a numeral ("25m") or after a currency (the caller decides), never as words.
AMBIGUOUS_SCALES = frozenset({"m", "b", "k", "mil"})

NUMERAL = re.compile(
    r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+)?(?P<frac>\.\d+)?"
    r"(?P<suffix>k|m|mn|mln|bn|bln|b|tn|trn|tln)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Vague:
    """A vague amount as an interval; ``why`` says why these bounds."""

    low: int
    high: int
    why: str


# Longest phrases first is not needed: ``match_vague`` tries every length and keeps the
# longest. A plural ("hundreds") means at least two of the unit, and a writer who meant
# ten or more of them would move to the next word up, hence [2u, 10u - 1].
VAGUE: dict[tuple[str, ...], Vague] = {
    ("a", "handful"): Vague(2, 5, "as many as the fingers of one hand"),
    ("handful",): Vague(2, 5, "as many as the fingers of one hand"),
    ("a", "few"): Vague(2, 5, "more than a couple, fewer than several"),
    ("several",): Vague(3, 9, "more than a couple, below a dozen"),
    ("dozens",): Vague(24, 99, "at least two dozen; 100+ would be 'hundreds'"),
    ("scores",): Vague(40, 99, "at least two score; 100+ would be 'hundreds'"),
    ("hundreds",): Vague(200, 999, "at least two hundred, below a thousand"),
    ("several", "hundred"): Vague(300, 900, "'several' (3-9) hundreds"),
    ("a", "few", "hundred"): Vague(200, 500, "'a few' (2-5) hundreds"),
    ("thousands",): Vague(2000, 9999, "at least two thousand, below ten thousand"),
    ("several", "thousand"): Vague(3000, 9000, "'several' (3-9) thousands"),
    ("a", "few", "thousand"): Vague(2000, 5000, "'a few' (2-5) thousands"),
    ("tens", "of", "thousands"): Vague(20000, 99999, "two or more tens of thousands"),
    ("hundreds", "of", "thousands"): Vague(200000, 999999, "below a million"),
    ("millions",): Vague(2 * 10**6, 10**7 - 1, "at least two million; 10m+ is 'tens of'"),
    ("tens", "of", "millions"): Vague(2 * 10**7, 10**8 - 1, "two or more tens of millions"),
    ("hundreds", "of", "millions"): Vague(2 * 10**8, 10**9 - 1, "below a billion"),
    ("billions",): Vague(2 * 10**9, 10**10 - 1, "at least two billion; 10bn+ is 'tens of'"),
    ("tens", "of", "billions"): Vague(2 * 10**10, 10**11 - 1, "two or more tens of billions"),
    ("hundreds", "of", "billions"): Vague(2 * 10**11, 10**12 - 1, "below a trillion"),
}
VAGUE_MAX_LEN = max(len(key) for key in VAGUE)


# Digits kept exactly while a number is read and written out. Python's default context
# rounds sums and ``normalize`` to 28 digits, so a 5,000-digit numeral was stored
# rounded; an article holds at most 100,000 characters, so no numeral in it is longer.
EXACT = Context(prec=200_000)


def decimal_text(value: Decimal) -> str:
    """Plain decimal notation without exponent or trailing zeros ("64100000000", "0.5")."""
    with localcontext(EXACT):
        return format(value.normalize(), "f")


def parse_numeral(text: str) -> tuple[Decimal, bool] | None:
    """A digit numeral ("12,000", "64.1", "25m", ".08") -> (value, had a suffix)."""
    match = NUMERAL.match(text)
    if match is None or (match["int"] is None and match["frac"] is None):
        return None
    digits = (match["int"] or "0").replace(",", "") + (match["frac"] or "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    suffix = match["suffix"]
    if suffix:
        value *= SCALES[suffix.lower()]
    return value, bool(suffix)


def match_vague(words: Sequence[str], start: int) -> tuple[Vague, int] | None:
    """The longest vague phrase at ``start`` -> (interval, tokens consumed)."""
    best: tuple[Vague, int] | None = None
    for length in range(1, VAGUE_MAX_LEN + 1):
        key = tuple(words[start : start + length])
        if len(key) < length:
            break
        vague = VAGUE.get(key)
        if vague is not None:
            best = (vague, length)
    return best


@dataclass
class _Reader:
    """State of one left-to-right read of a number ("three hundred and two thousand")."""

    total: Decimal = Decimal(0)
    current: Decimal | None = None
    last: str = ""  # last token read: numeral small tens hundred scale and article
    used: int = 0  # tokens consumed so far that belong to the number

    def value(self) -> Decimal:
        return self.total + (self.current or 0)


def _step(reader: _Reader, words: Sequence[str], i: int, ambiguous_scales: bool) -> bool:
    """Read ``words[i]`` into ``reader``; False when it does not continue the number.

    Connectives ("and", "-", the "a" of "a dozen") are accepted without advancing
    ``reader.used``, so a number never ends on one.
    """
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word in SMALL or word in TENS:
        if not _read_word(reader, word):
            return False
    elif word in ("hundred", "dozen") and reader.last not in ("", "hundred"):
        factor = 100 if word == "hundred" else 12
        reader.current = (reader.current if reader.current is not None else Decimal(1)) * factor
        reader.last = "hundred"
    elif word in SCALES and _scale_allowed(reader, word, ambiguous_scales):
        multiplier = reader.current if reader.current is not None else Decimal(1)
        reader.total += multiplier * SCALES[word]
        reader.current = None
        reader.last = "scale"
    elif word in ("a", "an") and reader.last == "" and nxt in _ARTICLE_SCALES:
        reader.current = Decimal(1)
        reader.last = "article"
        return True
    elif word == "and" and reader.last in ("hundred", "scale") and _starts_group(nxt):
        reader.last = "and"
        return True
    elif word == "-" and reader.last == "tens" and nxt in SMALL:
        return True  # "twenty-one" split by the tokenizer
    elif word == "-" and reader.last in ("small", "tens", "numeral") and nxt in _HYPHEN_SCALES:
        return True  # "two-dozen", "10-million"
    elif not _read_numeral(reader, word):
        return False
    reader.used = i + 1
    return True


_ARTICLE_SCALES = frozenset({"hundred", "dozen", "thousand", "million", "billion", "trillion"})
_HYPHEN_SCALES = _ARTICLE_SCALES
# Fraction words: "two-thirds", "a quarter". Not read as numbers (their values are not
# exact decimals, and "two" alone would be a false figure).
FRACTIONS = frozenset(
    {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth",
     "sixths", "eighth", "eighths", "tenth", "tenths"}
)  # fmt: skip


def _scale_allowed(reader: _Reader, word: str, ambiguous_scales: bool) -> bool:
    if reader.last in ("", "scale", "and"):
        return False
    if word in AMBIGUOUS_SCALES:
        return ambiguous_scales and reader.last == "numeral"
    return True


def _read_word(reader: _Reader, word: str) -> bool:
    value = SMALL.get(word, TENS.get(word, 0))
    combines = reader.last == "tens" and word in SMALL and 0 < value < 10
    if not combines and reader.last not in ("", "hundred", "scale", "and"):
        return False
    reader.current = (reader.current or Decimal(0)) + value
    reader.last = "tens" if word in TENS else "small"
    return True


def _starts_group(word: str) -> bool:
    return word in SMALL or word in TENS or parse_numeral(word) is not None


def _read_numeral(reader: _Reader, word: str) -> bool:
    if reader.last not in ("", "scale", "and"):
        return False
    parsed = parse_numeral(word)
    if parsed is None:
        return False
    value, had_suffix = parsed
    if had_suffix:
        reader.total += value
        reader.current = None
        reader.last = "scale"
    else:
        reader.current = (reader.current or Decimal(0)) + value
        reader.last = "numeral"
    return True


def _and_a_half(reader: _Reader, words: Sequence[str], i: int) -> bool:
    if reader.current is None or reader.last not in ("small", "tens", "numeral"):
        return False
    if tuple(words[i : i + 3]) not in (("and", "a", "half"), ("and", "one", "half")):
        return False
    reader.current += Decimal("0.5")
    reader.last = "numeral"
    return True


_FRACTION_DIGITS = Context(prec=28)
_SLASHED = re.compile(r"^(\d{1,2})[/⁄](\d{1,2})$")


def _mixed_fraction(reader: _Reader, word: str) -> bool:
    """A whole number and a proper fraction after it: "10 1/2" is 10.5."""
    current = reader.current
    if current is None or reader.last != "numeral" or current != int(current):
        return False
    slashed = _SLASHED.match(word)
    if slashed is None or not 0 < int(slashed[1]) < int(slashed[2]):
        return False
    # 28 digits, as proportions.py gives 1/3: the reader's exact context would expand it
    part = _FRACTION_DIGITS.divide(Decimal(int(slashed[1])), Decimal(int(slashed[2])))
    reader.current = current + part
    return True


def read_number(
    words: Sequence[str], start: int, *, ambiguous_scales: bool = True
) -> tuple[Decimal, int] | None:
    """Read a number beginning at ``words[start]`` -> (value, tokens consumed).

    Handles numerals ("12,000", "64.1"), numerals with multipliers ("1.5 million",
    "25m", "3 bn"), spelled-out numbers ("three hundred and two", "twenty - one",
    "a dozen", "two million") and mixtures ("4 thousand 3 hundred"). With
    ``ambiguous_scales`` False, "m", "b", "k" after a numeral are not multipliers
    (the caller knows whether "120 m" is money or metres).
    """
    if start + 2 < len(words) and words[start] == "half" and words[start + 1] in ("a", "an"):
        word = words[start + 2]
        if word in SCALES and word not in AMBIGUOUS_SCALES:
            return Decimal(SCALES[word]) / 2, 3
    with localcontext(EXACT):
        reader = _Reader(used=start)
        i = start
        while i < len(words):
            if _and_a_half(reader, words, i):  # "two and a half million"
                i += 3
                reader.used = i
                continue
            if _mixed_fraction(reader, words[i]):  # "10 1/2 miles", "7 3/4%"
                i += 1
                reader.used = i
                break

            if not _step(reader, words, i, ambiguous_scales):
                break
            i += 1
        if reader.used <= start:
            return None
        return reader.value(), reader.used - start


def parse_number_text(text: str) -> Decimal | None:
    """A whole phrase as one number ("one hundred and sixty-one" -> 161), else None."""
    words = [w for w in re.split(r"\s+|(?<=[a-z])(?=-)|(?<=-)(?=[a-z])", text.lower()) if w]
    if not words:
        return None
    parsed = read_number(words, 0)
    if parsed is None or parsed[1] != len(words):
        return None
    return parsed[0]
