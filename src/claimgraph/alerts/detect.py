"""What changed between two sets of story reports, and which rules it fires.

An event is a figure-group member, a conflict/revision/contested discrepancy or a
denial, keyed by ids the linker derives from content. An event fires a rule when it is
in ``after`` but not ``before`` and the rule's key for it was never fired before (the
fired keys are kept in the store), so each alert fires once even if a watch restarts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict

from claimgraph.alerts.rules import AlertRule, list_rules
from claimgraph.alerts.sql import sql_for
from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE
from claimgraph.model import DiscrepancyKind, Span, StoryReport
from claimgraph.store.base import Store

CONFLICT_KINDS = (DiscrepancyKind.CONFLICT, DiscrepancyKind.REVISION, DiscrepancyKind.CONTESTED)


class Alert(BaseModel):
    """One fired alert: the rule, what happened, and the words in the article behind it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str  # the rule's own key for the event: fired once
    rule_id: str
    event: str  # figure_member | conflict | revision | contested | denial
    story_id: str
    group_id: str | None
    article_id: str
    span: Span | None
    summary: str


@dataclass(frozen=True)
class Event:
    key: str
    event: str
    story_id: str
    group_id: str | None
    group_label: str | None
    article_id: str
    span: Span | None
    summary: str
    sources: tuple[str, ...]


def story_events(report: StoryReport, known_articles: frozenset[str]) -> Iterator[Event]:
    """Every event of one story; spans prefer articles not in ``known_articles``."""
    sid = report.story.id
    labels = {g.id: g.label for g in report.figure_groups}
    sources: dict[tuple[str, str], set[str]] = {}
    for group in report.figure_groups:
        for m in group.members:
            names = {n for n in (m.source, m.outlet, *m.conduits) if n}
            sources.setdefault((group.id, m.article_id), set()).update(names)
            yield Event(
                key=f"member:{group.id}:{m.article_id}:{m.quantity.id}",
                event="figure_member",
                story_id=sid,
                group_id=group.id,
                group_label=group.label,
                article_id=m.article_id,
                span=m.quantity.span,
                summary=f"{group.label}: {m.quantity.span.text!r} "
                f"({m.source or m.outlet or 'unattributed'})",
                sources=tuple(sorted(names)),
            )
    for d in report.discrepancies:
        # An alert is a flag pushed to a person: only flags the report would show.
        if d.kind not in CONFLICT_KINDS or d.confidence < DEFAULT_MIN_CONFIDENCE:
            continue
        fresh = [s for s in d.spans if s[0] not in known_articles] or list(d.spans)
        article_id, span = fresh[-1] if fresh else (report.story.article_ids[0], None)
        names = {n for a, _ in d.spans for n in sources.get((d.group_id or "", a), ())}
        yield Event(
            key=f"discrepancy:{d.id}",
            event=str(d.kind),
            story_id=sid,
            group_id=d.group_id,
            group_label=labels.get(d.group_id or ""),
            article_id=article_id,
            span=span,
            summary=d.reason,
            sources=tuple(sorted(names)),
        )
    for denial in report.denials:
        yield Event(
            key=f"denial:{denial.id}",
            event="denial",
            story_id=sid,
            group_id=None,
            group_label=None,
            article_id=denial.article_id,
            span=denial.content[0] if denial.content else None,
            summary=f"{denial.source or 'a source'} denies {denial.target or 'a report'}",
            sources=(denial.source,) if denial.source else (),
        )


def new_events(before: Sequence[StoryReport], after: Sequence[StoryReport]) -> list[Event]:
    """Events in ``after`` that ``before`` did not have."""
    known_articles = frozenset(a for r in before for a in r.story.article_ids)
    old = {e.key for r in before for e in story_events(r, known_articles)}
    return [e for r in after for e in story_events(r, known_articles) if e.key not in old]


def matches(rule: AlertRule, event: Event) -> bool:
    if rule.story_id is not None and rule.story_id != event.story_id:
        return False
    if rule.figure_group is not None:
        wanted = rule.figure_group.casefold()
        return event.event == "figure_member" and wanted in (
            (event.group_id or "").casefold(),
            (event.group_label or "").casefold(),
        )
    if rule.entity is not None:
        wanted = rule.entity.casefold()
        return any(wanted in name.casefold() for name in event.sources)
    return rule.any_conflict and event.event != "figure_member"


def alert_key(rule: AlertRule, event: Event) -> str:
    return hashlib.sha256(f"{rule.id}\x1f{event.key}".encode()).hexdigest()[:24]


def fire_alerts(
    store: Store, before: Sequence[StoryReport], after: Sequence[StoryReport]
) -> list[Alert]:
    """Fire every rule matched by a new event, once: record the key and queue delivery.

    Returns the alerts fired now; ``deliver_pending`` sends them (and earlier failures).
    """
    rules = list_rules(store)
    if not rules:
        return []
    sql = sql_for(store)
    fired: list[Alert] = []
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for event in new_events(before, after):
        for rule in rules:
            if not matches(rule, event):
                continue
            alert = _alert(rule, event)
            # The insert is the "fire once" test: a key already there inserts nothing.
            if sql.run(
                "INSERT INTO fired_alerts (rule_id, alert_key, fired_at) VALUES (?, ?, ?) "
                "ON CONFLICT (rule_id, alert_key) DO NOTHING",
                (rule.id, alert.key, now),
            ):
                sql.run(
                    "INSERT INTO alert_outbox (rule_id, alert_key, payload_json) "
                    "VALUES (?, ?, ?) ON CONFLICT (rule_id, alert_key) DO NOTHING",
                    (rule.id, alert.key, alert.model_dump_json()),
                )
                fired.append(alert)
    return fired


def _alert(rule: AlertRule, event: Event) -> Alert:
    return Alert(
        key=alert_key(rule, event),
        rule_id=rule.id,
        event=event.event,
        story_id=event.story_id,
        group_id=event.group_id,
        article_id=event.article_id,
        span=event.span,
        summary=event.summary,
    )
