"""The per-doc word table the cue features read instead of spaCy Token objects."""

from __future__ import annotations

from typing import Any

from claimgraph.analyse.attribution.cue_features import DocContext, WordTable, token_features

_TEXT = (
    "“We will not pay,” the minister told reporters on Friday in Seoul. "
    "Officials, who spoke on condition of anonymity, said that the plan was dead: "
    "its critics' claims about costs, according to The Post, were wrong."
)


def test_cue_features_word_table_matches_tokens(nlp: Any) -> None:
    doc = nlp(_TEXT)
    words = WordTable.of(doc)
    for token in doc:
        i = token.i
        assert words.lemma[i] == token.lemma_.lower()
        assert (words.lower[i], words.pos[i], words.tag[i]) == (
            token.lower_,
            token.pos_,
            token.tag_,
        )
        assert (words.dep[i], words.ent[i]) == (token.dep_, token.ent_type_)
        assert words.head[i] == token.head.i
        assert (words.title[i], words.quote[i]) == (token.is_title, token.is_quote)
        assert words.children(i) == [c.i for c in token.children]


def test_cue_features_read_the_parse_around_the_word(nlp: Any) -> None:
    doc = nlp(_TEXT)
    context = DocContext.of(doc)
    told = next(t for t in doc if t.lower_ == "told")
    features = token_features(told, "quote", False, context)
    assert "lemma=tell" in features
    assert "childlemma=dobj|reporter" in features
    assert "preplemma=on|friday" in features
    assert "prev=minister" in features and "next=reporters" in features
    assert "quote_before" in features and "sent_quote=True" in features
    said = next(t for t in doc if t.lower_ == "said")
    said_features = token_features(said, "clause", False, context)
    assert "mark=ccomp|that" in said_features
    assert "subjlemma=official" in said_features
    # the last word of the doc has no next word
    assert "next=</s>" in token_features(doc[-1], None, False, context)
