"""Citation edges: outlet -> relays -> source -> whom the source cites."""

from __future__ import annotations

from claimgraph.link.citations import citation_edges
from claimgraph.model import Article, ArticleAnalysis, Attribution, Conduit, Metadata, Span


def _conduit(name: str, relation: str) -> Conduit:
    return Conduit(span=Span(start=0, end=len(name), text=name), name=name, relation=relation)


def test_link_citations_whom_the_source_cites_stands_behind_it() -> None:
    text = "Two died, according to the Herald, which cited two officials. X told NBC News it."
    article = Article(id="a1", text=text, metadata=Metadata(outlet="Midland Post"))
    according = Attribution(
        id="a1",
        cue=Span.of(text, 10, 22),
        source=(Span.of(text, 23, 33),),
        content=(Span.of(text, 0, 8),),
        source_entity="Herald",
        conduits=(_conduit("two officials", "citing"),),
    )
    told = Attribution(
        id="a2",
        cue=Span.of(text, 64, 68),
        source=(Span.of(text, 62, 63),),
        content=(Span.of(text, 78, 80),),
        source_entity="X",
        conduits=(_conduit("NBC News", "told"),),
    )
    analysis = ArticleAnalysis(article_id="a1", attributions=(according, told))
    edges = citation_edges(article, analysis, [article.metadata])
    assert [(e.citer, e.cited) for e in edges] == [
        ("Midland Post", "Herald"),
        ("Herald", "two officials"),
        ("Midland Post", "NBC News"),
        ("NBC News", "X"),
    ]
