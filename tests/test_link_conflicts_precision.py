"""Conflicts and revisions, precision first: only totals of one counted thing, from
different parties, whose bounds cannot hold at overlapping times; values clustered in one
short reason; a revision is one party on two days. Hand-built figure groups, no model."""

from __future__ import annotations

import pytest

from claimgraph.link.discrepancies import conflicts as conflicts_found
from claimgraph.link.discrepancies import group_discrepancies, revisions
from claimgraph.model import (
    Bound,
    DateRef,
    Discrepancy,
    FigureGroup,
    FigureMember,
    Quantity,
    Span,
)


def member(
    value: str,
    source: str | None,
    date: str = "2026-03-10",
    *,
    article: str = "A",
    outlet: str = "Ledger",
    scope: str = "total",
    bound: Bound = Bound.EQ,
    titles: tuple[str, ...] = (),
    start: int = 0,
) -> FigureMember:
    q = Quantity(
        id=f"q{value}{start}",
        span=Span(start=start, end=start + len(value), text=value),
        value=value,
        bound=bound,
    )
    return FigureMember(
        article_id=article,
        quantity=q,
        source=source,
        source_titles=titles,
        outlet=outlet,
        date=date,
        scope=scope,
    )


# Every figure in its article's lead, unless a test says otherwise (``backed``).
IN_LEADS = dict.fromkeys("ABC", 1 << 20)


def conflicts(found: FigureGroup, published: dict[str, str] | None = None) -> list[Discrepancy]:
    return conflicts_found(found, published, IN_LEADS)


def group(*members: FigureMember, label: str = "deaths") -> FigureGroup:
    return FigureGroup(id="g", story_id="s", label=label, members=members)


def test_link_conflicts_rival_totals_on_one_day_are_one_clustered_flag() -> None:
    found = conflicts(
        group(
            member("3000", "John Kirby", article="A"),
            member("10000", "Western diplomat", article="B", outlet="Post"),
            member("11000", "ministry", article="C", outlet="Wire", bound=Bound.APPROX),
        )
    )
    [flag] = found
    assert [s.values for s in flag.sides] == [("“3000”",), ("“10000”", "“11000”")]
    assert "“3000” (John Kirby, 2026-03-10) against" in flag.reason
    assert flag.reason.count(" against ") == 1  # one sentence, not a list of pairs
    assert 0.0 <= flag.confidence <= 1.0


def test_link_conflicts_a_count_that_grew_is_not_a_conflict() -> None:
    grew = group(
        member("2", "police", "2026-03-10", article="A"),
        member("4", "fire service", "2026-03-11", article="B", outlet="Post"),
    )
    assert not conflicts(grew)


def test_link_conflicts_a_later_figure_below_an_earlier_floor_is() -> None:
    fell = group(
        member("10000", "Western diplomat", "2024-10-15", article="A"),
        member("3000", "John Kirby", "2024-10-23", article="B", outlet="Post"),
    )
    [flag] = conflicts(fell)
    assert "different dates" in flag.reason and "different sources" in flag.reason


@pytest.mark.parametrize("scope", ["partial", "prediction", "background"])
def test_link_conflicts_never_take_a_figure_that_is_not_a_total(scope: str) -> None:
    mixed = group(
        member("12", "police", article="A"),
        member("40", "charity", article="B", outlet="Post", scope=scope),
    )
    assert not conflicts(mixed)


def test_link_conflicts_need_a_group_that_says_what_it_counts() -> None:
    members = (member("60", "governor", article="A"), member("180", "official", article="B"))
    assert conflicts(group(*members, label="missing"))
    assert not conflicts(group(*members, label="unspecified"))
    assert not conflicts(group(*members, label="people"))


def test_link_conflicts_a_body_and_its_spokesman_are_one_party() -> None:
    one_party = group(
        member("3", "St. Aldric Hospital", article="A"),
        member("5", "Nina Varga", article="B", outlet="Post", titles=("hospital spokeswoman",)),
    )
    assert not conflicts(one_party)


def test_link_conflicts_an_outlet_beside_the_source_it_quotes_is_one_telling() -> None:
    headline_and_body = group(
        member("3", None, article="A", start=0),
        member("2", "police", article="A", start=40),
    )
    assert not conflicts(headline_and_body)


def test_link_conflicts_a_party_at_odds_with_itself_is_left_out() -> None:
    torn = group(
        member("2", "police", article="A", start=0),
        member("3", "police", article="A", start=30),
        member("3", "fire service", article="B", outlet="Post"),
    )
    assert not conflicts(torn)


def test_link_revisions_are_one_party_on_two_days() -> None:
    updates = group(
        member("2", None, "2026-03-10", article="A"),
        member("4", None, "2026-03-11", article="B"),
        member("3", None, "2026-03-11", article="C", outlet="Post"),
    )
    [flag] = revisions(updates)
    assert flag.reason.startswith("Ledger changed its figure: “2” on 2026-03-10, then “4”")
    assert [s.dates for s in flag.sides] == [("2026-03-10",), ("2026-03-11",)]
    # 3 (Post) beside 4 (Ledger) on one day clash; 2 (Ledger) then 3 (Post) is growth
    [clash] = conflicts(updates)
    assert [s.values for s in clash.sides] == [("“3”",), ("“4”",)]
    assert not revisions(
        group(member("2", "police", "2026-03-10"), member("193", "police", "1987"))
    )


def test_link_conflicts_other_days_and_years_never_meet() -> None:
    background = group(
        member("193", None, "1987", article="A"),
        member("40", None, "2026-03-10", article="A", start=50),
        member("9", "coast guard", "2026-03-12", article="B", outlet="Post"),
    )
    kinds = {d.kind.value for d in group_discrepancies(background)}
    assert "revision" not in kinds


def test_link_conflicts_an_event_date_stands_as_of_the_article() -> None:
    def dated(value: str, source: str, article: str, outlet: str) -> FigureMember:
        m = member(value, source, "2026-03-09", article=article, outlet=outlet)
        event = DateRef(span=m.quantity.span, value="2026-03-09", resolved=True)
        return m.model_copy(update={"quantity": m.quantity.model_copy(update={"date": event})})

    # "Monday's shooting killed one" (Tuesday) and "... killed two" (Wednesday): a count
    # that grew between the articles, though both sentences name Monday.
    grew = group(dated("1", "police", "A", "Ledger"), dated("2", "coroner", "B", "Post"))
    published = {"A": "2026-03-10T08:00:00", "B": "2026-03-11T08:00:00"}
    assert conflicts(grew)  # read by the event's date alone, they would clash
    assert not conflicts(grew, published)


def test_link_conflicts_figures_weeks_apart_do_not_meet() -> None:
    months = group(
        member("3", "police", "2026-03-10", article="A"),
        member("2", "prosecutors", "2026-05-02", article="B", outlet="Post"),
    )
    assert not conflicts(months)


def test_link_conflicts_a_falling_count_may_fall() -> None:
    found = group(
        member("3", "fire service", "2026-03-10", article="A"),
        member("1", "police", "2026-03-12", article="B", outlet="Post"),
        label="missing",
    )
    assert not conflicts(found)
    assert conflicts(found.model_copy(update={"label": "deaths"}))


def test_link_conflicts_a_vague_amount_has_no_bounds_to_break() -> None:
    hundreds = member("hundreds", "Jonas Pell", article="A")
    vague = hundreds.model_copy(
        update={
            "quantity": hundreds.quantity.model_copy(
                update={"value": None, "low": "200", "high": "900", "vague": True}
            )
        }
    )
    assert not conflicts(group(vague, member("1200", "insurers", article="B", outlet="Post")))


def test_link_parties_a_document_is_its_outlet_and_a_named_issuer_is_not() -> None:
    from claimgraph.link.parties import parties

    found = parties(
        [
            member("3", None, article="A"),
            member("5", "a statement posted on its website", article="B"),
            member("4", "a statement from the ministry", article="C"),
        ]
    )
    assert found[0].key == found[1].key == "outlet:ledger"
    assert found[2].key != found[0].key


def test_link_conflicts_a_lone_figure_deep_in_a_body_is_not_backed() -> None:
    lone = group(
        member("1", "investigators", article="A", start=900),
        member("2", "police", article="B", outlet="Post"),
        member("2", "coroner", article="C", outlet="Wire"),
    )
    assert not conflicts_found(lone, None, {"A": 100, "B": 100, "C": 100})
    assert conflicts_found(lone, None, {"A": 1000, "B": 100, "C": 100})


def test_link_revisions_need_two_reports() -> None:
    # One text telling a count's history ("six were killed ... one died two days later")
    # is no party updating itself.
    one_text = group(
        member("6", "police", "2026-03-10", article="A"),
        member("1", "police", "2026-03-12", article="A", start=80),
    )
    assert not revisions(one_text)
    two_texts = group(
        member("6", "police", "2026-03-10", article="A"),
        member("7", "police", "2026-03-12", article="B"),
    )
    assert revisions(two_texts)


def test_link_revisions_weeks_apart_are_not_an_update() -> None:
    trial = group(
        member("5", "police", "2026-03-10", article="A"),
        member("2", "police", "2026-05-02", article="B"),
    )
    assert not revisions(trial)


def test_link_revisions_a_changed_bound_is_no_change() -> None:
    same = group(
        member("4", None, "2026-03-10", article="A", bound=Bound.GE),
        member("4", None, "2026-03-11", article="B"),
    )
    assert not revisions(same)


@pytest.mark.parametrize("label", ["margin", "flights", "patients"])
def test_link_conflicts_only_a_count_that_grows_cannot_fall(label: str) -> None:
    # A recount's margin, flights cancelled, patients still in hospital: a lower figure
    # on a later day is a change, not a contradiction; the dead cannot fall.
    fell = (
        member("900", "county", "2026-03-10", article="A"),
        member("300", "state board", "2026-03-12", article="B", outlet="Post"),
    )
    assert not conflicts(group(*fell, label=label))
    assert conflicts(group(*fell, label="deaths"))


def test_link_conflicts_one_flag_when_outlets_split_across_groups() -> None:
    from claimgraph.link.discrepancies import story_discrepancies

    first = group(
        member("3", "police", article="A"), member("5", "coroner", article="B", outlet="Post")
    )
    second = FigureGroup(
        id="g2",
        story_id="s",
        label="Anderson County deaths",
        members=(
            member("3", "sheriff", article="C", outlet="Wire"),
            member("5", "hospital", article="D", outlet="Star"),
        ),
    )
    leads = dict.fromkeys("ABCD", 1 << 20)
    found = [
        d for d in story_discrepancies([first, second], None, leads) if d.kind.value == "conflict"
    ]
    [flag] = found
    assert {article for article, _ in flag.spans} == {"A", "B", "C", "D"}


def _told(words: str, value: str) -> tuple[str, int]:
    """A sentence and where ``value`` starts in it."""
    return words, words.index(value)


def test_link_flag_confidence_a_text_that_says_accounts_differ_is_shown() -> None:
    from claimgraph.link.discrepancies import story_discrepancies
    from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE

    plain_a, at_a = _told("Police said five people were wounded.", "five")
    plain_b, at_b = _told("Six people were wounded, FDNY officials said.", "Six")
    differ_b, at_d = _told("Though cops said five, FDNY officials said six were hurt.", "six")
    a = member("five", "police", article="A", start=at_a)
    a = a.model_copy(update={"quantity": a.quantity.model_copy(update={"value": "5"})})

    def six(at: int) -> FigureMember:
        m = member("Six", "FDNY officials", article="B", outlet="Post", start=at)
        return m.model_copy(update={"quantity": m.quantity.model_copy(update={"value": "6"})})

    leads = dict.fromkeys("AB", 1 << 20)
    [plain] = story_discrepancies([group(a, six(at_b))], None, leads, {"A": plain_a, "B": plain_b})
    [said] = story_discrepancies([group(a, six(at_d))], None, leads, {"A": plain_a, "B": differ_b})
    assert plain.confidence < DEFAULT_MIN_CONFIDENCE  # two figures in leads: 5 of 11 right
    assert said.confidence >= DEFAULT_MIN_CONFIDENCE


def test_link_flag_confidence_a_revision_the_text_calls_a_change_is_shown() -> None:
    from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE

    first, at_first = _told("Officials said 3 people had died.", "3")
    rose, at_rose = _told("Much later that day, officials said 8 had died.", "8")
    risen, at_risen = _told("The toll has risen to 8, officials said.", "8")
    updates = [
        member("3", "officials", "2026-03-10", article="A", start=at_first),
        member("8", "officials", "2026-03-11", article="B", start=at_rose),
    ]
    in_body = {"A": 0, "B": 0}  # no figure in a lead
    [unsaid] = revisions(group(*updates), None, in_body, {"A": first, "B": rose})
    updates[1] = member("8", "officials", "2026-03-11", article="B", start=at_risen)
    [said] = revisions(group(*updates), None, in_body, {"A": first, "B": risen})
    assert unsaid.confidence < DEFAULT_MIN_CONFIDENCE
    assert said.confidence >= DEFAULT_MIN_CONFIDENCE


def test_link_parties_a_one_word_body_is_the_fuller_body_holding_it() -> None:
    from claimgraph.link.parties import parties

    found = parties(
        [
            member("2", "Police", article="A"),
            member("3", "Charlotte-Mecklenburg Police Department", article="B"),
            member("3", "FDNY officials", article="C"),
        ]
    )
    assert found[0].key == found[1].key != found[2].key
    two_forces = parties(
        [
            member("2", "police", article="A"),
            member("3", "Dallas Police Department", article="B"),
            member("4", "Houston Police Department", article="C"),
        ]
    )
    assert len({p.key for p in two_forces}) == 3  # "police" says too little


def test_link_conflicts_a_figure_that_says_the_count_rose_is_no_rival() -> None:
    # "Death toll rises to six" beside that morning's "kills three": a count that grew.
    morning, at_three = _told("Explosion at the plant kills three", "three")
    evening, at_six = _told("Death toll in plant explosion rises to six", "six")
    three = member("3", None, article="A", start=at_three)
    six = member("6", "fire service", article="B", outlet="Post", start=at_six)
    texts = {"A": morning, "B": evening}
    assert conflicts_found(group(three, six), None, IN_LEADS)  # read without its words
    assert not conflicts_found(group(three, six), None, IN_LEADS, texts)
    fell, _ = _told("Death toll in plant explosion revised to six", "six")
    assert conflicts_found(group(member("9", None, article="A"), six), None, IN_LEADS, {"B": fell})


def test_link_revisions_a_later_report_that_day_saying_the_count_rose() -> None:
    morning, at_three = _told("Police said three people were killed.", "three")
    night, at_four = _told("The death toll rose to four, police said.", "four")
    said_alike, at_alike = _told("Police said four people were killed.", "four")
    three = member("3", "police", article="A", start=at_three)
    published = {"A": "2026-03-10T08:40:00", "B": "2026-03-10T22:10:00"}
    rose = member("4", "police", article="B", outlet="Wire", start=at_four)
    [flag] = revisions(group(three, rose), published, None, {"A": morning, "B": night})
    assert "“3” on 2026-03-10, then “4” on 2026-03-10" in flag.reason
    alike = member("4", "police", article="B", outlet="Wire", start=at_alike)
    assert not revisions(group(three, alike), published, None, {"A": morning, "B": said_alike})
    dates_only = {"A": "2026-03-10", "B": "2026-03-10"}  # no times: no order within the day
    assert not revisions(group(three, rose), dates_only, None, {"A": morning, "B": night})
