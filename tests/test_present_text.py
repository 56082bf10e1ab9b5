"""The terminal report: every section, plain text, within 100 columns."""

from __future__ import annotations

from claimgraph.model import StoryReport
from claimgraph.present import render_text


def test_present_text_shows_every_section(present_report: StoryReport) -> None:
    text = render_text([present_report])
    for heading in ("ARTICLES", "FIGURES", "DISCREPANCIES", "DENIALS", "CITATIONS", "TIMELINE"):
        assert f"\n{heading}\n" in text
    assert "≥ 40" in text and "~60" in text and "$64.1 billion" in text
    assert "prediction" in text and "expects," in text  # "possible" may wrap below
    assert "the operator denies that it ignored safety warnings" in text
    assert "the coast guard says at least 40 missing" in text
    assert "same text in 2 outlets" in text and "Coastal Times" in text
    assert "2 independent sources: the coast guard, a port official" in text
    assert "10 March 2026  the ferry Saltmarsh capsized" in text


def test_present_text_fits_100_columns_without_colour(present_report: StoryReport) -> None:
    long_source = (
        present_report.figure_groups[0]
        .members[0]
        .model_copy(update={"source": "the regional coast guard command's duty spokesperson " * 3})
    )
    group = present_report.figure_groups[0].model_copy(update={"members": (long_source,)})
    report = present_report.model_copy(update={"figure_groups": (group,)})
    text = render_text([report])
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "\x1b[" not in text
    # Wrapped, not clipped: every word of the source is still there.
    assert text.count("spokesperson") == 3


def test_present_text_aligns_figure_columns(present_report: StoryReport) -> None:
    lines = render_text([present_report]).splitlines()
    header = next(line for line in lines if line.strip().startswith("Value"))
    row = next(line for line in lines if line.strip().startswith("~60"))
    assert header.index("Source") == row.index("a port")
    assert header.index("Scope") == row.index("total")


def test_present_text_empty() -> None:
    assert render_text([]) == "No stories.\n"
