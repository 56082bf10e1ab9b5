"""Delivering queued alerts: JSON lines to stdout or a file, or a POST to a webhook.

Alerts wait in the store's outbox until delivered. A failed delivery (a webhook that is
down, a file that cannot be written) stays queued, is retried at the next run and is
reported; it never raises, so a watch keeps going.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.alerts.detect import Alert
from claimgraph.alerts.rules import AlertRule, SinkKind, list_rules
from claimgraph.alerts.sql import sql_for
from claimgraph.store.base import Store

# One small JSON POST: a receiver that has not answered in 10 s is taken as down for
# this run, so a hung webhook delays a watch cycle by at most this per alert.
WEBHOOK_TIMEOUT_S = 10
# Retries happen once per watch run; after this many (about 8 hours at --every 5m) an
# alert is dropped and reported, so a dead webhook does not grow the outbox forever.
MAX_ATTEMPTS = 100

Emit = Callable[[str], None]


@dataclass
class Delivery:
    """What one delivery pass did; ``failed`` and ``dropped`` hold (alert key, reason)."""

    delivered: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)


def alert_line(alert: Alert) -> str:
    return json.dumps(alert.model_dump(mode="json"), sort_keys=True)


def send(rule: AlertRule, alert: Alert, emit: Emit) -> None:
    """Deliver one alert through the rule's sink; raises ``OSError`` on failure."""
    line = alert_line(alert)
    if rule.sink is SinkKind.STDOUT:
        emit(line)
    elif rule.sink is SinkKind.FILE:
        with Path(rule.target or "alerts.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
    else:
        post_json(rule.target or "", line)


def post_json(url: str, body: str) -> None:
    request = urllib.request.Request(
        url,
        data=body.encode(),
        headers={"Content-Type": "application/json", "User-Agent": "claimgraph-alerts"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_S) as response:
        if not 200 <= response.status < 300:
            raise OSError(f"webhook answered HTTP {response.status}")


def deliver_pending(store: Store, emit: Emit = print) -> Delivery:
    """Send every queued alert, oldest first; keep the failures queued for the next run."""
    sql = sql_for(store)
    rules = {rule.id: rule for rule in list_rules(store)}
    result = Delivery()
    rows = sql.rows("SELECT seq, rule_id, payload_json, attempts FROM alert_outbox ORDER BY seq")
    for seq, rule_id, payload, attempts in rows:
        alert = Alert.model_validate_json(payload)
        rule = rules.get(rule_id)
        if rule is None:  # removed since it fired
            sql.run("DELETE FROM alert_outbox WHERE seq = ?", (seq,))
            continue
        try:
            send(rule, alert, emit)
        except (OSError, ValueError) as exc:  # URLError and HTTPError are OSErrors
            reason = f"{rule.sink} {rule.target or ''}: {exc}".strip()
            _record_failure(store, int(seq), int(attempts) + 1, reason, alert, result)
            continue
        sql.run("DELETE FROM alert_outbox WHERE seq = ?", (seq,))
        result.delivered += 1
    return result


def _record_failure(
    store: Store, seq: int, attempts: int, reason: str, alert: Alert, result: Delivery
) -> None:
    sql = sql_for(store)
    if attempts >= MAX_ATTEMPTS:
        sql.run("DELETE FROM alert_outbox WHERE seq = ?", (seq,))
        result.dropped.append((alert.key, f"{reason} (gave up after {attempts} attempts)"))
        return
    sql.run(
        "UPDATE alert_outbox SET attempts = ?, last_error = ? WHERE seq = ?",
        (attempts, reason, seq),
    )
    result.failed.append((alert.key, reason))
