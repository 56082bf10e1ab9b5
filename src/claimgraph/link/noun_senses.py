"""What kind of thing a noun names, from WordNet: can it be killed, hurt or arrested?

"Three guns ... found with a teen who killed himself", "one death investigation
remains pending", "three shootings kill five": the words around such a figure say that
someone died, but a gun, an investigation or a shooting cannot have. WordNet files
every noun sense under one of 26 lexicographer classes (its supersense: ``noun.person``,
``noun.artifact``, ``noun.act`` ...) and lists a word's senses most frequent first, so
the class of a word's first sense says what the word usually names.

The table beside this module (``noun_senses.tsv.gz``: one-word lower-case noun lemmas and
the class of their first sense) is derived from WordNet 3.0 and regenerated with
``python -m claimgraph.link.noun_senses /usr/share/wordnet`` (Debian's ``wordnet-base``
installs the database there). Measured on gva-dev and gold/linking before it was adopted
(see ``link/counted.py``). WordNet's licence asks that its notice travel with every copy:
it heads the table.
"""

from __future__ import annotations

import gzip
import sys
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("noun_senses.tsv.gz")
# The noun lexicographer files of WordNet 3.0, by number (``lexnames``; numbers 0-2 are
# adjectives and adverbs, 29 on verbs).
NOUN_CLASSES = (
    "Tops", "act", "animal", "artifact", "attribute", "body", "cognition", "communication",
    "event", "feeling", "food", "group", "location", "motive", "object", "person",
    "phenomenon", "plant", "possession", "process", "quantity", "relation", "shape", "state",
    "substance", "time",
)  # fmt: skip
FIRST_NOUN_FILE = 3
# Classes of things that live: a person, an animal, or a group of people ("people",
# "family", "crowd" are ``noun.group`` in WordNet).
LIVING = frozenset({"person", "animal", "group"})
# ``noun.Tops`` holds the roots of the hierarchy ("person", "individual", "organism",
# "entity"): too broad to say anything, so such words stay unknown.
NO_VERDICT = frozenset({"Tops"})
NOTICE = """\
# First-sense supersense of one-word English noun lemmas, derived from WordNet 3.0.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT
# LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED
# SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to
# copyright in this software, database and any associated documentation shall at all
# times remain with Princeton University and LICENSEE agrees to preserve same.
"""


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    with gzip.open(TABLE, "rt", encoding="utf-8") as lines:
        rows = (line.rstrip("\n").split("\t") for line in lines if not line.startswith("#"))
        return {word: sense for word, sense in rows}


def first_sense_class(lemma: str) -> str | None:
    """The lexicographer class of the lemma's most frequent noun sense ("person",
    "artifact" ...), or None for a word WordNet does not hold as a noun."""
    return _table().get(lemma.lower())


def names_living(lemma: str) -> bool | None:
    """True for a person, animal or group of people, False for anything else WordNet
    knows ("gun", "investigation", "shooting"), None when it cannot say."""
    sense = first_sense_class(lemma)
    if sense is None or sense in NO_VERDICT:
        return None
    return sense in LIVING


# --------------------------------------------------------------------------- building


def read_wordnet(directory: Path) -> dict[str, str]:
    """One-word noun lemmas of a WordNet database (``index.noun``, ``data.noun``) and
    the class of each one's first sense."""
    senses: dict[str, str] = {}
    with (directory / "data.noun").open("rb") as data:
        for line in (directory / "index.noun").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence at the top of the file
            fields = line.split()
            lemma, count = fields[0], int(fields[2])
            if not lemma.isalpha() or not lemma.islower():
                continue
            data.seek(int(fields[-count]))  # offsets come last, most frequent sense first
            lexfile = int(data.readline().split()[1])
            senses[lemma] = NOUN_CLASSES[lexfile - FIRST_NOUN_FILE]
    return senses


def write_table(senses: dict[str, str], path: Path = TABLE) -> None:
    body = "".join(f"{word}\t{sense}\n" for word, sense in sorted(senses.items()))
    # mtime=0: the same database always gives byte-identical output.
    path.write_bytes(gzip.compress((NOTICE + body).encode("utf-8"), 9, mtime=0))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m claimgraph.link.noun_senses WORDNET_DICT_DIR", file=sys.stderr)
        return 2
    senses = read_wordnet(Path(argv[0]))
    write_table(senses)
    print(f"{len(senses)} nouns -> {TABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
