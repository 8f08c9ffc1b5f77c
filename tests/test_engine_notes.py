"""``-v``: which engine priced a roster (in columns, or row by row) and why not in columns, one note on stderr;
nothing said without it, and refused where no roster is given."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
HEADER = "id,title,hired,from,to"
ROWS = [f"P{n},Ed. Asst. B,1990-0{n}-15,2009-11-01,2018-11-30" for n in range(1, 5)]


def _roster(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "members.csv"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def test_a_plain_roster_is_said_to_be_priced_in_columns(tmp_path: Path) -> None:
    roster = _roster(tmp_path, [HEADER, *ROWS])
    result = runner.invoke(app, ["retro", "--roster", roster, "-v"])
    assert (result.exit_code, result.stderr) == (0, f"Note: {roster}: priced in columns\n")
    quiet = runner.invoke(app, ["retro", "--roster", roster])
    assert (quiet.stderr, quiet.stdout) == ("", result.stdout)
    school = ["--method", "biweekly", "--anchor", "2009-01-02", "--pay-cycles", "22"]  # 22 checks on NYC, too
    assert runner.invoke(app, ["retro", "--roster", roster, "-v", *school]).stderr == result.stderr


@pytest.mark.parametrize(
    ("lines", "options", "env", "why"),
    [
        ([HEADER, *ROWS[:2], 'P9,Ed. Asst. B,1990-01-15,2009-11-01,2018-11-30,"x""y"'], [], "",
         "a cell past the header"),
        ([HEADER + ",name", *(r + ',"O"N"eil"' for r in ROWS)], [], "", "a double quote inside a cell"),
        ([HEADER, *ROWS], [], "1", "PAYCALC_ROW_BY_ROW=1"),
        ([HEADER, *ROWS[:2], ROWS[2].replace("Ed. Asst. B", "Ed.\rAsst. B")], [], "",
         "a carriage return inside a line"),
        ([HEADER + ",notes", *(r + ',"a\n\nb"' for r in ROWS), ""], [], "",
         "a blank line among records with line breaks inside quotes"),
        ([HEADER, *("\u00a0" + r for r in ROWS)], [], "",
         "an id or a carried cell with spaces around it"),
    ],
)  # fmt: skip
def test_a_roster_the_columns_decline_is_said_to_go_row_by_row_and_why(
    tmp_path: Path, lines: list[str], options: list[str], env: str, why: str
) -> None:
    roster = _roster(tmp_path, lines)
    result = runner.invoke(app, ["retro", "--roster", roster, "-v", *options], env={"PAYCALC_ROW_BY_ROW": env})
    notes = [line for line in result.stderr.splitlines() if "priced" in line]
    assert notes == [f"Note: {roster}: priced row by row (about 25 µs a row): {why}"], result.stderr


def test_a_paid_contract_is_said_to_be_priced_in_columns(tmp_path: Path) -> None:
    roster = _roster(tmp_path, [HEADER.replace("hired", "step"), "L1,High School,3,2025-07-01,2026-06-30"])
    args = ["retro", "--roster", roster, "-v", "--contract", "lunenburg-paras", "--paid-contract",
            "lunenburg-paras-posted"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Note: {roster}: priced in columns\n"
    offered = runner.invoke(app, [*args, "--proposal", "lunenburg-fy29"])  # under an offer: row by row
    assert "priced row by row (about 25 µs a row): a paid contract of other steps, or under an offer" in offered.stderr
    replacing = runner.invoke(app, [*args, "--proposal", "lunenburg-plus-1-hour"])  # its FY27 scale replaced
    reason = "an offer that replaces its base's schedule (the published one was paid)"
    assert f"priced row by row (about 25 µs a row): {reason}" in replacing.stderr


def test_cost_says_its_engine_too(tmp_path: Path) -> None:
    roster = _roster(tmp_path, ["id,title,hired", "A,Ed. Asst. B,2005-09-01", "B,Teacher Aide,2010-01-04"])
    args = ["cost", "--roster", roster, "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30"]
    columns = runner.invoke(app, [*args, "-f", "json", "-v"])
    assert (columns.exit_code, columns.stderr) == (0, f"Note: {roster}: costed in columns\n")
    by_step = runner.invoke(app, [*args, "-f", "json", "-v", "--by", "step"])
    assert by_step.stderr == f"Note: {roster}: costed in columns\n"  # by step too, since #30's sixth session
    assert runner.invoke(app, [*args, "-f", "json"]).stderr == ""
    each = runner.invoke(app, [*args, "-f", "json", "-v", "--per-member", str(tmp_path / "each.csv")])
    assert each.stderr == (  # the option named as the user types it
        f"Note: {roster}: costed member by member: each member's costs asked (--per-member, a workbook or a report)\n"
    )


def test_verbose_without_a_roster_is_a_usage_error() -> None:
    result = runner.invoke(app, ["retro", "--title", "Ed. Asst. B", "--years", "3", "--from", "2013-05-01",
                                 "--to", "2014-01-01", "-v"])  # fmt: skip
    assert (result.exit_code, result.stderr) == (2, "Error: --verbose applies only with --roster\n")
