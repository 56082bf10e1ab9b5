"""Extra checks on the Recognizers-Text English NumberWithUnit specs (MIT licence).

Each spec is a short input and the figures Recognizers-Text finds in it, with a value and
a unit name ("Dollar", "Kilometer per hour", "C"). We run the whole pipeline on the input
and score value and value+unit one-to-one, per spec file (currency, dimension, age,
temperature), with ``unit_names.unit_key`` for the names. These are checks, not targets:
their conventions differ from ours in places (a bare "dollar" in their currency specs is
"Dollar" with no country, which we read as US dollars; "a few hundred dollars" has no
value there; ages give "Year" where we say "year of age"), so nothing is tuned to them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.eval.metrics import PRF, one_to_one
from claimgraph.eval.newsquant import prediction_unit_key
from claimgraph.eval.unit_names import unit_key
from claimgraph.model import Quantity

if TYPE_CHECKING:
    from spacy.language import Language

SPEC_FILES = {
    "currency": "CurrencyModel.json",
    "dimension": "DimensionModel.json",
    "age": "AgeModel.json",
    "temperature": "TemperatureModel.json",
}
# Their temperature and age unit names -> ours.
_THEIR_UNITS = {"c": "celsius", "f": "fahrenheit", "k": "kelvin", "degree": "degree"}


@dataclass
class UnitSpecScores:
    specs: int
    value: PRF
    value_unit: PRF

    def as_dict(self) -> dict[str, Any]:
        return {
            "specs": self.specs,
            "value": self.value.as_dict(),
            "value_unit": self.value_unit.as_dict(),
        }


def evaluate(nlp: Language, directory: Path) -> dict[str, UnitSpecScores]:
    report: dict[str, UnitSpecScores] = {}
    for kind, name in SPEC_FILES.items():
        path = directory / name
        if path.is_file():
            report[kind] = _score_file(nlp, json.loads(path.read_text(encoding="utf-8-sig")), kind)
    return report


def _score_file(nlp: Language, specs: list[dict[str, Any]], kind: str) -> UnitSpecScores:
    value, value_unit = PRF(0, 0, 0), PRF(0, 0, 0)
    inputs = [str(s.get("Input", "")) for s in specs]
    for spec, doc in zip(specs, nlp.pipe(inputs, batch_size=64), strict=True):
        gold = [g for g in (_gold(r, kind) for r in spec.get("Results", [])) if g is not None]
        predicted = list(doc._.cg_quantities)
        value += PRF(_matches(gold, predicted, False), len(predicted), len(gold))
        value_unit += PRF(_matches(gold, predicted, True), len(predicted), len(gold))
    return UnitSpecScores(len(specs), value, value_unit)


def _gold(result: dict[str, Any], kind: str) -> tuple[Decimal, str] | None:
    resolution = result.get("Resolution") or {}
    try:
        value = Decimal(str(resolution.get("value")))
    except InvalidOperation:
        return None  # "a few hundred dollars": no value to compare
    unit = str(resolution.get("unit", "")).lower()
    unit = _THEIR_UNITS.get(unit, unit)
    if kind == "age":
        unit = "age"
    if kind == "dimension" and unit == "pound":
        unit = "pound-mass"  # a weight in their dimension specs, sterling in currency
    return value, unit_key(unit)


def _pred_key(pred: Quantity, kind: str) -> str:
    """Their units have no "per": "$98 a share" is "Dollar", so ours is cut at " per "."""
    if kind == "age":
        return "age" if pred.kind == "age" else unit_key(pred.unit_code or pred.unit)
    code = pred.unit_code or pred.unit
    if code is not None and pred.dimension == "currency":
        return unit_key(code.split(" per ")[0])
    return prediction_unit_key(pred)


def _matches(gold: list[tuple[Decimal, str]], predicted: list[Quantity], with_unit: bool) -> int:
    def fits(g: tuple[Decimal, str], pred: Quantity) -> bool:
        value, unit = g
        if pred.value is None or Decimal(pred.value) != value:
            return False
        return not with_unit or _pred_key(pred, "age" if unit == "age" else "") == unit

    return sum(m is not None for m in one_to_one(gold, predicted, fits))


def format_scores(report: dict[str, UnitSpecScores]) -> str:
    lines = ["recognizers-text NumberWithUnit (value | value+unit F1):"]
    for kind, scores in report.items():
        lines.append(
            f"  {kind:12} specs={scores.specs:4}  value F1={100 * scores.value.f1:5.1f}  "
            f"value+unit F1={100 * scores.value_unit.f1:5.1f}  "
            f"(gold={scores.value.gold} pred={scores.value.predicted})"
        )
    return "\n".join(lines)
