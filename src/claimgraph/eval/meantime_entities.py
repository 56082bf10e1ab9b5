"""Read MEANTIME (English) entity mentions with their cross-document instances.

Files in ``intra_cross-doc_annotation/corpus_*/``: tokens, ``ENTITY_MENTION`` markables,
``ENTITY`` markables (with an ``instance_id`` shared across documents when the entity
was linked across the corpus: the ids of ``list_instances.csv``) and ``REFERS_TO``
relations from mentions to entities. An entity without an instance id is a chain of one
document only, kept as its own gold cluster. The text is rebuilt from the tokens as ECB+'s is
(``ecbplus.join_tokens``), so gold offsets are exact.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimgraph.eval.ecbplus import join_tokens, token_sentences
from claimgraph.eval.entities import GoldMention, with_head
from claimgraph.model import Article, Metadata

ANNOTATION_DIR = "intra_cross-doc_annotation"
# People, organisations and places: what a named-entity linker is asked to link. Products
# (PRO) and financial entities (FIN: "a 40 billion contract") are left out.
KEPT_TYPES = frozenset({"PER", "ORG", "LOC"})


@dataclass(frozen=True)
class MeantimeDocument:
    article: Article
    corpus: str  # airbus | apple | gm | stock
    mentions: tuple[GoldMention, ...]


def _text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    text, offsets = join_tokens(token_sentences(root))
    return text, {t: (start, end) for t, (start, end, _) in offsets.items()}


def _creation_date(root: ET.Element) -> str | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            return timex.get("value") or None
    return None


def _entities(root: ET.Element, doc_id: str) -> dict[str, tuple[str, str]]:
    """ENTITY m_id -> (gold cluster, type), for the kept types."""
    found: dict[str, tuple[str, str]] = {}
    for entity in root.iter("ENTITY"):
        kind = entity.get("ent_type", "")
        if kind in KEPT_TYPES:
            cluster = entity.get("instance_id") or f"{doc_id}#{entity.get('m_id')}"
            found[entity.get("m_id", "")] = (cluster, kind)
    return found


def _mention_tokens(root: ET.Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in root.iter("ENTITY_MENTION"):
        tokens = [a.get("t_id", "") for a in element.findall("token_anchor")]
        if tokens:
            found.setdefault(element.get("m_id", ""), tokens)
    return found


def read_document(path: Path, corpus: str) -> MeantimeDocument:
    root = ET.parse(path).getroot()
    doc_id = root.get("doc_id") or path.stem
    text, offsets = _text(root)
    entities = _entities(root, doc_id)
    tokens = _mention_tokens(root)
    mentions: dict[tuple[int, int], GoldMention] = {}
    for relation in root.iter("REFERS_TO"):
        target = relation.find("target")
        entity = entities.get(target.get("m_id", "") if target is not None else "")
        if entity is None:
            continue
        for source in relation.findall("source"):
            spans = [offsets[t] for t in tokens.get(source.get("m_id", ""), ()) if t in offsets]
            if spans:
                start, end = min(s for s, _ in spans), max(e for _, e in spans)
                gold = GoldMention(doc_id, start, end, entity[0], entity[1])
                mentions[(start, end)] = with_head(text, gold)
    article = Article(
        id=doc_id,
        text=text,
        metadata=Metadata(
            published=_creation_date(root),
            url=root.get("url"),
            source_path=str(path),
            source_format="text",
            language="en",
        ),
    )
    ordered = tuple(mentions[k] for k in sorted(mentions))
    return MeantimeDocument(article, corpus, ordered)


def read_corpus(root: Path, corpora: Sequence[str] | None = None) -> list[MeantimeDocument]:
    """Every English document (or those of ``corpora``: "airbus", "apple" ...), by name."""
    base = root / ANNOTATION_DIR
    documents: list[MeantimeDocument] = []
    for folder in sorted(base.glob("corpus_*")):
        corpus = folder.name.removeprefix("corpus_")
        if corpora is not None and corpus not in corpora:
            continue
        documents.extend(read_document(p, corpus) for p in sorted(folder.glob("*.xml")))
    return documents
