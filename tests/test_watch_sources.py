"""``watch_once`` end to end on the real pipeline: new files, unchanged files, URLs,
and the alert that a changed figure sends to a local webhook, once."""

from __future__ import annotations

import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.alerts import add_rule, make_rule
from claimgraph.cli.main import cli
from claimgraph.errors import BadMetadata
from claimgraph.store import open_store
from claimgraph.watch import watch_once
from claimgraph.watch.loop import parse_interval, watch_forever

LEDGER = (
    "Ferry capsizes in the Farrow Strait, at least 40 missing\n"
    "At least 40 people are missing after the passenger ferry Osprey Bay capsized in heavy "
    "seas in the Farrow Strait on Tuesday, the coast guard said.\n"
    "The ferry, operated by Strandline Ferries, left Port Alder shortly after 2 p.m. for the "
    "island of Kessa.\n"
)
TIMES = (
    "Search goes on for ferry passengers in the Farrow Strait\n"
    "The coast guard said at least 40 people were missing after the ferry Osprey Bay capsized "
    "in the Farrow Strait on Tuesday.\n"
    "Rescue boats from Port Alder and Kessa searched through the night, the coast guard said.\n"
)
DISPATCH = (
    "Coast guard raises ferry toll in the Farrow Strait\n"
    "At least 60 people are missing after the ferry Osprey Bay capsized in the Farrow Strait "
    "on Tuesday, the coast guard said on Wednesday.\n"
    "The ferry, operated by Strandline Ferries, had left Port Alder for Kessa.\n"
)


def write_article(folder: Path, name: str, text: str, outlet: str, published: str) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text)
    meta = {"outlet": outlet, "url": f"https://{name}.example/ferry", "published": published}
    (folder / f"{name}.meta.json").write_text(json.dumps(meta))
    return path


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_article(folder, "ledger", LEDGER, "The Harbor Ledger", "2026-03-10T21:40:00+01:00")
    write_article(folder, "times", TIMES, "Coastal Times", "2026-03-11T08:00:00+01:00")
    return folder


def test_watch_a_changed_figure_sends_exactly_one_alert_to_a_webhook(
    inbox: Path,
    tmp_path: Path,
    nlp,
    webhook,  # type: ignore[no-untyped-def]
) -> None:
    store = open_store(tmp_path / "cg.db")
    first = watch_once([str(inbox)], store, load_nlp=lambda: nlp)
    assert (first.ingest.new, first.relinked, first.alerts) == (2, True, [])
    story = store.story_reports()[0]
    group = next(g for g in story.figure_groups if g.label == "missing")
    add_rule(store, make_rule(story_id=story.story.id, figure_group=group.id, webhook=webhook.url))

    write_article(inbox, "dispatch", DISPATCH, "Northern Dispatch", "2026-03-11T18:00:00+01:00")
    second = watch_once([str(inbox)], store, load_nlp=lambda: nlp)
    assert (second.changed, second.unchanged, second.ingest.new) == (1, 2, 1)
    assert second.delivery.delivered == 1 and len(webhook.bodies) == 1
    alert = webhook.bodies[0]
    dispatch_id = next(a for a, _ in store.iter_articles() if a.text.startswith("Coast guard"))
    assert alert["article_id"] == dispatch_id.id
    assert alert["story_id"] == story.story.id and alert["group_id"] == group.id
    assert alert["span"]["text"] == "At least 60"
    assert DISPATCH[alert["span"]["start"] : alert["span"]["end"]] == "At least 60"

    third = watch_once([str(inbox)], store, load_nlp=lambda: nlp)
    assert (third.changed, third.relinked, third.alerts) == (0, False, [])
    assert len(webhook.bodies) == 1


def test_watch_unchanged_files_are_not_read_again(
    inbox: Path,
    store_location: str,
    nlp,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = open_store(store_location)  # the seen record, on both backends
    watch_once([str(inbox)], store, load_nlp=lambda: nlp)

    def no_reading(*args: object, **kwargs: object) -> Iterator[object]:
        raise AssertionError("an unchanged file was read")

    monkeypatch.setattr("claimgraph.watch.sources.read_paths", no_reading)
    again = watch_once([str(inbox)], store, load_nlp=lambda: pytest.fail("spaCy loaded"))
    assert (again.changed, again.unchanged, again.relinked) == (0, 2, False)


def test_watch_a_touched_but_identical_file_is_read_but_not_relinked(
    inbox: Path,
    tmp_path: Path,
    nlp,  # type: ignore[no-untyped-def]
) -> None:
    store = open_store(tmp_path / "cg.db")
    watch_once([str(inbox)], store, load_nlp=lambda: nlp)
    path = inbox / "ledger.txt"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    again = watch_once([str(inbox)], store, load_nlp=lambda: nlp)
    assert (again.changed, again.ingest.duplicates, again.relinked) == (1, 1, False)


class _Page(http.server.BaseHTTPRequestHandler):
    body = TIMES.encode()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def page_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/ferry.txt"
    server.shutdown()
    server.server_close()


def test_watch_fetches_a_given_url_from_a_local_server_once(
    page_url: str,
    tmp_path: Path,
    nlp,  # type: ignore[no-untyped-def]
) -> None:
    store = open_store(tmp_path / "cg.db")
    first = watch_once([page_url], store, load_nlp=lambda: nlp)
    assert (first.ingest.new, first.relinked) == (1, True)
    article = next(a for a, _ in store.iter_articles())
    assert article.metadata.url == page_url
    again = watch_once([page_url], store, load_nlp=lambda: nlp)
    assert (again.changed, again.unchanged, again.relinked) == (0, 1, False)


def test_watch_an_unreachable_url_is_reported_not_raised(tmp_path: Path) -> None:
    store = open_store(tmp_path / "cg.db")
    result = watch_once(["http://127.0.0.1:1/feed.xml"], store)  # nothing listens on port 1
    assert [source for source, _ in result.failures] == ["http://127.0.0.1:1/feed.xml"]


def test_watch_intervals_parse_and_the_loop_sleeps_between_runs(tmp_path: Path) -> None:
    assert [parse_interval(t) for t in ("30s", "5m", "1h", "90", "1.5m")] == [30, 300, 3600, 90, 90]
    with pytest.raises(BadMetadata, match="5m"):
        parse_interval("soon")
    sleeps: list[float] = []
    store = open_store(tmp_path / "cg.db")
    empty = tmp_path / "empty"
    empty.mkdir()
    watch_forever([str(empty)], store, 300, sleep=sleeps.append, runs=3)
    assert len(sleeps) == 2 and all(0 < s <= 300 for s in sleeps)


def test_watch_cli_once_reports_a_pass(inbox: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cg.db")
    runner = CliRunner()
    # Nothing to read after the seen record is filled, so spaCy is not loaded here.
    first = runner.invoke(cli, ["watch", str(tmp_path / "none"), "--once", "--db", db])
    assert first.exit_code == 0
    assert "not re-linked" in first.output and "1 sources failed" in first.output
    bad = runner.invoke(cli, ["watch", str(inbox), "--every", "soon", "--db", db])
    assert bad.exit_code == 2
