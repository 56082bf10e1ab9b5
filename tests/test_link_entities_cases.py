"""Cross-article entity linking on hand-made records: one entity under several names,
different entities kept apart."""

from __future__ import annotations

import time

from claimgraph.link.entities import EntityCluster, link_entities, normalise
from claimgraph.model import Article, ArticleAnalysis, EntityMention, Span

Mention = tuple[str, str, str | None, tuple[str, ...]]  # surface, label, name, titles


def _item(article_id: str, text: str, mentions: list[Mention]) -> tuple[Article, ArticleAnalysis]:
    found = []
    position = 0
    for surface, label, name, titles in mentions:
        start = text.index(surface, position)
        position = start + len(surface)
        found.append(
            EntityMention(
                span=Span.of(text, start, position),
                label=label,
                name=name or surface,
                titles=titles,
            )
        )
    article = Article(id=article_id, text=text)
    return article, ArticleAnalysis(article_id=article_id, entities=tuple(found))


def _cluster_of(clusters: list[EntityCluster], article_id: str, surface: str) -> EntityCluster:
    for cluster in clusters:
        if any(a == article_id and s.text == surface for a, s in cluster.mentions):
            return cluster
    raise AssertionError(f"{surface!r} of {article_id} is in no cluster")


KIRBY_TITLE = "White House national security spokesman"
KIRBY = [
    _item(
        "a1",
        f"{KIRBY_TITLE} John Kirby said 3,000 troops moved. Kirby spoke on Wednesday.",
        [
            ("John Kirby", "PERSON", None, (KIRBY_TITLE,)),
            ("Kirby", "PERSON", "John Kirby", (KIRBY_TITLE,)),
        ],
    ),
    _item(
        "a2",
        "Kirby told reporters the U.S. believes it.",
        [("Kirby", "PERSON", None, ()), ("U.S.", "GPE", None, ())],
    ),
    _item(
        "a3",
        "John Kirby and the United States. The US agrees.",
        [
            ("John Kirby", "PERSON", None, ()),
            ("United States", "GPE", None, ()),
            ("US", "GPE", None, ()),
        ],
    ),
    _item(
        "a4",
        "The Kremlin denied it; Moscow said Russia had no troops there.",
        [("Kremlin", "ORG", None, ()), ("Moscow", "GPE", None, ()), ("Russia", "GPE", None, ())],
    ),
]


def test_link_person_under_three_names_is_one_entity() -> None:
    clusters = link_entities(KIRBY)
    kirby = _cluster_of(clusters, "a2", "Kirby")
    assert kirby is _cluster_of(clusters, "a1", "John Kirby")
    assert kirby is _cluster_of(clusters, "a3", "John Kirby")
    assert kirby.name == "John Kirby"
    assert kirby.label == "PERSON"
    assert "Kirby" in kirby.aliases
    assert KIRBY_TITLE in kirby.titles
    assert {a for a, _ in kirby.mentions} == {"a1", "a2", "a3"}
    assert len(kirby.mentions) == 4


def test_link_country_short_forms_are_one_entity() -> None:
    clusters = link_entities(KIRBY)
    us = _cluster_of(clusters, "a2", "U.S.")
    assert us is _cluster_of(clusters, "a3", "United States")
    assert us is _cluster_of(clusters, "a3", "US")
    assert normalise("the U.S.") == normalise("United States") == normalise("US")


def test_link_kremlin_moscow_russia_stay_apart() -> None:
    clusters = link_entities(KIRBY)
    ids = {_cluster_of(clusters, "a4", s).id for s in ("Kremlin", "Moscow", "Russia")}
    assert len(ids) == 3


def test_link_mention_spans_point_into_their_article() -> None:
    texts = {article.id: article.text for article, _ in KIRBY}
    for cluster in link_entities(KIRBY):
        for article_id, span in cluster.mentions:
            assert texts[article_id][span.start : span.end] == span.text


def test_link_ids_are_stable_across_runs_and_input_order() -> None:
    first = {c.name: c.id for c in link_entities(KIRBY)}
    again = {c.name: c.id for c in link_entities(list(reversed(KIRBY)))}
    assert first == again


def test_link_ambiguous_surname_stays_apart() -> None:
    items = [
        _item("b1", "George Bush spoke.", [("George Bush", "PERSON", None, ())]),
        _item("b2", "Laura Bush spoke.", [("Laura Bush", "PERSON", None, ())]),
        _item("b3", "Bush spoke again.", [("Bush", "PERSON", None, ())]),
    ]
    clusters = link_entities(items)
    assert len(clusters) == 3


def test_link_surname_joins_the_person_sharing_its_title() -> None:
    items = [
        _item(
            "c1", "Senator George Smith spoke.", [("George Smith", "PERSON", None, ("Senator",))]
        ),
        _item("c2", "Judge Anna Smith spoke.", [("Anna Smith", "PERSON", None, ("Judge",))]),
        _item("c3", "Senator Smith spoke.", [("Smith", "PERSON", None, ("Senator",))]),
    ]
    clusters = link_entities(items)
    assert _cluster_of(clusters, "c3", "Smith") is _cluster_of(clusters, "c1", "George Smith")
    assert len(clusters) == 2


def test_link_middle_initial_and_honorific_do_not_split_a_person() -> None:
    items = [
        _item("d1", "George W. Bush spoke.", [("George W. Bush", "PERSON", None, ())]),
        _item("d2", "Mr. George Bush spoke.", [("Mr. George Bush", "PERSON", None, ())]),
    ]
    assert len(link_entities(items)) == 1


def test_link_acronym_and_company_forms_join_the_organisation() -> None:
    items = [
        _item(
            "e1",
            "The United States Air Force chose Apple Inc. and General Motors.",
            [
                ("United States Air Force", "ORG", None, ()),
                ("Apple Inc.", "ORG", None, ()),
                ("General Motors", "ORG", None, ()),
            ],
        ),
        _item(
            "e2",
            "The USAF said Apple and GM agreed.",
            [("USAF", "ORG", None, ()), ("Apple", "ORG", None, ()), ("GM", "ORG", None, ())],
        ),
    ]
    clusters = link_entities(items)
    assert len(clusters) == 3
    assert _cluster_of(clusters, "e2", "USAF").name == "United States Air Force"


def test_link_demonym_joins_its_country() -> None:
    items = [
        _item("f1", "Japan said so.", [("Japan", "GPE", None, ())]),
        _item("f2", "Japanese officials said so.", [("Japanese", "NORP", None, ())]),
    ]
    assert len(link_entities(items)) == 1


def test_link_person_and_place_of_one_name_stay_apart() -> None:
    items = [
        _item("g1", "Washington said so.", [("Washington", "PERSON", None, ())]),
        _item("g2", "In Washington, it rained.", [("Washington", "GPE", None, ())]),
    ]
    assert len(link_entities(items)) == 2


def test_link_is_blocked_not_all_pairs() -> None:
    # 4,000 articles of distinct names: all-pairs would take minutes, keys take moments.
    items = [
        _item(
            f"h{i}",
            f"Person{i} Name{i} met Org{i}.",
            [(f"Person{i} Name{i}", "PERSON", None, ()), (f"Org{i}", "ORG", None, ())],
        )
        for i in range(4000)
    ]
    started = time.perf_counter()
    clusters = link_entities(items)
    assert len(clusters) == 8000
    assert time.perf_counter() - started < 10


def test_link_headline_name_joins_the_name_it_begins_with() -> None:
    items = [
        _item(
            "i1",
            "Lindsay Lohan Checks Into Rehab\nLindsay Lohan left court.",
            [
                ("Lindsay Lohan Checks Into Rehab", "PERSON", None, ()),
                ("Lindsay Lohan", "PERSON", None, ()),
            ],
        ),
        _item(
            "i2",
            "Esther Williams Dies At 91\nLindsay Lohan was not there.",
            [("Esther Williams Dies", "PERSON", None, ()), ("Lindsay Lohan", "PERSON", None, ())],
        ),
    ]
    clusters = link_entities(items)
    lohan = _cluster_of(clusters, "i2", "Lindsay Lohan")
    assert lohan is _cluster_of(clusters, "i1", "Lindsay Lohan Checks Into Rehab")
    assert lohan.name == "Lindsay Lohan"
    assert _cluster_of(clusters, "i2", "Esther Williams Dies") is not lohan


def test_link_short_organisation_name_finds_only_an_unambiguous_long_one() -> None:
    items = [
        _item(
            "j1",
            "In New Orleans, the New Orleans Saints won. The Saints celebrated.",
            [
                ("New Orleans", "GPE", None, ()),
                ("New Orleans Saints", "ORG", None, ()),
                ("Saints", "ORG", None, ()),
            ],
        ),
        _item(
            "j2",
            "The British Navy and the US Navy met. The Navy said so.",
            [
                ("British Navy", "ORG", None, ()),
                ("US Navy", "ORG", None, ()),
                ("Navy", "ORG", None, ()),
            ],
        ),
    ]
    clusters = link_entities(items)
    assert _cluster_of(clusters, "j1", "Saints") is _cluster_of(
        clusters, "j1", "New Orleans Saints"
    )
    navies = {_cluster_of(clusters, "j2", s).id for s in ("British Navy", "US Navy", "Navy")}
    assert len(navies) == 3
