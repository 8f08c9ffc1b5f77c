"""A roster read again as a plain CSV file, for the columnar path: stdin copied to a file; a sheet's text as it
stands (:func:`sheet_priced`); a sheet's rows, or a CSV's with a ``step`` column, written row by row as a CSV twin
with steps placed and values filled (:func:`csv_twin`) and priced from it."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO

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


def sheet_priced(
    rows: Any,
    output: str,
    terms: tuple[Contract, Any, int | None, Any],
    split: tuple[Instalment, ...],
    as_json: bool,
    defaults: tuple[dict[str, str], dict[str, str]],
    paid_by: tuple[Any, tuple[int, ...]] | None = None,
    skipped: list[tuple[int, str]] | None = None,
    late: list[int] | None = None,
) -> bool:
    """A sheet read by calamine priced in columns from its text as it stands (``rows.csv_body``), as a CSV
    roster is: a step column, the command line's ``defaults`` and a paid contract's scale (``paid_by``) left
    to the columns (no row made a mapping); ``terms``: the contract, the pay method, ``--jobs`` and the
    header's check; ``skipped``: with ``--skip-invalid``, where the rows left out are put (their sheet rows,
    the reasons); ``late``: the numbers of the rows hired after their first day. False where its text cannot be
    made at once or the columns decline it (the caller tries a twin made row by row, or the rows)."""
    from paycalc.jobs.columnar import priced

    header = list(rows.header)
    if len(set(header)) != len(header):
        return False
    texts = rows.stream()  # the text of the first pieces, priced while the threads parse the last
    body = rows.csv_body() if texts is None else None
    if texts is None and body is None:
        return False
    with _twin_file(header, body or "") as (twin, out):
        lines = None if skipped is None else list[tuple[int, str]]()
        grown = None if texts is None else growing(texts, out)
        if not priced(twin, output, *terms, split, as_json, defaults, paid_by, lines, late, grown):
            return False
    if skipped is not None:  # the twin's lines as the sheet's rows (its blank rows are not in it)
        skipped[:] = [(rows.row_of(line), reason) for line, reason in lines or []]
    return True


def growing(texts: Iterator[str], out: BinaryIO, most: int | None = None) -> Iterator[tuple[int, int, int]]:
    """The byte ranges of a twin written as its sheet is parsed: each piece's text written (and flushed) before
    the range holding it is given, whole lines, ranges of a quarter of :data:`paycalc.jobs.columnar.BLOCK` bytes
    at least, twice as many each time up to a block (the first priced soon, the rest with a block's fewer costs),
    or up to ``most`` (a costing's block); a sheet whose text cannot serve after all (found at a later piece, or
    at its end) declines the columns."""
    from paycalc.jobs.columnar import BLOCK
    from paycalc.reading.sheet_text import Declined

    header = start = at = out.tell()
    size = min(BLOCK // 4, most or BLOCK)  # the first ranges small, priced while the sheet's last pieces are parsed
    try:
        for text in texts:
            data = text.encode("utf-8")
            out.write(data)
            at += len(data)
            if at - start >= size:
                out.flush()
                yield start, at, header
                start, size = at, min(2 * size, most or BLOCK)
    except Declined as exc:
        raise Unpriced(str(exc)) from None
    out.flush()
    if at > start:
        yield start, at, header


def sheet_costed(
    rows: Any, cost: Callable[[str, list[str], Iterator[tuple[int, int, int]]], Any]
) -> tuple[bool, Any] | None:
    """A sheet read by calamine costed in columns as it is parsed: its twin's text written a piece at a time and
    ``cost(twin, header, ranges)`` (:func:`paycalc.jobs.columnar.costed`) reading its byte ranges as they come.
    None where the sheet is not parsed as it comes (nothing read); else whether its text served (False: turned
    down at a later piece, the caller makes a twin otherwise) and the costing (None where the columns declined)."""
    from paycalc.jobs.columnar import COST_BLOCK, header_cells
    from paycalc.reading.sheet_text import Declined

    header = list(rows.header)
    texts = rows.stream() if len(set(header)) == len(header) else None
    if texts is None:
        return None
    served = [True]

    def watched() -> Iterator[str]:
        try:
            yield from texts
        except Declined:
            served[0] = False
            raise

    with _twin_file(header) as (twin, out):
        found = cost(twin, header_cells(_line(header)), growing(watched(), out, COST_BLOCK))
    return served[0], found


def _line(cells: list[str]) -> bytes:
    """A CSV line of ``cells``, as :class:`csv.writer` writes it."""
    named = io.StringIO()
    csv.writer(named, lineterminator="\n").writerow(cells)
    return named.getvalue().encode("utf-8")


@contextmanager
def _twin_file(header: list[str], body: str = "") -> Iterator[tuple[str, BinaryIO]]:
    """A twin's temporary file (removed after, a signal included) and its stream, ``header`` and ``body`` written
    and flushed (the columns read the file back before the rest is written). No cyclic garbage collection
    meanwhile: the sheet's cells, a million objects in no cycle, made as the twin is priced, would each be walked
    by the collector's passes for nothing (a twentieth of a second of 100,000 members' workbook)."""
    from paycalc.output.files import signals_unwind, temporary
    from paycalc.reading.sheet_text import uncollected

    with (
        signals_unwind(),
        temporary("paycalc-", ".csv") as (handle, twin),
        os.fdopen(handle, "wb") as out,
        uncollected(),
    ):
        out.write(_line(header) + body.encode("utf-8"))
        out.flush()
        yield twin, out


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
