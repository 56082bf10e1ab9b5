"""Speech verbs whose quotation is missing still get a content, from the sentence."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace
from typing import Any

from claimgraph.analyse.attribution.candidate import Candidate
from claimgraph.analyse.attribution.layout import Layout
from claimgraph.analyse.attribution.unquoted_content import (
    MIN_PROBABILITY,
    unquoted,
    unquoted_content,
)


def _quote_candidate(nlp: Any, text: str, word: str) -> tuple[Any, Candidate]:
    """A quote-rule candidate on ``word`` with the word before it as source, as the
    rule builds it where the parser finds no complement."""
    doc = nlp(text)
    head = next(t for t in doc if t.lower_ == word)
    return doc, Candidate(head=head, rule="quote", cue=(head.i,), source=(head.i - 1,))


def _words(doc: Any, indices: Set[int]) -> str:
    return " ".join(doc[i].text for i in sorted(indices))


def test_unquoted_content_post_posed_cue_takes_the_sentence_before(nlp: Any) -> None:
    doc, cand = _quote_candidate(
        nlp, "The Internet has made it possible for people to organize, she said.", "said"
    )
    content = unquoted_content(Layout(doc), cand).content
    assert _words(doc, content) == "The Internet has made it possible for people to organize"


def test_unquoted_content_preposed_participle_stops_at_the_comma(nlp: Any) -> None:
    doc = nlp("Asked about the role of the army, the spokesman said nothing.")
    head = next(t for t in doc if t.lower_ == "asked")
    cand = Candidate(
        head=head,
        rule="quote",
        cue=(head.i, head.i + 1),
        source=tuple(t.i for t in doc if t.lower_ in ("the", "spokesman") and t.i > 6),
    )
    content = unquoted_content(Layout(doc), cand).content
    assert _words(doc, content) == "the role of the army"


def test_unquoted_content_needs_a_confident_scorer(nlp: Any) -> None:
    doc, cand = _quote_candidate(nlp, "The plan will fail, she said.", "said")
    layout = Layout(doc)
    assert unquoted(layout, cand) is None  # no score: the rules alone drop it
    assert unquoted(layout, replace(cand, score=MIN_PROBABILITY - 0.01)) is None
    kept = unquoted(layout, replace(cand, score=MIN_PROBABILITY))
    assert kept is not None and kept.rule == "unquoted"
    assert _words(doc, kept.content) == "The plan will fail"
    assert cand.rule == "quote" and not cand.content  # the candidate handed in is unchanged


def test_unquoted_content_attribution_end_to_end(nlp: Any) -> None:
    doc = nlp("Rubio's campaign tweeted a video of the debate.")
    [attribution] = doc._.cg_attributions
    assert attribution.cue.text == "tweeted"
    assert [s.text for s in attribution.source] == ["Rubio's campaign"]
    assert [s.text for s in attribution.content] == ["a video of the debate"]
