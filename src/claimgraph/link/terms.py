"""Content terms of an article for story grouping: lower-cased words, stop words out."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import repeat
from operator import mul

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
# Words shorter than this are mostly function words and abbreviations the stop list misses.
MIN_WORD_LENGTH = 3


def content_terms(text: str) -> Counter[str]:
    """Term counts of a text: lower-cased words, stop words and short words dropped."""
    words = (w.lower().strip("'’-") for w in WORD.findall(text))
    return Counter(
        w for w in words if len(w) >= MIN_WORD_LENGTH and w not in STOP_WORDS and "’" not in w
    )


def idf_weights(documents: Iterable[Mapping[str, int]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every term."""
    frequency: Counter[str] = Counter()
    count = 0
    for terms in documents:
        count += 1
        frequency.update(terms.keys())
    return idf_from_counts(frequency, count)


def idf_from_counts(frequency: Mapping[str, int], count: int) -> dict[str, float]:
    """``idf_weights`` from document frequencies counted elsewhere (e.g. streamed)."""
    return {t: math.log((1 + count) / (1 + df)) + 1.0 for t, df in frequency.items()}


def tfidf_vector(terms: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    """Unit-length tf-idf vector (sublinear tf)."""
    vector = {t: (1.0 + math.log(c)) * idf.get(t, 1.0) for t, c in terms.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # map() keeps the products in the same order as a loop would, so sums are unchanged.
    total: float = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    return total
