"""Rosters in and results out as .xlsx: the same retro as the CSV twin, typed cells, errors where a
spreadsheet user looks (file, sheet, row, column)."""

import datetime
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.contract.inputs import column_letter

runner = CliRunner()
HEADER = ["id", "title", "hired", "from", "to", "hours"]
ROWS = [
    ["A1", "Teacher Aide", datetime.datetime(2005, 9, 1), datetime.datetime(2013, 5, 1), "2014-09-30", None],
    ["A1", "Ed. Asst. B", datetime.date(2005, 9, 1), datetime.datetime(2014, 10, 1), "2014-12-31", 20],
    ["=SUM(1)", "Ed. Asst. B", "2005-09-01", "2013-05-01", datetime.datetime(2014, 9, 30), None],
]
CSV_TWIN = (
    "id,title,hired,from,to,hours\n"
    "A1,Teacher Aide,2005-09-01,2013-05-01,2014-09-30,\n"
    "A1,Ed. Asst. B,2005-09-01,2014-10-01,2014-12-31,20\n"
    "=SUM(1),Ed. Asst. B,2005-09-01,2013-05-01,2014-09-30,\n"
)


def workbook(path: Path, rows: list[list[object]], sheet: str = "Roster", first: str | None = None) -> Path:
    book = Workbook()
    if first:
        book.active.title = first  # type: ignore[union-attr]
        sheet_ = book.create_sheet(sheet)
    else:
        sheet_ = book.active
        sheet_.title = sheet  # type: ignore[union-attr]
    sheet_.append(HEADER)  # type: ignore[union-attr]
    for row in rows:
        sheet_.append(row)  # type: ignore[union-attr]
    sheet_["A4"].data_type = "s" if len(rows) >= 3 else sheet_["A4"].data_type  # type: ignore[index]
    book.save(path)
    return path


def test_an_xlsx_roster_gives_the_same_retro_as_its_csv_twin(tmp_path: Path) -> None:
    xlsx = workbook(tmp_path / "members.xlsx", ROWS)
    from_xlsx = runner.invoke(app, ["retro", "--roster", str(xlsx)])
    from_csv = runner.invoke(app, ["retro", "--roster", "-"], input=CSV_TWIN)
    assert from_xlsx.exit_code == 0, from_xlsx.output
    assert from_xlsx.stdout == from_csv.stdout
    assert from_xlsx.stdout.splitlines()[1] == "A1,2,36439.92,36032.02,407.90"


def test_the_output_xlsx_is_typed_and_never_a_formula(tmp_path: Path) -> None:
    xlsx = workbook(tmp_path / "members.xlsx", ROWS)
    out = tmp_path / "retro.xlsx"
    result = runner.invoke(app, ["retro", "--roster", str(xlsx), "--output", str(out)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    rows = [[cell for cell in row] for row in sheet.iter_rows()]  # type: ignore[union-attr]
    assert [c.value for c in rows[0]] == ["id", "rows", "owed", "paid", "retro"]
    ident, count, owed, paid, retro = rows[2]
    assert (ident.value, ident.data_type) == ("=SUM(1)", "s")  # text, not a formula
    assert count.value == 1
    assert (owed.value, owed.data_type, owed.number_format) == (38520.32, "n", "#,##0.00")
    assert Decimal(str(retro.value)) == Decimal("492.68") and paid.data_type == "n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_named_sheet(tmp_path: Path) -> None:
    xlsx = workbook(tmp_path / "members.xlsx", ROWS, sheet="Roster", first="Notes")
    result = runner.invoke(app, ["retro", "--roster", str(xlsx), "--sheet", "Roster"])
    assert result.exit_code == 0, result.output
    missing = runner.invoke(app, ["retro", "--roster", str(xlsx), "--sheet", "Members"])
    assert missing.exit_code == 1
    assert missing.stderr.startswith(f"Error: {xlsx} has no sheet 'Members' (its sheets: Notes, Roster)")


def test_errors_name_the_sheet_row_and_column(tmp_path: Path) -> None:
    rows = [ROWS[0], [*ROWS[1][:2], "soon", *ROWS[1][3:]], ROWS[2]]
    xlsx = workbook(tmp_path / "members.xlsx", rows)
    result = runner.invoke(app, ["retro", "--roster", str(xlsx)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: {xlsx}, sheet Roster, row 3, column C: hire date 'soon' is not a valid date"
    )
    skipped = runner.invoke(app, ["retro", "--roster", str(xlsx), "--skip-invalid"])
    assert skipped.exit_code == 3
    assert f"Skipped: {xlsx}, sheet Roster, row 3, column C: hire date 'soon'" in skipped.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--sheet", "Roster"], 2, "Error: --sheet applies only to an .xlsx roster"),
        (["--format", "json", "-o", "x.xlsx"], 2, "Error: --format json conflicts with --output x.xlsx"),
    ],
)
def test_spreadsheet_usage_errors(args: list[str], code: int, message: str) -> None:
    one = ["retro", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2013-05-01", "--to", "2013-05-31"]
    single = runner.invoke(app, [*one, "--output", "one.xlsx"])
    assert single.exit_code == 2
    assert single.stderr.startswith("Error: --output one.xlsx: a spreadsheet is written for --roster only")
    result = runner.invoke(app, ["retro", "--roster", "-", *args], input=CSV_TWIN)
    assert result.exit_code == code
    assert result.stderr.startswith(message)


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    fake = tmp_path / "members.xlsx"
    fake.write_text(CSV_TWIN)
    result = runner.invoke(app, ["retro", "--roster", str(fake)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot read the roster {fake}: not an .xlsx workbook")


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(index: int, letters: str) -> None:
    assert column_letter(index) == letters


def test_cost_reads_an_xlsx_roster(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "title", "hired", "hours"])  # type: ignore[union-attr]
    sheet.append(["A", "Teacher Aide", datetime.datetime(2014, 3, 1), None])  # type: ignore[union-attr]
    sheet.append(["B", "Ed. Asst. B", datetime.datetime(2000, 1, 10), 15])  # type: ignore[union-attr]
    path = tmp_path / "staff.xlsx"
    book.save(path)
    twin = "id,title,hired,hours\nA,Teacher Aide,2014-03-01,\nB,Ed. Asst. B,2000-01-10,15\n"
    args = ["cost", "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2019-06-30", "-f", "json"]
    from_xlsx = runner.invoke(app, [*args, "--roster", str(path)])
    from_csv = runner.invoke(app, [*args, "--roster", "-"], input=twin)
    assert from_xlsx.exit_code == 0, from_xlsx.output
    assert from_xlsx.stdout == from_csv.stdout


def _hidden_and_chart(path: Path) -> Path:
    from openpyxl.chart import BarChart, Reference

    book = Workbook()
    old = book.active
    old.title = "Old"
    for row in (
        ["id", "title", "hired", "from", "to"],
        ["9", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30"],
    ):
        old.append(row)
    old.sheet_state = "hidden"
    members = book.create_sheet("Members")
    for row in (
        ["id", "title", "hired", "from", "to"],
        ["1", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30"],
    ):
        members.append(row)
    chart = book.create_chartsheet("Chart")
    bars = BarChart()
    bars.add_data(Reference(members, min_col=1, min_row=1, max_row=2))
    chart.add_chart(bars)
    book.move_sheet("Chart", offset=-2)
    book.save(path)
    return path


def test_a_hidden_or_chart_sheet_is_never_read_silently(tmp_path: Path) -> None:
    roster = _hidden_and_chart(tmp_path / "members.xlsx")
    result = runner.invoke(app, ["retro", "--roster", str(roster)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("1,")  # the visible Members sheet, not the hidden Old one
    assert result.stderr == f"Reading sheet 'Members' of {roster}: the first visible sheet of rows\n"
    chart = runner.invoke(app, ["retro", "--roster", str(roster), "--sheet", "Chart"])
    assert chart.exit_code == 1
    assert chart.stderr == f"Error: {roster}: sheet 'Chart' is a chart, not rows (give a sheet of rows with --sheet)\n"
    hidden = runner.invoke(app, ["retro", "--roster", str(roster), "--sheet", "Old"])
    assert hidden.exit_code == 0 and hidden.stdout.splitlines()[1].startswith("9,")  # named: read as asked


def test_header_names_are_read_in_any_case_with_spaces_around(tmp_path: Path) -> None:
    plain = runner.invoke(
        app,
        ["retro", "--roster", "-"],
        input="id,title,hired,from,to\n1,Teacher Aide,2010-01-04,2013-05-01,2013-06-30\n",
    ).stdout
    shouted = runner.invoke(
        app,
        ["retro", "--roster", "-"],
        input=" ID ,Title,HIRED,From , TO\n1,Teacher Aide,2010-01-04,2013-05-01,2013-06-30\n",
    )
    assert shouted.exit_code == 0 and shouted.stdout == plain
    book = tmp_path / "m.xlsx"
    made = Workbook()
    for row in (["Id", " Title", "Hired"], ["1", "Teacher Aide", "2010-01-04"]):
        made.active.append(row)  # type: ignore[union-attr]
    made.save(book)
    costed = runner.invoke(
        app,
        ["cost", "--roster", str(book), "--proposal", "uft-2019-2022", "--from", "2019-07-01", "--to", "2019-12-31"],
    )
    assert costed.exit_code == 0, costed.output
    repeated = runner.invoke(app, ["retro", "--roster", "-"], input="id,ID,title,hired,from,to\n")
    assert repeated.exit_code == 1 and "columns named twice: id" in repeated.stderr


def test_formatted_blank_rows_and_trailing_blank_header_cells(tmp_path: Path) -> None:
    from openpyxl.styles import PatternFill

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "title", "hired", "from", "to", None, ""])  # type: ignore[union-attr]  # blank header cells
    sheet.append(["1", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30"])  # type: ignore[union-attr]
    for row in (3, 5, 6):  # formatted, but empty: as spreadsheets keep them
        for column in "ABCDE":
            sheet[f"{column}{row}"].fill = PatternFill("solid", fgColor="FFFF00")  # type: ignore[index]
    sheet.append([])  # type: ignore[union-attr]
    sheet.append(["2", "Ed. Asst. B", "2005-09-01", "2013-05-01", "2013-06-30"])  # type: ignore[union-attr]
    book.save(tmp_path / "m.xlsx")
    csv_text = "id,title,hired,from,to\n1,Teacher Aide,2010-01-04,2013-05-01,2013-06-30\n"
    csv_text += "2,Ed. Asst. B,2005-09-01,2013-05-01,2013-06-30\n"
    from_csv = runner.invoke(app, ["retro", "--roster", "-"], input=csv_text)
    from_xlsx = runner.invoke(app, ["retro", "--roster", str(tmp_path / "m.xlsx")])
    assert from_xlsx.exit_code == 0, from_xlsx.output
    assert from_xlsx.stdout == from_csv.stdout
    assert len(from_xlsx.stdout.splitlines()) == 3  # the header and both ids


def test_an_inflated_workbook_meets_a_cap_named_in_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from paycalc.reading import sheets as spreadsheet

    book = workbook(tmp_path / "m.xlsx", [["1", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30", None]])
    monkeypatch.setattr(spreadsheet, "MAX_UNPACKED", 4 << 10)  # 4 KiB: this small workbook unpacks to more
    for command in (["retro", "--roster", str(book)], ["cost", "--roster", str(book), "--proposal", "uft-2019-2022",
                    "--from", "2019-07-01", "--to", "2020-06-30"]):  # fmt: skip
        result = runner.invoke(app, command)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: {book} unpacks to ")
        assert "KiB, over the 4 KiB cap of an .xlsx roster (save a roster this large as CSV)" in result.stderr


def test_typed_cells_read_as_their_csv_text(tmp_path: Path) -> None:
    import datetime

    typed = workbook(
        tmp_path / "typed.xlsx",
        [
            ["A", "Teacher Aide", datetime.datetime(2005, 9, 1), datetime.date(2013, 5, 1), "2013-06-30", 17.5],
            ["B", "Teacher Aide", datetime.datetime(2005, 9, 1), "2013-05-01", "2013-06-30", 20.0],
        ],
    )
    text = workbook(
        tmp_path / "text.xlsx",
        [
            ["A", "Teacher Aide", "2005-09-01", "2013-05-01", "2013-06-30", "17.5"],
            ["B", "Teacher Aide", "2005-09-01", "2013-05-01", "2013-06-30", "20"],
        ],
    )
    first, second = (runner.invoke(app, ["retro", "--roster", str(book)]) for book in (typed, text))
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    for cell, shown in (
        (datetime.datetime(2005, 9, 1, 12, 30), "2005-09-01 12:30:00"),
        (True, "TRUE"),
        (17.25, "17.25"),
    ):
        book = workbook(tmp_path / "odd.xlsx", [["A", "Teacher Aide", cell, "2013-05-01", "2013-06-30", None]])
        result = runner.invoke(app, ["retro", "--roster", str(book)])
        assert result.exit_code == 1 and f"'{shown}'" in result.stderr, (cell, result.stderr)


def test_byte_counts_for_people() -> None:
    from paycalc.reading.sheets import _size

    assert [_size(n) for n in (500, 12 << 10, 1 << 20, 1 << 30, 3 << 29, 1_174_405_120)] == [
        "500 bytes", "12 KiB", "1 MiB", "1 GiB", "1.5 GiB", "1.1 GiB",
    ]  # fmt: skip


def test_a_workbook_exactly_at_the_cap_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:

    from paycalc.reading import sheets as spreadsheet

    book = workbook(tmp_path / "m.xlsx", [["1", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30", None]])
    with zipfile.ZipFile(book) as archive:
        size = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(spreadsheet, "MAX_UNPACKED", size)
    assert runner.invoke(app, ["retro", "--roster", str(book)]).exit_code == 0
    monkeypatch.setattr(spreadsheet, "MAX_UNPACKED", size - 1)
    assert runner.invoke(app, ["retro", "--roster", str(book)]).exit_code == 1


def test_only_a_sheet_with_formulas_is_read_a_second_time(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from paycalc.reading.sheets import SheetRows

    plain = workbook(tmp_path / "plain.xlsx", [["1", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30", 20]])
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(["1", "Teacher Aide", "2010-01-04", "2013-05-01", "2013-06-30", "=40/2"])
    book.save(tmp_path / "formula.xlsx")
    rows = SheetRows(str(plain), None)
    assert rows._formulas is None and len(list(rows)) == 1
    rows.close()
    rows = SheetRows(str(tmp_path / "formula.xlsx"), None)
    assert rows._formulas is not None
    rows.close()
