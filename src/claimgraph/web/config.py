"""How one web server is set up: its store, its address and who may ingest."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from claimgraph.store import DEFAULT_DB

# Uploads above this are refused before they are read in full (413).
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl", ".json")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class WebConfig:
    """``allow_ingest`` turns on the upload form and ``POST /api/ingest``; off, the app
    is read-only. Off loopback, ingest also needs ``token``."""

    db: str = DEFAULT_DB
    host: str = "127.0.0.1"
    token: str | None = None
    allow_ingest: bool = False
    max_upload_bytes: int = MAX_UPLOAD_BYTES

    @property
    def token_required(self) -> bool:
        return bool(self.token) or not is_loopback(self.host)

    def check(self) -> None:
        """Refuse a set-up that would let anyone on the network write to the store."""
        if self.allow_ingest and not is_loopback(self.host) and not self.token:
            raise ValueError(
                f"ingest on {self.host} (not loopback) needs a token: pass --token or set "
                "CLAIMGRAPH_TOKEN, or serve on 127.0.0.1"
            )
