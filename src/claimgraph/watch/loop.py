"""Running ``watch_once`` every interval until interrupted."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence

from spacy.language import Language

from claimgraph.errors import BadMetadata
from claimgraph.store.base import Store
from claimgraph.watch import WatchResult, watch_once

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``5m``, ``1h``, ``1d`` or a bare number of seconds."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if found is None or float(found.group(1)) <= 0:
        raise BadMetadata(f"--every {text!r} is not an interval: give e.g. 30s, 5m, 1h")
    return float(found.group(1)) * UNITS[found.group(2) or "s"]


def watch_forever(
    sources: Sequence[str],
    store: Store,
    every: float,
    *,
    load_nlp: Callable[[], Language] | None = None,
    emit: Callable[[str], None] = print,
    on_result: Callable[[WatchResult], None] = lambda result: None,
    sleep: Callable[[float], None] = time.sleep,
    runs: int | None = None,
) -> None:
    """Watch every ``every`` seconds (from the start of one run to the next); ``runs``
    stops after that many passes (tests), ``None`` runs until interrupted."""
    done = 0
    while runs is None or done < runs:
        started = time.monotonic()
        on_result(watch_once(sources, store, load_nlp=load_nlp, emit=emit))
        done += 1
        if runs is None or done < runs:
            sleep(max(0.0, every - (time.monotonic() - started)))
