"""The cross-outlet linking gold set (``gold/linking/STORY/gold.json``): reading and checking.

Each story folder holds its articles (``NAME.txt`` + ``NAME.meta.json``) and one
``gold.json`` (format in ``gold/linking/README.md``). Every span in the gold is given as
its exact words plus which whole-word occurrence of them in the article is meant, so
the gold can be written by hand and survives edits elsewhere in the article. Loading
checks every reference, so a typo fails loudly instead of silently scoring zero.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = ("conflict", "revision", "scope", "contested")
MUST_NOT_KINDS = ("conflict", "revision", "contested", "denial")
SCOPES = ("total", "partial", "prediction", "background")
SPLITS = ("dev", "test")


class GoldError(ValueError):
    """A gold file that does not follow the format or points at words not in the text."""


@dataclass(frozen=True)
class Ref:
    """Words in one article: ``[start, end)`` into the article file's text."""

    article: str  # file name inside the story folder
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldMember:
    ref: Ref
    group: str
    source: str | None
    scope: str


@dataclass(frozen=True)
class GoldDiscrepancy:
    kind: str
    group: str | None
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class GoldMustNot:
    """Words that must not be flagged together as ``kind`` (or, for ``denial``, a cue
    that must not be reported as a denial), with why."""

    kind: str
    refs: tuple[Ref, ...]
    why: str


@dataclass(frozen=True)
class GoldCue:
    """A denial or a non-denial: its cue words and who speaks."""

    ref: Ref
    source: str | None


@dataclass(frozen=True)
class GoldEdge:
    """Citer -> cited; each side lists accepted names (a person or the body they speak for)."""

    citer: tuple[str, ...]
    cited: tuple[str, ...]


@dataclass(frozen=True)
class GoldStory:
    name: str
    split: str
    directory: Path
    articles: tuple[str, ...]
    members: tuple[GoldMember, ...]
    discrepancies: tuple[GoldDiscrepancy, ...]
    denials: tuple[GoldCue, ...]
    non_denials: tuple[GoldCue, ...]
    corroboration: dict[str, int]
    citations: tuple[GoldEdge, ...]
    must_not: tuple[GoldMustNot, ...] = ()


def occurrence_span(text: str, words: str, occurrence: int) -> tuple[int, int] | None:
    """The ``occurrence``-th (1-based) whole-word, case-sensitive match of ``words``."""
    # Whole words only, so "one" is never found inside "once" or "someone".
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    for i, match in enumerate(pattern.finditer(text), start=1):
        if i == occurrence:
            return match.start(), match.end()
    return None


# --------------------------------------------------------------------------- names


NAME_DROP = re.compile(r"[^\w\s]")


def normalise_name(name: str) -> str:
    """Case, possessives, punctuation and a leading "the" do not matter in names."""
    text = name.replace("’", "'").lower()
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group() == "'s" else "s", text)
    text = NAME_DROP.sub(" ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def names_match(predicted: str, gold: str) -> bool:
    """Equal once normalised, or a proper name's tail ("Tellman" for "Rosa Tellman")."""
    p, g = normalise_name(predicted), normalise_name(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_, original = (p, g, predicted) if len(p) < len(g) else (g, p, gold)
    stripped = re.sub(r"^(?i:the)\s+", "", original.strip())
    return stripped[:1].isupper() and long_.endswith(" " + short)


def any_name(predicted: str | None, names: Iterable[str]) -> bool:
    return predicted is not None and any(names_match(predicted, n) for n in names)


def _names(value: Any, where: str) -> tuple[str, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise GoldError(f"{where}: expected a name or a list of names, got {value!r}")
    return tuple(names)


class _Reader:
    """Reads one ``gold.json``, resolving every reference against its article texts."""

    def __init__(self, directory: Path, data: dict[str, Any]) -> None:
        self.directory = directory
        self.data = data
        self.texts: dict[str, str] = {}
        for name in data.get("articles", []):
            path = directory / name
            if not path.is_file():
                raise GoldError(f"{directory.name}: article {name} not found")
            self.texts[name] = path.read_text(encoding="utf-8")
        if not self.texts:
            raise GoldError(f"{directory.name}: no articles listed")

    def ref(self, item: dict[str, Any], words_key: str = "text") -> Ref:
        article, words = item.get("article"), item.get(words_key)
        occurrence = int(item.get("occurrence", 1))
        if article not in self.texts or not isinstance(words, str):
            raise GoldError(f"{self.directory.name}: bad reference {item!r}")
        found = occurrence_span(self.texts[article], words, occurrence)
        if found is None:
            raise GoldError(
                f"{self.directory.name}: {words!r} occurrence {occurrence} not in {article}"
            )
        return Ref(article, found[0], found[1], words)

    def members(self) -> tuple[GoldMember, ...]:
        found = []
        for group in self.data.get("figure_groups", []):
            for item in group["members"]:
                scope = item.get("scope", "total")
                if scope not in SCOPES:
                    raise GoldError(f"{self.directory.name}: unknown scope {scope!r}")
                found.append(GoldMember(self.ref(item), group["label"], item.get("source"), scope))
        return tuple(found)

    def discrepancies(self) -> tuple[GoldDiscrepancy, ...]:
        found = []
        for item in self.data.get("discrepancies", []):
            if item.get("kind") not in KINDS:
                raise GoldError(f"{self.directory.name}: unknown kind {item.get('kind')!r}")
            refs = tuple(self.ref(m) for m in item["members"])
            found.append(GoldDiscrepancy(item["kind"], item.get("group"), refs))
        return tuple(found)

    def must_not(self) -> tuple[GoldMustNot, ...]:
        found = []
        for item in self.data.get("must_not", []):
            kind = item.get("kind")
            if kind not in MUST_NOT_KINDS:
                raise GoldError(f"{self.directory.name}: unknown must_not kind {kind!r}")
            refs = tuple(self.ref(m) for m in item["members"])
            if not refs:
                raise GoldError(f"{self.directory.name}: a must_not entry lists no members")
            found.append(GoldMustNot(kind, refs, str(item.get("why", ""))))
        return tuple(found)

    def cues(self, key: str) -> tuple[GoldCue, ...]:
        return tuple(
            GoldCue(self.ref(item, "cue"), item.get("source")) for item in self.data.get(key, [])
        )

    def story(self) -> GoldStory:
        split = self.data.get("split")
        if split not in SPLITS:
            raise GoldError(f"{self.directory.name}: split must be dev or test, got {split!r}")
        members = self.members()
        labels = {m.group for m in members}
        corroboration = {c["group"]: int(c["independent_sources"])
                         for c in self.data.get("corroboration", [])}  # fmt: skip
        unknown = set(corroboration) - labels
        if unknown:
            raise GoldError(f"{self.directory.name}: corroboration of unknown groups {unknown}")
        return GoldStory(
            name=str(self.data.get("story") or self.directory.name),
            split=split,
            directory=self.directory,
            articles=tuple(self.texts),
            members=members,
            discrepancies=self.discrepancies(),
            denials=self.cues("denials"),
            non_denials=self.cues("non_denials"),
            corroboration=corroboration,
            citations=tuple(
                GoldEdge(_names(e["citer"], "citer"), _names(e["cited"], "cited"))
                for e in self.data.get("citations", [])
            ),
            must_not=self.must_not(),
        )


def load_story(directory: Path) -> GoldStory:
    """One story folder; raises ``GoldError`` on any reference that does not resolve."""
    try:
        data = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GoldError(f"{directory.name}: cannot read gold.json: {error}") from None
    try:
        return _Reader(directory, data).story()
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, GoldError):
            raise
        raise GoldError(f"{directory.name}: malformed gold.json: {error!r}") from None


def load_gold(root: Path, split: str = "all") -> list[GoldStory]:
    """Every story folder under ``root`` (those with a ``gold.json``) of ``split``."""
    stories = [load_story(d) for d in sorted(root.iterdir()) if (d / "gold.json").is_file()]
    if split != "all":
        stories = [s for s in stories if s.split == split]
    return stories
