"""Results out as .xlsx, written as their own XML (:mod:`paycalc.output.sheet_xml`; rosters are read by
:mod:`paycalc.reading.sheets`): typed cells: dates as dates, money as numbers shown to 2 decimals, ids and other
text as text, never as a formula, whatever they start with.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO, Any

from paycalc.output import sheet_xml
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

    def typed(header: Sequence[str], rows: Iterable[Any], ahead: list[list[Any]], name: str) -> sheet_xml.Rows:
        if title:  # a line of its own: its width is left out of the first column's
            yield [(sheet_xml.HEADING, f"{title} ({name})")]
        yield [cell(column) for column in header]
        for row in chain(ahead, rows):
            yield [cell(value) for value in row]

    def each() -> Iterator[tuple[str, int, list[float], sheet_xml.Rows]]:
        for name, header, rows in sheets:
            rows = iter(rows)
            ahead = [list(row) for row in islice(rows, MEASURED)]
            yield name, 2 if title else 1, widths(header, ahead), typed(header, rows, ahead, name)

    sheet_xml.write(out, each())


def cell(value: Any) -> tuple[int, Any]:
    """A value as a workbook cell: its style (:mod:`paycalc.output.sheet_xml`'s) and what the cell holds."""
    if isinstance(value, str):  # a string, even one starting with "=": never a formula, and marked as typed
        # after an apostrophe, so that editing the cell in a spreadsheet keeps it text
        return (sheet_xml.TEXT_KEPT if value.startswith(SPREADSHEET_TRIGGERS) else sheet_xml.TEXT), value
    if isinstance(value, Percent):
        return sheet_xml.PERCENT, Decimal(value) / 100
    if isinstance(value, Quantity):
        return sheet_xml.GENERAL, value
    if isinstance(value, Decimal):
        return sheet_xml.MONEY, value
    if isinstance(value, datetime.date):
        return sheet_xml.DATE, value
    if isinstance(value, int) and not isinstance(value, bool):
        return sheet_xml.WHOLE, value
    return sheet_xml.GENERAL, value


def widths(header: Sequence[str], ahead: list[list[Any]]) -> list[float]:
    """Each column as wide as its header and the figures of the rows ``ahead`` (the first :data:`MEASURED`)."""
    found: list[float] = []
    for n, column in enumerate(header):
        shown = [len(_shown(row[n])) for row in ahead if n < len(row)]
        found.append(min(max([len(column), *shown]) + 2, WIDEST))
    return found
