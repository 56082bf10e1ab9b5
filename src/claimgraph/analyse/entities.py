"""Entities with their titles and roles, and one canonical name per entity in an article.

spaCy's NER finds the names; this component trims them (possessives, leading articles),
attaches the titles and roles written around a person ("White House national security
spokesman John Kirby", "John Kirby, the spokesman,") and maps short forms to the fullest
form seen earlier in the same article ("Kirby" -> "John Kirby").
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from claimgraph.analyse.extensions import doc_text
from claimgraph.model import EntityMention, Span

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
LEADING_WORDS = frozenset({"the", "The"})
# Dependency labels that put a word inside a title written before a name
# ("South Korean Defense Minister Kim Yong-hyun"): nouns and modifiers in the same chunk.
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


def _trimmed_bounds(doc_text: str, ent: SpacySpan) -> tuple[int, int]:
    """Character bounds of the entity without a leading "the" or a trailing possessive."""
    start, end = ent.start_char, ent.end_char
    first = ent[0]
    if first.text in LEADING_WORDS and len(ent) > 1:
        start = ent[1].idx
    text = doc_text[start:end]
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            end -= len(ending)
            break
    return start, end


def _title_before(ent: SpacySpan) -> str | None:
    """The title written right before a person's name, within the same noun phrase."""
    head = ent.root
    words = [
        tok
        for tok in head.lefts
        if tok.i < ent.start and tok.dep_ in TITLE_DEPS and tok.ent_type_ not in {"PERSON"}
    ]
    if not words:
        return None
    first = min(tok.left_edge.i for tok in words)
    title = ent.doc[first : ent.start].text.strip(" ,")
    # A parse can run across a heading line; a title never spans lines.
    if "\n" in title:
        return None
    return title or None


def _title_in_apposition(ent: SpacySpan) -> str | None:
    """A title in apposition after the name ("Sean Savett, a White House spokesman,")."""
    for tok in ent.root.rights:
        if tok.dep_ == "appos" and tok.pos_ in {"NOUN", "PROPN"} and tok.ent_type_ != "PERSON":
            phrase = ent.doc[tok.left_edge.i : tok.right_edge.i + 1]
            words = [t for t in phrase if t.dep_ != "det" or t.i != phrase.start]
            if words:
                return ent.doc[words[0].i : phrase.end].text.strip(" ,")
    return None


def _canonical_person(name: str, seen: list[str]) -> str:
    """Map a short form to the fullest earlier name ending with the same surname."""
    parts = name.split()
    for full in seen:
        full_parts = full.split()
        if len(full_parts) > len(parts) and full_parts[-len(parts) :] == parts:
            return full
    return name


class EntityComponent:
    """Writes ``doc._.cg_entities``: named entities with titles and canonical names."""

    def __call__(self, doc: Doc) -> Doc:
        full_text = doc_text(doc)
        mentions: list[EntityMention] = []
        persons_seen: list[str] = []
        titles_by_person: dict[str, list[str]] = {}
        for ent in doc.ents:
            if ent.label_ not in KEPT_LABELS:
                continue
            start, end = _trimmed_bounds(full_text, ent)
            surface = full_text[start:end].strip()
            if not surface:
                continue
            name = surface
            titles: list[str] = []
            if ent.label_ == "PERSON":
                name = _canonical_person(surface, persons_seen)
                if name == surface and name not in persons_seen:
                    persons_seen.append(name)
                    persons_seen.sort(key=lambda n: -len(n.split()))
                for title in (_title_before(ent), _title_in_apposition(ent)):
                    if title and title not in titles:
                        titles.append(title)
                known = titles_by_person.setdefault(name, [])
                known.extend(t for t in titles if t not in known)
                titles = list(known)
            mentions.append(
                EntityMention(
                    span=Span.of(full_text, start, end),
                    label=ent.label_,
                    name=name,
                    titles=tuple(titles),
                )
            )
        doc._.cg_entities = tuple(mentions)
        return doc
