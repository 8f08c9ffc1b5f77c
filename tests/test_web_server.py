"""``paycalc serve`` as a process under hostile clients, over raw sockets on loopback: oversized and slow request
heads are refused with the app's own security headers and hold no memory; a request it cannot parse is a 400
with those headers; an error of paycalc's own is one log line. No timing asserts beyond the timeout given."""

from __future__ import annotations

import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import start_serve

CSP = b"Content-Security-Policy: default-src 'none'"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    process, port = start_serve("--header-timeout", "1", cache=tmp_path_factory.mktemp("cache"))
    yield port, process.pid
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=15)
    assert b"Traceback" not in err


def _ask(port: int, data: bytes, close: bool = True) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(data)
        if close:
            connection.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def _memory(pid: int) -> int:
    """The server's resident memory in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_huge_header_is_refused_and_holds_no_memory(server: tuple[int, int]) -> None:
    port, pid = server
    _ask(port, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    before = _memory(pid)
    for _ in range(20):  # 20 requests of a megabyte of header each
        answer = _ask(port, b"GET /pay HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 1_000_000 + b"\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 431 ") and CSP in answer
    assert _memory(pid) - before < 16 * 1024  # KiB: the heads were never kept


def test_too_many_headers_and_a_long_address_are_refused(server: tuple[int, int]) -> None:
    port, _ = server
    many = b"".join(b"X-%d: 1\r\n" % n for n in range(100))
    assert _ask(port, b"GET /pay HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n").startswith(b"HTTP/1.1 431 ")
    long = _ask(port, b"GET /pay?title=" + b"a" * 9_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert long.startswith(b"HTTP/1.1 414 ") and CSP in long


def test_a_request_it_cannot_read_is_a_400_with_the_app_s_headers(server: tuple[int, int]) -> None:
    port, _ = server
    answer = _ask(port, b"NOT HTTP AT ALL\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400 ") and CSP in answer and b"X-Frame-Options: DENY" in answer


def test_a_client_one_byte_at_a_time_is_closed(server: tuple[int, int]) -> None:
    port, _ = server
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        for byte in b"GET /health HTT":
            connection.sendall(bytes([byte]))
            time.sleep(0.1)  # 1.5 s for 15 bytes: past the 1-second limit
        answer = connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 408 ") and CSP in answer


def test_a_pipelined_request_still_answers_after_a_refusal_elsewhere(server: tuple[int, int]) -> None:
    port, _ = server
    two = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    answer = _ask(port, two, close=False)
    assert answer.count(b"HTTP/1.1 200 ") == 2
