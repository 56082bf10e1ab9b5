"""The Markdown report: every section, tables, and article text kept literal."""

from __future__ import annotations

import pytest

from claimgraph.model import StoryReport
from claimgraph.present import render_markdown
from claimgraph.present.report_markdown import escape


def test_present_markdown_shows_every_section(present_report: StoryReport) -> None:
    text = render_markdown([present_report])
    for heading in ("Articles", "Figures", "Discrepancies", "Denials", "Citations", "Timeline"):
        assert f"\n### {heading}\n" in text
    assert "| Value | Counts | Source | Via | Outlet | Date | Stance | Scope |" in text
    assert "| \\~60 | missing person | a port official | The Harbor Ledger | Valley Wire |" in text
    assert "\\$64.1 billion" in text
    assert "_2 independent sources: the coast guard, a port official_" in text
    assert "<https://valleywire.example/ferry>" in text


def test_present_markdown_keeps_markup_inert(present_report: StoryReport) -> None:
    text = render_markdown([present_report])
    assert "<b>" not in text and "&lt;b>live&lt;/b>" in text
    assert "](javascript:" not in text and "<javascript:" not in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a | b", "a \\| b"),
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("line\nbreak", "line break"),
    ],
)
def test_present_markdown_escape(raw: str, expected: str) -> None:
    assert escape(raw) == expected
