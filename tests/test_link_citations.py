"""Citation edges: outlet -> relays -> source -> whom the source cites; and the denials."""

from __future__ import annotations

from claimgraph.link.citations import citation_edges, denials
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    Attribution,
    Conduit,
    Factuality,
    Metadata,
    Span,
    Stance,
)


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


def _denial(text: str, aid: str, source: str, cue: str, content: str) -> Attribution:
    at = text.index(content)
    return Attribution(
        id=aid,
        cue=Span.of(text, text.index(cue), text.index(cue) + len(cue)),
        source=(Span.of(text, text.index(source), text.index(source) + len(source)),),
        content=(Span.of(text, at, at + len(content)),),
        source_entity=source,
        factuality=Factuality(stance=Stance.DENIES),
    )


def test_link_citations_denials_leave_out_rulings() -> None:
    text = (
        "The judge denied bond for both men. The judge denied the motion to dismiss. "
        "Residents were denied access to their homes. "
        "The ministry denied reports that troops had crossed, calling them fake news."
    )
    article = Article(id="a1", text=text, metadata=Metadata(outlet="Midland Post"))
    said = (
        _denial(text, "a1", "The judge", "denied", "bond for both men"),
        _denial(text, "a2", "The judge", "denied", "the motion to dismiss"),
        _denial(text, "a3", "Residents", "denied", "access to their homes"),
        _denial(text, "a4", "The ministry", "denied", "reports that troops had crossed"),
    )
    analysis = ArticleAnalysis(article_id="a1", attributions=said)
    found = denials("s", article, analysis)
    assert [(d.source, d.target) for d in found] == [
        ("The ministry", "reports that troops had crossed")
    ]
