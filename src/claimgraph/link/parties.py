"""Who stands behind a figure, as one party: the unit a conflict is between and a
revision is within.

- A body, its officials and spokespeople are one party (``corroboration.representatives``:
  "Nina Varga", hospital spokeswoman, and "St. Aldric Hospital"; "the ministry" and "the
  health ministry"); a one-word name is the one fuller body whose name holds it
  ("police" and "the Charlotte-Mecklenburg Police Department", ``short_names``).
- A figure an outlet gives without a source, its headline's included, is the outlet's
  own; so is one given by "a statement", "a news release", "its website" or an attribution
  with no source words: the text does not say whose, and the outlet stands behind it.
  "The unattributed reporting" of one outlet is that outlet, never every outlet's.
- A syndicated copy is one article (one id), so it is never a second party.

``strong`` says whether the party is named in the text (a person, a body, an anonymous
but described source): an outlet's own figure and a named source's figure in the same
article are one article's telling, not two parties disagreeing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.link.corroboration import is_unnamed, original_source, representatives
from claimgraph.model import FigureMember

# Sources that are a document, not who issued it ("a statement posted on its website",
# "a release"); "a statement from the ministry" names its issuer and is not one.
DOCUMENT = re.compile(
    r"^(?:(?:a|an|the|its|their|his|her)\s+)?(?:(?:brief|written|joint|news|press|short)\s+)?"
    r"(?:statement|release|report|reports|website|web site|post|posting|tweet|bulletin|"
    r"notice|update|unnamed)s?\b(?!\s+(?:of|by|from)\b)",
    re.I,
)


@dataclass(frozen=True)
class Party:
    key: str  # equal keys: one party
    name: str  # how the report names it
    strong: bool  # named in the text, not the outlet's own or an unknown document


def own(member: FigureMember) -> Party:
    outlet = member.outlet or "the outlet"
    return Party(f"outlet:{outlet.casefold()}", outlet, False)


def _is_own(member: FigureMember) -> bool:
    source = member.source
    if member.cited is not None:
        return False
    return source is None or (bool(DOCUMENT.match(source.strip())) and not member.conduits)


def _name_words(name: str) -> list[str]:
    words = (w.strip(".,’'\"").removesuffix("’s").removesuffix("'s") for w in name.split())
    return [w.casefold() for w in words if w and w.casefold() not in {"the", "a", "an"}]


def short_names(folded: dict[str, str]) -> dict[str, str]:
    """A one-word body -> the one fuller body of the story whose name holds that word
    ("police" and "Charlotte-Mecklenburg Police Department"). With two candidates
    ("Dallas Police Department", "Houston Police Department") the short name says too
    little, and stays a party of its own."""
    bodies = set(folded.values())
    found = {}
    for name, party in folded.items():
        words = _name_words(name)
        if len(words) != 1 or party != name:
            continue
        fuller = {b for b in bodies if b != party and len(_name_words(b)) > 1}
        holding = {b for b in fuller if words[0] in _name_words(b)}
        if len(holding) == 1:
            found[name] = holding.pop()
    return found


def parties(members: Sequence[FigureMember]) -> list[Party]:
    """The party of each member, spokespeople folded into the bodies they speak for."""
    named: dict[str, tuple[str, ...]] = {}
    for member in members:
        if not _is_own(member):
            named.setdefault(original_source(member), member.source_titles)
    folded = representatives(
        [(name, titles) for name, titles in named.items() if not is_unnamed(name)]
    )
    folded.update(short_names(folded))
    found = []
    for member in members:
        if _is_own(member):
            found.append(own(member))
            continue
        name = original_source(member)
        if is_unnamed(name):
            # Anonymous sources relayed by one outlet cannot be told apart; by two, they
            # stay apart (as in the count of independent sources).
            outlet = (member.outlet or "").casefold()
            found.append(Party(f"unnamed:{name.casefold()}:{outlet}", name, True))
            continue
        party = folded.get(name, name)
        found.append(Party(f"named:{party.casefold()}", party, True))
    return found
