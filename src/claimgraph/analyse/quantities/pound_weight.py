"""Pounds of weight or pounds sterling: "weighed 208 pounds" is a mass, "paid 500 pounds"
money.

The word "pound(s)" is read as sterling by the units table (UK money is the common case
where a symbol is missing: "a fine of 500 pounds"). It is a weight when the text says so
near it: a verb of weighing or of losing and gaining weight ("weighs 236 pounds",
"dropping from 208 pounds to 193"), a height beside it ("5 feet 10 inches tall and 180
pounds"), or a hyphenated size before a noun ("a 400-pound man", "a 90-pound turkey").
Never when a symbol, a currency code or a scale word ("3 million pounds") makes it money.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from claimgraph.analyse.quantities.figure_record import Figure
from claimgraph.analyse.quantities.number_words import SCALES

# Lemmas near the figure that make "pounds" a weight.
_WEIGHT_WORDS = frozenset(
    {"weigh", "weight", "heavy", "lose", "gain", "shed", "drop", "overweight", "tall",
     "foot", "feet", "inch", "scale", "obese", "slim", "diet", "ton", "tonne", "kilogram",
     "kg", "ounce", "gram"}
)  # fmt: skip
_WINDOW = 6  # tokens either side: the clause around a weight, not the whole sentence
_WORDS = frozenset({"pound", "pounds"})


def is_weight(doc: Doc, words: Sequence[str], figure: Figure) -> bool:
    """Whether the "pound(s)" of ``figure`` is a weight."""
    span = range(figure.core_start, figure.end)
    if any(words[i] in SCALES for i in span):
        return False  # "3 million pounds": money
    at = next((i for i in span if words[i] in _WORDS), None)
    if at is None:
        return False  # "£500", "sterling"
    if words[at - 1] == "-":
        return True  # "a 400-pound man"
    lo, hi = max(0, figure.core_start - _WINDOW), min(len(doc), figure.end + _WINDOW)
    return any(doc[i].lemma_.lower() in _WEIGHT_WORDS for i in range(lo, hi))
