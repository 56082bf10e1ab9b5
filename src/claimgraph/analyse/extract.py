"""Read and analyse articles without storing them (``claimgraph extract``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from spacy.language import Language

from claimgraph.analyse.pipeline import AnalysisFailed, analyse_each, build_pipeline
from claimgraph.errors import UnreadableInput
from claimgraph.ingest import MetadataWarning, article_id, read_paths
from claimgraph.ingest.decode import decode_input
from claimgraph.ingest.limits import text_problem
from claimgraph.model import Article, ArticleAnalysis, Metadata

EXTRACT_FORMAT_VERSION = 1


def read_raw(paths: Sequence[str], published: str | None) -> Iterator[Article | UnreadableInput]:
    """Each file whole as the body: no title split, nothing set apart (offsets as on disk)."""
    for path in paths:
        try:
            text = decode_input(Path(path).read_bytes(), path)
        except UnreadableInput as exc:
            yield exc
            continue
        except OSError as exc:
            yield UnreadableInput(path, exc.strerror or str(exc))
            continue
        problem = text_problem(text)
        if problem is not None:
            yield UnreadableInput(path, problem)
            continue
        metadata = Metadata(published=published, source_path=path, source_format="text")
        yield Article(id=article_id(text), text=text, metadata=metadata)


def extract(
    paths: Sequence[str],
    *,
    raw: bool = False,
    outlet: str | None = None,
    published: str | None = None,
    nlp: Language | None = None,
) -> Iterator[tuple[Article, ArticleAnalysis] | UnreadableInput | MetadataWarning]:
    """Every article of ``paths`` with its analysis, or the error for an unreadable input,
    or the warning for an invalid date or URL a source stated (dropped)."""
    items = (
        read_raw(paths, published) if raw else read_paths(paths, outlet=outlet, published=published)
    )
    errors: list[UnreadableInput | MetadataWarning] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, UnreadableInput | MetadataWarning):
                errors.append(item)
            else:
                yield item

    for article, result in analyse_each(nlp or build_pipeline(), articles()):
        while errors:
            yield errors.pop(0)
        if isinstance(result, AnalysisFailed):
            yield UnreadableInput(article.metadata.source_path or article.id, result.reason)
        else:
            yield article, result
    yield from errors


def extract_record(article: Article, analysis: ArticleAnalysis) -> dict[str, object]:
    """One line of ``extract --format jsonl``; its schema is ``schemas/extract.schema.json``."""
    return {
        "extract_format_version": EXTRACT_FORMAT_VERSION,
        "article": article.model_dump(mode="json"),
        "analysis": analysis.model_dump(mode="json"),
    }
