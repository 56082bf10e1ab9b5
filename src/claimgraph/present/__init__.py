"""Report renderers: one story report in the terminal, Markdown, HTML or JSON."""

from __future__ import annotations

from claimgraph.present.report_html import render_html
from claimgraph.present.report_json import REPORT_VERSION, render_json
from claimgraph.present.report_markdown import render_markdown
from claimgraph.present.report_text import render_text

__all__ = ["REPORT_VERSION", "render_html", "render_json", "render_markdown", "render_text"]
