"""A sheet's rows, as python-calamine read them, made into the CSV text of their twin.

Each cell's text is what :func:`cell_text` makes of it, stripped and quoted as :class:`csv.writer` quotes it,
made a column at a time: a column of text (ids, names: nearly every value distinct) stripped at once, any other
(dates, hours, amounts: they repeat) looked up in a table of its distinct values; the lines are joined once. The
same text as the writer makes of the rows one by one (``tests/test_sheet_text.py`` holds the two to it), without
a Python call per cell.
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any


@contextmanager
def uncollected() -> Iterator[None]:
    """No cyclic garbage collection while a sheet's cells are made (a million objects, none in a cycle: each
    pass of the collector over them only costs, up to half the time it takes); as it was after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def cell_text(value: Any) -> str:
    """A cell as the text its CSV twin would hold; a cell of white space alone is blank (as python-calamine
    reads it)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value if not value.isspace() else ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


LONGEST_EXACT = 2**53  # a float past this holds no longer every digit a cell was saved with


class Part:
    """Rows of a sheet, as calamine read them, from row ``first`` (0: the header's), and their columns from A
    (``left`` blank ones before the rows' first): which hold text alone (ids, names: nearly every value
    distinct), and the distinct values of the others (dates, hours: they repeat). A sheet read in pieces has a
    part per piece, made as the next piece is parsed, its text too (:meth:`body`)."""

    def __init__(self, first: int, rows: list[list[Any]], left: int = 0) -> None:
        self.first, self.count = first, len(rows)
        self.columns: list[tuple[Any, ...]] = [("",) * len(rows)] * left + list(zip(*rows, strict=True))
        self.text = [_all_text(column) for column in self.columns]
        self.values = [set() if text else set(column) for column, text in zip(self.columns, self.text, strict=True)]
        # whether a cell is true or false (``True == 1``: a table of distinct values would give both one text);
        # looked for only in a column with a value equal to one or to none (a true or false cell's is)
        self.truths = any(
            bool in set(map(type, column))
            for column, values in zip(self.columns, self.values, strict=True)
            if 0 in values or 1 in values
        )
        self._body: tuple[int, tuple[str, list[int]] | None] | None = None  # the width asked, and its text

    def body(self, width: int, tables: dict[int, dict[Any, str]]) -> tuple[str, list[int]] | None:
        """Its rows after the header as CSV text, ``width`` cells each, and the sheet row (counted from 1) of
        each line; None where a cell past the header holds something. Made once for a width; ``tables``: each
        column's text of its values, shared by the sheet's parts (a date in every part is written once)."""
        if self._body is None or self._body[0] != width:
            self._body = width, _part_body(self, width, tables)
        return self._body[1]


class Cells:
    """A sheet's rows from A1, as calamine read them (each as wide as the sheet), and their :class:`Part`:
    one, or one per piece the sheet was parsed in (whose rows are kept as the parts' columns alone: a hundred
    thousand lists fewer for the collector to walk, made again only where the rows are read one by one)."""

    def __init__(
        self,
        rows: list[list[Any]] | None,
        parts: list[Part] | None = None,
        tables: dict[int, dict[Any, str]] | None = None,
    ) -> None:
        self._rows = rows
        self.even = rows is None or len(set(map(len, rows))) <= 1  # calamine's rows are; another reader's may not be
        self.parts = parts if parts is not None else [Part(0, rows)] if self.even and rows else []
        self.tables = {} if tables is None else tables  # each column's text of its values (Part.body)
        # whether a cell is true or false, of the parts taken in so far (``True == 1``: the table of a column's
        # distinct values would give both one text)
        self.truths = not self.even or any(part.truths for part in self.parts)
        self.lines: list[int] | None = None  # by csv_body: the sheet row of each line after the header (None:
        # row n + 1 for line n, no row left out)
        self.more: Callable[[], bool] | None = None  # a sheet still parsed: takes its next part in, False at the end
        self.stop: Callable[[], None] | None = None  # stops its parse
        self.declined = False  # found at the end: the fast reader must not answer (openpyxl reads the sheet)
        self.whole = False  # the pieces' rows were out of order: the parts are the whole sheet's, parsed again

    def finish(self) -> None:
        """Every part taken in (a sheet parsed in pieces: the rest of them, and its end's checks)."""
        while self.more is not None and self.more():
            pass
        self.more = None

    def close(self) -> None:
        """Its parse stopped where it goes on (the sheet no longer read: its parts, unfinished, are declined)."""
        if self.stop is not None:
            self.stop()
        if self.more is not None:
            self.declined, self.more = True, None

    def first_row(self) -> list[Any]:
        """Row 1 (the header's), from the first part alone: blank where the first part starts lower."""
        if self._rows is not None:
            return list(self._rows[0]) if self._rows else []
        part = self.parts[0] if self.parts else None
        return [column[0] for column in part.columns] if part is not None and part.first == 0 else []

    def stream(self, width: int) -> Iterator[str]:
        """Each part's text after the header (:meth:`Part.body`) as the part is taken in, the rest of the sheet
        parsed meanwhile; at the end the lines (as :func:`csv_body` sets them). :class:`Declined` where the text
        cannot serve, found at any part or at the end (the text given before it is then of no use)."""
        if width < 2 or not self.even:
            raise Declined("not text the columns read")
        taken = 0
        while True:
            for part in self.parts[taken:]:
                body = None if part.truths else part.body(width, self.tables)
                if body is None:
                    raise Declined("a true/false cell, or a cell past the header")
                yield body[0]
            taken = len(self.parts)
            if self.more is None or not self.more():
                break
        self.more = None
        if self.declined or self.whole:
            raise Declined("the sheet read otherwise at its end")
        _set_lines(self, [body for part in self.parts if (body := part.body(width, self.tables)) is not None])

    def rows(self) -> Iterator[Sequence[Any]]:
        """The rows from A1, as wide as the widest part, a blank cell ``""`` (a row between parts blank)."""
        if self._rows is not None:
            yield from self._rows
            return
        self.finish()
        width = max((len(part.columns) for part in self.parts), default=0)
        row = 0
        for part in self.parts:
            yield from ([""] * width for _ in range(part.first - row))
            yield from zip(*part.columns, *[("",) * part.count] * (width - len(part.columns)), strict=True)
            row = part.first + part.count

    def inexact(self) -> bool:
        """Whether a number is past what a double holds whole (openpyxl keeps its digits, calamine cannot), of
        the parts taken in so far."""
        if not self.even:
            return any(v.__class__ is float and abs(v) >= LONGEST_EXACT for row in self.rows() for v in row)
        return any(
            v.__class__ is float and abs(v) >= LONGEST_EXACT for part in self.parts for vs in part.values for v in vs
        )


def _all_text(column: tuple[Any, ...]) -> bool:
    """Whether every cell of a column is text (joined at C speed; anything else stops it at once)."""
    try:
        "".join(column)
    except TypeError:
        return False
    return True


def _written(value: Any) -> str:
    r"""A cell's text, stripped, as :class:`csv.writer` writes it (its default dialect, lines ending ``\n``):
    in quotes, a quote doubled, where it holds a comma, a quote or a line feed."""
    text = value.strip() if value.__class__ is str else cell_text(value).strip()
    if "," in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _texts(column: tuple[Any, ...], text: bool, values: set[Any], table: dict[Any, str]) -> list[str]:
    """A column's cells as :func:`_written` writes each: text stripped at once (ids and names: nearly every
    value distinct), anything else looked up in a ``table`` of its distinct ``values`` (dates, hours), which
    the column's other parts share."""
    if text:
        texts = list(map(str.strip, column))
        every = "".join(texts)
        if '"' in every:  # a quote doubled inside quotes
            texts = [text.replace('"', '""') for text in texts]
        if '"' in every or "\n" in every:  # no call a cell: a name's comma is in nearly every row
            texts = [f'"{text}"' if "," in text or '"' in text or "\n" in text else text for text in texts]
        elif "," in every:  # (the commonest: names; one look a cell)
            texts = [f'"{text}"' if "," in text else text for text in texts]
        return texts
    table.update((value, _written(value)) for value in values - table.keys())
    return list(map(table.__getitem__, column))


def header_names(row: Sequence[Any]) -> list[str]:
    """A header row's names: its cells' text, stripped, up to the last that is not blank."""
    names = [cell_text(cell).strip() for cell in row]
    while names and not names[-1]:
        names.pop()
    return names


def _part_body(part: Part, width: int, tables: dict[int, dict[Any, str]]) -> tuple[str, list[int]] | None:
    """:meth:`Part.body`: its columns' text a column at a time, blank rows left out, the lines joined once."""
    skip = 1 if part.first == 0 else 0  # the header's row
    rows = part.count - skip
    if any(_written(value) for column in part.columns[width:] for value in set(column[skip:])):
        return None
    shapes = enumerate(zip(part.columns[:width], part.text, part.values, strict=False))
    texts = [_texts(column[skip:], text, values, tables.setdefault(n, {})) for n, (column, text, values) in shapes]
    texts += [[""] * rows] * (width - len(texts))  # a part narrower than the header: its cells past are blank
    first = part.first + skip + 1
    lines = list(range(first, first + rows))
    if "" in texts[0]:  # a row may be blank (each of its cells), which csv.writer's reader skips
        kept = [n for n, text in enumerate(texts[0]) if text or any(column[n] for column in texts)]
        texts = [[column[n] for n in kept] for column in texts]
        lines = [lines[n] for n in kept]
    if not lines:
        return "", lines
    return "\n".join(map(",".join, zip(*texts, strict=True))) + "\n", lines


def csv_body(found: Cells, width: int) -> str | None:
    r"""The rows after the header row (the first) as CSV text, ``width`` cells each (the header's), each line
    ending ``\n``, blank rows left out; None where a cell past the header holds something (a row longer than
    its header, which the row-by-row path names), or where a table of a column's distinct values cannot serve:
    a cell may be true or false (``True == 1``: both would get one text), rows are of several widths, or there
    is one column (csv.writer writes its blank cell as ``""``; no roster has one column). Made a part at a
    time (:meth:`Part.body`), as a sheet parsed in pieces has made them already."""
    found.finish()
    if found.declined or found.truths or width < 2 or not found.even:
        return None
    bodies = [part.body(width, found.tables) for part in found.parts]
    if None in bodies:
        return None
    made = [body for body in bodies if body is not None]
    _set_lines(found, made)
    return "".join(text for text, _ in made)


def _set_lines(found: Cells, made: list[tuple[str, list[int]]]) -> None:
    """The sheet row of each line of the parts' text, after the header's (None: row n + 1 for line n)."""
    lines = [line for _, part_lines in made for line in part_lines]
    found.lines = None if lines == list(range(2, len(lines) + 2)) else lines


class Declined(Exception):
    """A sheet's text the columns cannot price after all (found as it was made, or at its end)."""
