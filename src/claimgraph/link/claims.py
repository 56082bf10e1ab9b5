"""The same claim across outlets, numeric or not: attributions grouped by what they say.

Two attributions make one claim when their contents share enough of the words that are
distinctive in the story (words in most of the story's attributions, "North Korea" in a
story about North Korea, tell nothing apart). Denials usually point at a claim without
repeating it ("denied the reports", "dismissed these claims"), so a denial joins the
claim whose words its whole sentence shares most; a claim asserted by some and denied by
others is contested.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimgraph.link.citations import source_name
from claimgraph.link.counted import COUNT_CLASSES
from claimgraph.link.discrepancies import STEM_LENGTH
from claimgraph.link.terms import content_terms
from claimgraph.model import (
    Article,
    ArticleAnalysis,
    Attribution,
    ClaimGroup,
    ClaimMember,
    FigureGroup,
    Metadata,
    Stance,
)
from claimgraph.sentences import sentence_bounds

# A word in more than this share of a story's attributions is the story's topic, not a
# claim's content ("north", "korea" in a story about North Korean troops).
COMMON_SHARE = 0.25
# Two contents make one claim when they share this many distinctive word stems, and
# those cover at least this share of the longer content's distinctive stems (of the
# longer: a long quote sharing a few words with many short claims would chain them all).
MIN_SHARED = 2
MIN_COVERED = 0.4
# A denial joins the claim whose words its sentence shares most, if at least this many.
MIN_DENIAL_SHARED = 2
LABEL_LENGTH = 160


@dataclass(frozen=True)
class Said:
    article_id: str
    attribution: Attribution
    words: frozenset[str]  # stems of the content
    sentence: frozenset[str]  # stems of the whole sentence


def claim_words(text: str) -> frozenset[str]:
    """Word stems, with words for one kind of thing folded ("soldiers" -> "troops")."""
    folded = []
    for term in content_terms(text):
        singular = term[:-1] if term.endswith("s") and len(term) > 3 else term
        folded.append(COUNT_CLASSES.get(singular, term))
    return frozenset(word[:STEM_LENGTH] for word in folded)


def _said(article: Article, attribution: Attribution) -> Said | None:
    if not attribution.content:
        return None
    content = " ".join(span.text for span in attribution.content)
    start, end = sentence_bounds(
        article.text, attribution.content[0].start, attribution.content[-1].end
    )
    return Said(article.id, attribution, claim_words(content), claim_words(article.text[start:end]))


def _common(saids: Sequence[Said]) -> set[str]:
    frequency = Counter(w for s in saids for w in s.words)
    limit = max(2.0, COMMON_SHARE * len(saids))
    return {w for w, n in frequency.items() if n > limit}


class _Sets:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _same_claim(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= MIN_SHARED and shared >= MIN_COVERED * max(len(a), len(b))


def _group_assertions(saids: Sequence[Said], common: set[str]) -> _Sets:
    """Union of assertions that share distinctive words (blocked by an inverted index)."""
    sets = _Sets(len(saids))
    distinctive = [s.words - common for s in saids]
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(distinctive):
        if saids[i].attribution.factuality.stance is Stance.DENIES:
            continue
        candidates = {j for w in words for j in index[w]}
        for j in sorted(candidates):
            if _same_claim(words, distinctive[j]):
                sets.join(i, j)
        for w in words:
            index[w].append(i)
    return sets


def _attach_denials(saids: Sequence[Said], sets: _Sets, common: set[str]) -> None:
    """Each denial joins the claim it points at: by the words of what it denies first
    ("the reports of North Korean involvement"), else by its whole sentence ("they were
    propaganda")."""
    words_of: dict[int, set[str]] = defaultdict(set)
    for i, said in enumerate(saids):
        if said.attribution.factuality.stance is not Stance.DENIES:
            words_of[sets.find(i)].update(said.words)
    denials = [i for i, s in enumerate(saids) if s.attribution.factuality.stance is Stance.DENIES]
    placed: dict[tuple[str, frozenset[str]], int] = {}
    pending = []
    for i in denials:
        root = _best_claim(saids[i].words, words_of, common)
        if root is None:
            pending.append(i)
            continue
        sets.join(i, root)
        placed[(saids[i].article_id, saids[i].sentence)] = root
    for i in pending:
        # "..., with a spokeswoman saying they were propaganda": a denial in the sentence
        # of another denial points at the same claim.
        said = saids[i]
        root = placed.get((said.article_id, said.sentence))
        if root is None:
            root = _best_claim(said.sentence, words_of, common)
        if root is not None:
            sets.join(i, root)


def _best_claim(
    words: frozenset[str], words_of: Mapping[int, set[str]], common: set[str]
) -> int | None:
    """The claim sharing most words, distinctive ones counting double."""
    best: tuple[int, int] | None = None
    for root, claim in sorted(words_of.items()):
        shared = words & claim
        if len(shared) < MIN_DENIAL_SHARED:
            continue
        score = len(shared) + len(shared - common)
        if best is None or score > best[0]:
            best = (score, root)
    return best[1] if best else None


def _member(said: Said, appearances: Mapping[str, tuple[Metadata, ...]]) -> ClaimMember:
    outlets = appearances.get(said.article_id, ())
    a = said.attribution
    return ClaimMember(
        article_id=said.article_id,
        attribution_id=a.id,
        source=source_name(a),
        conduits=tuple(c.name for c in a.conduits),
        outlet=outlets[0].outlet if outlets else None,
        stance=a.factuality.stance,
        content=a.content,
    )


def _label(group: Sequence[Said]) -> str:
    """The content sharing most words with the rest of its claim."""
    asserted = [s for s in group if s.attribution.factuality.stance is not Stance.DENIES]
    pool = asserted or list(group)
    best = max(
        pool,
        key=lambda s: (
            sum(len(s.words & o.words) for o in pool),
            -s.attribution.cue.start if s.attribution.cue else 0,
        ),
    )
    text = " ".join(" ".join(span.text for span in best.attribution.content).split())
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def _join_by_figures(
    saids: Sequence[Said], sets: _Sets, figure_groups: Sequence[FigureGroup]
) -> None:
    """Attributions giving figures of one figure group make one claim, whatever their words
    ("3,000 soldiers traveled to Russia", "has sent 10,000 soldiers"). An attribution
    counts for the group of its first figure only, so one sentence listing the dead and
    the missing does not chain every claim of the story together."""
    index = {(s.article_id, s.attribution.id): i for i, s in enumerate(saids)}
    first_figure: dict[int, tuple[int, str]] = {}
    for group in figure_groups:
        if any(m.scope == "background" for m in group.members):
            continue
        for m in group.members:
            i = index.get((m.article_id, m.quantity.attribution_id or ""))
            if i is None:
                continue
            known = first_figure.get(i)
            if known is None or m.quantity.span.start < known[0]:
                first_figure[i] = (m.quantity.span.start, group.id)
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, (_, group_id) in sorted(first_figure.items()):
        by_group[group_id].append(i)
    for members in by_group.values():
        for i in members[1:]:
            sets.join(i, members[0])


def group_claims(
    story_id: str,
    items: Sequence[tuple[Article, ArticleAnalysis]],
    appearances: Mapping[str, tuple[Metadata, ...]],
    figure_groups: Sequence[FigureGroup] = (),
) -> list[ClaimGroup]:
    """Claims made in more than one attribution of the story, largest first."""
    saids = [
        s for article, analysis in items for a in analysis.attributions if (s := _said(article, a))
    ]
    common = _common(saids)
    sets = _group_assertions(saids, common)
    _join_by_figures(saids, sets, figure_groups)
    _attach_denials(saids, sets, common)
    grouped: dict[int, list[Said]] = defaultdict(list)
    for i, said in enumerate(saids):
        grouped[sets.find(i)].append(said)
    claims = []
    for group in grouped.values():
        if len(group) < 2:
            continue
        stances = {s.attribution.factuality.stance for s in group}
        keys = sorted(f"{s.article_id}:{s.attribution.id}" for s in group)
        digest = hashlib.sha256("\x1f".join((story_id, *keys)).encode()).hexdigest()[:12]
        claims.append(
            ClaimGroup(
                id="c" + digest,
                story_id=story_id,
                label=_label(group),
                members=tuple(_member(s, appearances) for s in group),
                contested=Stance.DENIES in stances and len(stances) > 1,
            )
        )
    return sorted(claims, key=lambda c: (-len(c.members), c.id))
