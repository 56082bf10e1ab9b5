"""The JSON report: the stable machine format, every span included.

Deterministic by construction: keys sorted, stories and their records in the order
given, no clock time or host detail, so the same reports give byte-identical output.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimgraph.model import StoryReport

REPORT_VERSION: Literal[1] = 1


class ReportDocument(BaseModel):
    """The top-level JSON object; its schema is ``schemas/report.schema.json``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    claimgraph_report_version: Literal[1] = REPORT_VERSION
    stories: tuple[StoryReport, ...] = ()


def render_json(reports: Sequence[StoryReport]) -> str:
    document = ReportDocument(stories=tuple(reports))
    payload = document.model_dump(mode="json")
    # ensure_ascii=False keeps quotes readable; sort_keys fixes the byte order.
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def read_json(text: str) -> ReportDocument:
    """The inverse of ``render_json``: validate a JSON report back into records."""
    return ReportDocument.model_validate_json(text)
