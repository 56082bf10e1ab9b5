"""Attaching a date to a quantity or an attribution in the same sentence."""

from __future__ import annotations

from claimgraph.analyse.article import analysis_from_doc
from claimgraph.analyse.dates.attachment import date_for_span
from claimgraph.analyse.dates.component import date_refs
from claimgraph.model import Article, DateRef, Quantity, Span

TEXT = "Kirby said Wednesday that troops arrived in June. Nothing else happened."


def _ref(text: str, value: str) -> DateRef:
    start = TEXT.index(text)
    return DateRef(span=Span.of(TEXT, start, start + len(text)), value=value, resolved=True)


SENTENCES = [(0, 49), (50, len(TEXT))]
WEDNESDAY, JUNE = _ref("Wednesday", "2024-10-23"), _ref("June", "2024-06")


def test_dates_attach_nearest_in_sentence() -> None:
    cue = TEXT.index("said")
    assert date_for_span((cue, cue + 4), [WEDNESDAY, JUNE], SENTENCES) == WEDNESDAY


def test_dates_attach_skips_dates_inside_content() -> None:
    content = Span.of(TEXT, TEXT.index("troops"), 48)
    arrived = TEXT.index("arrived")
    assert date_for_span((arrived, arrived + 7), [JUNE], SENTENCES, exclude=[content]) is None


def test_dates_attach_never_crosses_sentences() -> None:
    other = TEXT.index("Nothing")
    assert date_for_span((other, other + 7), [WEDNESDAY, JUNE], SENTENCES) is None


def test_dates_attach_to_quantities_in_article(base_doc) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said on Monday that 3,000 soldiers had arrived."
    doc = base_doc(text, "2024-10-25")
    doc._.cg_dates = date_refs(doc, "2024-10-25")
    start = text.index("3,000")
    doc._.cg_quantities = (Quantity(id="q1", span=Span.of(text, start, start + 5), value="3000"),)
    analysis = analysis_from_doc(doc, Article(id="a1", text=text))
    [quantity] = analysis.quantities
    assert quantity.date is not None and quantity.date.value == "2024-10-21"
