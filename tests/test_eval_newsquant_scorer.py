"""The NewsQuant scorer's matching rules, on quantities built by hand."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.eval.newsquant import NewsQuantItem, change_of, matches, same_unit, same_value
from claimgraph.eval.unit_names import unit_key
from claimgraph.model import Bound, Quantity, Span


def _gold(value: str, unit: str = "-", change: str = "=", raw_unit: str = "") -> NewsQuantItem:
    low, _, high = value.partition("~")
    return NewsQuantItem(
        Decimal(low), Decimal(high or low), bool(high), change, raw_unit or unit, unit, ("-",)
    )


def _pred(value: str | None = None, low: str | None = None, high: str | None = None,
          **fields: object) -> Quantity:  # fmt: skip
    span = Span(start=10, end=12, text="xx")
    return Quantity(id="q", span=span, value=value, low=low, high=high,
                    **fields)  # type: ignore[arg-type]  # fmt: skip


def test_eval_newsquant_ranges_match_as_pairs() -> None:
    gold = [_gold("5~6", "percentage")]
    assert matches(gold, [_pred("5"), _pred("6")], "value") == [None]
    assert matches(gold, [_pred(low="5", high="6")], "value") == [0]


def test_eval_newsquant_vague_prediction_inside_gold_range() -> None:
    assert same_value(_gold("12~120"), _pred(low="24", high="99", vague=True))
    assert not same_value(_gold("12~120"), _pred(low="200", high="999", vague=True))


def test_eval_newsquant_one_to_one() -> None:
    gold = [_gold("3", "percentage"), _gold("3", "percentage")]
    assert matches(gold, [_pred("3", unit="percent")], "value") == [0, None]


@pytest.mark.parametrize(
    ("theirs", "ours"),
    [
        ("kilometre per hour", "kilometer / hour"),
        ("mile per hour", "mile / hour"),
        ("australian dollar", "AUD"),
        ("pound sterling", "GBP"),
        ("percentage", "percent"),
        ("celsius", "degree_Celsius"),
        ("dollar per share", "USD per share"),
    ],
)
def test_eval_newsquant_loose_unit_names(theirs: str, ours: str) -> None:
    assert unit_key(theirs) == unit_key(ours)


def test_eval_newsquant_count_noun_is_the_counted_thing() -> None:
    pred = _pred("22", counted=Span(start=13, end=18, text="goals"), counted_head="goal")
    assert same_unit(_gold("22", "goal"), pred)
    assert not same_unit(_gold("22", "mile"), pred)


def test_eval_newsquant_change_of_a_level_is_equal() -> None:
    text = "Sales rose to $7.3 billion."
    level = Quantity(id="b", span=Span.of(text, 14, 26), value="7300000000", direction="up")
    assert change_of(level, text) == "="


def test_eval_newsquant_change_of_a_level_after_its_size_keeps_the_change() -> None:
    text = "Sales rose 5% to $7.3 billion."  # NewsQuant: up and up (7 of 10 dev items)
    rise = Quantity(id="a", span=Span.of(text, 11, 13), value="5", direction="up")
    level = Quantity(id="b", span=Span.of(text, 17, 29), value="7300000000", direction="up")
    assert change_of(rise, text) == "up"
    assert change_of(level, text) == "up"
    over = Quantity(id="c", span=Span.of(text, 0, 1), value="1", bound=Bound.GT)
    assert change_of(over, "") == ">"


def test_eval_newsquant_change_of_follows_newsquant_levels() -> None:
    text = "It drops to just 87 mph, from 240 to 273, after a 3 percent drop."
    just = Quantity(id="a", span=Span.of(text, 17, 23), value="87", direction="down")
    pair = Quantity(id="b", span=Span.of(text, 25, 40), low="240", high="273", direction="up")
    drop = Quantity(id="c", span=Span.of(text, 50, 59), value="3", direction="down")
    assert [change_of(q, text) for q in (just, pair, drop)] == ["=", "=", "="]
    alone = "Shares fell 3 percent on Monday."
    fell = Quantity(id="d", span=Span.of(alone, 12, 21), value="3", direction="down")
    assert change_of(fell, alone) == "down"


def test_eval_newsquant_command_prints_scores_and_categories(tmp_path: Path) -> None:
    from claimgraph.cli.main import cli

    item = {"text": "Shares of Ferrow rose 4% to $12 in a week.", "index": 0, "quantities": [
        {"value": "4", "change": "up", "unit": "%", "normalized_unit": "percentage",
         "referred_concepts": "Shares Ferrow"},
        {"value": "12", "change": "=", "unit": "$", "normalized_unit": "dollar",
         "referred_concepts": "Shares Ferrow"}]}  # fmt: skip
    path = tmp_path / "nq.json"
    path.write_text(json.dumps([item]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "quantities", "--newsquant", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)["newsquant"]
    assert report["value"]["f1"] == 100.0
    assert report["value_unit"]["f1"] == 100.0
    assert report["categories"]["percentages"] == {"found": 1, "gold": 1}
