"""The citation graph of one or more stories, and its GraphML for Gephi.

Nodes are typed ``outlet`` (published an article of the story), ``conduit`` (an outlet
or document a source was reached through) or ``source`` (everyone else cited). In the
GraphML every story has its own nodes (id ``story:name``: "police" in two stories are
two different police forces, most likely) and every citation is its own edge, with the
story, the article, its title and date, and the cue words that made it. The XML is
written with the standard library so that exporting needs no graph package.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from claimgraph.model import UNKNOWN_OUTLET, StoryReport

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
    if name in outlets or name == UNKNOWN_OUTLET:
        return "outlet"
    return "conduit" if name in conduits else "source"


def _key(parent: ET.Element, key_id: str, domain: str, name: str, kind: str) -> None:
    ET.SubElement(
        parent, "key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
    )


def _data(parent: ET.Element, key: str, value: str) -> None:
    ET.SubElement(parent, "data", {"key": key}).text = value


NODE_KEYS = (("label", "string"), ("type", "string"), ("story", "string"))
EDGE_KEYS = (
    ("story", "string"),
    ("article", "string"),
    ("article_title", "string"),
    ("date", "string"),
    ("cue", "string"),
    ("weight", "double"),
)


def story_graph(report: StoryReport, body: ET.Element) -> None:
    """The nodes and edges of one story, ids prefixed by its id."""
    graph = citation_graph([report])
    story = report.story.id
    ids = {name: f"{story}:{name}" for name in sorted(graph.nodes)}
    for name, node_id in ids.items():
        node = ET.SubElement(body, "node", {"id": node_id})
        for key, value in (("label", name), ("type", graph.node_type(name)), ("story", story)):
            _data(node, f"node_{key}", value)
    articles = {a.article_id: a for a in report.articles}
    for index, edge in enumerate(report.citations):
        summary = articles.get(edge.article_id)
        dates = sorted(m.published for m in summary.appearances if m.published) if summary else []
        attrs = {"id": f"{story}:e{index}", "source": ids[edge.citer], "target": ids[edge.cited]}
        element = ET.SubElement(body, "edge", attrs)
        values = (
            ("story", story),
            ("article", edge.article_id),
            ("article_title", (summary.title if summary else None) or ""),
            ("date", dates[0][:10] if dates else ""),
            ("cue", edge.span.text if edge.span else ""),
            ("weight", "1"),
        )
        for key, value in values:
            _data(element, f"edge_{key}", value)


def to_graphml(reports: Sequence[StoryReport]) -> str:
    """GraphML text: per-story nodes with ``label``, ``type``, ``story``; one edge per
    citation with ``story``, ``article``, ``article_title``, ``date``, ``cue``, ``weight``."""
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    for name, kind in NODE_KEYS:
        _key(root, f"node_{name}", "node", name, kind)
    for name, kind in EDGE_KEYS:
        _key(root, f"edge_{name}", "edge", name, kind)
    body = ET.SubElement(root, "graph", {"id": "citations", "edgedefault": "directed"})
    for report in reports:
        story_graph(report, body)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def export_graphml(reports: Sequence[StoryReport]) -> str:
    """The citation graphs of ``reports`` as GraphML, one set of nodes per story."""
    return to_graphml(reports)
