"""A correction roster (``--paid-contract``: what was paid is another contract's scale, each day's in force,
answered by fiscal year) in columns against row by row, which stays the reference: the same bytes on random
Lunenburg rosters (steps, hire dates, hours a day, ids on two rows), every pay method, CSV and JSON,
instalments, blocks small enough that an id's rows fall in two, and two processes."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paycalc.jobs import columnar
from tests.test_columnar import LUNENBURG, both
from tests.test_cost_columns import both as costed

FIRST, LAST = datetime.date(2025, 7, 1), datetime.date(2028, 6, 30)  # the corrected scale's term: FY26 to FY28
PAID = ["--contract", "lunenburg-paras", "--paid-contract", "lunenburg-paras-posted"]


def correction_roster(rng: random.Random, rows: int) -> str:
    """Rows inside the term, some ids on two rows (the second starting the day after the first ends)."""
    lines = ["id,title,hired,step,from,to,hours_per_day,name"]
    n = 0
    while len(lines) <= rows:
        n += 1
        start = FIRST + datetime.timedelta(days=rng.randrange(900))
        end = min(start + datetime.timedelta(days=rng.choice([0, 13, 30, 200, 364, 365, 700])), LAST)
        hired = start - datetime.timedelta(days=rng.choice([0, 1, 365, rng.randrange(6000)]))
        step = rng.choice(["", "1", "2", "5", "9", "11"])
        cells = [rng.choice(LUNENBURG), hired.isoformat(), step]
        extra = [rng.choice(["", "6", "7.5"]), rng.choice(['"Diaz, Ana"', "Ortiz", ""])]
        lines.append(",".join([f"L{n:04}", *cells, start.isoformat(), end.isoformat(), *extra]))
        if end < LAST and rng.random() < 0.3:  # the same id again, from the day after
            after = end + datetime.timedelta(days=1)
            later = min(after + datetime.timedelta(days=rng.choice([0, 60, 400])), LAST)
            lines.append(",".join([f"L{n:04}", *cells, after.isoformat(), later.isoformat(), *extra]))
    return "\n".join(lines) + "\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    pay=st.sampled_from(
        [[], ["--pay-cycles", "22"], ["--method", "semimonthly"], ["--method", "monthly"], ["--method", "daily"]]
    ),
    out=st.sampled_from([[], ["--format", "json"], ["--instalments", "2027-01-15:50,2027-06-15:50"]]),
    block=st.sampled_from([1 << 22, 300]),
)
def test_a_correction_roster_is_priced_in_columns_as_row_by_row(
    tmp_path: Path, seed: int, pay: list[str], out: list[str], block: int
) -> None:
    rng = random.Random(seed)
    text = correction_roster(rng, rng.randrange(1, 40))
    was, columnar.BLOCK = columnar.BLOCK, block
    try:
        scalar, columns, taken = both(tmp_path, text, *PAID, *pay, *out)
    finally:
        columnar.BLOCK = was
    assert columns == scalar
    assert taken


def test_a_correction_roster_in_two_processes(tmp_path: Path) -> None:
    text = correction_roster(random.Random(3), 120)
    scalar, columns, taken = both(tmp_path, text, *PAID, "--jobs", "2")
    assert columns == scalar and taken
    assert columns.splitlines()[0].endswith("retro,retro_FY26,retro_FY27,retro_FY28")


def test_a_row_with_its_own_paid_terms_is_paid_them_row_by_row(tmp_path: Path) -> None:
    """A row's own paid_annual wins over the paid contract (as row by row pays it): the columns leave it."""
    lines = ["id,title,hired,from,to,paid_annual", "L1,High School,2020-01-06,2025-07-01,2026-06-30,",
             "L2,High School,2020-01-06,2025-07-01,2026-06-30,15000"]  # fmt: skip
    scalar, columns, taken = both(tmp_path, "\n".join(lines) + "\n", *PAID)
    assert columns == scalar and not taken
    assert columns.splitlines()[2].startswith("L2,1,") and ",15000.00," in columns.splitlines()[2]


def _later_scale(tmp_path: Path) -> str:
    """NYC's scale as another contract: its first schedule dropped (it starts 2013-05-01) and the 2015 raise
    paid from 2015-09-14, not May 1: its own dates, none a July 1, against which the fiscal years cut runs."""
    import shutil

    folder = tmp_path / "later"
    if folder.exists():  # made by an earlier example
        return str(folder)
    shutil.copytree(Path(__file__).parents[1] / "schedules", folder)
    (folder / "2008-05-19.yaml").unlink()
    moved = (folder / "2015-05-01.yaml").read_text().replace("effective: 2015-05-01", "effective: 2015-09-14")
    (folder / "2015-05-01.yaml").unlink()
    (folder / "2015-09-14.yaml").write_text(moved)
    return str(folder)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), method=st.sampled_from(["semimonthly", "monthly", "daily"]))
def test_nyc_against_a_scale_of_other_dates_agrees(tmp_path: Path, seed: int, method: str) -> None:
    """Anniversaries inside a fiscal year (a row's several runs in one year), schedules whose dates are not the
    owed ones, July 1 a cut of its own: the columns as row by row, to the byte."""
    rng = random.Random(seed)
    lines = ["id,title,hired,from,to,hours"]
    for n in range(rng.randrange(1, 40)):
        start = datetime.date(2013, 5, 1) + datetime.timedelta(days=rng.randrange(1900))
        end = min(start + datetime.timedelta(days=rng.choice([0, 20, 45, 364, 900])), datetime.date(2018, 11, 30))
        hired = start - datetime.timedelta(days=rng.choice([0, 1800, 1825, rng.randrange(9000)]))
        title = rng.choice(["Teacher Aide", "Ed. Asst. B", "Ed. Assoc."])
        lines.append(f"N{n},{title},{hired},{start},{end},{rng.choice(['', '20'])}")
    options = ["--paid-contract", _later_scale(tmp_path), "--method", method]
    scalar, columns, taken = both(tmp_path, "\n".join(lines) + "\n", *options)
    assert columns == scalar
    assert taken


def test_a_row_before_the_paid_scale_begins_is_named_row_by_row(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from paycalc.cli import app

    lines = ["id,title,hired,from,to", "N1,Teacher Aide,2010-01-04,2013-05-01,2013-09-30",
             "N2,Teacher Aide,2010-01-04,2012-05-01,2013-09-30"]  # fmt: skip
    source = tmp_path / "members.csv"
    source.write_text("\n".join(lines) + "\n")
    args = ["retro", "--roster", str(source), "--paid-contract", _later_scale(tmp_path)]
    found = [CliRunner().invoke(app, args, env={"PAYCALC_ROW_BY_ROW": mode}) for mode in ("1", "")]
    assert found[0].exit_code == found[1].exit_code == 1
    assert found[0].stderr == found[1].stderr and "line 3" in found[1].stderr


def test_a_workbook_or_an_offer_against_a_paid_contract_agree_with_row_by_row(tmp_path: Path) -> None:
    """A sheet is priced in columns from its text (test_sheet_columns), and an offer names the schedules paid
    (left to the row-by-row path): both answer as row by row, never as if nothing but a frozen schedule were
    paid."""
    from openpyxl import Workbook

    rows = [["id", "title", "step", "from", "to"], ["L1", "Bachelor's", "3", "2025-09-02", "2027-06-30"],
            ["L2", "High School", "7", "2026-01-05", "2026-06-30"]]  # fmt: skip
    book = Workbook()
    for row in rows:
        book.active.append(row)  # type: ignore[union-attr]
    book.save(tmp_path / "members.xlsx")
    (tmp_path / "members.csv").write_text("\n".join(",".join(row) for row in rows) + "\n")
    from typer.testing import CliRunner

    from paycalc.cli import app

    for source, offer in (("members.xlsx", []), ("members.csv", ["--proposal", "lunenburg-plus-1-hour"])):
        args = ["retro", "--roster", str(tmp_path / source), *PAID, *offer]
        found = [CliRunner().invoke(app, args, env={"PAYCALC_ROW_BY_ROW": mode}) for mode in ("1", "")]
        assert found[0].exit_code == found[1].exit_code == 0, found[1].output
        assert found[0].stdout == found[1].stdout
        assert "retro_FY27" in found[1].stdout.splitlines()[0]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    pay=st.sampled_from([[], ["--method", "semimonthly"], ["--fiscal-year-start", "01-01"], ["--by", "title"]]),
    steps=st.booleans(),
    block=st.sampled_from([1 << 20, 200]),
)
def test_what_the_correction_costs_is_costed_in_columns_as_member_by_member(
    tmp_path: Path, seed: int, pay: list[str], steps: bool, block: int
) -> None:
    """`cost --paid-contract`: the contract as it stands against what the posted scale paid, each day's in force,
    per fiscal year; members hired before and inside the range, a step column or hire dates, hours a day."""
    rng = random.Random(seed)
    lines = ["id,title,step,hired,hours_per_day"]
    for n in range(rng.randrange(1, 50)):
        hired = (FIRST + datetime.timedelta(days=rng.randrange(-3000, 900))).isoformat()
        step = rng.choice(["1", "4", "9", ""]) if steps else ""
        lines.append(f"M{n},{rng.choice(LUNENBURG)},{step},{hired if not step else ''},{rng.choice(['', '6'])}")
    start = FIRST + datetime.timedelta(days=rng.choice([0, 30, 365]))
    options = [*PAID, "--from", start.isoformat(), "--to", rng.choice(["2027-06-30", "2028-06-30"]), *pay]
    scalar, columns, taken = costed(tmp_path, "\n".join(lines) + "\n", *options, block=block)
    assert columns == scalar
    assert taken


@pytest.mark.parametrize("seed", [9, 10])
@pytest.mark.parametrize("out", ["out.xlsx", "out.json"])
def test_a_correction_as_a_workbook_or_json_read_back_is_priced_in_columns_alike(
    tmp_path: Path, seed: int, out: str
) -> None:
    """A workbook, or JSON with a cell JSON escapes (``O"Neil``), is written from the columns' CSV read back:
    the totals read back carry each fiscal year's retro wages, and the file is the one row by row writes, cell
    by cell with its formats."""
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from paycalc.cli import app

    source = tmp_path / "members.csv"
    source.write_text(correction_roster(random.Random(seed), 12).replace(",Ortiz\n", ',"O""Neil"\n'))
    found = []
    for mode in ("1", ""):
        path = tmp_path / f"{mode}{out}"
        given = ["-o", str(path), "-v", *(["-f", "json"] if out.endswith(".json") else [])]
        result = CliRunner().invoke(app, ["retro", "--roster", str(source), *PAID, *given],
                                    env={"PAYCALC_ROW_BY_ROW": mode})  # fmt: skip
        assert result.exit_code == 0, result.output
        if out.endswith(".xlsx"):
            sheet = load_workbook(path).active
            assert sheet is not None
            found.append([[(c.value, c.number_format, c.data_type) for c in row] for row in sheet.iter_rows()])
        else:
            found.append(path.read_text())
    assert found[0] == found[1]
    assert "priced in columns" in result.stderr
    assert "retro_FY27" in str(found[1]) and 'O"Neil' in str(found[1]).replace('\\"', '"')
