"""Peak memory of worker processes this process did not wait for (Ray's), read from /proc.

Ray's workers are started by its raylet, not by the driver, so ``RUSAGE_CHILDREN`` does
not see them. A thread samples every descendant whose command line starts with
``ray::`` (Ray's process titles) and keeps each one's ``VmHWM``, the kernel's own peak
RSS; the peak only grows, so the last sample before a worker exits is within one
interval of its true peak. Linux only (like the rest of the bench).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

PROC = Path("/proc")
# Sampling period: workers live for minutes; half a second misses little of their peak.
INTERVAL_SECONDS = 0.5


def _children_by_parent() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # the process exited while we looked
        # Fields after the parenthesised command name: state, ppid, ...
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def descendants(pid: int) -> list[int]:
    tree = _children_by_parent()
    found, stack = [], list(tree.get(pid, []))
    while stack:
        child = stack.pop()
        found.append(child)
        stack.extend(tree.get(child, []))
    return found


def _peak_kb(pid: int, prefix: bytes) -> int | None:
    """``VmHWM`` of ``pid`` in kB if its command line starts with ``prefix``."""
    try:
        if not (PROC / str(pid) / "cmdline").read_bytes().startswith(prefix):
            return None
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


class WorkerPeaks:
    """``with WorkerPeaks() as peaks: ...`` then ``peaks.max_mb``, ``peaks.workers``."""

    def __init__(self, prefix: str = "ray::", interval: float = INTERVAL_SECONDS) -> None:
        self.prefix = prefix.encode()
        self.interval = interval
        self.peaks_kb: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> WorkerPeaks:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        for pid in descendants(os.getpid()):
            kb = _peak_kb(pid, self.prefix)
            if kb is not None:
                self.peaks_kb[pid] = max(kb, self.peaks_kb.get(pid, 0))

    @property
    def workers(self) -> int:
        return len(self.peaks_kb)

    @property
    def max_mb(self) -> float:
        return max(self.peaks_kb.values(), default=0) / 1024

    @property
    def total_mb(self) -> float:
        return sum(self.peaks_kb.values()) / 1024
