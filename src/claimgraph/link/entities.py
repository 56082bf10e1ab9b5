"""Link the named entities of many articles into cross-article entities.

Each article already maps short forms of a person to the fullest name it gives
("Kirby" -> "John Kirby", see ``analyse.entities``). Across articles, mentions join when
they share a name key, found through dictionaries (blocking), never by comparing every
pair:

* the same normalised name ("the U.S." ~ "US" ~ "United States" through the place
  aliases; "Apple Inc." ~ "Apple");
* a person's first and last name ("George W. Bush" ~ "George Bush");
* every name of two words or more written in the text, so a headline's run-on name
  ("Hire Maurice Cheeks") does not cut its article off;

and short forms join the one entity they can stand for (the only candidate, the only one
sharing a title, or one holding most of the candidates' mentions; else they stay apart):

* a lone surname ("Kirby" in an article that never gives the full name), or a lone first
  name that is nobody's surname ("Steve" -> "Steve Jobs");
* an acronym ("USAF") -> the organisation whose initials it is ("United States Air Force");
* a nationality ("Japanese") -> its country ("Japan"), as MEANTIME annotates them;
* an organisation's short name ("Air Force", "AirTran", "Saints") -> the organisation
  whose name it is without a leading place or a trailing business word ("US Air Force",
  "AirTran Airways", "New Orleans Saints"). The short name looks for the long one, not
  the other way, so "British Navy" and "US Navy" never meet through "Navy".

Different names stay apart: "the Kremlin", "Moscow" and "Russia" have different keys, so
they stay three entities, as the text keeps them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field

from claimgraph.link.places import ALIASES, place_key
from claimgraph.model import Article, ArticleAnalysis, EntityMention, Span, StoryEntity

# Courtesy and office titles the NER sometimes leaves inside a person's name.
# fmt: off
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof",
                        "president", "sen", "senator", "rep", "gov", "governor", "gen", "general",
                        "judge", "justice", "pope", "king", "queen", "prince", "princess",
                        "minister", "secretary", "chancellor", "mayor"})
# fmt: on
# Company-form words that do not tell two organisations apart ("Apple Inc." ~ "Apple").
# fmt: off
COMPANY_FORMS = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa",
                           "company", "incorporated", "limited"})
# fmt: on
# Words after an organisation's own name that a short form drops ("AirTran Airways" ~
# "AirTran", "Chrysler Group" ~ "Chrysler"); a join on them needs a clear single target.
BUSINESS_WORDS = COMPANY_FORMS | frozenset(
    {"group", "holdings", "airlines", "airways", "motors", "motor", "computer", "union"}
)
# Places that open an organisation's name ("US Air Force" ~ "Air Force").
PLACE_NAMES = frozenset(ALIASES.values()) | frozenset(
    {"us", "uk", "eu", "american", "british", "european"}
)
# A short form with several candidates ("Bush") joins one holding at least this share of
# their mentions; otherwise it stays apart. Not tuned: a clear majority.
DOMINANT_SHARE = 0.8
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "la"})
# A line is a headline when at least this share of its words (of HEADLINE_MIN_WORDS or
# more) are capitalised; ECB+ train headlines ("Esther Williams Dies") were the cases.
HEADLINE_SHARE = 0.7
HEADLINE_MIN_WORDS = 3
WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Place labels share keys ("U.S." GPE ~ "US" LOC); people stay apart from places and
# organisations even under the same string ("Washington"); nationalities (NORP) join
# their country only as short forms (see ``_short_forms``).
LABEL_GROUPS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
}
SPLIT_INITIALS = re.compile(r"\b(\w) (?=\w\b)")
NON_WORD = re.compile(r"[^\w\s&-]+")


# One entity across articles is the report's own record: canonical name, label, other
# names, titles and every mention.
EntityCluster = StoryEntity


@dataclass
class _Local:
    """The mentions of one entity within one article (same canonical name and group)."""

    article_id: str
    group: str
    key: str
    mentions: list[EntityMention] = field(default_factory=list)
    headline: bool = True  # every mention sits in a title-case line


def normalise(name: str) -> str:
    """Lower-cased name without a leading "the", possessive, dots or punctuation."""
    text = name.lower().replace("’", "'").strip()
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"^the\s+", "", text)
    if text in ALIASES:
        return ALIASES[text]
    text = " ".join(NON_WORD.sub(" ", text.replace(".", "")).split())
    # Initials written apart ("U. S.", "J. K.") read as written together ("US", "JK").
    text = SPLIT_INITIALS.sub(r"\1", text)
    return ALIASES.get(text, text)


def clean_name(name: str) -> str:
    """A name cut at a line break: a name never runs from a headline into a dateline
    ("Gulf of Aden\nSat Nov 12 2011")."""
    lines = [line.strip() for line in name.splitlines() if line.strip()]
    return lines[0] if lines else name.strip()


def name_key(mention: EntityMention, name: str | None = None) -> str:
    """The key a mention links by: its normalised canonical name (or ``name``), with
    honorifics and company forms off."""
    words = normalise(clean_name(mention.name if name is None else name)).split()
    if mention.label == "PERSON":
        while len(words) > 1 and words[0] in HONORIFICS:
            words = words[1:]
    elif mention.label == "ORG":
        while len(words) > 1 and words[-1] in COMPANY_FORMS:
            words = words[:-1]
        if len(words) > 1 and words[0] in ALIASES:  # "US Air Force" ~ "United States Air Force"
            words = [*ALIASES[words[0]].split(), *words[1:]]
    return " ".join(words)


def acronym(name: str) -> str | None:
    """Initials of a name of two or more capitalised words ("United States Air Force")."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).lower()


class _UnionFind:
    """Disjoint sets of locals, each root knowing how many mentions its set holds."""

    def __init__(self, weights: Sequence[int]) -> None:
        self.parent = list(range(len(weights)))
        self.weight = list(weights)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = min(ra, rb), max(ra, rb)
            self.parent[high] = low
            self.weight[low] += self.weight[high]


def _locals(items: Sequence[tuple[Article, ArticleAnalysis]]) -> list[_Local]:
    found: dict[tuple[str, str, str], _Local] = {}
    for article, analysis in items:
        for mention in analysis.entities:
            group = LABEL_GROUPS.get(mention.label)
            key = name_key(mention)
            if group is None or not key:
                continue
            local = found.setdefault((article.id, group, key), _Local(article.id, group, key))
            local.mentions.append(mention)
            local.headline = local.headline and _in_headline(article.text, mention.span)
    return list(found.values())


def _in_headline(text: str, span: Span) -> bool:
    """Whether the span sits in a title-case line ("Lindsay Lohan Checks Into Rehab"),
    where the NER runs names into the words after them."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    words = WORD.findall(text[start : end if end >= 0 else len(text)])
    if len(words) < HEADLINE_MIN_WORDS:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in ACRONYM_SKIP)
    return capitalised >= HEADLINE_SHARE * len(words)


def _headline_names(locals_: list[_Local]) -> tuple[dict[int, str], dict[str, set[int]]]:
    """Headline names joined to the longest known name they begin with ("Lindsay Lohan
    Checks Into Rehab" -> "Lindsay Lohan", "Microsoft Launches" -> "Microsoft")."""
    known: dict[str, set[int]] = defaultdict(set)
    for i, local in enumerate(locals_):
        if not local.headline:
            known[f"{local.group}:{local.key}"].add(i)
    short: dict[int, str] = {}
    for i, local in enumerate(locals_):
        words = local.key.split()
        if not local.headline or len(words) < 2 or f"{local.group}:{local.key}" in known:
            continue
        for size in range(len(words) - 1, 0, -1):
            prefix = f"{local.group}:{' '.join(words[:size])}"
            if prefix in known:
                short[i] = prefix
                break
    return short, known


def _exact_keys(local: _Local) -> list[str]:
    """Keys that join locals outright: the name, a person's first and last name, and
    every name of two words or more written in the text. The surface names matter where
    a headline gave the article's fullest name ("Hire Maurice Cheeks")."""
    keys = {f"{local.group}:{local.key}"}
    words = local.key.split()
    if local.group == "PER" and len(words) > 2:
        keys.add(f"PER:{words[0]} {words[-1]}")
    for mention in local.mentions:
        surface = name_key(mention, mention.span.text)
        if " " in surface:
            keys.add(f"{local.group}:{surface}")
    return sorted(keys)


def _join_exact(locals_: list[_Local], sets: _UnionFind) -> None:
    first: dict[str, int] = {}
    for i, local in enumerate(locals_):
        for key in _exact_keys(local):
            if key in first:
                sets.union(first[key], i)
            else:
                first[key] = i


def _title_words(locals_: Iterable[_Local]) -> set[str]:
    return {w.lower() for lo in locals_ for m in lo.mentions for t in m.titles for w in t.split()}


def _resolve(
    locals_: list[_Local], sets: _UnionFind, i: int, candidates: Iterable[int]
) -> int | None:
    """The one set a short form belongs to: the only candidate, the only one sharing a
    title with it, or one holding most of the candidates' mentions."""
    own = sets.find(i)
    by_root: dict[int, list[int]] = defaultdict(list)
    for j in candidates:
        if (root := sets.find(j)) != own:
            by_root[root].append(j)
    if len(by_root) > 1 and (words := _title_words([locals_[i]])):
        sharing = [r for r, js in by_root.items() if _title_words(locals_[j] for j in js) & words]
        if len(sharing) == 1:
            return sharing[0]
    if len(by_root) == 1:
        return next(iter(by_root))
    total = sum(sets.weight[r] for r in by_root)
    for root in by_root:
        if sets.weight[root] >= DOMINANT_SHARE * total:
            return root
    return None


def _join_short(
    locals_: list[_Local], sets: _UnionFind, short: dict[int, str], index: dict[str, set[int]]
) -> None:
    """Join each short form to the set its key indexes, where that set is clear."""
    for i, key in short.items():
        root = _resolve(locals_, sets, i, index.get(key, ()))
        if root is not None:
            sets.union(i, root)


def _short_forms(locals_: list[_Local]) -> list[tuple[dict[int, str], dict[str, set[int]]]]:
    """(short forms, index of what they may stand for), one pair per kind of short form."""
    surnames: dict[str, set[int]] = defaultdict(set)
    first_names: dict[str, set[int]] = defaultdict(set)
    initials: dict[str, set[int]] = defaultdict(set)
    places: dict[str, set[int]] = defaultdict(set)
    cores: dict[str, set[int]] = defaultdict(set)
    places_seen = PLACE_NAMES | {lo.key for lo in locals_ if lo.group in {"LOC", "NORP"}}
    lone_people: dict[int, str] = {}
    acronyms: dict[int, str] = {}
    demonyms: dict[int, str] = {}
    for i, local in enumerate(locals_):
        words = local.key.split()
        if local.group == "PER" and len(words) > 1:
            surnames[words[-1]].add(i)
            first_names[words[0]].add(i)
        elif local.group == "PER":
            lone_people[i] = local.key
        elif local.group == "LOC":
            places[place_key(local.key)].add(i)
        elif local.group == "NORP":
            demonyms[i] = place_key(local.key)
        if local.group == "ORG" and (core := _org_core(words, places_seen)) != local.key:
            cores[core].add(i)
        if local.group in {"ORG", "LOC"}:
            for mention in local.mentions:
                if (letters := acronym(mention.name)) is not None:
                    initials[letters].add(i)
            if len(words) == 1 and local.mentions[0].name.isupper():
                acronyms[i] = local.key
    return [
        _headline_names(locals_),
        (lone_people, surnames),
        ({i: k for i, k in lone_people.items() if k not in surnames}, first_names),
        (acronyms, initials),
        (demonyms, places),
        ({i: lo.key for i, lo in enumerate(locals_) if lo.group == "ORG"}, cores),
    ]


def _org_core(words: list[str], places: Set[str]) -> str:
    """An organisation's name without a leading place or a trailing business word
    ("US Federal Reserve" -> "federal reserve", "AirTran Airways" -> "airtran")."""
    core = list(words)
    for size in (2, 1):
        if len(core) > size and " ".join(core[:size]) in places:
            core = core[size:]
            break
    while len(core) > 1 and core[-1] in BUSINESS_WORDS:
        core = core[:-1]
    return " ".join(core)


def link_entities(items: Sequence[tuple[Article, ArticleAnalysis]]) -> list[EntityCluster]:
    """Cross-article entity clusters, the largest first."""
    locals_ = _locals(items)
    sets = _UnionFind([len(lo.mentions) for lo in locals_])
    _join_exact(locals_, sets)
    for short, index in _short_forms(locals_):
        _join_short(locals_, sets, short, index)
    members: dict[int, list[_Local]] = defaultdict(list)
    for i, local in enumerate(locals_):
        members[sets.find(i)].append(local)
    clusters = [_cluster(group) for group in members.values()]
    return sorted(clusters, key=lambda c: (-len(c.mentions), c.name, c.id))


def _cluster(group: list[_Local]) -> EntityCluster:
    mentions = [(lo.article_id, m) for lo in group for m in lo.mentions]
    mentions.sort(key=lambda am: (am[0], am[1].span.start))
    names = Counter(clean_name(m.span.text) for _, m in mentions)
    # The commonest name of two words or more is the canonical one ("John Kirby" over
    # "Kirby"; "Maurice Cheeks" over a headline's "Hire Maurice Cheeks"), then the commonest.
    name = max(names, key=lambda n: (" " in n, names[n], len(n), n))
    label = Counter(m.label for _, m in mentions).most_common(1)[0][0]
    surfaces = dict.fromkeys(m.span.text for _, m in mentions)
    titles = dict.fromkeys(t for _, m in mentions for t in m.titles)
    first_article, first = mentions[0]
    digest = hashlib.sha256(f"{label}|{name}|{first_article}|{first.span.start}".encode())
    return EntityCluster(
        id="e" + digest.hexdigest()[:12],
        name=name,
        label=label,
        aliases=tuple(s for s in surfaces if s != name),
        titles=tuple(titles),
        mentions=tuple((a, m.span) for a, m in mentions),
    )
