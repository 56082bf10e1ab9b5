"""Exports parse back: CSV with the csv module, GraphML with networkx, ClaimReview's fields."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from claimgraph.cli.main import cli
from claimgraph.model import StoryReport
from claimgraph.present.export_csv import FIGURE_COLUMNS, export_csv, safe_cell
from claimgraph.present.export_graphml import export_graphml
from claimgraph.present.export_json import export_json, export_jsonl


def test_export_csv_figures_parse_back(present_report: StoryReport) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv("figures", [present_report]))))
    assert len(rows) == 4 and tuple(rows[0]) == FIGURE_COLUMNS
    first = rows[0]
    assert (first["value"], first["bound"], first["value_words"]) == ("40", ">=", "≥ 40")
    assert first["source"] == "the coast guard" and first["span_text"] == "At least 40"


def test_export_csv_every_table(present_report: StoryReport) -> None:
    attributions = list(csv.DictReader(io.StringIO(export_csv("attributions", [present_report]))))
    assert attributions[0]["stance"] == "denies"
    discrepancies = list(csv.DictReader(io.StringIO(export_csv("discrepancies", [present_report]))))
    assert discrepancies[0]["group_label"] == "missing person"


def test_export_csv_neutralises_formulas() -> None:
    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-5") == "-5" and safe_cell("40") == "40"


def test_export_graphml_reads_in_networkx(present_report: StoryReport, tmp_path: Path) -> None:
    path = tmp_path / "citations.graphml"
    path.write_text(export_graphml([present_report]), encoding="utf-8")
    graph = nx.read_graphml(path)
    labels = {data["label"]: data["type"] for _, data in graph.nodes(data=True)}
    assert labels == {
        "Valley Wire": "outlet",
        "The Harbor Ledger": "outlet",
        "a port official": "source",
    }
    weights = [data["weight"] for *_, data in graph.edges(data=True)]
    assert weights == [1.0, 1.0] and graph.is_directed()


def test_export_json_and_jsonl_round_trip(present_report: StoryReport) -> None:
    document = json.loads(export_json([present_report]))
    assert document["stories"][0]["story"]["id"] == "s1"
    lines = export_jsonl([present_report, present_report]).splitlines()
    assert len(lines) == 2
    assert StoryReport.model_validate_json(lines[0]) == present_report


def test_export_cli_writes_one_csv_per_table(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = CliRunner().invoke(
        cli, ["export", "--format", "csv", "--db", str(web_db), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "attributions.csv",
        "discrepancies.csv",
        "figures.csv",
    ]
    with (out / "figures.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 5


@pytest.mark.parametrize("fmt", ["json", "jsonl", "claimreview", "graphml"])
def test_export_cli_formats_to_stdout(web_db: Path, fmt: str) -> None:
    args = ["export", "--format", fmt, "--db", str(web_db), "--story", "s1"]
    args += ["--base-url", "https://news.example"] if fmt == "claimreview" else []
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "<script>alert('title')" not in result.output  # only story s1


def test_export_cli_one_table_and_unknown_story(web_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["export", "--format", "csv", "--table", "discrepancies", "--db", str(web_db)]
    )
    assert result.output.startswith("story_id,discrepancy_id,kind")
    missing = runner.invoke(cli, ["export", "--db", str(web_db), "--story", "nope"])
    assert missing.exit_code == 6 and "no story" in missing.output
