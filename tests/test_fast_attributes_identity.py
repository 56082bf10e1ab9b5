"""The drop-in attribute ruler and lemmatizer give exactly the stock components' output."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    LEMMA,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.tokens import Doc

from claimgraph.analyse.factories import register_components
from claimgraph.analyse.pipeline import resolve_model_name
from claimgraph.analyse.tokens.fast_attributes import FastAttributeRuler, swap_in_fast_attributes
from claimgraph.analyse.tokens.fast_lemmas import FastLemmatizer, swap_in_fast_lemmas

EVERY_TOKEN_ATTR = [ORTH, LOWER, NORM, TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, SPACY]
EVERY_TOKEN_ATTR += [ENT_IOB, ENT_TYPE]


def _fast_base() -> spacy.Language:
    register_components()
    fast = spacy.load(resolve_model_name())
    assert swap_in_fast_attributes(fast)
    assert swap_in_fast_lemmas(fast)
    return fast


def _rows(doc: Doc) -> list[tuple[str, ...]]:
    """Every token attribute, as strings, so a mismatch names the token and the value."""
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i), t.ent_iob_)
        for t in doc
    ]


def test_fast_attributes_identical_to_stock_on_real_text(stock_base_nlp, base_model_texts):  # type: ignore[no-untyped-def]
    fast = _fast_base()
    assert fast.pipe_names == stock_base_nlp.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    pairs = zip(stock_base_nlp.pipe(base_model_texts), fast.pipe(base_model_texts), strict=True)
    for stock_doc, fast_doc in pairs:
        assert _rows(fast_doc) == _rows(stock_doc)
        assert (fast_doc.to_array(EVERY_TOKEN_ATTR) == stock_doc.to_array(EVERY_TOKEN_ATTR)).all()


# Hand-made rules in each shape the Matcher supports here, on a hand-built doc.
WORDS = ["Y'", "all", "ai", "n't", "nothin'", "but", "it", "is", " ", "ok"]
TAGS = ["PRP", "DT", "VBP", "RB", "NN", "CC", "PRP", "VBZ", "_SP", "JJ"]
DEPS = ["nsubj", "dep", "ROOT", "neg", "dobj", "cc", "expl", "ROOT", "dep", "acomp"]
HEADS = [2, 0, 2, 2, 2, 2, 7, 7, 7, 7]
RULES = [
    {"patterns": [[{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": -1},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}}]], "attrs": {"POS": "X", "MORPH": "A=B"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"TAG": "CC", "LOWER": "but"}]], "attrs": {"POS": "ADV", "MORPH": "C=D"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
]


def _hand_doc(nlp: spacy.Language) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)


@pytest.mark.parametrize("order", [RULES, RULES[::-1]], ids=["as-written", "reversed"])
def test_fast_attributes_rule_shapes_match_stock(order):  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    stock = nlp.add_pipe("attribute_ruler")
    stock.add_patterns(order)
    fast = FastAttributeRuler(nlp.vocab)
    fast.add_patterns(order)
    expected, got = stock(_hand_doc(nlp)), fast(_hand_doc(nlp))
    assert _rows(got) == _rows(expected)


def test_fast_attributes_unsupported_rule_falls_back_to_the_matcher():  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    stock = nlp.add_pipe("attribute_ruler")
    fast = FastAttributeRuler(nlp.vocab)
    quantified = {
        "patterns": [[{"LOWER": "ai"}, {"TAG": "RB", "OP": "+"}]],
        "attrs": {"POS": "AUX"},
    }
    for ruler in (stock, fast):
        ruler.add_patterns([*RULES, quantified])
    assert not fast.serves_all
    assert _rows(fast(_hand_doc(nlp))) == _rows(stock(_hand_doc(nlp)))


def test_fast_attributes_unsupported_rule_keeps_stock():  # type: ignore[no-untyped-def]
    register_components()
    nlp = spacy.blank("en")
    stock = nlp.add_pipe("attribute_ruler")
    stock.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not swap_in_fast_attributes(nlp)
    assert nlp.get_pipe("attribute_ruler") is stock
