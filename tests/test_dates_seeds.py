"""The issue's seed cases: dates in two real articles, resolved by the general rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.analyse.dates.component import date_refs
from claimgraph.model import DateRef


def _seed(seeds_dir: Path, prefix: str) -> str:
    return next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _ref_after(refs: tuple[DateRef, ...], text: str, context: str, expr: str) -> DateRef:
    """The DateRef for ``expr`` inside the first occurrence of ``context``."""
    start = text.index(context) + context.index(expr)
    return next(r for r in refs if r.span.start == start and r.span.text == expr)


@pytest.fixture(scope="module")
def seed_000(seeds_dir, base_doc):  # type: ignore[no-untyped-def]
    text = _seed(seeds_dir, "000")
    return text, date_refs(base_doc(text), "2024-10-25")


@pytest.fixture(scope="module")
def seed_003(seeds_dir, base_doc):  # type: ignore[no-untyped-def]
    text = _seed(seeds_dir, "003")
    return text, date_refs(base_doc(text), "2024-10-16")


@pytest.mark.parametrize(
    ("context", "expr", "value"),
    [
        ("said Wednesday", "Wednesday", "2024-10-23"),
        ("told reporters Thursday", "Thursday", "2024-10-24"),
        ("This summer", "This summer", "2024-SU"),
        ("in June", "June", "2024-06"),
        ("in February 2022", "February 2022", "2022-02"),
    ],
)
def test_dates_seed_000_resolves_against_publication(  # type: ignore[no-untyped-def]
    seed_000, context: str, expr: str, value: str
) -> None:
    text, refs = seed_000
    ref = _ref_after(refs, text, context, expr)
    assert ref.value == value
    assert ref.resolved
    if expr != "February 2022":
        assert ref.anchor == "published:2024-10-25"


def test_dates_seed_000_that_same_day_is_anchored_to_the_wednesday(seed_000) -> None:  # type: ignore[no-untyped-def]
    text, refs = seed_000
    wednesday = _ref_after(refs, text, "said Wednesday", "Wednesday")
    same = _ref_after(refs, text, "that same day", "that same day")
    assert same.value == "2024-10-23"
    assert same.anchor == f"date:{wednesday.span.start}"


def test_dates_seed_000_skips_durations(seed_000) -> None:  # type: ignore[no-untyped-def]
    _, refs = seed_000
    assert not any("years-long" in r.span.text for r in refs)


@pytest.mark.parametrize(
    ("context", "expr", "value"),
    [
        ("on October 13", "October 13", "2024-10-13"),
        ("commented on October 15", "October 15", "2024-10-15"),
        ("In March 2022", "March 2022", "2022-03"),
    ],
)
def test_dates_seed_003_month_day_without_year(  # type: ignore[no-untyped-def]
    seed_003, context: str, expr: str, value: str
) -> None:
    text, refs = seed_003
    assert _ref_after(refs, text, context, expr).value == value


def test_dates_seed_003_on_the_same_day_is_the_previous_date(seed_003) -> None:  # type: ignore[no-untyped-def]
    text, refs = seed_003
    same = _ref_after(refs, text, "on the same day", "the same day")
    previous = [r for r in refs if r.span.end <= same.span.start and r.granularity == "day"][-1]
    assert same.value == previous.value == "2024-10-15"
    assert same.anchor == f"date:{previous.span.start}"


def test_dates_component_writes_doc_extension(nlp, seeds_dir) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.analyse.dates.component import DateComponent

    text = _seed(seeds_dir, "003")
    own = [name for name in nlp.pipe_names if name.startswith("claimgraph_")]
    with nlp.select_pipes(disable=own):
        doc = nlp(text)
    doc._.cg_published = "2024-10-16T09:00:00+00:00"
    DateComponent()(doc)
    assert any(r.value == "2024-10-13" for r in doc._.cg_dates)
