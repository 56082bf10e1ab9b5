"""The citation graph as an SVG drawn on the server: no script, no external asset.

Nodes sit on a circle (a story has tens of names at most, so a circle stays readable
and needs no layout library); an arrow runs from citer to cited, thicker with more
citations. Colours come from the stylesheet through classes, because the
Content-Security-Policy forbids inline styles. Names are escaped: they come from text.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from claimgraph.present.export_graphml import CitationGraph

SIZE = 440
RADIUS = 160
NODE_RADIUS = 9
MAX_STROKE = 6.0
LABEL_CHARS = 28


def positions(names: list[str]) -> dict[str, tuple[float, float]]:
    centre = SIZE / 2
    count = max(len(names), 1)
    return {
        name: (
            centre + RADIUS * math.cos(2 * math.pi * i / count - math.pi / 2),
            centre + RADIUS * math.sin(2 * math.pi * i / count - math.pi / 2),
        )
        for i, name in enumerate(names)
    }


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
        parts.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{width:.1f}" marker-end="url(#arrow)"><title>{title}</title></line>'
        )
    return parts


def node_svg(graph: CitationGraph, where: dict[str, tuple[float, float]]) -> list[str]:
    parts = []
    for name, (x, y) in where.items():
        kind = graph.node_type(name)
        label = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"
        anchor = "end" if x < SIZE / 2 - 1 else "start"
        dx = -NODE_RADIUS - 4 if anchor == "end" else NODE_RADIUS + 4
        parts.append(
            f'<g class="node node-{kind}"><title>{escape(name)} ({kind})</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{NODE_RADIUS}"/>'
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">'
            f"{escape(label)}</text></g>"
        )
    return parts


def citation_svg(graph: CitationGraph) -> Markup:
    """The graph as one ``<svg>`` element, or an empty string when nobody cites anyone."""
    if not graph.edges:
        return Markup("")
    where = positions(sorted(graph.nodes))
    head = (
        f'<svg class="citation-graph" viewBox="-120 0 {SIZE + 240} {SIZE}" role="img" '
        'aria-label="Citation graph" xmlns="http://www.w3.org/2000/svg">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="12" '
        'markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>'
    )
    return Markup(head + "".join(edge_svg(graph, where) + node_svg(graph, where)) + "</svg>")
