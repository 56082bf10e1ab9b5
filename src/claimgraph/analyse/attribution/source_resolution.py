"""Resolve a source phrase to the entity it names, keeping titles and roles.

* a named entity inside the source: its fullest earlier form ("Kirby" -> "John Kirby",
  "Pelham General" -> "Pelham General Hospital"), with the words before it as a title
  ("White House national security spokesman") and a body after it ("of Keldmoor
  police"); a name in apposition to a description is the source, the description its
  title ("the mine's owner, Stennard Mining"); a person's name that only modifies others
  is not ("Clinton supporters");
* "he"/"she": the person of the nearest earlier attribution, else the nearest earlier
  person mentioned (news prose rarely switches person without naming the new one),
  never one the text shows is of the other gender (``person_gender``);
* "they"/"it": the nearest earlier source that is a body, named or described in the
  pronoun's number;
* descriptions ("the ministry", "the spokeswoman", "the company"): an earlier name the
  description fits (its head last, its words all in it), an earlier source titled with
  its head, or for a business noun the business named before;
* no name at all ("a Western diplomat"): the description itself, without its article,
  so that unnamed sources still group ("Western diplomat"); a body's shorter name takes
  a fuller one an earlier source gave it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.cues import CHANNEL_NOUNS, ROLE_NOUNS
from claimgraph.analyse.attribution.person_gender import PersonGender

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"they", "it", "them", "its", "their"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
# An earlier described source longer than this is a whole phrase ("exhaustive study
# being released ... by a group of researchers"), not a name "the researchers" stands for.
_SHORT_NAME = 4
# Nouns that, modified by a person's name, speak for that person.
_SPEAKING_FOR = ROLE_NOUNS | CHANNEL_NOUNS | {
    "campaign", "team", "camp", "office", "administration", "aides", "aide", "lawyers",
    "attorneys", "representatives", "family", "allies", "surrogates", "spokespeople",
}  # fmt: skip
# Sources that name one body (not a group of people: "Many lawmakers" is not a fuller
# name of "Lawmakers").
_BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "DESCRIBED_ONE"})
_QUANTIFIERS = frozenset(
    {"many", "other", "another", "one", "some", "several", "most", "all", "both", "few"}
)
# Labels the resolver gives a source it could only describe, by the number of its noun
# (so "it" never takes up "critics", nor "they" "the county fire service").
_DESCRIBED_ONE, _DESCRIBED_MANY = "DESCRIBED_ONE", "DESCRIBED_MANY"
_RELATIVE = frozenset({"who", "which", "that"})
_NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC")
# Which named entity in a source names it: a person first, then a body, a place, a group.
_LABEL_RANK = ("PERSON", "ORG", "FAC", "GPE", "NORP")
_POSSESSIVE = re.compile(r"[’']s?$")
# Words before a name that are not part of a title: articles and possessives.
_NOT_TITLE = frozenset({"DET", "PRON", "PUNCT", "ADP", "CCONJ", "PART"})
_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
# "X of the mine rescue service", "X at St. Aldric Hospital": the body after a name.
_BODY_PREPOSITIONS = frozenset({"of", "at", "from", "with"})


# "the company", "the airline": nouns a news text uses for a business it has named.
_BUSINESS_NOUNS = frozenset(
    {
        "company", "firm", "airline", "carrier", "operator", "owner", "business",
        "manufacturer", "maker", "producer", "retailer", "insurer", "lender", "bank",
        "utility", "developer", "employer", "chain", "corporation", "conglomerate",
        "supplier", "startup", "automaker", "miner", "group",
    }
)  # fmt: skip
# Words that name a body which is not a business, so never "the company".
_INSTITUTION_WORDS = frozenset(
    {
        "union", "ministry", "department", "police", "service", "council", "commission",
        "agency", "hospital", "university", "college", "school", "court", "party",
        "association", "government", "army", "board", "authority", "inspectorate",
        "office", "committee", "parliament", "congress", "senate", "cross", "church",
        "federation", "institute", "foundation", "league", "bureau", "administration",
        "house", "nations", "fund", "society", "coalition", "campaign",
        # news outlets, which report on the company rather than being it
        "times", "post", "news", "daily", "herald", "courier", "wire", "journal",
        "gazette", "tribune", "standard", "ledger", "sentinel", "echo", "beacon", "press",
        "chronicle", "observer", "telegraph", "guardian", "mail", "express", "review",
        "reuters", "bloomberg", "agence", "radio", "television", "tv", "broadcasting",
    }
)  # fmt: skip


# Last words of a business's name: the small model often tags "Harrow Textiles said" a
# person, or "the Harrow Textiles mill" a facility.
_BUSINESS_NAME_ENDS = frozenset(
    {
        "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "group",
        "holdings", "industries", "systems", "technologies", "airlines", "airways", "air",
        "motors", "mining", "energy", "textiles", "plastics", "foods", "pharmaceuticals",
        "bank", "capital", "partners", "media", "communications", "networks", "labs",
        "solutions", "enterprises", "steel", "chemicals", "logistics", "petroleum", "oil",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Named:
    start: int  # token index
    end: int
    label: str
    name: str


class SourceResolver:
    """Resolves sources in text order; remembers what earlier attributions resolved to."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions = self._mentions(doc)
        self.gender = PersonGender(doc)
        self.history: list[
            tuple[int, str, str, tuple[str, ...]]
        ] = []  # (cue i, label, name, titles)

    @staticmethod
    def _mentions(doc: Doc) -> list[Named]:
        mentions: list[Named] = []
        surnames = {e.text.split()[-1] for e in doc.ents if e.label_ == "PERSON"}
        for ent in doc.ents:
            if ent.label_ not in _NAMED:
                continue
            name = _POSSESSIVE.sub("", ent.text)
            if ent.label_ == "PERSON":
                name = _fullest(mentions, ent.text) or name
            else:
                if name.lower().startswith("the "):
                    name = name[4:]
                name = _fuller_body(mentions, name, surnames) or name
            mentions.append(Named(ent.start, ent.end, ent.label_, name))
        return mentions

    def resolve(self, cand: Candidate) -> tuple[str | None, tuple[str, ...]]:
        if not cand.source:
            return None, ()
        name, label, titles = self._resolve(cand)
        if name is not None and label in _BODY_LABELS:
            name = self._fuller_earlier(name)
        if name is not None:
            self.history.append((cand.cue[0], label, name, titles))
        return name, titles

    def _resolve(self, cand: Candidate) -> tuple[str | None, str, tuple[str, ...]]:
        doc = self.doc
        source = cand.source
        inside = [m for m in self.mentions if m.start >= source[0] and m.end <= source[-1] + 1]
        if inside:
            return self._from_mentions(inside, source)
        head = _root(doc, source)
        lower = head.lower_
        if lower in _RELATIVE and head.head.i not in source:
            return self._relative(head)
        if lower in _PERSON_PRONOUNS:
            return self._earlier_person(source[0], lower)
        if lower in _GROUP_PRONOUNS:
            return self._earlier_group(source[0], plural=lower in _PLURAL_PRONOUNS)
        return self._description(source, head)

    def _fuller_earlier(self, name: str) -> str:
        """An earlier source's longer name for the same body: "the transport department"
        after "the city's transport department" (every word in it, the same last word)."""
        words = name.lower().split()
        for _, label, earlier, _ in reversed(self.history):
            longer = earlier.lower().split()
            if (
                label in _BODY_LABELS
                and len(words) < len(longer) <= _SHORT_NAME
                and _names(earlier, words[-1], set(words))
                and longer[0] not in _QUANTIFIERS
                and all(w.isalpha() or "'" in w or "’" in w or "." in w for w in longer)
            ):
                return earlier
        return name

    def _from_mentions(
        self, inside: list[Named], source: Sequence[int]
    ) -> tuple[str, str, tuple[str, ...]]:
        doc = self.doc
        head = _root(doc, source)
        people = [m for m in inside if m.label == "PERSON"]
        ranked = sorted(inside, key=lambda m: _LABEL_RANK.index(m.label))
        main = people[0] if people else ranked[0]
        described_by = _appositive_of(doc, main, source)
        conjoined = [m for m in inside if m.label == main.label and _conjoined(doc, main, m)]
        if described_by is not None and len(conjoined) == 1:
            # "the mine's owner, Stennard Mining", "Its director, Signe Lunde": the name
            # in apposition is the source, the description its title
            label = "PERSON" if described_by.lower_ in ROLE_NOUNS else main.label
            return main.name, label, (_description_words(doc, described_by, main),)
        modifier = not main.start <= head.i < main.end and head.pos_ == "NOUN"
        if not people and modifier:
            return _unlabelled_apposition(doc, head, source) or self._described(
                source, head, inside
            )
        if modifier and head.lemma_.lower() not in _SPEAKING_FOR and _modifies(doc, main, head):
            # "Volunteer medics", "Trump supporters": the person's name only modifies
            # people or things that do not speak for them ("Clinton aides", "Trump's
            # tweet", "the Clinton campaign" do)
            return self._described(source, head, [])
        name = " and ".join(m.name for m in conjoined) if len(conjoined) > 1 else main.name
        titles = _titles(doc, source, main) if main.label == "PERSON" else ()
        return name, main.label, titles

    def _described(
        self, source: Sequence[int], head: Token, inside: list[Named]
    ) -> tuple[str, str, tuple[str, ...]]:
        """A named body as a modifier of a common noun: "U.S. officials", "a Russian
        Foreign Ministry spokeswoman" are named by the whole description; a document
        ("a report from the Washington Post") by the outlet behind it."""
        if head.lemma_.lower() in CHANNEL_NOUNS:
            outlet = next((m for m in inside if m.start > head.i), None)
            if outlet is not None:
                return outlet.name, outlet.label, ()
        words = [
            t for t in self.doc[source[0] : head.i + 1] if t.dep_ not in ("det", "poss", "case")
        ]
        name = self.doc[words[0].i : head.i + 1].text if words else head.text
        titles = (head.text,) if head.lower_ in ROLE_NOUNS else ()
        return name, "ORG" if titles else "", titles

    def _relative(self, pronoun: Token) -> tuple[str | None, str, tuple[str, ...]]:
        noun = pronoun.head.head  # who -> relcl verb -> the noun it modifies
        span = sorted(t.i for t in noun.subtree if t.i < pronoun.i)
        inside = [m for m in self.mentions if span and m.start >= span[0] and m.end <= span[-1] + 1]
        if inside:
            return self._from_mentions(inside, span)
        return None, "", ()

    def _earlier_person(self, before: int, pronoun: str) -> tuple[str | None, str, tuple[str, ...]]:
        """The person of the nearest earlier attribution, else the nearest person named
        before; never one the text shows is of the other gender ("he" after "Mrs. X")."""
        for _, label, name, titles in reversed(self.history):
            if label == "PERSON" and not self.gender.conflicts(name, pronoun):
                recent = self._nearest(before, ("PERSON",), pronoun)
                # a person named since that attribution is the likelier antecedent
                if (
                    recent is not None
                    and recent.name != name
                    and self._named_after(recent, name, before)
                ):
                    return recent.name, "PERSON", ()
                return name, label, titles
        recent = self._nearest(before, ("PERSON",), pronoun)
        return (recent.name, "PERSON", ()) if recent else (None, "", ())

    def _named_after(self, recent: Named, name: str, before: int) -> bool:
        last_cue = max((cue for cue, _, n, _ in self.history if n == name), default=-1)
        return recent.start > last_cue and recent.start < before

    def _earlier_group(self, before: int, plural: bool) -> tuple[str | None, str, tuple[str, ...]]:
        described = _DESCRIBED_MANY if plural else _DESCRIBED_ONE
        for _, label, name, titles in reversed(self.history):
            # the last source that is a body, named or described in the pronoun's number
            # ("The county fire service said ... It declined to comment")
            if label in ("ORG", "GPE", "NORP", described):
                return name, label, titles
        recent = self._nearest(before, ("ORG", "GPE", "NORP"))
        return (recent.name, recent.label, ()) if recent else (None, "", ())

    def _nearest(self, before: int, labels: tuple[str, ...], pronoun: str = "") -> Named | None:
        found = None
        for mention in self.mentions:
            if mention.end > before:
                break
            if mention.label in labels and not self.gender.conflicts(mention.name, pronoun):
                found = mention
        return found

    def _description(
        self, source: Sequence[int], head: Token
    ) -> tuple[str | None, str, tuple[str, ...]]:
        """ "the ministry" -> an earlier "Russian Foreign Ministry"; "the spokeswoman" ->
        an earlier source titled spokeswoman; else the description itself."""
        doc = self.doc
        definite = any(
            t.lower_ in ("the", "this", "that") for t in head.children if t.dep_ == "det"
        )
        if definite:
            word = head.lower_
            # "the Russian ministry" may name the "Russian Foreign Ministry"; "the county
            # fire service" never names the "regional ambulance service"
            described = {t.lower_ for t in doc[source[0] : head.i + 1] if t.dep_ != "det"}
            earlier = [m for m in reversed(self.mentions) if m.end <= source[0]]
            for mention in earlier:
                if mention.label != "PERSON" and _names(mention.name, word, described):
                    return mention.name, mention.label, ()
            for _, label, name, titles in reversed(self.history):
                # "the spokeswoman" after "a hospital spokeswoman, Nina Varga" (not "the
                # campaign" after a "campaign chairman")
                if any(title.lower().split()[-1:] == [word] for title in titles):
                    return name, label, titles
                short = len(name.split()) <= _SHORT_NAME
                if label != "PERSON" and short and _names(name, word, described):
                    return name, label, titles  # "the ministry" after "the health ministry"
            if word in _BUSINESS_NOUNS:
                # "Skyway Air cancelled 300 flights, the airline said": the nearest
                # company named before, passing over bodies of another kind
                for mention in earlier:
                    if _is_business(mention):
                        return mention.name, "ORG", ()
        text = doc[source[0] : source[-1] + 1].text
        words = text.split(maxsplit=1)
        if len(words) == 2 and words[0].lower() in ("a", "an", "the", "one"):
            text = words[1]
        if head.pos_ != "NOUN":
            return text, "", ()
        return text, _DESCRIBED_MANY if head.tag_ == "NNS" else _DESCRIBED_ONE, ()


def _is_business(mention: Named) -> bool:
    """A named business: an organisation that is not a public body or news outlet, or any
    name ending as businesses' names do."""
    words = mention.name.lower().split()
    if _INSTITUTION_WORDS & set(words):
        return False
    return mention.label == "ORG" or (
        mention.label in ("PERSON", "FAC") and words[-1] in _BUSINESS_NAME_ENDS
    )


def _names(name: str, head: str, described: set[str]) -> bool:
    """Whether a definite description with this head and these words can name ``name``:
    it ends in the head and holds every word of the description."""
    words = name.lower().split()
    return words[-1] == head and described <= set(words)


def _root(doc: Doc, source: Sequence[int]) -> Token:
    for i in source:
        if doc[i].head.i not in source or doc[i].head.i == i:
            return doc[i]
    return doc[source[0]]


def _fullest(mentions: list[Named], text: str) -> str | None:
    """An earlier, longer person name ending in the same word ("John Kirby" for "Kirby")."""
    last = text.split()[-1]
    for mention in reversed(mentions):
        if (
            mention.label == "PERSON"
            and mention.name.split()[-1] == last
            and len(mention.name) > len(text)
        ):
            return mention.name
    return None


def _appositive_of(doc: Doc, main: Named, source: Sequence[int]) -> Token | None:
    """The common noun of the source that the name stands in apposition to ("owner" in
    "the mine's owner, Stennard Mining"), if any."""
    root = doc[main.start : main.end].root
    if root.dep_ != "appos":
        return None
    if any(c.dep_ == "appos" and c.i in source for c in doc[main.end - 1].children):
        return None  # "Minyon Moore, a senior adviser to ...": the name's own apposition
    noun = root.head
    if noun.i not in source or noun.pos_ != "NOUN" or noun.i > main.start:
        return None
    return noun


def _modifies(doc: Doc, main: Named, head: Token) -> bool:
    """Whether the name is a modifier of ``head`` ("Trump" in "Trump supporters")."""
    root = doc[main.start : main.end].root
    return root.head.i == head.i and root.dep_ in ("compound", "amod", "poss")


def _unlabelled_apposition(
    doc: Doc, noun: Token, source: Sequence[int]
) -> tuple[str, str, tuple[str, ...]] | None:
    """A proper name in apposition to the source's noun that the entity recogniser left
    out ("the director of Pelham General Hospital, Rune Takala")."""
    # the parser often hangs the name on the last noun of the description ("of Pelham
    # General Hospital, Rune Takala"); a role's name closes the source
    role = noun.lower_ in ROLE_NOUNS
    candidates = [
        t
        for t in (noun.subtree if role else noun.children)
        if t.head == noun or t.right_edge.i == source[-1]
    ]
    for child in candidates:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i in source:
            words = [t for t in child.subtree if t.pos_ in ("PROPN", "PART") or t.i == child.i]
            name = Named(words[0].i, words[-1].i + 1, "PERSON" if role else "ORG", "")
            text = doc[name.start : name.end].text
            return text, name.label, (_description_words(doc, noun, name),)
    return None


def _description_words(doc: Doc, noun: Token, main: Named) -> str:
    """The description a name is in apposition to, without its article, possessive
    pronoun or the name itself: "hospital spokeswoman", "director of Pelham General
    Hospital"."""
    # up to the apposition: "Trump's running mate, Indiana Gov. Mike Pence"
    end = min(main.start, doc[main.start : main.end].root.left_edge.i) - 1
    words = [t for t in noun.subtree if t.i < end or t.i == noun.i]
    while words and (words[0].pos_ in (*_NOT_TITLE, "SPACE") or words[0].dep_ == "poss"):
        words = words[1:]
    while words and words[-1].pos_ == "PUNCT":
        words = words[:-1]
    return doc[words[0].i : words[-1].i + 1].text if words else noun.text


def _fuller_body(mentions: list[Named], name: str, surnames: set[str]) -> str | None:
    """An earlier, longer name of a body that starts or ends with this one ("Pelham
    General Hospital" for "Pelham General", "Northgate Herald" for "Herald"), unless a
    one-word name is a person's surname the recogniser took for a body ("Trump")."""
    one_word = " " not in name
    if one_word and name in surnames:
        return None
    for mention in reversed(mentions):
        if mention.label == "PERSON":
            continue
        # a one-word name is a body's last word ("the Herald"); as a first word it is
        # as often a person's name the recogniser took for a body ("Trump University")
        if mention.name.endswith(" " + name) if one_word else mention.name.startswith(name + " "):
            return mention.name
    return None


def _conjoined(doc: Doc, main: Named, other: Named) -> bool:
    if other is main:
        return True
    a, b = doc[main.end - 1], doc[other.end - 1]
    return b.dep_ == "conj" and b.head.i == a.i


def _titles(doc: Doc, source: Sequence[int], main: Named) -> tuple[str, ...]:
    """Words of the source right before the name ("White House national security
    spokesman", nouns and adjectives only), and an apposition after it ("John Kirby,
    the White House spokesman")."""
    before = [i for i in source if i < main.start]
    while before and doc[before[0]].pos_ in _NOT_TITLE:
        before = before[1:]
    titles = []
    if before and before[-1] == main.start - 1 and all(doc[i].pos_ in _TITLE_POS for i in before):
        titles.append(doc[before[0] : main.start].text)
    head = doc[main.end - 1]
    for child in head.children:
        if child.dep_ == "appos" and child.i in source:
            words = [t for t in child.subtree if t.pos_ not in _NOT_TITLE]
            if words:
                titles.append(doc[words[0].i : words[-1].i + 1].text)
        elif child.dep_ == "prep" and child.lower_ in _BODY_PREPOSITIONS and child.i in source:
            # "Inspector Colm Farraday of Keldmoor police": the body they speak for (not
            # the place they come from: "Rep. Elijah Cummings of Maryland")
            body = [t for t in child.subtree if t.i != child.i and t.pos_ not in _NOT_TITLE]
            obj = next((t for t in child.children if t.dep_ == "pobj"), None)
            if body and obj is not None and obj.ent_type_ not in ("GPE", "LOC"):
                titles.append(doc[body[0].i : body[-1].i + 1].text)
    return tuple(titles)
