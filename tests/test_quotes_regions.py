"""Quotation regions: how many characters of a range lie inside quotations."""

from __future__ import annotations

from claimgraph.analyse.attribution.quotes import QuoteIndex


def test_quotes_quoted_chars_counts_overlap_with_every_region() -> None:
    text = 'He said "a b c" and then “d e” ok "f"'
    index = QuoteIndex(text)
    assert index.regions == [(8, 15), (25, 30), (34, 37)]
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            expected = sum(1 for i in range(start, end) if index.containing(i) is not None)
            assert index.quoted_chars(start, end) == expected
