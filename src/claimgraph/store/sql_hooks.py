"""What a SQL backend supplies to the shared store code: statements run, transactions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, ClassVar, Protocol

from claimgraph.model import Article

Params = Sequence[object]


class Cursor(Protocol):
    """What both drivers' cursors offer and the shared code uses."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class SQLHooks:
    """The hooks a backend implements; statements use ``?`` placeholders."""

    path: str
    # The column that orders an article's appearances as they were recorded.
    APPEARANCE_ORDER: ClassVar[str]

    def _execute(self, sql: str, params: Params = ()) -> Cursor:
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: Sequence[Params]) -> None:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[object]:
        raise NotImplementedError

    def _insert_article_row(self, article: Article) -> bool:
        """Insert the article's row unless its id is known; True if it was new."""
        raise NotImplementedError

    def _lock_story_reports(self) -> None:
        """Inside the re-link transaction: keep other processes' re-links out."""
        raise NotImplementedError
