"""Refusals: a ruling or a refusal turns something down and disputes no claim.

"A judge denied bond", "denied the defense attorney's request", "were denied entry" are
told with a denial's words, but what is denied is a thing asked for, not a statement
anyone made: neither a denial in the report's list nor a contest of a claim.
"""

from __future__ import annotations

import re

# What a ruling or a refusal turns down. Up to five words (an owner, "defense attorney
# Richard McCague's") may stand before the thing refused.
REFUSED = re.compile(
    r"^(?:(?:the|this|that|his|her|their|its|a|an)\s+)?(?:[\w'’.-]+\s+){0,5}?"
    r"(?:bonds?|bail|requests?|motions?|petitions?|appeals?|parole|access|entry|entrance|"
    r"permits?|applications?|admission|custody|visas?|asylum|pleas?)\b",
    re.I,
)


def turns_down(denied: str | None) -> bool:
    """Whether the denied words are a thing refused ("bond", "the motion"), not a claim."""
    return bool(REFUSED.match(denied or ""))
