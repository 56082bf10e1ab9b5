"""A story's time is its event's: briefs of other days do not join it however many
arrive, a follow-up naming the event's people joins whatever the gap, a spokesperson's
name ties nothing, and pages with no body stay alone. Built from grouping terms by hand."""

from __future__ import annotations

from datetime import date, timedelta

from claimgraph.link.event_time import event_time
from claimgraph.link.stories import ArticleTerms, group_terms

WORDS = {"shot": 2, "police": 2, "wounded": 1, "shooting": 2, "hospital": 1, "said": 2}
CITY = {"LOC:eastmoor": 2, "ORG:eastmoor police": 1, "PER:dana wells": 1}


def _day(offset: int) -> str:
    return (date(2026, 3, 1) + timedelta(days=offset)).isoformat()


def _brief(i: int, event: int, published: int, **extra: int) -> ArticleTerms:
    specific = {**CITY, f"D:{_day(event)}": 1, f"LOC:street {event}": 1, **extra}
    return ArticleTerms(f"a{i:03d}", _day(published), dict(WORDS), specific)


def _group(items: list[ArticleTerms]) -> set[frozenset[str]]:
    ordered = sorted(items, key=ArticleTerms.order)
    return {frozenset(g) for g in group_terms(lambda: ordered)}


def test_link_event_time_chain_of_briefs_does_not_drift() -> None:
    # One incident a day in one city for 40 days, each reported twice: the same city,
    # police and spokesperson every day; its own street and day each time.
    items = [_brief(2 * d + k, d, d + k) for d in range(40) for k in range(2)]
    stories = _group(items)
    assert len(stories) == 40
    assert all(len(s) == 2 for s in stories)


def test_link_event_time_follow_up_joins_by_a_party_name() -> None:
    incident = [_brief(0, 3, 3, **{"P:jane roe": 1, "PER:jane roe": 2})]
    incident.append(_brief(1, 3, 4, **{"P:jane roe": 1, "PER:jane roe": 1}))
    # Four months on: charges in the shooting, naming the victim but no day near it.
    charges = ArticleTerms(
        "a900", _day(125), dict(WORDS), {**CITY, "P:jane roe": 1, "PER:jane roe": 2}
    )
    assert _group([*incident, charges]) == {frozenset({"a000", "a001", "a900"})}


def test_link_event_time_spokesperson_ties_nothing_across_time() -> None:
    incident = [_brief(0, 3, 3), _brief(1, 3, 4)]
    # Another incident months later: the same city and spokesperson (never a party).
    later = _brief(2, 125, 125)
    assert len(_group([*incident, later])) == 2


def test_link_event_time_pages_without_body_stay_alone() -> None:
    items = [_brief(0, 3, 3), _brief(1, 3, 4)]
    items += [ArticleTerms(f"j{i}", _day(3), {}, {}, "sign-up or paywall page") for i in (0, 1)]
    assert _group(items) == {
        frozenset({"a000", "a001"}),
        frozenset({"j0"}),
        frozenset({"j1"}),
    }


def test_link_event_time_is_the_named_days_up_to_publication() -> None:
    named = event_time(_day(5), {f"D:{_day(3)}": 1, f"D:{_day(9)}": 1, "LOC:x": 1})
    assert named.stated and named.days == (date.fromisoformat(_day(3)).toordinal(),)
    fallback = event_time(_day(5), {"LOC:x": 1})
    assert not fallback.stated and fallback.days == (date.fromisoformat(_day(5)).toordinal(),)
    assert event_time("", {"LOC:x": 1}).days == ()


def test_link_event_time_developing_story_holds_within_its_window() -> None:
    # Troops reported on the 16th ("October 13, 15") and again on the 25th ("Wednesday",
    # "Thursday"): no day in common, but many pieces of rare evidence.
    shared = {f"PER:official {i}": 1 for i in range(6)} | {"#:10000": 2, "#:3000": 1}
    first = ArticleTerms("d1", _day(15), dict(WORDS), {**shared, f"D:{_day(12)}": 1})
    second = ArticleTerms("d2", _day(24), dict(WORDS), {**shared, f"D:{_day(22)}": 1})
    later = ArticleTerms("d3", _day(60), dict(WORDS), {**shared, f"D:{_day(58)}": 1})
    assert _group([first, second, later]) == {frozenset({"d1", "d2"}), frozenset({"d3"})}
