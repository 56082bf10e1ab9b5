"""Unit names from different gold sets and from the quantities component, made comparable.

NewsQuant writes "pound sterling", "japanese yen", "kilometre per hour"; Recognizers-Text
writes "Pound", "Japanese yen", "Kilometer per hour"; the component writes ISO 4217 codes
for money ("GBP", "JPY") and pint's names for physical units. ``unit_key`` maps all of
them to one key: an ISO code for money, "percent", "percentage point", or pint's base-unit
form with the factor for physical units, so "km/h" and "kilometre per hour" agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimgraph.analyse.quantities.unit_canon import physical_key
from claimgraph.plurals import singular_last_word

# Currency names as the gold sets write them -> ISO 4217. A bare "dollar" is the US
# dollar, a bare "pound" (in a currency spec) sterling, "cent"/"pence" the minor unit.
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD", "united states dollar": "USD", "us dollar": "USD", "usd": "USD",
    "australian dollar": "AUD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
    "new zealand dollar": "NZD", "singapore dollar": "SGD", "euro": "EUR",
    "pound sterling": "GBP", "british pound": "GBP", "pound": "GBP", "japanese yen": "JPY",
    "yen": "JPY", "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY", "shekel": "ILS",
    "israeli new shekel": "ILS", "malaysian ringgit": "MYR", "ringgit": "MYR",
    "danish krone": "DKK", "swedish krona": "SEK", "norwegian krone": "NOK",
    "croatian kuna": "HRK", "kuna": "HRK", "rupee": "INR", "indian rupee": "INR",
    "swiss franc": "CHF", "franc": "CHF", "turkish lira": "TRY", "mexican peso": "MXN",
    "russian ruble": "RUB", "rouble": "RUB", "south korean won": "KRW", "bitcoin": "BTC",
    "cent": "cent", "sen": "cent", "penny": "GBX", "pence": "GBX",
}  # fmt: skip
PERCENT_NAMES = frozenset({"percentage", "percent", "per cent", "%", "pc", "pct"})


def unit_key(name: str | None) -> str:
    """A comparable key for a unit name; "" for no unit (a plain count)."""
    if name is None:
        return ""
    if "_" in name or "*" in name or "/" in name:
        exact = physical_key(name.strip())  # pint's own names are case-sensitive
        if exact is not None:
            return exact
    return _key(name.strip().lower())


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    if name in ("", "-", "count", "unit", "times"):
        return ""
    if name in PERCENT_NAMES:
        return "percent"
    if name in ("point", "points", "pts"):
        return "point"  # index and score points; pint would read a typographic length
    if name in ("percentage point", "percentage points"):
        return "percentage point"
    if name in CURRENCY_NAMES:
        return CURRENCY_NAMES[name]
    if re.fullmatch(r"[A-Z]{3}|GBX", name.upper()) and name.upper() in _ISO_CODES:
        return name.upper()
    per = name.split(" per ", 1)
    if len(per) == 2 and (per[0] in CURRENCY_NAMES or per[0].upper() in _ISO_CODES):
        return f"{_key(per[0])} per {_key(per[1]) or per[1]}"
    return physical_key(name) or singular_last_word(name, min_length=4)


_ISO_CODES = frozenset(CURRENCY_NAMES.values())
