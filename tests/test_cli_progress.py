"""The progress line: drawn on a terminal, silent when output is piped."""

from __future__ import annotations

import io

from claimgraph.batch.local import IngestSummary
from claimgraph.cli.progress import ProgressLine


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_progress_draws_counts_on_a_terminal() -> None:
    stream = FakeTerminal()
    progress = ProgressLine(stream)
    summary = IngestSummary(read=3, new=2, seconds=1.0, failures=[("bad.txt", "empty")])
    progress(summary)
    progress.close()
    out = stream.getvalue()
    assert "3 read, 2 new, 2.0 articles/s, 1 failed" in out
    assert out.endswith("\n")


def test_cli_progress_is_silent_when_piped() -> None:
    stream = io.StringIO()
    progress = ProgressLine(stream)
    progress(IngestSummary(read=1, new=1, seconds=1.0))
    progress.close()
    assert stream.getvalue() == ""
