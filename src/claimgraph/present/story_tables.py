"""Every table of one story, by name, as columns and rows: what the story page offers
as CSV and JSON downloads.

``figures``, ``attributions`` and ``discrepancies`` are the typed export tables
(``export_csv``); ``denials``, ``citations`` and ``timeline`` are the rows the reports
show (``sections``), under snake_case column names.
"""

from __future__ import annotations

import csv
import io
import json

from claimgraph.errors import NotFound
from claimgraph.model import StoryReport
from claimgraph.present import sections as s
from claimgraph.present.export_csv import TABLES, Row, safe_cell

SECTION_TABLES = {
    "denials": (s.DENIAL_HEADERS, s.denial_rows),
    "citations": (s.CITATION_HEADERS, s.citation_rows),
    "timeline": (s.TIMELINE_HEADERS, s.timeline_rows),
}
STORY_TABLES = (*TABLES, *SECTION_TABLES)


def column_name(header: str) -> str:
    return "_".join(header.lower().split())


def story_table(report: StoryReport, name: str) -> tuple[Row, list[Row]]:
    if name in TABLES:
        columns, rows = TABLES[name]
        return columns, list(rows([report]))
    if name in SECTION_TABLES:
        headers, section_rows = SECTION_TABLES[name]
        return tuple(column_name(h) for h in headers), section_rows(report)
    raise NotFound(f"no table {name!r}: choose one of {', '.join(STORY_TABLES)}")


def table_csv(columns: Row, rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([tuple(safe_cell(cell) for cell in row) for row in rows])
    return buffer.getvalue()


def table_json(columns: Row, rows: list[Row]) -> str:
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    return json.dumps({"columns": list(columns), "rows": records}, ensure_ascii=False)
