"""Web hardening: DNS rebinding, checks before the body is read, no paths in errors,
no traversal, ingest off the event loop, one ingest at a time."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph.web.app import create_app
from claimgraph.web.config import WebConfig
from conftest import assert_error_shape, make_web_client, serve_app


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "192.168.1.5", "[::2]"])
def test_web_security_loopback_server_refuses_foreign_host(web_db, host: str) -> None:  # type: ignore[no-untyped-def]
    client = make_web_client(web_db, allow_ingest=True)
    page = client.get("/", headers={"host": host})
    assert page.status_code == 400
    assert_error_shape(page.json(), 400)
    post = client.post(
        "/api/ingest",
        data={"text": "x"},
        headers={"host": host, "origin": f"http://{host}"},
    )
    assert post.status_code == 400


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "[::1]:9000", "127.0.0.2"])
def test_web_security_loopback_names_are_served(web_db, host: str) -> None:  # type: ignore[no-untyped-def]
    assert make_web_client(web_db).get("/", headers={"host": host}).status_code == 200


def test_web_security_public_server_serves_any_host(web_db) -> None:  # type: ignore[no-untyped-def]
    client = make_web_client(web_db, host="0.0.0.0")
    assert client.get("/", headers={"host": "claims.example.org"}).status_code == 200


def run_asgi(app: Any, scope: dict[str, Any], chunks: Iterator[bytes]) -> tuple[int, int]:
    """Send one request in ``chunks``; (status, bytes the app asked the client for)."""
    read = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal read
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        read += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    asyncio.run(app(scope, receive, send))
    return status, read


def ingest_scope(headers: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "http",
        "method": "POST",
        "path": "/api/ingest",
        "raw_path": b"/api/ingest",
        "query_string": b"",
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 5000),
    }


def endless(size: int = 1 << 20) -> Iterator[bytes]:
    chunk = b"x" * size
    while True:
        yield chunk


def test_web_security_token_is_checked_before_the_body(fresh_web_db) -> None:  # type: ignore[no-untyped-def]
    config = WebConfig(db=str(fresh_web_db), host="0.0.0.0", token="s3cret", allow_ingest=True)
    app = create_app(config)
    headers = {"host": "h", "content-type": "application/octet-stream"}
    for given in (headers, {**headers, "authorization": "Bearer wrong"}):
        status, read = run_asgi(app, ingest_scope(given), endless())
        assert (status, read) == (401, 0)


def test_web_security_endless_chunked_upload_stops_at_the_limit(fresh_web_db) -> None:  # type: ignore[no-untyped-def]
    app = create_app(WebConfig(db=str(fresh_web_db), allow_ingest=True, max_upload_bytes=1000))
    headers = {"host": "127.0.0.1", "content-type": "multipart/form-data; boundary=x"}
    status, read = run_asgi(app, ingest_scope(headers), endless(64 * 1024))
    assert status == 413
    assert read < 2 * 1024 * 1024  # stopped near the limit, not after a gigabyte


def test_web_security_declared_oversize_is_refused_unread(fresh_web_db) -> None:  # type: ignore[no-untyped-def]
    app = create_app(WebConfig(db=str(fresh_web_db), allow_ingest=True))
    headers = {"host": "127.0.0.1", "content-length": str(1 << 30), "content-type": "text/plain"}
    assert run_asgi(app, ingest_scope(headers), endless()) == (413, 0)


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/articles/..%2f..%2fetc%2fpasswd",
        "/articles/nosuch",
        "/stories/..%2f..",
        "/api/articles/..%2fx",
        "/entities/..%2f..%2fetc",
        "/no/such/page",
    ],
)
def test_web_security_no_traversal_and_no_paths_in_errors(web_db, path: str) -> None:  # type: ignore[no-untyped-def]
    client = make_web_client(web_db)
    for accept in ("text/html", "application/json"):
        response = client.get(path, headers={"accept": accept})
        assert response.status_code in (404, 200), (path, response.status_code)
        assert "root:" not in response.text and "[project]" not in response.text
        assert str(web_db) not in response.text and str(Path(web_db).parent) not in response.text
        assert "Traceback" not in response.text


def test_web_security_crashing_ingest_answers_clean_json(fresh_web_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimgraph.web.ingest_service as service

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"failed in {fresh_web_db}")

    monkeypatch.setattr(service, "library", lambda: crash)
    client = make_web_client(fresh_web_db, allow_ingest=True)
    response = client.post("/api/ingest", data={"text": "A text."})
    assert response.status_code == 500
    assert_error_shape(response.json(), 500)
    assert str(fresh_web_db) not in response.text


def test_web_security_ingest_runs_off_the_event_loop(fresh_web_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """While one ingest works for 3 s, static files and pages answer at once, and a
    second ingest is refused (429) rather than queued."""
    import claimgraph.web.ingest_service as service

    started = threading.Event()

    def slow_ingest(paths, store, **_: object):  # type: ignore[no-untyped-def]
        from claimgraph.batch.local import IngestSummary

        started.set()
        time.sleep(3)
        return IngestSummary(read=1, new=1)

    monkeypatch.setattr(service, "library", lambda: slow_ingest)
    app = create_app(WebConfig(db=str(fresh_web_db), allow_ingest=True))

    def post() -> int:
        request = urllib.request.Request(
            f"{base}/api/ingest",
            data=b"text=A+text.",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    results: list[int] = []
    worker = threading.Thread(target=lambda: results.append(post()))
    with serve_app(app) as base:
        worker.start()
        assert started.wait(10)
        begun = time.monotonic()
        for path in ("/static/app.css", "/", "/api/stories"):
            with urllib.request.urlopen(f"{base}{path}", timeout=10) as response:
                assert response.status == 200
        assert time.monotonic() - begun < 2.0
        with urllib.request.urlopen(f"{base}/api/ingest/status", timeout=10) as response:
            status = json.loads(response.read())
        assert status["running"] is True and status["uploads"] == 1
        assert post() == 429
        worker.join(30)
        assert results == [200]
        with urllib.request.urlopen(f"{base}/api/ingest/status", timeout=10) as response:
            status = json.loads(response.read())
        assert status["running"] is False and status["last"]["new"] == 1
