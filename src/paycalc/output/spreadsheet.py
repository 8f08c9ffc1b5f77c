"""Results out as .xlsx, through openpyxl (imported only when a spreadsheet is written; rosters are read by
:mod:`paycalc.reading.sheets`): typed cells: dates as dates, money as numbers shown to 2 decimals, ids and other
text as text, never as a formula, whatever they start with.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO, Any

from paycalc.contract.inputs import column_letter
from paycalc.output.files import SPREADSHEET_TRIGGERS


def write(out: IO[bytes], header: Sequence[str], rows: Iterable[Sequence[Any]], sheet: str = "Results") -> None:
    """A workbook of one sheet: text as text (never a formula), Decimal as a number to 2 places, dates as dates."""
    write_sheets(out, [(sheet, header, rows)])


class Percent(Decimal):
    """A percent as the CSV prints it (``6.08``), written to a workbook as a percent cell (0.0608, ``0.00%``)."""


class Quantity(Decimal):
    """A number that is not money (hours, days, a share of the workyear), written as a number shown as given."""


WIDEST = 60  # characters: a column is never set wider than this (a long name wraps off the screen anyway)
MEASURED = 500  # rows of each sheet read ahead to size its columns: a long sheet streams the rest


def _shown(value: Any) -> str:
    """A cell as a spreadsheet shows it with the formats :func:`write_sheets` gives, to size its column."""
    if isinstance(value, Percent):
        return f"{value:.2f}%"
    if isinstance(value, Quantity):
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, datetime.date):
        return "yyyy-mm-dd"
    return "" if value is None else str(value)


def write_sheets(
    out: IO[bytes], sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]], title: str = ""
) -> None:
    """A workbook of several sheets, each a header and its rows, typed as :func:`write` types them: the
    header frozen, each column as wide as its header and the figures of its first rows (never ``####``),
    money ``#,##0.00``, :class:`Percent` as percent cells, :class:`Quantity` as given, whole numbers as
    numbers. With ``title``, each sheet's first row says it (in bold), the header row under it, both frozen."""
    from itertools import chain, islice

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    for name, header, rows in sheets:
        worksheet = workbook.create_sheet(name)
        worksheet.freeze_panes = "A3" if title else "A2"
        rows = iter(rows)
        ahead = [list(row) for row in islice(rows, MEASURED)]
        for n, column in enumerate(header):
            shown = [len(_shown(row[n])) for row in ahead if n < len(row)]
            width = max([len(column), *shown]) + 2
            worksheet.column_dimensions[column_letter(n)].width = min(width, WIDEST)

        def cell(value: Any, worksheet: Any = worksheet) -> Any:
            if isinstance(value, str):
                typed = WriteOnlyCell(worksheet, value=None)
                typed.value = value
                typed.data_type = "s"  # a string, even one starting with "=": never a formula
                typed.number_format = "@"
                if value.startswith(SPREADSHEET_TRIGGERS):  # and marked as typed after an apostrophe, so that
                    typed.quotePrefix = True  # editing the cell in a spreadsheet keeps it text
                return typed
            if isinstance(value, Percent):
                typed = WriteOnlyCell(worksheet, value=None)
                typed.value = Decimal(value) / 100
                typed.number_format = "0.00%"
                return typed
            typed = WriteOnlyCell(worksheet, value=value)
            if isinstance(value, Quantity):
                typed.number_format = "General"
            elif isinstance(value, Decimal):
                typed.number_format = "#,##0.00"
            elif isinstance(value, datetime.date):
                typed.number_format = "yyyy-mm-dd"
            elif isinstance(value, int):
                typed.number_format = "0"
            return typed

        if title:  # a line of its own: its width is left out of the first column's
            heading = cell(f"{title} ({name})")
            heading.font = Font(bold=True)
            worksheet.append([heading])
        worksheet.append([cell(column) for column in header])
        for row in chain(ahead, rows):
            worksheet.append([cell(value) for value in row])
    workbook.save(out)
