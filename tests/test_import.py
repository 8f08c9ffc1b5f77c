"""``paycalc schedules import`` and ``export``: a scale from the spreadsheet a local has to a checked contract
folder, in both shapes (long and grid), CSV and .xlsx; every cell it cannot read refused by name; a bundled
contract through export and import answering every ``pay`` as before; random scales through the same trip."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.contract.loader import bundled_contract

runner = CliRunner()
CENT = Decimal("0.01")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def answers(folder: object, title: str, on: date, **placement: object) -> tuple[object, ...]:
    try:
        found = paycalc.annual_pay(title, on, schedules=folder, **placement)  # type: ignore[arg-type]
    except paycalc.PaycalcError as exc:
        return ("error", str(exc))
    # the notes but for the term's (a long table carries no term: it runs from the first schedule a year past the last)
    notes = tuple(note for note in found.notes if "the agreement's term" not in note)
    return (found.annual, found.rate, found.longevity, found.schedule, notes, found.source)


@pytest.mark.parametrize(
    ("name", "kind"), [("nyc-paras", "csv"), ("lunenburg-paras", "csv"), ("lunenburg-paras", "xlsx")]
)
def test_a_bundled_contract_survives_export_and_import(tmp_path: Path, name: str, kind: str) -> None:
    table = tmp_path / f"scale.{kind}"
    code, _, err = run("schedules", "export", "--contract", name, "--format", kind, "--output", str(table))
    assert code == 0, err
    code, out, err = run("schedules", "import", str(table), "--write", str(tmp_path / "copy"))
    assert code == 0, err
    assert "as a long (a row a cell) table" in out and "OK:" in out
    original = paycalc.load_contract(bundled_contract(name))
    copy = paycalc.load_contract(tmp_path / "copy")
    first, last = original.schedules[0].effective, original.term_end
    days = [first + timedelta(days=n) for n in range(0, (last - first).days, 97)]
    for title in original.titles:
        for on in days:
            for years in (0, 1, 4, 5, 9, 10, 15, 30):
                assert answers(copy, title.name, on, years=years) == answers(original, title.name, on, years=years)
            for hired in (date(1970, 1, 1), first - timedelta(days=400), first):
                assert answers(copy, title.name, on, hired=hired) == answers(original, title.name, on, hired=hired)


GRID = """Posted scale (a grid as printed),,,,
Effective 2025-07-01,,,,
Step,High School hourly,High School annual,Associate's hourly,Associate's annual
1,$16.82,"$21,100.69",$17.00,"$21,326.50"
2,$17.59,"$22,066.66",$18.24,"$22,882.08"
,,,,
Effective 2026-07-01,,,,
Step,High School hourly,High School annual,Associate's hourly,Associate's annual
1,$17.32,"$21,727.94",$17.51,"$21,966.30"
2,$18.12,"$22,731.54",$18.79,"$23,572.06"
3,$19.20,"$24,086.40",$19.88,"$24,939.45"
"""


def _as_xlsx(text: str, path: Path) -> Path:
    import csv

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Scale"
    for row in csv.reader(text.splitlines()):
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_grid_as_printed(tmp_path: Path, kind: str) -> None:
    source = tmp_path / "grid.csv"
    source.write_text(GRID)
    if kind == "xlsx":
        source = _as_xlsx(GRID, tmp_path / "grid.xlsx")
    code, out, err = run(
        "schedules", "import", str(source), "--write", str(tmp_path / "local"), "--hours-per-day", "6.5",
        "--days", "193", "--name", "A local",
    )  # fmt: skip
    assert code == 0, err
    assert "as a grid" in out
    # the one misprint: FY27 Associate's step 3, 19.88 x 1254.5 = 24,939.46, printed 24,939.45
    assert "printed_annual.Associate's.step 3: prints $24,939.45, the rule ($19.88 x 6.5 hours x 193 days)" in out
    assert out.count("Warning:") == 1
    contract = paycalc.load_contract(tmp_path / "local")
    for on, title, step, hourly in [
        ("2025-07-01", "High School", 1, "16.82"), ("2025-09-01", "Associate's", 2, "18.24"),
        ("2026-07-01", "Associate's", 3, "19.88"), ("2027-01-01", "High School", 3, "19.20"),
    ]:  # fmt: skip
        paid = paycalc.annual_pay(title, on, step=step, schedules=contract)
        assert paid.annual == (Decimal(hourly) * Decimal("1254.5")).quantize(CENT, rounding=ROUND_HALF_UP)
    # a member counted past FY26's two steps is paid step 2 (FY26 printed 2 of the 3 steps)
    assert paycalc.annual_pay("High School", "2025-07-01", step=3, schedules=contract).rate == Decimal("17.59")


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        (GRID.replace("$18.24", "$18.2"), ["--hours-per-day", "6.5", "--days", "193"],
         "Error: grid.csv!D5: '$18.2' is not an amount (dollars and cents, e.g. 24.59 or $30,848.16)"),
        (GRID, [], "Error: hourly rates need hours_per_day and days (columns, or --hours-per-day and --days)"),
        (GRID.replace("hourly", "").replace("annual", ""), [], "Error: the table does not say what its rates are"),
        ("", [], "Error: the table is empty"),
        ("effective,title,step,hourly\n2025-13-01,A,1,20\n", ["--hours-per-day", "6", "--days", "180"],
         "Error: grid.csv!A2: '2025-13-01' is not a valid date"),
        ("effective,title,step,hourly\n2025-07-01,A,1,20\n2025-07-01,A,1,21\n", ["--hours-per-day", "6", "--days", "1"],
         "Error: grid.csv!D3: A step 1 of 2025-07-01 is given twice"),
        ("effective,title,step\n2025-07-01,A,1\n", [], "no hourly, daily or annual column"),
        ("effective,title,step,hourly\n2025-07-01,A,one,20\n", ["--hours-per-day", "6", "--days", "1"],
         "row 'one' is neither a step nor a row of years"),
    ],
)  # fmt: skip
def test_what_it_cannot_read_is_refused_naming_the_cell(
    tmp_path: Path, text: str, options: list[str], message: str
) -> None:
    source = tmp_path / "grid.csv"
    source.write_text(text)
    code, out, err = run("schedules", "import", str(source), "--write", str(tmp_path / "local"), *options)
    assert code == 1 and out == ""
    assert err.startswith(message) or message in err
    assert not (tmp_path / "local").exists()  # nothing half-written


def test_never_onto_its_own_input_and_never_over_a_folder_without_force(tmp_path: Path) -> None:
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "scale.csv").write_text("effective,title,step,annual\n2025-07-01,A,1,30000\n")
    code, _, err = run("schedules", "import", str(folder / "scale.csv"), "--write", str(folder), "--force")
    assert code == 1 and "which this command reads" in err
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    code, _, err = run("schedules", "import", str(folder / "scale.csv"), "--write", str(other))
    assert code == 1 and "is not empty" in err and (other / "notes.txt").read_text() == "mine"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    titles=st.lists(st.sampled_from(["Para", "Aide", "Column 3", "Lic. Para"]), min_size=1, max_size=3, unique=True),
    steps=st.integers(2, 6),
    years=st.integers(1, 3),
    cents=st.lists(st.integers(1500, 4500), min_size=72, max_size=72),
    hours=st.sampled_from(["6", "6.5", "7.25"]),
    days=st.sampled_from(["180", "182", "193"]),
)
def test_random_scales_go_through_export_and_import(
    tmp_path: Path, titles: list[str], steps: int, years: int, cents: list[int], hours: str, days: str
) -> None:
    """A scale written as the long table, imported, exported, imported again: every cell pays hourly x hours
    a day x days, to the cent, both times; the second export is the first."""
    lines = ["effective,title,step,hourly,hours_per_day,days"]
    rates = iter(cents)
    for year in range(years):
        for title in titles:
            ladder = sorted(next(rates) for _ in range(steps))  # a step never pays less than the one below
            for step, rate in enumerate(ladder, start=1):
                lines.append(f"{2024 + year}-07-01,{title},{step},{Decimal(rate) / 100},{hours},{days}")
    table = tmp_path / "scale.csv"
    table.write_text("\n".join(lines) + "\n")
    import uuid

    first_export = ""
    for round_trip in ("one", "two"):
        folder = tmp_path / f"{round_trip}-{uuid.uuid4().hex}"  # a folder is read once per process: a new one
        code, _, err = run("schedules", "import", str(table), "--write", str(folder))
        assert code == 0, err
        for line in lines[1:]:
            effective, title, step, hourly, _, _ = line.split(",")
            paid = paycalc.annual_pay(title, effective, step=int(step), schedules=folder)
            expected = (Decimal(hourly) * Decimal(hours) * Decimal(days)).quantize(CENT, rounding=ROUND_HALF_UP)
            assert paid.annual == expected
        code, exported, _ = run("schedules", "export", "--schedules", str(folder))
        assert code == 0
        if round_trip == "two":
            assert exported == first_export
        first_export = exported
        table = tmp_path / f"{round_trip}.csv"
        table.write_text(exported)


HOURLY = ["--basis", "hourly", "--hours-per-day", "6.5", "--days", "193"]


@pytest.mark.parametrize(
    ("name", "on", "basis"), [("nyc-paras", "2018-06-16", []), ("lunenburg-paras", "2026-07-01", HOURLY)]
)
def test_one_schedule_as_schedules_show_writes_it(tmp_path: Path, name: str, on: str, basis: list[str]) -> None:
    """``schedules show --format csv`` prints one schedule, a row per title: imported on its date, every pay on
    that schedule answers as the original's."""
    code, shown, _ = run("schedules", "show", on, "--contract", name, "--format", "csv")
    assert code == 0
    (tmp_path / "show.csv").write_text(shown)
    code, out, err = run("schedules", "import", str(tmp_path / "show.csv"), "--write", str(tmp_path / "one"), *basis)
    assert code == 1 and "the table holds one schedule and no date (give --effective DATE)" in err
    code, out, err = run(
        "schedules", "import", str(tmp_path / "show.csv"), "--write", str(tmp_path / "one"), "--effective", on, *basis
    )
    assert code == 0, err
    assert "as a one schedule (a row a title, as schedules show writes it) table" in out
    original = paycalc.load_contract(bundled_contract(name))
    copy = paycalc.load_contract(tmp_path / "one")
    for title in original.titles:
        for years in range(0, 12):
            mine, theirs = (paycalc.annual_pay(title.name, on, years=years, schedules=c) for c in (copy, original))
            assert (mine.annual, mine.rate, mine.longevity) == (theirs.annual, theirs.rate, theirs.longevity)
