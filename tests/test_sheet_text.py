"""A sheet's CSV twin made from a table of its distinct values (#30: ``reading.sheet_text``) against the rows the
row-by-row path reads, each written by :class:`csv.writer`: on random sheets of every cell type, blank rows and
columns, rows longer than the header, text needing quotes. Where the table cannot serve (a true/false cell, a
cell past the header) it gives nothing, and the twin is made row by row."""

from __future__ import annotations

import csv
import datetime
import gc
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from paycalc.reading import sheet_text, sheets
from tests.test_sheet_reader import CELLS

HEADER = ["id", "title", "hired", "x", "y"]


def _saved(tmp_path: Path, body: list[list[Any]], blank_columns: int = 0) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r, row in enumerate([HEADER, *body], start=1):
        for c, value in enumerate(row, start=1 + blank_columns):
            if value is not None:
                sheet.cell(r, c, value)
    path = tmp_path / "roster.xlsx"
    book.save(path)
    return path


def _row_by_row(path: Path) -> tuple[str | None, bool]:
    """The rows as the row-by-row path reads them, written by csv.writer; None where a row has a cell past the
    header (the path refuses it). And whether calamine read the sheet."""
    rows = sheets.SheetRows(str(path), None)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        if None in row:
            return None, rows._fast is not None
        writer.writerow([(row.get(name) or "").strip() for name in rows.header])
    return out.getvalue(), rows._fast is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(CELLS, min_size=0, max_size=7), min_size=0, max_size=8),
    st.integers(0, 1),  # a blank column before the table: a header name blank
)
@example([["Smith, Jane", 'O"Neil', "a\nb", 1.0, datetime.date(2009, 9, 1)]], 0)  # quoted cells
@example([["x", " ", None, "\t", ""], [" ", "\t"], [], ["y"]], 0)  # blank cells and blank rows, left out
@example([["1", "Teacher Aide", None, None, None, None, "past"]], 0)  # a cell past the header: refused
@example([[1, True, 1.0, False, 0]], 0)  # True == 1: the table cannot serve
@example([["1", "x", False], ["2", "y", 3.0]], 0)  # a false cell alone in its column (it equals none)
@example([["Smith,", ",Jane", "a,b"], ["Lee", "Min", "c"]], 0)  # a comma at either end of a cell: quoted too
@example([[2**53 + 1, "x"]], 0)  # one more than a double holds whole: openpyxl reads the sheet
def test_the_twin_from_a_table_of_values_is_the_rows_written_one_by_one(
    tmp_path: Path, body: list[list[Any]], blank_columns: int
) -> None:
    path = _saved(tmp_path, body, blank_columns)
    rows = sheets.SheetRows(str(path), None)
    made = rows.csv_body()
    assert gc.isenabled()  # the collector, off while the cells are made, is on again
    expected, fast = _row_by_row(path)
    truths = any(isinstance(value, bool) for row in body for value in row)
    if truths or not fast:
        assert made is None
    else:
        assert made == expected


def test_rows_narrower_than_the_header_are_padded_and_a_sheet_of_one_column_is_left_to_the_rows(
    tmp_path: Path,
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired", "", ""])  # the header's blank names past its last: not columns
    sheet.append(["E1", "Teacher Aide"])
    sheet.append(["E2", None, datetime.date(2001, 2, 3)])
    path = tmp_path / "narrow.xlsx"
    book.save(path)
    rows = sheets.SheetRows(str(path), None)
    assert rows.header == ["id", "title", "hired"]
    assert rows.csv_body() == "E1,Teacher Aide,\nE2,,2001-02-03\n"
    one = Workbook()
    only = one.active
    assert only is not None
    only.append(["id"])
    only.append(["E1"])
    one.save(tmp_path / "one.xlsx")
    assert sheets.SheetRows(str(tmp_path / "one.xlsx"), None).csv_body() is None


@pytest.mark.parametrize("kind", ["formula", "error", "true or false"])
def test_the_scan_beside_calamine_sends_formulas_and_errors_to_openpyxl_and_truths_row_by_row(
    tmp_path: Path, kind: str
) -> None:
    """The sheet's XML is scanned in a thread while calamine parses it: what the scan finds decides."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired"])
    sheet.append(["E1", "Teacher Aide", datetime.date(2010, 1, 4)])
    if kind == "formula":
        sheet["D2"] = "=1+1"
    elif kind == "error":
        sheet["D2"] = "#N/A"
        sheet["D2"].data_type = "e"
    else:
        sheet["D2"] = True
    path = tmp_path / "roster.xlsx"
    book.save(path)
    rows = sheets.SheetRows(str(path), None)
    if kind == "true or false":
        assert rows.csv_body() is None
        assert rows._fast is not None and rows._fast.truths  # read by calamine, made into text row by row
    else:
        assert rows._fast is None and rows.workbook is not None  # read by openpyxl
    rows.close()


def test_rows_of_several_widths_are_left_to_the_rows() -> None:
    """calamine gives rows as wide as the sheet; rows of several widths (from any other reader) are not guessed."""
    cells = sheet_text.Cells([["id", "title", "hired"], ["E1", "Teacher Aide", ""], ["E2", "Teacher Aide"]])
    cells.truths = False
    assert sheet_text.csv_body(cells, 3) is None
    cells = sheet_text.Cells([["id", "title", "hired"], ["E1", "Teacher Aide", ""], ["E2", "Teacher Aide", ""]])
    cells.truths = False
    assert sheet_text.csv_body(cells, 3) == "E1,Teacher Aide,\nE2,Teacher Aide,\n"
