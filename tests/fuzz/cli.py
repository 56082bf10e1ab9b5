"""The CLI under fuzz: batches of generated files through ``claimgraph ingest``, then
``report`` in every format and ``extract``; exit codes must be the README's."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

from fuzz.library import REPORT_FORMATS, Findings, failed_file, stored_sources, write_inputs

# The README's exit codes for what these runs do: 0 ok, 3 a lone unreadable input,
# 10 some inputs failed. Anything else (1: an internal error) is a crash.
INGEST_CODES = {0, 3, 10}
# A run of this many small files that takes longer is a hang.
RUN_TIMEOUT = 600
ERROR_PREFIX = "claimgraph: cannot read "


def claimgraph(*args: str, timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "claimgraph.cli.main", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def run_cli_batch(folder: Path, rng: random.Random, count: int, found: Findings) -> None:
    kinds = write_inputs(folder / "in", rng, count)
    for kind in kinds.values():
        found.tried["cli:" + kind] += 1
    db = folder / "cli.db"
    started = time.perf_counter()
    try:
        result = claimgraph("ingest", str(folder / "in"), "--db", str(db), "--json")
    except subprocess.TimeoutExpired:
        found.note(found.hangs, "cli", f"ingest of {folder} over {RUN_TIMEOUT} s")
        return
    seconds = time.perf_counter() - started
    if result.returncode not in INGEST_CODES or "Traceback" in result.stderr:
        found.note(found.crashes, "cli", f"exit {result.returncode}: {result.stderr[-400:]}")
        return
    named = [
        line[len(ERROR_PREFIX) :].split(": ", 1)[0]
        for line in result.stderr.splitlines()
        if line.startswith(ERROR_PREFIX)
    ]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    expected_code = 0 if not named else (3 if summary["read"] == 0 and len(named) == 1 else 10)
    if result.returncode != expected_code or summary["failed"] != len(named):
        found.note(
            found.wrong_exit_codes,
            "cli",
            f"exit {result.returncode} with {len(named)} error lines, {summary['failed']} failed",
        )
    failed = {failed_file(path, kinds) for path in named}
    sources = stored_sources(db)
    for path, kind in kinds.items():
        if path not in failed and path not in sources:
            found.note(found.silent_drops, "cli:" + kind, f"{path}: nothing stored, no error")
    for fmt in REPORT_FORMATS:
        report = claimgraph("report", "--db", str(db), "--format", fmt)
        if report.returncode != 0 or "Traceback" in report.stderr:
            found.note(found.crashes, f"cli-report-{fmt}", report.stderr[-400:])
    exported = claimgraph("export", "--db", str(db), "--format", "csv", "-o", str(folder / "csv"))
    if exported.returncode != 0:
        found.note(found.crashes, "cli-export", exported.stderr[-400:])
    if seconds > RUN_TIMEOUT:
        found.note(found.hangs, "cli", f"{seconds:.0f} s")


def run_cli_singles(folder: Path, rng: random.Random, count: int, found: Findings) -> None:
    """Single files through ``ingest`` (3 when unreadable) and ``extract`` (schema)."""
    import jsonschema

    from claimgraph.present.schemas import SCHEMA_DIR

    schema = json.loads((SCHEMA_DIR / "extract.schema.json").read_text(encoding="utf-8"))
    kinds = write_inputs(folder / "single", rng, count)
    paths = sorted(kinds)
    for path in paths:
        found.tried["cli-single:" + kinds[path]] += 1
    result = claimgraph("extract", *paths)
    if result.returncode not in {0, 10} or "Traceback" in result.stderr:
        found.note(
            found.crashes, "cli-extract", f"exit {result.returncode}: {result.stderr[-400:]}"
        )
    for line in filter(None, result.stdout.split("\n")):  # not splitlines: U+2028 is data
        try:
            jsonschema.validate(json.loads(line), schema)
        except jsonschema.ValidationError as error:
            found.note(found.crashes, "cli-extract-schema", error.message[:200])
    for path in paths[:3]:
        single = claimgraph("ingest", path, "--db", str(folder / "single.db"))
        errors = [line for line in single.stderr.splitlines() if line.startswith(ERROR_PREFIX)]
        expected = {0} if not errors else ({3} if len(errors) == 1 else {10})
        if single.returncode not in expected or "Traceback" in single.stderr:
            found.note(
                found.wrong_exit_codes,
                "cli-single",
                f"{path}: exit {single.returncode} with {len(errors)} error lines",
            )
