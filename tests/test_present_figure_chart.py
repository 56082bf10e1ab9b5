"""The figure-over-time chart and the headline above it, on the hand-built ferry story."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimgraph import model as m
from claimgraph.present.figure_chart import figure_chart
from claimgraph.present.figure_headline import headline

SVG = "{http://www.w3.org/2000/svg}"


def href(member: m.FigureMember) -> str:
    return f"/articles/{member.article_id[:4]}#q{member.quantity.span.start}"


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_figure_chart_draws_one_linked_mark_per_dated_figure(
    present_report: m.StoryReport,
) -> None:
    group = present_report.figure_groups[0]
    chart = figure_chart(group, href)
    root = parsed(str(chart.svg))
    marks = root.findall(f".//{SVG}a")
    assert [a.get("href") for a in marks] == [href(member) for member in group.members]
    assert chart.undrawn == 0
    # Accessible: named by its title and described in words, each mark titled.
    assert root.get("aria-labelledby", "").split() == [
        root.find(f"{SVG}title").get("id"),  # type: ignore[union-attr]
        root.find(f"{SVG}desc").get("id"),  # type: ignore[union-attr]
    ]
    titles = [a.find(f"{SVG}title").text for a in marks]  # type: ignore[union-attr]
    assert titles[0] == "≥ 40: the coast guard (The Harbor Ledger, 10 March 2026)"
    # The forecast is hollow; "at least 40" has an open end pointing up.
    classes = [a.get("class", "") for a in marks]
    assert "hollow" in classes[2] and "hollow" not in classes[0]
    assert marks[0].find(f"{SVG}path") is not None
    assert marks[1].find(f"{SVG}path") is None
    # One colour per source, named in the legend.
    assert [name for _, name in chart.sources] == [
        "the coast guard",
        "a port official",
        "the governor",
    ]
    assert len({css for css, _ in chart.sources}) == 3


def test_figure_chart_log_scale_when_values_span_orders_of_magnitude(
    present_report: m.StoryReport,
) -> None:
    group = present_report.figure_groups[0]
    small = group.members[0]
    big = small.model_copy(
        update={"quantity": small.quantity.model_copy(update={"value": "40000"})}
    )
    chart = figure_chart(group.model_copy(update={"members": (small, big)}), href)
    assert "(log scale)" in str(chart.svg)
    assert "(log scale)" not in str(figure_chart(group, href).svg)


def test_figure_chart_ranges_are_bars_and_undated_figures_are_counted(
    present_report: m.StoryReport,
) -> None:
    group = present_report.figure_groups[0]
    vague = group.members[0].model_copy(
        update={
            "quantity": group.members[0].quantity.model_copy(
                update={"value": None, "low": "1000", "high": "9999", "vague": True}
            ),
            "date": "2026-SU",
        }
    )
    undated = group.members[1].model_copy(update={"date": None})
    chart = figure_chart(group.model_copy(update={"members": (vague, undated)}), href)
    root = parsed(str(chart.svg))
    assert len(root.findall(f".//{SVG}a/{SVG}rect")) == 1
    assert chart.undrawn == 1
    # A season is drawn across its three months.
    assert root.find(f".//{SVG}a/{SVG}line[@class='period']") is not None


def test_figure_chart_escapes_names_from_text(present_report: m.StoryReport) -> None:
    group = present_report.figure_groups[0]
    evil = group.members[0].model_copy(update={"source": "<script>alert(1)</script>"})
    svg = str(figure_chart(group.model_copy(update={"members": (evil,)}), href).svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_figure_headline_gives_range_ends_and_disagreement(
    present_report: m.StoryReport,
) -> None:
    group = present_report.figure_groups[0]
    found = headline(group, present_report.discrepancies)
    # The governor's 100 is a forecast: not part of the range of counts.
    assert found.range_words == "≥ 40 to ~60"
    assert found.counts == (
        "3 figures from 3 sources in 2 outlets · 10–11 March 2026 · 1 prediction"
    )
    assert found.ends == (
        "Lowest: ≥ 40, the coast guard (The Harbor Ledger, 10 March 2026). "
        "Highest: ~60, a port official (Valley Wire, 11 March 2026)."
    )
    assert found.disagreement == "1 conflict: the coast guard says ≥ 40, a port official ~60"


def test_figure_headline_uses_the_linkers_clusters_when_it_has_them(
    present_report: m.StoryReport,
) -> None:
    group = present_report.figure_groups[0]
    conflict = present_report.discrepancies[0].model_copy(
        update={
            "sides": (
                m.FlagSide(values=("“At least 40”",), sources=("the coast guard",)),
                m.FlagSide(values=("“About 60”",), sources=("a port official",)),
            )
        }
    )
    found = headline(group, (conflict,))
    assert found.disagreement == (
        "1 conflict: “At least 40” (the coast guard) against “About 60” (a port official)"
    )
