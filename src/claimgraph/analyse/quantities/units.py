"""Units of measure and currencies, normalised to one singular name each.

Figures are compared across outlets, so "$25m", "25 million dollars" and "US$25 million"
must all say ``dollar``; "per cent", "percent" and "%" all say ``percent``.
"""

from __future__ import annotations

from collections.abc import Sequence

# Symbols and ISO codes written before the figure. spaCy splits "$25m" into "$", "25",
# "m" and keeps "US$" whole, so these are matched as whole tokens. Each gives the unit's
# name (compared across outlets) and its ISO 4217 code (which dollar, which pound).
_PREFIX_CODES: dict[str, tuple[str, str]] = {
    "$": ("dollar", "USD"), "us$": ("dollar", "USD"), "usd": ("dollar", "USD"),
    "a$": ("dollar", "AUD"), "au$": ("dollar", "AUD"), "aud": ("dollar", "AUD"),
    "c$": ("dollar", "CAD"), "ca$": ("dollar", "CAD"), "cad": ("dollar", "CAD"),
    "nz$": ("dollar", "NZD"), "nzd": ("dollar", "NZD"), "hk$": ("dollar", "HKD"),
    "hkd": ("dollar", "HKD"), "s$": ("dollar", "SGD"), "sgd": ("dollar", "SGD"),
    "€": ("euro", "EUR"), "eur": ("euro", "EUR"), "£": ("pound", "GBP"),
    "gbp": ("pound", "GBP"), "¥": ("yen", "JPY"), "jpy": ("yen", "JPY"),
    "y=": ("yen", "JPY"), "₹": ("rupee", "INR"), "rs": ("rupee", "INR"),
    "rs.": ("rupee", "INR"), "inr": ("rupee", "INR"), "₽": ("rouble", "RUB"),
    "rub": ("rouble", "RUB"), "₴": ("hryvnia", "UAH"), "uah": ("hryvnia", "UAH"),
    "₩": ("won", "KRW"), "krw": ("won", "KRW"), "sek": ("crown", "SEK"),
    "nok": ("crown", "NOK"), "dkk": ("crown", "DKK"), "czk": ("crown", "CZK"),
    "chf": ("franc", "CHF"), "cny": ("yuan", "CNY"), "rmb": ("yuan", "CNY"),
    "rm": ("ringgit", "MYR"), "myr": ("ringgit", "MYR"), "₪": ("shekel", "ILS"),
    "nis": ("shekel", "ILS"), "ils": ("shekel", "ILS"),
}  # fmt: skip
CURRENCY_PREFIXES: dict[str, str] = {form: name for form, (name, _) in _PREFIX_CODES.items()}
# Prefixes glued to the digits ("US$5", "PS2.7m", "RM23.50", "INR1", "Y=28,030", "$US55"
# after a "$" token). "PS" and "Y=" are how "£" and "¥" come out of some ASCII news feeds;
# accepted only glued to digits, never as words.
GLUED_PREFIXES: dict[str, str] = {
    **{form: code for form, (_, code) in _PREFIX_CODES.items() if form not in ("rs", "rm")},
    "ps": "GBP", "rm": "MYR", "us": "USD", "a": "AUD", "c": "CAD", "nz": "NZD", "hk": "HKD",
}  # fmt: skip
# The unit name of each ISO code a prefix gives ("AUD" -> "dollar"), from the same table.
GLUED_PREFIX_NAMES: dict[str, str] = {code: name for name, code in _PREFIX_CODES.values()}
# The country word before a "$" token ("HK $5.4m", "US $58.24").
DOLLAR_COUNTRIES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD",
    "nz": "NZD", "hk": "HKD", "s": "SGD",
}  # fmt: skip
# The ISO code of a currency named in words, when nothing says which country's.
DEFAULT_CODES: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
    "rouble": "RUB", "rupee": "INR", "hryvnia": "UAH", "won": "KRW", "franc": "CHF",
    "shekel": "ILS", "ringgit": "MYR", "kuna": "HRK", "cent": "cent", "penny": "GBX",
    "crown": "DKK",
}  # fmt: skip
# Country adjectives before a currency word ("Australian dollars", "Danish crowns").
COUNTRY_CODES: dict[tuple[str, str], str] = {
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD",
    ("hong", "dollar"): "HKD", ("zealand", "dollar"): "NZD", ("singapore", "dollar"): "SGD",
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("danish", "crown"): "DKK", ("swedish", "crown"): "SEK", ("norwegian", "crown"): "NOK",
    ("czech", "crown"): "CZK", ("swiss", "franc"): "CHF", ("indian", "rupee"): "INR",
    ("pakistani", "rupee"): "PKR", ("japanese", "yen"): "JPY", ("chinese", "yuan"): "CNY",
    ("malaysian", "ringgit"): "MYR", ("israeli", "shekel"): "ILS",
}  # fmt: skip

# Unit words written after the figure, singular and plural, by normalised name.
_UNIT_FORMS: dict[str, tuple[str, ...]] = {
    "dollar": ("dollar", "dollars"),
    "euro": ("euro", "euros", "€"),
    "pound": ("pound", "pounds", "sterling"),
    "crown": ("crown", "crowns", "kronor", "krona", "kroner", "krone", "koruna"),
    "yen": ("yen",),
    "yuan": ("yuan", "renminbi"),
    "rouble": ("rouble", "roubles", "ruble", "rubles"),
    "rupee": ("rupee", "rupees"),
    "hryvnia": ("hryvnia", "hryvnias", "hryvnias"),
    "shekel": ("shekel", "shekels"),
    "ringgit": ("ringgit", "ringgits"),
    "kuna": ("kuna", "kunas"),
    "penny": ("pence", "penny", "pennies"),
    "won": ("won",),
    "franc": ("franc", "francs"),
    "cent": ("cent", "cents", "sen"),
    "percent": ("percent", "%", "pct", "pc", "percent-owned"),
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
    "barrel": ("barrel", "barrels"),
    "barrel per day": ("bpd",),
    "hectare": ("hectare", "hectares", "ha"),
    "acre": ("acre", "acres"),
    "square kilometre": ("km2", "sq-km"),
    "megawatt": ("megawatt", "megawatts", "mw"),
    "gigawatt": ("gigawatt", "gigawatts", "gw"),
    "degree": ("degree", "degrees", "°", "deg"),
    "celsius": ("celsius", "°c", "centigrade", "celcius"),
    "fahrenheit": ("fahrenheit", "°f", "farenheit"),
    "yard": ("yard", "yards", "yd", "yds"),
    "inch": ("inch", "inches", "″"),
    "mile per hour": ("mph",),
    "kilometre per hour": ("km/h", "kmh", "kph", "km/hr"),
    "mile per gallon": ("mpg",),
    "horsepower": ("horsepower", "hp", "bhp"),
    "watt": ("watt", "watts"),
    "kilowatt": ("kilowatt", "kilowatts", "kw"),
    "kilowatt hour": ("kwh", "kilowatt-hour", "kilowatt-hours"),
    "megawatt hour": ("mwh", "megawatt-hour", "megawatt-hours"),
    "gigawatt hour": ("gwh", "gigawatt-hour", "gigawatt-hours"),
    "volt": ("volt", "volts"),
    "hertz": ("hz", "hertz", "khz", "mhz", "ghz"),
    "gigabyte": ("gb", "gigabyte", "gigabytes"),
    "terabyte": ("tb", "terabyte", "terabytes"),
    "megabyte": ("mb", "megabyte", "megabytes"),
    "milliampere hour": ("mah",),
    "millilitre": ("ml", "millilitre", "millilitres", "milliliter", "milliliters"),
    "milligram": ("mg", "milligram", "milligrams"),
    "micrometre": (
        "μm",
        "micrometre",
        "micrometres",
        "micrometer",
        "micrometers",
        "micron",
        "microns",
    ),
    "nanometre": ("nm", "nanometre", "nanometres", "nanometer", "nanometers"),
    "ounce": ("ounce", "ounces", "oz"),
    "pound-mass": ("lb", "lbs"),
    "decibel": ("decibel", "decibels", "db"),
    "gigapascal": ("gpa", "gigapascal", "gigapascals"),
    "parts per billion": ("ppb",),
    "parts per million": ("ppm",),
    "pint": ("pint", "pints"),
    "quart": ("quart", "quarts"),
    "square metre": ("m2", "sqm", "m²"),
    "revolutions per minute": ("rpm",),
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
    (("cubic", "feet"), "cubic foot"),
    (("square", "metres"), "square metre"),
    (("square", "meters"), "square metre"),
    (("square", "feet"), "square foot"),
    # singular after "per" ("$21.25 per square foot", "$80 per square metre")
    (("square", "foot"), "square foot"),
    (("square", "metre"), "square metre"),
    (("square", "meter"), "square metre"),
    (("square", "mile"), "square mile"),
    (("square", "kilometre"), "square kilometre"),
    (("square", "kilometer"), "square kilometre"),
    (("cubic", "metre"), "cubic metre"),
    (("cubic", "foot"), "cubic foot"),
    (("sq", "m"), "square metre"),
    (("sq", "ft"), "square foot"),
    (("degrees", "celsius"), "celsius"),
    (("degrees", "fahrenheit"), "fahrenheit"),
    (("degrees", "c"), "celsius"),
    (("degrees", "f"), "fahrenheit"),
    (("degree", "celsius"), "celsius"),
    (("degree", "fahrenheit"), "fahrenheit"),
    (("deg", "c"), "celsius"),
    (("deg", "f"), "fahrenheit"),
    (("deg", "celsius"), "celsius"),
    (("deg", "fahrenheit"), "fahrenheit"),
    (("degrees", "farenheit"), "fahrenheit"),
    (("degrees", "celcius"), "celsius"),
    (("metric", "tons"), "tonne"),
    (("metric", "tonnes"), "tonne"),
    (("lb", "-", "ft"), "pound-foot"),
    (("pound", "-", "feet"), "pound-foot"),
    (("a", "/", "cm2"), "ampere per square centimetre"),
    (("km", "/", "h"), "kilometre per hour"),
    (("km", "/", "hr"), "kilometre per hour"),
)
# The phrases by their first word, in table order: match_unit runs several times per
# figure and tries only the phrases that can begin at the word, not all of them.
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _unit in UNIT_PHRASES:
    _PHRASES_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _unit))


# Units that are too ambiguous as plain words to trust without a figure right before
# them and a lower-case form: "t", "g", "ha", "mw" only as abbreviations.
SHORT_FORMS = frozenset(
    {"t", "g", "ha", "bp", "mw", "gw", "cm", "ft", "km", "kg", "kgs", "w", "v", "ps", "hp",
     "gb", "mb", "tb", "nm", "db", "ml", "mg", "oz", "lb", "lbs", "yd", "pc"}
)  # fmt: skip
# Symbols read only glued to digits or right after a number token written in capitals or
# as printed, never as lower-case words: "5G" is a network generation, not 5 grams; "w",
# "v", "ps" as words are letters.
CASE_SENSITIVE: dict[str, str] = {
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "V": "volt",
    "PS": "horsepower", "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte",
    "Nm": "newton metre", "nm": "nanometre", "mL": "millilitre",
    "A": "ampere", "C": "celsius", "F": "fahrenheit", "p": "penny",
}  # fmt: skip
# Glued after digits, these letters are not units: "5G" (a network), "4K", "3D", "24/7".
NOT_GLUED_UNITS = frozenset({"g", "G", "K", "D", "s", "th", "st", "nd", "rd", "x", "X"})

CURRENCIES = frozenset(
    {"dollar", "euro", "pound", "crown", "yen", "yuan", "rouble", "rupee", "hryvnia", "won",
     "franc", "cent", "shekel", "ringgit", "kuna", "penny"}
)  # fmt: skip
TIME_UNIT_NAMES: dict[str, str] = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "min": "minute", "mins": "minute", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "hrs": "hour", "hr": "hour", "day": "day",
    "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "yrs": "year", "decade": "decade",
    "decades": "decade", "century": "century", "centuries": "century",
}  # fmt: skip


def currency_code(name: str | None, prefix: str | None = None) -> str | None:
    """The ISO 4217 code of a currency figure: from its prefix ("A$"), else the default."""
    if prefix is not None and prefix in _PREFIX_CODES:
        return _PREFIX_CODES[prefix][1]
    return DEFAULT_CODES.get(name or "")


def currency_prefix(word: str) -> str | None:
    """The currency of a symbol or code written before a figure ("$", "US$", "EUR")."""
    return CURRENCY_PREFIXES.get(word.lower())


def match_unit(words: Sequence[str], start: int) -> tuple[str, int] | None:
    """A unit beginning at ``words[start]`` -> (normalised name, tokens consumed)."""
    for phrase, unit in _PHRASES_BY_FIRST.get(words[start], ()) if start < len(words) else ():
        if tuple(words[start : start + len(phrase)]) == phrase:
            return unit, len(phrase)
    word_unit = UNIT_WORDS.get(words[start]) if start < len(words) else None
    return (word_unit, 1) if word_unit is not None else None


def is_currency(unit: str | None) -> bool:
    return unit in CURRENCIES
