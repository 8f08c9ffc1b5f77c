"""The fast .xlsx reader (python-calamine) against openpyxl's (#30): on random sheets of every cell type a
roster holds (whole and fractional numbers, text, dates, date-times, times, booleans, blanks), with blank rows
and columns before and among the rows, the rows read are the same text, row for row. Where the fast reader
must not answer (a formula, an error cell, the 1904 date system, a number past 2**53), openpyxl reads."""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar, columnar_cost
from paycalc.reading import sheet_parse, sheet_pieces, sheets, workbook_parts
from tests.test_columnar import NYC, roster

CELLS = st.one_of(
    st.none(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    st.text(alphabet="abc ,\"'=-é0123456789 \t\n", max_size=8).filter(lambda t: not t.startswith("=")),  # not a formula
    st.dates(datetime.date(1901, 1, 1), datetime.date(2099, 12, 31)),
    st.datetimes(datetime.datetime(1901, 1, 1), datetime.datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    ),
    st.times().map(lambda t: t.replace(microsecond=0)),
    st.booleans(),
)


def _plain(value: Any) -> Any:
    """A row's extra cells (past the header: an error, whatever they hold) without their trailing blanks."""
    if isinstance(value, list):
        while value and not value[-1]:
            value = value[:-1]
    return value


def _read(path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str], list[Any]]:
    """The sheet chosen, its header and rows: read fast (the sheets from the workbook's XML, the rows by
    calamine, which must answer), or all through openpyxl, the reference."""
    asked: list[bool] = []
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(sheet_parse, "calamine_rows", lambda *_: None)
            patch.setattr(workbook_parts.Structure, "of", classmethod(lambda *_: None))
        else:  # the fast reader answered: not a silent fall back to openpyxl
            real = sheet_parse.calamine_rows
            patch.setattr(
                sheet_parse, "calamine_rows", lambda *a: asked.append(True) or real(*a) or pytest.fail("declined")
            )
        rows = sheets.SheetRows(str(path), None)
        found = [{k: _plain(v) for k, v in row.items() if v} for row in rows]  # a blank cell reads as an absent one
        rows.close()
    assert asked == ([True] if fast else [])
    return rows.sheet, rows.header, found


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(0, 2),  # blank rows before the header
    st.integers(0, 2),  # blank columns before it
    st.lists(st.lists(CELLS, min_size=1, max_size=5), min_size=1, max_size=6),
    st.sampled_from(["", "hidden", "veryHidden"]),  # a first sheet that is not the roster (test_spreadsheet: charts)
    st.sampled_from([1 << 20, 1]),  # the sheet parsed whole, or in a piece per row (reading.sheet_pieces)
)
@example(0, 0, [[1, " ", "\t"]], "", 1 << 20)  # cells of white space alone, which calamine reads as blank
def test_the_fast_reader_reads_what_openpyxl_reads(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    blank_rows: int,
    blank_columns: int,
    body: list[list[Any]],
    first: str,
    piece: int,
) -> None:
    monkeypatch.setattr(sheet_pieces, "piece_bytes", lambda _: piece)
    book = Workbook()
    if first:
        book.active.sheet_state = first  # type: ignore[union-attr]
        book.active.append(["not", "this"])  # type: ignore[union-attr]
    sheet = book.create_sheet("Roster") if first else book.active
    assert sheet is not None
    for r, row in enumerate([["id", "title", "hired", "x", "y"], *body], start=1 + blank_rows):
        for c, value in enumerate(row, start=1 + blank_columns):
            if value is not None:
                sheet.cell(r, c, value)
    path = tmp_path / "roster.xlsx"
    book.save(path)
    assert _read(path, True, monkeypatch) == _read(path, False, monkeypatch)


@pytest.mark.parametrize("kind", ["formula", "error", "1904", "long number"])
def test_where_the_fast_reader_must_not_answer_openpyxl_reads(tmp_path: Path, kind: str) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired"])
    sheet.append([1, "Teacher Aide", datetime.date(2010, 1, 4)])
    if kind == "formula":
        sheet["D2"] = "=1+1"
    elif kind == "error":
        sheet["D2"] = "#N/A"
        sheet["D2"].data_type = "e"
    elif kind == "1904":
        book.epoch = datetime.datetime(1904, 1, 1)
    else:
        sheet["D2"] = 2**53 + 1  # one digit more than a double keeps (it reads 2**53)
    path = tmp_path / "roster.xlsx"
    book.save(path)
    rows = sheets.SheetRows(str(path), None)
    if kind == "long number":  # fastexcel's reader declines it when its text is made, then python-calamine
        list(rows)
    assert rows._fast is None and rows.workbook is not None  # calamine declined, or the scan beside it found them
    rows.close()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), dated=st.booleans(), piece=st.sampled_from([1 << 20, 300]))
def test_a_workbook_roster_is_priced_in_columns_as_row_by_row_prices_it(
    tmp_path: Path, seed: int, dated: bool, piece: int
) -> None:
    """The roster as a committee's workbook (dates as date cells or text, hours as numbers, names with commas)
    takes the columnar path through its CSV twin, and answers to the byte what the row-by-row path answers;
    parsed whole, or in pieces of a few rows whose text is priced in small blocks as the pieces come."""
    rng = random.Random(seed)
    names = ["Smith, Jane", "Ortiz", "=Evil, Eve", "Zoë, Ana", "", "- Nuñez, Rosa", "O'Neil", " Lee "]
    extra = {"hours": ["", "20", "17.5"], "name": [f'"{n}"' if "," in n else n for n in names]}
    text = roster(rng, [*NYC, " Teacher Aide "], rng.randrange(1, 40), datetime.date(2008, 6, 1), 3600, extra)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for n, row in enumerate(csv.reader(io.StringIO(text))):
        cells: list[Any] = list(row)
        if n and dated:
            cells[2:5] = [datetime.date.fromisoformat(day) for day in row[2:5]]
        if n and row[5]:
            cells[5] = float(row[5])
        sheet.append([cell if cell != "" else None for cell in cells])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that reads like a formula, saved as the text it is
    path = tmp_path / "members.xlsx"
    book.save(path)
    runner = CliRunner()
    scalar = runner.invoke(app, ["retro", "--roster", str(path)], env={"PAYCALC_ROW_BY_ROW": "1"})
    taken: list[bool] = []
    real = columnar.priced
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columnar, "priced", lambda *a, **k: taken.append(real(*a, **k)) or taken[-1])
        patch.setattr(sheet_pieces, "piece_bytes", lambda _: piece)
        patch.setattr(columnar, "BLOCK", 800 if piece < 1000 else columnar.BLOCK)
        columns = runner.invoke(app, ["retro", "--roster", str(path)], env={"PAYCALC_ROW_BY_ROW": ""})
    assert (scalar.exit_code, columns.exit_code) == (0, 0), scalar.output + columns.output
    assert columns.stdout == scalar.stdout
    assert taken == [True]
    assert columns.stderr.count("carried through, not read: name") == 1  # said once, not again for the twin


def test_a_workbook_roster_is_costed_in_columns_as_member_by_member_costs_it(tmp_path: Path) -> None:
    rng = random.Random(5)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Employee ID", "Name", "Title", "Hire Date", "hours"])
    for n in range(60):  # a costing roster: one row a member, dates as date cells, hours as numbers
        hired = datetime.date(1990, 1, 1) + datetime.timedelta(days=rng.randrange(11000))
        sheet.append(
            [f"E{n:03d}", rng.choice(["Smith, Jane", "Ortiz"]), rng.choice(NYC), hired, rng.choice([None, 20])]
        )
    path = tmp_path / "members.xlsx"
    book.save(path)
    args = ["cost", "--roster", str(path), "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2020-06-30"]
    runner = CliRunner()
    scalar = runner.invoke(app, [*args, "-f", "json"], env={"PAYCALC_ROW_BY_ROW": "1"})
    taken: list[object] = []
    real = columnar_cost.costed
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columnar_cost, "costed", lambda *a: taken.append(real(*a)) or taken[-1])
        columns = runner.invoke(app, [*args, "-f", "json"], env={"PAYCALC_ROW_BY_ROW": ""})
    assert (scalar.exit_code, columns.exit_code) == (0, 0), scalar.output + columns.output
    assert columns.stdout == scalar.stdout
    assert len(taken) == 1 and taken[0] is not None  # the columns answered


def test_a_sheet_longer_than_the_fast_limit_streams_through_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for n in range(5):  # five rows: the header and four members
        sheet.append([n or "id", "Teacher Aide" if n else "title"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    for piece in (1 << 20, 1):  # the sheet parsed whole, and in a piece per row (the last turned down late)
        monkeypatch.setattr(sheet_pieces, "piece_bytes", lambda _, piece=piece: piece)
        for limit, fast in ((5, True), (4, False)):  # as long as the limit: read whole; one row longer: streamed
            monkeypatch.setattr(sheet_parse, "FAST_ROWS", limit)
            rows = sheets.SheetRows(str(path), "Sheet")
            assert [row["id"] for row in rows] == ["1", "2", "3", "4"]
            assert (rows._fast is not None, rows.workbook is None) == (fast, fast)
            rows.close()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), proposal=st.booleans())
def test_json_and_workbook_outputs_are_priced_in_columns_as_row_by_row_writes_them(
    tmp_path: Path, seed: int, proposal: bool
) -> None:
    """JSON is written by the columns, .xlsx outputs from the columns' totals read back: the same JSON to the
    byte, the same cells (values and formats) in the workbook; for a workbook, a guarded cell, which reads back
    like a user's own apostrophe, goes row by row (JSON guards no cell, and takes them all)."""

    rng = random.Random(seed)
    names = ["Smith, Jane", "=Evil", "'=Own", "Zoë", ""]
    extra = {"name": [f'"{n}"' if "," in n else n for n in names]}
    text = roster(rng, NYC, rng.randrange(1, 30), datetime.date(2008, 6, 1), 3600, extra)
    source = tmp_path / "members.csv"
    source.write_text(text)
    offer = ["--proposal", "uft-2019-2022"] if proposal else []
    for out in ("json", "xlsx"):
        outputs, answered = {}, []
        for mode in ("1", ""):
            path = tmp_path / f"out{mode}.{out}"
            args = [
                "retro",
                "--roster",
                str(source),
                *offer,
                "-o",
                str(path),
                *(["-f", "json"] if out == "json" else []),
            ]
            answered = _through_columns(args, mode)
            outputs[mode] = _written(path)
        assert outputs[""] == outputs["1"]
        # a cell the CSV guards (=Evil, written '=Evil) reads back like a user's own '=Own: either goes row by row
        guarded = any(line.endswith((",=Evil", ",'=Own")) for line in text.splitlines())
        assert answered == ([True] if out == "json" else [not guarded])


def _written(path: Path) -> Any:
    """An output as the tests compare it: a JSON file's bytes, a workbook's cells (value, format, type)."""
    if path.suffix == ".json":
        return path.read_bytes()
    sheet = load_workbook(path).active
    assert sheet is not None
    return [[(c.value, c.number_format, c.data_type) for c in row] for row in sheet.iter_rows()]


def _through_columns(args: list[str], mode: str) -> list[bool]:
    """Run paycalc; whether the columns wrote the output (each try: the columns' own writer of CSV or JSON,
    then a workbook written from the totals read back)."""
    from paycalc.jobs import columnar, totals_csv

    answered: list[bool] = []
    real, direct = totals_csv.through_csv, columnar.priced

    def priced(*a: Any) -> bool:
        done = direct(*a)
        as_json = len(a) > 7 and a[7]  # priced(source, output, contract, method, jobs, header_of, split, as_json, ..)
        if as_json or not a[1].endswith(".csv"):  # JSON, or the output itself (not the totals' temporary CSV)
            answered.append(done)
        return done

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(totals_csv, "through_csv", lambda *a: answered.append(real(*a)) or answered[-1])
        patch.setattr(columnar, "priced", priced)
        done = CliRunner().invoke(app, args, env={"PAYCALC_ROW_BY_ROW": mode})
    assert done.exit_code == 0, done.output
    return answered


@pytest.mark.parametrize("out", ["json", "xlsx"])
def test_under_a_proposal_the_columns_write_json_and_workbooks_with_the_schedules_paid(
    tmp_path: Path, out: str
) -> None:

    offer = tmp_path / "two.yaml"
    offer.write_text("name: 2% (test)\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-09-14, percent: 2}\n")
    source = tmp_path / "members.csv"
    source.write_text(
        "id,title,hired,from,to,name\n"
        '1,Teacher Aide,2010-01-04,2018-07-01,2019-06-30,"Diaz, Ana"\n'
        "2,Ed. Asst. B,2001-02-05,2019-01-01,2019-12-31,Ortiz\n"
        "2,Ed. Assoc.,2001-02-05,2020-01-01,2020-06-30,Ortiz\n"
    )
    found = {}
    for mode in ("1", ""):
        path = tmp_path / f"out{mode}.{out}"
        args = ["retro", "--roster", str(source), "--proposal", str(offer), "-o", str(path)]
        answered = _through_columns([*args, *(["-f", "json"] if out == "json" else [])], mode)
        found[mode] = _written(path)
    assert found[""] == found["1"] and answered == [True]  # the columns wrote it, the same as row by row
    if out == "json":
        assert json.loads(found[""])[1]["schedule_paid"] == "2018-06-16"  # the status quo its rows were paid


@pytest.mark.parametrize("out", ["json", "xlsx"])
def test_where_the_columns_decline_a_json_or_workbook_output_is_written_row_by_row(tmp_path: Path, out: str) -> None:
    """A line break inside quotes and a doubled quote ("O""Neil") are read in columns, their JSON (which escapes
    them) through the CSV read back: the output is the same as row by row; a name whose second character is a
    trigger (A-Team) is no guarded cell, and stays in columns."""
    taken = {"json": ([False, True], [False, True], [True]), "xlsx": ([True], [True], [True])}[out]
    for name, columns in zip(('"O\nNeil"', '"O""Neil"', "A-Team"), taken, strict=True):
        source = tmp_path / "members.csv"
        source.write_text(f"id,title,hired,from,to,name\n1,Teacher Aide,2010-01-04,2013-05-01,2013-06-30,{name}\n")
        found = []
        for mode in ("1", ""):
            path = tmp_path / f"out{mode}.{out}"
            path.unlink(missing_ok=True)
            args = ["retro", "--roster", str(source), "-o", str(path), *(["-f", "json"] if out == "json" else [])]
            answered = _through_columns(args, mode)
            found.append(_written(path))
        assert found[0] == found[1], name
        # JSON: the columns' own writer, then (declined) the CSV read back; a workbook: the CSV read back
        assert answered == columns, name


@pytest.mark.parametrize(
    "command", [["retro"], ["cost", "--proposal", "uft-2019-2022", "--from", "2019-07-01", "--to", "2020-06-30"]]
)
def test_a_cell_past_the_header_in_a_workbook_is_refused_by_every_path(tmp_path: Path, command: list[str]) -> None:
    """The sheet's rows read fast for a CSV twin keep a cell past the header, so the twin declines and the
    row-by-row path names it, as it does with the fast reader off."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired", "from", "to"])
    sheet.append(["1", "Teacher Aide", "2005-09-01", "2018-07-01", "2019-06-30", "", "extra"])
    sheet.append(["2", "Teacher Aide", "2005-09-01", "2018-07-01", "2019-06-30", "  "])  # spaces: nothing past
    path = tmp_path / "extra.xlsx"
    book.save(path)
    for mode in ("1", ""):
        done = CliRunner().invoke(app, [*command, "--roster", str(path)], env={"PAYCALC_ROW_BY_ROW": mode})
        assert done.exit_code == 1, done.output
        said = f"{path}, sheet Sheet, row 2: more cells than the header has columns"
        if command[0] == "retro":
            said += " (nothing was written; --skip-invalid leaves such rows out)"
        assert done.stderr.endswith(said + "\n")
