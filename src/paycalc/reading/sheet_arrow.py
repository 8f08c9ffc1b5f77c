"""An .xlsx sheet's rows read by fastexcel as Arrow columns, and made into their CSV twin's text by numpy.

python-calamine gives a sheet's cells as Python objects, one per cell, which this process then makes into text: a
100,000-member sheet is about 0.5 s of work for one thread, whatever the cores. fastexcel (calamine too) gives each
column as Arrow buffers, letting go of the interpreter while it parses; the twin's text is then made a column at
a time with numpy (:mod:`paycalc.output.csv_lines`), no Python call a cell.

The sheet's XML is cut at its rows into pieces (:func:`paycalc.reading.sheet_pieces.cuts`), each parsed by one of
two threads as a workbook of its own whose sheet starts with an *anchor*: a row just before the piece's first,
with a cell named ``c0``, ``c1``, ... in each of the header's columns. Read as the piece's header row, it places
the piece's rows and columns exactly (a piece whose first cells are not in column A, or that starts with blank
rows, is read from the anchor's row and column, not from its own first cell) and is checked by its names.

What is not read here returns None or raises :class:`~paycalc.reading.sheet_text.Declined`, and the sheet is read
by python-calamine as before (``tests/test_sheet_arrow.py`` holds the two to the byte): a column of mixed kinds
(fastexcel's strict coercion, every row looked at), a true/false cell, a time of day, a number past what a double
holds whole, a duration, a double quote, a line break or white space other than ASCII around a cell, a cell past
the header, rows out of order across pieces, a header not in row 1 from column A.
"""

from __future__ import annotations

import io
import itertools
import re
import threading
from collections.abc import Iterator
from typing import Any

from paycalc.contract.inputs import column_letter
from paycalc.reading import sheet_pieces
from paycalc.reading.sheet_pieces import Span
from paycalc.reading.sheet_text import Declined

THREADS = 2  # parsing pieces; on two cores one does as well (measured), on more two do better
AHEAD = 4  # pieces parsed ahead of the one taken: their columns held in memory
_ROW_ONE = re.compile(rb'<row\s[^>]*?(?<=\s)r\s*=\s*["\']1["\']')


def available() -> bool:
    """Whether fastexcel and nanoarrow are installed (both are paycalc's dependencies; an install without them
    reads sheets through python-calamine)."""
    try:
        import fastexcel  # noqa: F401
        import nanoarrow  # noqa: F401
    except ImportError:  # pragma: no cover (dependencies)
        return False
    return True


class ArrowSheet:
    """A sheet's rows after its header, parsed by fastexcel in pieces by two threads from the start; the header row
    (``first_row``) read by python-calamine. ``xml`` and ``parts`` are kept: a sheet the text cannot serve is read
    again by python-calamine from them."""

    def __init__(
        self, xml: bytes, parts: dict[str, bytes], member: str, sheet: str, first_row: list[Any], cut: list[Span]
    ) -> None:
        self.xml, self.parts, self.member, self.sheet = xml, parts, member, sheet
        self.first_row, self.cut = first_row, cut  # the pieces' byte ranges (:func:`_pieces`)
        self._threads: list[threading.Thread] = []
        self._stop = [False]
        self._room = threading.Semaphore(AHEAD)  # pieces parsed and not yet taken (their columns held)

    def pieces(self, width: int, most: int) -> Iterator[tuple[Any, int]]:
        """Each piece's columns (nanoarrow) and its anchor's row (its rows follow it), in order, as they are parsed
        (the next pieces parsed meanwhile); :class:`Declined` where a piece cannot be read here, its rows pass
        ``most``, or (at the end) pieces' rows are out of order."""
        if width < 2:
            raise Declined("not text the columns read")
        pieces = self.cut
        anchors = [1] + [_row_number(self.xml, start) - 1 for start, _ in pieces[1:]]
        found: list[Any] = [None] * len(pieces)
        ready = [threading.Event() for _ in pieces]
        room = self._room = threading.Semaphore(AHEAD)
        order = iter(range(len(pieces)))
        head, tail = self.xml[: self.xml.find(b"<sheetData>") + len(b"<sheetData>")], self.xml[pieces[-1][1] :]

        def parsing() -> None:
            while True:
                room.acquire()
                n = next(order, None)
                if n is None or self._stop[0]:  # the last piece taken, or stopped
                    if n is not None:
                        ready[n].set()
                    return
                try:
                    body = _anchor(anchors[n], width) + self.xml[slice(*pieces[n])]
                    book = sheet_pieces._workbook((head, body, tail), self.parts, self.member)
                    found[n] = _parsed(book, self.sheet, width)
                except BaseException as exc:  # said in the taking thread
                    found[n] = exc
                finally:
                    ready[n].set()

        self._stop[0] = False
        self._threads = [threading.Thread(target=parsing, daemon=True) for _ in range(min(THREADS, len(pieces)))]
        for thread in self._threads:
            thread.start()
        spans: list[Span] = []
        try:
            for n, anchor in enumerate(anchors):
                ready[n].wait()
                room.release()
                array, found[n] = found[n], None
                if isinstance(array, BaseException):
                    raise Declined(f"fastexcel: {array}") from None
                if len(array):
                    spans.append((anchor + 1, anchor + len(array)))
                    if spans[-1][1] > most:
                        raise Declined("rows past the limit")
                yield array, anchor
        finally:
            self.close()
        if not sheet_pieces.in_order(spans):
            raise Declined("rows out of order across pieces")

    def close(self) -> None:
        """The threads stopped (each ends the piece it parses; one waiting for room goes on, to stop), whether its
        pieces were all taken or not (a piece's text declined by its reader leaves the rest untaken)."""
        self._stop[0] = True
        for _ in self._threads:
            self._room.release()
        for thread in self._threads:
            thread.join()
        self._threads = []


def open_sheet(xml: bytes, parts: dict[str, bytes], member: str, sheet: str) -> ArrowSheet | None:
    """The sheet read by fastexcel when it may be (:class:`ArrowSheet`); None where not: fastexcel not installed,
    a formula or an error cell anywhere (python-calamine's reader turns those down too), a comment or CDATA in the
    XML, or a header that is not row 1 from column A."""
    if not available() or sheet_pieces.marked(xml, 0, len(xml)):
        return None
    pieces = _pieces(xml, sheet_pieces.piece_bytes(parts))
    if pieces is None:
        return None
    from python_calamine import CalamineWorkbook

    start = xml.rfind(b"<row", 0, pieces[0][0])
    book = sheet_pieces._workbook((xml[:start], xml[start : pieces[0][0]], xml[pieces[-1][1] :]), parts, member)
    try:
        header = CalamineWorkbook.from_filelike(io.BytesIO(book)).get_sheet_by_name(sheet)
    except Exception:  # calamine says what it cannot read when the sheet is read again
        return None
    if header.start != (0, 0):
        return None
    rows = header.to_python()
    return ArrowSheet(xml, parts, member, sheet, list(rows[0]) if rows else [], pieces)


def _pieces(xml: bytes, size: int) -> list[Span] | None:
    """The byte ranges of the rows after the header (row 1, ended by its ``</row>``): the first from the header's
    end, the others as :func:`~paycalc.reading.sheet_pieces.cuts` cuts them about ``size`` bytes apart; None
    where they cannot be told."""
    start, end = xml.find(b"<sheetData>"), xml.rfind(b"</sheetData>")
    if start < 0 or end < start or sheet_pieces._declared(xml):
        return None
    first = xml.find(b"<row", start)
    if first < 0 or first > end or not _ROW_ONE.match(xml, first, xml.find(b">", first) + 1):
        return None
    closed = xml.find(b"</row>", first, end)
    if closed < 0 or xml.find(b"<row", first + 4, closed) >= 0:  # row 1 written <row r="1"/>: no header cells
        return None
    cut = sheet_pieces.cuts(xml, size)
    cut = [c for c in cut if c > closed] if cut != [0, len(xml)] else [end]
    bounds = [closed + len(b"</row>"), *cut]
    return list(itertools.pairwise(bounds))


def _row_number(xml: bytes, at: int) -> int:
    found = sheet_pieces._ROW_NUMBER.match(xml, at, xml.find(b">", at) + 1)
    if found is None:  # pragma: no cover (cuts are made only at numbered rows)
        raise Declined("a row without its number")
    return int(found[1])


def _anchor(row: int, width: int) -> bytes:
    """A row ``row`` of cells named ``c0``, ``c1``, ... in the header's columns, read as the piece's header."""
    cells = "".join(f'<c r="{column_letter(k)}{row}" t="inlineStr"><is><t>c{k}</t></is></c>' for k in range(width))
    return f'<row r="{row}">{cells}</row>'.encode()


def _parsed(book: bytes, sheet: str, width: int) -> Any:
    """A piece's columns as Arrow, every row looked at for each column's kind, a column of mixed kinds refused."""
    import fastexcel
    import nanoarrow

    found = fastexcel.read_excel(book).load_sheet(sheet, header_row=0, dtype_coercion="strict", schema_sample_rows=None)
    names = [column.name for column in found.selected_columns]
    if names[:width] != [f"c{k}" for k in range(width)]:
        raise Declined("a piece not placed by its anchor")
    return nanoarrow.Array(found)


__all__ = ["ArrowSheet", "available", "open_sheet"]
