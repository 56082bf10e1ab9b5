"""One bad input never stops a batch: any fault while reading it becomes its error line.

The readers report the faults they expect (``UnreadableInput``); whatever else a
hostile input provokes in a library underneath (a ``RecursionError`` in a parser, a
``ValueError`` from an integer of 5,000 digits, a bug) is caught here, per input, and
reported the same way, so the rest of the batch is still read, stored and linked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from claimgraph.errors import UnreadableInput, failure_reason

T = TypeVar("T")


def guarded(where: str, read: Callable[[], Iterator[T]]) -> Iterator[T | UnreadableInput]:
    """Everything ``read()`` yields; an exception it raises ends it with one
    ``UnreadableInput`` naming ``where`` (what it yielded before is kept)."""
    try:
        yield from read()
    except UnreadableInput as unreadable:
        yield unreadable
    except Exception as error:  # (the point: no input may stop the batch)
        yield UnreadableInput(where, failure_reason(error))
