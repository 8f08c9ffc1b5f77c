"""Members hired after a row's first day, in columns (#30): a retro roster lists everyone from the contract's first
day, and a new hire's row starts before her hire date. The row-by-row path owes her from the hire date (nothing
when hired after the row's last day) and says which rows; the whole roster went row by row for one such row
(100,000 rows with 2,000 of them: 3.1 s against 0.37 s). The columns price them alike and say the same note."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar as _columnar

runner = CliRunner()


def _retro(source: Path, *options: str, row_by_row: bool = False) -> tuple[int, str, list[str]]:
    result = runner.invoke(
        app, ["retro", "--roster", str(source), "-v", *options], env={"PAYCALC_ROW_BY_ROW": "1" if row_by_row else ""}
    )
    return result.exit_code, result.stdout, result.stderr.splitlines()


def test_a_late_hire_is_owed_from_her_hire_date_and_nothing_after_her_row(tmp_path: Path) -> None:
    """B's row from 2010-01-01, hired 2010-03-01: owed what the same row from 2010-03-01 is owed; D, hired on her
    row's last day, that day. C, hired after her row's last day: a row, nothing owed or paid. The note names lines
    3, 4 and 5 (the header is line 1)."""
    late = tmp_path / "late.csv"
    late.write_text(
        "id,title,hired,from,to\n"
        "A,Teacher Aide,2000-01-01,2010-01-01,2010-06-30\n"
        "B,Teacher Aide,2010-03-01,2010-01-01,2010-06-30\n"
        "C,Teacher Aide,2011-01-03,2010-01-01,2010-06-30\n"
        "D,Teacher Aide,2010-06-30,2010-01-01,2010-06-30\n"
    )
    same = tmp_path / "same.csv"
    same.write_text(
        "id,title,hired,from,to\n"
        "B,Teacher Aide,2010-03-01,2010-03-01,2010-06-30\n"
        "D,Teacher Aide,2010-06-30,2010-06-30,2010-06-30\n"  # hired on the row's last day: that day owed
    )
    code, out, err = _retro(late)
    assert code == 0 and f"Note: {late}: priced in columns" in err
    assert err[0] == (
        "Note: 3 rows with a hire date after the row's first day (lines 3, 4, 5): owed from the hire date, or nothing "
        "when hired after its last day"
    )
    rows = {line.split(",")[0]: line.split(",")[1:] for line in out.splitlines()[1:]}
    alone = {line.split(",")[0]: line.split(",")[1:] for line in _retro(same)[1].splitlines()[1:]}
    assert (rows["B"], rows["D"]) == (alone["B"], alone["D"])
    assert rows["D"][1] != "0.00"
    assert rows["C"] == ["1", "0.00", "0.00", "0.00"]
    scalar = _retro(late, row_by_row=True)
    assert (code, out, err[0]) == (*scalar[:2], scalar[2][1])  # its first line says it went row by row


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    block=st.sampled_from([150, 400, 1 << 22]),
    options=st.sampled_from(
        [[], ["--proposal", "moa-2014"], ["--proposal", "uft-2019-2022"], ["-f", "json"], ["--skip-invalid"]]
    ),
)
@example(seed=5, block=150, options=["--proposal", "moa-2014"])
def test_late_hires_are_priced_in_columns_as_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, block: int, options: list[str]
) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(_columnar, "BLOCK", block)
    lines = ["id,title,hired,from,to,hours"]
    for n in range(rng.randrange(1, 30)):
        hired = rng.choice(["1999-05-01", "2010-02-15", "2012-07-01", "2014-01-01", "2019-03-01"])
        for _ in range(rng.choice([1, 1, 2])):
            start, end = rng.choice([("2009-11-01", "2012-06-30"), ("2012-07-01", "2018-11-30")])
            title = "Lunch Aide" if rng.random() < 0.05 else rng.choice(["Teacher Aide", "Ed. Asst. B"])
            lines.append(f"M{n},{title},{hired},{start},{end},{rng.choice(['', '20'])}")
            if rng.random() < 0.1:
                lines.append("")  # a blank line: not a row, not counted
    source = tmp_path / "staff.csv"
    source.write_text("\n".join(lines) + "\n")
    scalar, columns = _retro(source, *options, row_by_row=True), _retro(source, *options)
    assert columns[:2] == scalar[:2]
    assert [e for e in columns[2] if "priced" not in e] == [e for e in scalar[2] if "priced" not in e]
    if "Lunch Aide" not in source.read_text():  # a title no rule knows: row by row says where (or, on a row hired
        # after its last day, owes nothing before it reads the title: the columns leave that to it)
        assert f"Note: {source}: priced in columns" in columns[2]


def test_rows_left_out_that_were_hired_late_are_in_the_note_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules find a row hired late before they find its title unknown: row by row counts it in the note, and
    so do the columns, a block of refused rows alone included (blocks of about two lines)."""
    monkeypatch.setattr(_columnar, "BLOCK", 60)
    source = tmp_path / "staff.csv"
    source.write_text(
        "id,title,hired,from,to\n"
        "A,Teacher Aide,2000-01-01,2010-01-01,2010-06-30\n"
        "B,Lunch Aide,2010-03-01,2010-01-01,2010-06-30\n"
        "B,Lunch Aide,2010-03-01,2010-01-01,2010-06-30\n"
        "C,Teacher Aide,2010-02-01,2010-01-01,2010-06-30\n"
    )
    columns, scalar = _retro(source, "--skip-invalid"), _retro(source, "--skip-invalid", row_by_row=True)
    assert columns[:2] == scalar[:2] and columns[0] == 3
    note = "Note: 3 rows with a hire date after the row's first day (lines 3, 4, 5)"
    assert any(line.startswith(note) for line in columns[2]) and f"Note: {source}: priced in columns" in columns[2]
    assert [e for e in columns[2] if "priced" not in e] == [e for e in scalar[2] if "priced" not in e]
