"""Contested claims: a claim some parties assert and others deny, flagged on the claim.

Claims (``claims.group_claims``) already hold each denial beside the claim it points at
("denied the reports", "rejected the accusation" join the claim whose words their
sentence shares). A contested flag sits on that claim: it says who denies what, in the
denial's own words, and when those words only point ("the accusation", "the reports"),
what they point at. It belongs to a figure group only when the claim's assertions give
that group's figures; a denial is never matched to figures by shared words alone. A
denial no assertion was found for is flagged alone, on no group, at a lower confidence.

A contest is between parties about a claim: a denial needs a source that denies ("his
bail was denied" has none, and is no one's denial), a ruling that turns something down
("a judge denied bond", "denied the request") disputes no claim, and a party
never contests what it asserts itself ("He denied that he had shot the gun" beside his
own "the police knew who had shot the gun").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from claimgraph.link.citations import denied_words, source_name
from claimgraph.link.claims import claim_words
from claimgraph.link.conflicts import group_class
from claimgraph.link.counted import GENERIC_HEADS
from claimgraph.link.discrepancies import STEM_LENGTH, discrepancy_id, stems
from claimgraph.link.flag_confidence import contested_confidence
from claimgraph.link.refusals import turns_down
from claimgraph.model import (
    Attribution,
    ClaimGroup,
    ClaimMember,
    Denial,
    Discrepancy,
    DiscrepancyKind,
    FigureGroup,
    Span,
    Stance,
)

# Words that only point at what is denied ("the accusation", "these reports", "it").
POINTING = re.compile(
    r"^(?:(?:the|this|these|that|those|such|its|their|his|her)\s+)?(?:\w+\s+)?"
    r"(?:claims?|accusations?|reports?|allegations?|figures?|story|stories|charges?|"
    r"suggestions?|assertions?|it|this|them|that)$",
    re.I,
)
# A denial that names a claim: a that-clause ("denied that the track was poorly
# maintained") or words for claims ("the union's claims", "claims that its plant was the
# source"). Denials of anything else ("the shootings", "such ties", a quote calling
# something false) are mostly no contest of a claim the story reports (measured: see
# ``flag_confidence.CONTESTED_COUNTS``).
CLAIM_FORM = re.compile(
    r"^(?:that\s+(?!is\b|was\b)|(?:[\w'’.-]+\s+){0,3}?(?:claims?|reports?|allegations?|accusations?|"
    r"suggestions?|assertions?|rumou?rs?|charges?)\b)",
    re.I,
)
# Classes too general to say what a claim is about.
GENERAL_CLASSES = GENERIC_HEADS | {"people", "time"}


def refusal(denial: Denial) -> bool:
    """Whether the denial turns something down rather than disputes a claim."""
    return turns_down(denial.target)


def names_claim(denial: Denial) -> bool:
    """Whether the denial's words are a claim: a that-clause, claim words or pointing."""
    return bool(CLAIM_FORM.match(denial.target or "")) or points(denial)


def points(denial: Denial) -> bool:
    return bool(POINTING.match(denial.target or ""))


def denial_target(denial: Denial, asserted: str | None) -> str:
    """What is denied, in words: the denial's own, or the claim they point at."""
    words = denial.target or "the reports"
    if asserted and POINTING.match(words):
        return f"{words} ({asserted})"
    return words


# A pronoun is no denier the report can name ("the manager, who denied ..." read with
# "who" as its source).
PRONOUNS = frozenset(
    {"who", "which", "that", "he", "she", "they", "it", "we", "i", "you", "him", "them"}
)


def names_someone(source: str | None) -> bool:
    """Whether a denial's source is a name, not missing or a bare pronoun."""
    return bool(source) and (source or "").strip().casefold() not in PRONOUNS


# Two denials by one party are of one thing when this share of the shorter's words
# (5-letter stems) stand in the other's.
SAME_TARGET_SHARE = 0.5


def overlapping(a: set[str], b: set[str]) -> bool:
    shorter = min(len(a), len(b))
    return shorter > 0 and len(a & b) >= SAME_TARGET_SHARE * shorter


def party_of(member: ClaimMember) -> str:
    """Who stands behind a claim member, for telling deniers from asserters: its source,
    or its outlet when it gives none."""
    return (member.source or member.outlet or "").casefold()


def _names(members: Sequence[ClaimMember]) -> str:
    names = list(dict.fromkeys(m.source or m.outlet or "the outlet" for m in members))
    return ", ".join(names)


def _figure_group(asserting: Sequence[ClaimMember], groups: Sequence[FigureGroup]) -> str | None:
    """The group most of the claim's asserted figures belong to (totals only); failing
    that, the one group of counted things (no unit) whose class the assertions name
    ("personnel are moving" for troops) and that more than one article reports (not the
    "two navy patrol vessels" of one sentence for "the vessel"). Words shared with a
    group's sentences are not enough: that is how a denial about safety warnings used to
    land on missing people."""
    # Groups that say what they count, not times, sums of money or "unspecified".
    about = {g.id for g in groups if g.unit is None and group_class(g) not in GENERAL_CLASSES}
    of_attribution = {
        (m.article_id, m.quantity.attribution_id): g.id
        for g in groups
        for m in g.members
        if m.quantity.attribution_id and m.scope == "total"
    }
    votes = Counter(
        gid
        for m in asserting
        if (gid := of_attribution.get((m.article_id, m.attribution_id))) in about
    )
    if votes:
        return votes.most_common(1)[0][0]
    words = claim_words(" ".join(s.text for m in asserting for s in m.content))
    named = [
        g.id
        for g in groups
        if g.id in about
        and len({m.article_id for m in g.members}) >= 2
        and group_class(g)[:STEM_LENGTH] in words
    ]
    return named[0] if len(named) == 1 else None


def _spans(members: Sequence[ClaimMember]) -> tuple[tuple[str, Span], ...]:
    return tuple((m.article_id, s) for m in members for s in m.content)


def antecedent(
    denied: Attribution | None, article_id: str, attributions: Sequence[tuple[str, Attribution]]
) -> tuple[str, Attribution] | None:
    """The statement "these claims" points at: the nearest one before the denial in its
    article that is not itself a denial."""
    if denied is None or denied.cue is None:
        return None
    before = [
        (aid, a)
        for aid, a in attributions
        if aid == article_id
        and a.cue is not None
        and a.content
        and a.cue.start < denied.cue.start
        and a.factuality.stance is not Stance.DENIES
    ]
    return max(before, key=lambda item: item[1].cue.start if item[1].cue else 0, default=None)


def _member(article_id: str, attribution: Attribution) -> ClaimMember:
    return ClaimMember(
        article_id=article_id,
        attribution_id=attribution.id,
        source=source_name(attribution),
        stance=attribution.factuality.stance,
        content=attribution.content,
    )


def contested(
    story_id: str,
    claims: Sequence[ClaimGroup],
    denials: Sequence[Denial],
    groups: Sequence[FigureGroup],
    attributions: Sequence[tuple[str, Attribution]] = (),
) -> list[Discrepancy]:
    """One flag per contested claim; a denial that only points ("these claims") and
    joined no claim sits on the statement just before it."""
    by_attribution = {(d.article_id, d.attribution_id): d for d in denials}
    claim_of = {(m.article_id, m.attribution_id): c for c in claims for m in c.members}
    in_claims = {
        by_attribution[(m.article_id, m.attribution_id)].id
        for c in claims
        if c.contested
        for m in c.members
        if (m.article_id, m.attribution_id) in by_attribution
    }
    extra: dict[str, list[ClaimMember]] = defaultdict(list)  # claim id -> pointed denials
    alone: list[Denial] = []
    lone_claims: dict[str, ClaimGroup] = {}
    by_key = {(aid, a.id): a for aid, a in attributions}
    # Refusals are not in the report's denials, but a claim may still hold one as a member.
    refused = {(d.article_id, d.attribution_id) for d in denials if refusal(d)} | {
        (aid, a.id)
        for aid, a in attributions
        if a.factuality.stance is Stance.DENIES and turns_down(denied_words(a.content))
    }
    for denial in denials:
        if denial.id in in_claims or refusal(denial):
            continue
        denied = by_key.get((denial.article_id, denial.attribution_id))
        found = antecedent(denied, denial.article_id, attributions) if points(denial) else None
        claim = claim_of.get((found[0], found[1].id)) if found else None
        if found is not None and claim is None:
            label = " ".join(s.text for s in found[1].content)
            claim = ClaimGroup(
                id=f"{found[0]}:{found[1].id}",
                story_id=story_id,
                label=label,
                members=(_member(*found),),
            )
            lone_claims[claim.id] = claim
        if claim is None or denied is None:
            alone.append(denial)
            continue
        extra[claim.id].append(_member(denial.article_id, denied))
    found_flags: list[Discrepancy] = []
    told: list[tuple[set[str], set[str], int]] = []  # deniers, target stems, flag index
    for claim in [*claims, *lone_claims.values()]:
        members = [*claim.members, *extra.get(claim.id, ())]
        denying = [
            m
            for m in members
            if m.stance is Stance.DENIES
            and names_someone(m.source)
            and (m.article_id, m.attribution_id) not in refused
        ]
        deniers = {party_of(m) for m in denying}
        asserting = [
            m for m in members if m.stance is not Stance.DENIES and party_of(m) not in deniers
        ]
        if not denying or not asserting:
            continue
        first = by_attribution.get((denying[0].article_id, denying[0].attribution_id))
        target = denial_target(first, claim.label) if first else claim.label
        reason = f"Denied by {_names(denying)}: {target}. Asserted by {_names(asserting)}."
        said = stems(target)
        same = next((i for d, t, i in told if d & deniers and overlapping(t, said)), None)
        if same is not None:
            # One party denying one thing in two outlets' words ("that it ignored safety
            # warnings", "that it had ignored any safety warnings"): one contest, one flag.
            flag = found_flags[same]
            spans = tuple(dict.fromkeys(flag.spans + _spans(asserting) + _spans(denying)))
            found_flags[same] = flag.model_copy(update={"spans": spans})
            continue
        told.append((deniers, said, len(found_flags)))
        found_flags.append(
            Discrepancy(
                id=discrepancy_id(story_id, DiscrepancyKind.CONTESTED, [claim.id]),
                story_id=story_id,
                kind=DiscrepancyKind.CONTESTED,
                reason=reason,
                group_id=_figure_group(asserting, groups),
                claim_id=claim.id if claim.id not in lone_claims else None,
                spans=_spans(asserting) + _spans(denying),
                confidence=contested_confidence(
                    on_claim=True, claim_form=first is not None and names_claim(first)
                ),
            )
        )
    for denial in alone:
        if not names_someone(denial.source):
            continue  # "his bail was denied": no one denies
        found_flags.append(
            Discrepancy(
                id=discrepancy_id(story_id, DiscrepancyKind.CONTESTED, [denial.id]),
                story_id=story_id,
                kind=DiscrepancyKind.CONTESTED,
                reason=f"Denied by {denial.source}: {denial_target(denial, None)}.",
                spans=tuple((denial.article_id, s) for s in denial.content),
                confidence=contested_confidence(on_claim=False, claim_form=names_claim(denial)),
            )
        )
    return found_flags
