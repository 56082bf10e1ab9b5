"""The bundled example: a fictional story told by several fictional outlets."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.model import StoryReport
from claimgraph.reporting import render
from claimgraph.store import open_store

if TYPE_CHECKING:
    from claimgraph.batch.local import IngestSummary

DEFAULT_DEMO_DIR = "claimgraph-demo"


def demo_corpus_dir() -> Path:
    return Path(str(files("claimgraph") / "demo_corpus"))


@dataclass
class DemoResult:
    summary: IngestSummary
    reports: list[StoryReport]
    text_report: str
    html_path: Path
    db_path: Path


def run_demo(out_dir: str | Path = DEFAULT_DEMO_DIR) -> DemoResult:
    """Ingest the demo corpus into ``out_dir/claimgraph.db`` and write its reports."""
    # The pipeline is imported here, not at the top: `claimgraph --help` imports this module.
    from claimgraph.batch.ingest_and_link import ingest_and_link

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "claimgraph.db"
    store = open_store(db_path)
    try:
        articles = sorted(str(p) for p in demo_corpus_dir().glob("*.txt"))
        summary = ingest_and_link(articles, store)
        reports = store.story_reports()
        html_path = out / "report.html"
        html_path.write_text(render(store, reports, "html"), encoding="utf-8")
        text = render(store, reports, "text")
    finally:
        store.close()
    return DemoResult(summary, reports, text, html_path, db_path)
