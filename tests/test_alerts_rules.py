"""Alert rules and detection on hand-made story reports (no spaCy): fire once, match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.alerts import (
    add_rule,
    deliver_pending,
    fire_alerts,
    list_rules,
    make_rule,
    remove_rule,
)
from claimgraph.cli.main import cli
from claimgraph.errors import BadAlertRule, NotFound
from claimgraph.model import (
    Denial,
    Discrepancy,
    DiscrepancyKind,
    FigureGroup,
    FigureMember,
    Quantity,
    Span,
    Story,
    StoryReport,
)
from claimgraph.store import open_store

TEXT = "At least 40 people are missing, the coast guard said. The company denied it."


def member(article_id: str, value: str, source: str = "coast guard") -> FigureMember:
    span = Span(start=0, end=11, text="At least 40") if value == "40" else Span.of(TEXT, 3, 11)
    quantity = Quantity(id=f"q-{value}", span=span, value=value)
    return FigureMember(article_id=article_id, quantity=quantity, source=source)


def report(
    members: tuple[FigureMember, ...],
    discrepancies: tuple[Discrepancy, ...] = (),
    denials: tuple[Denial, ...] = (),
    story_id: str = "s1",
) -> StoryReport:
    article_ids = tuple(dict.fromkeys(m.article_id for m in members)) or ("a1",)
    group = FigureGroup(id="g1", story_id=story_id, label="missing", members=members)
    return StoryReport(
        story=Story(id=story_id, title="Ferry", article_ids=article_ids),
        articles=(),
        figure_groups=(group,),
        discrepancies=discrepancies,
        denials=denials,
    )


def conflict(kind: DiscrepancyKind = DiscrepancyKind.CONFLICT) -> Discrepancy:
    spans = (("a1", Span(start=0, end=11, text="At least 40")), ("a2", Span.of(TEXT, 3, 11)))
    return Discrepancy(
        id=f"d-{kind}", story_id="s1", kind=kind, reason="40 or 60", group_id="g1", spans=spans
    )


BEFORE = [report((member("a1", "40"),))]
AFTER = [report((member("a1", "40"), member("a2", "60")), (conflict(),))]


def test_alerts_new_member_of_a_tracked_group_fires_once(store_location: str) -> None:
    store = open_store(store_location)
    rule = add_rule(store, make_rule(story_id="s1", figure_group="missing", file="x"))
    fired = fire_alerts(store, BEFORE, AFTER)
    assert [(a.event, a.article_id, a.group_id, a.rule_id) for a in fired] == [
        ("figure_member", "a2", "g1", rule.id)
    ]
    assert fired[0].span == Span.of(TEXT, 3, 11)
    assert fire_alerts(store, BEFORE, AFTER) == []  # the key is remembered in the store
    store.close()
    # ... across restarts: seen from nothing, only the member never alerted on fires.
    again = fire_alerts(open_store(store_location), [], AFTER)
    assert [a.article_id for a in again] == ["a1"]


def test_alerts_any_conflict_fires_for_conflict_revision_and_denial_not_scope(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "cg.db")
    add_rule(store, make_rule(any_conflict=True))
    denial = Denial(
        id="n1",
        story_id="s1",
        article_id="a2",
        attribution_id="t1",
        source="Strandline",
        content=(Span.of(TEXT, 55, 74),),
        target="the report",
    )
    after = [
        report(
            (member("a1", "40"), member("a2", "60")),
            (conflict(), conflict(DiscrepancyKind.REVISION), conflict(DiscrepancyKind.SCOPE)),
            (denial,),
        )
    ]
    fired = fire_alerts(store, BEFORE, after)
    assert sorted(a.event for a in fired) == ["conflict", "denial", "revision"]
    # The span cited is the new article's, the one that brought the conflict.
    assert {a.article_id for a in fired} == {"a2"}
    assert next(a for a in fired if a.event == "denial").span == Span.of(TEXT, 55, 74)


def test_alerts_low_confidence_flags_never_fire(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    add_rule(store, make_rule(any_conflict=True))
    doubtful = conflict().model_copy(update={"id": "d-doubtful", "confidence": 0.45})
    after = [report((member("a1", "40"), member("a2", "60")), (doubtful,))]
    # The report hides a flag under its default confidence; an alert must not push it.
    assert fire_alerts(store, BEFORE, after) == []


def test_alerts_entity_and_story_narrow_what_fires(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    add_rule(store, make_rule(entity="Coast Guard"))
    add_rule(store, make_rule(entity="nobody"))
    add_rule(store, make_rule(story_id="other", any_conflict=True))
    fired = fire_alerts(store, BEFORE, AFTER)
    assert sorted(a.event for a in fired) == ["conflict", "figure_member"]


def test_alerts_file_sink_appends_json_lines_with_the_span(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    out = tmp_path / "alerts.jsonl"
    add_rule(store, make_rule(figure_group="g1", file=str(out)))
    fire_alerts(store, BEFORE, AFTER)
    assert deliver_pending(store).delivered == 1
    assert deliver_pending(store).delivered == 0  # delivered once
    line = json.loads(out.read_text())
    assert line["article_id"] == "a2" and line["story_id"] == "s1" and line["group_id"] == "g1"
    assert line["span"] == {"start": 3, "end": 11, "text": TEXT[3:11]}


def test_alerts_failed_webhook_is_retried_next_run_and_reported(tmp_path: Path, webhook) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "cg.db")
    add_rule(store, make_rule(figure_group="g1", webhook=webhook.url))
    fire_alerts(store, BEFORE, AFTER)
    webhook.status = 503
    first = deliver_pending(store)
    assert first.delivered == 0 and len(first.failed) == 1 and "503" in first.failed[0][1]
    webhook.status = 200
    second = deliver_pending(store)
    assert second.delivered == 1 and second.failed == []
    assert [b["article_id"] for b in webhook.bodies] == ["a2", "a2"]  # refused, then taken
    assert deliver_pending(store).delivered == 0


def test_alerts_unreachable_webhook_never_raises(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    # Port 1 on loopback: nothing listens, so the connection is refused at once.
    add_rule(store, make_rule(figure_group="g1", webhook="http://127.0.0.1:1/hook"))
    fire_alerts(store, BEFORE, AFTER)
    result = deliver_pending(store)
    assert result.delivered == 0 and len(result.failed) == 1


def test_alerts_rules_are_added_once_listed_and_removed(store_location: str) -> None:
    store = open_store(store_location)
    rule = make_rule(story_id="s1", figure_group="g1", webhook="http://127.0.0.1:9/h")
    add_rule(store, rule)
    add_rule(store, rule)
    assert list_rules(store) == [rule]
    remove_rule(store, rule.id)
    assert list_rules(store) == []
    with pytest.raises(NotFound, match="alert list"):
        remove_rule(store, rule.id)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"figure_group": "g1", "entity": "x"},
        {"any_conflict": True, "webhook": "ftp://x"},
        {"any_conflict": True, "webhook": "http://x", "file": "f"},
    ],
)
def test_alerts_impossible_rules_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(BadAlertRule):
        make_rule(**kwargs)  # type: ignore[arg-type]


def test_alerts_cli_add_list_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "cg.db")
    runner = CliRunner()
    added = runner.invoke(cli, ["alert", "add", "--any-conflict", "--stdout", "--db", db])
    assert added.exit_code == 0, added.output
    rule_id = added.output.strip()
    listed = runner.invoke(cli, ["alert", "list", "--db", db])
    assert listed.output.startswith(f"{rule_id}: any conflict -> stdout")
    assert runner.invoke(cli, ["alert", "remove", rule_id, "--db", db]).exit_code == 0
    missing = runner.invoke(cli, ["alert", "remove", rule_id, "--db", db])
    assert missing.exit_code == 6
    both = runner.invoke(cli, ["alert", "add", "--figure", "g", "--entity", "e", "--db", db])
    assert both.exit_code == 2 and "exactly one" in both.output
