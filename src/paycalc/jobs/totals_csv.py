"""A roster's totals priced in columns as CSV, then written as JSON or a workbook by the very writers the
row-by-row path uses (:func:`paycalc.output.roster_out.write`, :func:`~paycalc.output.roster_out.write_xlsx`):
the CSV's cells read back into :class:`RosterTotal` records, so each format is the same bytes whichever path
priced the roster.

The CSV guards a user's text that a spreadsheet would run (``=cmd`` is written ``'=cmd``). Read back, a cell
that opens with an apostrophe and a trigger could be a guarded ``=cmd`` or a user's own ``'=cmd``: such a
roster goes row by row (:class:`~paycalc.membership.unpriced.Unpriced`), never guessed.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from decimal import Decimal

from paycalc.contract.models import Instalment
from paycalc.jobs import why
from paycalc.membership.unpriced import Unpriced
from paycalc.output.csv_bytes import Plainness
from paycalc.output.files import SPREADSHEET_TRIGGERS, signals_unwind, temporary, write_atomically
from paycalc.output.render import Format
from paycalc.output.roster_out import COLUMNS, Shape, write, write_xlsx
from paycalc.rules.retro_results import RosterTotal


def _plain(cell: str) -> str:
    """A CSV cell as the user's text: its guard taken off; a cell that may be either is refused."""
    if cell.startswith("'") and cell[1:].startswith(SPREADSHEET_TRIGGERS):
        raise Unpriced("a cell opening with an apostrophe and a formula trigger")
    return cell


def _totals(path: str, years: tuple[int, ...] = ()) -> tuple[Shape, Iterator[RosterTotal]]:
    """The shape of a columnar CSV of totals and its totals, read back; ``years``: the fiscal years whose retro
    wages follow the retro (a correction's, ``--paid-contract``)."""
    file = open(path, newline="", encoding="utf-8")  # noqa: SIM115 (closed by the generator below)
    reader = csv.reader(file)
    header = [_plain(name) for name in next(reader)]
    paid = header[-1] == "schedule_paid"
    lumps = header[-1 - paid] == "lump_sums"
    carried = header[1 : len(header) - len(COLUMNS) + 1 - paid - lumps - len(years)]
    shape = Shape(carried, paid, lumps, years)
    if header != shape.header(()):
        file.close()
        raise Unpriced("the columns of the totals are not those the columns write")

    def totals() -> Iterator[RosterTotal]:
        with file:
            width, after = len(carried), 5 + len(carried) + len(years)  # after: the first column past the years
            for row in reader:
                cells = [_plain(cell) for cell in row]
                owed, due, retro = (Decimal(cell) for cell in cells[2 + width : 5 + width])
                schedules = tuple(cells[-1].split(";")) if paid and cells[-1] else ()
                kept = tuple(cells[1 : 1 + width])
                lump_sums = Decimal(cells[after]) if lumps else Decimal("0.00")
                by_year = tuple(Decimal(cell) for cell in cells[5 + width : after])
                yield RosterTotal(cells[0], int(cells[1 + width]), owed, due, retro, carried=kept,
                                  schedules_paid=schedules, lump_sums=lump_sums, by_year=by_year)  # fmt: skip

    return shape, totals()


def through_csv(
    price_to: Callable[[str], bool],
    output: str,
    format: Format,
    instalments: tuple[Instalment, ...] = (),
    years: tuple[int, ...] = (),
) -> bool:
    """Price into a temporary CSV (``price_to(path)``, True when the columns took the roster), then write
    ``output`` as ``format`` (or a workbook, by its name) from it, each total's retro wages split into
    ``instalments`` where given, ``years`` the fiscal years of a correction's; False where either declined,
    nothing written."""
    from paycalc.rules.proposal import split

    with signals_unwind(), temporary("paycalc-totals-", ".csv") as (handle, twin):  # removed after, a signal too
        os.close(handle)
        try:
            if not price_to(twin):
                return False
            shape, totals = _totals(twin, years)
            if output.lower().endswith(".xlsx") and not instalments:  # the rows straight from the CSV's bytes
                from paycalc.output import totals_xlsx  # numpy and the sheet writer: only for a workbook

                try:
                    write_atomically(output, lambda out: totals_xlsx.write(twin, out, shape, totals), binary=True)
                    return True
                except Plainness:  # a cell written otherwise: from the records, read again
                    shape, totals = _totals(twin, years)
            if output.lower().endswith(".xlsx"):
                write_atomically(output, lambda out: write_xlsx(totals, out, shape, instalments, split), binary=True)
            else:
                write_atomically(output, lambda out: write(totals, format, out, shape, instalments, split))
            return True
        except Unpriced as exc:
            return why.decline(str(exc))
