"""The JSON report: versioned, deterministic, every span, and valid against its schema."""

from __future__ import annotations

import json

import pytest

from claimgraph.model import StoryReport
from claimgraph.present import render_json
from claimgraph.present.report_json import read_json
from claimgraph.present.schemas import SCHEMA_DIR


def test_present_json_top_level(present_report: StoryReport) -> None:
    data = json.loads(render_json([present_report]))
    assert list(data) == ["claimgraph_report_version", "stories"]
    assert data["claimgraph_report_version"] == 1
    assert data["stories"] == [present_report.model_dump(mode="json")]


def test_present_json_is_byte_identical_for_the_same_input(present_report: StoryReport) -> None:
    first = render_json([present_report])
    # Rebuilt from its own output, so no object identity or cache can make them agree.
    rebuilt = read_json(first).stories
    assert render_json(rebuilt) == first
    assert render_json([present_report]) == first


def test_present_json_keeps_every_span(present_report: StoryReport) -> None:
    story = json.loads(render_json([present_report]))["stories"][0]
    member = story["figure_groups"][0]["members"][0]["quantity"]
    assert member["span"] == {"start": 30, "end": 41, "text": "At least 40"}
    assert member["value"] == "40" and member["bound"] == ">="
    assert story["discrepancies"][0]["spans"][1][1]["text"] == "About 60"


def test_present_json_round_trips_through_pydantic(present_report: StoryReport) -> None:
    document = read_json(render_json([present_report]))
    assert document.stories == (present_report,)


def test_present_json_validates_against_schema(present_report: StoryReport) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMA_DIR / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(render_json([present_report])), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"claimgraph_report_version": 2, "stories": []}, schema)
