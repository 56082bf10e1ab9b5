"""Ingest from the browser or the API: the same library calls as ``claimgraph ingest``.

Uploads are checked (type by file suffix, size) before anything is written, saved into
a temporary folder under harmless names, and handed to ``ingest_paths`` and
``relink`` exactly as the CLI does, so format detection and metadata sidecars behave
the same. Who may ingest is decided here too: disabled unless the server was started
with ingest on, and behind the token whenever one is required.
"""

from __future__ import annotations

import hmac
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, File, Form, HTTPException, Request, UploadFile
from starlette.datastructures import UploadFile as StarletteUpload

from claimgraph.web.catalog import Catalog
from claimgraph.web.config import UPLOAD_SUFFIXES, WebConfig

if TYPE_CHECKING:
    from claimgraph.batch.local import IngestSummary

UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def library() -> tuple[Callable[..., IngestSummary], Callable[..., Any]]:
    """The CLI's own functions, imported late: they load the language pipeline."""
    from claimgraph.batch.local import ingest_paths
    from claimgraph.link import relink

    return ingest_paths, relink


def presented_token(request: Request, form_token: str | None) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-claimgraph-token") or form_token or ""


def same_origin(request: Request) -> bool:
    """A browser's cross-site form post names another origin: refuse it (no CSRF)."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def authorize(request: Request, config: WebConfig, form_token: str | None = None) -> None:
    if not config.allow_ingest:
        raise HTTPException(403, "ingest is disabled: start the server with --allow-ingest")
    if not same_origin(request):
        raise HTTPException(403, "cross-site ingest request refused")
    if config.token_required:
        given = presented_token(request, form_token)
        if not config.token or not hmac.compare_digest(given.encode(), config.token.encode()):
            raise HTTPException(401, "ingest needs the server's token (--token / CLAIMGRAPH_TOKEN)")


def check_length(request: Request, config: WebConfig) -> None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > config.max_upload_bytes + 64 * 1024:
        raise HTTPException(413, f"upload too large: the limit is {config.max_upload_bytes} bytes")


def check_upload(upload: Upload, config: WebConfig) -> None:
    suffix = Path(upload.name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        allowed = ", ".join(UPLOAD_SUFFIXES)
        raise HTTPException(415, f"{upload.name}: unsupported file type; allowed: {allowed}")
    if len(upload.data) > config.max_upload_bytes:
        raise HTTPException(
            413,
            f"{upload.name}: too large ({len(upload.data)} bytes; limit {config.max_upload_bytes})",
        )


async def read_uploads(
    files: Sequence[StarletteUpload | str], text: str | None, limit: int
) -> list[Upload]:
    # Read one byte past the limit: enough to tell "too large" without reading it all.
    # Starlette's class: FastAPI's ``UploadFile`` subclasses it but parts are not built as one.
    # A browser sends an empty part (a plain string) when no file was chosen: skipped.
    chosen = [f for f in files if isinstance(f, StarletteUpload) and f.filename]
    uploads = [Upload(f.filename or "upload.txt", await f.read(limit + 1)) for f in chosen]
    if text and text.strip():
        uploads.append(Upload("pasted.txt", text.encode("utf-8")))
    return uploads


@dataclass(frozen=True)
class IngestForm:
    """What an ingest post sends: files, a pasted text, metadata for both, a token."""

    files: Sequence[StarletteUpload | str] | None
    text: str | None
    outlet: str | None
    published: str | None
    token: str | None


def ingest_form_fields(
    files: Annotated[list[UploadFile | str] | None, File()] = None,
    text: Annotated[str | None, Form()] = None,
    outlet: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None,
    token: Annotated[str | None, Form()] = None,
) -> IngestForm:
    """The form fields of ``POST /api/ingest`` and of the ingest page, declared once."""
    return IngestForm(files, text, outlet, published, token)


IngestFormDep = Annotated[IngestForm, Depends(ingest_form_fields)]


async def ingest_posted_form(
    request: Request, catalog: Catalog, config: WebConfig, form: IngestForm
) -> IngestSummary:
    """Check who posts and what, then ingest it: the API's and the ingest page's form."""
    authorize(request, config, form.token)
    check_length(request, config)
    uploads = await read_uploads(form.files or [], form.text, config.max_upload_bytes)
    for upload in uploads:
        check_upload(upload, config)
    return ingest_uploads(
        catalog, uploads, outlet=form.outlet or None, published=form.published or None
    )


def safe_name(name: str) -> str:
    """A harmless file name that keeps its suffix, so readers and sidecars still match."""
    return UNSAFE_NAME.sub("_", Path(name).name).strip("._") or "upload.txt"


def write_uploads(folder: Path, uploads: Sequence[Upload]) -> None:
    taken: set[str] = set()
    for index, upload in enumerate(uploads):
        name = safe_name(upload.name)
        if name in taken:  # the same name twice: keep both
            name = f"{index:03d}_{name}"
        taken.add(name)
        (folder / name).write_bytes(upload.data)


def ingest_uploads(
    catalog: Catalog,
    uploads: Sequence[Upload],
    *,
    outlet: str | None = None,
    published: str | None = None,
) -> IngestSummary:
    """Analyse, store and re-link ``uploads``; the catalog sees the result at once."""
    if not uploads:
        raise HTTPException(400, "nothing to ingest: upload a file or paste a text")
    ingest_paths, relink = library()
    with tempfile.TemporaryDirectory(prefix="claimgraph-upload-") as folder:
        write_uploads(Path(folder), uploads)
        with catalog.lock:
            summary = ingest_paths([folder], catalog.store, outlet=outlet, published=published)
            summary.stories = relink(catalog.store).stories
            catalog.invalidate()
    # The temporary folder means nothing to the user: report file names only.
    summary.failures[:] = [(Path(path).name, reason) for path, reason in summary.failures]
    return summary
