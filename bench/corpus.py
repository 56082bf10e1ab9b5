"""The benchmark corpus: every real news text available here, deduplicated, in a fixed order.

Sources, when present: PolNeAR train and dev (../shared/corpora/polnear), the ECB+
documents (../shared/corpora/ecbplus/<topic>/*.xml), the English MEANTIME articles
(../shared/corpora/meantime), the seeds and the bundled demo corpus. ECB+ and MEANTIME
come as tokenised XML: the text is rebuilt from the tokens, one paragraph per sentence as
the XML numbers them (neither marks paragraphs). Texts with the same article id (the
ingest's own content identity) are kept once; only when the real texts are still too few
are numbered copies added, so every text is a new article to the ingest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.ingest.identity import article_id

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"

# Tokens written without a space before them / after them when rebuilding text.
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'s", "'S", "n't", "'re"}
    | {"'ve", "'ll", "'d", "'m", "...", "’s", "n’t"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#", "``"})
# Penn Treebank quote tokens, written back as plain quotes.
_PTB_QUOTES = {"``": '"', "''": '"'}
# Word-internal joiners the tokenisers split off ("90 - day", "4 : 59", "and / or").
_TIGHT_BETWEEN_WORDS = frozenset({"-", "/"})
_TIGHT_BETWEEN_DIGITS = frozenset({":", ",", "."})
# An ECB+ document often opens with its source URL as a "sentence": not article text.
_URL_SENTENCE = re.compile(r"^(https?\s*:|www\s*\.)", re.IGNORECASE)


def detokenise(tokens: list[str]) -> str:
    """Readable text from one sentence's tokens (quotes alternate open and close)."""
    out: list[str] = []
    quote_open = False
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        joined = i >= 2 and _joins(tokens[i - 2], before, token)
        space = bool(out) and not joined and not _glued(before, token, after, quote_open)
        if token == '"':
            quote_open = not quote_open
        written = _PTB_QUOTES.get(token, token)
        out.append(f" {written}" if space else written)
    return "".join(out)


def _glued(before: str, token: str, after: str, quote_open: bool) -> bool:
    if token in _NO_SPACE_BEFORE or before in _NO_SPACE_AFTER:
        return True
    if token == '"':
        return quote_open  # a closing quote hugs the word before it
    if before == '"':
        # After an opening quote no space; after a closing one the next word is apart.
        return quote_open
    return _joins(before, token, after)


def _joins(left: str, joiner: str, right: str) -> bool:
    """``90 - day``, ``4 : 59`` and ``1 , 000`` are one word or number split apart."""
    if joiner in _TIGHT_BETWEEN_WORDS:
        return left.isalnum() and right.isalnum()
    return joiner in _TIGHT_BETWEEN_DIGITS and left[-1:].isdigit() and right[:1].isdigit()


def text_from_token_xml(path: Path) -> str:
    """An ECB+ or MEANTIME document as text: title and sentences, one paragraph each."""
    sentences: dict[int, list[tuple[int, str]]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentence = int(token.get("sentence", "0"))
        number = int(token.get("number", "0"))
        sentences.setdefault(sentence, []).append((number, token.text or ""))
    paragraphs = []
    for _, numbered in sorted(sentences.items()):
        text = detokenise([t for _, t in sorted(numbered)])
        if text and not _URL_SENTENCE.match(text):
            paragraphs.append(text)
    return "\n\n".join(paragraphs) + "\n"


def _is_english(path: Path) -> bool:
    return ET.parse(path).getroot().get("lang", "en") == "en"


def _plain(paths: Iterable[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths]


def _polnear() -> list[str]:
    root = CORPORA / "polnear"
    return _plain([*sorted(root.glob("train/text/*.txt")), *sorted(root.glob("dev/text/*.txt"))])


def _ecbplus() -> list[str]:
    return [text_from_token_xml(p) for p in sorted((CORPORA / "ecbplus").glob("*/*.xml"))]


def _meantime() -> list[str]:
    paths = sorted((CORPORA / "meantime" / "intra_cross-doc_annotation").glob("*/*.xml"))
    return [text_from_token_xml(p) for p in paths if _is_english(p)]


SOURCES: dict[str, Callable[[], list[str]]] = {
    "PolNeAR": _polnear,
    "ECB+": _ecbplus,
    "MEANTIME": _meantime,
    "seeds": lambda: _plain(sorted((SHARED / "seeds").glob("*.txt"))),
    "demo corpus": lambda: _plain(sorted((REPO / "src/claimgraph/demo_corpus").glob("*.txt"))),
}


@dataclass
class BenchCorpus:
    """The texts, and how many real ones came from where."""

    texts: list[str] = field(default_factory=list)
    real_by_source: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    copies: int = 0

    def describe(self) -> str:
        sources = ", ".join(f"{n} {name}" for name, n in self.real_by_source.items())
        real = len(self.texts) - self.copies
        return (
            f"bench corpus: {real} real texts ({sources}; {self.duplicates} duplicates "
            f"dropped) + {self.copies} numbered copies = {len(self.texts)}"
        )


def real_corpus() -> BenchCorpus:
    """Every real text available here, each article id once, in source order."""
    corpus = BenchCorpus()
    seen: set[str] = set()
    for name, load in SOURCES.items():
        kept = 0
        for text in load():
            key = article_id(text)
            if key in seen or not text.strip():
                corpus.duplicates += 1
                continue
            seen.add(key)
            corpus.texts.append(text)
            kept += 1
        corpus.real_by_source[name] = kept
    return corpus


def bench_corpus(minimum: int) -> BenchCorpus:
    """The real texts, then numbered copies of them until there are ``minimum``."""
    corpus = real_corpus()
    base = list(corpus.texts)
    copy = 1
    while base and len(corpus.texts) < minimum:
        wanted = minimum - len(corpus.texts)
        corpus.texts.extend(f"{t.rstrip()}\n\nCopy {copy}.\n" for t in base[:wanted])
        corpus.copies += min(wanted, len(base))
        copy += 1
    return corpus
