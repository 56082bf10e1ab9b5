"""The citation graph as an SVG drawn on the server: no script, no external asset.

A layered layout: the outlets in the first column, then each name in the column of its
shortest citation path from an outlet (networkx's multi-source Dijkstra: conduits next,
then sources, then whom the sources cite), so arrows run left to right and no label
crosses another. A column is as tall as it needs (one row per name), so a
story with a hundred names stays legible; past ``MAX_NODES`` the page shows the table
alone. An arrow runs from citer to cited, thicker with more citations. Colours come
from the stylesheet through classes, because the Content-Security-Policy forbids inline
styles. Names are escaped: they come from text.
"""

from __future__ import annotations

import math

import networkx as nx
from markupsafe import Markup, escape

from claimgraph.present.export_graphml import CitationGraph

COLUMN_WIDTH = 250
ROW = 26  # px between two names in a column: one line of 13 px text and a gap
MARGIN = 20
NODE_RADIUS = 7
MAX_STROKE = 5.0
LABEL_CHARS = 30  # what fits in a column at 13 px; the full name is in the title
# Past this many names a drawing is a wall of labels; the table below says it better.
MAX_NODES = 150


def layers(graph: CitationGraph) -> dict[str, int]:
    """Each name's column: its shortest citation distance from an outlet."""
    digraph = nx.DiGraph(list(graph.edges))
    roots = [n for n in digraph if graph.node_type(n) == "outlet"] or [
        n for n in digraph if digraph.in_degree(n) == 0
    ]
    found = nx.multi_source_dijkstra_path_length(digraph, roots) if roots else {}
    deepest = max(found.values(), default=0)
    # A name no outlet reaches (a cycle among sources) goes in a column after the rest.
    return {n: int(found.get(n, deepest + 1)) for n in digraph}


def positions(graph: CitationGraph) -> tuple[dict[str, tuple[float, float]], float, float]:
    """(name -> (x, y) in px, width, height); in a column, the most cited names first."""
    columns = layers(graph)
    weight = dict.fromkeys(columns, 0)
    for (citer, cited), count in graph.edges.items():
        weight[citer] += count
        weight[cited] += count
    stacks: dict[int, list[str]] = {}
    for name in sorted(columns, key=lambda n: (-weight[n], n.casefold())):
        stacks.setdefault(columns[name], []).append(name)
    tallest = max(len(names) for names in stacks.values())
    order = sorted(stacks)
    where = {}
    for index, column in enumerate(order):
        names = stacks[column]
        offset = (tallest - len(names)) * ROW / 2  # a short column is centred
        for row, name in enumerate(names):
            where[name] = (float(MARGIN + COLUMN_WIDTH * index), MARGIN + offset + ROW * row)
    width = float(MARGIN * 2 + COLUMN_WIDTH * len(order))
    height = float(MARGIN * 2 + ROW * max(tallest - 1, 1))
    return where, width, height


def shorten(line: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Stop the line at the target's rim so the arrowhead stays visible."""
    x1, y1, x2, y2 = line
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    k = (length - NODE_RADIUS - 3) / length
    return x1, y1, x1 + (x2 - x1) * k, y1 + (y2 - y1) * k


def edge_svg(graph: CitationGraph, where: dict[str, tuple[float, float]]) -> list[str]:
    heaviest = max(graph.edges.values(), default=1)
    parts = []
    for (citer, cited), count in sorted(graph.edges.items()):
        x1, y1, x2, y2 = shorten((*where[citer], *where[cited]))
        width = 1 + (MAX_STROKE - 1) * count / heaviest
        title = escape(f"{citer} cites {cited} ({count}×)")
        if abs(x1 - x2) < 1:  # same column: a curve out to the right, not over the labels
            bend = x1 + ROW * 1.5
            path = f"M{x1:.1f} {y1:.1f}C{bend:.1f} {y1:.1f} {bend:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"
        else:
            path = f"M{x1:.1f} {y1:.1f}L{x2:.1f} {y2:.1f}"
        parts.append(
            f'<path class="edge" d="{path}" stroke-width="{width:.1f}" '
            f'marker-end="url(#arrow)"><title>{title}</title></path>'
        )
    return parts


def node_svg(graph: CitationGraph, where: dict[str, tuple[float, float]]) -> list[str]:
    parts = []
    for name, (x, y) in where.items():
        kind = graph.node_type(name)
        label = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"
        parts.append(
            f'<g class="node node-{kind}"><title>{escape(name)} ({kind})</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{NODE_RADIUS}"/>'
            f'<text x="{x + NODE_RADIUS + 4:.1f}" y="{y + 4:.1f}">'
            f"{escape(label)}</text></g>"
        )
    return parts


def citation_svg(graph: CitationGraph) -> Markup:
    """The graph as one ``<svg>`` element; empty when nobody cites anyone, or when it has
    more than ``MAX_NODES`` names (the page's table lists every citation)."""
    if not graph.edges or len(graph.nodes) > MAX_NODES:
        return Markup("")
    where, width, height = positions(graph)
    # Labels sit right of their dot: each column leaves room for its labels.
    view = f"0 {-ROW / 2:.0f} {width:.0f} {height + ROW / 2:.0f}"
    head = (
        f'<svg class="citation-graph" viewBox="{view}" role="img" '
        f'aria-label="Citation graph: {len(graph.nodes)} names, {len(graph.edges)} links; '
        'every citation is listed in the table below" xmlns="http://www.w3.org/2000/svg">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" '
        'markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>'
    )
    return Markup(head + "".join(edge_svg(graph, where) + node_svg(graph, where)) + "</svg>")
