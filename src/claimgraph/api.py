"""The Python API: open a store, ingest, and work with stories in code or a notebook.

    import claimgraph

    cg = claimgraph.open("claimgraph.db")
    cg.ingest(["articles/"])
    story = cg.stories()[0]
    story.figures            # figure groups: who gave which number, through whom
    story.to_pandas()        # the figures table as a DataFrame (needs pandas)
    cg.export("csv", "out/") # the same exports as ``claimgraph export``

Everything returned is a typed record from ``claimgraph.model`` or a thin wrapper
around one; nothing here re-implements what the CLI does, it calls the same functions.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from claimgraph.errors import NotFound
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    ArticleSummary,
    Attribution,
    CitationEdge,
    Denial,
    Discrepancy,
    FigureGroup,
    StoryReport,
    TimelineEntry,
)
from claimgraph.present import sections
from claimgraph.present.export_csv import COLUMN_TYPES, table
from claimgraph.present.export_formats import ReviewOptions, export_text, write_export
from claimgraph.store import DEFAULT_DB, Store, open_store

if TYPE_CHECKING:
    from claimgraph.batch.local import IngestSummary

__all__ = ["Claimgraph", "Story", "open"]
HTML_ROWS = 20  # rows shown by ``_repr_html_`` before "… and N more"


def require_pandas() -> Any:
    """pandas, imported only when asked for: it is not a dependency of claimgraph."""
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            "to_pandas() needs pandas, which claimgraph does not install: pip install pandas"
        ) from exc


def typed_frame(pandas: Any, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Any:
    """A DataFrame with numbers as numbers, days as datetimes, text as text, and every
    missing cell ``NA`` (never ``''``)."""
    frame = pandas.DataFrame(list(rows), columns=list(columns)).replace("", pandas.NA)
    for column in frame.columns:
        kind = COLUMN_TYPES.get(column)
        if kind == "number":
            frame[column] = pandas.to_numeric(frame[column]).astype("Float64")
        elif kind == "integer":
            frame[column] = pandas.to_numeric(frame[column]).astype("Int64")
        elif kind == "date":
            frame[column] = pandas.to_datetime(frame[column], format="%Y-%m-%d")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
    """A small escaped HTML table for notebooks (all text is escaped: it is untrusted)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows[:HTML_ROWS]
    )
    more = f"<p>… and {len(rows) - HTML_ROWS} more</p>" if len(rows) > HTML_ROWS else ""
    return f"<table><caption>{escape(caption)}</caption><tr>{head}</tr>{body}</table>{more}"


class Story:
    """One story: its figure groups, discrepancies, denials, citations and timeline."""

    def __init__(self, report: StoryReport) -> None:
        self.report = report

    def __repr__(self) -> str:
        return f"<Story {self.id} {self.title!r}: {sections.story_summary(self.report)}>"

    @property
    def id(self) -> str:
        return self.report.story.id

    @property
    def title(self) -> str:
        return self.report.story.title

    @property
    def figures(self) -> tuple[FigureGroup, ...]:
        """Figure groups: the same thing counted, each member a figure from one source."""
        return self.report.figure_groups

    @property
    def discrepancies(self) -> tuple[Discrepancy, ...]:
        return self.report.discrepancies

    @property
    def denials(self) -> tuple[Denial, ...]:
        return self.report.denials

    @property
    def citations(self) -> tuple[CitationEdge, ...]:
        return self.report.citations

    @property
    def timeline(self) -> tuple[TimelineEntry, ...]:
        return self.report.timeline

    @property
    def articles(self) -> tuple[ArticleSummary, ...]:
        return self.report.articles

    @property
    def attributions(self) -> tuple[tuple[str, Attribution], ...]:
        """(article id, attribution) pairs: every statement reported in the story."""
        return self.report.attributions

    def rows(self, table_name: str = "figures") -> list[dict[str, str]]:
        """One of the CSV tables (figures, attributions, discrepancies) as dictionaries."""
        columns, rows = table(table_name, [self.report])
        return [dict(zip(columns, row, strict=True)) for row in rows]

    def to_pandas(self, table_name: str = "figures") -> Any:
        """The table as a ``pandas.DataFrame``; raises ``ImportError`` naming
        ``pip install pandas`` when pandas is absent."""
        pandas = require_pandas()
        columns, rows = table(table_name, [self.report])
        return typed_frame(pandas, columns, rows)

    def _repr_html_(self) -> str:
        parts = [
            f"<h3>{escape(self.title)}</h3><p>{escape(sections.story_summary(self.report))}</p>"
        ]
        for group in self.figures:
            rows = sections.figure_rows(group)
            parts.append(html_table(sections.FIGURE_HEADERS, rows, sections.group_heading(group)))
        groups = sections.groups_by_id(self.report)
        items = "".join(
            f"<li>{escape(sections.discrepancy_title(d, groups))}</li>" for d in self.discrepancies
        )
        return "".join(parts) + (f"<ul>{items}</ul>" if items else "")


class Claimgraph:
    """A claimgraph store: ingest articles, read stories, export. Use as a context manager
    or call ``close()``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Claimgraph:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Claimgraph {self.store.path}: {self.store.article_count()} articles>"

    def close(self) -> None:
        self.store.close()

    def ingest(
        self,
        paths: str | Path | Sequence[str | Path],
        *,
        outlet: str | None = None,
        published: str | None = None,
    ) -> IngestSummary:
        """Read, analyse and store files or folders, then re-link the stories (like the CLI)."""
        from claimgraph.batch.ingest_and_link import ingest_and_link

        items = [paths] if isinstance(paths, str | Path) else paths
        return ingest_and_link(
            [str(p) for p in items], self.store, outlet=outlet, published=published
        )

    def stories(self) -> list[Story]:
        """Every story, in the store's order (most articles first)."""
        return [Story(report) for report in self.store.story_reports()]

    def story(self, story_id: str) -> Story:
        for report in self.store.story_reports():
            if report.story.id == story_id:
                return Story(report)
        raise NotFound(f"no story with id {story_id!r} in {self.store.path}")

    def article(self, article_id: str) -> tuple[Article, ArticleAnalysis]:
        """An article's text and metadata, with everything the analysis found in it."""
        return self.store.article(article_id), self.store.analysis(article_id)

    def export(
        self,
        fmt: str,
        path: str | Path | None = None,
        *,
        story_id: str | None = None,
        table_name: str | None = None,
        base_url: str | None = None,
    ) -> str | list[Path]:
        """Export as ``claimgraph export`` does: the text, or the files written to ``path``.

        ``fmt`` is one of json, jsonl, csv, claimreview, graphml; CSV to a folder writes
        one file per table (``figures``, ``attributions``, ``discrepancies``); ClaimReview
        needs ``base_url``, where the story pages are served.
        """
        reports = [self.story(story_id).report] if story_id else self.store.story_reports()
        review = ReviewOptions(base_url=base_url)
        if path is None:
            return export_text(reports, fmt, table_name, review)
        return write_export(reports, fmt, Path(path), table_name, review)

    def _repr_html_(self) -> str:
        rows = [(s.title, sections.story_summary(s.report)) for s in self.stories()]
        return html_table(("Story", "Contents"), rows, f"claimgraph store {self.store.path}")


def open(path: str | Path = DEFAULT_DB) -> Claimgraph:
    """Open (creating if needed) the claimgraph store at ``path``."""
    return Claimgraph(open_store(path))
