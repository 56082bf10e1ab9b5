"""Reading articles: plain text, HTML, RSS/Atom feeds and JSONL, with their metadata.

``read_paths`` yields an ``Article`` per article read and an ``UnreadableInput`` per
input that fails, so a batch always runs to the end, and a ``MetadataWarning`` per
invalid date or URL a source states (dropped, never fatal).
"""

from claimgraph.ingest.files import MAX_INPUT_BYTES
from claimgraph.ingest.identity import article_id, normalise_for_identity
from claimgraph.ingest.metadata import MetadataWarning
from claimgraph.ingest.read import read_paths

__all__ = [
    "MAX_INPUT_BYTES",
    "MetadataWarning",
    "article_id",
    "normalise_for_identity",
    "read_paths",
]
