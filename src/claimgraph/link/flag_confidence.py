"""How far each flag can be trusted: a confidence in [0, 1].

A flag's confidence is the measured precision of the flags that share its bucket (a few
plain features), Laplace-smoothed: (right + 1) / (flagged + 2), so a bucket seen rarely
stays near one half. The counts below were measured on dev data only:

- gold/linking dev: a predicted flag is right when it matches a gold entry of its kind
  (the scorer of ``claimgraph eval linking``);
- gva-dev (real shooting coverage, true counts known): a random sample of 20 conflicts
  read by hand (1 right), and, for the ``backed`` buckets the sample did not reach, the
  conflicts on killed or injured groups of incidents whose articles all agree with the
  true count (all wrong by construction; ``claimgraph eval figures``).

Reports hide flags under ``DEFAULT_MIN_CONFIDENCE`` unless asked (``report
--min-confidence``); JSON keeps every flag with its confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimgraph.link.conflicts import Figure


def smoothed(right: int, flagged: int) -> float:
    return round((right + 1) / (flagged + 2), 2)


def conflict_bucket(
    clusters: Sequence[Sequence[Figure]], pairs: Sequence[tuple[Figure, Figure]]
) -> str:
    """``backed`` when the lowest and the highest cluster each stand on two or more
    parties or two or more articles (a figure restated, not one misread number);
    ``same-day`` or ``later-lower`` for the time of the clash."""

    def backing(cluster: Sequence[Figure]) -> int:
        return max(len({f.party.key for f in cluster}), len({f.member.article_id for f in cluster}))

    backed = min(backing(clusters[0]), backing(clusters[-1])) >= 2
    when = "same-day" if any(a.day == b.day for a, b in pairs) else "later-lower"
    return f"{'backed' if backed else 'single'}/{when}"


# bucket -> (right, flagged), measured as the module docstring says.
CONFLICT_COUNTS: dict[str, tuple[int, int]] = {
    "backed/same-day": (0, 5),  # gva-dev agreeing incidents
    "backed/later-lower": (0, 0),  # never seen: the prior, one half
    "single/same-day": (3, 16),  # gold dev 3/4, gva-dev sample 0/12
    "single/later-lower": (1, 8),  # gva-dev sample 1/8
}
REVISION_COUNTS: dict[str, tuple[int, int]] = {
    "two-steps": (5, 5),  # gold dev
    "more-steps": (1, 1),  # gold dev
}
SCOPE_COUNTS = (15, 15)  # gold dev
CONTESTED_COUNTS: dict[str, tuple[int, int]] = {
    "on-claim": (8, 8),  # gold dev
    "alone": (0, 1),  # gold dev
}

# The report's default: a flag is shown when flags of its kind were right at least seven
# times in ten on dev. Measured today, that shows scope notes, revisions and contested
# claims and hides every conflict (gva-dev: 1 of 20 conflicts read by hand was right);
# ``--min-confidence 0`` shows them all.
DEFAULT_MIN_CONFIDENCE = 0.7


def conflict_confidence(
    clusters: Sequence[Sequence[Figure]], pairs: Sequence[tuple[Figure, Figure]]
) -> float:
    return smoothed(*CONFLICT_COUNTS[conflict_bucket(clusters, pairs)])


def revision_bucket(steps: Sequence[Sequence[Figure]]) -> str:
    return "two-steps" if len(steps) == 2 else "more-steps"


def revision_confidence(steps: Sequence[Sequence[Figure]]) -> float:
    return smoothed(*REVISION_COUNTS[revision_bucket(steps)])


def scope_confidence() -> float:
    return smoothed(*SCOPE_COUNTS)


def contested_confidence(on_claim: bool) -> float:
    return smoothed(*CONTESTED_COUNTS["on-claim" if on_claim else "alone"])
