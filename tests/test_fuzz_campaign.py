"""A fixed-seed sample of the fuzz campaign (``make fuzz`` runs the whole of it):
library, CLI and web, with every count at 0."""

from __future__ import annotations

from pathlib import Path

from fuzz.campaign import run_campaign


def test_fuzz_campaign_fixed_sample_finds_nothing(tmp_path: Path) -> None:
    found, sent, problems = run_campaign(
        library=60, cli=20, web=5, seed=7, workdir=tmp_path, log=False
    )
    assert sum(found.tried.values()) >= 80
    assert found.bad() == 0, "\n".join(found.examples)
    assert sent > 20 and problems == [], problems[:10]
