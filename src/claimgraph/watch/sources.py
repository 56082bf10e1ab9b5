"""What a watch run reads: changed files (by a cheap path+mtime+size record) and URLs.

A file whose fingerprint (mtime and size, its sidecar's too) matches the one recorded
after it was last ingested is not opened at all. A URL must be fetched to be known, so
its record is a hash of the body: an unchanged body is not parsed again.
"""

from __future__ import annotations

import hashlib
import io
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.alerts.sql import sql_for
from claimgraph.errors import UnreadableInput
from claimgraph.ingest import MAX_INPUT_BYTES, MetadataWarning, read_paths
from claimgraph.ingest.assemble import ReadItem
from claimgraph.ingest.files import expand_path
from claimgraph.ingest.metadata import sidecar_path
from claimgraph.store.base import Store

# A news page or feed answers in a few seconds; 30 s allows a slow server without
# letting one dead host stall every later source of the run for long.
FETCH_TIMEOUT_S = 30


@dataclass(frozen=True)
class Changed:
    """A source to read this run: what to read, and the record to keep once stored."""

    key: str  # absolute path or URL: the seen record's key
    fingerprint: str
    shown: str  # the path as given (what ``read_paths`` reads) or the URL
    body: bytes | None = None  # a fetched URL's bytes


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def file_fingerprint(path: Path) -> str:
    stat = path.stat()
    parts = [f"{stat.st_mtime_ns}:{stat.st_size}"]
    sidecar = sidecar_path(path)
    if sidecar.exists():
        side = sidecar.stat()
        parts.append(f"{side.st_mtime_ns}:{side.st_size}")
    return "|".join(parts)


def seen(store: Store) -> dict[str, str]:
    return dict(sql_for(store).rows("SELECT path, fingerprint FROM watch_seen"))


def remember(store: Store, changed: list[Changed]) -> None:
    sql = sql_for(store)
    for item in changed:
        sql.run(
            "INSERT INTO watch_seen (path, fingerprint) VALUES (?, ?) "
            "ON CONFLICT (path) DO UPDATE SET fingerprint = excluded.fingerprint",
            (item.key, item.fingerprint),
        )


def changed_files(
    source: str, known: dict[str, str], failures: list[tuple[str, str]]
) -> tuple[list[Changed], int]:
    """The files under ``source`` that changed since recorded, and how many did not."""
    changed: list[Changed] = []
    unchanged = 0
    for found in expand_path(source):
        if isinstance(found, UnreadableInput):
            failures.append((found.path, found.reason))
            continue
        try:
            key, fingerprint = str(found.path.resolve()), file_fingerprint(found.path)
        except OSError as exc:
            failures.append((found.shown, exc.strerror or str(exc)))
            continue
        if known.get(key) == fingerprint:
            unchanged += 1
        else:
            changed.append(Changed(key, fingerprint, found.shown))
    return changed, unchanged


def fetch_url(url: str, known: dict[str, str]) -> Changed | None:
    """The URL's body if it changed since recorded; raises ``OSError`` when unreachable."""
    request = urllib.request.Request(url, headers={"User-Agent": "claimgraph-watch"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
        body = response.read(MAX_INPUT_BYTES + 1)
    if len(body) > MAX_INPUT_BYTES:
        raise OSError(f"larger than {MAX_INPUT_BYTES // 2**20} MiB")
    fingerprint = hashlib.sha256(body).hexdigest()
    if known.get(url) == fingerprint:
        return None
    return Changed(url, fingerprint, url, body)


def read_changed(changed: list[Changed]) -> Iterator[ReadItem]:
    """Read every changed source; a URL's articles get the URL where they have none."""
    files = [item.shown for item in changed if item.body is None]
    if files:
        yield from read_paths(files)
    for item in changed:
        if item.body is not None:
            for found in read_paths(["-"], stdin=io.BytesIO(item.body)):
                yield _from_url(found, item.shown)


def _from_url(found: ReadItem, url: str) -> ReadItem:
    if isinstance(found, UnreadableInput):
        return UnreadableInput(url, found.reason)
    if isinstance(found, MetadataWarning):
        return MetadataWarning(url, found.message)
    metadata = found.metadata.model_copy(
        update={"url": found.metadata.url or url, "source_path": url}
    )
    return found.model_copy(update={"metadata": metadata})
