"""Ingest from the browser or the API: the same library calls as ``claimgraph ingest``.

Uploads are checked (type by file suffix, size) before anything is written, saved into
a temporary folder under harmless names, and handed to ``ingest_and_link``
exactly as the CLI does, so format detection and metadata sidecars behave
the same. Who may ingest is decided here too: disabled unless the server was started
with ingest on, and behind the token whenever one is required.
"""

from __future__ import annotations

import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, File, Form, HTTPException, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload

from claimgraph.store import open_store
from claimgraph.store.base import Store
from claimgraph.web.catalog import Catalog
from claimgraph.web.config import UPLOAD_SUFFIXES, WebConfig
from claimgraph.web.security import TOKEN_NEEDED, header_token, same_origin, token_matches

if TYPE_CHECKING:
    from claimgraph.batch.local import IngestSummary

UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# One ingest at a time per server: each loads the pipeline and writes the store; a
# second post meanwhile is refused (429) rather than queued without bound.
INGEST_SLOT = threading.Lock()


@dataclass
class IngestStatus:
    """What ``GET /api/ingest/status`` shows: the running job, the last one's outcome."""

    running_since: float | None = None  # time.time() when the running ingest began
    uploads: int = 0
    last: dict[str, object] | None = None  # the last finished ingest's summary
    last_error: str | None = None


STATUS = IngestStatus()


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def library() -> Callable[..., IngestSummary]:
    """The CLI's own function, imported late: it loads the language pipeline."""
    from claimgraph.batch.ingest_and_link import ingest_and_link

    return ingest_and_link


def presented_token(request: Request, form_token: str | None) -> str:
    return header_token(request.headers) or form_token or ""


def authorize(request: Request, config: WebConfig, form_token: str | None = None) -> None:
    """Who may ingest (``RequestGuard`` checked all but a form token already; checked
    again here so that the route is safe on its own)."""
    if not config.allow_ingest:
        raise HTTPException(403, "ingest is disabled: start the server with --allow-ingest")
    if not same_origin(request.headers.get("origin"), request.headers.get("host", "")):
        raise HTTPException(403, "cross-site ingest request refused")
    if config.token_required:
        given = presented_token(request, form_token)
        if not token_matches(given, config.token):
            raise HTTPException(401, TOKEN_NEEDED)


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
    if not INGEST_SLOT.acquire(blocking=False):
        raise HTTPException(429, "another ingest is running: try again when it has finished")
    STATUS.running_since, STATUS.uploads = time.time(), len(uploads)
    try:
        # In a worker thread: analysis takes seconds, and the event loop must go on
        # answering every other request (pages, static files) meanwhile.
        summary = await run_in_threadpool(
            ingest_uploads,
            catalog,
            uploads,
            outlet=form.outlet or None,
            published=form.published or None,
            db=config.db,
        )
    except Exception as error:
        STATUS.last, STATUS.last_error = None, type(error).__name__
        raise
    finally:
        STATUS.running_since = None
        INGEST_SLOT.release()
    STATUS.last, STATUS.last_error = summary.as_dict(), None
    return summary


@contextmanager
def writing_store(catalog: Catalog, db: str | None) -> Iterator[Store]:
    """A store to ingest into: a second connection to a file store, else the catalog's
    own (an in-memory store has no second connection), held under its lock."""
    if db is None or db == ":memory:" or "://" in db:
        with catalog.lock:
            yield catalog.store
        return
    with closing(open_store(db)) as store:
        yield store


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
    db: str | None = None,
) -> IngestSummary:
    """Analyse, store and re-link ``uploads``; the catalog sees the result at once.

    With ``db`` (a file store) the ingest writes through a connection of its own, so
    readers of the catalog are not held up while it runs; else through the catalog's.
    """
    if not uploads:
        raise HTTPException(400, "nothing to ingest: upload a file or paste a text")
    ingest_and_link = library()
    with tempfile.TemporaryDirectory(prefix="claimgraph-upload-") as folder:
        write_uploads(Path(folder), uploads)
        with writing_store(catalog, db) as store:
            summary = ingest_and_link([folder], store, outlet=outlet, published=published)
        catalog.invalidate()
    # The temporary folder means nothing to the user: report file names only.
    summary.failures[:] = [(Path(path).name, reason) for path, reason in summary.failures]
    summary.warnings[:] = [(Path(path).name, message) for path, message in summary.warnings]
    return summary
