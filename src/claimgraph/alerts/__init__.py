"""Alerts: rules kept in the store, detection between re-links, delivery to sinks."""

from claimgraph.alerts.detect import Alert, fire_alerts, new_events
from claimgraph.alerts.rules import (
    AlertRule,
    SinkKind,
    add_rule,
    list_rules,
    make_rule,
    remove_rule,
)
from claimgraph.alerts.sinks import Delivery, alert_line, deliver_pending

__all__ = [
    "Alert",
    "AlertRule",
    "Delivery",
    "SinkKind",
    "add_rule",
    "alert_line",
    "deliver_pending",
    "fire_alerts",
    "list_rules",
    "make_rule",
    "new_events",
    "remove_rule",
]
