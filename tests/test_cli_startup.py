"""`claimgraph --help` and argument errors must feel instant: no heavy library imported.

Each check runs in a fresh interpreter, since this test session has spaCy loaded already.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "trafilatura", "htmldate", "feedparser", "fastapi", "uvicorn", "sklearn")

PROBE = """
import json, sys
from claimgraph.cli.main import cli
try:
    cli.main(args=sys.argv[1:], prog_name="claimgraph", standalone_mode=True)
except SystemExit as exc:
    code = exc.code
heavy = sorted(name for name in {heavy!r} if name in sys.modules)
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.stderr)
"""


def imported_after(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    result: dict[str, object] = json.loads(done.stderr.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--help"], 0),
        (["ingest", "--help"], 0),
        (["story", "--help"], 0),
        (["export", "--help"], 0),
        (["ingest"], 2),  # missing PATHS: a usage error
        (["report", "--format", "pdf"], 2),
    ],
)
def test_cli_startup_imports_no_heavy_library(args: list[str], code: int) -> None:
    result = imported_after(*args)
    assert result == {"code": code, "heavy": []}
