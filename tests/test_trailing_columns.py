"""A roster a spreadsheet saved as CSV with its used range wider than its columns: a trailing comma on every line
(``id,title,hired,from,to,,``). The unnamed columns at the header's end are not read, in columns and row by row
alike, retro and cost alike; a cell under one that is not blank is refused, naming its line, as a cell past the
header is; an unnamed column between named ones is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
ROWS = ["E1,Teacher Aide,2005-09-01,2013-05-01,2014-09-30", "E2,Ed. Asst. B,1990-01-01,2013-05-01,2014-09-30"]
ROWS += ["E2,Teacher Aide,1990-01-01,2014-10-01,2015-06-30", "E3,Ed. Assoc.,2012-02-29,2013-05-01,2015-06-30"]
PLAIN = "id,title,hired,from,to\n" + "".join(f"{row}\n" for row in ROWS)
COST = ["--proposal", "moa-2014", "--from", "2014-01-01", "--to", "2015-06-30", "--format", "json"]


def _commas(count: int) -> str:
    return "id,title,hired,from,to" + "," * count + "\n" + "".join(f"{row}{',' * count}\n" for row in ROWS)


def _run(tmp_path: Path, text: str, *args: str, row_by_row: bool = False) -> tuple[int, str, str]:
    roster = tmp_path / "members.csv"
    roster.write_text(text)
    done = runner.invoke(
        app, [args[0], "--roster", str(roster), *args[1:]], env={"PAYCALC_ROW_BY_ROW": "1" if row_by_row else ""}
    )
    return done.exit_code, done.stdout, done.stderr


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("command", [["retro"], ["retro", "--format", "json"], ["cost", *COST]])
def test_trailing_commas_answer_as_the_roster_without_them(tmp_path: Path, count: int, command: list[str]) -> None:
    code, expected, _ = _run(tmp_path, PLAIN, *command)
    assert code == 0
    for row_by_row in (False, True):
        assert _run(tmp_path, _commas(count), *command, "-v", row_by_row=row_by_row)[:2] == (0, expected)
    said = _run(tmp_path, _commas(count), *command, "-v")[2]  # in columns, its unnamed cells seen blank there
    assert ("priced in columns" if command[0] == "retro" else "costed in columns") in said


@pytest.mark.parametrize("command", [["retro"], ["cost", *COST]])
def test_a_cell_under_an_unnamed_column_is_refused_naming_its_line(tmp_path: Path, command: list[str]) -> None:
    text = _commas(2).replace(f"{ROWS[2]},,", f"{ROWS[2]},,x")
    for row_by_row in (False, True):
        code, out, err = _run(tmp_path, text, *command, row_by_row=row_by_row)
        assert (code, out) == (1, "")
        assert "line 4" in err and "more cells than the header has columns" in err


def test_blank_cells_past_the_header_are_not_read_and_an_unnamed_column_between_is_refused(tmp_path: Path) -> None:
    code, expected, _ = _run(tmp_path, PLAIN, "retro")
    extra = PLAIN.replace(ROWS[0], ROWS[0] + ", ,")  # a row with blank cells past its header's five
    assert _run(tmp_path, extra, "retro")[:2] == (0, expected)
    between = "id,title,,hired,from,to\n" + "".join(f"{a},{b},,{c}\n" for a, b, c in (r.split(",", 2) for r in ROWS))
    code, _, err = _run(tmp_path, between, "retro")
    assert code == 1 and err.startswith("Error: ") and "column C has no name in the header" in err
