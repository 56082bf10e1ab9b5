"""The phrases at a content's right edge that the edge model may cut or take in."""

from __future__ import annotations

from typing import Any

from claimgraph.analyse.attribution.content_edges import EdgeUnit, add_unit, cut_units, edit_content
from claimgraph.analyse.attribution.cue_features import sentence_bounds
from claimgraph.analyse.attribution.frames import rule_candidate


def _said(nlp: Any, text: str) -> tuple[Any, set[int], set[int]]:
    doc = nlp(text)
    cand = rule_candidate(next(t for t in doc if t.lower_ == "said"))
    assert cand is not None
    return doc, cand.content, {*cand.cue, *cand.source}


def test_content_edges_trailing_phrases_outermost_first(nlp: Any) -> None:
    doc, content, _ = _said(
        nlp, "The mayor said the bridge would reopen in May, which surprised all."
    )
    units = [doc[u.start : u.end + 1].text for u in cut_units(doc, content)]
    assert units[:2] == ["in May, which surprised all", "which surprised all"]


def test_content_edges_following_phrase_stops_at_sentence_end(nlp: Any) -> None:
    doc, content, blocked = _said(
        nlp, "The mayor said the bridge was safe, but engineers disagreed."
    )
    unit = add_unit(doc, max(content), blocked, len(doc))
    assert unit is not None
    assert doc[unit.start : unit.end + 1].text.rstrip(".") == "engineers disagreed"
    doc, content, blocked = _said(nlp, "The mayor said the bridge was safe.")
    assert add_unit(doc, max(content), blocked, len(doc)) is None


def test_content_edges_edit_cuts_with_its_comma_or_extends(nlp: Any) -> None:
    doc, content, blocked = _said(
        nlp, "The mayor said the bridge would reopen in May, which surprised all."
    )

    def cut_relative(unit: EdgeUnit) -> bool:
        return unit.kind == "cut" and unit.root.dep_ == "relcl"

    edited = edit_content(content, blocked, cut_relative, doc, sentence_bounds(doc))
    assert doc[min(edited) : max(edited) + 1].text == "the bridge would reopen in May"
    doc, content, blocked = _said(
        nlp, "The mayor said the bridge was safe, but engineers disagreed."
    )
    extended = edit_content(
        content, blocked, lambda unit: unit.kind == "add", doc, sentence_bounds(doc)
    )
    assert (
        doc[min(extended) : max(extended) + 1].text
        == "the bridge was safe, but engineers disagreed"
    )
    unchanged = edit_content(content, blocked, lambda unit: False, doc, sentence_bounds(doc))
    assert unchanged == content
