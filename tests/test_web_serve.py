"""``claimgraph serve``: registered, and refuses to expose ingest without a token."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli.main import cli


def test_web_serve_is_a_command() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "--allow-ingest"):
        assert option in result.output


def test_web_serve_refuses_open_ingest_off_loopback(tmp_path: Path) -> None:
    args = ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--allow-ingest"]
    result = CliRunner().invoke(cli, args, env={"CLAIMGRAPH_TOKEN": ""})
    assert result.exit_code == 2 and "needs a token" in result.output


def test_web_serve_reports_an_unusable_store(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    result = CliRunner().invoke(cli, ["serve", "--db", str(bad)])
    assert result.exit_code == 5 and "cannot open" in result.output
