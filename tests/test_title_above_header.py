"""A committee's roster with a title above its header ("Paraprofessional roster, FY26", a blank line, then the
header): the first line is read as the header, its columns missing; the error says which line (or sheet row)
holds them, so the title can be deleted. Nothing is guessed: the roster is still refused."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
HEADER = ["id", "title", "hired", "from", "to"]
ROW = ["E1", "Ed. Asst. B", "2005-09-01", "2017-01-01", "2017-12-31"]
COST = ["--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30"]


def _csv(tmp_path: Path, above: list[str]) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("\n".join([*above, ",".join(HEADER), ",".join(ROW)]) + "\n")
    return path


@pytest.mark.parametrize("command", [["retro"], ["cost", *COST]])
def test_a_title_line_above_the_header_is_named(tmp_path: Path, command: list[str]) -> None:
    source = _csv(tmp_path, ["Paraprofessional roster FY26", ""])
    hint = "line 3 holds them: delete the lines above it, a title perhaps, so it is line 1"
    _refused(command, str(source), f"Error: {source}: missing columns id, title, hired", hint)


def _refused(command: list[str], source: str, start: str, hint: str) -> None:
    """The roster refused: one line on stderr starting ``start`` and saying ``hint`` first in its parentheses."""
    result = runner.invoke(app, [command[0], "--roster", source, *command[1:]])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(start)
    assert f"in the header ({hint}; " in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_title_line_above_the_header_on_stdin_is_named(tmp_path: Path) -> None:
    source = _csv(tmp_path, ["Roster", "as of 2026-06-30"])
    result = runner.invoke(app, ["retro", "--roster", "-"], input=source.read_text())
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: stdin: missing columns")
    assert "(line 3 holds them: delete the lines above it" in result.stderr


@pytest.mark.parametrize("command", [["retro"], ["cost", *COST]])
def test_a_title_row_above_a_sheets_header_is_named_by_its_row(tmp_path: Path, command: list[str]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Paraprofessional roster, FY26"])
    sheet.append([])
    sheet.append(HEADER)
    sheet.append([ROW[0], ROW[1], *(datetime.date.fromisoformat(d) for d in ROW[2:])])
    book.save(tmp_path / "roster.xlsx")
    result = runner.invoke(app, [command[0], "--roster", str(tmp_path / "roster.xlsx"), *command[1:]])
    assert result.exit_code == 1
    assert "missing columns id, title, hired" in result.stderr
    assert "(row 3 holds them: delete the rows above it, a title perhaps, so it is row 1; " in result.stderr


@pytest.mark.parametrize(("filler", "named"), [(19, True), (20, False)])
def test_the_header_is_looked_for_in_the_twenty_lines_below_the_first(tmp_path: Path, filler: int, named: bool) -> None:
    """Line 1, then ``filler`` lines of notes, then the header: line 21 is the last looked at."""
    source = _csv(tmp_path, ["Roster", *(f"note {n}" for n in range(filler))])
    result = runner.invoke(app, ["retro", "--roster", str(source)])
    assert result.exit_code == 1
    assert (f"line {filler + 2} holds them" in result.stderr) is named
    assert ("holds them" in result.stderr) is named


def test_a_header_missing_a_column_with_no_header_below_says_only_what_is_missing(tmp_path: Path) -> None:
    source = tmp_path / "roster.csv"
    source.write_text("id,title,hired,from\nE1,Ed. Asst. B,2005-09-01,2017-01-01\n")
    result = runner.invoke(app, ["retro", "--roster", str(source)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {source}: missing columns to in the header (accepted: ")


def _book(tmp_path: Path, sheets: list[tuple[str, list[list[object]]]]) -> Path:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(tmp_path / "roster.xlsx")
    return tmp_path / "roster.xlsx"


ROSTER: list[list[object]] = [list(HEADER), [ROW[0], ROW[1], *(datetime.date.fromisoformat(d) for d in ROW[2:])]]


@pytest.mark.parametrize("command", [["retro"], ["cost", *COST]])
def test_a_workbook_whose_roster_is_not_its_first_sheet_names_the_sheet_that_holds_it(
    tmp_path: Path, command: list[str]
) -> None:
    """A notes sheet first, the roster second: the first sheet is read (nothing is guessed), its error naming the
    sheet whose first row holds the columns and the option that reads it; that option then reads it."""
    path = _book(tmp_path, [("Notes", [["Read me first"]]), ("Summary", [["Total", 52]]), ("FY26 Roster", ROSTER)])
    start = f"Error: {path}, sheet Notes: missing columns id, title, hired"
    _refused(command, str(path), start, "sheet 'FY26 Roster' holds them: give it with --sheet 'FY26 Roster'")
    again = runner.invoke(app, [command[0], "--roster", str(path), *command[1:], "--sheet", "FY26 Roster"])
    assert again.exit_code == 0, again.stderr


def test_a_sheet_asked_for_is_not_second_guessed(tmp_path: Path) -> None:
    """With --sheet, its error is its own: no other sheet is named."""
    path = _book(tmp_path, [("Notes", [["Read me first"]]), ("Roster", ROSTER)])
    result = runner.invoke(app, ["retro", "--roster", str(path), "--sheet", "Notes"])
    assert result.exit_code == 1
    assert "missing columns" in result.stderr and "holds them" not in result.stderr


def test_no_sheet_holding_the_columns_names_none(tmp_path: Path) -> None:
    path = _book(tmp_path, [("Notes", [["Read me first"]]), ("Other", [["id", "title"]])])
    result = runner.invoke(app, ["retro", "--roster", str(path)])
    assert result.exit_code == 1
    assert "missing columns" in result.stderr and "holds them" not in result.stderr
