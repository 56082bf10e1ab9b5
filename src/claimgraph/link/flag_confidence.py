"""How far each flag can be trusted: a confidence in [0, 1].

A flag's confidence is the measured precision of the flags that share its bucket (a few
plain features), Laplace-smoothed: (right + 1) / (flagged + 2), so a bucket seen rarely
stays near one half. The counts below were measured on dev data only (2026-12-08, after
the revision window, the two-report rule, the growing-count rule and the contested
filters of ``discrepancies`` and ``contested``):

- gold/linking dev, the team's five stories and the six written blind: a predicted flag
  is right when it matches a gold entry of its kind (the scorer of ``claimgraph eval
  linking gold/linking --split dev``);
- gva-dev (real shooting coverage): every conflict, revision and contested flag of all
  505 incidents (as ``claimgraph eval figures --gva ../shared/corpora/gva-dev`` links
  them) read by hand: 43 conflicts, 27 revisions, 19 contested. Right means the flag is
  true as shown: a conflict sets two accounts of one count against each other (the true
  counts in gold.json settle most; "she heard five shots" against "he heard two" is a
  real difference of accounts), a revision is one party's changed count of the event,
  a contested flag pairs a party's denial with another party's claim it disputes.

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


def conflict_bucket(pairs: Sequence[tuple[Figure, Figure]], said_differ: bool = False) -> str:
    """``said`` when a clashing figure's sentence says accounts differ ("varying
    accounts", "earlier had said", "though cops said five"); else ``lead`` when some
    clashing pair stands in the leads of its articles (the headline and first sentences,
    where news states its totals), else ``body``."""
    if said_differ:
        return "said"
    return "lead" if any(a.in_lead and b.in_lead for a, b in pairs) else "body"


# bucket -> (right, flagged), measured as the module docstring says. On gva-dev most
# wrong conflicts set a breakdown against its total ("3 men, 1 woman wounded" read as 1
# against 4; "killed 2 children, herself" as 2 against 3): a figure problem, so these
# counts rise with the figure side, and should be measured again when it changes.
CONFLICT_COUNTS: dict[str, tuple[int, int]] = {
    "said": (3, 3),  # gva-dev 3/3; gold dev none
    "lead": (5, 10),  # gva-dev 4/9; gold dev 1/1 (team)
    "body": (7, 35),  # gva-dev 4/31; gold dev 3/4 (blind 1/2, team 2/2)
}
# Revisions: ``said`` when every later step's sentence says the count changed ("rose
# to", "up from"), and ``lead`` when every step has a figure in its article's lead.
REVISION_COUNTS: dict[str, tuple[int, int]] = {
    "said-lead": (5, 5),  # gold dev 5/5 (blind 4/4, team 1/1); gva-dev none
    "said-body": (4, 4),  # gold dev 4/4 (blind 2/2, team 2/2); gva-dev none
    # gva-dev 1/3: "12 others -- nine males and six females" read as 12 then nine
    "unsaid-lead": (5, 7),  # gold dev 4/4 (team); gva-dev 1/3
    "unsaid-body": (6, 26),  # gold dev 2/2 (team); gva-dev 4/24
}
SCOPE_COUNTS = (15, 16)  # gold dev (team)
# Contested: on a claim or alone, and whether the denial's words name a claim (a
# that-clause, "the union's claims", "these reports") or something else ("such ties",
# "the shootings", a quote calling something false).
CONTESTED_COUNTS: dict[str, tuple[int, int]] = {
    "on-claim-claim-words": (11, 12),  # gold dev 10/10 (blind 4/4, team 6/6); gva-dev 1/2
    "on-claim-other": (4, 14),  # gold dev 1/1 (team); gva-dev 3/13
    "alone-claim-words": (1, 1),  # gold dev 1/1 (blind); gva-dev none
    "alone-other": (1, 6),  # gold dev 1/2 (blind 1/1, team 0/1); gva-dev 0/4
}

# The report's default: a flag is shown when flags of its bucket were right at least
# seven times in ten on dev. Measured as above, that shows conflicts whose text says the
# accounts differ, revisions the text calls a change, contested claims whose denial
# names a claim, and scope notes. On gva-dev that shows 5 conflict, revision and
# contested flags in 505 incidents, 4 of them right (main before this calibration showed
# 64, 9 right). It hides the other conflicts (right 5 of 10 in leads, 7 of 35 in bodies),
# revisions the text does not call a change (5 of 7 in leads, 6 of 26 in bodies) and
# denials of anything else (4 of 14; alone 1 of 6 or 1 of 1). ``--min-confidence 0``
# shows them all.
DEFAULT_MIN_CONFIDENCE = 0.7


def conflict_confidence(pairs: Sequence[tuple[Figure, Figure]], said_differ: bool = False) -> float:
    return smoothed(*CONFLICT_COUNTS[conflict_bucket(pairs, said_differ)])


def revision_bucket(steps: Sequence[Sequence[Figure]], said_changed: bool = False) -> str:
    lead = "lead" if all(any(f.in_lead for f in step) for step in steps) else "body"
    return ("said" if said_changed else "unsaid") + "-" + lead


def revision_confidence(steps: Sequence[Sequence[Figure]], said_changed: bool = False) -> float:
    return smoothed(*REVISION_COUNTS[revision_bucket(steps, said_changed)])


def scope_confidence() -> float:
    return smoothed(*SCOPE_COUNTS)


def contested_bucket(on_claim: bool, claim_form: bool) -> str:
    return ("on-claim" if on_claim else "alone") + ("-claim-words" if claim_form else "-other")


def contested_confidence(on_claim: bool, claim_form: bool = True) -> float:
    return smoothed(*CONTESTED_COUNTS[contested_bucket(on_claim, claim_form)])
