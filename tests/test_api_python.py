"""The Python API: ``claimgraph.open``, stories, notebook display, pandas, exports."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

import claimgraph
from claimgraph.api import Claimgraph, Story


def test_api_package_exports_exactly_the_public_names() -> None:
    assert claimgraph.__all__ == ["ClaimgraphError", "__version__", "open"]
    assert claimgraph.open is claimgraph.api.open


def test_api_open_reads_stories(web_db: Path) -> None:
    with claimgraph.open(web_db) as cg:
        assert isinstance(cg, Claimgraph)
        stories = cg.stories()
        assert [s.id for s in stories] == ["s1", "s2"]
        story = cg.story("s1")
        assert isinstance(story, Story) and story.title == "Ferry Saltmarsh capsizes"
        assert [g.label for g in story.figures] == ["missing person", "repair cost"]
        assert story.discrepancies[0].kind.value == "conflict"
        article, analysis = cg.article("a" * 64)
        assert article.text.startswith("Ferry") and analysis.quantities


def test_api_unknown_story_is_not_found(web_db: Path) -> None:
    with claimgraph.open(web_db) as cg, pytest.raises(claimgraph.ClaimgraphError, match="no story"):
        cg.story("nope")


def test_api_repr_html_is_escaped(web_db: Path) -> None:
    with claimgraph.open(web_db) as cg:
        html = cg.story("s2")._repr_html_() + cg._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<table>" in html


def test_api_rows_and_export(web_db: Path, tmp_path: Path) -> None:
    with claimgraph.open(web_db) as cg:
        rows = cg.story("s1").rows("figures")
        assert rows[0]["value"] == "40" and rows[0]["outlet"] == "The Harbor Ledger"
        text = cg.export("graphml", story_id="s1")
        assert isinstance(text, str) and text.startswith("<?xml")
        written = cg.export("csv", tmp_path / "out")
        assert isinstance(written, list) and len(written) == 3


def test_api_to_pandas_names_the_install_when_absent(web_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real_import = builtins.__import__

    def no_pandas(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(__import__("sys").modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with claimgraph.open(web_db) as cg, pytest.raises(ImportError, match="pip install pandas"):
        cg.story("s1").to_pandas()


def test_api_to_pandas_gives_a_dataframe(web_db: Path) -> None:
    pytest.importorskip("pandas")
    with claimgraph.open(web_db) as cg:
        frame = cg.story("s1").to_pandas()
    # Typed: numbers as numbers, days as datetimes, missing as NA (never '').
    assert str(frame["value"].dtype) == "Float64" and str(frame["span_start"].dtype) == "Int64"
    assert list(frame["value"]) == [40, 60, 100, 64100000000]
    assert str(frame["date_start"].dtype).startswith("datetime64")
    assert frame["date_start"].iloc[0].isoformat() == "2026-03-10T00:00:00"
    assert frame["date_start"].isna().iloc[-1]  # the undated repair cost
    assert frame["source"].isna().iloc[-1] and frame["low"].isna().all()
    assert str(frame["source"].dtype) == "string"
