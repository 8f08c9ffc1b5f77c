"""A sheet's rows, as python-calamine read them, made into the CSV text of their twin.

Each cell's text is what :func:`cell_text` makes of it, stripped and quoted as :class:`csv.writer` quotes it,
made once for each distinct value in the sheet (a roster's dates, hours and titles repeat) and looked up per cell
as each row is joined: the same text as the writer makes of the rows one by one (``tests/test_sheet_text.py``
holds the two to it), without a Python call per cell.
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
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
    """A sheet's rows, as calamine read them, and their distinct values."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.rows = rows
        self.distinct = set(chain.from_iterable(rows))
        self.truths = True  # whether a cell may be true or false (the sheet's XML says: reading.sheets)

    def inexact(self) -> bool:
        """Whether a number is past what a double holds whole (openpyxl keeps its digits, calamine cannot)."""
        return any(v.__class__ is float and abs(v) >= LONGEST_EXACT for v in self.distinct)


def _written(value: Any) -> str:
    r"""A cell's text, stripped, as :class:`csv.writer` writes it (its default dialect, lines ending ``\n``):
    in quotes, a quote doubled, where it holds a comma, a quote or a line feed."""
    text = value.strip() if value.__class__ is str else cell_text(value).strip()
    if "," in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_body(found: Cells, width: int) -> str | None:
    r"""The rows after the header row (the first) as CSV text, ``width`` cells each (the header's), each line
    ending ``\n``, blank rows left out; None where a cell past the header holds something (a row longer than
    its header, which the row-by-row path names), or where one table of the distinct values cannot serve: a
    cell may be true or false (``True == 1``: both would get one text), rows are of several widths, or there is
    one column (csv.writer writes its blank cell as ``""``; no roster has one column)."""
    body = found.rows[1:]
    widths = set(map(len, body))
    if found.truths or width < 2 or len(widths) > 1:
        return None
    if not body:
        return ""
    texts = [value for value in found.distinct if value.__class__ is str]  # ids and names: most values
    text = dict(zip(texts, map(str.strip, texts), strict=True))
    text.update(
        [(value, _written(value)) for value, cell in text.items() if "," in cell or '"' in cell or "\n" in cell]
    )
    text.update((value, _written(value)) for value in found.distinct if value.__class__ is not str)
    lines = [",".join(map(text.__getitem__, row)) for row in body]
    wide = widths.pop() - width
    # calamine's rows are as wide as the sheet, its header's among them: never narrower than the header. The
    # cells past it are blank (a comma each), or the row is refused (a cell ends in a comma only inside quotes)
    if wide > 0:
        past = "," * wide
        if not all(line.endswith(past) for line in lines):
            return None
        lines = [line[:-wide] for line in lines]
    blank = "," * (width - 1)
    lines = [line for line in lines if line != blank]
    return "\n".join(lines) + "\n" if lines else ""
