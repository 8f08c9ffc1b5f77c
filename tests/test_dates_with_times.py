"""Dates as spreadsheets save a date cell formatted with its time (``9/1/2005 0:00``, ``2005-09-01 00:00:00``): a
roster's dates at midnight read as the dates they are, retro and cost alike, in columns and row by row; any
other time is refused, naming the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.contract.errors import InputError
from paycalc.contract.inputs import to_roster_date

runner = CliRunner()
PLAIN = (
    "id,title,hired,from,to\nE1,Teacher Aide,2005-09-01,2013-05-01,2014-09-30\n"
    "E2,Ed. Asst. B,1990-01-01,2013-05-01,2015-06-30\n"
)
TIMED = (
    "id,title,hired,from,to\nE1,Teacher Aide,9/1/2005 0:00,2013-05-01 00:00:00,2014-09-30T00:00:00\n"
    "E2,Ed. Asst. B,1/1/1990 12:00 AM,5/1/2013 00:00,2015-06-30 00:00\n"
)
COST = ["--proposal", "moa-2014", "--from", "2014-01-01", "--to", "2015-06-30", "--format", "json"]


def _run(tmp_path: Path, text: str, *args: str, row_by_row: bool = False) -> tuple[int, str, str]:
    roster = tmp_path / "members.csv"
    roster.write_text(text)
    env = {"PAYCALC_ROW_BY_ROW": "1" if row_by_row else ""}
    done = runner.invoke(app, [args[0], "--roster", str(roster), *args[1:]], env=env)
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize("command", [["retro"], ["cost", *COST]])
def test_dates_at_midnight_read_as_their_dates(tmp_path: Path, command: list[str]) -> None:
    code, expected, _ = _run(tmp_path, PLAIN, *command)
    assert code == 0
    for row_by_row in (False, True):
        assert _run(tmp_path, TIMED, *command, row_by_row=row_by_row)[:2] == (0, expected)
    said = _run(tmp_path, TIMED, *command, "-v")[2]  # read in columns, their times taken off there
    assert ("priced in columns" if command[0] == "retro" else "costed in columns") in said


@pytest.mark.parametrize("command", [["retro"], ["cost", *COST]])
def test_another_time_is_refused_naming_its_line(tmp_path: Path, command: list[str]) -> None:
    code, out, err = _run(tmp_path, TIMED.replace("5/1/2013 00:00", "5/1/2013 08:30"), *command)
    assert (code, out) == (1, "") and "line 3" in err and "5/1/2013 08:30" in err


@pytest.mark.parametrize(
    ("cell", "day"),
    [("9/1/2005 0:00", "2005-09-01"), ("2005-09-01 00:00:00", "2005-09-01"), ("12/31/2199 12:00:00 AM", "2199-12-31")],
)
def test_a_cell_at_midnight(cell: str, day: str) -> None:
    assert to_roster_date(cell).isoformat() == day


@pytest.mark.parametrize("cell", ["2005-09-01 00:00:01", "9/1/2005 12:00 PM", "0:00", "2005-09-01 0:00:00"])
def test_a_cell_at_another_time_or_with_no_date_is_refused(cell: str) -> None:
    with pytest.raises(InputError, match="is not a valid date"):
        to_roster_date(cell)
