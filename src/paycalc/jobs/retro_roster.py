"""The retro roster job (``paycalc retro --roster``, :func:`paycalc.api.write_retro_roster`): read a roster file,
price it (in columns where :mod:`paycalc.jobs.columnar` takes it, else row by row), write one total per id, all
or nothing. Notes and skipped rows go to ``say``; a failure is a :class:`JobError` saying what was written."""

from __future__ import annotations

import csv
import os
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator
from contextlib import closing
from typing import Any

from paycalc.contract.errors import InputError, PaycalcError, RowError, WorkerDied
from paycalc.contract.models import Contract, Instalment
from paycalc.jobs import why
from paycalc.jobs.progress import rows_read
from paycalc.jobs.sheet_twins import sheet_priced
from paycalc.jobs.twins import csv_rows, spooled, twin_priced
from paycalc.output.files import write_atomically
from paycalc.output.render import Format
from paycalc.output.roster_out import Shape, write, write_xlsx
from paycalc.reading.columns import Say, header_below, header_names, open_sheet, read_columns, read_header, silent
from paycalc.reading.files import NotUtf8, csv_words, open_binary, text_lines


class JobError(InputError):
    """A roster job that stopped: its text names the file, line or cell, and says nothing was written."""


MAX_CELL = 10_000  # characters: no id, title or date comes near


COLUMN_OF = {
    "hire date": "hired",
    "from date": "from",
    "to date": "to",
    "hours": "hours",
    "workyear": "workyear",
    "paid annual": "paid_annual",
    "paid schedule date": "paid_schedule",
    "unknown title": "title",
    "title": "title",
    "step": "step",
}


def _column(reason: str) -> str | None:
    return next((column for name, column in COLUMN_OF.items() if reason.startswith(name + " ")), None)


def fiscal_years(contract: Contract) -> tuple[int, ...]:
    """The fiscal years (July to June, named by the year they end in) from the first schedule's to the term's end."""
    first, last = contract.schedules[0].effective, max(contract.term_end, contract.schedules[-1].effective)
    return tuple(range(first.year + (first.month >= 7), last.year + (last.month >= 7) + 1))


def is_xlsx(path: str) -> bool:
    return path.lower().endswith(".xlsx")


def run_roster(
    source: str,
    output: str,
    format: Format,
    method: tuple[str | None, str | None, str | None],  # the method, its anchor and pay cycles, as given
    skip_invalid: bool,
    contract: Contract,
    instalments: tuple[Instalment, ...],
    sheet: str | None = None,
    sources: list[str] | None = None,  # every file the command reads: the output may replace none of them
    jobs: int | None = None,  # processes that price a plain CSV roster (None: one per core for a long one)
    paid_contract: Contract | None = None,  # what was paid: this contract's scale, answered by fiscal year
    period: tuple[str | None, str | None] = (None, None),  # --from and --to: for rows without their own
    paid: tuple[str | None, str | None] = (None, None),  # --paid-schedule, --paid-annual: for rows without either
    say: Say = silent,  # notes and skipped rows, a line each
    shown: str | None = None,  # the roster's name in messages, where ``source`` is stdin's copy
    verbose: bool = False,  # say which engine priced the roster, and why not the columns
) -> int:
    """Price a roster (CSV or .xlsx) into ``output`` (CSV, JSON or .xlsx); nothing is written unless the run
    succeeds. Returns how many rows ``skip_invalid`` left out (each said); a failure is a :class:`JobError`."""
    from paycalc.contract.inputs import to_cycles, to_date
    from paycalc.membership import roster as pricing
    from paycalc.membership.roster import OPTIONAL, REQUIRED

    given = {column: day for column, day in zip(("from", "to"), period, strict=True) if day is not None}
    paid_given = {
        c: value for c, value in zip(("paid_schedule", "paid_annual"), paid, strict=True) if value is not None
    }
    # the period's ends given on the command line: those columns become optional
    required = tuple(c for c in REQUIRED if c not in given)
    optional = (*OPTIONAL, *given)
    from paycalc.output.files import STDOUT_NAMES, check_output
    from paycalc.rules import periods, proposal

    if source == "-":  # stdin copied to a file first: read in blocks, in columns, like any file
        with spooled("roster") as copy:
            return run_roster(copy, output, format, method, skip_invalid, contract, instalments, sheet, sources, jobs,
                              paid_contract, period, paid, say, shown="stdin", verbose=verbose)  # fmt: skip
    name = shown or source
    said = False  # the header's notes said (by an attempt in columns)
    line = 0
    read = 0  # lines read so far: where a CSV error is
    skipped = 0
    try:
        if output not in STDOUT_NAMES:
            check_output(output, [source, *(sources or [])])
        if is_xlsx(source):
            sheet_rows = open_sheet(source, sheet, required, optional, say)
            infile: Any = sheet_rows
            reader: Any = sheet_rows

            def where(column: str | None = None, at: int | None = None) -> str:
                return sheet_rows.where(column, at)

        else:
            infile = open_binary(source, "roster")

            def counted() -> Iterator[str]:
                nonlocal read
                for text in text_lines(infile):
                    read += 1
                    yield text

            csv.field_size_limit(MAX_CELL)
            reader = csv.DictReader(counted())

            def where(column: str | None = None, at: int | None = None) -> str:
                return f"{name}: line {line if at is None else at}"

    except PaycalcError as exc:
        raise JobError(str(exc)) from None
    try:
        anchor = None if method[1] is None else to_date(method[1], "anchor")
        cycles = None if method[2] is None else to_cycles(method[2])
        chosen, anchor, pay_for = periods.for_contract(contract, method[0], anchor, cycles)
        row_by_row = os.environ.get("PAYCALC_ROW_BY_ROW") == "1"  # a check of the columnar path, by hand
        years = fiscal_years(contract) if paid_contract is not None else ()  # a correction's, by fiscal year
        why.clear()
        if row_by_row:
            why.decline("PAYCALC_ROW_BY_ROW=1")
        fill = pricing.filler(given, paid_given)  # rows without their own take the command line's values
        if not row_by_row:  # in columns, where they take the roster
            from paycalc.jobs.columnar import priced
            from paycalc.jobs.totals_csv import through_csv

            def header_of(raw: list[str]) -> tuple[list[str], list[str]]:
                nonlocal said
                names = header_names(raw, required + optional)
                noted = say if not (xlsx_source or said) else silent
                said = True  # the notes once: not again if the roster then goes row by row
                try:
                    return names, read_columns(names, name, required, optional, noted)
                except InputError as exc:  # a title above the header: said where the header is
                    raise header_below(exc, source, required, optional) from None

            def unread() -> Any:
                """The sheet's rows, opened again where an attempt before read them (JSON is tried twice: as
                the columns write it, then read back from their CSV): read a second time, they would be none."""
                nonlocal sheet_rows, infile, reader
                if sheet_rows.started:
                    sheet_rows.close()
                    sheet_rows = infile = reader = open_sheet(source, sheet, required, optional, silent)
                return sheet_rows

            def price_to(path: str, split: tuple[Instalment, ...] = (), as_json: bool = False) -> bool:
                terms = contract, (chosen, anchor, cycles), jobs, header_of  # twins: .xlsx, step, values filled
                if paid_contract is not None:  # a paid contract's scale, by fiscal year (a sheet: its text)
                    paid_by = paid_contract, years
                    if xlsx_source:
                        return sheet_priced(
                            sheet_rows, path, terms, split, as_json, (given, paid_given), paid_by, left_out, hired_late
                        )
                    return priced(
                        source, path, *terms, split, as_json, (given, paid_given), paid_by, left_out, hired_late
                    )
                if xlsx_source:  # its text as it stands, then a twin with steps placed and values filled
                    if sheet_priced(
                        sheet_rows, path, terms, split, as_json, (given, paid_given), None, left_out, hired_late
                    ):
                        return True
                    rows = unread()
                elif priced(source, path, *terms, split, as_json, (given, paid_given), None, left_out, hired_late):
                    return True
                else:  # a roster the columns declined, with steps or values filled: a CSV twin
                    rows = csv_rows(source)
                    if rows is None or (fill is None and "step" not in rows.header):
                        return False
                if left_out:  # from the attempt that declined: a twin leaves no row out (it declines too)
                    left_out.clear()
                return twin_priced(rows, path, *terms, fill, split, as_json, hired_late)

            xlsx_source, said = is_xlsx(source), False
            left_out: list[tuple[int, str]] | None = [] if skip_invalid else None  # (line, reason), in columns
            hired_late: list[int] = []  # the rows hired after their first day, in columns
            as_json = format is Format.json
            if is_xlsx(output):  # a workbook, from the columns' CSV read back
                written = through_csv(price_to, output, format, instalments, years)
            else:  # CSV or JSON, by the columns' own writer (JSON a cell would escape: through the CSV read back)
                written = price_to(output, instalments, as_json) or (
                    as_json and through_csv(price_to, output, format, instalments, years)
                )
            if written:
                infile.close()
                for at, reason in left_out or []:  # as the row-by-row path says them
                    say(f"Skipped: {where(_column(reason), at)}: {reason}")
                _say_late(hired_late, is_xlsx(source), say)
                if verbose:
                    say(f"Note: {name}: priced in columns")
                return len(left_out or [])
            if xlsx_source:  # read again, row by row
                infile.close()
                sheet_rows = open_sheet(source, sheet, required, optional, silent)
                infile = reader = sheet_rows
        if verbose:
            say(f"Note: {name}: priced row by row (about 25 µs a row): {why.last()}")
        with closing(infile):
            quiet = said if not is_xlsx(source) else False  # the columns' attempt said the notes already
            carried = reader.carried if is_xlsx(source) else read_header(reader, name, required, optional,
                                                                          silent if quiet else say)  # fmt: skip

            # each row's place is kept until its total is made: the line (CSV) or sheet row (.xlsx) of the
            # last rows read
            places: deque[int] = deque(maxlen=8)
            shifts = [(1, 1)]  # from each row number on, its place less its number (blank lines, line breaks)
            count = 0
            xlsx = is_xlsx(source)

            def place_of(number: int) -> int | None:
                first = count - len(places) + 1
                return places[number - first] if first <= number <= count else None

            def report(error: RowError) -> None:
                nonlocal skipped
                skipped += 1
                say(f"Skipped: {where(_column(error.reason), place_of(error.row))}: {error.reason}")

            def rows() -> Iterator[dict[str, Any]]:
                nonlocal line, count
                for row in rows_read(reader, None if is_xlsx(source) or source == "-" else infile):
                    line = getattr(reader, "line_num", 0)
                    count += 1
                    places.append(reader.row if xlsx else line)
                    if places[-1] - count != shifts[-1][1]:
                        shifts.append((count, places[-1] - count))
                    if fill is not None:
                        fill(row)
                    yield row

            on_invalid = report if skip_invalid else None
            late: list[int] = []
            totals = pricing.retro_totals(rows(), contract, pay_for, on_invalid, carried, paid_contract, years, late)
            proposed = contract.proposal is not None
            shape = Shape(carried, proposed, bool(contract.proposal and contract.proposal.lump_sums), years)
            if is_xlsx(output):
                write_atomically(
                    output, lambda out: write_xlsx(totals, out, shape, instalments, proposal.split), binary=True
                )
            else:
                write_atomically(output, lambda out: write(totals, format, out, shape, instalments, proposal.split))
        _say_late([n + shifts[bisect_right(shifts, (n, 1 << 62)) - 1][1] for n in late], xlsx, say)
    except RowError as error:
        place = where(_column(error.reason), place_of(error.row))
        raise JobError(f"{place}: {error.reason} (nothing was written; --skip-invalid leaves such rows out)") from None
    except NotUtf8 as exc:
        raise JobError(f"{name}: {exc} (nothing was written)") from None
    except csv.Error as exc:
        raise JobError(f"{name}: line {read}: {csv_words(exc, MAX_CELL)} (nothing was written)") from None
    except WorkerDied as error:
        raise JobError(f"{error}; nothing was written") from None
    except JobError:
        raise
    except PaycalcError as error:
        raise JobError(str(error)) from None
    except OSError as exc:
        raise JobError(
            f"cannot write {output}: {exc.strerror} (a file in a folder that exists, or '-' for stdout)"
        ) from None
    return skipped


def _say_late(late: list[int], xlsx: bool, say: Say) -> None:
    """The note on the rows hired after their first day (``late``: their lines, or sheet rows; the header's 1),
    whichever path priced them."""
    if late:
        shown = ", ".join(str(n) for n in late[:5]) + (", ..." if len(late) > 5 else "")
        say(
            f"Note: {len(late)} row{'s' if len(late) != 1 else ''} with a hire date after the row's first day "
            f"({'lines' if not xlsx else 'rows'} {shown}): owed from the hire date, or nothing when hired after "
            "its last day"
        )
