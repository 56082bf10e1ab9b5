"""The renderers the CLI calls, with the signatures it relies on."""

from __future__ import annotations

import inspect

import claimgraph.present as present


def test_present_api_exports() -> None:
    assert sorted(present.__all__) == [
        "REPORT_VERSION",
        "render_html",
        "render_json",
        "render_markdown",
        "render_text",
    ]


def test_present_api_html_articles_is_keyword_only() -> None:
    parameter = inspect.signature(present.render_html).parameters["articles"]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is None


def test_present_api_every_renderer_accepts_no_stories() -> None:
    for render in (present.render_text, present.render_markdown, present.render_json):
        assert render([]).endswith("\n")
    assert present.render_json([]) == '{\n  "claimgraph_report_version": 1,\n  "stories": []\n}\n'
