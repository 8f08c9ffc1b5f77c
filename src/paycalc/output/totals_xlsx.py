"""A roster's totals as the columns wrote them (CSV) written as a workbook's rows straight from the CSV's bytes, as
arrays (:func:`paycalc.output.csv_lines.lines`): the same cells, values and styles, that
:func:`paycalc.output.roster_out.write_xlsx` writes from records, at about a tenth of its time.

Text is written as it stands in the CSV: a block with a cell XML or the workbook would write otherwise (``&``,
``<``, ``>``, a control character, a doubled quote, spaces around, text like the format's ``_x0041_`` escape) or a
cell that opens with an apostrophe and a formula trigger (a guarded ``=cmd`` or a user's own ``'=cmd``: read back,
they cannot be told apart) raises :class:`~paycalc.output.csv_bytes.Plainness`, and the caller writes the
workbook from records instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from paycalc.output import csv_bytes, csv_lines, sheet_xml
from paycalc.output.csv_bytes import Plainness
from paycalc.output.files import SPREADSHEET_TRIGGERS
from paycalc.output.roster_out import Shape, xlsx_rows

if TYPE_CHECKING:
    from numpy.typing import NDArray

BLOCK = 1 << 22  # bytes of the CSV made into rows at a time
_WRITTEN_OTHERWISE = re.compile(rb"[&<>\x00-\x09\x0b-\x1f]|\xef\xbf[\xbe\xbf]|_x[0-9A-Fa-f]{4}_")
_TRIGGERS = np.array([ord(t) for t in SPREADSHEET_TRIGGERS], dtype=np.uint8)


def write(path: str, out: IO[bytes], shape: Shape, totals: Iterator[Any]) -> None:
    """The workbook of the CSV of totals at ``path`` (``shape`` its columns, ``totals`` its records read back, of
    which the first rows size the columns), into ``out``."""
    from paycalc.output.spreadsheet import MEASURED, cell, widths

    header = shape.header(())
    ahead = list(islice(xlsx_rows(totals, shape, (), None), MEASURED))
    kinds = _kinds(shape)

    def rows() -> Iterator[Any]:
        yield [cell(name) for name in header]
        number = 2
        with open(path, "rb") as file:
            file.readline()
            rest = b""
            while chunk := file.read(BLOCK):
                block = rest + chunk
                cut = block.rfind(b"\n") + 1
                block, rest = block[:cut], block[cut:]
                if block:
                    built = _rows(block, number, kinds)
                    number += built.rows
                    yield built
            if rest:
                raise Plainness("a line without its end")

    sheet_xml.write(out, [("Retro", 1, widths(header, ahead), rows())])


def _kinds(shape: Shape) -> list[int]:
    """Each column's style: text (the id, the carried columns, the schedules paid), whole rows, money (owed,
    paid, retro, each fiscal year's retro, lump sums)."""
    text, whole, money = sheet_xml.TEXT, sheet_xml.WHOLE, sheet_xml.MONEY
    sums = 3 + len(shape.years) + shape.lump_sums
    return [text] * (1 + len(shape.carried)) + [whole] + [money] * sums + [text] * shape.schedule_paid


def _rows(block: bytes, first: int, kinds: list[int]) -> sheet_xml.Built:
    """A block of whole CSV lines as ``<row>`` elements numbered from ``first``."""
    from paycalc.contract.inputs import column_letter

    if _WRITTEN_OTHERWISE.search(block):
        raise Plainness("a cell XML or the workbook writes otherwise")
    cells = csv_bytes.split(block, len(kinds))
    if cells.escaped:
        raise Plainness("a doubled quote inside a cell")
    count = len(cells.starts)
    everyone = np.arange(count)
    numbers = csv_lines.digits(np.arange(first, first + count, dtype=np.int64))
    parts = [csv_lines.constant(b'<row r="', count), numbers, csv_lines.constant(b'">', count)]
    for column, kind in enumerate(kinds):
        letter = column_letter(column).encode()
        if kind == sheet_xml.TEXT:
            _check_text(cells, column)
            opening, closing = f'" s="{kind}" t="inlineStr"><is><t>'.encode(), b"</t></is></c>"
        else:
            opening, closing = f'" s="{kind}"><v>'.encode(), b"</v></c>"
        parts += [csv_lines.constant(b'<c r="' + letter, count), numbers, csv_lines.constant(opening, count)]
        parts += [csv_lines.cell(cells, everyone, column), csv_lines.constant(closing, count)]
    parts.append(csv_lines.constant(b"</row>", count))
    return sheet_xml.Built(csv_lines.lines(parts), first, count)


def _check_text(cells: csv_bytes.Cells, column: int) -> None:
    """Refuse a text column with spaces around a cell, or a cell the CSV may have guarded (``'=cmd``)."""
    if csv_bytes.padded(cells, column):
        raise Plainness("a cell with spaces around it")
    starts, ends = cells.starts[:, column], cells.ends[:, column]
    data: NDArray[np.uint8] = cells.data
    guarded = (data[starts] == ord("'")) & np.isin(data[starts + 1], _TRIGGERS) & (ends - starts >= 2)
    if guarded.any():
        raise Plainness("a cell opening with an apostrophe and a formula trigger")
