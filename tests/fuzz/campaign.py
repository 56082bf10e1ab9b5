"""``make fuzz``: the whole campaign; prints what was tried and what was found.

    PYTHONPATH=tests .venv/bin/python -m fuzz.campaign [--library N] [--cli N] [--web N]

Exits 1 if anything was found: crashes (tracebacks, or exit codes outside the README's
list), hangs (an input over 30 s), wrong exit codes, silent drops (accepted, nothing
stored, no error), lost or duplicated articles, or a web answer of 5xx.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from fuzz.cli import run_cli_batch, run_cli_singles
from fuzz.generators import draw
from fuzz.library import Findings, run_library_batch
from fuzz.web import fuzz_ingest_posts, fuzz_routes

LIBRARY_BATCH = 250
COLUMNS = ("tried", "crashes", "hangs", "silent_drops", "lost", "duplicated", "wrong_exit_codes")
CLI_BATCH = 50


def run_campaign(
    *, library: int, cli: int, web: int, seed: int, workdir: Path, log: bool = True
) -> tuple[Findings, int, list[str]]:
    """Run every part; (findings, web requests sent, web problems)."""
    from claimgraph.analyse.pipeline import build_pipeline

    found = Findings()
    rng = random.Random(seed)
    nlp = build_pipeline()
    last_db = None
    for number, start in enumerate(range(0, library, LIBRARY_BATCH)):
        count = min(LIBRARY_BATCH, library - start)
        began = time.perf_counter()
        last_db = run_library_batch(workdir / f"lib{number}", rng, count, nlp, found)
        if log:
            print(f"library batch {number}: {count} inputs in {time.perf_counter() - began:.0f} s, "
                  f"{found.bad()} findings so far", flush=True)  # fmt: skip
    for number, start in enumerate(range(0, cli, CLI_BATCH)):
        count = min(CLI_BATCH, cli - start)
        run_cli_batch(workdir / f"cli{number}", rng, count, found)
        if log:
            print(f"cli batch {number}: {count} inputs, {found.bad()} findings so far", flush=True)
    if cli:
        run_cli_singles(workdir / "singles", rng, 10, found)
    sent, problems = 0, []
    if web and last_db is not None:
        sent, problems = fuzz_routes(str(last_db), web)
        bodies = [
            (name, data)
            for _, files in (draw(rng) for _ in range(10))
            for name, data in files.items()
        ]
        posted, post_problems = fuzz_ingest_posts(str(last_db), bodies)
        sent += posted
        problems += post_problems
    return found, sent, problems


def print_findings(found: Findings, sent: int, problems: list[str]) -> None:
    kinds = sorted(found.tried)
    columns = (
        "tried",
        "crashes",
        "hangs",
        "silent_drops",
        "lost",
        "duplicated",
        "wrong_exit_codes",
    )
    print(f"{'input kind':24s}" + "".join(f"{c:>17s}" for c in columns))
    for kind in [*kinds, "batch", "store", "link/render", "failure-line", "cli"]:
        row = [getattr(found, c)[kind] for c in columns]
        if any(row):
            print(f"{kind:24s}" + "".join(f"{v:17d}" for v in row))
    library = sum(v for k, v in found.tried.items() if not k.startswith("cli"))
    cli = sum(v for k, v in found.tried.items() if k.startswith("cli"))
    print(f"inputs tried: {library} through the library, {cli} through the CLI")
    for column in columns[1:]:
        print(f"{column.replace('_', ' ')}: {sum(getattr(found, column).values())}")
    print(f"web requests: {sent}, answered 5xx or with a bad error shape: {len(problems)}")
    for example in found.examples + problems[:20]:
        print("  " + example.replace("\n", "\n    "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--library", type=int, default=10_000, help="inputs through the library")
    parser.add_argument("--cli", type=int, default=300, help="inputs through the CLI")
    parser.add_argument("--web", type=int, default=200, help="examples per web route")
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="claimgraph-fuzz-") as folder:
        found, sent, problems = run_campaign(
            library=args.library, cli=args.cli, web=args.web, seed=args.seed, workdir=Path(folder)
        )
    print_findings(found, sent, problems)
    print(f"seed {args.seed}, {time.perf_counter() - began:.0f} s")
    sys.exit(1 if found.bad() or problems else 0)


if __name__ == "__main__":
    main()
