"""How far each flag can be trusted: a confidence in [0, 1].

A flag's confidence is the measured precision of the flags that share its bucket (a few
plain features), Laplace-smoothed: (right + 1) / (flagged + 2), so a bucket seen rarely
stays near one half. The counts below were measured on dev data only:

- gold/linking dev: a predicted flag is right when it matches a gold entry of its kind
  (the scorer of ``claimgraph eval linking``);
- gva-dev (real shooting coverage, true counts known, after the figure-identity work):
  a random sample of 20 of the 55 conflicts read by hand (2 right: 1 of the 16 from
  bodies, 1 of the 4 in leads), and all 8 conflicts whose clashing figures stand in the
  leads of their articles (3 right).

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


def conflict_bucket(pairs: Sequence[tuple[Figure, Figure]]) -> str:
    """``lead`` when some clashing pair stands in the leads of its articles (the headline
    and first sentences, where news states its totals), else ``body``."""
    return "lead" if any(a.in_lead and b.in_lead for a, b in pairs) else "body"


# bucket -> (right, flagged), measured as the module docstring says.
CONFLICT_COUNTS: dict[str, tuple[int, int]] = {
    "lead": (4, 9),  # gold dev 1/1; gva-dev, every such conflict read by hand: 3/8
    "body": (3, 19),  # gold dev 2/3; gva-dev, the body ones of a sample read by hand: 1/16
}
REVISION_COUNTS: dict[str, tuple[int, int]] = {
    "said-lead": (7, 7),  # gold dev
    "said-body": (7, 7),  # gold dev
    "unsaid-lead": (7, 7),  # gold dev
    "unsaid-body": (7, 7),  # gold dev
}
SCOPE_COUNTS = (15, 16)  # gold dev
CONTESTED_COUNTS: dict[str, tuple[int, int]] = {
    "on-claim": (8, 8),  # gold dev
    "alone": (0, 1),  # gold dev
}

# The report's default: a flag is shown when flags of its kind were right at least seven
# times in ten on dev. Measured today, that shows scope notes, revisions and contested
# claims and hides every conflict (gva-dev: 2 of 20 read by hand right; in leads 3 of 8);
# ``--min-confidence 0`` shows them all.
DEFAULT_MIN_CONFIDENCE = 0.7


def conflict_confidence(pairs: Sequence[tuple[Figure, Figure]]) -> float:
    return smoothed(*CONFLICT_COUNTS[conflict_bucket(pairs)])


def revision_bucket(steps: Sequence[Sequence[Figure]], said_changed: bool = False) -> str:
    lead = "lead" if all(any(f.in_lead for f in step) for step in steps) else "body"
    return ("said" if said_changed else "unsaid") + "-" + lead


def revision_confidence(steps: Sequence[Sequence[Figure]], said_changed: bool = False) -> float:
    return smoothed(*REVISION_COUNTS[revision_bucket(steps, said_changed)])


def scope_confidence() -> float:
    return smoothed(*SCOPE_COUNTS)


def contested_confidence(on_claim: bool) -> float:
    return smoothed(*CONTESTED_COUNTS["on-claim" if on_claim else "alone"])
