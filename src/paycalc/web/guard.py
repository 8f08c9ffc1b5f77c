"""What every response carries and what no request may exceed: the security headers, bounded queries and
bodies, plain answers in JSON on the API, and the stylesheet served by exact name (never a redirect built from
a request's Host header)."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
MAX_QUERY = 4_000  # bytes of a query string: the longest form, with six column changes, fits
MAX_BODY = 16_384  # bytes of a form sent by POST: a pasted paid list of about 300 checks fits


MAX_FIELDS = 60  # fields of a query or a form sent: the longest form has far fewer


def fields(text: str) -> list[tuple[str, str]]:
    """A query's or a form's fields, as :func:`urllib.parse.parse_qsl` reads them with blank values kept and at
    most :data:`MAX_FIELDS` (ValueError past them): split by hand where no percent-escape needs decoding."""
    from urllib.parse import parse_qsl

    if "%" in text or text.count("&") >= MAX_FIELDS:
        return parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    found = []
    for part in text.replace("+", " ").split("&"):
        if part:
            name, _, value = part.partition("=")
            found.append((name, value))
    return found


def simple(status: int, message: str, api: bool, headers: dict[str, str] | None = None) -> Response:
    """A plain answer: JSON ``{"error": ...}`` on the API, one line of text on a page."""
    if api:
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return PlainTextResponse(message, status_code=status, headers=headers)


async def read_body(scope: Scope, receive: Receive, limit: int) -> bytes | None:
    """The request's body, or None when it is (or says it will be) longer than ``limit`` bytes."""
    for name, value in scope.get("headers", []):
        if name == b"content-length" and (not value.isdigit() or int(value) > limit):
            return None
    body = b""
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b""
        body += bytes(message.get("body", b""))
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return body


_STATIC: dict[str, tuple[bytes, str]] = {}


async def serve_static(folder: Path, path: str, scope: Scope, receive: Receive, send: Send) -> None:
    """A file of ``folder`` by its exact name (``/static/paycalc.css``); anything else is not found."""
    if not _STATIC:
        for file in folder.iterdir():
            if file.is_file():
                kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                _STATIC[file.name] = (file.read_bytes(), kind)
    found = _STATIC.get(path.removeprefix("/static/"))
    if found is None:
        await PlainTextResponse("Not found.", status_code=404)(scope, receive, send)
        return
    content, kind = found
    headers = {"Cache-Control": "public, max-age=3600"}
    await Response(content, media_type=kind, headers=headers)(scope, receive, send)


class SecurityHeaders:
    """Adds :data:`HEADERS` to every response (a plain ASGI middleware: no buffering of bodies)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.raw = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.raw]
            await send(message)

        await self.app(scope, receive, with_headers)
