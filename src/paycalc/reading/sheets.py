"""An .xlsx roster's rows, through openpyxl (imported only here, only when a spreadsheet is read).

The first visible sheet of rows (or a named one), its first row the header; dates become YYYY-MM-DD, numbers
their plain decimal text, so a spreadsheet roster is read by the same rules as its CSV twin. A sheet's declared
size is never trusted, a formula with no saved value is an error, and a workbook that unpacks too large is
refused before it is read.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import column_letter


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


MAX_UNPACKED = 1 << 30  # bytes a roster workbook may unpack to: a million members' rows take about 200 MiB


def _check_size(path: str) -> None:
    """Refuse a workbook that unpacks to more than :data:`MAX_UNPACKED` before reading any of it (a zip bomb
    would take minutes and gigabytes); the error names the cap."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile):
        return  # load_workbook says what is wrong with it
    if unpacked > MAX_UNPACKED:
        raise InputError(
            f"{path} unpacks to {_size(unpacked)}, over the {_size(MAX_UNPACKED)} cap of an .xlsx roster "
            "(save a roster this large as CSV)"
        )


def _size(count: int) -> str:
    """A byte count for people: 1 GiB, 1,120 MiB, 12 KiB."""
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if count >= 1 << shift:
            return f"{count / (1 << shift):,.1f} {unit}" if count % (1 << shift) else f"{count >> shift:,} {unit}"
    return f"{count:,} bytes"


def _has_formulas(path: str, member: str | None) -> bool:
    """Whether a sheet's XML holds a formula (an ``<f>`` element, with a namespace prefix or not), read in
    chunks; True when it cannot be told."""
    import zipfile

    if member is None:
        return True
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as sheet:
            tail = b""
            while chunk := sheet.read(1 << 20):
                text = tail + chunk
                if any(mark in text for mark in (b"<f>", b"<f ", b":f>", b":f ")):
                    return True
                tail = chunk[-2:]
    except (OSError, KeyError, zipfile.BadZipFile):
        return True
    return False


class SheetRows:
    """The rows of one sheet as text mappings, remembering where the last one came from."""

    def __init__(self, path: str, sheet: str | None) -> None:
        import zipfile

        from openpyxl import load_workbook

        self.path = path
        _check_size(path)
        try:
            self.workbook = load_workbook(path, read_only=True, data_only=True)
        except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not an .xlsx workbook"
            raise InputError(f"cannot read the roster {path}: {reason}") from None
        names = self.workbook.sheetnames
        tables = [n for n in names if hasattr(self.workbook[n], "iter_rows")]  # not a chart sheet
        if sheet is not None and sheet not in names:
            raise InputError(f"{path} has no sheet {sheet!r} (its sheets: {', '.join(names)})")
        if sheet is not None and sheet not in tables:
            raise InputError(f"{path}: sheet {sheet!r} is a chart, not rows (give a sheet of rows with --sheet)")
        visible = [n for n in tables if getattr(self.workbook[n], "sheet_state", "visible") == "visible"]
        if sheet is None and not visible:
            raise InputError(
                f"{path} has no visible sheet of rows (give one with --sheet; its sheets: {', '.join(names)})"
            )
        self.sheet = sheet or visible[0]
        self.chosen = (
            sheet is None and self.sheet != names[0]
        )  # the first sheet was a chart or hidden: say which was read
        self.row = 1
        self.carried: list[str] = []  # the header's columns paycalc does not read, carried through
        # a sheet's declared size (<dimension ref="A1:E2"/>) is never trusted: several writers leave a stale one,
        # and read to it a member's rows would go unread; the rows that are there are read
        self.workbook[self.sheet].reset_dimensions()
        self._rows = self.workbook[self.sheet].iter_rows(values_only=True)
        # a formula cell with no saved value reads as empty above, and is an error, never priced as empty
        # (a workbook written by a program and never opened has them): where the sheet holds a formula at
        # all, its rows are read a second time, in step, with their formulas
        self._formulas: Any = None
        self._formula_rows: Iterator[tuple[Any, ...]] = iter(())
        if _has_formulas(path, getattr(self.workbook[self.sheet], "_worksheet_path", None)):
            self._formulas = load_workbook(path, read_only=True, data_only=False)
            self._formulas[self.sheet].reset_dimensions()
            self._formula_rows = self._formulas[self.sheet].iter_rows(values_only=True)
            next(self._formula_rows, ())
        self.header = [_text(cell).strip() for cell in next(self._rows, ())]
        while self.header and not self.header[-1]:
            self.header.pop()

    def where(self, column: str | None = None, row: int | None = None) -> str:
        """The place as a spreadsheet user sees it: the row read last, or ``row``, and the column's letter."""
        place = f"{self.path}, sheet {self.sheet}, row {self.row if row is None else row}"
        if column in self.header:
            place += f", column {column_letter(self.header.index(column))}"
        return place

    def __iter__(self) -> Iterator[dict[str, str | None]]:
        width = len(self.header)
        for number, cells in enumerate(self._rows, start=2):
            self.row = number
            formulas = next(self._formula_rows, ())
            for index, cell in enumerate(cells):  # a cell that reads as a formula, but has no value saved
                if cell is None and index < len(formulas) and formulas[index] not in (None, ""):
                    raise InputError(
                        f"{self.path}, sheet {self.sheet}, row {number}, column {column_letter(index)}: a formula "
                        "with no saved value (open and save the workbook in a spreadsheet program, or paste "
                        "the values)"
                    )
            values = [_text(cell) for cell in cells]
            if not any(v.strip() for v in values):
                continue  # a blank row, as spreadsheets have at their end
            row: dict[str, str | None] = dict(zip(self.header, values[:width], strict=False))
            if any(v.strip() for v in values[width:]):
                row[None] = values[width:]  # type: ignore[index, assignment]  # like csv.DictReader: more cells than header
            yield row

    def close(self) -> None:
        self.workbook.close()
        if self._formulas is not None:
            self._formulas.close()
