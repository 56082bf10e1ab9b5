"""The figures in the two seed articles come out right, by the component's general rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.model import Bound, Quantity

# (span text, occurrence, value or (low, high), bound, unit, counted head, vague)
EXPECTED: list[tuple[str, int, Any, Bound, str | None, str | None, bool]] = [
    ("thousands", 0, ("2000", "9999"), Bound.EQ, None, "troop", True),
    ("3,000", 0, "3000", Bound.EQ, None, "soldier", False),
    ("around 12,000", 0, "12000", Bound.APPROX, None, "troop", False),
    ("10,000", 0, "10000", Bound.EQ, None, "troop", False),
    ("over 10,000", 0, "10000", Bound.GT, None, "soldier", False),
    ("10,000", 1, "10000", Bound.EQ, None, "soldier", False),
    ("thousands", 1, ("2000", "9999"), Bound.EQ, None, "infantry", True),
    ("dozens", 0, ("24", "99"), Bound.EQ, None, "missile", True),
    ("over 11,000", 0, "11000", Bound.GT, None, "container", False),
    ("more than $64.1 billion", 0, "64100000000", Bound.GT, "dollar", "assistance", False),
    ("80,000", 0, "80000", Bound.EQ, None, "troop", False),
    ("400,000", 0, "400000", Bound.EQ, None, "wounded", False),
    ("as high as almost 200,000", 0, "200000", Bound.LE_APPROX, None, "casualty", False),
    ("around 400,000", 0, "400000", Bound.APPROX, None, None, False),
]
NOT_FIGURES = ["(201) 335-0739", "2022", "20th century", "October 13", "1950 to 1953"]


@pytest.fixture(scope="module")
def seed_quantities(nlp: Any, seeds_dir: Path) -> list[tuple[str, tuple[Quantity, ...]]]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    return [(doc.text, tuple(doc._.cg_quantities)) for doc in nlp.pipe(texts)]


def _find(seeds: list[tuple[str, tuple[Quantity, ...]]], text: str, occurrence: int) -> Quantity:
    found = [q for _, quantities in seeds for q in quantities if q.span.text == text]
    assert len(found) > occurrence, f"{text!r} #{occurrence} not found: {found}"
    return found[occurrence]


@pytest.mark.parametrize(
    ("text", "occurrence", "value", "bound", "unit", "head", "vague"), EXPECTED
)
def test_quantities_seed_figures(
    seed_quantities: list[tuple[str, tuple[Quantity, ...]]],
    text: str,
    occurrence: int,
    value: Any,
    bound: Bound,
    unit: str | None,
    head: str | None,
    vague: bool,
) -> None:
    quantity = _find(seed_quantities, text, occurrence)
    if isinstance(value, tuple):
        assert (quantity.value, quantity.low, quantity.high) == (None, *value)
    else:
        assert (quantity.value, quantity.low, quantity.high) == (value, None, None)
    assert quantity.bound is bound
    assert quantity.unit == unit
    assert quantity.vague is vague
    if head is not None:
        assert quantity.counted_head == head
    assert quantity.id == f"q{quantity.span.start}-{quantity.span.end}"
    assert quantity.attribution_id is None


def test_quantities_seed_eventual_strength_counts_the_listed_forces(
    seed_quantities: list[tuple[str, tuple[Quantity, ...]]],
) -> None:
    quantity = _find(seed_quantities, "around 12,000", 0)
    assert quantity.counted is not None
    assert "troops" in quantity.counted.text and "special forces" in quantity.counted.text
    assert "eventually" in quantity.modifiers


def test_quantities_seed_counted_spans(
    seed_quantities: list[tuple[str, tuple[Quantity, ...]]],
) -> None:
    assert _counted(seed_quantities, "3,000") == "North Korean soldiers"
    assert _counted(seed_quantities, "80,000") == "Ukrainian troops"
    assert _counted(seed_quantities, "thousands") == "troops"
    assert _counted(seed_quantities, "over 11,000") == "containers of munitions"


def _counted(seeds: list[tuple[str, tuple[Quantity, ...]]], text: str) -> str | None:
    counted = _find(seeds, text, 0).counted
    return counted.text if counted else None


@pytest.mark.parametrize("trap", NOT_FIGURES)
def test_quantities_seed_no_false_figures(
    seed_quantities: list[tuple[str, tuple[Quantity, ...]]], trap: str
) -> None:
    for text, quantities in seed_quantities:
        start = text.find(trap)
        if start < 0:
            continue
        end = start + len(trap)
        overlapping = [q for q in quantities if q.span.start < end and start < q.span.end]
        assert not overlapping, f"{trap!r} gave {overlapping}"
        return
    pytest.fail(f"{trap!r} is not in the seeds")
