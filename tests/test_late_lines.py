"""The note on rows hired after their first day names each row where a person finds it: its line as the csv
module counts lines (a blank line skipped before it, a cell's line break counted), or its sheet row (a blank row
before it counted), in columns as row by row. It said a row's number + 1, one too early after either."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
HEAD = "id,title,hired,from,to,notes\n"
ON_TIME = "1,Ed. Asst. B,2005-09-01,2017-01-01,2017-12-31,{}\n"
LATE = "2,Ed. Asst. B,2017-03-01,2017-01-01,2017-12-31,ok\n"  # hired two months after the row's first day


def _notes(args: list[str]) -> list[str]:
    found = []
    for mode in ("1", ""):  # row by row, then as users get it (in columns)
        result = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": mode})
        assert result.exit_code == 0, result.output
        found += [line for line in result.stderr.splitlines() if "hire date after" in line]
    return found


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (HEAD + ON_TIME.format("ok") + LATE, 3),  # worked by hand: header 1, the on-time row 2, the late row 3
        (HEAD + ON_TIME.format("ok") + "\n" + LATE, 4),  # a blank line between them
        (HEAD + "\n" + ON_TIME.format("ok") + "\n\n" + LATE, 6),  # blank lines before each
        (HEAD + ON_TIME.format('"called\nback"') + LATE, 4),  # a line break in the on-time row's note
        (HEAD + ON_TIME.format("ok").replace("\n", "\r\n") + "\r\n" + LATE.replace("\n", "\r\n"), 4),  # CRLF
    ],
)
@pytest.mark.parametrize("json", [False, True])
def test_a_late_row_is_named_by_its_line(tmp_path: Path, text: str, line: int, json: bool) -> None:
    source = tmp_path / "members.csv"
    source.write_bytes(text.encode())
    notes = _notes(["retro", "--roster", str(source), *(["-f", "json"] if json else [])])
    assert notes == [f"Note: 1 row with a hire date after the row's first day (lines {line}): owed from the hire "
                     "date, or nothing when hired after its last day"] * 2  # fmt: skip


def test_a_late_row_of_a_sheet_is_named_by_its_row(tmp_path: Path) -> None:
    """Worked by hand: header row 1, the on-time row 2, a blank row 3, the late row 4."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired", "from", "to"])
    day = datetime.date
    sheet.append(["E1", "Ed. Asst. B", day(2005, 9, 1), day(2017, 1, 1), day(2017, 12, 31)])
    sheet.append([])
    sheet.append(["E2", "Ed. Asst. B", day(2017, 3, 1), day(2017, 1, 1), day(2017, 12, 31)])
    book.save(tmp_path / "members.xlsx")
    notes = _notes(["retro", "--roster", str(tmp_path / "members.xlsx")])
    assert [note.split("(")[1].split(")")[0] for note in notes] == ["rows 4", "rows 4"]


def test_many_late_rows_are_named_by_their_lines_in_order(tmp_path: Path) -> None:
    """Rows 2 to 7 late (lines 3 to 8), a blank line after line 5: lines 3, 4, 5, 7, 8, then more."""
    late = [f"{n},Ed. Asst. B,2017-03-01,2017-01-01,2017-12-31,ok\n" for n in range(2, 8)]
    source = tmp_path / "members.csv"
    source.write_text(HEAD + ON_TIME.format("ok") + "".join(late[:3]) + "\n" + "".join(late[3:]))
    notes = _notes(["retro", "--roster", str(source)])
    assert [note.split("(")[1].split(")")[0] for note in notes] == ["lines 3, 4, 5, 7, 8, ..."] * 2


@pytest.mark.parametrize("skip", [False, True])
def test_a_costing_names_a_members_line_after_a_blank_line(tmp_path: Path, skip: bool) -> None:
    """Worked by hand: header 1, member 1 line 2, a blank line 3, member 2 (a title the contract has not) line 4;
    member by member and in columns alike."""
    source = tmp_path / "members.csv"
    source.write_text("id,title,hired\nA,Ed. Asst. B,2005-09-01\n\nB,Nope,2005-09-01\nC,Ed. Asst. B,2005-09-01\n")
    args = ["cost", "--roster", str(source), "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to",
            "2021-06-30", "-f", "json", *(["--skip-invalid"] if skip else [])]  # fmt: skip
    for mode in ("1", ""):
        result = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": mode})
        assert result.exit_code == (3 if skip else 1)
        said = "Skipped" if skip else "Error"
        assert result.stderr.startswith(f"{said}: {source}: member 2 (line 4): unknown title 'Nope'")
