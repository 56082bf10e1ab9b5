"""A wire story on two sites is one text: one set of figures, both outlets as appearances;
an outlet's updated article is not a copy of its first."""

from __future__ import annotations

from claimgraph.link import build_story_report
from claimgraph.link.copies import copy_of
from claimgraph.model import Article, ArticleAnalysis, Metadata, Quantity, Span

WIRE = (
    "Three hurt in shooting at a park in Millbrook\n"
    "Three people were hurt when gunfire broke out at a park in Millbrook on Saturday night, "
    "police said. Officers found the three victims near the basketball courts shortly after "
    "10 p.m. and took them to Millbrook General Hospital, where all were in stable condition. "
    "No arrests had been made by Sunday morning, and police asked anyone with information to "
    "call the department's tip line. A neighbour said she heard at least eight shots."
)
UPDATE = (
    "Three hurt in shooting at a park in Millbrook\n"
    "Police on Monday arrested a 19-year-old man in connection with the shooting, a "
    "spokesman said. He was charged with three counts of aggravated assault and is being "
    "held on a $250,000 bond. The victims, two men and a woman, have been released from "
    "the hospital. Three people were hurt when gunfire broke out at a park in Millbrook on "
    "Saturday night, police said."
)


def article(aid: str, text: str, outlet: str) -> tuple[Article, ArticleAnalysis]:
    start = text.index("Three people")
    q = Quantity(id="q1", span=Span.of(text, start, start + 5), value="3", counted_head="people")
    meta = Metadata(outlet=outlet, published="2026-05-10")
    return Article(id=aid, text=text, metadata=meta), ArticleAnalysis(
        article_id=aid, quantities=(q,)
    )


def test_link_copies_a_wire_story_on_two_sites_is_one_text() -> None:
    copy = WIRE.replace("police said.", "police said. (AP)").replace("Sunday", "Sunday,")
    items = [article("A", WIRE, "Ledger"), article("B", copy, "Courier")]
    assert copy_of(items) == {"B": "A"}
    report = build_story_report("s", items, {})
    members = [m for g in report.figure_groups for m in g.members]
    assert [m.article_id for m in members] == ["A"]
    assert report.story.article_ids == ("A", "B")
    [summary] = report.articles
    assert {m.outlet for m in summary.appearances} == {"Ledger", "Courier"}


def test_link_copies_an_update_is_not_a_copy() -> None:
    items = [article("A", WIRE, "Ledger"), article("B", UPDATE, "Ledger")]
    assert copy_of(items) == {}
