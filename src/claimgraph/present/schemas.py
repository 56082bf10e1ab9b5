"""JSON Schemas of the machine formats, generated from the pydantic records.

The schemas are checked in (``src/claimgraph/schemas/``) so consumers can read them
without Python; ``tests/test_present_schemas.py`` fails when they drift from the
models. Regenerate with ``python -m claimgraph.present.schemas``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from claimgraph.model import Article, ArticleAnalysis
from claimgraph.present.report_json import ReportDocument

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class ExtractLine(BaseModel):
    """One line of ``claimgraph extract --format jsonl``: an article and its analysis."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Bumped when a line's shape changes incompatibly (``analyse.extract``).
    extract_format_version: Literal[1] = 1
    article: Article
    analysis: ArticleAnalysis


SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "report.schema.json": (ReportDocument, "claimgraph JSON report"),
    "extract.schema.json": (ExtractLine, "claimgraph extract, one JSON line"),
}


def schema_of(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The schema of what ``model_dump(mode="json")`` writes, not of what it would accept."""
    schema = model.model_json_schema(mode="serialization")
    return {"$schema": DIALECT, **schema, "title": title}


def schema_texts() -> dict[str, str]:
    """File name -> schema text, sorted and indented so diffs stay readable."""
    return {
        name: json.dumps(schema_of(model, title), indent=2, sort_keys=True, ensure_ascii=False)
        + "\n"
        for name, (model, title) in SCHEMAS.items()
    }


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into ``directory``; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas():
        print(path)
