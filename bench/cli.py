"""Wall time of ``claimgraph --help`` and of an argument error: ``python bench/cli.py``.

Each is run ``--runs`` times as a fresh process (the installed console script, as a
user types it); prints the median and the slowest. Goal: under 1 s. Not a test.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

GOAL_SECONDS = 1.0
CASES = {"--help": ["--help"], "argument error": ["ingest"]}


def claimgraph_command() -> list[str]:
    script = Path(sys.executable).parent / "claimgraph"
    if script.exists():
        return [str(script)]
    found = shutil.which("claimgraph")
    return [found] if found else [sys.executable, "-m", "claimgraph.cli.main"]


def wall_times(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = claimgraph_command()
    for name, extra in CASES.items():
        times = wall_times(base + extra, args.runs)
        median, worst = statistics.median(times), max(times)
        verdict = "ok" if median < GOAL_SECONDS else f"over the {GOAL_SECONDS:.0f} s goal"
        print(f"claimgraph {name}: median {median:.2f} s, max {worst:.2f} s ({verdict})")


if __name__ == "__main__":
    main()
