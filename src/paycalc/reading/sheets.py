"""An .xlsx roster's rows, through openpyxl (imported only here, only when a spreadsheet is read).

The first visible sheet of rows (or a named one), its first row the header; dates become YYYY-MM-DD, numbers
their plain decimal text, so a spreadsheet roster is read by the same rules as its CSV twin. A sheet's declared
size is never trusted, a formula with no saved value is an error, and a workbook that unpacks too large is
refused before it is read.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import column_letter
from paycalc.reading import sheet_parse, sheet_pieces
from paycalc.reading.sheet_arrow import ArrowSheet
from paycalc.reading.sheet_text import cell_text, csv_body, header_names, uncollected
from paycalc.reading.workbook_parts import Structure

ARROW = True  # a sheet's text made from fastexcel's Arrow columns where it may be (tests set it False to hold the
# two readers to each other)
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


def _scan(path: str, member: str | None) -> bool:
    """Whether a sheet's XML holds a formula, read in chunks; True when it cannot be told."""
    import zipfile

    if member is None:
        return True
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as sheet:
            tail = b""
            while chunk := sheet.read(1 << 20):
                text = tail + chunk  # a mark cut by the chunk's end is found with the next chunk
                if sheet_pieces.marked(text, 0, len(text), errors=False):
                    return True
                tail = chunk[-6:]
    except (OSError, KeyError, zipfile.BadZipFile):
        return True
    return False


class SheetRows:
    """The rows of one sheet as text mappings, remembering where the last one came from."""

    def __init__(self, path: str, sheet: str | None) -> None:
        self.path = path
        _check_size(path)
        self.workbook: Any = None  # openpyxl's, where it reads the rows
        self._formulas: Any = None
        self._formula_rows: Iterator[tuple[Any, ...]] = iter(())
        fast = Structure.of(path)  # the workbook's sheets from its XML, without parsing a cell
        names, tables, visible = fast.sheets() if fast is not None else self._open_openpyxl()
        if sheet is not None and sheet not in names:
            raise InputError(f"{path} has no sheet {sheet!r} (its sheets: {', '.join(names)})")
        if sheet is not None and sheet not in tables:
            raise InputError(f"{path}: sheet {sheet!r} is a chart, not rows (give a sheet of rows with --sheet)")
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
        member = fast.member(self.sheet) if fast and fast.date1900 else None
        found = sheet_parse.read_fast(path, member, self.sheet, arrow=ARROW) if member else None
        self._arrow = found if isinstance(found, ArrowSheet) else None  # parsed as its pieces are asked for
        self._fast = found if not isinstance(found, ArrowSheet) else None
        self._lines: list[int] | None = None  # the sheet row of each line of the text made from Arrow
        self.arrow_tried = False  # its Arrow pieces asked for (once: then its rows are python-calamine's)
        if self._arrow is not None:  # its rows, where they are read one by one, python-calamine's (_settle)
            self.header = header_names(self._arrow.first_row)
            self._rows: Iterator[Sequence[Any]] = iter(())
        elif self._fast is not None:  # the same rows and values as openpyxl's (tests/test_sheet_reader.py holds them)
            # rows as wide as the sheet: a blank cell past a row's last reads as an absent one; the header from
            # the first piece, the rest of the sheet parsed meanwhile (:meth:`_settle`)
            self.header = header_names(self._fast.first_row())
            self._rows = itertools.islice(self._fast.rows(), 1, None)
        else:
            self._rows = self._openpyxl_rows(path)
            self.header = header_names(next(self._rows, ()))

    def _settle(self) -> None:
        """The sheet's parse finished; where its end turned the fast reader down (a formula or an error cell
        in a later piece, a number past a double, rows past the limit), its rows are openpyxl's from here. A
        sheet read as Arrow is read again by python-calamine, whose rows serve one by one."""
        self._from_arrow()
        if self._fast is None:
            return
        self._fast.finish()
        if self._fast.declined:
            self._fast = None
            self._rows = self._openpyxl_rows(self.path)
            next(self._rows, ())  # the header, as read before

    def _from_arrow(self) -> None:
        """A sheet read as Arrow read again by python-calamine (its rows one by one, or its text where fastexcel's
        could not serve), or by openpyxl where calamine declines it."""
        if self._arrow is None:
            return
        arrow, self._arrow = self._arrow, None
        arrow.close()
        self._lines = None
        self._fast = sheet_parse.calamine_rows(arrow.xml, arrow.parts, arrow.member, arrow.sheet)
        if self._fast is None:
            self._rows = self._openpyxl_rows(self.path)
            next(self._rows, ())  # the header, as read before
        else:
            self._rows = itertools.islice(self._fast.rows(), 1, None)

    def arrow_pieces(self) -> Iterator[tuple[Any, int]] | None:
        """The rows after the header as fastexcel parses them, a piece at a time (its Arrow columns and the row
        before its first: :meth:`paycalc.reading.sheet_arrow.ArrowSheet.pieces`, which raises ``Declined`` where
        they cannot serve); None where the sheet is not read so, or was tried so once already."""
        if self._arrow is None or self.arrow_tried:
            return None
        self.arrow_tried = True
        return self._arrow.pieces(len(self.header), sheet_parse.FAST_ROWS)

    def found_lines(self, lines: list[int]) -> None:
        """The sheet row of each line of the text made from :meth:`arrow_pieces` (its header line 1)."""
        self._lines = None if lines == list(range(2, len(lines) + 2)) else lines

    def stream(self) -> Iterator[str] | None:
        """The rows after the header as their CSV twin's text, a piece at a time as the sheet is parsed
        (:meth:`paycalc.reading.sheet_text.Cells.stream`: raises its ``Declined`` where the text cannot serve);
        None where the sheet is read already, or by openpyxl (:meth:`csv_body`)."""
        self._from_arrow()
        if self._fast is None or self._fast.more is None:
            return None
        return self._fast.stream(len(self.header))

    def _open_openpyxl(self) -> tuple[list[str], list[str], list[str]]:
        """The workbook through openpyxl (read only): its sheets, those of rows, and those of rows visible."""
        import zipfile

        from openpyxl import load_workbook

        if self.workbook is None:
            try:
                self.workbook = load_workbook(self.path, read_only=True, data_only=True)
            except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not an .xlsx workbook"
                raise InputError(f"cannot read the roster {self.path}: {reason}") from None
        names = self.workbook.sheetnames
        tables = [n for n in names if hasattr(self.workbook[n], "iter_rows")]  # not a chart sheet
        visible = [n for n in tables if getattr(self.workbook[n], "sheet_state", "visible") == "visible"]
        return names, tables, visible

    def _openpyxl_rows(self, path: str) -> Iterator[Sequence[Any]]:
        from openpyxl import load_workbook

        self._open_openpyxl()
        # a sheet's declared size (<dimension ref="A1:E2"/>) is never trusted: several writers leave a stale one,
        # and read to it a member's rows would go unread; the rows that are there are read
        self.workbook[self.sheet].reset_dimensions()
        rows = self.workbook[self.sheet].iter_rows(values_only=True)
        # a formula cell with no saved value reads as empty above, and is an error, never priced as empty
        # (a workbook written by a program and never opened has them): where the sheet holds a formula at
        # all, its rows are read a second time, in step, with their formulas
        if _scan(path, getattr(self.workbook[self.sheet], "_worksheet_path", None)):
            self._formulas = load_workbook(path, read_only=True, data_only=False)
            self._formulas[self.sheet].reset_dimensions()
            self._formula_rows = self._formulas[self.sheet].iter_rows(values_only=True)
            next(self._formula_rows, ())
        return rows  # type: ignore[no-any-return]

    def where(self, column: str | None = None, row: int | None = None) -> str:
        """The place as a spreadsheet user sees it: the row read last, or ``row``, and the column's letter."""
        place = f"{self.path}, sheet {self.sheet}, row {self.row if row is None else row}"
        if column in self.header:
            place += f", column {column_letter(self.header.index(column))}"
        return place

    @property
    def started(self) -> bool:
        """Whether its rows have begun to be read: they are read once (open the sheet again to read them again)."""
        return self.row > 1

    def __iter__(self) -> Iterator[dict[str, str | None]]:
        self._settle()
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
            values = [cell_text(cell) for cell in cells]
            if not any(v.strip() for v in values):
                continue  # a blank row, as spreadsheets have at their end
            row: dict[str, str | None] = dict(zip(self.header, values[:width], strict=False))
            if any(v.strip() for v in values[width:]):
                row[None] = values[width:]  # type: ignore[index, assignment]  # like csv.DictReader: more cells than header
            yield row

    def csv_body(self) -> str | None:
        """The rows after the header as their CSV twin's text, a column at a time
        (:func:`paycalc.reading.sheet_text.csv_body`), for a sheet calamine read; None for one openpyxl
        reads, or where a row has a cell past the header (row by row names it)."""
        self._settle()
        if self._fast is None:
            return None
        with uncollected():
            return csv_body(self._fast, len(self.header))

    def row_of(self, line: int) -> int:
        """The sheet row of line ``line`` of the text :meth:`csv_body` or :meth:`stream` made last (its header
        line 1)."""
        lines = self._fast.lines if self._fast is not None else self._lines
        return line if lines is None else lines[line - 2]

    def texts(self) -> Iterator[list[str]] | None:
        """The rows after the header as their cells' text, stripped, as wide as the header (a row with a cell
        past it comes longer), blank rows left out: what :meth:`__iter__` gives, as lists, for a CSV twin and
        about twice as fast. None where the sheet holds a formula (its rows are checked as they are read)."""
        self._settle()
        if self._formulas is not None:
            return None
        return self._texts()

    def _texts(self) -> Iterator[list[str]]:
        width, day = len(self.header), datetime.date
        for number, cells in enumerate(self._rows, start=2):
            self.row = number
            values = [c.strip() if c.__class__ is str else c.isoformat() if c.__class__ is day else cell_text(c).strip()
                      for c in cells]  # fmt: skip
            if not any(values):
                continue  # a blank row, as spreadsheets have at their end
            if len(values) < width:
                values += [""] * (width - len(values))
            elif not any(values[width:]):
                del values[width:]
            yield values  # still longer than the header: a cell past it

    def close(self) -> None:
        if self._arrow is not None:
            self._arrow.close()
        if self._fast is not None:
            self._fast.close()
        if self.workbook is not None:
            self.workbook.close()
        if self._formulas is not None:
            self._formulas.close()
