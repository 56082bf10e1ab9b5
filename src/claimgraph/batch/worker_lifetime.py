"""Worker processes end with the process that started them.

A pool's workers are ended by the pool when their parent exits normally or is
interrupted; after ``kill -9`` of the parent nothing ends them, and they would go on
parsing for nothing. On Linux the kernel can send a signal to a process when its
parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread watches the
parent's pid. Workers also ignore Ctrl-C: the terminal sends it to the whole process
group, and the parent, which handles it, ends them itself.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# How often the fallback thread looks at its parent (seconds).
_WATCH_INTERVAL = 1.0


def die_with_parent(parent: int) -> None:
    """Make this (worker) process end as soon as its parent (pid ``parent``) does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _kernel_signal_on_parent_death():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _kernel_signal_on_parent_death() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_INTERVAL)
    os._exit(1)
