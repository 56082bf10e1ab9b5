"""Property-based: no request, however odd, makes the API answer 500 or break the shape."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_error_shape

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
LIST_ROUTES = ["/api/stories", "/api/articles", "/api/entities", "/api/figure-groups",
               "/api/discrepancies", "/api/search"]  # fmt: skip
ITEM_ROUTES = ["/api/stories/", "/api/articles/", "/api/entities/", "/stories/", "/articles/"]
PARAMS = ["q", "entity", "outlet", "since", "until", "sort", "limit", "offset", "kind", "story_id"]
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


def check(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code < 500, response.text
    if response.status_code >= 400 and response.headers["content-type"].startswith(
        "application/json"
    ):
        assert_error_shape(response.json(), response.status_code)


@SETTINGS
@given(route=st.sampled_from(LIST_ROUTES), params=st.dictionaries(st.sampled_from(PARAMS), texts))
def test_api_list_routes_never_fail(web_client, route: str, params: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    check(web_client.get(route, params=params))


@SETTINGS
@given(route=st.sampled_from(ITEM_ROUTES), key=texts)
def test_api_item_routes_never_fail(web_client, route: str, key: str) -> None:  # type: ignore[no-untyped-def]
    check(web_client.get(route + quote(key, safe="")))


@SETTINGS
@given(path=st.lists(texts, min_size=1, max_size=4), method=st.sampled_from(["GET", "POST", "PUT"]))
def test_api_any_path_gets_the_error_shape(web_client, path: list[str], method: str) -> None:  # type: ignore[no-untyped-def]
    url = "/api/" + "/".join(quote(part, safe="") for part in path)
    response = web_client.request(method, url)
    check(response)
