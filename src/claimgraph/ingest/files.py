"""Finding the inputs: files, directories walked in a fixed order, standard input."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from claimgraph.errors import UnreadableInput
from claimgraph.ingest.metadata import is_sidecar

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""The largest input read (20 MiB).

A news article is tens of kilobytes and a feed or JSONL export a few megabytes; far
larger files are almost always a wrong path (a dump, an archive, a video), and reading
one would hold it in memory several times over (bytes, text, parsed tree).
"""

STDIN = "-"


@dataclass(frozen=True)
class InputFile:
    """A file to read: where it is, and its name as shown to the user."""

    path: Path
    shown: str


def expand_path(given: str) -> Iterator[InputFile | UnreadableInput]:
    """The file ``given`` names, or every file under the directory it names.

    Directories are walked recursively in sorted order; hidden files and directories
    and ``*.meta.json`` sidecars are skipped (sidecars are read with their article).
    """
    try:
        yield from _expand(Path(given), given)
    except OSError as error:  # e.g. a parent directory that cannot be searched
        yield UnreadableInput(given, error.strerror or str(error))


def _expand(path: Path, given: str) -> Iterator[InputFile | UnreadableInput]:
    if path.is_dir():
        yield from _walk(path, given)
    elif not path.exists():
        yield UnreadableInput(given, "no such file or directory")
    elif is_sidecar(path):
        yield UnreadableInput(given, "is a metadata sidecar; give the article file beside it")
    elif not path.is_file():
        yield UnreadableInput(given, "not a regular file")
    else:
        yield InputFile(path, given)


def read_capped(item: InputFile) -> bytes:
    """The bytes of ``item``; raises ``UnreadableInput`` if it cannot be read or is too big."""
    try:
        size = item.path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise UnreadableInput(item.shown, _too_big(f"file is {size / 2**20:.1f} MiB"))
        with item.path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except PermissionError:
        raise UnreadableInput(item.shown, "permission denied") from None
    except OSError as error:
        raise UnreadableInput(item.shown, error.strerror or str(error)) from None
    if len(data) > MAX_INPUT_BYTES:  # grew since stat()
        raise UnreadableInput(item.shown, _too_big("file is too large"))
    return data


def read_stream(stream: TextIO | BinaryIO) -> bytes:
    """The bytes of a stream (standard input); text streams are re-encoded as UTF-8."""
    binary = getattr(stream, "buffer", None)
    data = (binary if binary is not None else stream).read(MAX_INPUT_BYTES + 1)
    if isinstance(data, str):
        try:
            # surrogateescape gives back the bytes a text stream could not decode
            data = data.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raise UnreadableInput(STDIN, "standard input is not valid text") from None
    if len(data) > MAX_INPUT_BYTES:
        raise UnreadableInput(STDIN, _too_big("standard input is too large"))
    return bytes(data)


def _walk(root: Path, shown_root: str) -> Iterator[InputFile | UnreadableInput]:
    errors: list[OSError] = []
    found: list[tuple[tuple[str, ...], Path]] = []
    for directory, subdirectories, names in os.walk(root, onerror=errors.append):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in names:
            path = Path(directory, name)
            if not name.startswith(".") and not is_sidecar(path):
                found.append((path.relative_to(root).parts, path))
    for error in errors:
        yield UnreadableInput(str(error.filename or shown_root), error.strerror or str(error))
    for parts, path in sorted(found):
        shown = os.path.join(shown_root, *parts)
        yield (
            InputFile(path, shown)
            if path.is_file()
            else UnreadableInput(shown, "not a regular file")
        )


def _too_big(what: str) -> str:
    limit = MAX_INPUT_BYTES // 2**20
    return f"{what}, over the {limit} MiB limit for one input; split it into smaller files"
