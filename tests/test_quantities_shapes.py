"""The shapes of issue 16: durations, ages, proportions, glued and signed figures, currency
codes, compound units, and what a figure is about. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.model import Quantity


def _all(nlp: Any, text: str) -> list[Quantity]:
    return list(nlp(text)._.cg_quantities)


def _only(nlp: Any, text: str) -> Quantity:
    found = _all(nlp, text)
    assert len(found) == 1, [(q.span.text, q.value, q.kind) for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("The bridge took 15 years to build.", "15", "year", "duration"),
        ("Talks went on for another two hours.", "2", "hour", "duration"),
        ("Bake it for 20min.", "20", "minute", "duration"),
        ("A 45-year-old man was charged.", "45", "year", "age"),
        ("Mayor Ana Bell, 61, did not comment.", "61", "year", "age"),
        ("Her 18 month-old son was unhurt.", "18", "month", "age"),
    ],
)
def test_quantities_durations_and_ages(
    quantities_nlp: Any, text: str, value: str, unit: str, kind: str
) -> None:
    quantity = _only(quantities_nlp, text)
    assert (quantity.value, quantity.unit, quantity.kind) == (value, unit, kind)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Nearly two-thirds of voters stayed home.", "0.6666", "fraction"),
        ("A quarter of the budget goes on salaries.", "0.25", "fraction"),
        ("One out of four homes lost power.", "0.25", "fraction"),
        ("The pipe is 1/8 of an inch wide.", "0.125", "fraction"),
        ("It is one of the oldest bridges in the county.", "1", "one_of"),
    ],
)
def test_quantities_proportions(quantities_nlp: Any, text: str, value: str, kind: str) -> None:
    quantity = _only(quantities_nlp, text)
    assert quantity.value is not None and quantity.value.startswith(value)
    assert quantity.kind == kind


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("The house sold for A$1.2m last week.", "1200000", "AUD"),
        ("The dollar eased to 151.20 JPY= in Tokyo.", "151.2", "JPY"),
        ("The deal was worth HK $5.4m in total.", "5400000", "HKD"),
        ("Fares rose to PS2.7m this year.", "2700000", "GBP"),
        ("The site is valued at $US55,931,000 by the agency.", "55931000", "USD"),
        ("The fine was 10.5 million Australian dollars.", "10500000", "AUD"),
        ("Shares closed at RM23.50 on Friday.", "23.5", "MYR"),
        ("The ministry set aside INR1 trillion for roads.", "1000000000000", "INR"),
        ("Shares ended at 3.23 shekels.", "3.23", "ILS"),
        ("Shares ended at 118.5p on Monday.", "118.5", "GBX"),
    ],
)
def test_quantities_currency_codes(quantities_nlp: Any, text: str, value: str, code: str) -> None:
    quantity = _only(quantities_nlp, text)
    assert (quantity.value, quantity.unit_code, quantity.dimension) == (value, code, "currency")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The charger is rated at 30W.", "30", "watt"),
        ("The car makes 640bhp.", "640", "horsepower"),
        ("Storage tops out at 512GB.", "512", "gigabyte"),
        ("The phone supports 5G networks.", "5", None),  # a generation, not 5 grams
        ("The album sold 4.3M copies.", "4300000", None),
        ("The trade balance fell to $-50.8bn in April.", "-50800000000", "dollar"),
        ("At night it drops to minus 40 Celsius.", "-40", "celsius"),
        ("The team's total offense was minus-5 yards.", "-5", "yard"),
        ("The motor gives 410 Nm of torque.", "410", "newton metre"),  # not nanometres
        ("It ships with a 20 W charger.", "20", "watt"),
        ("Water boils here at 96 C most days.", "96", "celsius"),
        ("The flat is on Floor 12 C of the tower.", "12", None),  # a label's letter
    ],
)
def test_quantities_glued_and_signed(
    quantities_nlp: Any, text: str, value: str, unit: str | None
) -> None:
    found = _all(quantities_nlp, text)
    assert [(q.value, q.unit) for q in found] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Prices should rise between 3% and 4% next year.", "3", "4", "percent"),
        ("Fees range from 1 per cent to 1.5 per cent.", "1", "1.5", "percent"),
        ("The lamp draws 5-10W.", "5", "10", "watt"),
        ("Output fell from 4.8 to 4.2 percent.", "4.2", "4.8", "percent"),
        ("The river rose by 2 to 2.5 metres overnight.", "2", "2.5", "metre"),
        ("It took two or three weeks to arrive.", "2", "3", "week"),
        ("Oil slid from $80 a barrel on Monday to $71 on Friday.", "71", "80", "dollar"),
        ("Range grew from 30 mpg in 2015 to 41 mpg in 2022.", "30", "41", "mile per gallon"),
    ],
)
def test_quantities_ranges_with_units(
    quantities_nlp: Any, text: str, low: str, high: str, unit: str
) -> None:
    quantity = _only(quantities_nlp, text)
    assert (quantity.low, quantity.high, quantity.unit) == (low, high, unit)


def test_quantities_from_to_apart_stays_two_counts(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "He went from 3 goals in May to 250 shots on goal.")
    assert [q.value for q in found] == ["3", "250"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The company paid a dividend of 63 cents per share.", "cent per share"),
        ("They pay $2,100 a month in rent.", "USD per month"),
        ("The wind reached 90 miles per hour.", "mile / hour"),
        ("The beetle reaches 80 km/h quickly.", "kilometer / hour"),
        ("Offices let at $45 per square foot.", "USD per square foot"),
        ("The rent was $900 per sq m.", "USD per square metre"),
        ("Sales hit $4 billion, from $3 billion a year earlier.", "USD"),
    ],
)
def test_quantities_compound_units(quantities_nlp: Any, text: str, code: str) -> None:
    assert _all(quantities_nlp, text)[-1].unit_code == code


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Revenue rose to $7.4 billion in the quarter.", "Revenue"),
        ("Marta Ruiz has scored 19 goals this season.", "Marta Ruiz"),
        ("Ferrow Motors, which employs 13,000 workers, cut its forecast.", "Ferrow Motors"),
        ("Weak orders pulled the mining sector 1.2 percent lower.", "mining sector"),
        ("The town won a federal grant worth $4 million.", "federal grant"),
        ("It is the start of 12 miles of new railway.", "new railway"),
        ("The regulator imposed a fine of $3 billion on the bank.", "fine"),
        ("The club ended a run of seven games without a win.", "run"),
        ("Harlow sold a turbocharged engine tuned to produce 296 hp.", "turbocharged engine"),
        ("Police said a 17-year-old boy was hurt.", "17-year-old boy"),
        ("It will boost the driving range by about 35 miles.", "driving range"),
    ],
)
def test_quantities_about(quantities_nlp: Any, text: str, about: str) -> None:
    quantity = _all(quantities_nlp, text)[0]
    assert quantity.about is not None and quantity.about.text == about


@pytest.mark.parametrize(
    "text",
    [
        "The two sides have been negotiating since June.",  # the subject is the count itself
        "In the last three months the board has cut prices twice.",  # a setting, fronted
        "At 118.5p, its shares have climbed this year.",
    ],
)
def test_quantities_about_nothing_named(quantities_nlp: Any, text: str) -> None:
    assert _all(quantities_nlp, text)[0].about is None


def test_quantities_conversion_shares_about(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "The new runway stretches some 2 miles (3.2 km) inland.")
    assert [q.about.text if q.about else None for q in found] == ["new runway", "new runway"]


@pytest.mark.parametrize(
    ("text", "values", "about"),
    [
        ("Markets at noon: Dow +0.4% S&P 500 +0.6% Nasdaq +1.1%.", ["0.4", "0.6", "1.1"], "S&P"),
        ("The FTSE 100 fell 2% on Monday.", ["2"], "FTSE"),
    ],
)
def test_quantities_numbered_index_is_a_name(
    quantities_nlp: Any, text: str, values: list[str], about: str
) -> None:
    found = _all(quantities_nlp, text)
    assert [q.value for q in found] == values
    assert any(q.about is not None and q.about.text.startswith(about) for q in found)


def test_quantities_camel_case_product_number_is_a_name(quantities_nlp: Any) -> None:
    assert _all(quantities_nlp, "Reviews of the new iPhone 15 Pro are in.") == []


def test_quantities_unit_past_one_adjective(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "The defense allowed 312 passing yards on Sunday.")
    assert [(q.value, q.unit) for q in found] == [("312", "yard")]


def test_quantities_nautical_miles_are_not_miles(quantities_nlp: Any) -> None:
    assert _all(quantities_nlp, "The ship sailed 40 nautical miles.")[0].unit != "mile"


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("The defense gave up 420 yards in the loss.", None),  # a total, not a change
        ("The shares went up 5% on Monday.", "up"),
    ],
)
def test_quantities_phrasal_particle_direction(
    quantities_nlp: Any, text: str, direction: str | None
) -> None:
    assert _all(quantities_nlp, text)[0].direction == direction


def test_quantities_not_about_another_measure(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "It makes 250 hp (184 kW / 253 PS) and 400 Nm (295 lb-ft).")
    spans = [q.span for q in found]
    for quantity in found:
        for thing in (quantity.about, quantity.counted):
            assert thing is None or not any(
                s != quantity.span and s.start < thing.end and thing.start < s.end for s in spans
            )


def test_quantities_bracketed_figure_after_a_name(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "Leaders: SS Maria Lopez (4.1 WAR), CF Ana Ruiz (3.2 WAR).")
    about = found[0].about
    assert about is not None and about.text.endswith("Maria Lopez")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Millions of people watched the final.", "2000000", "9999999"),
        ("Tens of millions of people watched it.", "20000000", "99999999"),
    ],
)
def test_quantities_vague_plural_below_the_next_word_up(
    quantities_nlp: Any, text: str, low: str, high: str
) -> None:
    quantity = _all(quantities_nlp, text)[0]
    assert (quantity.low, quantity.high) == (low, high)


def test_quantities_currency_name_stops_at_the_sentence(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "The euro stood at $1.0912 EUR=. The Dollar index rose.")
    assert found[0].span.text == "$1.0912"


@pytest.mark.parametrize("text", ["Prices rose to $5 per -", "It costs $5 a -"])
def test_quantities_rate_word_then_a_dash_at_the_end(quantities_nlp: Any, text: str) -> None:
    # "per" and a dash as the last tokens used to index past the end (IndexError)
    assert _all(quantities_nlp, text)[0].span.text == "$5"


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("The brand expects to grow sales by 35 per cent this year.", "up"),
        ("Operating profit was revised upward by $40 million.", "up"),
        ("Bitcoin fell on Monday, a sharp 3 percent drop.", "down"),
        ("He added a 30 degree homer in the ninth.", None),  # the homer, not a rise
        ("The startup has raised $280 million so far.", None),  # money collected
        ("It is well over double the 120 decibels of a concert.", None),
        ("Profits rose by 5% last year.", "up"),
    ],
)
def test_quantities_direction(quantities_nlp: Any, text: str, direction: str | None) -> None:
    assert _all(quantities_nlp, text)[0].direction == direction


def test_quantities_conversion_shares_bound_and_change(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "The engine makes just under 296 hp (224 kW) at full revs.")
    assert [q.bound.value for q in found] == ["<", "<"]
    found = _all(quantities_nlp, "Temperatures dropped by 1 degree Celsius (1.8 Fahrenheit).")
    assert [q.direction for q in found] == ["down", "down"]


@pytest.mark.parametrize(
    "text",
    [
        "Cayman Airways grounded two new 737 Max jets.",  # a model number, not a count
        "The debut of Boeing's own 787 Dreamliner was marred by fires.",
        "Keytruda's 2018 sales jumped sharply.",  # a year before "sales"
        "Sea levels could rise sharply by 2120, scientists warn.",
    ],
)
def test_quantities_names_and_years_are_no_figures(quantities_nlp: Any, text: str) -> None:
    assert all(q.value not in ("737", "787", "2018", "2120") for q in _all(quantities_nlp, text))


def test_quantities_counts_before_plural_names_stay(quantities_nlp: Any) -> None:
    assert [q.value for q in _all(quantities_nlp, "About 300 Marines arrived.")] == ["300"]


def test_quantities_hyphenated_word_prefixes(quantities_nlp: Any) -> None:
    sub = _all(quantities_nlp, "Chipmakers will produce sub-7 nanometer chips.")[0]
    assert (sub.value, sub.bound.value, sub.unit) == ("7", "<", "nanometre")
    now = _all(quantities_nlp, "She lives with her now-18 month-old daughter.")[0]
    assert (now.value, now.kind) == ("18", "age")


def test_quantities_price_level_is_no_clock_time(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "Pluristem rose 8.15% to 3.65 after the meeting.")
    assert [q.value for q in found] == ["8.15", "3.65"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It takes more than 10 1/2 miles of cable.", "10.5", "mile"),
        ("The suspect is 5 feet 10 inches tall.", "5.833333333333333333333333333", "foot"),
        ("The hearing lasted 2 hours and 45 minutes.", "2.75", "hour"),
    ],
)
def test_quantities_mixed_numbers_and_two_unit_measures(
    quantities_nlp: Any, text: str, value: str, unit: str
) -> None:
    found = _all(quantities_nlp, text)
    assert [(q.value, q.unit) for q in found] == [(value, unit)]


def test_quantities_falling_range_with_units_on_both_ends(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "They measured a current density of 1.3 A/cm2 to 0.03 A/cm2.")
    assert [(q.low, q.high) for q in found] == [("0.03", "1.3")]


def test_quantities_about_keeps_the_noun_beside_another_measure(quantities_nlp: Any) -> None:
    text = "Under the bonnet sits a turbocharged 1.6 liter EcoBoost engine tuned to produce 296 hp."
    found = _all(quantities_nlp, text)
    assert found[-1].about is not None and found[-1].about.text == "EcoBoost engine"


def test_quantities_level_after_a_change_size_has_its_direction(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "Nintendo plunged 4.28 percent to 28,030 yen on Monday.")
    assert [(q.value, q.direction) for q in found] == [("4.28", "down"), ("28030", "down")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("He weighs 236 pounds.", "pound-mass"),
        ("Police said the suspect is 5 feet 10 inches tall and 180 pounds.", "pound-mass"),
        ("Officers shot a 400-pound bear.", "pound-mass"),
        ("He was fined 500 pounds.", "pound"),  # sterling
        ("The club paid 3 million pounds for him.", "pound"),
    ],
)
def test_quantities_pounds_of_weight_or_money(quantities_nlp: Any, text: str, unit: str) -> None:
    assert _all(quantities_nlp, text)[-1].unit == unit


def test_quantities_unit_glued_to_a_size_word(quantities_nlp: Any) -> None:
    found = _all(quantities_nlp, "It shows the 37m (121ft)-long skeleton of a dinosaur.")
    assert [(q.value, q.unit) for q in found] == [("37", "metre"), ("121", "foot")]


@pytest.mark.parametrize(
    "text", ["Properties include 9 E 71st St, Manhattan.", "Police were called to 500 W 3rd Ave."]
)
def test_quantities_street_numbers_with_ordinals_are_no_figures(
    quantities_nlp: Any, text: str
) -> None:
    assert _all(quantities_nlp, text) == []
