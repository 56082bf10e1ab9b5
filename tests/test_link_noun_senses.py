"""The WordNet-derived table of what kind of thing a noun names."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from claimgraph.link import noun_senses


@pytest.mark.parametrize(
    ("lemma", "living"),
    [
        ("victim", True),
        ("teenager", True),
        ("people", True),  # a group of people
        ("gun", False),
        ("investigation", False),
        ("shooting", False),
        ("caliber", False),
        ("individual", None),  # noun.Tops: too broad to say
        ("others", None),  # not a WordNet noun
    ],
)
def test_noun_senses_names_living(lemma: str, living: bool | None) -> None:
    assert noun_senses.names_living(lemma) is living


def test_noun_senses_table_carries_the_wordnet_notice() -> None:
    with gzip.open(noun_senses.TABLE, "rt", encoding="utf-8") as lines:
        head = "".join(next(lines) for _ in range(3))
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in head


def test_noun_senses_reads_a_wordnet_database(tmp_path: Path) -> None:
    # A two-synset database in WordNet's format: offsets are byte positions in data.noun.
    person = "00000000 18 n 01 victim 0 000 | a person who is harmed\n"
    artifact = f"{len(person):08d} 06 n 01 gun 0 000 | a weapon\n"
    (tmp_path / "data.noun").write_text(person + artifact, encoding="latin-1")
    (tmp_path / "index.noun").write_text(
        "  1 licence line\n"
        "gun n 1 0 1 0 " + f"{len(person):08d}\n"
        "victim n 1 0 1 0 00000000\n"
        "ice_cream n 1 0 1 0 00000000\n",
        encoding="latin-1",
    )
    senses = noun_senses.read_wordnet(tmp_path)
    assert senses == {"gun": "artifact", "victim": "person"}
    out = tmp_path / "table.tsv.gz"
    noun_senses.write_table(senses, out)
    first = out.read_bytes()
    noun_senses.write_table(senses, out)
    assert out.read_bytes() == first  # reproducible
