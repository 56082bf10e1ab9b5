"""Browsing a story like a table browser: facets, downloads of every table, permalinks."""

from __future__ import annotations

import csv
import io
import re

import pytest


def test_web_story_facets_narrow_figures_and_discrepancies(web_client) -> None:  # type: ignore[no-untyped-def]
    full = web_client.get("/stories/s1").text
    assert '<nav class="facets"' in full
    # Every value is a link that chooses it, with how many figures have it.
    assert re.search(
        r'href="/stories/s1\?outlet=Valley\+Wire#figures">Valley Wire <span class="count">2</span>',
        full,
    )
    narrowed = web_client.get("/stories/s1", params={"outlet": "Valley Wire"}).text
    rows = re.findall(r'<tr class="scope-[a-z]+" id="(figure-[^"]+)"', narrowed)
    assert rows == ["figure-bbbbbbbbbb-31-39", "figure-bbbbbbbbbb-145-148"]  # ~60, 100
    assert 'aria-current="true">Valley Wire' in narrowed and "Show everything" in narrowed
    by_kind = web_client.get("/stories/s1", params={"kind": "scope"}).text
    assert 'class="card kind-conflict"' not in by_kind
    assert 'class="card kind-conflict"' in full


@pytest.mark.parametrize(
    "table", ["figures", "attributions", "discrepancies", "denials", "citations", "timeline"]
)
def test_web_story_every_table_downloads_as_csv_and_json(web_client, table: str) -> None:  # type: ignore[no-untyped-def]
    as_csv = web_client.get(f"/stories/s1/{table}.csv")
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    as_json = web_client.get(f"/stories/s1/{table}.json").json()
    assert as_json["rows"] == rows and len(rows) >= 1
    assert list(rows[0]) == as_json["columns"]


def test_web_story_unknown_table_is_a_404(web_client) -> None:  # type: ignore[no-untyped-def]
    assert web_client.get("/stories/s1/secrets.csv").status_code == 404
    assert web_client.get("/stories/s1/figures.xlsx").status_code in (404, 422)


def test_web_story_every_card_and_section_has_a_permalink(web_client) -> None:  # type: ignore[no-untyped-def]
    page = web_client.get("/stories/s1").text
    for anchor in ("figures", "discrepancies", "denials", "timeline", "citations", "articles"):
        assert f'id="{anchor}"' in page and f'href="#{anchor}"' in page
    cards = re.findall(r'<article class="card [^"]+" id="([^"]+)"', page)
    assert cards and all(f'href="#{card}"' in page for card in cards)
    groups = re.findall(r'<article class="group" id="([^"]+)"', page)
    assert len(groups) == 2 and all(f'href="#{g}"' in page for g in groups)
