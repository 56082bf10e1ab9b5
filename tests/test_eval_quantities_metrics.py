"""The quantities evaluation: gold loading, matching per metric, Recognizers-Text check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.eval.quantities import (
    PREDICATES,
    GoldQuantity,
    load_gold,
    match_count,
    recognizers_agreement,
)
from claimgraph.model import Bound, Quantity, Span

RECOGNIZERS = Path(__file__).resolve().parents[2] / "shared/corpora/recognizers-text/Number"
TEXT = "Officials said around 12,000 troops had crossed."


def _gold(**overrides: object) -> GoldQuantity:
    fields: dict[str, object] = {
        "text": "around 12,000", "start": 15, "end": 28, "value": "12000", "low": None,
        "high": None, "bound": "~", "unit": None, "counted": "troops", "counted_head": "troop",
    }  # fmt: skip
    fields.update(overrides)
    return GoldQuantity(**fields)  # type: ignore[arg-type]


def _pred(**overrides: object) -> Quantity:
    fields: dict[str, object] = {
        "id": "q15-28", "span": Span.of(TEXT, 15, 28), "value": "12000.0",
        "bound": Bound.APPROX, "counted": Span.of(TEXT, 29, 35), "counted_head": "troop",
    }  # fmt: skip
    fields.update(overrides)
    return Quantity(**fields)  # type: ignore[arg-type]


def test_eval_quantities_values_compare_as_decimals() -> None:
    assert match_count([_gold()], [_pred()], PREDICATES["value"]) == 1


def test_eval_quantities_each_metric_checks_its_field() -> None:
    gold = [_gold()]
    assert match_count(gold, [_pred(bound=Bound.EQ)], PREDICATES["value_bound"]) == 0
    assert match_count(gold, [_pred(unit="dollar")], PREDICATES["value_unit"]) == 0
    other = _pred(counted=Span.of(TEXT, 0, 9), counted_head="official")
    assert match_count(gold, [other], PREDICATES["value_counted_partial"]) == 0
    assert match_count(gold, [_pred()], PREDICATES["value_counted_complete"]) == 1


def test_eval_quantities_partial_counted_accepts_a_wider_span() -> None:
    text = "They sent artillery troops and engineers numbering 12,000."
    wide = Quantity(
        id="q0", span=Span.of(text, 51, 57), value="12000",
        counted=Span.of(text, 10, 40), counted_head="engineer",
    )  # fmt: skip
    gold = _gold(start=51, end=57, bound="=")
    assert match_count([gold], [wide], PREDICATES["value_counted_partial"]) == 1
    assert match_count([gold], [wide], PREDICATES["value_counted_complete"]) == 0


def test_eval_quantities_intervals_match_on_both_ends() -> None:
    gold = [_gold(value=None, low="2000", high="9999")]
    assert match_count(gold, [_pred(value=None, low="2000", high="9999")], PREDICATES["value"])
    assert not match_count(gold, [_pred(value=None, low="2000", high="9000")], PREDICATES["value"])
    assert not match_count(gold, [_pred()], PREDICATES["value"])


def test_eval_quantities_matches_are_one_to_one() -> None:
    assert match_count([_gold()], [_pred(), _pred()], PREDICATES["value"]) == 1
    assert match_count([_gold(), _gold()], [_pred()], PREDICATES["value"]) == 1


def test_eval_quantities_gold_offsets_are_checked(tmp_path: Path) -> None:
    line = {"id": "x", "split": "dev", "text": TEXT, "quantities": [
        {"text": "around 12,000", "start": 14, "end": 27, "value": "12000"}]}  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="offsets"):
        load_gold(path)


def test_eval_quantities_gold_set_is_well_formed(quantities_gold: Path) -> None:
    sentences = load_gold(quantities_gold)
    assert len(sentences) >= 300
    dev = sum(s.split == "dev" for s in sentences)
    assert 0.4 <= dev / len(sentences) <= 0.6
    assert {s.split for s in sentences} == {"dev", "test"}
    assert sum(not s.quantities for s in sentences) >= 40  # sentences with traps only
    assert len({s.id for s in sentences}) == len(sentences)


def test_eval_quantities_recognizers_agreement() -> None:
    """Number values agree with Recognizers-Text where our conventions are shared.

    Specs outside them (fractions, exponents, negatives, lakh/crore ...; see
    ``claimgraph.eval.quantities``) are skipped, not counted as agreement.
    """
    if not RECOGNIZERS.is_dir():
        pytest.skip(f"Recognizers-Text specs not found at {RECOGNIZERS}")
    report = recognizers_agreement(RECOGNIZERS)
    assert report.checked >= 100
    assert report.agreement >= 0.98, report.disagreements
