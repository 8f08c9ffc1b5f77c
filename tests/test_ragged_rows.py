"""Rosters whose lines are not all as wide as the header, as csv.DictReader reads them: a short line's missing
cells are blank (a hand-edited file, an export that leaves off trailing blank cells), a long line's cells past
the header are read if blank (a sheet's used range wider than its columns on some rows) and refused, naming the
line, if not. Read in columns, retro and cost alike, held byte for byte to the row-by-row path."""

from __future__ import annotations

import datetime
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paycalc.cli import app
from tests import test_columnar, test_cost_columns

runner = CliRunner()
EXTRA = {
    "hours": ["", "", "20", "17.5"],
    "paid_schedule": ["", "", "2008-05-19"],
    "School": ["", "", "PS 1", "=cmd"],
    "name": ["", "", '"Smith, Jane"', "Ortiz", '""'],
}
PAST = ["", ",", ",,", ", ,", ",\t", ",,,"]  # blank cells past the header: commas, spaces, tabs


def ragged(rng: random.Random, text: str) -> str:
    """``text`` with some lines' trailing blank cells left off (one or all of them) and blank cells past the
    header on others (the header kept whole)."""
    head, *rows = text.splitlines()
    out = [head]
    for row in rows:
        choice = rng.random()
        if choice < 0.4:
            bare = re.sub(r",+$", "", row)  # every trailing blank cell left off
            row = bare + "," * rng.randrange(row.count(",") - bare.count(",") + 1)  # or some of them
        elif choice < 0.6:
            row += rng.choice(PAST)
        out.append(row)
    return "\n".join(out) + "\n"


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(seed=st.integers(0, 10**6), json=st.booleans(), newline=st.sampled_from(["\n", "\r\n"]))
def test_short_and_long_lines_are_priced_in_columns_as_row_by_row(
    tmp_path: Path, seed: int, json: bool, newline: str
) -> None:
    rng = random.Random(seed)
    text = test_columnar.roster(rng, test_columnar.NYC, rng.randrange(1, 60), datetime.date(2008, 6, 1), 3600, EXTRA)
    options = ["--format", "json"] if json else []
    scalar, columns, taken = test_columnar.both(tmp_path, ragged(rng, text), *options, newline=newline)
    assert columns == scalar
    assert taken


@SETTINGS
@given(seed=st.integers(0, 10**6), block=st.sampled_from([1, 200, 1 << 20]))
def test_short_and_long_lines_are_costed_in_columns_as_member_by_member(tmp_path: Path, seed: int, block: int) -> None:
    rng = random.Random(seed)
    extra = {"hours": EXTRA["hours"], "School": EXTRA["School"], "name": EXTRA["name"]}
    first = datetime.date(1995, 1, 1)
    text = test_cost_columns.members(rng, test_cost_columns.NYC, rng.randrange(1, 40), first, 9000, extra)
    terms = ["--proposal", "moa-2014", "--from", "2014-01-01", "--to", "2015-06-30"]
    scalar, columns, taken = test_cost_columns.both(tmp_path, ragged(rng, text), *terms, block=block)
    assert columns == scalar
    assert taken


def test_a_short_line_is_read_with_its_missing_cells_blank(tmp_path: Path) -> None:
    """Worked by hand: the same member written whole (hours blank, a name) and with both cells left off."""
    whole = "id,title,hired,from,to,hours,name\nE1,Ed. Asst. B,2005-09-01,2016-01-01,2016-12-31,,\n"
    short = "id,title,hired,from,to,hours,name\nE1,Ed. Asst. B,2005-09-01,2016-01-01,2016-12-31\n"
    outputs = []
    for text in (whole, short):
        (tmp_path / "members.csv").write_text(text)
        done = runner.invoke(app, ["retro", "--roster", str(tmp_path / "members.csv"), "-v"])
        assert done.exit_code == 0 and "priced in columns" in done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[1].splitlines()[0] == "id,name,rows,owed,paid,retro"
    assert outputs[1].splitlines()[1].startswith("E1,,1,")


COST = ["cost", "--proposal", "moa-2014", "--from", "2014-01-01", "--to", "2015-06-30"]


@pytest.mark.parametrize("command", [["retro"], COST])
@pytest.mark.parametrize("past", [",x", ", ,7", ',""'])
def test_a_cell_past_the_header_that_is_not_blank_is_refused_naming_its_line(
    tmp_path: Path, command: list[str], past: str
) -> None:
    rows = [f"E{n},Ed. Asst. B,2005-09-01,2014-01-01,2015-06-30" for n in range(1, 5)]
    rows[2] += past
    (tmp_path / "members.csv").write_text("id,title,hired,from,to\n" + "\n".join(rows) + "\n")
    done = runner.invoke(app, [command[0], "--roster", str(tmp_path / "members.csv"), *command[1:]])
    if past == ',""':  # a quoted blank cell: the csv module reads it as blank, so it is read
        assert done.exit_code == 0, done.output
        return
    assert (done.exit_code, done.stdout) == (1, "")
    assert done.stderr.startswith("Error: ") and "line 4" in done.stderr
    assert "more cells than the header has columns" in done.stderr
