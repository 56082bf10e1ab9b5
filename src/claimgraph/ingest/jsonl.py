"""JSON Lines: one article object per line; a bad line is reported and skipped."""

from __future__ import annotations

import json
from collections.abc import Iterator

from claimgraph.errors import UnreadableInput, failure_reason
from claimgraph.ingest.assemble import ReadItem, Source, assemble_article, title_span
from claimgraph.ingest.formats import Format
from claimgraph.ingest.metadata import dropped_warnings, stated_layer

OPTIONAL_FIELDS = ("title", "url", "outlet", "published", "language")


class _BadLine(ValueError):
    """A JSONL line that cannot be an article; the message is the reason."""


def read_jsonl(source: Source) -> Iterator[ReadItem]:
    """One article per non-blank line; ``UnreadableInput`` naming ``file:line`` per bad line.

    An invalid ``url`` or ``published`` is dropped with a ``MetadataWarning`` naming
    ``file:line``; the line is still read.

    ``Article.text`` is the ``text`` field as given. The ``title`` field becomes
    ``Article.title`` only where it is the text's first line; otherwise it is not kept
    (``Metadata`` has no title field).
    """
    # split on "\n" only: JSON strings may hold U+2028 and friends, which splitlines() cuts
    for number, line in enumerate(source.text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source.path}:{number}"
        try:
            yield from _line_items(line, source, where)
        except _BadLine as error:
            yield UnreadableInput(where, str(error))
        except UnreadableInput as unreadable:
            yield UnreadableInput(where, unreadable.reason)
        except Exception as error:  # (one bad line never costs the file)
            yield UnreadableInput(where, failure_reason(error))


def _line_items(line: str, source: Source, where: str) -> list[ReadItem]:
    """The line's article after a warning per dropped value (all built before any is
    yielded, so a line that fails is reported once, by its error alone)."""
    record = _parse_object(line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadLine('missing or empty "text" field (a non-empty string is required)')
    fields = {name: _optional_string(record, name) for name in OPTIONAL_FIELDS}
    stated = stated_layer(
        outlet=fields["outlet"],
        url=fields["url"],
        published=fields["published"],
        language=fields["language"],
    )
    article = assemble_article(
        text,
        title=title_span(text, fields["title"]),
        source=source,
        source_format=Format.JSONL,
        stated=stated,
    )
    return [*dropped_warnings(where, stated), article]


def _parse_object(line: str) -> dict[str, object]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise _BadLine(f"invalid JSON: {error.msg} (column {error.colno})") from None
    except RecursionError:
        raise _BadLine("invalid JSON (nested too deeply)") from None
    except ValueError as error:  # e.g. an integer over Python's 4,300-digit limit
        raise _BadLine(f"invalid JSON ({' '.join(str(error).split())[:120]})") from None
    if not isinstance(record, dict):
        raise _BadLine(f"expected a JSON object, got {type(record).__name__}")
    return record


def _optional_string(record: dict[str, object], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise _BadLine(f'"{name}" must be a string or null, got {type(value).__name__}')
