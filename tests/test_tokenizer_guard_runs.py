"""Runs of punctuation are shortened before the tokenizer, keeping every offset."""

from __future__ import annotations

import time

from claimgraph.analyse.pipeline import analyse_articles
from claimgraph.analyse.tokens.tokenizer_guard import MAX_PUNCTUATION_RUN, shorten_punctuation_runs
from claimgraph.ingest.identity import article_id
from claimgraph.model import Article


def test_tokenizer_guard_runs_keep_length_and_short_runs() -> None:
    text = "He said... 'No!' -- then ==== rule " + "=" * 100 + " end, " + ",.;" * 50
    shortened = shorten_punctuation_runs(text)
    assert len(shortened) == len(text)
    assert shortened.startswith("He said... 'No!' -- then ==== rule " + "=" * MAX_PUNCTUATION_RUN)
    assert " end, " in shortened
    assert shorten_punctuation_runs("Ordinary text, with 3.5% (and more).") == (
        "Ordinary text, with 3.5% (and more)."
    )


def test_tokenizer_guard_runs_make_long_runs_cheap(nlp) -> None:  # type: ignore[no-untyped-def]
    """8,000 '=' took 22 s and 32,000 commas 157 s in the tokenizer alone before."""
    text = (
        "Rules\nThe minister said 40 people were hurt. "
        + "=" * 8000
        + " The police said 12 were arrested. "
        + "," * 32000
        + " Officials said 3 roads closed. "
        + "_?" * 8000  # the fuzz campaign's find: "_" is \w but split off like punctuation
        + " done.\n"
    )
    article = Article(id=article_id(text), text=text)
    started = time.perf_counter()
    ((_, analysis),) = analyse_articles(nlp, [article])
    assert time.perf_counter() - started < 10
    for quantity in analysis.quantities:  # offsets still point into the stored text
        assert text[quantity.span.start : quantity.span.end] == quantity.span.text
    assert {q.span.text for q in analysis.quantities} >= {"40", "12", "3"}
