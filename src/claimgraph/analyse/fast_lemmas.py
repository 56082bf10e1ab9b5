"""A drop-in for spaCy's rule/lookup ``lemmatizer`` that gives the same lemmas, faster.

The stock lemmatizer caches only part of its work (base forms, proper nouns and
punctuation are worked out again for every token, each time reading the token's
morphology as a dict). In ``rule`` and ``lookup`` modes a lemma depends only on the
token's text, part of speech and morphology, so this wrapper memoises the stock answer
per ``(ORTH, POS, MORPH)`` and writes all of a doc's lemmas in one ``Doc.from_array``.
Tokens that already have a lemma (set by the attribute ruler) are left alone, as the
stock component does unless ``overwrite`` is set. The stock rules test candidate forms
against word lists of up to 57,000 entries with ``in`` on a ``list`` (a linear scan per
test, the bulk of a cold cache's cost); the wrapper gives those lists a set behind ``in``.
(``tests/test_fast_attributes_identity.py`` compares every token attribute.)
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY = "claimgraph_fast_lemmas_v1"
STOCK_NAME = "lemmatizer"
# Lemmatizers and modes whose lemma is a function of (ORTH, POS, MORPH) alone, read from
# their code; other languages' subclasses may look further and keep the stock component.
PURE_TYPES = (Lemmatizer, EnglishLemmatizer)
PURE_MODES = frozenset({"rule", "lookup"})

LemmaKey = tuple[int, int, int]


class _SearchableList(list[str]):
    """A list whose ``in`` is a set lookup (same answer for strings, without the scan)."""

    def __init__(self, items: list[str]) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _searchable_index(stock: Lemmatizer) -> None:
    """Swap the stock lemma index's word lists for searchable ones (same contents)."""
    if not stock.lookups.has_table("lemma_index"):
        return
    table = stock.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list and all(isinstance(word, str) for word in words):
            table[key] = _SearchableList(words)


class CachedLemmatizer:
    """The stock lemmatizer's answers, memoised per (text, part of speech, morphology)."""

    def __init__(self) -> None:
        self._stock: Any = None  # the model's spacy.pipeline.Lemmatizer
        self._lemmas: dict[LemmaKey, int] = {}
        self._checked = False

    def wrap(self, stock: Lemmatizer) -> None:
        """Serve the lemmas of ``stock``, a loaded ``spacy.pipeline.Lemmatizer``."""
        _searchable_index(stock)
        self._stock = stock
        self._lemmas.clear()
        self._checked = False

    def __call__(self, doc: Doc) -> Doc:
        if not self._checked:
            # The first doc goes through the stock component, which checks its tables
            # are loaded (and raises the usual error when they are not).
            self._checked = True
            return self._stock(doc)  # type: ignore[no-any-return]
        rows: list[list[int]] = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        overwrite = bool(self._stock.overwrite)
        lemmas: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = self._lemmas.get(key)
                if found is None:
                    found = self._lemmas[key] = self._lemma_of(doc, i)
                lemma = found
            lemmas.append(lemma)
        column = numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], cast(Any, column))
        return doc

    def _lemma_of(self, doc: Doc, i: int) -> int:
        lemma: str = self._stock.lemmatize(doc[i])[0]
        hashed: int = doc.vocab.strings.add(lemma)
        return hashed


def make_fast_lemmas(nlp: Language, name: str) -> CachedLemmatizer:
    """The spaCy factory: an empty wrapper; ``swap_in_fast_lemmas`` gives it the model's."""
    return CachedLemmatizer()


def swap_in_fast_lemmas(nlp: Language) -> bool:
    """Put the cached wrapper in place of the model's ``lemmatizer``, under the same name.

    Returns False (the stock one kept) when there is none or its mode is not pure.
    """
    if STOCK_NAME not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(STOCK_NAME)
    if not isinstance(stock, Lemmatizer) or type(stock) not in PURE_TYPES:
        return False
    if stock.mode not in PURE_MODES:
        return False
    cached = nlp.replace_pipe(STOCK_NAME, FACTORY)  # same name, same place
    assert isinstance(cached, CachedLemmatizer)
    cached.wrap(stock)
    return True
