"""``--skip-invalid`` in columns (#30): a roster as exported, with a few rows the rules refuse (a title that is not
a para's, hours out of range, a paid schedule that is not one), was priced row by row, about 11x the time of the
same roster without them. The columns leave such rows out and say each as the row-by-row path does: the same
lines, the same totals, the same exit code (3), in any block and process."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar as _columnar

runner = CliRunner()

UNKNOWN = "unknown title 'Lunch Aide' (closest: Teacher Aide; 'paycalc titles' lists them all)"


def test_rows_the_rules_refuse_are_left_out_in_columns_and_said_by_line(tmp_path: Path) -> None:
    source = tmp_path / "staff.csv"
    source.write_text(
        "id,title,hired,from,to\n"
        "A,Teacher Aide,2000-01-01,2010-01-01,2010-06-30\n"
        "B,Lunch Aide,2000-01-01,2010-01-01,2010-06-30\n"  # line 3: not a title of the contract
        "C,Teacher Aide,2000-01-01,2010-01-01,2010-06-30\n"
        "C,Lunch Aide,2000-01-01,2010-07-01,2010-12-31\n"  # line 5: C's other row stays
    )
    result = runner.invoke(app, ["retro", "--roster", str(source), "--skip-invalid", "-v"])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"Skipped: {source}: line 3: {UNKNOWN}",
        f"Skipped: {source}: line 5: {UNKNOWN}",
        f"Note: {source}: priced in columns",
        "Error: 2 invalid rows left out of the output (each reported above)",
    ]
    lines = result.stdout.splitlines()
    assert [line.split(",")[:2] for line in lines[1:]] == [["A", "1"], ["C", "1"]]  # ids and rows kept
    assert lines[1].split(",")[2:] == lines[2].split(",")[2:]  # A and C: one row each, alike


def test_a_block_of_refused_rows_alone_and_blank_lines_keep_their_line_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blocks of about two lines (rows of one id cut by them), one block all refused, blank lines counted."""
    monkeypatch.setattr(_columnar, "BLOCK", 100)
    good = "Teacher Aide,2000-01-01,2010-01-01,2010-06-30"
    bad = "Lunch Aide,2000-01-01,2010-01-01,2010-06-30"
    body = [f"A,{good}", f"A,{good}", "", f"B,{bad}", f"B,{bad}", f"B,{bad}", "", "", f"C,{bad}", f"C,{good}"]
    source = tmp_path / "staff.csv"
    source.write_text("id,title,hired,from,to\n" + "\n".join(body))  # no line feed at the end
    result = runner.invoke(app, ["retro", "--roster", str(source), "--skip-invalid", "-v"])
    assert result.exit_code == 3
    said = [line.split(": ")[2] for line in result.stderr.splitlines() if line.startswith("Skipped")]
    assert said == ["line 5", "line 6", "line 7", "line 10"]  # the header is line 1; blank lines 4, 8 and 9
    assert f"Note: {source}: priced in columns" in result.stderr
    assert [line.split(",")[:2] for line in result.stdout.splitlines()[1:]] == [["A", "2"], ["C", "1"]]


@pytest.mark.parametrize("block", [100, 1 << 22])
def test_a_row_left_out_whose_id_was_finished_before_is_said_as_row_by_row_says_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    """The row-by-row path checks an id before the row's cells: A's row after C's is "an id again after other
    ids", not an unknown title. The columns cannot tell from a block alone: the roster goes row by row."""
    monkeypatch.setattr(_columnar, "BLOCK", block)
    source = tmp_path / "staff.csv"
    source.write_text(
        "id,title,hired,from,to\n"
        "A,Teacher Aide,2000-01-01,2010-01-01,2010-06-30\n"
        "C,Teacher Aide,2000-01-01,2010-01-01,2010-06-30\n"
        "A,Lunch Aide,2000-01-01,2010-01-01,2010-06-30\n"
    )
    result = runner.invoke(app, ["retro", "--roster", str(source), "--skip-invalid", "-v"])
    assert result.exit_code == 3
    assert f"Skipped: {source}: line 4: id 'A' appears again after other ids" in result.stderr
    assert "unknown title" not in result.stderr


BAD = {
    "id": [""],
    "title": ["Lunch Aide", "Janitor", ""],
    "hired": ["", "2019-02-30", "soon", "9/31/2005", "1899-12-31"],
    "from": ["", "13/1/2010", "2005-01-01"],  # 2005: before the first schedule (2008-05-19)
    "to": ["", "x", "2009-01-31", "2009-10-31"],  # before the row's first day (the day before)
    "hours": ["-5", "abc", "99"],
    "paid_schedule": ["2001-01-01", "soon"],
    "paid_annual": ["-3", "lots"],
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), block=st.sampled_from([150, 400, 1 << 22]))
@example(seed=3, block=150)
@example(seed=93142, block=150)  # a row ending before it starts, hired after it: owed nothing, no error
@example(seed=3710, block=150)  # every row of a block refused by its title: no way known when the pricer asks
def test_rows_left_out_in_columns_are_those_and_said_as_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, block: int
) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(_columnar, "BLOCK", block)
    columns = ["id", "title", "hired", "from", "to", "hours", "paid_schedule", "paid_annual"]
    lines = [",".join(columns)]
    for n in range(rng.randrange(1, 30)):
        for _ in range(rng.choice([1, 1, 2])):  # an id's rows follow each other
            cells = {
                "id": f"M{n}",
                "title": rng.choice(["Teacher Aide", "Ed. Asst. B", "Aux. Trainer B"]),
                "hired": rng.choice(["1999-05-01", "2004-09-01", "2008-01-15", "2009-12-01"]),  # the last: late
                "from": "2009-11-01",
                "to": rng.choice(["2010-06-30", "2012-03-31"]),
                "hours": rng.choice(["", "", "20"]),
                "paid_schedule": "",
                "paid_annual": rng.choice(["", "", "26000"]),
            }
            if rng.random() < 0.25:
                column = rng.choice(list(BAD))
                cells[column] = rng.choice(BAD[column])
                if column == "paid_schedule":
                    cells["paid_annual"] = ""
            lines.append(",".join(cells[c] for c in columns))
            if rng.random() < 0.1:
                lines.append("")  # a blank line: counted, skipped
    again = rng.random() < 0.2  # a refused row of the first id, after others: "appears again" row by row
    if again:
        lines.append("M0,Janitor,2000-01-01,2009-11-01,2010-06-30,,,")
    ending = rng.choice(["\n", "\r\n"])
    source = tmp_path / "staff.csv"
    source.write_bytes(ending.join(lines).encode() + rng.choice([b"", ending.encode()]))
    into = rng.choice([[], ["-f", "json"]])
    found = []
    for mode in ("1", ""):
        result = runner.invoke(
            app, ["retro", "--roster", str(source), "--skip-invalid", "-v", *into], env={"PAYCALC_ROW_BY_ROW": mode}
        )
        errors = [line for line in result.stderr.splitlines() if not line.startswith("Note:")]
        found.append((result.exit_code, result.stdout, errors))
    assert found[1] == found[0]
    if not again:
        assert f"Note: {source}: priced in columns" in result.stderr  # not row by row, for these rows


def test_in_two_processes_the_lines_said_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_columnar, "BLOCK", 2000)
    rows = [
        f"M{n},{'Lunch Aide' if n % 37 == 5 else 'Teacher Aide'},2000-01-01,2010-01-01,2010-06-30" for n in range(400)
    ]
    source = tmp_path / "staff.csv"
    source.write_text("id,title,hired,from,to\n" + "\n".join(rows) + "\n")
    scalar = runner.invoke(app, ["retro", "--roster", str(source), "--skip-invalid"], env={"PAYCALC_ROW_BY_ROW": "1"})
    both = runner.invoke(app, ["retro", "--roster", str(source), "--skip-invalid", "--jobs", "2", "-v"])
    assert both.exit_code == scalar.exit_code == 3
    assert both.stdout == scalar.stdout
    assert [line for line in both.stderr.splitlines() if not line.startswith("Note")] == scalar.stderr.splitlines()
    assert scalar.stderr.count("Skipped:") == 11  # rows 5, 42, ... 375: line = row + 2
    assert f"Skipped: {source}: line 7: " in scalar.stderr


@pytest.mark.usefixtures("columns_refuse_ed_asst_b")
def test_a_row_the_columns_refuse_but_the_rules_price_goes_row_by_row(tmp_path: Path) -> None:
    """The columns leave a row out only where the rules refuse it too; else the roster is the rules' to price."""
    source = tmp_path / "staff.csv"
    source.write_text(
        "id,title,hired,from,to\n"
        "A,Teacher Aide,2000-01-01,2010-01-01,2010-06-30\n"
        "B,Ed. Asst. B,2000-01-01,2010-01-01,2010-06-30\n"
    )
    result = runner.invoke(app, ["retro", "--roster", str(source), "--skip-invalid", "-v"])
    assert result.exit_code == 0
    assert "priced row by row" in result.stderr and "Skipped" not in result.stderr
    assert [line.split(",")[:2] for line in result.stdout.splitlines()[1:]] == [["A", "1"], ["B", "1"]]


DATES = ["2005-09-01", "9/1/2005", "09/01/2005", "2019-02-30", "1899-12-31", "soon", "9/31/2005", "12/31/2199", "x"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(DATES), min_size=1, max_size=40))
def test_the_dates_read_in_columns_are_those_read_one_by_one(cells: list[str]) -> None:
    """``csv_dates.readable`` halves a column until the cells ``dates`` refuses are found: each one it finds
    readable, ``dates`` reads alone, and each it does not, ``dates`` refuses alone."""
    from paycalc.output import csv_bytes, csv_dates
    from paycalc.output.csv_bytes import Plainness

    block = csv_bytes.split("".join(f"M{n},{cell}\n" for n, cell in enumerate(cells)).encode(), 2)
    rows = np.arange(len(cells))
    alone = []
    for row in rows:
        try:
            csv_dates.dates(block, 1, rows[row : row + 1])
            alone.append(True)
        except Plainness:
            alone.append(False)
    assert csv_dates.readable(block, 1, rows).tolist() == alone


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6))
def test_a_workbook_s_rows_left_out_are_said_by_sheet_row_as_row_by_row(tmp_path: Path, seed: int) -> None:
    """A sheet's text priced in columns: its blank rows are not in the text, so a line is told back as its row."""
    import datetime

    from openpyxl import Workbook

    rng = random.Random(seed)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired", "from", "to", "hours"])
    for n in range(rng.randrange(1, 25)):
        if rng.random() < 0.2:
            sheet.append([])  # a blank row: its number counts
        title = rng.choice(["Teacher Aide", "Ed. Asst. B", "Lunch Aide"]) if rng.random() < 0.3 else "Teacher Aide"
        hired: object = rng.choice([datetime.date(2001, 3, 5), "2004-09-01", "soon", None])
        hours: object = rng.choice([None, 20, "17.5", -5])
        sheet.append([f"M{n}", title, hired, datetime.date(2009, 11, 1), datetime.date(2011, 6, 30), hours])
    source = tmp_path / "staff.xlsx"
    book.save(source)
    found = []
    for mode in ("1", ""):
        result = runner.invoke(
            app, ["retro", "--roster", str(source), "--skip-invalid", "-v"], env={"PAYCALC_ROW_BY_ROW": mode}
        )
        errors = [line for line in result.stderr.splitlines() if not line.startswith("Note:")]
        found.append((result.exit_code, result.stdout, errors))
    assert found[1] == found[0]
    assert f"Note: {source}: priced in columns" in result.stderr


def test_a_line_read_alone_is_read_as_the_csv_module_reads_it_or_refused() -> None:
    from paycalc.membership.unpriced import Unpriced
    from paycalc.output.row_skips import as_read

    assert as_read(["id", "name"], 'A,"Smith, Jane"') == {"id": "A", "name": "Smith, Jane"}
    with pytest.raises(Unpriced):
        as_read(["id", "name"], "A,Smith,Jane")  # three cells: never a mapping with a cell dropped
