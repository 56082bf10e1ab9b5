"""Watching sources: ingest what is new, re-link, fire alerts, deliver them.

What is incremental: files whose path, mtime and size (and sidecar's) are unchanged
are not even opened; a URL whose body hash is unchanged is not parsed; texts already
stored are not analysed again (content hash); and when a run stores nothing new (no
new text and no new appearance) it does not re-link at all; when something new
arrives, every article is grouped again (a new article can merge or split stories) but
only the stories whose articles changed are linked again (``relink``), and only they
are compared for alerts. Queued alert deliveries are retried at every run, even one
with nothing new.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from claimgraph.alerts import Alert, Delivery, deliver_pending, fire_alerts
from claimgraph.batch.local import IngestSummary, ingest_articles
from claimgraph.link import relink
from claimgraph.link.relinking import relink_pending
from claimgraph.store.base import Store
from claimgraph.watch.sources import (
    Changed,
    changed_files,
    fetch_url,
    is_url,
    read_changed,
    remember,
    seen,
)

__all__ = ["WatchResult", "watch_once"]


@dataclass
class WatchResult:
    """What one watch run did."""

    unchanged: int = 0  # files skipped unread by the seen record
    changed: int = 0  # files and URLs read
    ingest: IngestSummary = field(default_factory=IngestSummary)
    relinked: bool = False
    stories: int = 0
    alerts: list[Alert] = field(default_factory=list)
    delivery: Delivery = field(default_factory=Delivery)
    failures: list[tuple[str, str]] = field(default_factory=list)  # unreadable, unreachable
    warnings: list[tuple[str, str]] = field(default_factory=list)  # invalid dates, URLs dropped

    def as_dict(self) -> dict[str, object]:
        return {
            "unchanged": self.unchanged,
            "changed": self.changed,
            "new": self.ingest.new,
            "new_appearances": self.ingest.new_appearances,
            "relinked": self.relinked,
            "stories": self.stories,
            "alerts": len(self.alerts),
            "delivered": self.delivery.delivered,
            "delivery_failures": [{"alert": k, "reason": r} for k, r in self.delivery.failed],
            "dropped": [{"alert": k, "reason": r} for k, r in self.delivery.dropped],
            "failures": [{"source": s, "reason": r} for s, r in self.failures],
            "warnings": [{"source": s, "message": m} for s, m in self.warnings],
        }


def watch_once(
    sources: Sequence[str],
    store: Store,
    *,
    load_nlp: Callable[[], Language] | None = None,
    emit: Callable[[str], None] = print,
) -> WatchResult:
    """One pass over ``sources`` (directories, files, feed files, http(s) URLs).

    URLs are fetched only because the caller named them. ``load_nlp`` is called only
    when something changed (loading spaCy costs seconds); ``emit`` prints stdout alerts.
    """
    result = WatchResult()
    changed = _collect(sources, store, result)
    result.changed = len(changed)
    if changed:
        pipeline = load_nlp() if load_nlp is not None else None
        result.ingest = ingest_articles(read_changed(changed), store, nlp=pipeline)
        result.failures += result.ingest.failures
        result.warnings += result.ingest.warnings
        remember(store, changed)
    if result.ingest.new or result.ingest.new_appearances or relink_pending(store):
        # Only the stories this run changed are compared: the others' reports, and so
        # their events, are the same before and after.
        relinked = relink(store, keep_replaced=True)
        after = store.story_reports_for(relinked.rebuilt)
        result.relinked, result.stories = True, relinked.stories
        result.alerts = fire_alerts(store, relinked.replaced_reports, after)
    result.delivery = deliver_pending(store, emit)
    return result


def _collect(sources: Sequence[str], store: Store, result: WatchResult) -> list[Changed]:
    known = seen(store)
    changed: list[Changed] = []
    for source in sources:
        if is_url(source):
            try:
                fetched = fetch_url(source, known)
            except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts
                result.failures.append((source, str(exc)))
                continue
            if fetched is None:
                result.unchanged += 1
            else:
                changed.append(fetched)
        else:
            found, unchanged = changed_files(source, known, result.failures)
            changed += found
            result.unchanged += unchanged
    return changed
