"""Spreadsheet rosters and outputs at their edges: the cap as shipped, no visible sheet, a formula-like
cell kept text, a row shorter than its header."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from paycalc.cli import app
from tests.test_spreadsheet import ROWS, runner, workbook


def test_a_workbook_declaring_more_than_a_gibibyte_meets_the_real_cap(tmp_path: Path) -> None:
    """The cap as shipped, 1 GiB: a small workbook whose zip directory declares its sheet at 1 GiB (as a
    zip bomb's would) is refused before a byte of it is unpacked."""
    import struct

    book = workbook(tmp_path / "m.xlsx", [["1", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30", None]])
    data = bytearray(book.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    entry = data.index(b"PK\x01\x02" + b"", data.index(name) - 100)  # the sheet's central directory entry
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 24, 1 << 30)  # its uncompressed size
    book.write_bytes(bytes(data))
    result = runner.invoke(app, ["retro", "--roster", str(book)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {book} unpacks to 1.0 GiB, over the 1 GiB cap of an .xlsx roster")


def test_a_workbook_whose_only_sheet_of_rows_is_hidden_is_read_when_named(tmp_path: Path) -> None:
    book = Workbook()
    only = book.active
    only.title = "Old"
    only.append(["id", "title", "hired", "from", "to"])
    only.append(["9", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30"])
    book.create_sheet("Notes").append(["nothing here"])
    only.sheet_state = "hidden"
    book.save(tmp_path / "saved.xlsx")  # openpyxl saves no workbook without a visible sheet: hide Notes after
    path = tmp_path / "hidden.xlsx"
    with zipfile.ZipFile(tmp_path / "saved.xlsx") as saved, zipfile.ZipFile(path, "w") as hidden:
        for item in saved.infolist():
            data = saved.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(b'sheetId="2" state="visible"', b'sheetId="2" state="hidden"')
                assert b'state="visible"' not in data
            hidden.writestr(item, data)
    result = runner.invoke(app, ["retro", "--roster", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path} has no visible sheet of rows (give one with --sheet; its sheets: Old, Notes)\n"
    )
    named = runner.invoke(app, ["retro", "--roster", str(path), "--sheet", "Old"])
    assert named.exit_code == 0 and named.stdout.splitlines()[1].startswith("9,")


def test_an_xlsx_output_marks_a_cell_that_looks_like_a_formula_as_text_to_keep(tmp_path: Path) -> None:
    xlsx = workbook(tmp_path / "members.xlsx", ROWS)
    out = tmp_path / "retro.xlsx"
    assert runner.invoke(app, ["retro", "--roster", str(xlsx), "--output", str(out)]).exit_code == 0
    sheet = load_workbook(out).active
    ident = sheet["A3"]  # type: ignore[index]
    assert (ident.value, ident.data_type, ident.quotePrefix) == ("=SUM(1)", "s", True)  # editing keeps it text
    assert sheet["A2"].quotePrefix is False  # type: ignore[index]


def test_a_row_shorter_than_the_header_reads_its_missing_cells_as_empty(tmp_path: Path) -> None:
    import zipfile as zf

    book = workbook(tmp_path / "short.xlsx", [["S1", "Teacher Aide", "2005-09-01", "2013-05-01", "2014-09-30"]])
    # the header has a sixth column (hours); the row has five cells, and the sheet no dimension to pad it by
    saved = tmp_path / "saved.xlsx"
    book.rename(saved)
    with zf.ZipFile(saved) as source, zf.ZipFile(book, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                start = data.index(b"<dimension")
                data = data[:start] + data[data.index(b"/>", start) + 2 :]
            target.writestr(item, data)
    result = runner.invoke(app, ["retro", "--roster", str(book)])
    assert result.exit_code == 0, result.output
    twin = tmp_path / "short.csv"
    twin.write_text("id,title,hired,from,to,hours\nS1,Teacher Aide,2005-09-01,2013-05-01,2014-09-30,\n")
    assert result.stdout == runner.invoke(app, ["retro", "--roster", str(twin)]).stdout
