"""The dates component on parsed sentences: tense, anaphora, no publication date."""

from __future__ import annotations

from claimgraph.analyse.dates.component import date_refs


def _values(base_doc, text: str, published: str | None = "2024-10-25") -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {r.span.text: r.value for r in date_refs(base_doc(text), published)}


def test_dates_future_tense_weekday_is_next(base_doc) -> None:  # type: ignore[no-untyped-def]
    assert _values(base_doc, "The central bank will announce its decision on Tuesday.") == {
        "Tuesday": "2024-10-29"
    }


def test_dates_reporting_verb_dates_the_weekday(base_doc) -> None:  # type: ignore[no-untyped-def]
    # "would stay" is future, but Saturday dates "said" (past).
    values = _values(base_doc, "The governor said Saturday the curfew would stay in place.")
    assert values == {"Saturday": "2024-10-19"}


def test_dates_day_earlier_counts_from_previous_date(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "Flood waters peaked on Monday; a day earlier, residents had been told to leave."
    refs = date_refs(base_doc(text), "2024-10-25")
    assert [r.value for r in refs] == ["2024-10-21", "2024-10-20"]
    assert refs[1].anchor == f"date:{refs[0].span.start}"


def test_dates_same_day_after_unresolved_date_stays_unresolved(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "The verdict came on June 5, and the appeal was filed that same day."
    assert _values(base_doc, text, None) == {"June 5": None, "that same day": None}


def test_dates_same_day_after_absolute_date_resolves_without_publication(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "Officials met on 4 May 2023 and again a day later."
    assert _values(base_doc, text, None) == {
        "4 May 2023": "2023-05-04",
        "a day later": "2023-05-05",
    }


def test_dates_granularity_and_anchor_recorded(base_doc) -> None:  # type: ignore[no-untyped-def]
    [ref] = date_refs(base_doc("Sales rose last month."), "2024-10-25T10:00:00Z")
    assert (ref.granularity, ref.anchor, ref.resolved) == ("month", "published:2024-10-25", True)


def test_dates_in_years_ahead_only_about_the_future(base_doc) -> None:  # type: ignore[no-untyped-def]
    # published Friday 2024-10-25
    assert _values(base_doc, "The plant will close in 15 years.") == {"15 years": "2039"}
    assert _values(base_doc, "Borrowers must repay within two weeks.") == {
        "two weeks": "2024-11-08"
    }
    assert _values(base_doc, "It was his first win in 15 years.") == {}  # looks back


def test_dates_by_weekday_is_a_deadline_ahead(base_doc) -> None:  # type: ignore[no-untyped-def]
    assert _values(base_doc, "Officials expect a decision by Tuesday.") == {"Tuesday": "2024-10-29"}
    assert _values(base_doc, "He had left by Tuesday.") == {"Tuesday": "2024-10-22"}
