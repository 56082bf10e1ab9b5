"""Reader for NewsReader MEANTIME (English, CAT XML): text, TIMEX3, events, SLINKs.

The XML holds tokens only, so the text is rebuilt: tokens joined by a space except
before closing punctuation, and a newline between sentences (sentence 0 is the title,
sentence 1 the date line; without the newline spaCy runs them into the first sentence).
Offsets of every markable are offsets into this rebuilt text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from claimgraph.analyse.dates.grammar import find_expressions
from claimgraph.analyse.dates.resolution import Context, resolve

# TIMEX3 and full event attributes are annotated in the title, the date line and the
# first sentences only (sentence indices 0-5); later sentences hold cross-document
# mentions without attributes. Scoring stops where the annotation stops.
ANNOTATED_SENTENCES = 6

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't", "'", "''"})
_NO_SPACE_AFTER = frozenset({"(", "$", "``", "US$"})


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    function: str  # CREATION_TIME | NONE


@dataclass(frozen=True)
class Event:
    m_id: str
    start: int
    end: int
    text: str
    certainty: str  # CERTAIN | PROBABLE | POSSIBLE | UNDERSPECIFIED | ""
    polarity: str  # POS | NEG | UNDERSPECIFIED | ""
    pos: str


@dataclass(frozen=True)
class MeantimeDocument:
    doc_id: str
    text: str
    creation_time: str | None
    timexes: tuple[Timex, ...]
    events: dict[str, Event]
    slinks: tuple[tuple[str, str], ...]  # (source m_id, target m_id)
    annotated_end: int  # end offset of the fully annotated part (see ANNOTATED_SENTENCES)


def _rebuild(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]], int]:
    """The document text, each token id's (start, end) in it, and the annotated end."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length, sentence, previous, annotated_end = 0, None, None, 0
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            parts.append("\n")
            length += 1
        elif (
            previous is not None
            and word not in _NO_SPACE_BEFORE
            and previous not in (_NO_SPACE_AFTER)
        ):
            parts.append(" ")
            length += 1
        offsets[token.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        sentence, previous = token.get("sentence"), word
        if int(sentence or 0) < ANNOTATED_SENTENCES:
            annotated_end = length
    return "".join(parts), offsets, annotated_end


def _extent(element: ET.Element, offsets: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    anchors = [offsets[a.get("t_id", "")] for a in element.iter("token_anchor")]
    if not anchors:
        return None
    return min(s for s, _ in anchors), max(e for _, e in anchors)


def read_document(path: Path) -> MeantimeDocument:
    root = ET.parse(path).getroot()
    text, offsets, annotated_end = _rebuild(root)
    timexes: list[Timex] = []
    events: dict[str, Event] = {}
    markables = root.find("Markables")
    for element in markables if markables is not None else ():
        extent = _extent(element, offsets)
        if extent is None:
            continue
        start, end = extent
        if element.tag == "TIMEX3":
            timexes.append(
                Timex(
                    start,
                    end,
                    text[start:end],
                    element.get("type", ""),
                    element.get("value", ""),
                    element.get("functionInDocument", ""),
                )
            )
        elif element.tag == "EVENT_MENTION":
            m_id = element.get("m_id", "")
            events[m_id] = Event(
                m_id,
                start,
                end,
                text[start:end],
                element.get("certainty", ""),
                element.get("polarity", ""),
                element.get("pos", ""),
            )
    creation = _creation_time(timexes)
    return MeantimeDocument(
        doc_id=root.get("doc_id", path.stem),
        text=text,
        creation_time=creation,
        timexes=tuple(sorted(timexes, key=lambda t: t.start)),
        events=events,
        slinks=_slinks(root),
        annotated_end=annotated_end,
    )


def _creation_time(timexes: list[Timex]) -> str | None:
    """The creation time's ISO value; where the annotated value is not ISO (one file
    has "03-02-2009" for "February 03, 2009") it is read from the date line itself."""
    timex = next((t for t in timexes if t.function == "CREATION_TIME"), None)
    if timex is None:
        return None
    if _ISO_DAY.fullmatch(timex.value):
        return timex.value
    for expr in find_expressions(timex.text):
        value = resolve(expr, Context(published=None)).value
        if value and _ISO_DAY.fullmatch(value):
            return value
    return None


def _slinks(root: ET.Element) -> tuple[tuple[str, str], ...]:
    links: list[tuple[str, str]] = []
    relations = root.find("Relations")
    for link in relations.iter("SLINK") if relations is not None else ():
        source, target = link.find("source"), link.find("target")
        if source is not None and target is not None:
            links.append((source.get("m_id", ""), target.get("m_id", "")))
    return tuple(links)


def document_paths(directory: Path, limit: int | None = None) -> list[Path]:
    """The English MEANTIME files under ``directory``, in a fixed (sorted) order."""
    paths = sorted(directory.rglob("*.xml"))
    preferred = [p for p in paths if "intra_cross-doc_annotation" in p.parts]
    chosen = preferred or paths
    return chosen[:limit] if limit is not None else chosen


def read_corpus(directory: Path, limit: int | None = None) -> list[MeantimeDocument]:
    return [read_document(p) for p in document_paths(directory, limit)]
