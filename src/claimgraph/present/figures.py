"""Shared wording for every report format: a quantity, a factuality, a conduit chain.

Values arrive as exact decimal strings and are formatted with ``Decimal`` only, so
"64100000000" dollars reads "$64.1 billion" with no float rounding on the way.
"""

from __future__ import annotations

from decimal import Decimal

from claimgraph.model import (
    Bound,
    Certainty,
    Factuality,
    FigureMember,
    Metadata,
    Polarity,
    Quantity,
    Stance,
    parse_decimal,
)

# Symbols rather than words keep the figures column narrow in a terminal table.
BOUND_PREFIX: dict[Bound, str] = {
    Bound.EQ: "",
    Bound.APPROX: "~",
    Bound.GT: "> ",
    Bound.GE: "≥ ",
    Bound.LT: "< ",
    Bound.LE: "≤ ",
    Bound.LE_APPROX: "≲ ",
    Bound.GE_APPROX: "≳ ",
}

BOUND_WORDS: dict[Bound, str] = {
    Bound.EQ: "exactly",
    Bound.APPROX: "about",
    Bound.GT: "more than",
    Bound.GE: "at least",
    Bound.LT: "fewer than",
    Bound.LE: "at most",
    Bound.LE_APPROX: "almost",
    Bound.GE_APPROX: "just over",
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "dollar": "$",
    "usd": "$",
    "euro": "€",
    "eur": "€",
    "pound": "£",
    "gbp": "£",
    "yen": "¥",
    "jpy": "¥",
}

UNIT_SUFFIXES: dict[str, str] = {
    "percent": "%",
    "percentage point": " pp",
    "kilometre": " km",
    "kilometer": " km",
    "metre": " m",
    "meter": " m",
    "mile": " mi",
    "kilogram": " kg",
    "tonne": " t",
    "litre": " l",
}

# Only exact multiples are scaled: "1,234,567" stays in digits, "64,100,000,000"
# becomes "64.1 billion". Two decimals is what newsrooms print ("$1.25 billion").
SCALES: tuple[tuple[Decimal, str], ...] = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
MAX_SCALED_DECIMALS = 2

DASH = "–"
UNKNOWN = "—"


# Figures of more digits than this (before or after the point) are shown as
# "7.778e+4999": no report needs them in full, and written out they would fill pages
# (and Python refuses to turn an integer of over 4,300 digits into text).
MAX_WRITTEN_DIGITS = 30


def group_digits(value: Decimal) -> str:
    """``12000`` -> ``12,000``; keeps every given decimal digit, drops trailing zeros."""
    if not -MAX_WRITTEN_DIGITS < value.adjusted() < MAX_WRITTEN_DIGITS:
        return f"{value:.3e}"
    normal = value.normalize() if value == value.to_integral_value() else value
    if normal == normal.to_integral_value():
        return f"{int(normal):,}"
    whole, _, fraction = f"{normal:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}.{fraction.rstrip('0')}"


def scaled(value: Decimal) -> str:
    """A large exact multiple as "64.1 billion", anything else with grouped digits."""
    if value.adjusted() >= MAX_WRITTEN_DIGITS:
        return group_digits(value)
    for factor, word in SCALES:
        if abs(value) < factor:
            continue
        mantissa = value / factor
        exponent = mantissa.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent <= MAX_SCALED_DECIMALS:
            return f"{group_digits(mantissa)} {word}"
        break
    return group_digits(value)


def number(text: str | None, unit: str | None = None) -> str:
    """One decimal string with its unit: "$64.1 billion", "12,000", "3.5%"."""
    value = parse_decimal(text)
    if value is None:
        return text or UNKNOWN
    digits = scaled(value)
    key = (unit or "").strip().lower()
    if key in CURRENCY_SYMBOLS:
        sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
        return f"{sign}{CURRENCY_SYMBOLS[key]}{digits}"
    if key in UNIT_SUFFIXES:
        return f"{digits}{UNIT_SUFFIXES[key]}"
    return f"{digits} {unit}" if unit else digits


def interval(quantity: Quantity) -> str:
    """The range of a quantity with no single value: "1,000–9,999", "≥ 40"."""
    low, high, unit = quantity.low, quantity.high, quantity.unit
    if low is not None and high is not None:
        return f"{number(low, unit)}{DASH}{number(high, unit)}"
    if low is not None:
        return f"≥ {number(low, unit)}"
    if high is not None:
        return f"≤ {number(high, unit)}"
    return UNKNOWN


def quantity_words(quantity: Quantity) -> str:
    """A quantity as a reader would say it: "~12,000", "> 10,000", "thousands (1,000–9,999)"."""
    if quantity.value is not None:
        text = BOUND_PREFIX[quantity.bound] + number(quantity.value, quantity.unit)
    elif quantity.vague:
        text = f"{quantity.span.text.strip()} ({interval(quantity)})"
    else:
        text = BOUND_PREFIX[quantity.bound] + interval(quantity)
    if quantity.direction in ("up", "down"):
        text = f"{quantity.direction} {text}"
    return text


def magnitude(quantity: Quantity) -> Decimal | None:
    """One number to sort a figure by: its value, else its range's low end, else its high."""
    for text in (quantity.value, quantity.low, quantity.high):
        found = parse_decimal(text)
        if found is not None:
            return found
    return None


def counted_words(member: FigureMember, fallback: str = "") -> str:
    """What a figure counts, as the article put it, else the group's label."""
    quantity = member.quantity
    if quantity.counted is not None and quantity.counted.text.strip():
        return quantity.counted.text.strip()
    return quantity.counted_head or fallback


def factuality_words(factuality: Factuality | None) -> str:
    """ "asserts", "expects, possible", "denies, negated": the default parts are left out."""
    if factuality is None:
        return UNKNOWN
    parts = [factuality.stance.value.replace("_", " ")]
    if factuality.certainty is not Certainty.CERTAIN:
        parts.append(factuality.certainty.value)
    if factuality.polarity is Polarity.NEGATED and factuality.stance is not Stance.DENIES:
        parts.append("negated")
    return ", ".join(parts)


def conduit_chain(conduits: tuple[str, ...]) -> str:
    """The outlets or documents a source was reached through, nearest first."""
    return " ← ".join(conduits) if conduits else UNKNOWN


def source_words(member: FigureMember) -> str:
    """Who gave the figure; an unattributed figure is the outlet's own."""
    if member.source:
        return member.source
    return f"{member.outlet} (own)" if member.outlet else "(unattributed)"


def appearance_words(metadata: Metadata) -> str:
    """One publication: "Valley Wire, 2026-03-12T09:30:00+01:00", with guesses marked."""
    outlet = metadata.outlet or "unknown outlet"
    if metadata.outlet_inferred:
        outlet += " (inferred)"
    published = metadata.published or "undated"
    if metadata.published and metadata.published_inferred:
        published += " (inferred)"
    return f"{outlet}, {published}"


def or_dash(text: str | None) -> str:
    return text if text else UNKNOWN
