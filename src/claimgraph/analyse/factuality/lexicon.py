"""Word lists for factuality: what a cue word commits its source to.

Kept apart from the logic so the lists can grow without touching the rules. Lemmas are
spaCy lemmas of ``en_core_web_sm`` (lower case).
"""

from __future__ import annotations

import re

from claimgraph.model import Certainty, Stance

CueEntry = tuple[Stance, Certainty]

_A, _R, _L = Stance.ASSERTS, Stance.REPORTS, Stance.ALLEGES
_E, _D, _Q = Stance.EXPECTS, Stance.DENIES, Stance.REFUSES_TO_CONFIRM
_C, _P, _S = Certainty.CERTAIN, Certainty.PROBABLE, Certainty.POSSIBLE


def _entries(stance: Stance, certainty: Certainty, words: str) -> dict[str, CueEntry]:
    return {w: (stance, certainty) for w in words.split()}


CUES: dict[str, CueEntry] = {
    **_entries(
        _A,
        _C,
        "say tell state announce confirm declare insist stress note add explain "
        "comment write disclose reveal show acknowledge admit maintain emphasise "
        "emphasize argue conclude find determine affirm assert agree warn according "
        "statement announcement confirmation testify reiterate repeat point observe "
        "describe call recall mention respond reply answer brief inform express "
        "remark tweet post caution",
    ),
    **_entries(
        _A,
        _P,
        "believe think estimate assess consider feel indicate signal appear "
        "seem judge reckon suppose presume assume belief estimate assessment doubt "
        "understand calculate",
    ),
    **_entries(
        _A,
        _S,
        "suggest hint imply speculate fear worry concern wonder raise guess "
        "suspect question suggestion speculation hope possibility",
    ),
    **_entries(_R, _C, "report cite quote relay report citing"),
    **_entries(_R, _P, "reportedly"),
    **_entries(
        _L,
        _C,
        "allege accuse claim charge contend purport allegation accusation allegedly purportedly",
    ),
    **_entries(Stance.RUMOURS, _S, "rumor rumour rumored rumoured reputedly whisper"),
    **_entries(
        _E,
        _P,
        "expect predict forecast anticipate project foresee expectation "
        "prediction projection forecaster",
    ),
    **_entries(_E, _C, "vow pledge promise threaten plan intend"),
    **_entries(
        _D, _C, "deny dismiss reject refute rebut dispute contradict denial repudiate disavow"
    ),
    **_entries(_Q, _S, "decline refuse refrain"),
}

# Verbs whose object noun carries the stance: "expressed concern", "voiced doubt".
LIGHT_VERBS = frozenset({"express", "voice", "raise", "cast", "signal"})

# "X is said/believed/reported to ..." relays what unnamed others hold.
PASSIVE_CUES: dict[str, CueEntry] = {
    "say": (_R, _P),
    "report": (_R, _P),
    "believe": (_R, _P),
    "think": (_R, _P),
    "understand": (_R, _P),
    "expect": (_E, _P),
    "rumor": (Stance.RUMOURS, _S),
    "rumour": (Stance.RUMOURS, _S),
    "allege": (_L, _C),
}

# Cues whose negation is a refusal to commit, not a claim of the opposite.
REFUSALS = frozenset({"decline", "refuse", "refrain", "fail"})

# "does not believe X" means "believes not-X": negation moves into the content.
NEG_RAISING = frozenset(
    {"believe", "think", "expect", "anticipate", "suppose", "feel", "seem", "appear", "doubt"}
)

# "doubt" is a belief in the opposite.
NEGATIVE_BELIEF = frozenset({"doubt"})

MODALS: dict[str, Certainty] = {
    "could": _S,
    "might": _S,
    "may": _S,
    "should": _P,
    "ought": _P,
}

HEDGES: dict[str, Certainty] = {
    "possibly": _S,
    "perhaps": _S,
    "maybe": _S,
    "potentially": _S,
    "conceivably": _S,
    "probably": _P,
    "likely": _P,
    "apparently": _P,
    "presumably": _P,
    "seemingly": _P,
    "reportedly": _P,
    "allegedly": _P,
    "purportedly": _P,
    "possible": _S,
    "unclear": _S,
    "unlikely": _P,
    "probable": _P,
}

# Evidential adverbs in the outlet's own sentences: the outlet relays, not asserts.
EVIDENTIALS: dict[str, Stance] = {
    "reportedly": _R,
    "allegedly": _L,
    "purportedly": _L,
    "reputedly": Stance.RUMOURS,
}

# Hedges that also turn the content around ("is unlikely to" ~ probably not).
NEGATIVE_HEDGES = frozenset({"unlikely"})

# Negated, these leave the content open: "it is not clear/known whether".
UNSETTLED = frozenset({"clear", "certain", "known", "know", "sure", "confirm"})

NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "none", "neither"})


# A neutral "said" whose content calls the matter a fabrication is a denial: "a spokeswoman
# said they were 'work of the media propaganda'", "officials said the reports were false".
DISMISSIVE_CONTENT = re.compile(
    r"\b(propaganda|fake news|fake|fabricat\w*|baseless|groundless|unfounded|lies|a lie|"
    r"hoax|nonsense|not true|untrue|false|disinformation|misinformation|provocation)\b",
    re.IGNORECASE,
)
