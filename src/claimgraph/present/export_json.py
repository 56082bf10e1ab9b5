"""JSON and JSON Lines exports of story reports.

``json`` is the report document itself (``render_json``), so an export and a report
never drift apart; ``jsonl`` is one story per line, for tools that stream records.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from claimgraph.model import StoryReport
from claimgraph.present.report_json import render_json


def export_json(reports: Sequence[StoryReport]) -> str:
    """Every story in one JSON document (the stable report format)."""
    return render_json(reports)


def export_jsonl(reports: Sequence[StoryReport]) -> str:
    """One story report per line, keys sorted so equal stories give equal bytes."""
    lines = [
        json.dumps(report.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        for report in reports
    ]
    return "".join(line + "\n" for line in lines)
