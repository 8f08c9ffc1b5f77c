"""A sheet's XML cut at row boundaries into pieces that python-calamine parses two at a time.

calamine parses a sheet in one thread, letting go of the interpreter while it does: a 100,000-member sheet takes
it about 0.6 s on one core while the other waits. Cut at ``<row `` tags into pieces of about
:data:`PIECE_BYTES`, each piece wrapped in a workbook of its own (the same parts, uncompressed, in memory), two
threads parse them while this one takes each parsed piece's values, in order, into its columns and their text
(:class:`paycalc.reading.sheet_text.Part`). The rows are as one parse of the whole sheet reads them
(``tests/test_sheet_pieces.py`` holds the two to it). Where a cut cannot be trusted (rows without their number,
a comment or a CDATA section in the XML, pieces whose rows overlap) the sheet is parsed whole.
"""

from __future__ import annotations

import io
import itertools
import re
import threading
import zipfile
from collections.abc import Callable
from typing import Any

PIECE_BYTES = 3 << 20  # of a sheet's XML per piece at least; a sheet up to this size is parsed whole
THREADS = 2  # the machines paycalc runs on have two cores or more; calamine's parse takes one each
AHEAD = 4  # pieces parsed ahead of the one taken (while the first pieces' text is priced): memory stays bounded
_NOT_NEEDED = (  # parts no parse of a sheet's values reads (one that did would fail: openpyxl reads the sheet)
    *("xl/worksheets/", "xl/chartsheets/", "xl/media/", "xl/drawings/", "xl/charts/", "xl/embeddings/"),
    *("xl/pivotCache/", "xl/pivotTables/", "xl/externalLinks/", "xl/printerSettings/", "xl/vbaProject"),
    "customXml/",
)
_ROW_NUMBER = re.compile(rb'<row\s[^>]*?(?<=\s)r\s*=\s*["\'](\d+)["\']')


def sheet_xml(path: str, member: str) -> tuple[bytes, dict[str, bytes]] | None:
    """The sheet's XML, and the workbook's parts a parse of it needs (not the other sheets, charts or
    pictures); None where the zip cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(member)
            parts = {
                info.filename: archive.read(info)
                for info in archive.infolist()
                if not info.filename.startswith(_NOT_NEEDED) and not info.is_dir()
            }
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, ValueError):
        return None
    return xml, parts


def piece_bytes(parts: dict[str, bytes]) -> int:
    """A piece's bytes: :data:`PIECE_BYTES`, or twice the workbook's other parts, which each piece's parse reads
    again (a shared string table of 100,000 names, as Excel writes one, is 2.4 MB)."""
    return max(PIECE_BYTES, 2 * sum(map(len, parts.values())))


def cuts(xml: bytes, size: int) -> list[int]:
    """Where the sheet's XML is cut: its ``<sheetData>``'s content split at ``<row `` tags about ``size`` bytes
    apart, each such tag giving its row's number (a row without one is numbered after the row before it, which
    a cut would lose); ``[0, len(xml)]``, the whole, where it is not cut."""
    whole = [0, len(xml)]
    start = xml.find(b"<sheetData>")
    end = xml.rfind(b"</sheetData>")
    if start < 0 or end < start or end - start <= size or _declared(xml):
        return whole
    start += len(b"<sheetData>")
    found = [start]
    while (at := xml.find(b"<row", found[-1] + size, end)) > 0:
        if not _ROW_NUMBER.match(xml, at, xml.find(b">", at) + 1):
            return whole
        found.append(at)
    return [*found, end]


_LT, _COLON, _GT, _SLASH, _F, _E, _EQUALS, _T, _QUOTE, _APOSTROPHE = b"<:>/fe=t\"'"
_SPACES = b" \t\r\n"


def marked(xml: bytes, start: int, end: int, errors: bool = True) -> bool:
    """Whether ``xml[start:end]`` holds a formula's element (``<f>``, ``<f t="shared" ...>``, ``<x:f>``),
    whose saved value may be missing, or (with ``errors``) an error cell (``t="e"``: ``#N/A``), both of which
    calamine reads as blank: openpyxl reads such a sheet, and says so. Read by numpy, which lets go of the
    interpreter while it compares: the threads parsing other pieces go on."""
    import numpy as np

    if end - start < 6:
        return False
    cells = np.frombuffer(xml, np.uint8, end - start, start)
    found = np.flatnonzero(cells[1:-1] == _F) + 1
    before, after = cells[found - 1], cells[found + 1]
    if ((before == _LT) | (before == _COLON)).any() and (
        ((before == _LT) | (before == _COLON)) & np.isin(after, np.frombuffer(b"> \t\r\n/", np.uint8))
    ).any():
        return True
    if not errors:
        return False
    found = np.flatnonzero(cells[5:-1] == _E) + 5
    quote = cells[found - 1]
    kinds = found[((quote == _QUOTE) | (quote == _APOSTROPHE)) & (cells[found + 1] == quote)]
    kinds = kinds[(cells[kinds - 2] == _EQUALS) & (cells[kinds - 3] == _T)]
    return bool(np.isin(cells[kinds - 4], np.frombuffer(_SPACES, np.uint8)).any())


def _declared(xml: bytes) -> bool:
    """Whether the XML holds ``<!`` (a comment, a CDATA section: text a ``<row`` in which is not a row); a
    ``!`` looked for first (a byte found at memory's speed, and rare in a sheet)."""
    return b"!" in xml and b"<!" in xml


def _workbook(sheet: tuple[bytes, bytes, bytes], parts: dict[str, bytes], member: str) -> bytes:
    """A workbook of the same parts whose sheet is ``sheet`` (its XML before the rows, a piece's rows, and the
    XML after them), stored uncompressed."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as book:
        for name, part in parts.items():
            if name != member:
                book.writestr(name, part)
        with book.open(member, "w") as written:
            for bytes_ in sheet:
                written.write(bytes_)
    return out.getvalue()


Span = tuple[int, int]  # a piece's first and last row


class Unread(Exception):
    """A piece the fast reader must not answer for: a formula or an error cell, or rows past the limit."""


class Pieces:
    """The pieces of a sheet's XML parsed by ``parse`` (a workbook's bytes to calamine's sheet), :data:`THREADS`
    at a time from the start, taken in order by :meth:`next` (the threads go on meanwhile). ``most``: the rows
    a sheet may have; ``spans``: the first and last row of each piece taken that has a cell."""

    def __init__(
        self, xml: bytes, parts: dict[str, bytes], member: str, cut: list[int], parse: Callable[[bytes], Any], most: int
    ) -> None:
        count = len(cut) - 1
        head, tail = xml[: cut[0]], xml[cut[-1] :]
        rows = [xml[cut[n] : cut[n + 1]] for n in range(count)]  # each let go once its piece is parsed: the
        # sheet's XML is not held whole while its first pieces' text is priced
        self._sheets: list[Any] = [None] * count
        self._ready = [threading.Event() for _ in range(count)]
        self._taken, self._most, self._stop = 0, most, [False]
        self._room = threading.Semaphore(AHEAD)  # pieces parsed and not yet taken: their cells held in memory
        self.spans: list[Span] = []
        pieces = iter(range(count))  # shared by the threads: next() on it is atomic

        def parsing() -> None:
            while True:
                self._room.acquire()  # before a piece is chosen: a piece chosen always has its room
                piece = next(pieces, None)
                if piece is None:
                    self._room.release()
                    return
                try:
                    if self._stop[0]:
                        self._room.release()  # stopped: the rest only marked ready, none held
                        continue
                    body, rows[piece] = rows[piece], b""
                    if marked(body, 0, len(body)):
                        self._stop[0] = True
                    else:
                        self._sheets[piece] = parse(_workbook((head, body, tail), parts, member))
                except BaseException as exc:  # said in the taking thread
                    self._sheets[piece] = exc
                finally:
                    self._ready[piece].set()

        self._threads = [threading.Thread(target=parsing, daemon=True) for _ in range(min(THREADS, count))]
        for thread in self._threads:
            thread.start()

    def next(self) -> tuple[int, int, list[list[Any]]] | None:
        """The next piece with a cell: its first row and column, and its rows; None after the last. Raises
        :class:`Unread` for a piece with a formula or an error cell (:func:`marked`) or rows past ``most``, or
        what its parse raised."""
        while self._taken < len(self._ready):
            piece = self._taken
            self._ready[piece].wait()
            self._room.release()  # a thread may parse one more
            self._taken += 1
            found, self._sheets[piece] = self._sheets[piece], None
            if isinstance(found, BaseException):
                raise found
            if found is None or (found.end is not None and found.end[0] >= self._most):
                raise Unread("a formula, an error cell, or rows past the limit")
            if found.start is not None:
                self.spans.append((found.start[0], found.end[0]))
                first, left = found.start
                return first, left, found.to_python(skip_empty_area=True)
        return None

    def close(self) -> None:
        """The threads stopped (each ends the piece it parses), the rest not parsed."""
        self._stop[0] = True
        for _ in self._threads:
            self._room.release()  # a thread waiting for room goes on, to stop
        for thread in self._threads:
            thread.join()


def parsed(
    xml: bytes,
    parts: dict[str, bytes],
    member: str,
    cut: list[int],
    parse: Callable[[bytes], Any],
    most: int,
    take: Callable[[int, int, list[list[Any]]], None],
) -> list[Span] | None:
    """Each piece's first and last row (:class:`Pieces`), its rows given to ``take`` in this thread with the
    row and column of its first cell, as it is ready (while the threads parse the next pieces); None as soon as
    a piece is :class:`Unread` (the rest are not parsed); an exception from any piece is raised here."""
    pieces = Pieces(xml, parts, member, cut, parse, most)
    try:
        while (piece := pieces.next()) is not None:
            take(*piece)
    except Unread:
        return None
    finally:
        pieces.close()
    return pieces.spans


def in_order(spans: list[Span]) -> bool:
    """Whether each piece's rows come after the piece's before (a sheet's rows are, as any writer writes
    them; a sheet whose are not is parsed whole)."""
    return all(last < first for (_, last), (first, _) in itertools.pairwise(spans))
