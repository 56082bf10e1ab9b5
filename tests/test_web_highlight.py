"""Highlighting an article: any set of spans, overlapping or not, gives valid markup."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.web.highlight import Mark, highlight

TAG = re.compile(r"<span [^>]*>|</span>")


def test_web_highlight_nests_contained_spans() -> None:
    out = str(highlight("about 40 people", [Mark(0, 15, "content"), Mark(6, 8, "quantity")]))
    assert out == (
        '<span class="m m-content" id="t0-15" data-a="t0-15" title="content 0–15">about '
        '<span class="m m-quantity" id="q6-8" data-a="q6-8" title="quantity 6–8">40</span>'
        " people</span>"
    )


def test_web_highlight_splits_crossing_spans() -> None:
    out = str(highlight("abcdef", [Mark(0, 4, "content"), Mark(2, 6, "date")]))
    assert out.count('data-a="d2-6"') == 2 and out.count('id="d2-6"') == 1
    assert TAG.sub("", out) == "abcdef"


def test_web_highlight_escapes_text_and_drops_bad_spans() -> None:
    out = str(
        highlight("<b>x</b>", [Mark(3, 4, "quantity"), Mark(5, 99, "date"), Mark(2, 2, "cue")])
    )
    assert "<b>" not in out and 'id="q3-4"' in out and "d5-99" not in out


marks = st.lists(
    st.builds(
        Mark,
        st.integers(0, 40),
        st.integers(0, 40),
        st.sampled_from(["quantity", "source", "cue", "content", "date", "evidence"]),
    ),
    max_size=12,
)


@given(text=st.text(max_size=40), spans=marks)
def test_web_highlight_keeps_text_and_balances_tags(text: str, spans: list[Mark]) -> None:
    out = str(highlight(text, spans))
    assert html.unescape(TAG.sub("", out)) == text
    depth = 0
    for tag in TAG.findall(out):
        depth += -1 if tag == "</span>" else 1
        assert depth >= 0
    assert depth == 0
    ids = re.findall(r'id="([^"]+)"', out)
    assert len(ids) == len(set(ids))
