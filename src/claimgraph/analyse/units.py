"""Units of measure and currencies, normalised to one singular name each.

Figures are compared across outlets, so "$25m", "25 million dollars" and "US$25 million"
must all say ``dollar``; "per cent", "percent" and "%" all say ``percent``.
"""

from __future__ import annotations

from collections.abc import Sequence

# Symbols and ISO codes written before the figure. spaCy splits "$25m" into "$", "25",
# "m" and keeps "US$" whole, so these are matched as whole tokens.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "dollar", "us$": "dollar", "usd": "dollar", "a$": "dollar", "c$": "dollar",
    "nz$": "dollar", "hk$": "dollar", "€": "euro", "eur": "euro", "£": "pound",
    "gbp": "pound", "¥": "yen", "jpy": "yen", "₹": "rupee", "rs": "rupee", "rs.": "rupee",
    "₽": "rouble", "rub": "rouble", "₴": "hryvnia", "uah": "hryvnia", "₩": "won",
    "krw": "won", "sek": "crown", "nok": "crown", "dkk": "crown", "czk": "crown",
    "chf": "franc", "cny": "yuan", "rmb": "yuan",
}  # fmt: skip

# Unit words written after the figure, singular and plural, by normalised name.
_UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "dollar": ("dollar", "dollars"),
    "euro": ("euro", "euros"),
    "pound": ("pound", "pounds", "sterling"),
    "crown": ("crown", "crowns", "kronor", "krona", "kroner", "krone", "koruna"),
    "yen": ("yen",),
    "yuan": ("yuan", "renminbi"),
    "rouble": ("rouble", "roubles", "ruble", "rubles"),
    "rupee": ("rupee", "rupees"),
    "hryvnia": ("hryvnia", "hryvnias", "hryvnias"),
    "won": ("won",),
    "franc": ("franc", "francs"),
    "cent": ("cent", "cents"),
    "percent": ("percent", "%", "pct"),
    "percentage point": ("percentage-point",),
    "basis point": ("bps", "bp"),
    "point": ("point", "points", "pts"),  # margins in polls and indexes: "a 10-point lead"
    "kilometre": ("kilometre", "kilometres", "kilometer", "kilometers", "km", "kms"),
    "metre": ("metre", "metres", "meter", "meters"),
    "centimetre": ("centimetre", "centimetres", "centimeter", "centimeters", "cm"),
    "millimetre": ("millimetre", "millimetres", "millimeter", "millimeters", "mm"),
    "mile": ("mile", "miles"),
    "foot": ("foot", "feet", "ft"),
    "tonne": ("tonne", "tonnes", "ton", "tons", "t"),
    "kilogram": ("kilogram", "kilograms", "kilo", "kilos", "kg", "kgs"),
    "gram": ("gram", "grams", "g"),
    "litre": ("litre", "litres", "liter", "liters"),
    "gallon": ("gallon", "gallons"),
    "barrel": ("barrel", "barrels", "bpd"),
    "hectare": ("hectare", "hectares", "ha"),
    "acre": ("acre", "acres"),
    "square kilometre": ("km2", "sq-km"),
    "megawatt": ("megawatt", "megawatts", "mw"),
    "gigawatt": ("gigawatt", "gigawatts", "gw"),
    "degree": ("degree", "degrees", "°c", "°f", "°"),
}
UNIT_WORDS: dict[str, str] = {form: unit for unit, forms in _UNIT_FORMS.items() for form in forms}

# Multi-token units, longest first so "square kilometres" wins over "kilometres".
UNIT_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("percentage", "points"), "percentage point"),
    (("percentage", "point"), "percentage point"),
    (("basis", "points"), "basis point"),
    (("square", "kilometres"), "square kilometre"),
    (("square", "kilometers"), "square kilometre"),
    (("square", "miles"), "square mile"),
    (("sq", "km"), "square kilometre"),
    (("per", "cent"), "percent"),
    (("cubic", "metres"), "cubic metre"),
)

# Units that are too ambiguous as plain words to trust without a figure right before
# them and a lower-case form: "t", "g", "ha", "mw" only as abbreviations.
SHORT_FORMS = frozenset({"t", "g", "ha", "bp", "mw", "gw", "cm", "ft", "km", "kg", "kgs"})

CURRENCIES = frozenset(
    {"dollar", "euro", "pound", "crown", "yen", "yuan", "rouble", "rupee", "hryvnia", "won",
     "franc", "cent"}
)  # fmt: skip


def currency_prefix(word: str) -> str | None:
    """The currency of a symbol or code written before a figure ("$", "US$", "EUR")."""
    return CURRENCY_PREFIXES.get(word.lower())


def match_unit(words: Sequence[str], start: int) -> tuple[str, int] | None:
    """A unit beginning at ``words[start]`` -> (normalised name, tokens consumed)."""
    for phrase, unit in UNIT_PHRASES:
        if tuple(words[start : start + len(phrase)]) == phrase:
            return unit, len(phrase)
    word_unit = UNIT_WORDS.get(words[start]) if start < len(words) else None
    return (word_unit, 1) if word_unit is not None else None


def is_currency(unit: str | None) -> bool:
    return unit in CURRENCIES
