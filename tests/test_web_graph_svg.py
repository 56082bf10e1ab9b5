"""The citation graph drawing: layered left to right, legible at a hundred names."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from claimgraph.present.export_graphml import CitationGraph
from claimgraph.web.graph_svg import MAX_NODES, ROW, citation_svg, layers, positions


def big_graph(sources: int) -> CitationGraph:
    graph = CitationGraph()
    for outlet in ("Valley Wire", "Coastal Times"):
        graph.nodes[outlet] = "outlet"
        graph.edges[(outlet, "Reuters")] += 1
    graph.nodes["Reuters"] = "conduit"
    for n in range(sources):
        name = f"official number {n}"
        graph.nodes[name] = "source"
        graph.edges[("Reuters", name)] += 1
        if n % 2 == 0:  # half of them cited directly too, more or less often
            graph.edges[("Valley Wire", name)] += 1 + n % 3
    return graph


def test_web_graph_svg_layers_outlets_then_conduits_then_sources() -> None:
    graph = big_graph(5)
    found = layers(graph)
    assert found["Valley Wire"] == found["Coastal Times"] == 0
    assert found["Reuters"] == 1
    assert found["official number 0"] == 1  # Valley Wire cites it directly too: 1 step


def test_web_graph_svg_hundred_names_never_overlap() -> None:
    graph = big_graph(120)
    where, width, height = positions(graph)
    # No two names share a spot, and names in one column are a full row apart.
    assert len(set(where.values())) == len(where)
    by_column: dict[float, list[float]] = {}
    for x, y in where.values():
        by_column.setdefault(x, []).append(y)
    for ys in by_column.values():
        ys.sort()
        assert all(b - a >= ROW - 0.01 for a, b in pairwise(ys))
    assert all(0 < x < width and 0 < y <= height for x, y in where.values())
    svg = str(citation_svg(graph))
    assert Counter(re.findall(r'class="node node-(\w+)"', svg)) == {
        "source": 120,
        "outlet": 2,
        "conduit": 1,
    }


def test_web_graph_svg_too_big_leaves_the_table() -> None:
    assert str(citation_svg(big_graph(MAX_NODES))) == ""
    assert str(citation_svg(CitationGraph())) == ""
