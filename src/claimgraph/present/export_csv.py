"""CSV tables a spreadsheet opens: figures, attributions, discrepancies.

Columns are clean and typed (``COLUMN_TYPES``): numbers as plain decimals, dates as ISO
days (``date`` keeps the resolved value as stored, "2024-SU"; ``date_start`` and
``date_end`` are the days it covers), a bound as a word (``ge`` for "at least"), and
each figure's article title and URL; ``Story.to_pandas()`` reads them back typed.

Files are written as UTF-8 with a byte-order mark, which is what makes Excel read
accented names correctly. Article text is untrusted, so a cell that a spreadsheet would
run as a formula (``=HYPERLINK(...)``) is prefixed with an apostrophe; numbers are left
alone so that "-5" stays a number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from claimgraph.model import (
    ArticleSummary,
    Attribution,
    Factuality,
    FigureGroup,
    FigureMember,
    StoryReport,
    parse_decimal,
)
from claimgraph.present.date_words import date_range, date_words
from claimgraph.present.figures import quantity_words
from claimgraph.present.sections import ordered_members

Row = tuple[str, ...]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A figure's bound ("=", ">=", "<~"): comparison marks alone name no function and no
# cell, so no spreadsheet can run them; they stay as data.
BOUND_SYMBOLS = re.compile(r"[=<>~]{1,2}")

FIGURE_COLUMNS: Row = (
    "story_id", "group_id", "group_label", "unit", "article_id", "article_title",
    "article_url", "outlet", "date", "date_start", "date_end", "date_words",
    "source", "conduits", "value", "low", "high", "bound", "value_words", "counted",
    "stance", "certainty", "polarity", "scope", "span_start", "span_end", "span_text",
)  # fmt: skip
ATTRIBUTION_COLUMNS: Row = (
    "story_id", "article_id", "attribution_id", "source", "source_entity", "cue", "content",
    "kind", "stance", "certainty", "polarity", "conduits", "date", "confidence",
)  # fmt: skip
DISCREPANCY_COLUMNS: Row = (
    "story_id", "discrepancy_id", "kind", "reason", "group_id", "group_label", "evidence",
)  # fmt: skip
# What each non-text column holds, for readers that type them (``Story.to_pandas``).
COLUMN_TYPES: dict[str, str] = {
    "value": "number", "low": "number", "high": "number", "confidence": "number",
    "span_start": "integer", "span_end": "integer",
    "date_start": "date", "date_end": "date",
}  # fmt: skip


def safe_cell(value: object) -> str:
    """The cell's text, neutralised if a spreadsheet would evaluate it."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and parse_decimal(text) is None:
        if BOUND_SYMBOLS.fullmatch(text):
            return text
        return "'" + text
    return text


def factuality_cells(factuality: Factuality | None) -> Row:
    if factuality is None:
        return ("", "", "")
    return (factuality.stance.value, factuality.certainty.value, factuality.polarity.value)


def article_cells(summary: ArticleSummary | None) -> Row:
    """Title and the first web address the article appeared at."""
    if summary is None:
        return ("", "")
    urls = [m.url for m in summary.appearances if m.url]
    return (summary.title or "", urls[0] if urls else "")


def date_cells(value: str | None) -> Row:
    days = date_range(value)
    start, end = (days[0].isoformat(), days[1].isoformat()) if days else ("", "")
    return (value or "", start, end, date_words(value))


def figure_row(
    report: StoryReport, group: FigureGroup, member: FigureMember, summary: ArticleSummary | None
) -> Row:
    q = member.quantity
    counted = q.counted.text if q.counted else (q.counted_head or "")
    return (
        report.story.id, group.id, group.label, group.unit or "", member.article_id,
        *article_cells(summary), member.outlet or "", *date_cells(member.date),
        member.source or "", " <- ".join(member.conduits),
        q.value or "", q.low or "", q.high or "", q.bound.name.lower(), quantity_words(q),
        counted, *factuality_cells(member.factuality), member.scope,
        str(q.span.start), str(q.span.end), q.span.text,
    )  # fmt: skip


def figure_rows(reports: Sequence[StoryReport]) -> Iterator[Row]:
    for report in reports:
        articles = {a.article_id: a for a in report.articles}
        for group in report.figure_groups:
            for member in ordered_members(group):
                yield figure_row(report, group, member, articles.get(member.article_id))


def attribution_row(report: StoryReport, article_id: str, a: Attribution) -> Row:
    return (
        report.story.id, article_id, a.id, " ".join(s.text for s in a.source),
        a.source_entity or "", a.cue.text if a.cue else "", " … ".join(s.text for s in a.content),
        a.kind.value, *factuality_cells(a.factuality), " <- ".join(c.name for c in a.conduits),
        (a.date.value or a.date.span.text) if a.date else "", f"{a.confidence:g}",
    )  # fmt: skip


def attribution_rows(reports: Sequence[StoryReport]) -> Iterator[Row]:
    for report in reports:
        for article_id, attribution in report.attributions:
            yield attribution_row(report, article_id, attribution)


def discrepancy_rows(reports: Sequence[StoryReport]) -> Iterator[Row]:
    for report in reports:
        labels = {group.id: group.label for group in report.figure_groups}
        for d in report.discrepancies:
            evidence = " | ".join(
                f"{aid}:{span.start}-{span.end} {span.text}" for aid, span in d.spans
            )
            label = labels.get(d.group_id or "", "")
            yield (report.story.id, d.id, d.kind.value, d.reason, d.group_id or "", label, evidence)


TABLES: dict[str, tuple[Row, Callable[[Sequence[StoryReport]], Iterator[Row]]]] = {
    "figures": (FIGURE_COLUMNS, figure_rows),
    "attributions": (ATTRIBUTION_COLUMNS, attribution_rows),
    "discrepancies": (DISCREPANCY_COLUMNS, discrepancy_rows),
}


def table(name: str, reports: Sequence[StoryReport]) -> tuple[Row, list[Row]]:
    """The header and rows of one table; ``ValueError`` names the tables for a bad name."""
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
    columns, rows = TABLES[name]
    return columns, list(rows(reports))


def write_csv(name: str, reports: Sequence[StoryReport], stream: TextIO) -> int:
    """Write one table to ``stream``; returns the number of data rows."""
    columns, rows = table(name, reports)
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([tuple(safe_cell(cell) for cell in row) for row in rows])
    return len(rows)


def export_csv(name: str, reports: Sequence[StoryReport]) -> str:
    """One table as CSV text."""
    buffer = io.StringIO()
    write_csv(name, reports, buffer)
    return buffer.getvalue()


def write_tables(reports: Sequence[StoryReport], folder: Path) -> list[Path]:
    """Every table into ``folder`` as ``<table>.csv``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            write_csv(name, reports, stream)
        written.append(path)
    return written
