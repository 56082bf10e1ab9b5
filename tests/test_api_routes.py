"""The JSON API in process: resources, paging, the one error shape, OpenAPI, ingest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import WEB_LEDGER, WEB_XSS, assert_error_shape, make_web_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_api_stories_lists_with_totals(web_client) -> None:  # type: ignore[no-untyped-def]
    body = web_client.get("/api/stories", params={"limit": 1}).json()
    assert body["total"] == 2 and body["limit"] == 1 and body["offset"] == 0
    assert len(body["items"]) == 1
    second = web_client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] != body["items"][0]["id"]


def test_api_stories_newest_and_most_contested_first(web_client) -> None:  # type: ignore[no-untyped-def]
    newest = web_client.get("/api/stories").json()["items"]
    assert [s["id"] for s in newest] == ["s2", "s1"]  # s2 is 2026-03-12, s1 ends 03-11
    contested = web_client.get("/api/stories", params={"sort": "contested"}).json()["items"]
    assert contested[0]["id"] == "s1"  # one discrepancy and one denial beat one discrepancy


def test_api_stories_filter_by_text_entity_outlet_dates(web_client) -> None:  # type: ignore[no-untyped-def]
    def ids(**params: str) -> list[str]:
        return [s["id"] for s in web_client.get("/api/stories", params=params).json()["items"]]

    assert ids(q="saltmarsh") == ["s1"]
    assert ids(entity="governor") == ["s1"]
    assert ids(outlet="valley wire") == ["s1"]
    assert ids(since="2026-03-12") == ["s2"]
    assert ids(until="2026-03-10") == ["s1"]
    assert ids(q="no such words") == []


def test_api_story_is_the_full_report(web_client) -> None:  # type: ignore[no-untyped-def]
    body = web_client.get("/api/stories/s1").json()
    assert body["story"]["id"] == "s1"
    assert [g["id"] for g in body["figure_groups"]] == ["g1", "g2"]


def test_api_figure_groups_and_discrepancies(web_client) -> None:  # type: ignore[no-untyped-def]
    groups = web_client.get("/api/figure-groups", params={"story_id": "s1"}).json()
    assert groups["total"] == 2
    first = groups["items"][0]
    assert first["group"]["label"] == "missing person" and first["independent_sources"] == 2
    found = web_client.get("/api/discrepancies", params={"kind": "contested"}).json()
    assert [d["story_id"] for d in found["items"]] == ["s2"]


def test_api_article_has_text_and_analysis(web_client) -> None:  # type: ignore[no-untyped-def]
    body = web_client.get(f"/api/articles/{WEB_LEDGER}").json()
    assert body["article"]["text"].startswith("Ferry capsizes")
    assert len(body["analysis"]["quantities"]) == 2
    assert body["story_ids"] == ["s1"]
    listed = web_client.get("/api/articles", params={"limit": 2}).json()
    assert listed["total"] == 3 and len(listed["items"]) == 2


def test_api_entity_said_and_said_about(web_client) -> None:  # type: ignore[no-untyped-def]
    operator = web_client.get("/api/entities/the operator").json()
    assert [s["attribution"]["id"] for s in operator["said"]] == ["t1"]
    governor = web_client.get("/api/entities/the governor").json()
    assert governor["figures"][0]["member"]["quantity"]["value"] == "100"
    about = web_client.get("/api/entities/Saltmarsh").status_code
    assert about == 404  # only sources are entities; mentions come through said_about
    listed = web_client.get("/api/entities", params={"q": "coast"}).json()
    assert [e["name"] for e in listed["items"]] == ["the coast guard"]


def test_api_search_finds_stories_and_entities(web_client) -> None:  # type: ignore[no-untyped-def]
    body = web_client.get("/api/search", params={"q": "governor"}).json()
    assert [s["id"] for s in body["stories"]["items"]] == ["s1"]
    assert any(e["name"] == "the governor" for e in body["entities"])


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/stories/nope", 404),
        (f"/api/articles/{'f' * 64}", 404),
        ("/api/entities/nobody", 404),
        ("/api/no-such-route", 404),
        ("/api/stories?limit=0", 422),
        ("/api/stories?since=yesterday", 422),
        ("/api/search", 422),
    ],
)
def test_api_errors_have_one_shape(web_client, path: str, status: int) -> None:  # type: ignore[no-untyped-def]
    response = web_client.get(path)
    assert response.status_code == status
    assert_error_shape(response.json(), status)


def test_api_method_not_allowed_has_the_error_shape(web_client) -> None:  # type: ignore[no-untyped-def]
    response = web_client.delete("/api/stories")
    assert_error_shape(response.json(), 405)


API_ROUTES = {
    "/api/stories",
    "/api/stories/{story_id}",
    "/api/articles",
    "/api/articles/{article_id}",
    "/api/entities",
    "/api/entities/{name}",
    "/api/figure-groups",
    "/api/discrepancies",
    "/api/search",
    "/api/ingest",
    "/api/ingest/status",
}


def test_api_openapi_is_valid_and_lists_the_routes(web_client) -> None:  # type: ignore[no-untyped-def]
    document = web_client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.") and document["info"]["title"] == "claimgraph"
    assert set(document["paths"]) == API_ROUTES
    for path, operations in document["paths"].items():
        url = path.format(story_id="s1", article_id=WEB_LEDGER, name="the operator")
        for method, operation in operations.items():
            assert "200" in operation["responses"], path
            # Every documented operation is routed: no unknown-route 404, no 405.
            response = web_client.request(method, url, params={"q": "x"})
            assert response.status_code not in (404, 405), (method, url, response.text)


def test_api_is_read_only_by_default(web_client) -> None:  # type: ignore[no-untyped-def]
    response = web_client.post("/api/ingest", data={"text": "Some text."})
    assert response.status_code == 403
    assert_error_shape(response.json(), 403)


def test_api_responses_carry_the_csp(web_client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/stories", "/stories", "/api/nope"):
        csp = web_client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


@dataclass
class FakeSummary:
    """What ``ingest_paths`` returns, without importing the (spaCy-loading) batch module."""

    read: int = 1
    new: int = 1
    new_appearances: int = 0
    duplicates: int = 0
    stories: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "read": 1, "new": self.new, "new_appearances": 0, "duplicates": 0, "failed": 0,
            "failures": [], "seconds": 0.0, "stories": self.stories,
            "warnings": [{"path": p, "message": m} for p, m in self.warnings],
        }  # fmt: skip


def fake_library(calls: list[list[str]]):  # type: ignore[no-untyped-def]
    """A stand-in for ``ingest_and_link``: the analysis is being rewritten."""

    def ingest_and_link(paths, store, **_: object) -> FakeSummary:  # type: ignore[no-untyped-def]
        calls.append(sorted(p.name for p in Path(paths[0]).iterdir()))
        return FakeSummary()

    return lambda: ingest_and_link


@pytest.fixture()
def ingest_client(fresh_web_db, monkeypatch):  # type: ignore[no-untyped-def]
    import claimgraph.web.ingest_service as service

    calls: list[list[str]] = []
    monkeypatch.setattr(service, "library", fake_library(calls))
    client = make_web_client(fresh_web_db, allow_ingest=True, max_upload_bytes=1000)
    return client, calls


def test_api_ingest_calls_the_library_with_the_uploads(ingest_client) -> None:  # type: ignore[no-untyped-def]
    client, calls = ingest_client
    files = [("files", ("../../etc/a b.txt", b"A story.", "text/plain"))]
    response = client.post("/api/ingest", files=files, data={"text": "Pasted."})
    assert response.status_code == 200, response.text
    assert response.json()["new"] == 1
    assert calls == [["a_b.txt", "pasted.txt"]]


def test_api_ingest_answers_metadata_warnings_by_file_name(fresh_web_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimgraph.web.ingest_service as service

    def ingest_and_link(paths, store, **_: object) -> FakeSummary:  # type: ignore[no-untyped-def]
        bad = (f"{paths[0]}/a.jsonl:1", "published 'Monday' dropped: not a date")
        return FakeSummary(warnings=[bad])

    monkeypatch.setattr(service, "library", lambda: ingest_and_link)
    client = make_web_client(fresh_web_db, allow_ingest=True, max_upload_bytes=1000)
    files = [("files", ("a.jsonl", b'{"text": "A story."}', "application/json"))]
    response = client.post("/api/ingest", files=files)
    assert response.status_code == 200, response.text
    assert response.json()["warnings"] == [
        {"path": "a.jsonl:1", "message": "published 'Monday' dropped: not a date"}
    ]
    assert response.json()["failed"] == 0


def test_api_ingest_refuses_wrong_type_and_size(ingest_client) -> None:  # type: ignore[no-untyped-def]
    client, calls = ingest_client
    exe = client.post("/api/ingest", files=[("files", ("x.exe", b"MZ", "application/x"))])
    assert exe.status_code == 415 and "unsupported file type" in exe.json()["error"]["message"]
    big = client.post("/api/ingest", files=[("files", ("x.txt", b"x" * 2000, "text/plain"))])
    assert big.status_code == 413 and "limit" in big.json()["error"]["message"]
    assert_error_shape(big.json(), 413)
    assert calls == []


def test_api_ingest_needs_the_token_off_loopback(fresh_web_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimgraph.web.ingest_service as service

    monkeypatch.setattr(service, "library", fake_library([]))
    client = make_web_client(fresh_web_db, allow_ingest=True, host="0.0.0.0", token="s3cret")
    refused = client.post("/api/ingest", data={"text": "x"})
    assert refused.status_code == 401
    wrong = client.post("/api/ingest", data={"text": "x"}, headers={"authorization": "Bearer no"})
    assert wrong.status_code == 401
    ok = client.post("/api/ingest", data={"text": "x"}, headers={"authorization": "Bearer s3cret"})
    assert ok.status_code == 200


def test_api_ingest_refuses_cross_site_posts(ingest_client) -> None:  # type: ignore[no-untyped-def]
    client, _ = ingest_client
    response = client.post(
        "/api/ingest", data={"text": "x"}, headers={"origin": "https://evil.example"}
    )
    assert response.status_code == 403


def test_api_serving_off_loopback_without_token_is_refused(web_db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="needs a token"):
        make_web_client(web_db, allow_ingest=True, host="0.0.0.0")


def test_api_unexpected_errors_leak_no_trace(web_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.web.catalog import Catalog

    def boom(self, story_id):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(Catalog, "report", boom)
    response = make_web_client(web_db).get("/api/stories/s1")
    assert response.status_code == 500
    assert_error_shape(response.json(), 500)
    assert "secret" not in response.text and WEB_XSS not in response.text
