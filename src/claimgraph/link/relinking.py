"""Re-linking a store story by story, and only the stories whose inputs changed.

Grouping runs over the whole store every time, because a new article changes every
term's weight and the rarity of every name, so any story may gain or lose articles. It
reads the small per-article term records the store keeps (computed once per analysis),
never the analyses. Then every story whose inputs changed (its articles, their order,
its pin, an analysis or appearance of one of its articles) is linked alone: its
articles are read, its report staged in the store, and nothing of it is kept. The other
stories' stored reports are exactly what linking them again would give, so an
incremental re-link and a full one leave the same reports. One short transaction swaps
the new reports in; readers see the old stories or the new, never a mix.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from claimgraph.errors import StoreError, StoriesChanged
from claimgraph.link.overrides import apply_overrides
from claimgraph.link.stories import ArticleTerms, article_terms, group_terms, story_id
from claimgraph.link.story_report import StoryJob, StoryMapper, run_story_job
from claimgraph.model import StoryReport
from claimgraph.store.base import Store

__all__ = [
    "LINK_VERSION",
    "RelinkPlan",
    "RelinkResult",
    "apply_plan",
    "plan_relink",
    "relink",
    "relink_pending",
]

# Bump whenever linking gives different reports or terms for the same articles: a store
# re-linked by another version then re-computes every term and story once.
LINK_VERSION = 4
# Articles whose terms are computed per store read, and stories linked per call of
# ``map_stories``: small enough to bound memory, large enough to keep a cluster busy.
INDEX_BATCH = 500
JOB_BATCH = 64
# Another process replacing the stories mid-way makes a re-link start over; this many
# tries, then the error.
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class PlannedStory:
    """One story of the new grouping and the key of what its report is built from."""

    story_id: str
    article_ids: tuple[str, ...]
    pinned: bool
    inputs_key: str


@dataclass(frozen=True)
class RelinkPlan:
    """What a re-link will do: every story in report order, which to link again, and
    which stored stories go (removed, or replaced by a new report)."""

    stories: tuple[PlannedStory, ...]
    rebuild: tuple[PlannedStory, ...]
    replaced: tuple[str, ...]
    watermark: int  # the re-link queue is forgotten up to here once the plan is applied
    version: int  # ``stories_version`` the plan was made against


@dataclass(frozen=True)
class RelinkResult:
    """What a re-link did. ``len()`` is the number of stories, as when ``relink`` returned
    the reports themselves; read them with ``store.story_reports()`` or, for the ones
    linked now, ``store.story_reports_for(result.rebuilt)``."""

    stories: int
    rebuilt: tuple[str, ...]  # ids of the stories linked in this run
    replaced: tuple[str, ...]  # ids of the stored stories removed or replaced
    replaced_reports: tuple[StoryReport, ...] = ()  # their old reports, when asked for

    def __len__(self) -> int:
        return self.stories


def inputs_key(sid: str, article_ids: Sequence[str], pinned: bool) -> str:
    text = json.dumps([sid, pinned, list(article_ids)])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def index_articles(store: Store) -> int:
    """Compute and store the grouping terms of every analysed article without them."""
    after, indexed = 0, 0
    while batch := store.articles_without_terms(after, INDEX_BATCH):
        rows = []
        for seq, article, analysis in batch:
            terms = article_terms(article, analysis)
            rows.append(
                (
                    terms.article_id,
                    terms.published,
                    json.dumps(terms.words, ensure_ascii=False),
                    json.dumps(terms.stored_specific(), ensure_ascii=False),
                )
            )
            after = seq
        store.put_link_terms(rows)
        indexed += len(rows)
    return indexed


def _group(store: Store) -> tuple[list[list[str]], dict[str, int]]:
    """The grouping of every stored article, and each article's ingest position."""
    seqs: dict[str, int] = {}

    def read() -> Iterator[ArticleTerms]:
        for article_id, seq, published, words, specific in store.link_terms():
            seqs[article_id] = seq
            yield ArticleTerms.from_stored(
                article_id, published, json.loads(words), json.loads(specific)
            )

    return group_terms(read), seqs


def plan_relink(store: Store, *, full: bool = False) -> RelinkPlan:
    """Group every stored article and compare with the stored stories; ``full`` plans to
    link every story again."""
    version = store.stories_version()
    if store.link_version() != LINK_VERSION:
        store.clear_link_terms()
        full = True
    watermark, changed = store.changed_articles()
    index_articles(store)
    groups, seqs = _group(store)
    overrides = store.story_overrides()
    overridden = {i for o in overrides for i in o.article_ids}
    stories = []
    for ids in apply_overrides(groups, overrides):
        # Named after its earliest-stored article, so a story keeps its id (and its
        # groups theirs) when later articles join it, whatever their dates.
        sid = story_id([min(ids, key=seqs.__getitem__)])
        pinned = bool(overridden.intersection(ids))
        stories.append(PlannedStory(sid, tuple(ids), pinned, inputs_key(sid, ids, pinned)))
    # Stories with the most articles first, then by id for a stable order.
    stories.sort(key=lambda s: (-len(s.article_ids), s.story_id))
    stored = store.story_inputs()
    rebuild = tuple(
        s
        for s in stories
        if full or stored.get(s.story_id) != s.inputs_key or not changed.isdisjoint(s.article_ids)
    )
    kept = {s.story_id for s in stories}.difference(s.story_id for s in rebuild)
    replaced = tuple(sorted(set(stored) - kept))
    return RelinkPlan(tuple(stories), rebuild, replaced, watermark, version)


def _job(store: Store, story: PlannedStory) -> StoryJob:
    return StoryJob(
        story_id=story.story_id,
        items=tuple(store.articles_by_id(story.article_ids)),
        appearances=store.appearances_by_id(story.article_ids),
        pinned=story.pinned,
    )


def _batches(stories: Sequence[PlannedStory]) -> Iterator[list[PlannedStory]]:
    iterator = iter(stories)
    while batch := list(islice(iterator, JOB_BATCH)):
        yield batch


def apply_plan(
    store: Store, plan: RelinkPlan, *, map_stories: StoryMapper = map, keep_replaced: bool = False
) -> RelinkResult:
    """Link the plan's stories a batch at a time, then swap their reports in.

    Raises ``StoriesChanged`` when another process replaced the stories since the plan
    was made (``relink`` then plans again). ``keep_replaced`` returns the old reports
    of the stories replaced (for alerts on what changed)."""
    store.begin_staging()
    for batch in _batches(plan.rebuild):
        reports = map_stories(run_story_job, [_job(store, s) for s in batch])
        store.stage_story_reports(
            [
                (r.story.id, r.model_dump_json(), s.inputs_key)
                for r, s in zip(reports, batch, strict=True)
            ]
        )
    old = tuple(store.story_reports_for(plan.replaced)) if keep_replaced else ()
    store.commit_story_reports(
        expected_version=plan.version,
        removed=plan.replaced,
        positions=[(s.story_id, i) for i, s in enumerate(plan.stories)],
        watermark=plan.watermark,
        link_version=LINK_VERSION,
    )
    rebuilt = tuple(s.story_id for s in plan.rebuild)
    return RelinkResult(len(plan.stories), rebuilt, plan.replaced, old)


def relink(
    store: Store,
    *,
    map_stories: StoryMapper = map,
    full: bool = False,
    keep_replaced: bool = False,
) -> RelinkResult:
    """Re-link the stored articles: group them all, link again only the stories whose
    inputs changed since the last re-link (every story when ``full``), and replace them
    in the store. ``map_stories`` runs the per-story jobs (``map`` here, a cluster's map
    on an engine)."""
    for _ in range(MAX_ATTEMPTS):
        plan = plan_relink(store, full=full)
        try:
            return apply_plan(store, plan, map_stories=map_stories, keep_replaced=keep_replaced)
        except StoriesChanged:
            continue
    raise StoreError(
        f"the stories in {store.path} kept being replaced by another process during "
        f"{MAX_ATTEMPTS} re-links: stop the other re-links, then run this one again"
    )


def relink_pending(store: Store) -> bool:
    """Whether articles were stored or changed since the last re-link (an ingest still
    running, or one interrupted before it re-linked): the stored stories lag behind."""
    if store.article_count() == 0:
        return False
    return bool(store.changed_articles()[1]) or store.link_version() != LINK_VERSION
