"""Score cross-outlet linking against the hand-written gold in ``gold/linking/``.

All stories of a split are ingested into one temporary store and re-linked together, so
story grouping is scored as well (B-cubed over articles) and a wrong merge of two
same-kind stories shows up downstream. Predicted figures are matched to gold ones by
overlapping spans; everything else is scored on the gold stories' articles whatever
predicted story they landed in. Discrepancies, denials and citations use overlap P/R:
precision is the share of predictions that match some gold item, recall the share of
gold items some prediction matches (so a duplicate is not punished twice).
Format: ``gold/linking/README.md``; figures: ``claimgraph eval linking DIR``.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from spacy.language import Language

from claimgraph.eval.linking_gold import (
    GoldCue,
    GoldEdge,
    GoldMustNot,
    GoldStory,
    Ref,
    any_name,
    load_gold,
    normalise_name,
)
from claimgraph.eval.linking_scores import LinkingScores, overlap_score, render
from claimgraph.eval.metrics import PRF
from claimgraph.eval.stories import b_cubed
from claimgraph.link.flag_confidence import DEFAULT_MIN_CONFIDENCE
from claimgraph.model import Article, Denial, Span, StoryReport

__all__ = ["LinkingScores", "Predicted", "evaluate_linking", "predict", "render", "score"]

Key = tuple[str, int, int]  # (article id, start, end)


# --------------------------------------------------------------------------- predictions


@dataclass
class Predicted:
    """The linked reports plus where each gold article file ended up."""

    reports: list[StoryReport]
    article_of: dict[tuple[str, str], str]  # (story name, file name) -> article id
    texts: dict[str, str]  # article id -> text

    def key(self, story: str, ref: Ref) -> Key | None:
        """A gold reference as a span of the stored article (relocated by its words)."""
        article_id = self.article_of.get((story, ref.article))
        if article_id is None:
            return None
        text = self.texts[article_id]
        if text[ref.start : ref.end] == ref.text:
            return (article_id, ref.start, ref.end)
        start = text.find(ref.text)  # decoding changed the offsets: fall back to the words
        return (article_id, start, start + len(ref.text)) if start >= 0 else None


def predict(stories: Sequence[GoldStory], nlp: Language | None = None) -> Predicted:
    """Ingest every article of ``stories`` into a fresh temporary store and re-link."""
    from claimgraph.batch.ingest_and_link import ingest_and_link
    from claimgraph.store import open_store

    paths = [str((s.directory / a).resolve()) for s in stories for a in s.articles]
    with tempfile.TemporaryDirectory(prefix="claimgraph-linking-") as tmp:
        store = open_store(Path(tmp) / "linking.db")
        try:
            ingest_and_link(paths, store, nlp=nlp)
            reports = store.story_reports()
            items: list[Article] = [a for a, _ in store.iter_articles()]
            by_path = {
                str(Path(m.source_path).resolve()): a.id
                for a in items
                for m in store.appearances(a.id)
                if m.source_path
            }
        finally:
            store.close()
    article_of = {
        (s.name, a): by_path[str((s.directory / a).resolve())]
        for s in stories
        for a in s.articles
        if str((s.directory / a).resolve()) in by_path
    }
    return Predicted(reports, article_of, {a.id: a.text for a in items})


# --------------------------------------------------------------------------- helpers


def overlaps(a: Key, b: Key) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def span_key(article_id: str, span: Span) -> Key:
    return (article_id, span.start, span.end)


# --------------------------------------------------------------------------- scoring


def score_stories(scores: LinkingScores, stories: Sequence[GoldStory], pred: Predicted) -> None:
    gold = {
        pred.article_of[(s.name, a)]: s.name
        for s in stories
        for a in s.articles
        if (s.name, a) in pred.article_of
    }
    predicted = {a: r.story.id for r in pred.reports for a in r.story.article_ids}
    scores.articles = len(gold)
    scores.predicted_stories = len({predicted[a] for a in gold if a in predicted})
    scores.story_b3 = b_cubed(gold, predicted)


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> PRF:
    """Pairs of matched members put together: by the prediction, by the gold, by both."""
    same_gold = same_pred = both = 0
    for a, b in combinations(sorted(gold), 2):
        g, p = gold[a] == gold[b], predicted[a] == predicted[b]
        same_gold, same_pred, both = same_gold + g, same_pred + p, both + (g and p)
    return PRF.rates(both / same_pred if same_pred else 1.0, both / same_gold if same_gold else 1.0)


def match_members(
    stories: Sequence[GoldStory], pred: Predicted
) -> dict[tuple[str, str, Key], tuple[str, str]]:
    """(story, gold group, gold key) -> (predicted group id, predicted scope), by overlap."""
    members = [
        (g.id, span_key(m.article_id, m.quantity.span), m.scope)
        for r in pred.reports
        for g in r.figure_groups
        for m in g.members
    ]
    found: dict[tuple[str, str, Key], tuple[str, str]] = {}
    for story in stories:
        for gm in story.members:
            key = pred.key(story.name, gm.ref)
            if key is None or (story.name, gm.group, key) in found:
                continue  # a syndicated copy's figures are the original's figures
            hits = [(gid, scope) for gid, k, scope in members if overlaps(k, key)]
            if hits:
                found[(story.name, gm.group, key)] = hits[0]
    return found


def score_groups(scores: LinkingScores, stories: Sequence[GoldStory], pred: Predicted) -> None:
    gold_keys = {
        (s.name, m.group, key): m.scope
        for s in stories
        for m in s.members
        if (key := pred.key(s.name, m.ref)) is not None
    }
    found = match_members(stories, pred)
    scores.members_gold, scores.members_found = len(gold_keys), len(found)
    scores.scope_correct = sum(found[k][1] == gold_keys[k] for k in found)
    ids = {k: f"{k[2][0]}:{k[2][1]}:{k[1]}" for k in found}
    gold = {ids[k]: f"{k[0]}/{k[1]}" for k in found}
    predicted = {ids[k]: v[0] for k, v in found.items()}
    scores.group_b3 = b_cubed(gold, predicted) if found else PRF.rates(0.0, 0.0)
    scores.group_pairs = pairwise(gold, predicted) if found else PRF.rates(0.0, 0.0)
    for story, label, (article_id, start, end) in sorted(set(gold_keys) - set(found)):
        words = pred.texts[article_id][start:end]
        scores.errors.append(f"figure missed: {story} {label!r} {words!r}")
    for k, (_, scope) in sorted(found.items()):
        if scope != gold_keys[k]:
            words = pred.texts[k[2][0]][k[2][1] : k[2][2]]
            scores.errors.append(f"scope: {k[0]} {words!r} {scope} (gold {gold_keys[k]})")
    scores.errors += group_errors(found, pred)
    score_corroboration(scores, stories, pred, found)


def group_errors(found: dict[tuple[str, str, Key], tuple[str, str]], pred: Predicted) -> list[str]:
    """Predicted groups mixing gold groups, and gold groups spread over predicted ones."""
    labels = {g.id: g.label for r in pred.reports for g in r.figure_groups}
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for (story, label, _), (group_id, _) in found.items():
        by_predicted[group_id].add(f"{story}/{label}")
        by_gold[f"{story}/{label}"].add(group_id)
    lines = [f"group mixes: {labels[g]!r} holds {sorted(golds)}"
             for g, golds in sorted(by_predicted.items()) if len(golds) > 1]  # fmt: skip
    lines += [f"group split: {gold} over {sorted(labels[g] for g in ids)}"
              for gold, ids in sorted(by_gold.items()) if len(ids) > 1]  # fmt: skip
    return lines


def score_corroboration(
    scores: LinkingScores,
    stories: Sequence[GoldStory],
    pred: Predicted,
    found: dict[tuple[str, str, Key], tuple[str, str]],
) -> None:
    """Each gold group's count against that of the predicted group holding most of it."""
    counts = {c.group_id: c.independent_sources for r in pred.reports for c in r.corroboration}
    sources = {c.group_id: c.sources for r in pred.reports for c in r.corroboration}
    for story in stories:
        for label, expected in story.corroboration.items():
            scores.corroboration_total += 1
            votes = Counter(v[0] for k, v in found.items() if k[:2] == (story.name, label))
            if not votes:
                continue
            group_id = votes.most_common(1)[0][0]
            got = counts.get(group_id, 0)
            scores.corroboration_scored += 1
            scores.corroboration_correct += got == expected
            scores.corroboration_abs_error += abs(got - expected)
            if got != expected:
                scores.errors.append(
                    f"corroboration: {story.name} {label!r} {got} != {expected} "
                    f"(counted: {'; '.join(sources.get(group_id, ()))})"
                )


def story_articles(story: GoldStory, pred: Predicted) -> set[str]:
    return {
        pred.article_of[(story.name, a)]
        for a in story.articles
        if (story.name, a) in pred.article_of
    }


def _discrepancy_spans(
    story: GoldStory, pred: Predicted, kind: str, min_confidence: float = 0.0
) -> tuple[list[list[Key]], list[list[Key]]]:
    """Predicted and gold discrepancies of ``kind`` in ``story``, each as its spans;
    predictions under ``min_confidence`` left out."""
    articles = story_articles(story, pred)
    predicted = [
        [span_key(a, s) for a, s in d.spans]
        for r in pred.reports
        for d in r.discrepancies
        if d.kind.value == kind
        and d.confidence >= min_confidence
        and any(a in articles for a, _ in d.spans)
    ]
    gold = [
        [k for r in d.refs if (k := pred.key(story.name, r))]
        for d in story.discrepancies
        if d.kind == kind
    ]
    return predicted, gold


def score_discrepancies(
    scores: LinkingScores, stories: Sequence[GoldStory], pred: Predicted
) -> None:
    for kind in ("conflict", "revision", "scope", "contested"):
        total, shown = PRF.overlap(0, 0, 0, 0), PRF.overlap(0, 0, 0, 0)
        for story in stories:
            predicted, gold = _discrepancy_spans(story, pred, kind)
            found = overlap_score(predicted, gold, _meets(kind))
            if found.recall_hits < found.gold:
                scores.errors.append(
                    f"{kind}: {story.name}: {found.recall_hits:g}/{found.gold} found"
                )
            total += found
            visible, _ = _discrepancy_spans(story, pred, kind, DEFAULT_MIN_CONFIDENCE)
            shown += overlap_score(visible, gold, _meets(kind))
        scores.discrepancies[kind] = total
        scores.shown[kind] = shown
    for story in stories:
        # The commonest confusion: an update over time reported as a contradiction.
        conflicts, gold_conflicts = _discrepancy_spans(story, pred, "conflict")
        _, revisions = _discrepancy_spans(story, pred, "revision")
        meets, meets_conflict = _meets("revision"), _meets("conflict")
        mistaken = sum(
            any(meets(c, r) for r in revisions)
            and not any(meets_conflict(c, g) for g in gold_conflicts)
            for c in conflicts
        )
        if mistaken:
            scores.errors.append(f"conflict: {story.name}: {mistaken} are gold revisions")


# A conflict or a revision is between figures: a prediction must cover at least two of
# the gold figures (or all, if fewer), so that a conflict built from unrelated figures of
# an over-merged group does not match on one shared figure.
PAIRED_KINDS = frozenset({"conflict", "revision"})


def _meets(kind: str) -> Callable[[object, object], bool]:
    def meets(predicted: object, gold: object) -> bool:
        assert isinstance(predicted, list) and isinstance(gold, list)
        covered = sum(any(overlaps(p, g) for p in predicted) for g in gold)
        needed = min(2, len(gold)) if kind in PAIRED_KINDS else 1
        return covered >= max(needed, 1)

    return meets


@dataclass(frozen=True)
class _PredictedDenial:
    keys: tuple[Key, ...]  # cue and content spans
    article_id: str
    source: str | None


def predicted_denials(pred: Predicted, articles: set[str]) -> list[_PredictedDenial]:
    found = []
    for report in pred.reports:
        cues = {(a, att.id): att.cue for a, att in report.attributions}
        for d in report.denials:
            if d.article_id in articles:
                found.append(
                    _PredictedDenial(
                        _denial_keys(d, cues.get((d.article_id, d.attribution_id))),
                        d.article_id,
                        d.source,
                    )
                )
    return found


def _denial_keys(denial: Denial, cue: Span | None) -> tuple[Key, ...]:
    spans = ([cue] if cue is not None else []) + list(denial.content)
    return tuple(span_key(denial.article_id, s) for s in spans)


def _cue_matcher(story: GoldStory, pred: Predicted) -> Callable[[object, object], bool]:
    def match(p: object, g: object) -> bool:
        assert isinstance(p, _PredictedDenial) and isinstance(g, GoldCue)
        key = pred.key(story.name, g.ref)
        if key is None or key[0] != p.article_id:
            return False
        cue_hit = bool(p.keys) and overlaps(p.keys[0], key)
        return cue_hit or (g.source is not None and any_name(p.source, [g.source]))

    return match


def score_denials(scores: LinkingScores, stories: Sequence[GoldStory], pred: Predicted) -> None:
    for story in stories:
        predicted = predicted_denials(pred, story_articles(story, pred))
        match = _cue_matcher(story, pred)
        scores.denials += overlap_score(predicted, story.denials, match)
        # A non-denial wrongly reported: a predicted denial on its cue that no gold denial explains.
        wrong = [
            p
            for p in predicted
            if any(match(p, n) for n in story.non_denials)
            and not any(match(p, g) for g in story.denials)
        ]
        scores.non_denials_reported += len(wrong)
        scores.non_denials_gold += len(story.non_denials)


def _edge_match(p: object, g: object) -> bool:
    assert isinstance(p, tuple) and isinstance(g, GoldEdge)
    return any_name(p[0], g.citer) and any_name(p[1], g.cited)


def score_citations(scores: LinkingScores, stories: Sequence[GoldStory], pred: Predicted) -> None:
    for story in stories:
        articles = story_articles(story, pred)
        edges = {
            (normalise_name(c.citer), normalise_name(c.cited)): (c.citer, c.cited)
            for r in pred.reports
            for c in r.citations
            if c.article_id in articles
        }
        scores.citations += overlap_score(list(edges.values()), story.citations, _edge_match)


def _covered(predicted: Sequence[Key], refs: Sequence[Key]) -> int:
    return sum(any(overlaps(p, r) for p in predicted) for r in refs)


def must_not_violated(
    story: GoldStory, entry: GoldMustNot, pred: Predicted, min_confidence: float = 0.0
) -> bool:
    """A conflict, revision or contested entry is violated by a predicted flag of its kind
    (of at least ``min_confidence``) covering two or more of its members; a denial entry
    by a predicted denial on it."""
    refs = [k for r in entry.refs if (k := pred.key(story.name, r))]
    if entry.kind == "denial":
        denials = predicted_denials(pred, story_articles(story, pred))
        return any(_covered(d.keys[:1] or d.keys, refs) for d in denials)
    predicted, _ = _discrepancy_spans(story, pred, entry.kind, min_confidence)
    return any(_covered(p, refs) >= 2 for p in predicted)


def score_must_not(scores: LinkingScores, stories: Sequence[GoldStory], pred: Predicted) -> None:
    for story in stories:
        for entry in story.must_not:
            scores.must_not_total += 1
            if must_not_violated(story, entry, pred, DEFAULT_MIN_CONFIDENCE):
                scores.must_not_shown += 1
            if must_not_violated(story, entry, pred):
                scores.must_not_flagged += 1
                words = " / ".join(r.text for r in entry.refs)
                scores.errors.append(
                    f"must-not {entry.kind}: {story.name}: {words!r} ({entry.why})"
                )


def score(stories: Sequence[GoldStory], pred: Predicted, split: str = "dev") -> LinkingScores:
    """Score linked reports against the gold stories they were built from."""
    scores = LinkingScores(split=split, stories=len(stories))
    steps = (
        score_stories,
        score_groups,
        score_discrepancies,
        score_denials,
        score_citations,
        score_must_not,
    )
    for step in steps:
        step(scores, stories, pred)
    return scores


def evaluate_linking(
    directory: Path, split: str = "dev", nlp: Language | None = None
) -> LinkingScores:
    """Ingest and link every story of ``split`` at once, then score each task."""
    stories = load_gold(directory, split)
    if not stories:
        return LinkingScores(split=split)
    return score(stories, predict(stories, nlp), split)
