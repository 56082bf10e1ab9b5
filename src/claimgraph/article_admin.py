"""Users' corrections to an article's metadata: outlet, publication date, URL.

Re-ingesting a text that is already stored only adds an appearance, so a date given
the second time never reached the article; this sets it. A new publication date
changes what "Wednesday" or "last week" resolve to, so the article is analysed again
before the stories are re-linked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.errors import BadMetadata, NotFound
from claimgraph.model import Article, Metadata
from claimgraph.store.base import Store

if TYPE_CHECKING:
    from spacy.language import Language


def find_article_id(store: Store, prefix: str) -> str:
    """A full article id from an id or a unique prefix of one."""
    matches = [a.id for a, _ in store.iter_articles() if a.id.startswith(prefix)]
    if len(matches) != 1:
        found = "no" if not matches else f"{len(matches)}"
        raise NotFound(f"{found} articles match {prefix!r}: give more of the id")
    return matches[0]


def corrected(
    old: Metadata, *, outlet: str | None, published: str | None, url: str | None
) -> Metadata:
    """``old`` with what the user gave: stated, so no longer marked as inferred."""
    # Imported here: the ingest package loads trafilatura and feedparser, which the
    # story commands' start-up must not pay for (tests/test_cli_startup.py).
    from claimgraph.ingest.dates import normalise_published
    from claimgraph.ingest.metadata import outlet_from_url

    changes: dict[str, object] = {}
    if outlet is not None:
        changes.update(outlet=outlet.strip() or None, outlet_inferred=False)
    if published is not None:
        value = normalise_published(published) if published.strip() else None
        changes.update(published=value, published_inferred=False)
    if url is not None:
        changes["url"] = url.strip() or None
        if outlet is None and old.outlet_inferred and url.strip():
            changes["outlet"] = outlet_from_url(url.strip()) or old.outlet
    return old.model_copy(update=changes)


def set_article_metadata(
    store: Store,
    article_ref: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    nlp: Language | None = None,
    relink_stories: bool = True,
) -> Article:
    """Set the outlet, publication date or URL of the article ``article_ref`` (an id or
    unique prefix); analyse it again when its date changed, then re-link the stories.

    An empty string clears a field. Returns the article as stored now.
    """
    if outlet is None and published is None and url is None:
        raise BadMetadata("nothing to set: give --outlet, --published or --url")
    article = store.article(find_article_id(store, article_ref))
    metadata = corrected(article.metadata, outlet=outlet, published=published, url=url)
    if metadata == article.metadata:
        return article
    updated = article.model_copy(update={"metadata": metadata})
    analysis = None
    if metadata.published != article.metadata.published:
        # Imported here: loading the pipeline is only worth it when a date changed.
        from claimgraph.analyse import build_pipeline
        from claimgraph.analyse.pipeline import analyse_articles

        _, analysis = next(analyse_articles(nlp or build_pipeline(), [updated]))
    store.correct_metadata(updated, article.metadata, analysis)
    if relink_stories:
        from claimgraph.link import relink

        relink(store)
    return updated
