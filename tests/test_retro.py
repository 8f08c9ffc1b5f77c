"""Retro pay: worked examples with the arithmetic written out, edge cases, properties, and the roster."""

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app

runner = CliRunner()
CONTRACT = paycalc.load_contract()


def _published_2008() -> dict[str, dict[str, Decimal]]:
    """The printed 2008-05-19 schedule (tests/test_golden.py pastes it from the contract text)."""
    from tests.test_golden import PRINTED, ROWS, TITLES

    table: dict[str, dict[str, Decimal]] = {title: {} for title in TITLES}
    for (_, label), column in zip(ROWS, PRINTED["2008-05-19"], strict=True):
        for title, amount in zip(TITLES, column.split(), strict=True):
            table[title][label] = Decimal(amount.replace("$", "").replace(",", ""))
    return table


PUBLISHED_2008 = _published_2008()


def r(amount: Fraction | int) -> Decimal:
    """Round an exact amount of dollars to the cent, half up."""
    return (Decimal(Fraction(amount).numerator) / Decimal(Fraction(amount).denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def F(*parts: int) -> Fraction:
    """rate x days / (24 x days in period), etc.: the product of the first part and the rest's reciprocals."""
    value = Fraction(parts[0])
    for part in parts[1:]:
        value /= part
    return value


def retro(**kwargs: object) -> paycalc.RetroResult:
    return paycalc.retro_pay(schedules=CONTRACT, **kwargs)  # type: ignore[arg-type]


# --- worked examples -------------------------------------------------------------------------------


def test_the_issue_example_semimonthly() -> None:
    # Ed. Asst. B hired 2005-09-01: 7 completed years on 2013-05-01, the 5-year row all through.
    # Paid: the 2008-05-19 schedule (in force the day before --from), 5-year row 26843.
    result = retro(title="Ed. Asst. B", hired="2005-09-01", start="2013-05-01", end="2014-09-30")
    assert result.paid_basis == "schedule 2008-05-19"
    first, second = result.segments
    # 2013-05-01 .. 2014-04-30: owed 27111 (+268 a year), 24 whole periods of annual / 24
    assert (first.start, first.end, first.schedule, first.longevity) == (
        date(2013, 5, 1), date(2014, 4, 30), date(2013, 5, 1), "5-year"
    )  # fmt: skip
    assert (first.owed_rate - first.paid_rate) == 268
    assert first.owed == 24 * r(F(27111, 24)) == Decimal("27111.12")  # 1129.625 -> 1129.63 a check
    assert first.paid == 24 * r(F(26843, 24)) == Decimal("26843.04")  # 1118.4583 -> 1118.46 a check
    # 2014-05-01 .. 2014-09-30: owed 27382 (+539 a year), 10 whole periods
    assert (second.owed_rate - second.paid_rate) == 539
    assert second.owed == 10 * r(F(27382, 24)) == Decimal("11409.20")  # 1140.9166 -> 1140.92
    assert second.paid == 10 * r(F(26843, 24)) == Decimal("11184.60")
    assert (result.owed, result.paid, result.retro) == (Decimal("38520.32"), Decimal("38027.64"), Decimal("492.68"))
    assert result.retro == first.retro + second.retro == Decimal("268.08") + Decimal("224.60")


def test_the_issue_example_daily() -> None:
    result = retro(title="Ed. Asst. B", hired="2005-09-01", start="2013-05-01", end="2014-09-30", method="daily")
    first, second = result.segments
    # a piece per calendar year: 2013-05-01..12-31 is 245 of 365 days, 2014-01-01..04-30 is 120 of 365
    assert first.owed == r(F(27111 * 245, 365)) + r(F(27111 * 120, 365)) == Decimal("18197.79") + Decimal("8913.21")
    assert first.paid == r(F(26843 * 245, 365)) + r(F(26843 * 120, 365))
    # 2014-05-01..09-30: 153 of 365 days
    assert second.owed == r(F(27382 * 153, 365))
    assert second.paid == r(F(26843 * 153, 365))
    assert result.retro == first.retro + second.retro


def test_a_range_starting_mid_period() -> None:
    # May 10-15 is 6 days of the 15-day period; May 16-31 is a whole period
    result = retro(
        title="Ed. Asst. B", hired="2005-09-01", start="2013-05-10", end="2013-05-31", paid_schedule="2008-05-19"
    )
    assert result.owed == r(F(27111 * 6, 24 * 15)) + r(F(27111, 24)) == Decimal("451.85") + Decimal("1129.63")
    assert result.paid == r(F(26843 * 6, 24 * 15)) + r(F(26843, 24)) == Decimal("447.38") + Decimal("1118.46")
    assert result.retro == Decimal("15.64")


def test_an_effective_date_on_a_period_boundary() -> None:
    # 2018-06-16 starts a pay period: June 1-15 under 2018-05-01 (25172), June 16-30 under 2018-06-16 (25927);
    # paid: the 2018-05-01 schedule, in force on May 31
    result = retro(title="Teacher Aide", hired="2015-01-01", start="2018-06-01", end="2018-06-30")
    assert [s.schedule for s in result.segments] == [date(2018, 5, 1), date(2018, 6, 16)]
    assert result.owed == r(F(25172, 24)) + r(F(25927, 24)) == Decimal("1048.83") + Decimal("1080.29")
    assert result.paid == 2 * r(F(25172, 24))
    assert result.retro == Decimal("31.46")


def test_part_time() -> None:
    # 20 hours: rate x 20/30 a year
    result = retro(title="Teacher Aide", hired="2015-01-01", start="2018-06-01", end="2018-06-30", hours="20")
    assert result.owed == r(F(25172 * 20, 30 * 24)) + r(F(25927 * 20, 30 * 24)) == Decimal("699.22") + Decimal("720.19")
    assert result.retro == Decimal("720.19") - Decimal("699.22")


def test_an_anniversary_inside_a_pay_period_and_a_feb_29_hire() -> None:
    # hired 2012-02-29: the 5th anniversary falls on Feb 28 in 2017, inside the Feb 16-28 period (13 days),
    # which splits into Feb 16-27 (12 days, base 23614) and Feb 28 (1 day, 5-year 24157); paid flat 23000
    result = retro(title="Teacher Aide", hired="2012-02-29", start="2017-02-01", end="2017-03-15", paid_annual="23000")
    first, second = result.segments
    assert (first.end, first.longevity, second.start, second.longevity) == (
        date(2017, 2, 27), "base", date(2017, 2, 28), "5-year"
    )  # fmt: skip
    assert first.owed == r(F(23614, 24)) + r(F(23614 * 12, 24 * 13)) == Decimal("983.92") + Decimal("908.23")
    assert second.owed == r(F(24157, 24 * 13)) + r(F(24157, 24)) == Decimal("77.43") + Decimal("1006.54")
    assert first.paid == r(F(23000, 24)) + r(F(23000 * 12, 24 * 13))
    assert second.paid == r(F(23000, 24 * 13)) + r(F(23000, 24))
    assert result.paid_basis == "flat 23000.00"


def test_the_bilingual_footnote_applies_to_retro_too() -> None:
    with pytest.raises(paycalc.InputError, match=r"only those employed in title before 1975-12-01"):
        retro(title="Bil. Prof. Asst.", hired="1990-09-01", start="2013-05-01", end="2014-09-30")
    # hired before December 1975: more than 15 years by 2013, so the 15-year row, 33695 owed against 33361
    result = retro(title="Bil. Prof. Asst.", hired="1975-09-02", start="2013-05-01", end="2013-05-15")
    assert result.segments[0].longevity == "15-year"
    assert result.retro == r(F(33695, 24)) - r(F(33361, 24))


def test_a_flat_amount_is_shown_rounded_half_up() -> None:
    result = retro(
        title="Teacher Aide", hired="2010-01-01", start="2013-05-01", end="2013-05-15", paid_annual="21000.125"
    )
    assert result.paid_basis == "flat 21000.13"  # half even would give 21000.12


def test_segments_add_up_to_the_totals() -> None:
    result = retro(title="Aux. Trainer B", hired="1998-06-17", start="2009-11-01", end="2018-11-30", hours="35")
    assert len(result.segments) == 9  # eight schedules in force, and the 15th anniversary on 2013-06-17
    assert sum(s.owed for s in result.segments) == result.owed
    assert sum(s.paid for s in result.segments) == result.paid
    assert sum(s.retro for s in result.segments) == result.retro == result.owed - result.paid


# --- properties ------------------------------------------------------------------------------------

TITLES = [t.name for t in CONTRACT.titles if t.hired_before is None]
days = st.dates(min_value=date(2008, 5, 20), max_value=date(2020, 12, 31))
hires = st.dates(min_value=date(1975, 1, 1), max_value=date(2008, 5, 19))


def _period_ends(start: date, end: date) -> list[date]:
    ends, day = [], start
    while day < end:
        if day.day == 15 or (day + timedelta(days=1)).day == 1:
            ends.append(day)
        day += timedelta(days=1)
    return ends


@given(st.sampled_from(TITLES), hires, days, st.integers(min_value=20, max_value=900), st.data())
def test_splitting_the_range_at_a_period_end_changes_nothing(
    title: str, hired: date, start: date, length: int, data: st.DataObject
) -> None:
    end = start + timedelta(days=length)
    split = data.draw(st.sampled_from(_period_ends(start, end)))
    whole = retro(title=title, hired=hired, start=start, end=end, paid_schedule="2008-05-19")
    one = retro(title=title, hired=hired, start=start, end=split, paid_schedule="2008-05-19")
    two = retro(title=title, hired=hired, start=split + timedelta(days=1), end=end, paid_schedule="2008-05-19")
    assert (one.owed + two.owed, one.paid + two.paid) == (whole.owed, whole.paid)


@given(st.sampled_from(TITLES), st.integers(min_value=2009, max_value=2012), st.sampled_from([0, 1, 2, 3, 5, 8, 13]))
def test_a_full_calendar_year_at_one_rate_pays_the_annual_amount_daily(title: str, year: int, years: int) -> None:
    # 2009-2012 lie inside the 2008-05-19 schedule; hired on Dec 31, the next anniversary (years + 1,
    # never 5 or 15 here) comes on the year's last day, so the row holds all year
    hired = date(year - years - 1, 12, 31)
    result = retro(
        title=title, hired=hired, start=date(year, 1, 1), end=date(year, 12, 31), method="daily", paid_annual="20000"
    )
    rate = PUBLISHED_2008[title]["base" if years < 5 else "5-year"]
    assert result.owed == rate
    assert result.paid == Decimal("20000.00")


@given(st.sampled_from(TITLES), st.integers(min_value=2009, max_value=2012))
@example("Ed. Asst. B", 2010)
def test_a_full_year_semimonthly_is_24_rounded_checks(title: str, year: int) -> None:
    # per-piece rounding: 24 checks of annual / 24, each rounded to the cent, so up to 12 cents off the annual
    result = retro(title=title, hired="2000-01-01", start=date(year, 1, 1), end=date(year, 12, 31), paid_annual="20000")
    rate = PUBLISHED_2008[title]["5-year"]
    assert result.owed == 24 * r(F(int(rate), 24))
    assert abs(result.owed - rate) <= Decimal("0.12")


@given(
    st.sampled_from(TITLES),
    hires,
    st.sampled_from(range(len(CONTRACT.schedules) - 1)),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_retro_is_zero_when_owed_and_paid_use_the_same_schedule(
    title: str, hired: date, i: int, a: int, b: int
) -> None:
    first, following = CONTRACT.schedules[i].effective, CONTRACT.schedules[i + 1].effective
    start = min(first + timedelta(days=min(a, b)), following - timedelta(days=1))
    end = min(first + timedelta(days=max(a, b)), following - timedelta(days=1))
    result = retro(title=title, hired=hired, start=start, end=end, paid_schedule=first)
    assert result.retro == 0
    assert all(s.owed == s.paid for s in result.segments)


# --- the roster ------------------------------------------------------------------------------------

ROWS = [
    {"id": "A1", "title": "Teacher Aide", "hired": "2005-09-01", "from": "2013-05-01", "to": "2014-09-30"},
    {"id": "A1", "title": "Ed Asst B", "hired": "2005-09-01", "from": "2014-10-01", "to": "2014-12-31", "hours": "20"},
    {"id": "B2", "title": "Ed. Asst. B", "hired": "2005-09-01", "from": "2013-05-01", "to": "2014-09-30"},
    {"id": "C3", "title": "Ed. Assoc.", "hired": "1999-01-01", "from": "2010-01-01", "to": "2018-11-30"},
]
ROWS[2]["paid_annual"] = ""  # an empty cell is the same as none
ROWS[3] |= {"paid_schedule": "2008-05-19", "workyear": "0.5"}


def _single(row: dict[str, str]) -> paycalc.RetroResult:
    options = {k: v for k, v in row.items() if k in ("hours", "workyear", "paid_schedule", "paid_annual") and v}
    return retro(title=row["title"], hired=row["hired"], start=row["from"], end=row["to"], **options)


def test_roster_totals_worked_by_hand() -> None:
    totals = list(paycalc.retro_roster(ROWS, schedules=CONTRACT))
    assert [(t.id, t.rows) for t in totals] == [("A1", 2), ("B2", 1), ("C3", 1)]
    # A1, row 1: Teacher Aide, 7 years (5-year row), paid the 2008-05-19 rate $22,213 frozen:
    #   owed 24 checks of 22,435 / 24 = 934.7917 -> 934.79 (22,434.96) + 10 of 22,659 / 24 = 944.125 -> 944.13
    #   (9,441.30); paid 34 checks of 22,213 / 24 = 925.5417 -> 925.54 (31,468.36)
    # A1, row 2: Ed. Asst. B at 20 of 30 hours, Oct-Dec 2014, paid the 2014-05-01 schedule in force the day
    #   before: 6 checks of 27,382 x 20 / 30 / 24 = 760.6111 -> 760.61 owed and paid (4,563.66 each)
    assert (totals[0].owed, totals[0].paid, totals[0].retro) == (
        Decimal("22434.96") + Decimal("9441.30") + Decimal("4563.66"),
        Decimal("31468.36") + Decimal("4563.66"),
        Decimal("407.90"),
    )
    # B2: the README's worked example: 24 x 1,129.63 + 10 x 1,140.92 owed; 34 x 1,118.46 paid
    assert (totals[1].owed, totals[1].paid, totals[1].retro) == (
        24 * Decimal("1129.63") + 10 * Decimal("1140.92"),
        34 * Decimal("1118.46"),
        Decimal("492.68"),
    )


def test_roster_total_is_the_sum_of_single_runs() -> None:
    totals = list(paycalc.retro_roster(ROWS, schedules=CONTRACT))
    singles = [_single(row) for row in ROWS]
    assert totals[0].owed == singles[0].owed + singles[1].owed
    assert totals[0].retro == singles[0].retro + singles[1].retro
    assert (totals[1].owed, totals[1].paid, totals[1].retro) == (singles[2].owed, singles[2].paid, singles[2].retro)
    assert totals[2].retro == singles[3].retro


def test_roster_errors_name_the_row_or_are_passed_on() -> None:
    rows = [*ROWS[:2], {**ROWS[2], "title": "Nurse"}, ROWS[3]]
    with pytest.raises(paycalc.RowError) as raised:
        list(paycalc.retro_roster(rows, schedules=CONTRACT))
    assert raised.value.row == 3
    assert str(raised.value).startswith("row 3: unknown title 'Nurse'")
    skipped: list[paycalc.RowError] = []
    totals = list(paycalc.retro_roster(rows, schedules=CONTRACT, on_invalid=skipped.append))
    assert [t.id for t in totals] == ["A1", "C3"]
    assert [e.row for e in skipped] == [3]


def test_roster_rows_of_one_id_must_follow_each_other() -> None:
    with pytest.raises(paycalc.RowError, match=r"row 3: id 'A1' appears again after other ids"):
        list(paycalc.retro_roster([ROWS[0], ROWS[2], ROWS[1]], schedules=CONTRACT))


def test_the_check_for_repeated_ids_is_exact_over_many_ids() -> None:
    row = {"title": "Teacher Aide", "hired": "2005-09-01", "from": "2013-05-01", "to": "2013-05-15"}
    rows = [{**row, "id": f"E{n}"} for n in range(3000)] + [{**row, "id": 'multi\nline "id"'}]
    assert len(list(paycalc.retro_roster(rows, schedules=CONTRACT))) == 3001
    with pytest.raises(paycalc.RowError, match=r"row 3002: id 'E0' appears again"):
        list(paycalc.retro_roster([*rows, {**row, "id": "E0"}], schedules=CONTRACT))
    with pytest.raises(paycalc.RowError, match=r"row 3002: id 'E2999' appears again"):
        list(paycalc.retro_roster([*rows, {**row, "id": "E2999"}], schedules=CONTRACT))


# --- the command line ------------------------------------------------------------------------------


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


ONE = ["retro", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2013-05-01", "--to", "2014-09-30"]


def test_retro_table() -> None:
    result = run(*ONE)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Ed. Asst. B, hired 2005-09-01: retro pay 2013-05-01 to 2014-09-30, semimonthly,"
    assert lines[-3].split() == [
        "2013-05-01",
        "5-year",
        "$27,111.00",
        "$26,843.00",
        "$27,111.12",
        "$26,843.04",
        "$268.08",
    ]
    assert lines[-1].split() == ["Total", "$38,520.32", "$38,027.64", "$492.68"]


def test_retro_json_and_csv() -> None:
    data = json.loads(run(*ONE, "--format", "json").stdout)
    assert (data["owed"], data["paid"], data["retro"], data["paid_basis"]) == (
        "38520.32",
        "38027.64",
        "492.68",
        "schedule 2008-05-19",
    )
    assert data["segments"][1] == {
        "start": "2014-05-01", "end": "2014-09-30", "schedule": "2014-05-01", "longevity": "5-year",
        "owed_rate": "27382.00", "paid_rate": "26843.00", "owed": "11409.20", "paid": "11184.60", "retro": "224.60",
    }  # fmt: skip
    csv_lines = run(*ONE, "--format", "csv").stdout.splitlines()
    assert csv_lines[0] == "start,end,schedule,longevity,owed_rate,paid_rate,owed,paid,retro"
    assert csv_lines[1] == "2013-05-01,2014-04-30,2013-05-01,5-year,27111.00,26843.00,27111.12,26843.04,268.08"


ROSTER = (
    "id,title,hired,from,to,hours\n"
    "A1,Teacher Aide,2005-09-01,2013-05-01,2014-09-30,\n"
    "A1,Ed Asst B,2005-09-01,2014-10-01,2014-12-31,20\n"
    "=SUM(1),Ed. Asst. B,2005-09-01,2013-05-01,2014-09-30,\n"
)


def test_roster_csv_to_a_file(tmp_path: Path) -> None:
    source, target = tmp_path / "roster.csv", tmp_path / "retro.csv"
    source.write_text(ROSTER)
    result = run("retro", "--roster", str(source), "--output", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text().splitlines() == [  # the totals worked by hand in test_roster_totals_worked_by_hand
        "id,rows,owed,paid,retro",
        "A1,2,36439.92,36032.02,407.90",
        "'=SUM(1),1,38520.32,38027.64,492.68",  # neutralised for spreadsheets
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["retro.csv", "roster.csv"]


def test_roster_from_stdin_to_stdout_as_json() -> None:
    result = run("retro", "--roster", "-", "--format", "json", input=ROSTER)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(d["id"], d["rows"], d["retro"]) for d in data] == [("A1", 2, "407.90"), ("=SUM(1)", 1, "492.68")]


def test_a_bad_row_stops_the_run_names_the_line_and_leaves_no_file(tmp_path: Path) -> None:
    source, target = tmp_path / "roster.csv", tmp_path / "retro.csv"
    source.write_text(ROSTER + "D4,Ed. Asst. B,2005-09-01,2013-05-01,2013-02-30,\n")
    result = run("retro", "--roster", str(source), "--output", str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {source}: line 5: to date '2013-02-30' is not a valid date (YYYY-MM-DD, e.g. 2018-06-16) "
        "(nothing was written; --skip-invalid leaves such rows out)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.csv"]
    assert result.stdout == ""


def test_skip_invalid_reports_each_row_and_exits_3(tmp_path: Path) -> None:
    source, target = tmp_path / "roster.csv", tmp_path / "retro.csv"
    source.write_text(ROSTER.replace("A1,Ed Asst B", "A1,Nurse") + "D4,Ed. Asst. B,2005-09-01,2013-05-01,2013-02-30,\n")
    result = run("retro", "--roster", str(source), "--output", str(target), "--skip-invalid")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"Skipped: {source}: line 3: unknown title 'Nurse'")
    assert lines[1].startswith(f"Skipped: {source}: line 5: to date '2013-02-30' is not a valid date")
    assert lines[2] == "Error: 2 invalid rows left out of the output (each reported above)"
    assert [line.split(",")[:2] for line in target.read_text().splitlines()] == [
        ["id", "rows"],
        ["A1", "1"],
        ["'=SUM(1)", "1"],
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [*ONE[:5], "--from", "2014-09-30", "--to", "2013-05-01"],
            "Error: the end 2013-05-01 is before the start 2014-09-30",
        ),
        (
            [*ONE[:3], "--hired", "2014-01-01", "--from", "2013-05-01", "--to", "2014-09-30"],
            "Error: --hired 2014-01-01 is after the start 2013-05-01",
        ),
        (
            [*ONE[:3], "--hired", "2005-09-01", "--from", "2008-05-19", "--to", "2009-09-30"],
            "Error: no schedule was in force on 2008-05-18, the day before the start",
        ),
        (
            [*ONE[:3], "--hired", "2005-09-01", "--from", "2007-05-19", "--to", "2009-09-30"],
            "Error: date 2007-05-19 is before the first schedule",
        ),
        (
            [*ONE, "--paid-schedule", "2008-05-19", "--paid-annual", "26000"],
            "Error: both paid schedule and paid annual given",
        ),
        ([*ONE, "--paid-annual", "-5"], "Error: --paid-annual '-5' is negative (an amount from 0 to 10000000"),
        ([*ONE, "--paid-annual", "lots"], "Error: --paid-annual 'lots' is not a plain decimal number"),
        ([*ONE, "--paid-schedule", "May 2008"], "Error: --paid-schedule 'May 2008' is not a valid date"),
        ([*ONE, "--method", "weekly"], "Error: method 'weekly' is not known (semimonthly, biweekly, monthly, daily)"),
        ([*ONE, "--paid-schedule", "2001-01-01"], "Error: date 2001-01-01 is before the first schedule"),
        ([*ONE, "--hours", "200"], "Error: --hours '200' is out of range"),
        (
            ["retro", "--roster", "/nonexistent.csv"],
            "Error: cannot read the roster /nonexistent.csv: No such file or directory",
        ),
        (["retro", "--roster", "-", "--method", "weekly"], "Error: method 'weekly' is not known"),
    ],
)
def test_errors_are_one_line_and_exit_1(args: list[str], message: str) -> None:
    assert_one_error_line(run(*args, input=ROSTER), 1, message)


def assert_one_error_line(result, code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == code, result.output
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["retro", "--title", "Ed. Asst. B", "--from", "2013-05-01", "--to", "2014-09-30"],
            "Error: missing --hired (one person needs",
        ),
        ([*ONE, "--roster", "x.csv"], "Error: --title, --hired cannot be used with --roster"),
        (
            ["retro", "--roster", "-", "--format", "table"],
            "Error: --format table is not available with --roster (csv or json)",
        ),
        ([*ONE, "--skip-invalid"], "Error: --skip-invalid applies only with --roster"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    assert_one_error_line(run(*args, input=ROSTER), 2, message)


def test_an_output_folder_that_does_not_exist(tmp_path: Path) -> None:
    source = tmp_path / "roster.csv"
    source.write_text(ROSTER)
    result = run("retro", "--roster", str(source), "--output", str(tmp_path / "missing" / "retro.csv"))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: cannot write {tmp_path / 'missing' / 'retro.csv'}: its folder {tmp_path / 'missing'} does not exist"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.csv"]


@pytest.mark.parametrize(
    ("roster", "message"),
    [
        (
            "id,title,hired,from\n",
            "Error: stdin: missing columns to in the header (accepted: id,title,hired,from,to and optionally",
        ),
        ("id,title,hird,from,to\n", "Error: stdin: column 'hird' looks like a misspelt 'hired' (rename it"),
        ("id,title,hired,from,to,,x\n", "Error: stdin: column F has no name in the header"),
        (
            "id;title;hired;from;to\nE1;Teacher Aide;2005-09-01;2013-05-01;2014-09-30\n",
            "Error: stdin: the header is one column, its names separated by semicolons (paycalc reads commas: save",
        ),
        ("id\ttitle\thired\tfrom\tto\n", "Error: stdin: the header is one column, its names separated by tabs"),
        ("id;title\n", "Error: stdin: the header is one column, its names separated by semicolons"),
        ("id|title|hired|from|to\n", "Error: stdin: the header is one column, its names separated by bars"),
        ("id,name;x\n", "Error: stdin: missing columns title, hired, from, to in the header"),  # two columns: as before
        (
            ROSTER + "E5,Teacher Aide,2005-09-01,2013-05-01,2014-09-30,,extra\n",
            "Error: stdin: line 5: more cells than the header has columns",
        ),
        (
            ROSTER + "A1,Teacher Aide,2005-09-01,2015-05-01,2015-09-30,\n",
            "Error: stdin: line 5: id 'A1' appears again after other ids",
        ),
        (
            ROSTER + ",Teacher Aide,2005-09-01,2013-05-01,2014-09-30,\n",
            "Error: stdin: line 5: no id (every row has id, title, hired, from, to)",
        ),
    ],
)
def test_roster_file_errors(roster: str, message: str) -> None:
    result = run("retro", "--roster", "-", input=roster)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert result.stdout == ""


@given(
    st.lists(
        st.tuples(
            st.sampled_from(TITLES),
            st.dates(min_value=date(1980, 1, 1), max_value=date(2013, 5, 1)),
            st.sampled_from(["2013-05-01", "2014-01-16", "2016-02-29"]),
            st.sampled_from(["2014-09-30", "2016-03-15", "2018-11-30"]),
            st.sampled_from(["", "20", "17.5"]),
            st.sampled_from(["", "26843", ""]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_each_roster_total_equals_pricing_its_row_alone(rows: list[tuple[str, date, str, str, str, str]]) -> None:
    """Rows on a common path are priced once for many members; each must still get its own exact sums."""
    roster = [
        {"id": f"E{n}", "title": t, "hired": h.isoformat(), "from": a, "to": b, "hours": hrs, "paid_annual": paid}
        for n, (t, h, a, b, hrs, paid) in enumerate(rows)
        if h.isoformat() <= a <= b
    ]
    totals = list(paycalc.retro_roster(roster, schedules=CONTRACT))
    for row, total in zip(roster, totals, strict=True):
        alone = retro(
            title=row["title"], hired=row["hired"], start=row["from"], end=row["to"],
            **{k: v for k, v in (("hours", row["hours"]), ("paid_annual", row["paid_annual"])) if v},
        )  # fmt: skip
        assert (total.owed, total.paid, total.retro) == (alone.owed, alone.paid, alone.retro)


def test_a_roster_takes_the_period_from_the_command_for_rows_without_their_own(tmp_path: Path) -> None:
    # the second row's own from/to win; the others take --from/--to. Each row priced as one person would be.
    roster = tmp_path / "members.csv"
    roster.write_text(
        "id,title,hired,from,to\n"
        "A,Ed. Asst. B,2005-09-01,,\n"
        "B,Teacher Aide,2010-09-07,2013-05-01,2013-06-30\n"
        "C,Ed. Asst. B,2005-09-01,2014-01-01,\n"
    )
    result = runner.invoke(app, ["retro", "--roster", str(roster), "--from", "2013-05-01", "--to", "2014-09-30"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()

    def one(title: str, hired: str, start: str, end: str) -> str:
        answer = paycalc.retro_pay(title, hired=hired, start=start, end=end)
        return f"{answer.owed},{answer.paid},{answer.retro}"

    assert lines[1] == "A,1," + one("Ed. Asst. B", "2005-09-01", "2013-05-01", "2014-09-30")
    assert lines[2] == "B,1," + one("Teacher Aide", "2010-09-07", "2013-05-01", "2013-06-30")
    assert lines[3] == "C,1," + one("Ed. Asst. B", "2005-09-01", "2014-01-01", "2014-09-30")
    missing = runner.invoke(app, ["retro", "--roster", str(roster), "--from", "2013-05-01"])
    assert missing.exit_code == 1 and "line 2: no to (every row has id, title, hired, from, to)" in missing.stderr


def test_a_pro_rated_segments_rate_is_shown_to_the_cent() -> None:
    """20 of the 30 regular hours (Article Three A.3): the 5-year row of 2018-05-01, $31,120, is
    31,120 x 20 / 30 = 20,746.666.. a year, shown 20746.67; the flat amount paid as given."""
    done = paycalc.retro_pay(
        "Ed. Asst. B", hired="2005-09-01", start="2018-05-01", end="2018-06-15", hours="20", paid_annual="20000"
    )
    (segment,) = done.segments
    assert (str(segment.owed_rate.quantize(Decimal("0.01"))), segment.paid_rate) == ("20746.67", Decimal(20000))
