"""Reader of the PolNeAR attribution corpus (BRAT standoff).

Layout: ``SPLIT/text/NAME.txt`` and ``SPLIT/attributions/NAME_ANNOTATOR.ann``. Where an
article was annotated by several annotators, the first ``.ann`` in sorted order is the
gold. ``T`` lines hold Source/Cue/Content spans (discontinuous fragments joined by ``;``)
and an ``Attribution`` (or ``Attribution-no-source``) anchor; ``E`` lines tie them
together; one Source can be shared by several ``E`` lines. ``Discard`` and ``Discuss``
marks are annotator notes, not attributions, and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import ClaimgraphError

Fragments = tuple[tuple[int, int], ...]

ROLES = ("Source", "Cue", "Content")

# A span's text may itself hold a newline, so its continuation is a line that is not an
# annotation: only lines of this shape are read as ``T`` lines.
_T_LINE = re.compile(r"^(?P<tid>T\d+)\t(?P<label>\S+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)\t")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: each role a (possibly empty) tuple of fragments."""

    source: Fragments
    cue: Fragments
    content: Fragments


@dataclass(frozen=True)
class PolnearArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _parse_fragments(offsets: str) -> Fragments:
    """``"315 448;463 553"`` -> ``((315, 448), (463, 553))``."""
    fragments = []
    for part in offsets.split(";"):
        start, end = part.split()
        fragments.append((int(start), int(end)))
    return tuple(fragments)


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """The attributions in one ``.ann`` file's text."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        match = _T_LINE.match(line)
        if match:
            spans[match["tid"]] = (match["label"], _parse_fragments(match["offsets"]))
        elif line.startswith("E") and "\t" in line:
            _, args = line.split("\t", 1)
            roles: dict[str, str] = {}
            for arg in args.split():
                role, _, tid = arg.partition(":")
                roles[role.rstrip("0123456789")] = tid
            events.append(roles)
    return tuple(_attribution(roles, spans) for roles in events if _has_cue_or_content(roles))


def _has_cue_or_content(roles: dict[str, str]) -> bool:
    return "Cue" in roles or "Content" in roles


def _attribution(roles: dict[str, str], spans: dict[str, tuple[str, Fragments]]) -> GoldAttribution:
    def role(name: str) -> Fragments:
        tid = roles.get(name)
        return spans[tid][1] if tid is not None and tid in spans else ()

    return GoldAttribution(source=role("Source"), cue=role("Cue"), content=role("Content"))


def _gold_file(attributions_dir: Path, name: str) -> Path | None:
    candidates = sorted(attributions_dir.glob(f"{name}_*.ann"))
    return candidates[0] if candidates else None


def read_split(root: Path, split: str, limit: int | None = None) -> Iterator[PolnearArticle]:
    """Articles of one split in sorted file-name order, with their gold attributions."""
    text_dir = root / split / "text"
    ann_dir = root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise ClaimgraphError(f"no PolNeAR split {split!r} under {root}")
    count = 0
    for text_path in sorted(text_dir.glob("*.txt")):
        if limit is not None and count >= limit:
            return
        ann_path = _gold_file(ann_dir, text_path.stem)
        if ann_path is None:
            continue
        text = text_path.read_text(encoding="utf-8")
        attributions = parse_ann(ann_path.read_text(encoding="utf-8"))
        count += 1
        yield PolnearArticle(name=text_path.stem, text=text, attributions=attributions)
