"""Read the gva-dev corpus (local news on US shootings, one folder per incident) as gold
stories: every article file's gold story is its incident folder.

Files are named by their article's crawl id (``<incident>/<id>.txt``, with an
``<id>.meta.json`` sidecar), so a file's id is its stem. Two files may hold the same text
(one article stored once, with two appearances); scoring is per file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GvaFile:
    """One article file of the corpus, with its gold incident and stated publication day."""

    file_id: str
    incident: str
    path: Path
    published: str  # "" when the sidecar gives none


def incidents(root: Path) -> list[str]:
    """Every incident of the corpus (the folders beside ``gold.json``), sorted."""
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def hash_rank(incident: str) -> str:
    """The sort key of the fixed sample order (the SHA-256 of an incident's id), shared by
    the story and figure evaluations so that their samples of N are the same incidents."""
    return hashlib.sha256(incident.encode()).hexdigest()


def sample_incidents(root: Path, count: int) -> list[str]:
    """``count`` incidents chosen by a hash of their ids: fixed for a given corpus, and
    blind to what they hold (no city or size is preferred)."""
    ranked = sorted(incidents(root), key=hash_rank)
    return sorted(ranked[:count])


def read_files(root: Path, chosen: list[str] | None = None) -> list[GvaFile]:
    """The article files of ``chosen`` incidents (all by default), in path order."""
    files = []
    for incident in chosen if chosen is not None else incidents(root):
        for path in sorted((root / incident).glob("*.txt")):
            sidecar = path.with_name(path.stem + ".meta.json")
            meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
            published = str(meta.get("published") or "")[:10]
            files.append(GvaFile(path.stem, incident, path, published))
    return files
