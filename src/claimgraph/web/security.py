"""Response headers that keep untrusted article text inert even if escaping failed,
and the checks every request passes before a route runs (``RequestGuard``).

``script-src 'self'`` allows only the bundled script file, never inline script or an
``on*`` attribute; ``style-src 'self'`` likewise for styles; nothing loads from
elsewhere, so the app works offline and a page cannot call out.
"""

from __future__ import annotations

import hmac
import json
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.web.config import WebConfig, is_loopback

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # Not "no-referrer": with it Chromium sends "Origin: null" on a same-origin form
    # post, which the CSRF check must refuse. "same-origin" gives other sites nothing.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
_RAW_HEADERS = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than ``BaseHTTPMiddleware`` on every request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                known = {name for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _RAW_HEADERS if k not in known]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


INGEST_PATHS = frozenset({"/api/ingest", "/ingest"})
# Room for the multipart framing and form fields around the uploaded files.
FORM_OVERHEAD_BYTES = 64 * 1024


class RequestGuard:
    """Checks made before a route runs, and before any of a request body is read.

    * On a loopback server, a ``Host`` that is not a loopback name is refused: a page
      on ``evil.example`` whose DNS name is re-pointed at 127.0.0.1 (DNS rebinding)
      must not read or write the store through the visitor's browser.
    * An ingest post is refused while ingest is off, from another site, with a wrong
      token in a header, or larger than the upload limit, before its body is read; an
      accepted body is read into memory up to that limit (never spooled to disk
      unbounded) and handed on. A token sent as a form field is checked by the route.
    """

    def __init__(self, app: ASGIApp, config: WebConfig) -> None:
        self.app = app
        self.config = config
        self.loopback = is_loopback(config.host)
        self.max_body = config.max_upload_bytes * MAX_FILES_PER_POST + FORM_OVERHEAD_BYTES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self.loopback and not loopback_host_header(headers.get("host", "")):
            await refuse(send, 400, "bad_request", "this server answers only to its loopback name")
            return
        if scope["method"] == "POST" and scope["path"] in INGEST_PATHS:
            problem = self.ingest_problem(headers)
            if problem is not None:
                await refuse(send, *problem)
                return
            body = await read_body(receive, self.max_body)
            if body is None:
                await refuse(send, 413, "payload_too_large", self.too_large())
                return
            receive = replay(body)
        await self.app(scope, receive, send)

    def ingest_problem(self, headers: Headers) -> tuple[int, str, str] | None:
        if not self.config.allow_ingest:
            return 403, "forbidden", "ingest is disabled: start the server with --allow-ingest"
        if not same_origin(headers.get("origin"), headers.get("host", "")):
            return 403, "forbidden", "cross-site ingest request refused"
        if self.config.token_required:
            given = header_token(headers)
            form = headers.get("content-type", "").startswith(
                ("multipart/form-data", "application/x-www-form-urlencoded")
            )
            if (given or not form) and not token_matches(given, self.config.token):
                return 401, "unauthorized", TOKEN_NEEDED
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            return 413, "payload_too_large", self.too_large()
        return None

    def too_large(self) -> str:
        return f"upload too large: the limit is {self.config.max_upload_bytes} bytes a file"


TOKEN_NEEDED = "ingest needs the server's token (--token / CLAIMGRAPH_TOKEN)"
# Files one ingest post may carry; with the per-file limit it bounds what is read.
MAX_FILES_PER_POST = 4


def loopback_host_header(host: str) -> bool:
    """Whether a ``Host`` header names this machine's loopback (any port)."""
    if not host:
        return True  # HTTP/1.0 sends none; nothing to re-point
    name = host.rsplit("]", 1)[0].lstrip("[") if host.startswith("[") else host.split(":")[0]
    return is_loopback(name.lower())


def same_origin(origin: str | None, host: str) -> bool:
    """A browser's cross-site post names another origin (or ``null``): refuse it (CSRF).
    No ``Origin`` at all is a client that is not a browser (curl, a script)."""
    if origin is None:
        return True
    if origin == "null":
        return False
    try:
        return urlsplit(origin).netloc.lower() == host.lower()
    except ValueError:
        return False


def header_token(headers: Headers) -> str:
    authorization = headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return headers.get("x-claimgraph-token", "")


def token_matches(given: str, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(given.encode(), str(token).encode())


async def read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or ``None`` as soon as it passes ``limit`` bytes."""
    parts: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(parts)


def replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


async def refuse(send: Send, status: int, code: str, message: str) -> None:
    """The app's one JSON error shape, answered before any route runs."""
    body = json.dumps({"error": {"code": code, "message": message, "status": status}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
