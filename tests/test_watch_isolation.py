"""``watch``: hostile files are named in the round's failures; the good one is stored."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.store import open_store
from claimgraph.watch import watch_once

GOOD = "Ferry capsizes\nThe coast guard said 40 people were rescued on Monday.\n"


def test_watch_isolation_bad_files_do_not_stop_the_round(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "deep.jsonl").write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}")
    (folder / "ipv6.jsonl").write_text(json.dumps({"text": "x y", "url": "http://[::1/x"}))
    (folder / "big.jsonl").write_text('{"text": "a", "n": ' + "9" * 5000 + "}")
    store = open_store(tmp_path / "cg.db")
    result = watch_once([str(folder)], store, load_nlp=lambda: nlp, emit=lambda line: None)
    failed = {Path(path.split(":")[0]).name for path, _ in result.failures}
    assert failed == {"deep.jsonl", "big.jsonl"}
    assert result.ingest.new == 2  # good.txt and the IPv6 record (its bad URL dropped)
    assert [(Path(path).name, "dropped" in message) for path, message in result.warnings] == [
        ("ipv6.jsonl:1", True)
    ]
    assert result.as_dict()["warnings"] == [
        {"source": path, "message": message} for path, message in result.warnings
    ]
    assert result.stories >= 1
    store.close()
