"""Read ECB+ (tokenised XML) into articles, gold stories and gold entity mentions.

Each ``N_Mecb.xml`` document describes one event of topic N and each ``N_Mecbplus.xml``
document the other, so the gold story of a document is ``"N/ecb"`` or ``"N/ecbplus"``.
The text is rebuilt from the tokens (spaced as news text is, one line per sentence),
so character offsets of gold mentions are exact. The ECB+ documents open with their URL
as sentence 0: that is metadata, not text, so it goes to ``Metadata.url`` and out of the
text (left in, it alone would tell the two events of a topic apart).
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimgraph.eval.entities import GoldMention, with_head
from claimgraph.model import Article, Metadata

DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TRAIN_TOPICS = tuple(t for t in range(1, 36) if t not in DEV_TOPICS)
# Markables of entities (people, organisations, things, places); ACTION_* and TIME_* are
# events and times, not what the entity linker is asked to find.
ENTITY_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC")
DOC_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ document as an article, with its gold story and entity mentions."""

    article: Article
    topic: int
    story: str  # "N/ecb" or "N/ecbplus"
    mentions: tuple[GoldMention, ...]


def split_topics(split: str) -> tuple[int, ...]:
    if split == "dev":
        return DEV_TOPICS
    if split == "train":
        return TRAIN_TOPICS
    raise ValueError(f"unknown ECB+ split {split!r} (dev or train)")


def checked_sentences(root: Path) -> set[tuple[str, int]]:
    """(document stem such as "1_10ecbplus", sentence) pairs checked for coreference."""
    path = root / "ECBplus_coreference_sentences.csv"
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return {(f"{r['Topic']}_{r['File']}", int(r["Sentence Number"])) for r in rows}


# Tokens written without a space before them ("Iran 's", "5.6 ,") and after them ("( 5").
NO_SPACE_BEFORE = frozenset(
    {
        ".",
        ",",
        ":",
        ";",
        "!",
        "?",
        ")",
        "]",
        "%",
        "'s",
        "'",
        "n't",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "''",
        "’s",
    }
)
NO_SPACE_AFTER = frozenset({"(", "[", "$", "``", "#"})
QUOTES = {"``": '"', "''": '"'}
THOUSANDS = re.compile(r"\d{3}")


def _glued(before_previous: str, previous: str, word: str) -> bool:
    """Whether ``word`` follows ``previous`` with no space, as in the original text.

    Joins numbers and compounds the tokeniser split: "6 . 1", "1 : 30", "120 , 000",
    "12 / 16 / 08", "free - agent".
    """
    if previous in NO_SPACE_AFTER or word in NO_SPACE_BEFORE:
        return True
    if word in {"-", "/"}:
        return previous[-1:].isalnum()
    after_digit = before_previous[-1:].isdigit()
    if previous in {"-", "/"}:
        return before_previous[-1:].isalnum() and word[:1].isalnum()
    if previous in {".", ":"}:
        return after_digit and word[:1].isdigit()
    if previous == ",":
        return after_digit and THOUSANDS.fullmatch(word) is not None
    return False


def token_sentences(root: ET.Element) -> dict[int, list[ET.Element]]:
    """Sentence number -> its ``token`` elements, in document order."""
    sentences: dict[int, list[ET.Element]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token)
    return sentences


def join_tokens(
    sentences: Mapping[int, list[ET.Element]],
) -> tuple[str, dict[str, tuple[int, int, int]]]:
    """Text and token id -> (start, end, sentence), one line per sentence.

    The tokens are joined back the way news text writes them ("Iran's", "6.1", "120,000",
    "free-agent"): spaCy's model was trained on untokenised text, and numbers split into
    pieces ("6 . 1") would hide the figures that tell two incidents apart.
    """
    text = ""
    offsets: dict[str, tuple[int, int, int]] = {}
    for number in sorted(sentences):
        previous, before_previous = "", ""
        for token in sentences[number]:
            raw = token.text or ""
            word = QUOTES.get(raw, raw)
            if previous and not _glued(before_previous, previous, raw):
                text += " "
            offsets[token.get("t_id", "")] = (len(text), len(text) + len(word), number)
            text += word
            previous, before_previous = raw, previous
        text += "\n"
    return text, offsets


def _rebuild_text(root: ET.Element) -> tuple[str, str | None, dict[str, tuple[int, int, int]]]:
    """Text, URL and token offsets, without a leading URL sentence."""
    sentences = token_sentences(root)
    url: str | None = None
    first = min(sentences, default=0)
    if sentences and (sentences[first][0].text or "").startswith("http"):
        url = "".join(t.text or "" for t in sentences.pop(first))
    text, offsets = join_tokens(sentences)
    return text, url, offsets


def _markable_tokens(root: ET.Element) -> dict[str, tuple[str, list[str]]]:
    """m_id -> (tag, token ids) for entity markables that anchor tokens."""
    found: dict[str, tuple[str, list[str]]] = {}
    markables = root.find("Markables")
    for element in markables if markables is not None else ():
        tokens = [a.get("t_id", "") for a in element.findall("token_anchor")]
        if tokens and element.tag.startswith(ENTITY_PREFIXES):
            found[element.get("m_id", "")] = (element.tag, tokens)
    return found


def _gold_mentions(
    root: ET.Element,
    doc_id: str,
    offsets: dict[str, tuple[int, int, int]],
    keep: set[int] | None,
) -> list[GoldMention]:
    markables = _markable_tokens(root)
    mentions: list[GoldMention] = []
    for relation in root.iter("CROSS_DOC_COREF"):
        cluster = relation.get("note", "")
        for source in relation.findall("source"):
            found = markables.get(source.get("m_id", ""))
            if found is None:
                continue
            tag, tokens = found
            spans = [offsets[t] for t in tokens if t in offsets]
            if not spans or (keep is not None and spans[0][2] not in keep):
                continue
            start = min(s[0] for s in spans)
            end = max(s[1] for s in spans)
            mentions.append(GoldMention(doc_id, start, end, cluster, tag))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def read_document(path: Path, checked: set[tuple[str, int]] | None = None) -> EcbDocument:
    """One document; with ``checked``, only mentions in those sentences are kept."""
    match = DOC_NAME.match(path.name)
    if match is None:
        raise ValueError(f"not an ECB+ document name: {path.name}")
    topic, kind = int(match.group(1)), match.group(3)
    root = ET.parse(path).getroot()
    text, url, offsets = _rebuild_text(root)
    stem = path.name.removesuffix(".xml")
    keep = None if checked is None else {s for d, s in checked if d == stem}
    article = Article(
        id=stem,
        text=text,
        metadata=Metadata(url=url, source_path=str(path), source_format="text", language="en"),
    )
    mentions = [with_head(text, m) for m in _gold_mentions(root, stem, offsets, keep)]
    return EcbDocument(article, topic, f"{topic}/{kind}", tuple(mentions))


def read_topics(
    root: Path, topics: Iterable[int], *, checked_only: bool = True
) -> list[EcbDocument]:
    """The documents of ``topics`` in name order (gold mentions in checked sentences)."""
    checked = checked_sentences(root) if checked_only else None
    documents: list[EcbDocument] = []
    for topic in topics:
        folder = root / str(topic)
        if not folder.is_dir():
            continue
        paths = sorted(folder.glob("*.xml"), key=lambda p: _sort_key(p.name))
        documents.extend(read_document(p, checked) for p in paths)
    return documents


def _sort_key(name: str) -> tuple[int, int, str]:
    match = DOC_NAME.match(name)
    if match is None:
        return (0, 0, name)
    return (int(match.group(1)), int(match.group(2)), match.group(3))


def gold_stories(documents: Sequence[EcbDocument]) -> dict[str, str]:
    """Article id -> gold story."""
    return {d.article.id: d.story for d in documents}
