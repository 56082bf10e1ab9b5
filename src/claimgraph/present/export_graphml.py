"""The citation graph of one or more stories, and its GraphML for Gephi.

Nodes are typed ``outlet`` (published an article of the story), ``conduit`` (an outlet
or document a source was reached through) or ``source`` (everyone else cited); an
edge's ``weight`` is how many times the citer cites the cited. The XML is written with
the standard library so that exporting needs no graph package.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from claimgraph.model import StoryReport

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
NODE_TYPES = ("outlet", "conduit", "source")


@dataclass
class CitationGraph:
    """Typed nodes (name -> type) and weighted directed edges ((citer, cited) -> count)."""

    nodes: dict[str, str] = field(default_factory=dict)
    edges: Counter[tuple[str, str]] = field(default_factory=Counter)

    def node_type(self, name: str) -> str:
        return self.nodes.get(name, "source")


def outlet_names(report: StoryReport) -> set[str]:
    names = {m.outlet for a in report.articles for m in a.appearances if m.outlet}
    names |= {m.outlet for g in report.figure_groups for m in g.members if m.outlet}
    return names


def conduit_names(report: StoryReport) -> set[str]:
    names = {c for g in report.figure_groups for m in g.members for c in m.conduits}
    names |= {c.name for _, a in report.attributions for c in a.conduits}
    return names


def citation_graph(reports: Sequence[StoryReport]) -> CitationGraph:
    """Merge the citation edges of ``reports``; an outlet stays an outlet everywhere."""
    graph = CitationGraph()
    outlets: set[str] = set()
    conduits: set[str] = set()
    for report in reports:
        outlets |= outlet_names(report)
        conduits |= conduit_names(report)
        for edge in report.citations:
            graph.edges[(edge.citer, edge.cited)] += 1
    for citer, cited in graph.edges:
        for name in (citer, cited):
            graph.nodes[name] = node_kind(name, outlets, conduits)
    return graph


def node_kind(name: str, outlets: set[str], conduits: set[str]) -> str:
    if name in outlets:
        return "outlet"
    return "conduit" if name in conduits else "source"


def _key(parent: ET.Element, key_id: str, domain: str, name: str, kind: str) -> None:
    ET.SubElement(
        parent, "key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
    )


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, "data", {"key": key}).text = value


def to_graphml(graph: CitationGraph) -> str:
    """GraphML text: node ids ``n0``, ``n1`` ... with ``label`` and ``type``; edge ``weight``."""
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    _key(root, "label", "node", "label", "string")
    _key(root, "type", "node", "type", "string")
    _key(root, "weight", "edge", "weight", "double")
    body = ET.SubElement(root, "graph", {"id": "citations", "edgedefault": "directed"})
    ids = {name: f"n{index}" for index, name in enumerate(sorted(graph.nodes))}
    for name, node_id in ids.items():
        node = ET.SubElement(body, "node", {"id": node_id})
        _data(node, "label", name)
        _data(node, "type", graph.node_type(name))
    for index, ((citer, cited), count) in enumerate(sorted(graph.edges.items())):
        attrs = {"id": f"e{index}", "source": ids[citer], "target": ids[cited]}
        edge = ET.SubElement(body, "edge", attrs)
        _data(edge, "weight", str(count))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def export_graphml(reports: Sequence[StoryReport]) -> str:
    """The merged citation graph of ``reports`` as GraphML."""
    return to_graphml(citation_graph(reports))
