"""The server's HTTP under hostile clients: uvicorn's httptools protocol with limits on what a client may send
before its request is read, answered with the app's own headers.

- the request line and headers: at most :data:`MAX_HEAD` bytes (431), :data:`MAX_HEADERS` headers (431), an
  address of at most :data:`MAX_URL` bytes (414);
- the time to send them: a client has ``header_timeout`` seconds from its first byte (or from the end of its
  previous request) to send a whole head, else the connection is closed (408): one byte a second holds nothing;
- a request httptools cannot parse: 400, with the same security headers as every page (uvicorn's own answer
  has none), and one warning line in the log.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from paycalc.web.guard import HEADERS

MAX_HEAD = 16_384  # bytes of a request line and its headers
MAX_HEADERS = 64
MAX_URL = 8_192
LINGER = 2.0  # seconds a refused connection's further bytes are read and dropped before it is closed
REASONS = {400: b"Bad Request", 408: b"Request Timeout", 414: b"URI Too Long", 431: b"Request Header Fields Too Large"}
_SECURITY = b"".join(k.encode() + b": " + v.encode() + b"\r\n" for k, v in HEADERS.items())


class Guarded(HttpToolsProtocol):
    """:class:`HttpToolsProtocol` that refuses an oversized or slow request head before it is kept. One timer a
    connection: each request head only notes when it began (a float), so a kept-alive connection costs little."""

    header_timeout = 10.0  # seconds to send a whole request head; ``paycalc serve --header-timeout`` sets it

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head = 0  # bytes of the head being read; -1 once it is whole
        self._count = 0
        self._refused = False
        self._began = 0.0  # when the head being read began
        self._timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._began = self.loop.time()
        self._timer = self.loop.call_later(self.header_timeout, self._check_time)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:  # dropped, not kept
            return
        if self._head >= 0:
            self._head += len(data)
            if self._head > MAX_HEAD:
                self._refuse(431, f"The request's headers are longer than {MAX_HEAD} bytes.")
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._head < 0:  # the next request on this connection: a new head, a new clock
            self._head, self._count, self._began = 0, 0, self.loop.time()

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        if len(self.url) > MAX_URL:
            self._refuse(414, f"The address is longer than {MAX_URL} bytes.")

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count += 1
        if self._count > MAX_HEADERS:
            self._refuse(431, f"The request has more than {MAX_HEADERS} headers.")
            return
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        if self._refused:
            return
        self._head = -1
        super().on_headers_complete()

    def send_400_response(self, msg: str) -> None:
        self._refuse(400, "The request is not one this server reads.")

    def _check_time(self) -> None:
        """A head still arriving past its time is refused; else the check comes again when the current one's is up."""
        if self._refused or self.transport.is_closing():
            self._timer = None
            return
        left = self._began + self.header_timeout - self.loop.time()
        if self._head >= 0 and left <= 0:
            self._timer = None
            self._refuse(408, f"The request's headers took longer than {self.header_timeout:g} seconds to arrive.")
            return
        self._timer = self.loop.call_later(max(left, 0.0) if self._head >= 0 else self.header_timeout, self._check_time)

    def _refuse(self, status: int, message: str) -> None:
        """One plain answer with the app's headers, then the connection is closed; what follows is not read."""
        if self._refused or self.transport.is_closing():
            return
        self._refused = True
        body = message.encode()
        self.transport.write(
            b"HTTP/1.1 %d %s\r\n" % (status, REASONS[status])
            + _SECURITY
            + b"content-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\nconnection: close\r\n\r\n" % len(body)
            + body
        )
        # the answer is sent and this side closed for writing; what the client still sends is read and dropped for
        # a moment, so its own sending ends in our answer, not in a reset that loses it
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER, self.transport.close)
