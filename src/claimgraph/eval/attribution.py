"""Score attribution extraction against PolNeAR, next to textacy's quotation baseline.

For each role (source, cue, content) the gold items are the distinct span sets of that
role over an article's attributions (a source shared by two attributions counts once),
and likewise for the predictions. Two measures:

* exact: the same character ranges once white space, quotes and punctuation are trimmed
  from each fragment's ends (and fragments separated only by such characters joined);
* overlap: a maximum one-to-one matching of predicted to gold items that share
  characters (``overlap_matches``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimgraph.eval.metrics import PRF
from claimgraph.eval.polnear import Fragments, GoldAttribution, PolnearArticle, read_split
from claimgraph.model import Attribution, Span

ROLES = ("source", "cue", "content")
# What the exact measure ignores at a fragment's ends: annotators differ on whether the
# closing comma, the quotation marks or a trailing colon belong to a span.
_TRIM = " \t\r\n\"'“”‘’`«».,;:!?—–-()[]…"


@dataclass(frozen=True)
class Predicted:
    """One predicted attribution as fragments per role (the scorer's common shape)."""

    source: Fragments
    cue: Fragments
    content: Fragments


@dataclass
class RoleScores:
    exact: PRF = field(default_factory=lambda: PRF(0, 0, 0))
    overlap: PRF = field(default_factory=lambda: PRF(0, 0, 0))


@dataclass
class SystemScores:
    roles: dict[str, RoleScores] = field(default_factory=lambda: {r: RoleScores() for r in ROLES})

    def as_dict(self) -> dict[str, dict[str, dict[str, float]]]:
        return {
            role: {"exact": s.exact.as_dict(), "overlap": s.overlap.as_dict()}
            for role, s in self.roles.items()
        }


@dataclass
class AttributionReport:
    split: str
    articles: int
    systems: dict[str, SystemScores]

    def as_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "articles": self.articles,
            "systems": {name: s.as_dict() for name, s in self.systems.items()},
        }


# --------------------------------------------------------------------------- normalising


def normalise(text: str, fragments: Fragments) -> Fragments:
    """Trim each fragment's ends, drop empty ones, join those only trim characters apart."""
    trimmed: list[tuple[int, int]] = []
    for start, end in sorted(fragments):
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if start < end:
            trimmed.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in trimmed:
        if merged and _only_trim_between(text, merged[-1][1], start):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _only_trim_between(text: str, end: int, start: int) -> bool:
    return start <= end or all(ch in _TRIM for ch in text[end:start])


def _items(
    text: str, attributions: Iterable[Predicted | GoldAttribution], role: str
) -> list[Fragments]:
    seen: dict[Fragments, None] = {}
    for attribution in attributions:
        fragments = normalise(text, getattr(attribution, role))
        if fragments:
            seen[fragments] = None
    return list(seen)


# --------------------------------------------------------------------------- matching


def _chars(fragments: Fragments) -> set[int]:
    return {i for start, end in fragments for i in range(start, end)}


def overlap_matches(gold: Sequence[Fragments], predicted: Sequence[Fragments]) -> int:
    """Size of a maximum one-to-one matching of items that share characters (scipy's
    Hopcroft-Karp: every maximum matching has the same size, so a wide prediction never
    blocks a narrow one from its only match)."""
    from scipy.sparse import csr_matrix  # eval and training only: the dev extra
    from scipy.sparse.csgraph import maximum_bipartite_matching

    gold_chars = [_chars(g) for g in gold]
    pairs = [
        (p_index, g_index)
        for p_index, p in enumerate(predicted)
        for p_chars in [_chars(p)]
        for g_index, g_chars in enumerate(gold_chars)
        if not p_chars.isdisjoint(g_chars)
    ]
    if not pairs:
        return 0
    rows, cols = zip(*pairs, strict=True)
    shares = csr_matrix(([1] * len(pairs), (rows, cols)), shape=(len(predicted), len(gold)))
    gold_of = maximum_bipartite_matching(shares, perm_type="column")
    return int((gold_of >= 0).sum())


def score_article(
    text: str, gold: Sequence[GoldAttribution], predicted: Sequence[Predicted]
) -> dict[str, RoleScores]:
    scores: dict[str, RoleScores] = {}
    for role in ROLES:
        g = _items(text, gold, role)
        p = _items(text, predicted, role)
        exact = len(set(g) & set(p))
        scores[role] = RoleScores(
            exact=PRF(exact, len(p), len(g)),
            overlap=PRF(overlap_matches(g, p), len(p), len(g)),
        )
    return scores


def accumulate(total: SystemScores, article: dict[str, RoleScores]) -> None:
    for role, s in article.items():
        t = total.roles[role]
        t.exact = t.exact + s.exact
        t.overlap = t.overlap + s.overlap


# --------------------------------------------------------------------------- systems


def _span_fragments(spans: Iterable[Span]) -> Fragments:
    return tuple((s.start, s.end) for s in spans)


def from_attribution(attribution: Attribution) -> Predicted:
    return Predicted(
        source=_span_fragments(attribution.source),
        cue=_span_fragments([attribution.cue] if attribution.cue else []),
        content=_span_fragments(attribution.content),
    )


def claimgraph_predictions(doc: Doc) -> list[Predicted]:
    return [from_attribution(a) for a in doc._.cg_attributions]


def _token_fragments(tokens: Sequence[Token]) -> Fragments:
    """Contiguous runs of tokens as character fragments."""
    fragments: list[tuple[int, int]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        end = token.idx + len(token.text)
        if fragments and token.i > 0 and token.doc[token.i - 1] in tokens:
            fragments[-1] = (fragments[-1][0], end)
        else:
            fragments.append((token.idx, end))
    return tuple(fragments)


def textacy_predictions(doc: Doc) -> list[Predicted]:
    """textacy's ``direct_quotations`` as the baseline (its own rules, same parse).

    textacy refuses a whole document with an odd number of quotation marks; then it is
    run paragraph by paragraph, so one stray mark does not zero the baseline's article.
    """
    try:
        return _textacy_quotations(doc, 0)
    except ValueError:
        pass
    predicted: list[Predicted] = []
    for paragraph in _paragraphs(doc):
        try:
            predicted.extend(_textacy_quotations(paragraph.as_doc(), paragraph.start_char))
        except ValueError:
            continue
    return predicted


def _paragraphs(doc: Doc) -> Iterator[SpacySpan]:
    start = 0
    for token in doc:
        if "\n" in token.text or token.i == len(doc) - 1:
            if token.i + 1 > start:
                yield doc[start : token.i + 1]
            start = token.i + 1


def _textacy_quotations(doc: Doc, offset: int) -> list[Predicted]:
    from textacy.extract.triples import direct_quotations

    def shift(fragments: Fragments) -> Fragments:
        return tuple((s + offset, e + offset) for s, e in fragments)

    predicted = []
    for triple in direct_quotations(doc):
        content = triple.content
        predicted.append(
            Predicted(
                source=shift(_token_fragments(triple.speaker)),
                cue=shift(_token_fragments(triple.cue)),
                content=shift(((content.start_char, content.end_char),)),
            )
        )
    return predicted


# --------------------------------------------------------------------------- running


def _docs(nlp: Language, articles: list[PolnearArticle]) -> Iterator[tuple[PolnearArticle, Doc]]:
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=8):
        yield article, doc


def evaluate_attribution(
    polnear_dir: Path,
    split: str = "dev",
    limit: int | None = None,
    nlp: Language | None = None,
    with_baseline: bool = True,
    rules_only: bool = False,
) -> AttributionReport:
    """Run the pipeline over one PolNeAR split and score it (and textacy) per role;
    ``rules_only`` switches the trained cue scorer off (a fresh pipeline only)."""
    if nlp is None:
        from claimgraph.analyse import build_pipeline
        from claimgraph.analyse.attribution.component import AttributionComponent

        nlp = build_pipeline()
        component = nlp.get_pipe("claimgraph_attribution_v1")
        if rules_only and isinstance(component, AttributionComponent):
            component.models = None
    articles = list(read_split(polnear_dir, split, limit))
    systems = {"claimgraph": SystemScores()}
    if with_baseline:
        systems["textacy"] = SystemScores()
    for article, doc in _docs(nlp, articles):
        gold = article.attributions
        accumulate(
            systems["claimgraph"], score_article(article.text, gold, claimgraph_predictions(doc))
        )
        if with_baseline:
            accumulate(
                systems["textacy"], score_article(article.text, gold, textacy_predictions(doc))
            )
    return AttributionReport(split=split, articles=len(articles), systems=systems)


def format_report(report: AttributionReport) -> str:
    lines = [
        f"PolNeAR {report.split}: {report.articles} articles",
        f"{'system':<12}{'role':<9}{'exact P':>9}{'R':>7}{'F1':>7}"
        f"{'overlap P':>11}{'R':>7}{'F1':>7}",
    ]
    for name, system in report.systems.items():
        for role, s in system.roles.items():
            e, o = s.exact, s.overlap
            lines.append(
                f"{name:<12}{role:<9}"
                f"{100 * e.precision:>9.1f}{100 * e.recall:>7.1f}{100 * e.f1:>7.1f}"
                f"{100 * o.precision:>11.1f}{100 * o.recall:>7.1f}{100 * o.f1:>7.1f}"
            )
    return "\n".join(lines)
