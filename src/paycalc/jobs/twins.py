"""A roster read again as a plain CSV file, for the columnar path: stdin copied to a file; a sheet's rows, or a
CSV's with a ``step`` column, written as a CSV twin (:func:`paycalc.jobs.columnar.csv_twin`) and priced from it."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from paycalc.contract.errors import PaycalcError
from paycalc.contract.models import Contract, Instalment
from paycalc.membership.roster import Fill
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
) -> bool:
    """Rows priced in columns through their CSV twin (:func:`paycalc.jobs.columnar.csv_twin`, a step column
    placed as hire dates, ``fill`` giving rows the command line's values, ``split`` the instalments), as CSV or
    ``as_json``; True when written."""
    from paycalc.jobs.columnar import csv_twin, placer, priced

    with csv_twin(rows, placer(contract) if "step" in rows.header else None, fill) as twin:
        return twin is not None and priced(twin, output, contract, method, jobs, header_of, split, as_json)


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
    except (OSError, PaycalcError, csv.Error):
        return None
    header = header_names(first, REQUIRED + OPTIONAL)
    return _CsvRows(source, header)
