"""The ``LinkState`` half of the SQL stores: the stored stories, the user's overrides,
and the store side of incremental re-linking (migration 5), shared by both backends.

Grouping reads small per-article term records (``link_terms``) instead of analyses; the
``relink_queue`` names the articles whose analysis or appearances changed since the last
re-link; ``story_reports.inputs_key`` says what each stored report was built from. New
reports are staged in a temporary table (private to the connection, so linking holds no
lock) and swapped in by one short transaction.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from itertools import islice
from typing import ClassVar, TypeVar

from claimgraph.errors import StoriesChanged
from claimgraph.model import Article, ArticleAnalysis, StoryOverride, StoryReport
from claimgraph.store.sql_hooks import SQLHooks

T = TypeVar("T")

# (article_id, seq, published, words_json, specific_json); seq is the ingest order.
TermsRow = tuple[str, int, str, str, str]
# Ids per ``IN (...)`` list: well under SQLite's oldest limit of 999 parameters.
IN_CHUNK = 500


def batched(items: Collection[T], size: int) -> Iterator[tuple[T, ...]]:
    """``items`` in tuples of ``size`` (``itertools.batched`` is Python 3.12+)."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


def in_marks(count: int) -> str:
    """``?, ?, ...``: the placeholders of an ``IN (...)`` list of ``count`` values."""
    return ", ".join("?" * count)


class LinkStateTables(SQLHooks):
    """``LinkState`` methods: stories, overrides, and what ``claimgraph.link.relinking`` reads."""

    # Makes text sort by code point, as Python's sort does (PostgreSQL sorts by locale).
    CODE_POINT_ORDER: ClassVar[str] = ""

    def _mark_changed(self, article_id: str, *, analysis: bool) -> None:
        """Inside the write that changed the article: queue it for the next re-link."""
        self._execute("INSERT INTO relink_queue (article_id) VALUES (?)", (article_id,))
        if analysis:
            self._execute("DELETE FROM link_terms WHERE article_id = ?", (article_id,))

    def link_version(self) -> int:
        row = self._execute("SELECT value FROM store_meta WHERE key = 'link_version'").fetchone()
        return int(row[0]) if row else 0

    def changed_articles(self) -> tuple[int, frozenset[str]]:
        """The queue's last position and the articles queued up to it."""
        rows = self._execute("SELECT seq, article_id FROM relink_queue").fetchall()
        return max((int(seq) for seq, _ in rows), default=0), frozenset(a for _, a in rows)

    def clear_link_terms(self) -> None:
        self._execute("DELETE FROM link_terms")

    def articles_without_terms(
        self, after_seq: int, limit: int
    ) -> list[tuple[int, Article, ArticleAnalysis]]:
        """Analysed articles with no ``link_terms`` row, in ingest order after ``after_seq``."""
        rows = self._execute(
            "SELECT a.seq, a.article_json, n.analysis_json FROM articles a "
            "JOIN analyses n ON n.article_id = a.id "
            "LEFT JOIN link_terms t ON t.article_id = a.id "
            "WHERE t.article_id IS NULL AND a.seq > ? ORDER BY a.seq LIMIT ?",
            (after_seq, limit),
        ).fetchall()
        return [
            (
                int(seq),
                Article.model_validate_json(article),
                ArticleAnalysis.model_validate_json(analysis),
            )
            for seq, article, analysis in rows
        ]

    def put_link_terms(self, rows: Sequence[tuple[str, str, str, str]]) -> None:
        """``(article_id, published, words_json, specific_json)`` rows, replacing any."""
        with self._transaction():
            self._execute_many("DELETE FROM link_terms WHERE article_id = ?", [r[:1] for r in rows])
            self._execute_many(
                "INSERT INTO link_terms (article_id, published, words_json, specific_json) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )

    def link_terms(self) -> Iterator[TermsRow]:
        """Every article's terms, by publication date then id (code point order)."""
        order = self.CODE_POINT_ORDER
        rows = self._execute(
            "SELECT t.article_id, a.seq, t.published, t.words_json, t.specific_json "
            "FROM link_terms t JOIN articles a ON a.id = t.article_id "
            f"ORDER BY t.published{order}, t.article_id{order}"
        )
        for article_id, seq, published, words, specific in rows:
            yield str(article_id), int(seq), str(published), str(words), str(specific)

    def replace_story_reports(self, reports: Sequence[StoryReport]) -> None:
        with self._transaction():
            self._lock_story_reports()
            self._execute("DELETE FROM story_reports")
            self._execute_many(
                "INSERT INTO story_reports (story_id, position, report_json) VALUES (?, ?, ?)",
                [(r.story.id, i, r.model_dump_json()) for i, r in enumerate(reports)],
            )
            self._execute("UPDATE store_meta SET value = value + 1 WHERE key = 'stories_version'")

    def add_story_override(self, override: StoryOverride) -> None:
        self._execute(
            "INSERT INTO story_overrides (action, article_ids_json) VALUES (?, ?)",
            (override.action, json.dumps(list(override.article_ids))),
        )

    def story_overrides(self) -> list[StoryOverride]:
        rows = self._execute(
            "SELECT action, article_ids_json FROM story_overrides ORDER BY seq"
        ).fetchall()
        return [StoryOverride(action=a, article_ids=tuple(json.loads(ids))) for a, ids in rows]

    def stories_version(self) -> int:
        row = self._execute("SELECT value FROM store_meta WHERE key = 'stories_version'").fetchone()
        return int(row[0]) if row else 0

    def story_report_rows(self) -> list[tuple[str, str]]:
        rows = self._execute(
            "SELECT story_id, report_json FROM story_reports ORDER BY position"
        ).fetchall()
        return [(str(story_id), str(text)) for story_id, text in rows]

    def story_reports(self) -> list[StoryReport]:
        rows = self._execute("SELECT report_json FROM story_reports ORDER BY position").fetchall()
        return [StoryReport.model_validate_json(row[0]) for row in rows]

    def story_inputs(self) -> dict[str, str | None]:
        """Every stored story's id and the key of the inputs its report was built from."""
        rows = self._execute("SELECT story_id, inputs_key FROM story_reports").fetchall()
        return {str(sid): key for sid, key in rows}

    def story_reports_for(self, story_ids: Collection[str]) -> list[StoryReport]:
        """The stored reports of ``story_ids`` (unknown ids skipped), in report order."""
        found: list[tuple[int, StoryReport]] = []
        for chunk in batched(sorted(story_ids), IN_CHUNK):
            rows = self._execute(
                "SELECT position, report_json FROM story_reports "
                f"WHERE story_id IN ({in_marks(len(chunk))})",
                chunk,
            )
            found += [(int(p), StoryReport.model_validate_json(r)) for p, r in rows]
        return [report for _, report in sorted(found, key=lambda pr: pr[0])]

    def begin_staging(self) -> None:
        """An empty staging table for this connection's re-link."""
        self._execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS staged_story_reports ("
            "story_id TEXT PRIMARY KEY, report_json TEXT NOT NULL, inputs_key TEXT NOT NULL)"
        )
        self._execute("DELETE FROM staged_story_reports")

    def stage_story_reports(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """``(story_id, report_json, inputs_key)`` rows, kept until ``commit_story_reports``."""
        self._execute_many(
            "INSERT INTO staged_story_reports (story_id, report_json, inputs_key) VALUES (?, ?, ?)",
            rows,
        )

    def commit_story_reports(
        self,
        *,
        expected_version: int,
        removed: Sequence[str],
        positions: Sequence[tuple[str, int]],
        watermark: int,
        link_version: int,
    ) -> None:
        """Swap the staged reports in, in one transaction: drop ``removed``, add the staged,
        set every story's position, and forget the queue up to ``watermark``. Raises
        ``StoriesChanged`` when the stories are no longer at ``expected_version``."""
        with self._transaction():
            self._lock_story_reports()
            row = self._execute(
                "SELECT value FROM store_meta WHERE key = 'stories_version'"
            ).fetchone()
            if (int(row[0]) if row else 0) != expected_version:
                raise StoriesChanged(
                    f"the stories in {self.path} were replaced during this re-link: re-link again"
                )
            self._execute_many(
                "DELETE FROM story_reports WHERE story_id = ?", [(i,) for i in removed]
            )
            self._execute(
                "INSERT INTO story_reports (story_id, position, report_json, inputs_key) "
                "SELECT story_id, 0, report_json, inputs_key FROM staged_story_reports"
            )
            self._execute_many(
                "UPDATE story_reports SET position = ? WHERE story_id = ?",
                [(position, sid) for sid, position in positions],
            )
            self._execute("UPDATE store_meta SET value = value + 1 WHERE key = 'stories_version'")
            self._execute(
                "UPDATE store_meta SET value = ? WHERE key = 'link_version'", (link_version,)
            )
            self._execute("DELETE FROM relink_queue WHERE seq <= ?", (watermark,))
        self._execute("DELETE FROM staged_story_reports")
