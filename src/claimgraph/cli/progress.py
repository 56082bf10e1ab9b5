"""A one-line progress display for batches, shown only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from claimgraph.batch.local import IngestSummary

# Redrawing more often than this only costs time on slow terminals.
REDRAW_SECONDS = 0.2


class ProgressLine:
    """Redraws ``read, new, articles/s, failed`` in place on stderr when it is a tty."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.last_draw = 0.0

    def __call__(self, summary: IngestSummary) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last_draw < REDRAW_SECONDS:
            return
        self.last_draw = now
        self.stream.write(
            f"\r{summary.read} read, {summary.new} new, "
            f"{summary.articles_per_second:.1f} articles/s, {len(summary.failures)} failed "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.last_draw:
            self.stream.write("\n")
            self.stream.flush()
