"""Physical units normalised through pint: a canonical name and a dimension.

pint's registry takes about 0.7 s to build and a parse about 0.3 ms (measured on this
machine), so the registry is built once, on the first figure that has a physical unit,
and every unit name is resolved once (``lru_cache``): a document pays nothing for pint
unless it has measures, and then a dictionary look-up per figure.

pint reads far more symbols than news means ("PS" petasiemens, "G" gauss, "a" year), so
it never decides *whether* a word is a unit: ``units.py`` does, from its own table, and
hands pint only names it already knows are units.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Names pint does not know or reads differently from news usage -> a name it parses.
_PINT_NAMES: dict[str, str] = {
    "metre": "meter", "metres": "meter", "litre": "liter", "litres": "liter",
    "kilometre": "kilometer", "centimetre": "centimeter", "millimetre": "millimeter",
    "micrometre": "micrometer", "nanometre": "nanometer", "millilitre": "milliliter",
    "square metre": "meter ** 2", "square kilometre": "kilometer ** 2",
    "square mile": "mile ** 2", "square foot": "foot ** 2", "cubic metre": "meter ** 3",
    "cubic foot": "foot ** 3", "tonne": "metric_ton", "pound-mass": "pound",
    "celsius": "degree_Celsius", "fahrenheit": "degree_Fahrenheit",
    "brake horsepower": "horsepower", "mile per gallon": "mile / gallon",
    "parts-per-billion": "ppb", "parts per billion": "ppb", "pound-foot": "foot * force_pound",
    "foot pound-force": "foot * force_pound", "newton metre": "newton * meter",
    "revolutions per minute": "revolutions_per_minute", "win above replacement": "",
    "barrel of oil": "barrel", "bit": "bit", "metric ton": "metric_ton", "ton": "ton",
    "milliampere-hour": "milliampere * hour", "milliampere hour": "milliampere * hour",
    "decimeter": "decimeter", "picometer": "picometer", "turn": "turn",
}  # fmt: skip


@lru_cache(maxsize=1)
def registry() -> Any:
    """The pint registry, built on first use (about 0.7 s) and kept for the process."""
    import pint

    units: Any = pint.UnitRegistry()
    units.define("ppb = 1e-9 = parts_per_billion")
    return units


@lru_cache(maxsize=2048)
def resolve(name: str) -> tuple[str, str] | None:
    """A unit name -> (pint's canonical name, dimension), None when pint cannot read it.

    "km/h" -> ("kilometer / hour", "[length] / [time]").
    """
    units = _parse(name)
    if units is None:
        return None
    return str(units), str(units.dimensionality)


@lru_cache(maxsize=2048)
def physical_key(name: str) -> str | None:
    """A key equal for equal units however written ("mph", "mile per hour", "mile/hour")."""
    units = _parse(name)
    if units is None:
        return None
    reg = registry()
    try:
        base = reg.Quantity(1, units).to_base_units()
    except Exception:  # offset units (temperatures) have no multiplicative base form
        return str(units)
    return f"{base.magnitude:.6g} {base.units}"


def _parse(name: str) -> Any:
    lowered = name.strip().lower()
    text = _PINT_NAMES.get(lowered, _PINT_NAMES.get(_singular(lowered), name.strip()))
    if not text:
        return None
    text = text.replace(" per ", " / ")
    reg = registry()
    try:
        return reg.parse_units(text)
    except Exception:  # pint raises several unrelated error types for unknown names
        try:
            return reg.parse_units(text.replace(" ", "_"))
        except Exception:
            return None


def _singular(name: str) -> str:
    if name.endswith("s") and not name.endswith("ss") and len(name) > 3:
        return name[:-1]
    return name
