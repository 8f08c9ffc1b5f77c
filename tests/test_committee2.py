"""The committee, round 2: a roster as a spreadsheet exports it (its own column names, US dates, names in
quotes, a misspelt column) is costed and retro'd as it is, with one command each; a member hired inside the
period is owed from the hire date; the repository's root holds only what its layout names (test_layout)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.reading.columns import header_names

runner = CliRunner()

EXPORT = """Employee ID,Last Name,First Name,Job Title,Hire Date,FTE,Salery
1001,Smith,"Jane, R.",Teacher Aide,9/1/2005,1,x
1002,Doe,Ann,Ed. Asst. B,10/15/2012,0.5,y
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "read_as"),
    [("Employee ID", "id"), ("EMP_ID", "id"), ("Emp. ID", "id"), (" ID ", "id"), ("Hire Date", "hired"),
     ("Date of Hire", "hired"), ("Start Date", "hired"), ("Job Title", "title"), ("Position", "title"),
     ("Column", "title"), ("STEP", "step"), ("FTE", "workyear"), ("Hours per Day", "hours_per_day"),
     ("Last Name", "Last Name"), ("Salery", "Salery")],
)  # fmt: skip
def test_what_exports_call_the_columns(name: str, read_as: str) -> None:
    known = ("id", "title", "hired", "from", "to", "step", "workyear", "hours_per_day", "hours", "days")
    assert header_names([name], known) == [read_as]


def test_the_export_is_retrod_and_costed_as_it_is(tmp_path: Path) -> None:
    roster = tmp_path / "export.csv"
    roster.write_text(EXPORT)
    code, out, err = run("retro", "--roster", str(roster), "--from", "2013-05-01", "--to", "2014-09-30")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["1001", "1002"] and rows[0]["First Name"] == "Jane, R."
    one = paycalc.retro_pay("Teacher Aide", hired="2005-09-01", start="2013-05-01", end="2014-09-30")
    half = paycalc.retro_pay("Ed. Asst. B", hired="2012-10-15", start="2013-05-01", end="2014-09-30", workyear="0.5")
    assert (rows[0]["retro"], rows[1]["retro"]) == (str(one.retro), str(half.retro))
    assert "carried through, not read: Last Name, First Name, Salery" in err  # a misspelt column is seen
    code, out, err = run("cost", "--roster", str(roster), "--proposal", "uft-2019-2022", "--from", "2019-07-01",
                         "--to", "2020-06-30", "--format", "json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["total"]["members"] == 2


@pytest.mark.parametrize(
    ("hired", "message"),
    [("09/01/05", "hire date '09/01/05' has a two-digit year, ambiguous about its century"),
     ("15/9/2005", "hire date '15/9/2005' is not a valid date (month/day/year, e.g. 9/1/2005, or year/month/day"),
     ("2005/15/09", "hire date '2005/15/09' is not a valid date (month/day/year, e.g. 9/1/2005, or year/month/day"),
     ("9-1-2005", "hire date '9-1-2005' is not a valid date")],
)  # fmt: skip
def test_a_date_that_cannot_be_read_for_sure_is_refused(tmp_path: Path, hired: str, message: str) -> None:
    roster = tmp_path / "export.csv"
    roster.write_text(f"Employee ID,Job Title,Hire Date\n1,Teacher Aide,{hired}\n")
    code, out, err = run("retro", "--roster", str(roster), "--from", "2013-05-01", "--to", "2014-09-30")
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {roster}: line 2: {message}")


def test_a_member_hired_inside_the_period_is_owed_from_the_hire_date(tmp_path: Path) -> None:
    roster = tmp_path / "members.csv"
    roster.write_text(
        "id,title,hired\nA,Teacher Aide,2010-09-07\nB,Teacher Aide,2014-01-06\nC,Teacher Aide,2015-01-06\n"
    )
    code, out, err = run("retro", "--roster", str(roster), "--from", "2013-05-01", "--to", "2014-09-30")
    assert code == 0, err
    lines = out.splitlines()
    late = paycalc.retro_pay("Teacher Aide", hired="2014-01-06", start="2014-01-06", end="2014-09-30")
    assert lines[2] == f"B,1,{late.owed},{late.paid},{late.retro}"
    assert lines[3] == "C,1,0.00,0.00,0.00"  # hired after the period: nothing owed in it
    assert "Note: 2 rows with a hire date after the row's first day (lines 3, 4)" in err


@pytest.mark.parametrize(
    "command", [["retro"], ["cost", "--proposal", "uft-2019-2022", "--from", "2019-07-01", "--to", "2020-06-30"]]
)
def test_a_stray_carriage_return_is_an_error_naming_its_line(tmp_path: Path, command: list[str]) -> None:
    roster = tmp_path / "members.csv"
    roster.write_bytes(
        b"id,title,hired,from,to\nA,Teacher Aide,2010-09-07,2013-05-01,2013-06-30\n"
        b"B,Teacher\rAide,2010-09-07,2013-05-01,2013-06-30\n"
    )
    code, out, err = run(*command, "--roster", str(roster))
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {roster}: line 3: a carriage return inside a line (save the file with ordinary")
    assert "universal-newline" not in err


PAID = "id,title,hired,paid_schedule,paid_annual\nA,Teacher Aide,2010-01-01,2008-05-19,\nB,Teacher Aide,2010-01-01,,\n"
# Teacher Aide, 5-year row (Article Three A.1): $26,523 owed (2018-06-16); paid $22,213 (2008-05-19 schedule) or
# $22,659 (2014-05-01); a year is 24 semimonthly periods, each annual / 24 rounded to the cent half up
OWED = 24 * 110513  # 26,523 / 24 = 1,105.125 -> 1,105.13


@pytest.mark.parametrize(
    ("option", "b_paid"),
    [(["--paid-schedule", "2014-05-01"], 24 * 94413),  # 22,659 / 24 = 944.125 -> 944.13
     (["--paid-annual", "20000"], 24 * 83333)],  # 20,000 / 24 = 833.33
)  # fmt: skip
def test_the_command_lines_paid_goes_to_rows_without_their_own(tmp_path: Path, option: list[str], b_paid: int) -> None:
    roster = tmp_path / "members.csv"
    roster.write_text(PAID)
    code, out, err = run("retro", "--roster", str(roster), *option, "--from", "2018-07-01", "--to", "2019-06-30")
    assert code == 0, err
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["A"]["paid"] == f"{24 * 92554 / 100:.2f}"  # its own: 22,213 / 24 = 925.54
    assert rows["B"]["paid"] == f"{b_paid / 100:.2f}"
    assert rows["B"]["owed"] == f"{OWED / 100:.2f}" and rows["B"]["retro"] == f"{(OWED - b_paid) / 100:.2f}"


def test_the_command_lines_paid_alone_goes_to_rows_without_their_own(tmp_path: Path) -> None:
    """The roster's own days, only --paid-annual given: B (no paid cell) is paid 20,000 / 24 = 833.33 a period."""
    roster = tmp_path / "members.csv"
    days = PAID.replace("paid_annual\n", "paid_annual,from,to\n").replace(",\n", ",,2018-07-01,2019-06-30\n")
    roster.write_text(days)
    code, out, err = run("retro", "--roster", str(roster), "--paid-annual", "20000")
    assert code == 0, err
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert (rows["A"]["paid"], rows["B"]["paid"]) == (f"{24 * 92554 / 100:.2f}", f"{24 * 83333 / 100:.2f}")


def test_two_paid_options_with_a_roster_are_a_usage_error(tmp_path: Path) -> None:
    roster = tmp_path / "members.csv"
    roster.write_text(PAID)
    both = ["--paid-schedule", "2014-05-01", "--paid-annual", "20000"]
    code, _, err = run("retro", "--roster", str(roster), *both, "--from", "2018-07-01", "--to", "2019-06-30")
    assert code == 2 and "--paid-schedule and --paid-annual given together" in err
