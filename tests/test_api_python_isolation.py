"""The Python API returns a batch's failures; it never raises mid-batch."""

from __future__ import annotations

import json
from pathlib import Path

import claimgraph
from claimgraph.analyse.pipeline import AnalysisFailed
from claimgraph.batch.ray_engine import FAILED_KEY, _analysis

GOOD = "Ferry capsizes\nThe coast guard said 40 people were rescued on Monday.\n"


def test_api_python_isolation_ingest_returns_failures(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "deep.jsonl").write_text('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}")
    (folder / "surrogate.jsonl").write_text('{"text": "Police said \\ud800 3 were hurt."}')
    cg = claimgraph.open(tmp_path / "cg.db")
    summary = cg.ingest(folder)
    assert [Path(p).name for p, _ in summary.failures] == ["deep.jsonl:1"]
    assert summary.new == 2 and len(cg.stories()) >= 1
    cg.close()


def test_api_python_isolation_ray_rows_carry_failures() -> None:
    failed = _analysis(json.dumps({FAILED_KEY: "analysis failed: ValueError: x"}))
    assert failed == AnalysisFailed("analysis failed: ValueError: x")


def test_api_python_isolation_ingest_returns_metadata_warnings(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": GOOD, "published": "Monday"}) + "\n", encoding="utf-8")
    cg = claimgraph.open(tmp_path / "cg.db")
    summary = cg.ingest(path)
    assert (summary.new, summary.failures) == (1, [])
    ((where, message),) = summary.warnings
    assert where == f"{path}:1" and "published 'Monday' dropped" in message
    cg.close()
