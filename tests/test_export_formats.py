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
from claimgraph.model import UNKNOWN_OUTLET, StoryReport
from claimgraph.present.export_csv import FIGURE_COLUMNS, export_csv, safe_cell
from claimgraph.present.export_graphml import export_graphml
from claimgraph.present.export_json import export_json, export_jsonl


def test_export_csv_figures_parse_back(present_report: StoryReport) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv("figures", [present_report]))))
    assert len(rows) == 4 and tuple(rows[0]) == FIGURE_COLUMNS
    first = rows[0]
    # A bound is a word, not a symbol a spreadsheet reads as a formula (it was "'>=").
    assert (first["value"], first["bound"], first["value_words"]) == ("40", "ge", "≥ 40")
    assert first["source"] == "the coast guard" and first["span_text"] == "At least 40"
    assert (first["date"], first["date_start"], first["date_words"]) == (
        "2026-03-10",
        "2026-03-10",
        "10 March 2026",
    )
    assert first["article_title"] == "Ferry capsizes off Port Alder <b>live</b>"
    wire = rows[1]
    assert wire["article_url"] == "https://valleywire.example/ferry"
    assert not any(cell.startswith("'") for row in rows for cell in row.values())


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
    labels = {node: (data["label"], data["type"]) for node, data in graph.nodes(data=True)}
    # Node ids are per story: the same name in two stories is two nodes.
    assert labels == {
        "s1:Valley Wire": ("Valley Wire", "outlet"),
        "s1:The Harbor Ledger": ("The Harbor Ledger", "outlet"),
        "s1:a port official": ("a port official", "source"),
    }
    assert graph.is_directed() and graph.number_of_edges() == 2
    cites = graph.get_edge_data("s1:Valley Wire", "s1:The Harbor Ledger")
    cites = {k: v for k, v in cites.items() if k != "id"}  # networkx keeps the edge id
    assert cites == {
        "story": "s1",
        "article": "b" * 64,
        "article_title": "Governor says about 60 missing",
        "date": "2026-03-11",
        "cue": "according to The Harbor Ledger",
        "weight": 1.0,
    }
    other = present_report.model_copy(
        update={"story": present_report.story.model_copy(update={"id": "s9"})}
    )
    both = nx.read_graphml(io.StringIO(export_graphml([present_report, other])))
    assert both.number_of_nodes() == 6


def test_export_graphml_unknown_outlet_is_an_outlet(present_report: StoryReport) -> None:
    edge = present_report.citations[0].model_copy(update={"citer": UNKNOWN_OUTLET})
    report = present_report.model_copy(update={"citations": (edge,)})
    graph = nx.read_graphml(io.StringIO(export_graphml([report])))
    assert graph.nodes[f"s1:{UNKNOWN_OUTLET}"]["type"] == "outlet"


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
