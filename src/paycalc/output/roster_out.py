"""A roster's retro totals as CSV, JSON or .xlsx: one row per id, its carried columns after the id."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, Any, NamedTuple

from paycalc.contract.models import Instalment
from paycalc.output.files import safe_cell
from paycalc.output.render import Format, cents
from paycalc.rules.retro_results import RosterTotal

COLUMNS = ("id", "rows", "owed", "paid", "retro")


class Shape(NamedTuple):
    """The columns of a roster's output beyond id, rows, owed, paid and retro."""

    carried: list[str]  # after id: the roster's own columns, carried through
    schedule_paid: bool  # under a proposal: the schedules its rows were paid (the status quo)
    lump_sums: bool  # under a proposal with lump sums: the part of owed that is lump sums
    years: tuple[int, ...] = ()  # with a paid contract: the fiscal years whose retro wages follow the retro

    def header(self, instalments: tuple[Instalment, ...]) -> list[str]:
        return [
            "id",
            *self.carried,
            *COLUMNS[1:],
            *(f"retro_FY{year % 100:02d}" for year in self.years),
            *(["lump_sums"] if self.lump_sums else []),
            *(f"instalment_{i.paid}" for i in instalments),
            *(["schedule_paid"] if self.schedule_paid else []),  # last: the columns before it keep their places
        ]


def write(
    totals: Iterable[RosterTotal],
    format: Format,
    out: IO[str],
    shape: Shape,
    instalments: tuple[Instalment, ...],
    split: Any,
) -> None:
    import json

    if format is Format.json:
        out.write("[")
        for n, total in enumerate(totals):
            record: dict[str, Any] = {"id": total.id, **dict(zip(shape.carried, total.carried, strict=True))}
            record |= {"rows": total.rows, "owed": cents(total.owed), "paid": cents(total.paid)}
            record["retro"] = cents(total.retro)
            for year, amount in zip(shape.years, total.by_year, strict=True):
                record[f"retro_FY{year % 100:02d}"] = cents(amount)
            if shape.lump_sums:
                record["lump_sums"] = cents(total.lump_sums)
            if instalments:
                record["instalments"] = [
                    {"paid": day.isoformat(), "amount": cents(amount)}
                    for day, amount in split(total.retro - total.lump_sums, instalments)
                ]
            if shape.schedule_paid:
                record["schedule_paid"] = ";".join(total.schedules_paid)
            out.write(("," if n else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        out.write("\n]\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_cell(name) for name in shape.header(instalments)])
    for total in totals:
        # the totals are whole cents (exponent -2), which str() writes exactly as 407.90
        cells = [safe_cell(total.id), *map(safe_cell, total.carried), total.rows, str(total.owed), str(total.paid)]
        cells.append(str(total.retro))
        cells += [str(amount) for amount in total.by_year]
        if shape.lump_sums:
            cells.append(cents(total.lump_sums))
        cells += [
            cents(amount) for _, amount in (split(total.retro - total.lump_sums, instalments) if instalments else ())
        ]
        if shape.schedule_paid:
            cells.append(";".join(total.schedules_paid))
        writer.writerow(cells)


def write_xlsx(
    totals: Iterable[RosterTotal],
    out: IO[bytes],
    shape: Shape,
    instalments: tuple[Instalment, ...],
    split: Any,
) -> None:
    from paycalc.output.spreadsheet import write as write_sheet

    write_sheet(out, shape.header(instalments), xlsx_rows(totals, shape, instalments, split), sheet="Retro")


def xlsx_rows(
    totals: Iterable[RosterTotal], shape: Shape, instalments: tuple[Instalment, ...], split: Any
) -> Iterator[list[Any]]:
    """Each total as a workbook's row: text, whole numbers and money (Decimal), as :func:`write_xlsx` writes it."""
    for total in totals:
        row: list[Any] = [total.id, *total.carried, total.rows, total.owed, total.paid, total.retro, *total.by_year]
        if shape.lump_sums:
            row.append(total.lump_sums)
        row += [amount for _, amount in (split(total.retro - total.lump_sums, instalments) if instalments else ())]
        if shape.schedule_paid:
            row.append(";".join(total.schedules_paid))
        yield row
