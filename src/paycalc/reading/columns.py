"""A roster's header as paycalc reads it, for retro and cost alike: the columns it reads, by their names or what
exports call them, checked (an :class:`InputError` naming what is wrong and what is accepted); the others carried
through, and named once to ``say`` (the command line's stderr)."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import column_letter

if TYPE_CHECKING:
    from paycalc.reading.sheets import SheetRows

Say = Callable[[str], None]  # where a note goes: a line for a person (the CLI's stderr), or nowhere


def silent(_: str) -> None:
    """A ``say`` that says nothing: the API's default."""
    return None


def read_header(
    reader: csv.DictReader[str], name: str, required: tuple[str, ...], optional: tuple[str, ...], say: Say = silent
) -> list[str]:
    """Check a CSV header (any case, spaces around); returns the columns carried through. Columns with no name
    at the header's end (a spreadsheet's trailing commas) are not read: their cells come as cells past the
    header, which must be blank."""
    names = header_names(list(reader.fieldnames or []), required + optional)
    unnamed = _unnamed_at_end(names)
    reader.fieldnames = names[: len(names) - unnamed]
    reader.unnamed = unnamed  # type: ignore[attr-defined]  # for the columns: every line that wide
    try:
        return read_columns(list(reader.fieldnames), name, required, optional, say)
    except InputError as exc:
        raise _below(exc, _lines(reader.reader), "line", required, optional) from None


def header_below(exc: InputError, path: str, required: tuple[str, ...], optional: tuple[str, ...]) -> InputError:
    """:func:`_below` for a CSV file's header, its lines read again from ``path``."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            rows = csv.reader(file)
            next(rows, None)
            return _below(exc, _lines(rows), "line", required, optional)
    except (OSError, UnicodeDecodeError, csv.Error):
        return exc


def _lines(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """The next 20 rows of a csv reader, each with its line."""
    for row in itertools.islice(reader, 20):
        yield reader.line_num, row


def _below(exc: InputError, rows: Iterable[tuple[int, list[str]]], what: str, *known: tuple[str, ...]) -> InputError:
    """``exc`` (a header missing columns), saying so where a row just below the header holds them all: a title
    above the header, as a committee's sheet has one, is read as the header."""
    if "missing columns" in str(exc):
        for number, row in rows:
            if _holds(row, *known):
                hint = f"{what} {number} holds them: delete the {what}s above it, a title perhaps, so it is {what} 1"
                return _hinted(exc, hint)
    return exc


def _holds(row: list[str], required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
    """Whether ``row`` names every column a roster must have (a step in place of a hire date)."""
    names = header_names(row, required + optional)
    return all(c in names or (c == "hired" and "step" in names) for c in required)


def _hinted(exc: InputError, hint: str) -> InputError:
    return InputError(str(exc).replace(" in the header (", f" in the header ({hint}; ", 1))


def _other_sheet(exc: InputError, path: str, read: str, *known: tuple[str, ...]) -> InputError:
    """``exc`` (the first sheet's header missing columns, no sheet asked for), naming another sheet whose first row
    holds them all: a workbook whose first sheet is notes or a summary, the roster after it."""
    if "missing columns" not in str(exc):
        return exc
    import shlex  # (an error's path: not on every command's start)

    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            first = book.get_sheet_by_name(name).to_python(nrows=1) if name != read else []
            if first and _holds([str(cell) for cell in first[0]], *known):
                return _hinted(exc, f"sheet {name!r} holds them: give it with --sheet {shlex.quote(name)}")
    except (OSError, ValueError, python_calamine.CalamineError, python_calamine.PasswordError,
            python_calamine.XmlError, python_calamine.ZipError):  # fmt: skip
        return exc  # a sheet calamine cannot read: the first sheet's error stands
    return exc


def _unnamed_at_end(names: list[str]) -> int:
    """How many columns at a header's end have no name (as Excel saves a sheet whose used range is wider)."""
    named = len(names)
    while named and not names[named - 1]:
        named -= 1
    return len(names) - named


def open_sheet(
    source: str, sheet: str | None, required: tuple[str, ...], optional: tuple[str, ...], say: Say = silent
) -> SheetRows:
    """An .xlsx roster's rows, its header checked; says which sheet it read when it skipped the first."""
    from paycalc.reading.sheets import SheetRows

    rows = SheetRows(source, sheet)
    if rows.chosen:  # the first sheet was skipped (a chart, or hidden): say which one was read
        say(f"Reading sheet {rows.sheet!r} of {source}: the first visible sheet of rows")
    rows.header = header_names(rows.header, required + optional)
    try:
        rows.carried = read_columns(rows.header, f"{source}, sheet {rows.sheet}", required, optional, say)
    except InputError as exc:
        try:
            found = ((rows.row, _values(row)) for row in itertools.islice(rows, 20))
            said = _below(exc, found, "row", required, optional)
            if said is exc and sheet is None:
                said = _other_sheet(exc, source, rows.sheet, required, optional)
            raise said from None
        finally:
            rows.close()
    return rows


def _values(row: Mapping[Any, Any]) -> list[str]:
    """A sheet row's cells in order, as :class:`~paycalc.reading.sheets.SheetRows` gives them (those past the
    header under None)."""
    extra = row.get(None) or []
    return [str(value or "") for key, value in row.items() if key is not None] + [str(v or "") for v in extra]


# What exports call the columns paycalc reads, matched ignoring case, spaces and punctuation (docs/costing.md)
SYNONYMS = {
    "id": ("id", "employeeid", "empid", "employeeno", "employeenumber", "empno", "staffid", "memberid"),
    "hired": ("hired", "hiredate", "dateofhire", "datehired", "startdate"),
    "title": ("title", "jobtitle", "position", "column", "positiontitle"),
    "step": ("step",),
    "workyear": ("workyear", "fte"),
    "hours_per_day": ("hoursperday", "hoursaday", "dailyhours"),
    "days": ("days", "daysperyear", "daysayear", "workdays"),
    "hours": ("hours", "hoursperweek", "weeklyhours"),
    "from": ("from", "fromdate"),
    "to": ("to", "todate"),
    "differentials": ("differentials", "differential"),
    "paid_schedule": ("paidschedule",),
    "paid_annual": ("paidannual", "annualpaid"),
}


def _plain_key(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


_READ_AS = {key: column for column, keys in SYNONYMS.items() for key in keys}


def header_names(header: list[str], known: tuple[str, ...]) -> list[str]:
    """Column names as paycalc reads them: ``" Hired "``, ``HIRED`` and ``Hire Date`` are ``hired``,
    ``Employee ID`` is ``id`` (:data:`SYNONYMS`); a column carried through keeps its own spelling, without the
    spaces around it (``" School "`` is ``School``)."""
    found = []
    for name in header:
        column = _READ_AS.get(_plain_key(name), name.strip().lower())
        found.append(column if column in known else name.strip())
    return found


def read_columns(
    header: list[str], name: str, required: tuple[str, ...], optional: tuple[str, ...], say: Say = silent
) -> list[str]:
    """Check a header's columns: every required one, each once, and none with no name.

    Other columns (a name, a school, notes) are carried through to the output, in their order, and
    returned; one that looks like a misspelt column paycalc reads (``hird``) is an error, not carried.
    """
    import difflib

    known = required + optional
    header = header[: len(header) - _unnamed_at_end(header)]  # blank ones are not read (rows check their cells)
    missing = [c for c in required if c not in header and not (c == "hired" and "step" in header)]
    repeated = sorted({c for c in header if header.count(c) > 1})
    carried = [c for c in header if c not in known]
    accepted = f"{','.join(required)} and optionally {','.join(optional)}, each once; other columns are carried"
    wrong = hint = ""
    if "" in carried:
        wrong = f"column {column_letter(header.index(''))} has no name"
        if not header[0]:  # pandas writes its index so: df.to_csv(path) names every column but that one
            hint = "an index written by pandas? write the file with df.to_csv(path, index=False), or name it; "
    elif misspelt := [(c, m[0]) for c in carried if (m := difflib.get_close_matches(c.lower(), known, 1, 0.8))]:
        column, like = misspelt[0]
        wrong = f"column {column!r} looks like a misspelt {like!r} (rename it to carry it through)"
    elif missing:
        wrong = f"missing columns {', '.join(missing)}"
    elif repeated:
        wrong = f"columns named twice: {', '.join(repeated)}"
    if missing and len(header) == 1 and (apart := next((c for c in ";\t|" if c in header[0]), None)):
        by = {";": "semicolons", "\t": "tabs", "|": "bars"}[apart]  # as Excel saves a CSV in some languages
        wrong = f"the header is one column, its names separated by {by}"
        raise InputError(
            f"{name}: {wrong} (paycalc reads commas: save it as CSV, comma delimited; accepted: {accepted})"
        )
    if wrong:
        raise InputError(f"{name}: {wrong} in the header ({hint}accepted: {accepted})")
    if carried:  # said once, so a misspelt column paycalc would have read is seen
        say(f"Note: {name}: carried through, not read: {', '.join(carried)}")
    return carried
