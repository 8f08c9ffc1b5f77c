"""A roster read again as a plain CSV file, for the columnar path: stdin copied to a file; a sheet's rows, or a
CSV's with a ``step`` column, written row by row as a CSV twin with steps placed and values filled
(:func:`csv_twin`) and priced from it. A sheet's text as it stands is :mod:`paycalc.jobs.sheet_twins`'."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from paycalc.contract.errors import PaycalcError
from paycalc.contract.models import Contract, Instalment
from paycalc.jobs import why
from paycalc.membership.roster import Fill
from paycalc.membership.unpriced import Unpriced
from paycalc.reading.columns import header_names
from paycalc.reading.files import open_binary, text_lines


@contextmanager
def spooled(what: str) -> Iterator[str]:
    """Standard input copied to a temporary file, a megabyte at a time; the file is removed after."""
    import shutil

    from paycalc.output.files import signals_unwind, temporary

    stream = open_binary("-", what)
    # SIGTERM or SIGHUP mid-copy unwinds like Ctrl-C: the copy is removed
    with signals_unwind(), temporary("paycalc-stdin-", ".csv") as (handle, copy):
        with os.fdopen(handle, "wb") as out:
            shutil.copyfileobj(stream, out, 1 << 20)
        yield copy


def twin_priced(
    rows: Any,
    output: str,
    contract: Contract,
    method: Any,
    jobs: int | None,
    header_of: Any,
    fill: Fill | None = None,
    split: tuple[Instalment, ...] = (),
    as_json: bool = False,
    late: list[int] | None = None,
) -> bool:
    """Rows priced in columns through their CSV twin (:func:`csv_twin`, a step column
    placed as hire dates, ``fill`` giving rows the command line's values, ``split`` the instalments), as CSV or
    ``as_json``; True when written. ``late``: the numbers of the rows hired after their first day."""
    from paycalc.jobs.columnar import priced

    with csv_twin(rows, placer(contract) if "step" in rows.header else None, fill) as twin:
        return twin is not None and priced(twin, output, contract, method, jobs, header_of, split, as_json, late=late)


class _CsvRows:
    """A CSV roster's rows as mappings, its header as paycalc reads it (for its twin)."""

    def __init__(self, source: str, header: list[str]) -> None:
        self.source, self.header = source, header

    def __iter__(self) -> Iterator[dict[str, Any]]:
        with open_binary(self.source, "roster") as file:
            reader = csv.reader(text_lines(file))
            next(reader, None)
            width = len(self.header)
            for cells in reader:
                if not cells:
                    continue  # a blank line, which the row-by-row path's reader skips too
                row: dict[str, Any] = dict(zip(self.header, cells, strict=False))
                if len(cells) > width:
                    row[None] = cells[width:]  # type: ignore[index]
                yield row


def csv_rows(source: str) -> _CsvRows | None:
    """A CSV roster's rows (its header read as paycalc reads it), for its twin; None for a pipe or a file
    whose header cannot be read (row by row says why)."""
    import stat

    from paycalc.membership.roster import OPTIONAL, REQUIRED

    try:
        if not stat.S_ISREG(os.stat(source).st_mode):
            return None  # a pipe is read once, by the row-by-row path: never peeked at
        with open_binary(source, "roster") as file:
            first = next(csv.reader(text_lines(file)), [])
    except (OSError, PaycalcError, csv.Error) as exc:
        why.decline(f"a header the row-by-row path reads ({exc})")
        return None
    header = header_names(first, REQUIRED + OPTIONAL)
    return _CsvRows(source, header)


@contextmanager
def csv_twin(
    rows: Any,
    place: Callable[[dict[str, Any]], str] | None = None,
    fill: Callable[[dict[str, Any]], None] | None = None,
) -> Iterator[str | None]:
    """Rows (a sheet's :class:`paycalc.reading.sheets.SheetRows`, or a CSV's, with ``header`` as paycalc reads
    it) written as a CSV file, each cell as the row-by-row path reads it (stripped), for the columnar path to
    read in blocks. With ``place`` (:func:`placer`), a ``step`` column becomes the hire date it stands for;
    ``fill`` (:func:`paycalc.membership.roster.filler`) first gives each row the command line's values.
    None when a row has more cells than the header, or ``place`` refuses one (row by row names it). The file
    is removed after."""
    from paycalc.output.files import signals_unwind, temporary

    header = list(rows.header)
    added = ["from", "to", "paid_schedule", "paid_annual"] if fill is not None else []  # where fill may give them
    added += ["hired"] if place is not None else []
    written = [c for c in header if c != "step"] + [c for c in added if c not in header]
    with signals_unwind(), temporary("paycalc-", ".csv") as (handle, twin):  # removed after, a signal included
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(written)
            fast: Iterator[list[str]] | None = None  # a sheet's rows as lists of text, nothing placed or filled
            if place is None and fill is None and "step" not in header and len(set(header)) == len(header):
                body = getattr(rows, "csv_body", lambda: None)()  # read by calamine: its text made at once
                if body is not None:
                    out.write(body)
                    fast = iter(())
                else:
                    fast = getattr(rows, "texts", lambda: None)()
            try:
                if fast is not None:
                    for values in fast:
                        if len(values) > len(header):
                            raise Unpriced("more cells than the header")
                        writer.writerow(values)
                for row in rows if fast is None else ():
                    if None in row:
                        raise Unpriced("more cells than the header")
                    if fill is not None:
                        fill(row)
                    if place is not None:
                        row["hired"] = place(row)
                    writer.writerow([(row.get(column) or "").strip() for column in written])
            except Unpriced as exc:
                why.decline(str(exc))
                out.close()
                yield None
                return
        yield twin


def placer(contract: Any) -> Callable[[dict[str, Any]], str]:
    """A row's hire date as text: from its ``step`` on its ``from`` day (as the row-by-row path places it,
    :func:`paycalc.membership.roster.hire_date`), else its own; a step or day it refuses raises
    :class:`Unpriced` (the row-by-row path says what is wrong). Each step and day is placed once."""
    from paycalc.contract import inputs
    from paycalc.contract.errors import PaycalcError
    from paycalc.membership.roster import hire_date

    placed: dict[tuple[str, str], str] = {}

    def place(row: dict[str, Any]) -> str:
        step, start = (row.get("step") or "").strip(), (row.get("from") or "").strip()
        if not step:
            return str(row.get("hired") or "")
        found = placed.get((step, start))
        if found is None:
            try:
                found = hire_date(contract, row, inputs.to_roster_date(start, "from date")).isoformat()
            except PaycalcError:
                raise Unpriced("a step or day the rules refuse") from None
            placed[(step, start)] = found
        return found

    return place
