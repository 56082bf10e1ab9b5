"""The checked-in JSON Schemas are exactly what the pydantic records generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.present.schemas import SCHEMA_DIR, schema_texts, write_schemas

FIX = "run `python -m claimgraph.present.schemas` and commit the result"


@pytest.mark.parametrize("name", sorted(schema_texts()))
def test_present_schemas_in_sync(name: str) -> None:
    checked_in = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert checked_in == schema_texts()[name], f"{name} is stale: {FIX}"


def test_present_schemas_write(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    assert sorted(p.name for p in written) == ["extract.schema.json", "report.schema.json"]
    extract = json.loads((tmp_path / "extract.schema.json").read_text(encoding="utf-8"))
    assert extract["required"] == ["article", "analysis"]
    assert extract["$schema"].endswith("2020-12/schema")
