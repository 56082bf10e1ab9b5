"""Analysis on worker processes gives the same results, in the same order, as in-process."""

from __future__ import annotations

from spacy.language import Language

from claimgraph.batch.parallel import MIN_ARTICLES_FOR_WORKERS, analyse_in_processes
from claimgraph.ingest import article_id
from claimgraph.model import Article, Metadata


def articles(count: int) -> list[Article]:
    made = []
    for i in range(count):
        text = (
            f"Storm update {i}\nThe mayor said on Monday that about {i + 10} homes were "
            f"flooded, according to the Valley Wire.\n"
        )
        made.append(
            Article(id=article_id(text), text=text, metadata=Metadata(published="2026-03-11"))
        )
    return made


def test_batch_parallel_two_processes_match_one(nlp: Language) -> None:
    batch = articles(MIN_ARTICLES_FOR_WORKERS + 5)
    serial = list(analyse_in_processes(batch, processes=1, nlp=nlp))
    parallel = list(analyse_in_processes(batch, processes=2, nlp=nlp))
    assert [a.id for a, _ in parallel] == [a.id for a in batch]
    assert parallel == serial
    assert any(analysis.quantities for _, analysis in parallel)


def test_batch_parallel_small_batches_stay_in_process(nlp: Language) -> None:
    batch = articles(3)
    result = list(analyse_in_processes(batch, processes=8, nlp=nlp))
    assert [a.id for a, _ in result] == [a.id for a in batch]
