"""Independent original sources behind each figure group.

The original source of a figure is the innermost source of its attribution ("John
Kirby"), whoever relays it: "according to the Herald, which cited two officials" is the
officials; an unnamed source reached through a conduit is that conduit's source
("anonymous officials via The Washington Post"), and unnamed sources relayed by one
outlet count once; a figure with no attribution is the outlet's own. Copies of one text
(syndication) share an article id and so count once.

Names that are one source count once: a shorter name of a body ("the ministry", "the
health ministry"; "Pelham General", "Pelham General Hospital"), a person and the body
their title says they speak for ("Nina Varga", hospital spokeswoman, and "St. Aldric
Hospital"; "Fire chief Rosa Tellman", "a fire department official" and "the fire
service"), two speakers for one body, a candidate and their campaign ("Marit Selby",
"Selby campaign").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.model import Corroboration, FigureGroup, FigureMember

UNNAMED = re.compile(
    r"^(unnamed|anonymous|officials?|sources?|reports?|diplomats?"
    r"|an? \w+ (official|source|diplomat))\b"
    r"|\b(anonymous|anonymously|anonymity|unnamed|unidentified)\b"
    r"|\b(declined|asked|refused) not? ?to be (named|identified)\b"
    r"|\b(with knowledge of|familiar with)\b",
    re.I,
)
# Heads of a body that speaks for the person it is named after ("Selby campaign").
_PERSONAL_BODIES = frozenset({"campaign", "camp", "team", "office", "aides", "lawyers"})
# Words for someone who speaks for a body ("fire department official", "Fire chief").
_SPEAKER_NOUNS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "official", "officials", "chief",
        "director", "head", "secretary", "commander", "inspector", "officer", "coordinator",
        "representative", "president", "chairman", "chairwoman", "manager", "leader",
        "minister", "source", "sources", "regional", "deputy", "senior",
    }
)  # fmt: skip
# Heads that say only "a body" ("fire service", "fire department"): its other words
# tell which.
_GENERIC_BODIES = frozenset(
    {"service", "services", "department", "brigade", "authority", "agency", "force", "unit"}
)
_ARTICLES = frozenset({"the", "a", "an"})


def is_unnamed(source: str | None) -> bool:
    return source is None or bool(UNNAMED.search(source))


def _relay(member: FigureMember) -> str:
    """Who passes an unnamed source on: the nearest conduit, else the named source that
    cites it, else the outlet."""
    if member.conduits and (member.cited is None or member.conduits[-1] != member.cited):
        return member.conduits[-1]
    return member.source or member.outlet or "unknown outlet"


def original_source(member: FigureMember) -> str:
    """A name for the original source behind a figure, for counting and display."""
    if member.cited is not None:
        if is_unnamed(member.cited):
            return f"{member.cited} via {member.source or _relay(member)}"
        return member.cited
    if member.source is None:
        return f"{member.outlet or 'unknown outlet'} (own reporting)"
    if is_unnamed(member.source) and member.conduits:
        return f"{member.source} via {member.conduits[-1]}"
    return member.source


def _unnamed_key(member: FigureMember) -> str | None:
    """Unnamed sources relayed by one outlet share a key (the text gives no way to tell
    them apart); relayed by different outlets they stay apart."""
    if member.cited is not None and is_unnamed(member.cited):
        return f"unnamed via {(member.source or _relay(member)).lower()}"
    if (
        member.cited is None
        and member.source is not None
        and member.conduits
        and is_unnamed(member.source)
    ):
        return f"unnamed via {member.conduits[-1].lower()}"
    return None


def counted_members(group: FigureGroup) -> list[FigureMember]:
    """The figures whose sources count: current totals, and unattributed ones only when
    no figure of the group names a source (otherwise they relay a named one)."""
    totals = [m for m in group.members if m.scope == "total"] or list(group.members)
    named = [m for m in totals if m.source is not None]
    return named or totals


def _words(name: str) -> list[str]:
    words = [w.strip(".,’'\"").removesuffix("’s").removesuffix("'s") for w in name.split()]
    return [w.lower() for w in words if w and w.lower() not in _ARTICLES]


@dataclass
class _Source:
    name: str
    titles: tuple[str, ...]
    named: bool  # a name or description, not an unnamed relay or the outlet's own


def _same_body(short: _Source, long: _Source) -> bool:
    """ "ministry" and "health ministry", "Pelham General" and "Pelham General
    Hospital": a name whose words all stand in the other, ending the same or opening it."""
    a, b = _words(short.name), _words(long.name)
    if not a or len(a) >= len(b):
        return False
    return (a[-1] == b[-1] and set(a) <= set(b)) or b[: len(a)] == a


def _speaks_for(person: _Source, body: _Source) -> bool:
    """A title naming the body ("hospital spokeswoman" for "St. Aldric Hospital",
    "regional secretary of the General Workers' Union"), or a body named after the
    person ("Selby campaign" for "Marit Selby")."""
    body_words = _words(body.name)
    if not body_words or body.titles:
        return False
    head = body_words[-1]
    # "service" in "mine rescue service" does not name the "fire service" (see
    # ``_speaks_as_member`` for such bodies)
    if head not in _GENERIC_BODIES and any(head in _words(title) for title in person.titles):
        return True
    person_words = _words(person.name)
    return head in _PERSONAL_BODIES and bool(person_words) and person_words[-1] in body_words[:-1]


def _core(words: list[str]) -> frozenset[str]:
    return frozenset(w for w in words if w not in _SPEAKER_NOUNS | _GENERIC_BODIES | {"of"})


def _bodies_spoken_for(source: _Source) -> set[frozenset[str]]:
    """The bodies a source's titles or description say it speaks for, as the words that
    tell which ("Fire chief" and "a fire department official": {"fire"})."""
    said = [_words(t) for t in source.titles]
    name = _words(source.name)
    if name and name[-1] in _SPEAKER_NOUNS:
        said.append(name)
    return {core for words in said if (core := _core(words))}


def _speaks_as_member(speaker: _Source, other: _Source) -> bool:
    """ "Fire chief Rosa Tellman" or "a fire department official" and "the fire
    service", or two speakers for one body ("a mine rescue official", "Ruairi Doyle of
    the mine rescue service"): the words that say which body are the same, once words
    for a speaker and for "a body" are left out."""
    spoken = _bodies_spoken_for(speaker)
    if not spoken:
        return False
    words = _words(other.name)
    if not other.titles and words and words[-1] not in _SPEAKER_NOUNS:
        return _core(words) in spoken
    return bool(spoken & _bodies_spoken_for(other))


def _merged(sources: list[_Source]) -> list[list[_Source]]:
    """Classes of sources that are one, each listed with its representative first."""
    parent = list(range(len(sources)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(child: int, root: int) -> None:
        a, b = find(child), find(root)
        if a != b:
            parent[a] = b

    for i, a in enumerate(sources):
        for j, b in enumerate(sources):
            if i == j or not (a.named and b.named):
                continue
            if _same_body(a, b):
                join(i, j)  # the fuller name represents
            elif (a.titles and _speaks_for(a, b)) or _speaks_as_member(a, b):
                join(i, j)  # the body represents its spokesperson
            elif not a.titles and _speaks_for(b, a) and _words(a.name)[-1] in _PERSONAL_BODIES:
                join(i, j)  # the person represents their campaign
    classes: dict[int, list[_Source]] = {}
    for i in range(len(sources)):
        classes.setdefault(find(i), []).append(sources[i])
    return [sorted(c, key=lambda s: s is not sources[root]) for root, c in classes.items()]


def representatives(sources: Sequence[tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    """Each named source (name, titles) -> the name of the party it speaks for: a body
    for its spokespeople, the fuller name for a shorter one (same rules as the count)."""
    found = [_Source(name, titles, True) for name, titles in sources]
    return {s.name: c[0].name for c in _merged(found) for s in c}


def corroboration(group: FigureGroup) -> Corroboration:
    found: dict[str, _Source] = {}
    per_article: set[tuple[str, int]] = set()
    for member in counted_members(group):
        key = (member.article_id, member.quantity.span.start)
        if key in per_article:
            continue
        per_article.add(key)
        name = original_source(member)
        unnamed = _unnamed_key(member)
        source_key = unnamed or name.lower()
        titles = member.source_titles if member.cited is None else ()
        named = unnamed is None and member.source is not None and not is_unnamed(name)
        if source_key not in found:
            found[source_key] = _Source(name, titles, named)
        elif titles and not found[source_key].titles:
            found[source_key].titles = titles
    classes = _merged(list(found.values()))
    sources = tuple(sorted(c[0].name for c in classes))
    unnamed_names = [s for s in sources if is_unnamed(s.split(" via ")[0])]
    note = None
    if len(unnamed_names) > 1:
        note = (
            f"{len(unnamed_names)} unnamed sources ({'; '.join(unnamed_names)}) are counted "
            "apart but may be one source relayed by several outlets"
        )
    return Corroboration(
        group_id=group.id, independent_sources=len(sources), sources=sources, note=note
    )
