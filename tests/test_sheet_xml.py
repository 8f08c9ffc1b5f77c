"""The workbook writer (:mod:`paycalc.output.sheet_xml`) against two readers it does not share code with:
openpyxl (every value, type, number format, the frozen rows, widths and the bold title line) and calamine (the
values), on random cells of every kind paycalc writes."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.output import sheet_xml
from paycalc.output.spreadsheet import Percent, Quantity, write, write_sheets

pieces = st.sampled_from(["\r", "\n", "\r\n", "\t", " ", "&", "<", ">", '"', "_x0041_", "_x", "=", "\x01", "\uffff"])
texts = st.lists(st.one_of(st.characters(blacklist_categories=["Cs"]), pieces), max_size=8).map("".join)
money = st.decimals(-(10**9), 10**9, places=2, allow_nan=False, allow_infinity=False)
days = st.dates(datetime.date(1900, 3, 1), datetime.date(2199, 12, 31))
cells = st.one_of(texts, money, days, st.integers(-(10**12), 10**12), st.none())


def _escaped(text: str) -> str:
    """A string as the format writes it (what openpyxl, which reads it verbatim, gives back): characters XML
    cannot hold as ``_xHHHH_``, and ``_`` before text that would read as such an escape as ``_x005F_``."""
    return re.sub(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)", lambda m: f"_x{ord(m[0]):04X}_", text
    )


def _openpyxl_value(value: Any) -> Any:
    """What openpyxl reads back for a value paycalc wrote (money as a float, a date at midnight)."""
    if isinstance(value, str):
        return _escaped(value)
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral() else int(value)
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    return value


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(cells, min_size=3, max_size=3), max_size=8))
def test_every_cell_reads_back_as_written(rows: list[list[Any]]) -> None:
    out = io.BytesIO()
    write(out, ["a", "b", "c"], rows, sheet="Results")
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    assert sheet is not None and sheet.title == "Results" and sheet.freeze_panes == "A2"
    read = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2, max_col=3)]
    read += [[None, None, None]] * (len(rows) - len(read))  # trailing empty rows are not read back
    assert read == [[_openpyxl_value(v) for v in row] for row in rows]
    for row, got in zip(rows, sheet.iter_rows(min_row=2, max_col=3), strict=False):
        for value, cell in zip(row, got, strict=True):
            if isinstance(value, str):
                assert (cell.data_type, cell.number_format) == ("s", "@")
                assert cell.quotePrefix is value.startswith(("=", "+", "-", "@", "\t", "\r"))
            elif isinstance(value, Decimal):
                assert cell.number_format == "#,##0.00"
            elif isinstance(value, datetime.date):
                assert cell.number_format == "yyyy-mm-dd" and cell.is_date
            elif isinstance(value, int):
                assert cell.number_format == "0"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(texts, money, days), min_size=1, max_size=6))
def test_calamine_reads_what_is_written(rows: list[tuple[str, Decimal, datetime.date]]) -> None:
    from python_calamine import CalamineWorkbook

    out = io.BytesIO()
    write(out, ["name", "owed", "day"], rows)
    got = CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue())).get_sheet_by_index(0).to_python()
    assert got[0] == ["name", "owed", "day"]
    for (text, amount, day), (read_text, read_amount, read_day) in zip(rows, got[1:], strict=True):
        if "\ufffe" not in text and "\uffff" not in text:  # calamine leaves their escapes as written
            assert read_text in (text, _escaped(text))
        assert Decimal(str(read_amount)) == amount and read_day == day


def test_percents_quantities_titles_and_several_sheets(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    with path.open("wb") as out:
        rows = [[Percent("6.08"), Quantity("17.5"), Decimal("1234.5")]]
        write_sheets(out, [("FY2026", ["raise", "hours", "cost"], rows), ("A & B", ["x"], [["<b>"]])], "Offer 1")
    book = load_workbook(path)
    assert book.sheetnames == ["FY2026", "A & B"]
    first, second = book.worksheets
    assert first["A1"].value == "Offer 1 (FY2026)" and first["A1"].font.b and first.freeze_panes == "A3"
    assert [c.value for c in first[2]] == ["raise", "hours", "cost"]
    raised, hours, cost = first[3]
    assert (raised.value, raised.number_format) == (0.0608, "0.00%")
    assert (hours.value, hours.number_format) == (17.5, "General")
    assert (cost.value, cost.number_format) == (1234.5, "#,##0.00")
    assert second["A3"].value == "<b>" and second["A1"].value == "Offer 1 (A & B)"
    # each column as wide as its widest header or figure, and two more: "Offer 1 (FY2026)" is left out
    assert [first.column_dimensions[c].width for c in "ABC"] == [
        len("raise") + 2,
        len("hours") + 2,
        len("1,234.50") + 2,
    ]


def test_a_roster_id_with_a_control_character_is_written_to_a_workbook(tmp_path: Path) -> None:
    """openpyxl refused such a cell (an internal error); the format's own escape writes it."""
    roster = tmp_path / "members.csv"
    roster.write_text("id,title,hired,from,to\nA\x01B,Ed. Asst. B,2005-09-01,2013-05-01,2014-09-30\n")
    out = tmp_path / "out.xlsx"
    result = CliRunner().invoke(app, ["retro", "--roster", str(roster), "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert sheet is not None and [c.value for c in sheet[2]] == ["A_x0001_B", 1, 38520.32, 38027.64, 492.68]
    with zipfile.ZipFile(out) as book:
        assert book.testzip() is None


def test_rows_built_elsewhere_go_only_where_they_are_numbered() -> None:
    from paycalc.output import sheet_xml

    built = sheet_xml.Built(b'<row r="2"><c r="A2" s="1" t="inlineStr"><is><t>x</t></is></c></row>', 2, 1)
    out = io.BytesIO()
    sheet_xml.write(out, [("S", 1, [4.0], [[(sheet_xml.TEXT, "h")], built])])
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    assert sheet is not None and [c.value for c in sheet["A"]] == ["h", "x"]
    with pytest.raises(ValueError, match="rows built from row 2 given at row 1"):
        sheet_xml.write(io.BytesIO(), [("S", 1, [4.0], [built])])


@given(st.text(alphabet="ab&<>\"'\n\r\t é"))
def test_text_and_names_are_escaped_as_the_standard_library_escapes_them(value: str) -> None:
    """sheet_xml escapes by hand (xml.sax.saxutils imports urllib and http: a twentieth of a second on every
    roster run); what it writes is what saxutils writes."""
    from xml.sax.saxutils import escape, quoteattr

    assert sheet_xml._attribute(value) == quoteattr(value)
    assert sheet_xml._escaped(value) == escape(value)
