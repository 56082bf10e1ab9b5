"""``read_paths``: every input read in order, failures and warnings yielded beside the articles."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import BinaryIO, TextIO

from claimgraph.errors import UnreadableInput
from claimgraph.ingest.assemble import ReadItem, Source
from claimgraph.ingest.decode import decode_input
from claimgraph.ingest.feed import read_feed
from claimgraph.ingest.files import STDIN, InputFile, expand_path, read_capped, read_stream
from claimgraph.ingest.formats import Format, format_of, sniff_format
from claimgraph.ingest.html import read_html
from claimgraph.ingest.isolation import guarded
from claimgraph.ingest.jsonl import read_jsonl
from claimgraph.ingest.metadata import (
    MetaLayer,
    dropped_warnings,
    override_layer,
    read_sidecar,
    sidecar_path,
)
from claimgraph.ingest.text import read_text

Reader = Callable[[Source], Iterator[ReadItem]]

READERS: dict[Format, Reader] = {
    Format.TEXT: read_text,
    Format.HTML: read_html,
    Format.FEED: read_feed,
    Format.JSONL: read_jsonl,
}


def read_paths(
    paths: Sequence[str],
    *,
    outlet: str | None = None,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[ReadItem]:
    """Read every article in ``paths`` (files, directories, ``-`` for standard input).

    Yields one ``Article`` per article and one ``UnreadableInput`` per file or record
    that cannot be read, so one bad input never stops the batch; and one
    ``MetadataWarning`` per invalid date or URL a source states (dropped: the article is
    read as if it had not been given). ``outlet`` and
    ``published`` override whatever the sources say; a ``published`` that is not ISO
    8601 raises ``BadMetadata`` here, before anything is read.
    """
    overrides = override_layer(outlet, published)
    given = [paths] if isinstance(paths, str) else list(paths)  # one path, not its letters
    return _read_all(given, overrides, stdin)


def _read_all(
    paths: list[str], overrides: MetaLayer, stdin: TextIO | BinaryIO | None
) -> Iterator[ReadItem]:
    for given in paths:
        if given == STDIN:
            stream = stdin if stdin is not None else sys.stdin
            yield from guarded(STDIN, partial(_read_stdin, stream, overrides))
            continue
        for found in expand_path(given):
            if isinstance(found, UnreadableInput):
                yield found
            else:
                yield from guarded(found.shown, partial(_read_file, found, overrides))


def _read_file(item: InputFile, overrides: MetaLayer) -> Iterator[ReadItem]:
    try:
        raw = read_capped(item)
        text = decode_input(raw, item.shown)
        sidecar = read_sidecar(item.path, item.shown)
    except UnreadableInput as unreadable:
        yield unreadable
        return
    shown_sidecar = os.path.join(os.path.dirname(item.shown), sidecar_path(item.path).name)
    yield from dropped_warnings(shown_sidecar, sidecar)
    source = Source(item.shown, raw, text, (overrides, sidecar))
    yield from READERS[format_of(item.shown, text)](source)


def _read_stdin(stream: TextIO | BinaryIO, overrides: MetaLayer) -> Iterator[ReadItem]:
    try:
        raw = read_stream(stream)
        text = decode_input(raw, STDIN)
    except UnreadableInput as unreadable:
        yield unreadable
        return
    source = Source(STDIN, raw, text, (overrides,))
    yield from READERS[sniff_format(text)](source)
