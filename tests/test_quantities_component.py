"""The quantities component on hand-written sentences, one phenomenon at a time."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.analyse.quantities.component import QuantityComponent
from claimgraph.model import Bound, Quantity


def _quantities(nlp: Any, text: str) -> tuple[Quantity, ...]:
    return tuple(nlp(text)._.cg_quantities)


def _one(nlp: Any, text: str) -> Quantity:
    quantities = _quantities(nlp, text)
    assert len(quantities) == 1, quantities
    return quantities[0]


def test_quantities_component_needs_no_arguments() -> None:
    assert callable(QuantityComponent())


@pytest.mark.parametrize(
    ("text", "span", "bound"),
    [
        ("Officials said about 300 people fled.", "about 300", Bound.APPROX),
        ("Some 300 people fled.", "Some 300", Bound.APPROX),
        ("Roughly 300 people fled.", "Roughly 300", Bound.APPROX),
        ("Approximately 300 people fled.", "Approximately 300", Bound.APPROX),
        ("Nearly 300 people fled.", "Nearly 300", Bound.APPROX),
        ("More than 300 people fled.", "More than 300", Bound.GT),
        ("Over 300 people fled.", "Over 300", Bound.GT),
        ("At least 300 people fled.", "At least 300", Bound.GE),
        ("Under 300 people fled.", "Under 300", Bound.LT),
        ("Fewer than 300 people fled.", "Fewer than 300", Bound.LT),
        ("Up to 300 people fled.", "Up to 300", Bound.LE),
        ("As many as 300 people fled.", "As many as 300", Bound.LE),
        ("Losses ran as high as almost 300,000.", "as high as almost 300,000", Bound.LE_APPROX),
        ("They fired more than about 300 shells.", "more than about 300", Bound.GE_APPROX),
        ("They fired 300 shells or more.", "300", Bound.GE),
        ("The agency logged 3,000-plus complaints.", "3,000-plus", Bound.GE),
    ],
)
def test_quantities_bounds(quantities_nlp: Any, text: str, span: str, bound: Bound) -> None:
    quantity = _one(quantities_nlp, text)
    assert quantity.span.text == span
    assert quantity.bound is bound


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The startup raised $25m last week.", "25000000", "dollar"),
        ("Brussels pledged €3bn for the grid.", "3000000000", "euro"),
        ("The club paid £48 million for him.", "48000000", "pound"),
        ("Aid reached more than $64.1 billion.", "64100000000", "dollar"),
        ("Tokyo will spend 1.5 trillion yen.", "1500000000000", "yen"),
        ("Stockholm set aside 6 billion crowns.", "6000000000", "crown"),
        ("The court ordered a refund of 1.7 billion Swiss francs.", "1700000000", "franc"),
        ("Inflation rose to 7.4% in October.", "7.4", "percent"),
        ("The party won 38 per cent of the vote.", "38", "percent"),
        ("Rates rose by 50 basis points.", "50", "basis point"),
        ("Troops advanced 12 km overnight.", "12", "kilometre"),
        ("The ship carried 45,000 tonnes of grain.", "45000", "tonne"),
        ("The missile can fly 300 miles.", "300", "mile"),
        ("Police arrested 83 people.", "83", None),
        ("She held a 16-point lead in the polls.", "16", "point"),
        ("A 12-mile convoy blocked the road.", "12", "mile"),
        ("A magnitude 5.9 earthquake struck.", "5.9", "magnitude"),
        ("The ministry paid out US$ 320 million.", "320000000", "dollar"),
    ],
)
def test_quantities_units_and_multipliers(
    quantities_nlp: Any, text: str, value: str, unit: str | None
) -> None:
    quantity = _one(quantities_nlp, text)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The rally drew 5,000-7,000 supporters.", "5000", "7000"),
        ("Between 20 and 30 people were hurt.", "20", "30"),
        ("Estimates ranged from 10,000 to 15,000.", "10000", "15000"),
        ("Repairs will cost between $3 million and $4 million.", "3000000", "4000000"),
        ("The ministry expects 2 to 3 million tourists.", "2000000", "3000000"),
        ("Prices may rise by 4-5% next year.", "4", "5"),
        ("Between five and seven tankers are anchored off the port.", "5", "7"),
    ],
)
def test_quantities_ranges(quantities_nlp: Any, text: str, low: str, high: str) -> None:
    quantity = _one(quantities_nlp, text)
    assert (quantity.value, quantity.low, quantity.high, quantity.vague) == (None, low, high, False)


@pytest.mark.parametrize(
    ("text", "low", "high", "head"),
    [
        # intervals: see number_words.VAGUE for why each was chosen
        ("Dozens of protesters were detained.", "24", "99", "protester"),
        ("Hundreds of families slept in tents.", "200", "999", "family"),
        ("Thousands of troops were deployed.", "2000", "9999", "troop"),
        ("Tens of thousands of workers joined the strike.", "20000", "99999", "worker"),
        ("A handful of lawmakers broke ranks.", "2", "5", "lawmaker"),
        ("Several journalists were injured.", "3", "9", "journalist"),
        ('Officials said "hundreds" of civilians were trapped.', "200", "999", "civilian"),
    ],
)
def test_quantities_vague_amounts(
    quantities_nlp: Any, text: str, low: str, high: str, head: str
) -> None:
    quantity = _one(quantities_nlp, text)
    assert (quantity.low, quantity.high, quantity.vague) == (low, high, True)
    assert quantity.counted_head == head


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Three hundred soldiers were sent.", "300"),
        ("A dozen ambulances were waiting.", "12"),
        ("Officials counted two million voters.", "2000000"),
        ("Twenty-one miners were rescued.", "21"),
        ("The bill was backed by one hundred and twelve senators.", "112"),
        ("The plan adds half a million homes.", "500000"),
        ("The war displaced two and a half million people.", "2500000"),
        ("They target roughly two-dozen states.", "24"),
    ],
)
def test_quantities_spelled_out_numbers(quantities_nlp: Any, text: str, value: str) -> None:
    assert _one(quantities_nlp, text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022 and reshaped the region.",
        "The treaty was signed on October 13 after weeks of talks.",
        "The summit opens on Oct. 15, 2024, in Geneva.",
        "The fighting lasted from 1950 to 1953.",
        "The empire collapsed in the early 20th century.",
        "It was the third time this year that talks failed.",
        "Call the hotline at (201) 335-0739 for updates.",
        "The minister arrived at 10:30 and left before 3 p.m.",
        "The embassy is at 24 Kensington Gardens Road.",
        "A 34-year-old man was arrested at the scene.",
        "The suspect, John Marlow, 52, was charged with fraud.",
        "The resolution invokes Article 5 of the treaty.",
        "One of the officials said the talks had stalled.",
        "Each family gets a one-off payment.",
        "The operation lasted 72 hours.",
        "It happened 40 or 50 years ago.",
        "Some two-thirds of graduates left the region.",
        "Around one in five adults is out of work.",
        "The home side won 3-1 on Saturday.",
        "The motion passed 52-48 after a long debate.",
        '"It was chaos," one witness said.',
        "Cruz (45) is younger than Clinton (68).",
        "She laid flowers at Ground Zero on Sunday.",
        "The file was dated 2016-09-01.",
        "Voters in 2014 elections stayed home.",
        "The attack came on Oct. 8 near the border.",
        "It happened on October 8, police said.",
        "The rally was held on Monday, October 8, in the square.",
    ],
)
def test_quantities_no_false_figures(quantities_nlp: Any, text: str) -> None:
    """Nothing here is a figure; durations and ages come out as other kinds of quantity."""
    assert [q for q in _quantities(quantities_nlp, text) if q.kind == "figure"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Since October, eight people have been shot in the city.", "8"),
        ("Since October, 3 men have been arrested.", "3"),
        ("Since October, three more people have died.", "3"),
        ("Since October, 12 have died.", "12"),
        ("On October 8, 12 people were hurt.", "12"),
    ],
)
def test_quantities_a_month_then_a_comma_leaves_the_count(
    quantities_nlp: Any, text: str, value: str
) -> None:
    """A comma between a month and a number that counts what follows: a count, no day."""
    figures = [q for q in _quantities(quantities_nlp, text) if q.kind == "figure"]
    assert [q.value for q in figures] == [value]


@pytest.mark.parametrize(
    ("text", "counted", "head"),
    [
        ("The U.S. believes 3,000 North Korean soldiers traveled by ship.",
         "North Korean soldiers", "soldier"),
        ("They sent over 11,000 containers of munitions.", "containers of munitions", "container"),
        ("The state provided $5 billion in military assistance.", "military assistance",
         "assistance"),
        ("The death toll from the ferry disaster has risen to 94.",
         "death toll from the ferry disaster", "toll"),
        ("Officials put the number of arrests at 1,100.", "arrests", "arrest"),
        ("The economy shrank 2.1% in the second quarter.", "economy", "economy"),
        ("The estimate believed 400,000 wounded.", "wounded", "wounded"),
    ],
)  # fmt: skip
def test_quantities_counted_thing(quantities_nlp: Any, text: str, counted: str, head: str) -> None:
    quantity = _one(quantities_nlp, text)
    assert quantity.counted is not None
    assert (quantity.counted.text, quantity.counted_head) == (counted, head)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Inflation rose to 7.4% in October.", "up"),
        ("Exports were up 12% on the year.", "up"),
        ("Unemployment fell by 0.3 percent.", "down"),
        ("The index dropped 9.5% on Friday.", "down"),
        ("Police arrested 83 people.", None),
        ("Up to 300 people fled.", None),
    ],
)
def test_quantities_direction(quantities_nlp: Any, text: str, direction: str | None) -> None:
    assert _one(quantities_nlp, text).direction == direction


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        ("Her team alone lost 65 soldiers.", "alone"),
        ("So far 29 victims have been identified.", "so far"),
        ("The force will eventually number around 8,000.", "eventually"),
        ("At least 40 people were killed by Wednesday evening.", "by Wednesday evening"),
        ("Casualties are expected to exceed 500.", "expected"),
        ("Up to 400 prisoners could be released.", "up to"),
    ],
)
def test_quantities_modifiers(quantities_nlp: Any, text: str, modifier: str) -> None:
    assert modifier in _one(quantities_nlp, text).modifiers


def test_quantities_span_offsets_and_ids(quantities_nlp: Any) -> None:
    text = "The coalition deployed more than 2,300 peacekeepers and 40 tanks."
    first, second = _quantities(quantities_nlp, text)
    assert text[first.span.start : first.span.end] == "more than 2,300"
    assert first.id == f"q{first.span.start}-{first.span.end}"
    assert second.span.text == "40" and second.counted_head == "tank"
    again = _quantities(quantities_nlp, text)
    assert [q.id for q in again] == [first.id, second.id]


def test_quantities_values_are_exact_decimals(quantities_nlp: Any) -> None:
    quantity = _one(quantities_nlp, "A ticket costs $4.50 now.")
    assert quantity.value == "4.5"
    big = _one(quantities_nlp, "The fund holds $1.1 trillion.")
    assert big.value == "1100000000000"


def test_quantities_list_markers_are_not_figures(quantities_nlp: Any) -> None:
    text = "Five lessons.\n\n1. The party is split. It lost 40 seats."
    assert [q.span.text for q in _quantities(quantities_nlp, text)] == ["Five", "40"]


def test_quantities_component_time_grows_linearly_on_one_long_sentence() -> None:
    """Many figures in one long "sentence" (a table pasted as text): each figure's clause
    and modifiers are read near it, never by walking the whole sentence again."""
    import time

    from claimgraph.analyse import build_pipeline

    nlp = build_pipeline()
    quantities = nlp.get_pipe("claimgraph_quantities_v1")

    def seconds(n: int) -> float:
        parts = (f"{i + 3} people were hurt in district {chr(65 + i % 26)}" for i in range(n))
        doc = nlp("Officials said " + ", ".join(parts) + ".")
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            quantities(doc)
            best = min(best, time.process_time() - start)
        return best

    # 16 times the figures: linear is 16x (measured 16.3x); the walks it replaced took
    # 74x. Twice linear leaves room for a busy machine.
    assert seconds(640) < 32 * seconds(40)
