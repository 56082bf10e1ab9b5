"""Cheap sentence boundaries in raw text, shared by linking and the HTML report."""

from __future__ import annotations

from claimgraph.sentences import sentence_bounds

TEXT = (
    "U.S. officials said 3,000 troops left. The spokesman called it “fake news.” "
    "Gen. Hale said nothing.\nA new line starts here."
)


def slice_around(needle: str) -> str:
    start = TEXT.index(needle)
    left, right = sentence_bounds(TEXT, start, start + len(needle))
    return TEXT[left:right]


def test_sentences_an_initial_or_title_does_not_end_a_sentence() -> None:
    assert slice_around("3,000") == "U.S. officials said 3,000 troops left."
    assert slice_around("nothing") == "Gen. Hale said nothing."


def test_sentences_closing_quotes_stay_with_their_sentence() -> None:
    assert slice_around("fake") == "The spokesman called it “fake news.”"


def test_sentences_a_line_break_ends_a_sentence() -> None:
    assert slice_around("new line") == "A new line starts here."
