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
from collections.abc import Iterator
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


class Cells:
    """A sheet's rows, as calamine read them (each as wide as the sheet), and its columns: which hold text alone
    (ids, names: nearly every value distinct), and the distinct values of the others (dates, hours: they repeat)."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.rows = rows
        self.even = len(set(map(len, rows))) <= 1  # calamine's rows are; another reader's may not be
        self.columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if self.even else []
        self.text = [_all_text(column) for column in self.columns]
        self.values = [set() if text else set(column) for column, text in zip(self.columns, self.text, strict=True)]
        self.truths = True  # whether a cell may be true or false (the sheet's XML says: reading.sheets)
        self.lines: list[int] | None = None  # by csv_body: the sheet row of each line after the header (None:
        # row n + 1 for line n, no row left out)

    def inexact(self) -> bool:
        """Whether a number is past what a double holds whole (openpyxl keeps its digits, calamine cannot)."""
        if not self.even:
            return any(v.__class__ is float and abs(v) >= LONGEST_EXACT for row in self.rows for v in row)
        return any(v.__class__ is float and abs(v) >= LONGEST_EXACT for values in self.values for v in values)


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


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _texts(column: tuple[Any, ...], text: bool, values: set[Any]) -> list[str]:
    """A column's cells as :func:`_written` writes each: text stripped at once (ids and names: nearly every
    value distinct), anything else looked up in a table of the column's distinct ``values`` (dates, hours)."""
    if text:
        texts = list(map(str.strip, column))
        every = "".join(texts)
        if "," in every or '"' in every or "\n" in every:
            texts = [_quoted(text) if "," in text or '"' in text or "\n" in text else text for text in texts]
        return texts
    table = {value: _written(value) for value in values}
    return list(map(table.__getitem__, column))


def csv_body(found: Cells, width: int) -> str | None:
    r"""The rows after the header row (the first) as CSV text, ``width`` cells each (the header's), each line
    ending ``\n``, blank rows left out; None where a cell past the header holds something (a row longer than
    its header, which the row-by-row path names), or where a table of a column's distinct values cannot serve:
    a cell may be true or false (``True == 1``: both would get one text), rows are of several widths, or there
    is one column (csv.writer writes its blank cell as ``""``; no roster has one column). Made a column at a
    time, the lines joined once."""
    if found.truths or width < 2 or not found.even:
        return None
    if len(found.rows) < 2:
        return ""
    # calamine's rows are as wide as the sheet, its header's among them: never narrower than the header. The
    # cells past it are blank, or the row is refused
    if any(_written(value) for column in found.columns[width:] for value in set(column[1:])):
        return None
    shapes = zip(found.columns[:width], found.text, found.values, strict=False)
    texts = [_texts(column[1:], text, values) for column, text, values in shapes]
    found.lines = None
    if "" in texts[0]:  # a row may be blank (each of its cells), which csv.writer's reader skips
        kept = [n for n, text in enumerate(texts[0]) if text or any(column[n] for column in texts)]
        texts = [[column[n] for n in kept] for column in texts]
        found.lines = [n + 2 for n in kept]
    if not texts[0]:
        return ""
    return "\n".join(map(",".join, zip(*texts, strict=True))) + "\n"
