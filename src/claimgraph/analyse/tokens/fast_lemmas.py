"""A drop-in for spaCy's English rule/lookup ``lemmatizer`` that gives the same lemmas, faster.

The stock lemmatizer caches only part of its work (base forms, proper nouns and
punctuation are worked out again for every token, each time reading the token's
morphology as a dict). In ``rule`` and ``lookup`` modes a lemma depends only on the
token's text, part of speech and morphology, so this subclass memoises the stock answer
per ``(ORTH, POS, MORPH)`` and writes all of a doc's lemmas in one ``Doc.from_array``.
Tokens that already have a lemma (set by the attribute ruler) are left alone, as the
stock component does unless ``overwrite`` is set. The stock rules test candidate forms
against word lists of up to 57,000 entries with ``in`` on a ``list`` (a linear scan per
test, the bulk of a cold cache's cost); the component gives those lists a set behind
``in``. (``tests/test_fast_attributes_identity.py`` compares every token attribute.)

Everything but ``__call__`` is the stock ``EnglishLemmatizer``'s, so its tables are
saved and loaded with the pipeline (``tests/test_pipeline_serialise.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline.lemmatizer import lemmatizer_score
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import SimpleFrozenList
from spacy.vocab import Vocab
from thinc.api import Model

FACTORY = "claimgraph_fast_lemmas_v1"
STOCK_NAME = "lemmatizer"
# Modes whose lemma is a function of (ORTH, POS, MORPH) alone, read from their code.
PURE_MODES = frozenset({"rule", "lookup"})
# The stock English factory's config, so a saved pipeline's config reads the same.
DEFAULT_CONFIG: dict[str, Any] = {
    "model": None,
    "mode": "rule",
    "overwrite": False,
    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
}

LemmaKey = tuple[int, int, int]


class _SearchableList(list[str]):
    """A list whose ``in`` is a set lookup (same answer for strings, without the scan)."""

    def __init__(self, items: list[str]) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _searchable_index(lookups: Lookups) -> None:
    """Swap the lemma index's word lists for searchable ones (same contents)."""
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list and all(isinstance(word, str) for word in words):
            table[key] = _SearchableList(words)


class FastLemmatizer(EnglishLemmatizer):
    """The English lemmatizer's answers, memoised per (text, part of speech, morphology)."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model[Any, Any] | None,
        name: str = STOCK_NAME,
        *,
        mode: str = "rule",
        overwrite: bool = False,
        scorer: Callable[..., Any] | None = lemmatizer_score,
    ) -> None:
        if mode not in PURE_MODES:
            raise ValueError(f"{FACTORY} serves modes {sorted(PURE_MODES)}, not {mode!r}")
        super().__init__(vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
        self._lemmas: dict[LemmaKey, int] = {}
        self._checked = False

    def _tables_changed(self) -> None:
        _searchable_index(self.lookups)
        self._lemmas.clear()
        self._checked = False

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        lookups: Lookups | None = None,
    ) -> None:
        super().initialize(get_examples, nlp=nlp, lookups=lookups)
        self._tables_changed()

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> FastLemmatizer:
        super().from_disk(path, exclude=exclude)
        self._tables_changed()
        return self

    def from_bytes(
        self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()
    ) -> FastLemmatizer:
        super().from_bytes(bytes_data, exclude=exclude)
        self._tables_changed()
        return self

    def use_tables_of(self, stock: EnglishLemmatizer) -> None:
        """Serve the lemmas of ``stock``, a loaded lemmatizer (its tables are shared)."""
        self.lookups = stock.lookups
        self._tables_changed()

    def __call__(self, doc: Doc) -> Doc:
        if not self._checked:
            # The first doc goes through the stock code, which checks the tables are
            # loaded (and raises the usual error when they are not).
            self._checked = True
            return super().__call__(doc)
        rows: list[list[int]] = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        overwrite = bool(self.overwrite)
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
        lemma: str = self.lemmatize(doc[i])[0]
        hashed: int = doc.vocab.strings.add(lemma)
        return hashed


def make_fast_lemmas(
    nlp: Language,
    model: Model[Any, Any] | None,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> FastLemmatizer:
    """The spaCy factory: a lemmatizer without tables (``swap_in_fast_lemmas``,
    ``initialize`` or ``from_disk`` give it some)."""
    return FastLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def swap_in_fast_lemmas(nlp: Language) -> bool:
    """Put the fast lemmatizer in place of the model's ``lemmatizer``, under the same name.

    Returns False (the stock one kept) when there is none, it is not the stock English
    one, or its mode is not pure.
    """
    if STOCK_NAME not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(STOCK_NAME)
    if type(stock) is not EnglishLemmatizer or stock.mode not in PURE_MODES:
        return False
    config = {"mode": stock.mode, "overwrite": stock.overwrite}
    fast = nlp.replace_pipe(STOCK_NAME, FACTORY, config=config)  # same name, same place
    assert isinstance(fast, FastLemmatizer)
    fast.use_tables_of(stock)
    return True
