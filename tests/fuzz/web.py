"""The web app under fuzz: every route and every query parameter the app declares,
with values drawn by hypothesis; no answer may be a 5xx or break the error shape."""

from __future__ import annotations

import warnings
from typing import Any
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.generators import DATES, NUMBERS, UNICODE_TRICKS

ODD_VALUES = (
    "", " ", "-1", "0", "99999999999999999999999", "1e309", "NaN", "../../etc/passwd",
    "..%2f..%2f", "%00", "<script>alert(1)</script>", "' OR 1=1 --", '"; DROP TABLE x; --',
    "s1", "a" * 5000, "\\", "/", "//", "?", "#", *DATES[:6], *NUMBERS[:8], *UNICODE_TRICKS[:8],
)  # fmt: skip
values = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def web_client(db: str, **config: Any) -> Any:
    from claimgraph.web.app import create_app
    from claimgraph.web.config import WebConfig

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        app = create_app(WebConfig(db=db, **config))
        return TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)


def page_paths(store: Any) -> list[str]:
    """Every page and API item of the store: lists, each story, each article, entities."""
    paths = ["/", "/stories", "/entities", "/ingest", "/api/stories", "/api/articles"]
    paths += ["/api/entities", "/api/figure-groups", "/api/discrepancies", "/api/search?q=a"]
    for report in store.story_reports():
        paths += [f"/stories/{report.story.id}", f"/api/stories/{report.story.id}"]
        for article_id in report.story.article_ids:
            paths += [f"/articles/{article_id}", f"/api/articles/{article_id}"]
        for entity in list(getattr(report, "entities", ()))[:5]:
            name = quote(getattr(entity, "name", ""), safe="")
            if name:
                paths += [f"/entities/{name}", f"/api/entities/{name}"]
    return paths


def routes() -> list[tuple[str, str, list[str], list[str]]]:
    """(method, path template, path parameters, query parameters) of every route of
    the app's API and page routers, and the static files."""
    from fastapi.routing import APIRoute

    from claimgraph.web.api import ROUTERS as API_ROUTERS
    from claimgraph.web.pages import ROUTERS as PAGE_ROUTERS

    found = []
    for router in (*API_ROUTERS, *PAGE_ROUTERS):
        for route in router.routes:
            if not isinstance(route, APIRoute):
                continue
            path_params = [p.name for p in route.dependant.path_params]
            query_params = [p.name for p in route.dependant.query_params]
            for method in sorted(route.methods):
                found.append((method, route.path, path_params, query_params))
    found.append(("GET", "/static/{file}", ["file"], []))
    return found


def check(response: Any, where: str, problems: list[str]) -> None:
    if response.status_code >= 500:
        problems.append(f"{where}: {response.status_code}")
        return
    kind = response.headers.get("content-type", "")
    if response.status_code >= 400 and kind.startswith("application/json"):
        body = response.json()
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, dict) or set(error) != {"code", "message", "status"}:
            problems.append(f"{where}: error shape {body!r:.200}")
    if "Traceback" in response.text:
        problems.append(f"{where}: traceback in the answer")


def fuzz_routes(db: str, examples: int) -> tuple[int, list[str]]:
    """``examples`` requests per route: odd values for each path and query parameter."""
    client = web_client(db)
    problems: list[str] = []
    sent = 0
    for method, template, path_params, query_params in routes():
        if method == "GET":
            sent += fuzz_route(client, template, path_params, query_params, examples, problems)
    return sent, problems


def fuzz_route(
    client: Any,
    template: str,
    path_params: list[str],
    query_params: list[str],
    examples: int,
    problems: list[str],
) -> int:
    """``examples`` draws of odd values for one GET route's parameters."""
    sent = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        path_values=st.fixed_dictionaries({name: values for name in path_params}),
        query=st.dictionaries(st.sampled_from(query_params or ["x"]), values, max_size=4),
    )
    def one(path_values: dict[str, str], query: dict[str, str]) -> None:
        nonlocal sent
        path = template
        for name, value in path_values.items():
            path = path.replace(f"{{{name}}}", quote(value, safe=""))
            path = path.replace(f"{{{name}:path}}", quote(value, safe=""))
        for accept in ("text/html", "application/json"):
            response = client.get(path, params=query, headers={"accept": accept})
            sent += 1
            check(response, f"GET {path}?{query}", problems)

    one()
    return sent


def fuzz_ingest_posts(db: str, bodies: list[tuple[str, bytes]]) -> tuple[int, list[str]]:
    """Uploads of generated files (real ingest), odd forms and odd headers: no 5xx."""
    client = web_client(db, allow_ingest=True)
    problems: list[str] = []
    sent = 0
    for number, (name, data) in enumerate(bodies):
        route = ("/api/ingest", "/ingest")[number % 2]  # the API and the ingest page
        response = client.post(route, files=[("files", (name, data, "text/plain"))])
        sent += 1
        check(response, f"POST {route} {name}", problems)
        if response.status_code not in (200, 400, 413, 415, 422):
            problems.append(f"POST {route} {name}: unexpected {response.status_code}")
    odd = [
        {"data": {"text": "x", "published": "not a date"}},
        {"data": {"text": "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace")}},
        {"data": {"text": ""}},
        {"content": b"--x\r\n\r\n", "headers": {"content-type": "multipart/form-data; boundary=x"}},
        {"content": b"\xff" * 100, "headers": {"content-type": "multipart/form-data"}},
        {"content": b"a=b", "headers": {"content-type": "application/json"}},
        {"data": {"text": "x"}, "headers": {"origin": "null"}},
        {"data": {"text": "x"}, "headers": {"host": "evil.example"}},
    ]
    for request in odd:
        response = client.post("/api/ingest", **request)  # type: ignore[arg-type]
        sent += 1
        check(response, f"POST /api/ingest {request!r:.80}", problems)
    return sent, problems
