"""One entry point for every export format, shared by the CLI and the Python API."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.model import StoryReport
from claimgraph.present.export_claimreview import export_claimreview
from claimgraph.present.export_csv import TABLES, export_csv, write_tables
from claimgraph.present.export_graphml import export_graphml
from claimgraph.present.export_json import export_json, export_jsonl

EXPORT_FORMATS = ("json", "jsonl", "csv", "claimreview", "graphml")
DEFAULT_TABLE = "figures"
WRITERS: dict[str, Callable[[Sequence[StoryReport]], str]] = {
    "json": export_json,
    "jsonl": export_jsonl,
    "graphml": export_graphml,
}


@dataclass(frozen=True)
class ReviewOptions:
    """What a ClaimReview export needs beyond the stories (see ``export_claimreview``)."""

    base_url: str | None = None  # where the story pages are served
    reviewer: str | None = None  # the organisation that reviewed and rated
    ratings: Mapping[str, str] = field(default_factory=dict)  # review url -> verdict


def export_text(
    reports: Sequence[StoryReport],
    fmt: str,
    table: str | None = None,
    review: ReviewOptions | None = None,
) -> str:
    """The export as text; for CSV, one table (``figures`` unless ``table`` names another)."""
    if fmt == "csv":
        return export_csv(table or DEFAULT_TABLE, reports)
    if fmt == "claimreview":
        options = review or ReviewOptions()
        return export_claimreview(
            reports, options.base_url, reviewer=options.reviewer, ratings=options.ratings
        )
    if fmt not in WRITERS:
        raise ValueError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        )
    return WRITERS[fmt](reports)


def csv_to_folder(fmt: str, output: Path, table: str | None) -> bool:
    """CSV without ``--table`` to a path that is (or will be) a folder: one file per table."""
    return fmt == "csv" and table is None and (output.is_dir() or output.suffix.lower() != ".csv")


def write_export(
    reports: Sequence[StoryReport],
    fmt: str,
    output: Path,
    table: str | None = None,
    review: ReviewOptions | None = None,
) -> list[Path]:
    """Write the export to ``output``; returns the files written."""
    if table is not None and table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if csv_to_folder(fmt, output, table):
        return write_tables(reports, output)
    output.parent.mkdir(parents=True, exist_ok=True)
    # A BOM makes spreadsheets read CSV as UTF-8; other formats stay plain UTF-8.
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    text = export_text(reports, fmt, table, review)
    output.write_text(text, encoding=encoding, newline="")
    return [output]
