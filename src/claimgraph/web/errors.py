"""The one place where every error becomes a response: one JSON shape for all.

``{"error": {"code": ..., "message": ..., "status": ...}}`` for domain errors, HTTP
errors (unknown routes included), validation errors and anything unexpected. A page
request (not under ``/api/``, asking for HTML) gets the same fields on an HTML page.
Unexpected errors are logged here and answered with a fixed message: no stack trace
ever leaves the server.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph.errors import (
    BadMetadata,
    ClaimgraphError,
    ModelNotInstalled,
    NotFound,
    StoreError,
    UnreadableInput,
)
from claimgraph.web.security import SECURITY_HEADERS

log = logging.getLogger("claimgraph.web")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
    422: "validation_error",
    500: "internal_error",
    503: "unavailable",
}
DOMAIN_STATUS: tuple[tuple[type[ClaimgraphError], int, str], ...] = (
    (NotFound, 404, "not_found"),
    (UnreadableInput, 400, "unreadable_input"),
    (BadMetadata, 422, "bad_metadata"),
    (ModelNotInstalled, 503, "model_not_installed"),
    (StoreError, 503, "store_error"),
)


def describe(exc: Exception) -> tuple[int, str, str]:
    """(status, code, message) for any exception."""
    if isinstance(exc, ClaimgraphError):
        for kind, status, code in DOMAIN_STATUS:
            if isinstance(exc, kind):
                return status, code, str(exc)
        return 400, "claimgraph_error", str(exc)
    if isinstance(exc, RequestValidationError):
        return 422, "validation_error", validation_message(exc)
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, CODES.get(exc.status_code, "http_error"), str(exc.detail)
    log.exception("unexpected error", exc_info=exc)
    return 500, "internal_error", "internal error: the server log has the details"


def validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, exc: Exception) -> Response:
    status, code, message = describe(exc)
    body = {"error": {"code": code, "message": message, "status": status}}
    response: Response
    if wants_html(request):
        from claimgraph.web.render import render_page

        response = render_page(request, "error.html", status_code=status, error=body["error"])
    else:
        response = JSONResponse(body, status_code=status)
    # A 500 is answered outside the middleware stack: add the headers here too.
    response.headers.update(SECURITY_HEADERS)
    return response


async def handle(request: Request, exc: Exception) -> Response:
    return error_response(request, exc)


def install(app: FastAPI) -> None:
    """Route every kind of error through ``handle``."""
    for kind in (ClaimgraphError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle)
