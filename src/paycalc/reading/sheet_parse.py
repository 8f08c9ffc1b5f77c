"""An .xlsx sheet read by python-calamine: its first piece at once (the header), the rest as they are asked for.

The sheet's XML is cut into pieces two threads parse from the start (:mod:`paycalc.reading.sheet_pieces`); the
first piece is taken in before this returns, the others when :meth:`Cells.finish` or :meth:`Cells.stream` asks
(the columns price the first pieces' text while the threads parse the last). What turns the fast reader down
in a later piece (a formula or an error cell, a number past a double, rows past the limit, a parse that fails)
is found when it is taken in: the cells say so (``declined``), and :class:`paycalc.reading.sheets.SheetRows`
reads the sheet through openpyxl instead.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from paycalc.reading import sheet_arrow, sheet_pieces
from paycalc.reading.sheet_arrow import ArrowSheet
from paycalc.reading.sheet_text import Cells, Part, header_names, uncollected

FAST_ROWS = 400_000  # rows a sheet may have to be read whole by calamine; a longer one streams through openpyxl


def calamine_rows(
    xml: bytes, parts: dict[str, bytes], member: str, sheet: str, reread: Callable[[], bytes | None] | None = None
) -> Cells | None:
    """Every row of a sheet from A1 (empty rows and leading empty columns kept, as openpyxl reads them), read
    by python-calamine, about twenty times openpyxl's speed, in pieces two threads parse at once, with their
    columns and their CSV twin's text; the first piece taken in, the rest as asked (``Cells.more``). None where
    calamine is not installed, cannot read the workbook, or the first piece turns it down (a formula, an
    error cell, a number past what a double holds whole, rows past :data:`FAST_ROWS`). Its values are the
    saved ones: the caller keeps 1904-dated workbooks on openpyxl. ``reread``: the sheet's XML read again, for
    a sheet whose rows turn out of order (parsed whole then); the XML is not held meanwhile."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover (a dependency; an install without it reads through openpyxl)
        return None

    def parse(book: bytes) -> Any:
        return CalamineWorkbook.from_filelike(io.BytesIO(book)).get_sheet_by_name(sheet)

    made: list[Part] = []
    width: list[int] = []  # the header's (0: not a header the twin's text serves)
    tables: dict[int, dict[Any, str]] = {}

    def take(first: int, left: int, rows: list[list[Any]]) -> None:  # while the next pieces are parsed
        made.append(Part(first, rows, left))
        if not width:
            width.append(len(header_names([""] * left + rows[0])) if first == 0 else 0)
        if width[0] >= 2 and not made[-1].truths:
            made[-1].body(width[0], tables)  # its text, made while the threads parse

    try:
        pieces = sheet_pieces.Pieces(xml, parts, member, sheet_pieces.cuts(xml, sheet_pieces.piece_bytes(parts)),
                                     parse, FAST_ROWS)  # fmt: skip
    except Exception:  # pragma: no cover (the XML cut as bytes: nothing here is known to raise)
        return None
    again = reread if reread is not None else (lambda kept=xml: kept)  # (a caller with no file holds it anyway)
    del xml
    try:
        with uncollected():  # each piece's rows are let go as its part is made: none are left to collect
            first = pieces.next()
            if first is not None:
                take(*first)
    except Exception:  # any reader failure, or a piece turned down: openpyxl reads it, and says what is wrong
        pieces.close()
        return None
    cells = Cells(None, made, tables)
    if cells.inexact():
        pieces.close()
        return None

    def more() -> bool:
        """The next piece taken in; False after the last, when the end's checks have run."""
        try:
            piece = pieces.next()
            if piece is not None:
                take(*piece)
                cells.truths = cells.truths or made[-1].truths
                return True
            pieces.close()
            if not sheet_pieces.in_order(pieces.spans):  # rows out of order, across pieces: parsed whole
                made.clear()
                width.clear()  # the header's, from the whole sheet's first piece
                cells.whole = True
                whole = again()
                found = None if whole is None else sheet_pieces.parsed(whole, parts, member, [0, len(whole)], parse,
                                                                       FAST_ROWS, take)  # fmt: skip
                cells.declined = found is None
                cells.truths = any(part.truths for part in made)
        except Exception:  # a later piece turned down, or its parse failed: openpyxl reads the sheet
            pieces.close()
            cells.declined = True
        cells.declined = cells.declined or cells.inexact()
        return False

    cells.more = more
    cells.stop = pieces.close
    return cells


def read_fast(path: str, member: str, sheet: str, arrow: bool = False) -> Cells | ArrowSheet | None:
    """A sheet read by python-calamine (:func:`calamine_rows`), or with ``arrow`` by fastexcel where it may be
    (:func:`paycalc.reading.sheet_arrow.open_sheet`: its columns as Arrow, parsed as they are asked), numpy
    imported while its XML is unzipped (numpy checks it for formulas and error cells, and the columns price the
    sheet next); None where calamine declines or the zip cannot be read (openpyxl reads the sheet, and says what
    is wrong)."""
    import threading

    warm = threading.Thread(target=_import_numpy, daemon=True)
    warm.start()
    found = sheet_pieces.sheet_xml(path, member.lstrip("/"))
    warm.join()  # the pieces are cut, and checked for formulas, by numpy
    if found is None:
        return None
    xml, parts = found
    del found
    read = sheet_arrow.open_sheet(xml, parts, member.lstrip("/"), sheet) if arrow else None
    if read is not None:
        return read

    def reread() -> bytes | None:
        again = sheet_pieces.sheet_xml(path, member.lstrip("/"))
        return None if again is None else again[0]

    return calamine_rows(xml, parts, member.lstrip("/"), sheet, reread)


def _import_numpy() -> None:
    import numpy  # noqa: F401
