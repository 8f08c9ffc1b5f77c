"""``paycalc paychecks``: each check worked by hand from the contract's rates, and the checks add up to retro."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app

CENT = Decimal("0.01")


def half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["paychecks", *args], env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


ED_ASST_B = ["--title", "Ed. Asst. B", "--hired", "2005-09-01"]


def test_each_check_by_hand() -> None:
    # Ed. Asst. B, 5-year row (hired 2005-09-01): 2017-05-01 $30,522; 2018-05-01 $31,120; 2018-06-16 $32,053
    # (Article Three A.1). Semimonthly: annual / 24 a check.
    method, checks = paycalc.paychecks("Ed. Asst. B", hired="2005-09-01", start="2018-04-16", end="2018-06-30")
    assert method == "semimonthly"
    assert [(str(c.pay_date), c.days, c.gross) for c in checks] == [
        ("2018-04-30", 15, half_up(Decimal(30522) / 24)),  # 1,271.75
        ("2018-05-15", 15, half_up(Decimal(31120) / 24)),  # 1,296.666 -> 1,296.67
        ("2018-05-31", 16, half_up(Decimal(31120) / 24)),
        ("2018-06-15", 15, half_up(Decimal(31120) / 24)),
        ("2018-06-30", 15, half_up(Decimal(32053) / 24)),  # 1,335.541 -> 1,335.54
    ]
    assert checks[-1].rows == (("Ed. Asst. B", date(2018, 6, 16), "5-year"),)


def test_a_check_in_which_the_row_changes() -> None:
    # hired 2013-05-10: the 5-year row from 2018-05-10, inside the 05-01..05-15 check. 2018-05-01 schedule:
    # base $30,541 for 9 days, 5-year $31,120 for 6, of the period's 15 days, each piece to the cent.
    _, checks = paycalc.paychecks("Ed. Asst. B", hired="2013-05-10", start="2018-05-01", end="2018-05-15")
    (check,) = checks
    base = half_up(Decimal(30541) * 9 / (24 * 15))
    five = half_up(Decimal(31120) * 6 / (24 * 15))
    assert check.gross == base + five
    assert [row[2] for row in check.rows] == ["base", "5-year"]


def test_years_means_completed_years_on_the_start() -> None:
    _, by_years = paycalc.paychecks("Teacher Aide", years=4, start="2018-05-01", end="2018-06-30")
    _, by_hire = paycalc.paychecks("Teacher Aide", hired="2014-05-01", start="2018-05-01", end="2018-06-30")
    assert by_years == by_hire
    # Teacher Aide, base row (4 years): 2018-05-01 $25,172 a year, so $1,048.833 -> $1,048.83 a check
    assert by_years[0].rows == (("Teacher Aide", date(2018, 5, 1), "base"),)
    assert by_years[0].gross == half_up(Decimal(25172) / 24)


@settings(max_examples=60, deadline=None)
@given(
    first=st.integers(min_value=0, max_value=3600),
    length=st.integers(min_value=0, max_value=400),
    hired_back=st.integers(min_value=0, max_value=8000),
    method=st.sampled_from(["semimonthly", "monthly", "biweekly"]),
    hours=st.sampled_from([None, "20", "17.5"]),
)
@example(first=3272, length=60, hired_back=4600, method="semimonthly", hours=None)
@example(first=27, length=20, hired_back=100, method="semimonthly", hours=None)  # from a 15th (2008-06-15)
@example(first=12, length=30, hired_back=100, method="monthly", hours=None)  # from the last of a month
def test_the_checks_add_up_to_retros_owed(
    first: int, length: int, hired_back: int, method: str, hours: str | None
) -> None:
    start = date(2008, 5, 19) + timedelta(days=first)
    end = start + timedelta(days=length)
    hired = start - timedelta(days=hired_back)
    anchor = "2018-01-05" if method == "biweekly" else None
    _, checks = paycalc.paychecks(
        "Ed. Assoc.", hired=hired, start=start, end=end, hours=hours, method=method, anchor=anchor
    )
    owed = paycalc.retro_pay(
        "Ed. Assoc.", hired=hired, start=start, end=end, hours=hours, method=method, anchor=anchor, paid_annual=0
    ).owed
    assert sum((c.gross for c in checks), Decimal(0)) == owed
    assert sum(c.days for c in checks) == length + 1


def test_a_change_inside_a_check_adds_up_to_retro() -> None:
    folder = paycalc.contract.loader.bundled_contract("lunenburg-paras")
    args = {"hired": "2019-09-03", "start": "2025-12-15", "end": "2026-02-28", "schedules": folder}
    changes = ["2026-01-07:title=Bachelor's"]
    _, checks = paycalc.paychecks("Associate's", changes=changes, **args)
    owed = paycalc.retro_pay("Associate's", changes=changes, paid_annual=0, **args).owed
    assert sum((c.gross for c in checks), Decimal(0)) == owed
    inside = [c for c in checks if c.start <= date(2026, 1, 7) <= c.end]
    assert [row[0] for row in inside[0].rows] == ["Associate's", "Bachelor's"]


def test_22_cycles_list_no_summer_checks() -> None:
    folder = paycalc.contract.loader.bundled_contract("lunenburg-paras")
    _, checks = paycalc.paychecks(
        "High School", hired="2024-08-26", start="2026-07-01", end="2026-09-30", pay_cycles=22, schedules=folder
    )
    # the school year 2026-27 starts with the period 2026-08-25..09-07 (the anchor 2025-07-01 + 14 k)
    assert [str(c.pay_date) for c in checks] == ["2026-09-07", "2026-09-21", "2026-10-05"]
    # hired 2024-08-26: July 1s 2025 and 2026 after hire, so High School step 3 in FY27: 19.97 x 1254.5 =
    # 25,052.365 -> 25,052.37 a year; a whole check is the rounded annual / 22 = 1,138.744 -> 1,138.74
    assert checks[0].gross == half_up(half_up(Decimal("19.97") * Decimal("1254.5")) / 22) == Decimal("1138.74")
    assert checks[-1].days == 9  # 09-22..09-30 of the 09-22..10-05 period


def test_paid_file_adds_paid_and_difference(tmp_path: Path) -> None:
    paid = tmp_path / "paid.csv"
    paid.write_text("pay_date,gross\n2018-05-15,1271.75\n2018-05-31,1296.67\n")
    code, out, _ = cli(*ED_ASST_B, "--from", "2018-05-01", "--to", "2018-06-15", "--paid", str(paid), "-f", "json")
    assert code == 0
    answer = json.loads(out)
    assert [(c["pay_date"], c["paid"], c["difference"]) for c in answer["checks"]] == [
        ("2018-05-15", "1271.75", "24.92"),  # 1,296.67 - 1,271.75
        ("2018-05-31", "1296.67", "0.00"),
        ("2018-06-15", None, None),
    ]
    assert (answer["gross"], answer["paid"], answer["difference"]) == ("3890.01", "2568.42", "24.92")
    assert answer["checks_not_in_paid"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("date,amount\n", "line 1: 'date,amount' is not a pay date and a gross (e.g. 2018-05-15, 1271.75)"),
        ("pay_date,gross\n2018-05-15\t$1271.75\n2018-05-15,1\n", "line 3: 2018-05-15 appears twice"),
        ("pay_date,gross\n2018-05-14,1\n", "line 2: 2018-05-14 is not the pay date of a check in the range"),
        ("pay_date,gross\n2018-05-15,1\n2018-05-15,2\n", "line 3: 2018-05-15 appears twice (one line per check)"),
        ("pay_date,gross\n2018-05-15,lots\n", "line 2: gross 'lots' is not an amount"),
        ("pay_date,gross\n2018-05-15\n", "line 2: '2018-05-15' is not a pay date and a gross"),
        ("5/15/18 $1,271.75\n", "line 1: pay date '5/15/18' has a two-digit year (write it in full"),
        ("15/5/2018 $1,271.75\n", "line 1: pay date '15/5/2018' is not a date (month/day/year"),
        ("2018-05-15 $1,27,1.75\n", "line 1: gross '$1,27,1.75' is not an amount"),
    ],
)
def test_paid_file_errors(tmp_path: Path, content: str, message: str) -> None:
    paid = tmp_path / "paid.csv"
    paid.write_text(content)
    code, out, err = cli(*ED_ASST_B, "--from", "2018-05-01", "--to", "2018-06-15", "--paid", str(paid))
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: --paid {paid}: {message}")
    assert err.count("\n") == 1


def test_usage_errors() -> None:
    code, _, err = cli(*ED_ASST_B, "--from", "2018-05-01", "--to", "2018-06-15", "--paid", "")
    assert code == 2 and "--paid is empty" in err
    code, _, err = cli("--title", "Ed. Asst. B", "--from", "2018-05-01", "--to", "2018-06-15")
    assert code == 2 and "neither --years nor --hired" in err
    code, _, err = cli(*ED_ASST_B, "--from", "2018-05-01", "--to", "2018-06-15", "--pay-cycles", "22")
    assert code == 2 and "--pay-cycles applies to biweekly pay, not semimonthly" in err
    code, _, err = cli(*ED_ASST_B, "--from", "2018-05-01", "--to", "2018-06-15", "--method", "daily")
    assert code == 1 and "method 'daily' has no paychecks" in err
    code, _, err = cli(*ED_ASST_B, "--from", "2018-06-15", "--to", "2018-05-01")
    assert code == 1 and "before the start" in err


def test_a_paid_file_that_cannot_be_read(tmp_path: Path) -> None:
    code, out, err = cli(*ED_ASST_B, "--from", "2018-05-01", "--to", "2018-06-15", "--paid", str(tmp_path / "none.csv"))
    assert (code, out) == (1, "")
    assert err == (
        f"Error: --paid {tmp_path / 'none.csv'}: cannot be read: No such file or directory "
        "(a CSV file with the header pay_date,gross)\n"
    )


def test_two_changes_of_one_key_on_one_day() -> None:
    code, _, err = cli(
        *ED_ASST_B, "--from", "2018-05-01", "--to", "2018-06-15", "--change", "2018-06-01:hours=20",
        "--change", "2018-06-01:hours=25",
    )  # fmt: skip
    assert code == 1 and err == "Error: two changes of hours on 2018-06-01 (one a day for each key)\n"


def test_paid_lines_as_pay_stubs_and_spreadsheets_write_them() -> None:
    from paycalc.rules.paychecks import parse_paid

    dates = {date(2018, 5, 15), date(2018, 5, 31), date(2018, 6, 15), date(2018, 6, 30)}
    text = '5/15/2018 $1,271.75\n2018-05-31\t$1296.67\n"6/15/2018","1,296.67"\n2018-06-30, 1335.54\n'
    assert parse_paid(text, dates) == {
        date(2018, 5, 15): Decimal("1271.75"),
        date(2018, 5, 31): Decimal("1296.67"),
        date(2018, 6, 15): Decimal("1296.67"),
        date(2018, 6, 30): Decimal("1335.54"),
    }


def test_22_checks_on_a_contract_without_pay_cycles() -> None:
    """NYC has no pay cycles of its own: --pay-cycles 22 pays the school year's 22 biweekly periods, the 22
    that end with the last period ending on or before June 30. Periods run from the anchor 2018-01-05 every 14
    days: 2018-06-08..06-21 is the last of the school year ending June 2018 (the next ends 07-05); the school
    year ending June 2019 ends with 2019-06-07..06-20, so it starts 21 periods earlier, on 2018-08-17.
    The four periods between (06-22 to 08-16) are the summer's, with no check."""
    _, checks = paycalc.paychecks(
        "Ed. Asst. B", hired="2005-09-01", start="2018-06-01", end="2018-09-30",
        method="biweekly", anchor="2018-01-05", pay_cycles=22,
    )  # fmt: skip
    assert [str(c.pay_date) for c in checks] == [
        "2018-06-07", "2018-06-21", "2018-08-30", "2018-09-13", "2018-09-27", "2018-10-11"
    ]  # fmt: skip
    # a whole check on the 5-year row of 2018-06-16 ($32,053, Article Three A.1): annual / 22 = 1,456.954..
    assert checks[2].gross == half_up(Decimal(32053) / 22) == Decimal("1456.95")
    assert str(checks[2].start) == "2018-08-17"


def test_a_range_ending_on_a_periods_first_day_has_its_check() -> None:
    # semimonthly: 2018-06-16 alone in the 16th-30th check, on the 2018-06-16 schedule: 32,053 / 24 / 15 = 89.036..
    _, checks = paycalc.paychecks("Ed. Asst. B", hired="2005-09-01", start="2018-06-01", end="2018-06-16")
    assert [(str(c.pay_date), c.days, c.gross) for c in checks][-1] == ("2018-06-30", 1, Decimal("89.04"))
    # monthly, from a month's first day: May whole (31,120 / 12 = 2,593.33), and June 1 alone (31,120 / 12 / 30)
    _, checks = paycalc.paychecks(
        "Ed. Asst. B", hired="2005-09-01", start="2018-05-01", end="2018-06-01", method="monthly"
    )
    assert [(str(c.start), c.days, c.gross) for c in checks] == [
        ("2018-05-01", 31, half_up(Decimal(31120) / 12)),
        ("2018-06-01", 1, half_up(Decimal(31120) / 12 / 30)),  # 86.444.. -> 86.44
    ]


def test_a_check_met_on_its_first_or_last_day_is_listed() -> None:
    """Lunenburg's checks of 2026-27 (22 a year): 08-25..09-07, then 09-08..09-21 (see above). A range from
    09-07 (a check's last day) to 09-08 (the next one's first) meets both, a day each."""
    folder = paycalc.contract.loader.bundled_contract("lunenburg-paras")
    _, checks = paycalc.paychecks(
        "High School", hired="2024-08-26", start="2026-09-07", end="2026-09-08", pay_cycles=22, schedules=folder
    )
    assert [(str(c.pay_date), c.days) for c in checks] == [("2026-09-07", 1), ("2026-09-21", 1)]


@pytest.mark.parametrize(
    ("line", "amount"),
    [("2018-05-15,10000000", "10000000"), ("2018-05-15,-10000000", "-10000000"),
     ("2018-05-15,10000000.01", None), ("2018-05-15,-10000000.01", None), ("2018-05-15 $$1,271.75", None)],
)  # fmt: skip
def test_a_paid_gross_within_ten_million_either_way(line: str, amount: str | None) -> None:
    from paycalc.contract.errors import InputError
    from paycalc.rules.paychecks import parse_paid

    if amount is None:
        with pytest.raises(InputError, match="is not an amount"):
            parse_paid(line, {date(2018, 5, 15)})
    else:
        assert parse_paid(line, {date(2018, 5, 15)}) == {date(2018, 5, 15): Decimal(amount)}


@pytest.mark.parametrize("count", [4, 5])
def test_a_date_not_checked_lists_four_pay_dates_then_dots(count: int) -> None:
    from paycalc.contract.errors import InputError
    from paycalc.rules.paychecks import parse_paid

    dates = {date(2018, 5, 15) + timedelta(days=14 * n) for n in range(count)}
    shown = "2018-05-15, 2018-05-29, 2018-06-12, 2018-06-26" + (", ..." if count == 5 else "")
    with pytest.raises(InputError) as caught:
        parse_paid("2018-05-16,1", dates)
    assert str(caught.value) == f"line 1: 2018-05-16 is not the pay date of a check in the range (checks: {shown})"


@pytest.mark.parametrize(
    ("change", "gross"),
    [
        ("workyear=0.5", half_up(Decimal(31120) * Decimal("0.5") / 24)),  # 648.333.. -> 648.33
        ("hours=20", half_up(Decimal(31120) * 20 / 30 / 24)),  # 20 of the 30 regular hours: 864.444.. -> 864.44
    ],
)
def test_a_change_of_work_pays_the_check_after_it(change: str, gross: Decimal) -> None:
    """Ed. Asst. B, 5-year row of 2018-05-01 ($31,120, Article Three A.1), semimonthly: the June 1-15 check
    after a change on June 1 (the May 16-31 check before it, whole time)."""
    _, checks = paycalc.paychecks(
        "Ed. Asst. B", hired="2005-09-01", start="2018-05-16", end="2018-06-15", changes=[f"2018-06-01:{change}"]
    )
    assert [c.gross for c in checks] == [half_up(Decimal(31120) / 24), gross]


@pytest.mark.parametrize(
    ("change", "annual"),
    [
        ("hours-per-day=6", Decimal("19.97") * 6 * 193),  # 23,125.26 a year
        ("hours=6", Decimal("19.97") * 6 * 193),  # on an hourly contract, hours are hours a day
        ("days=180", Decimal("19.97") * Decimal("6.5") * 180),  # 23,364.90 a year
    ],
)
def test_a_change_of_hours_or_days_on_lunenburg(change: str, annual: Decimal) -> None:
    """High School, step 3 in FY27 (hired 2024-08-26): $19.97 an hour, 6.5 hours x 193 days (MOA). From the
    2026-09-08..09-21 check (22 a year), the annual at the new hours or days, divided into 22 checks."""
    folder = paycalc.contract.loader.bundled_contract("lunenburg-paras")
    _, checks = paycalc.paychecks(
        "High School", hired="2024-08-26", start="2026-09-08", end="2026-09-21", pay_cycles=22, schedules=folder,
        changes=[f"2026-09-08:{change}"],
    )  # fmt: skip
    assert [c.gross for c in checks] == [half_up(half_up(annual) / 22)]


@pytest.mark.parametrize(
    ("anchor", "end", "dates"),
    [
        # a period ends on June 30 (06-17..06-30): the school year's last; the next year's starts 2018-08-26
        ("2018-06-17", "2018-09-15", ["2018-06-02", "2018-06-16", "2018-06-30", "2018-09-08", "2018-09-22"]),
        # a period ends on July 1 (06-18..07-01): the summer's first, no check
        ("2018-06-18", "2018-07-01", ["2018-06-03", "2018-06-17"]),
    ],
)
def test_22_checks_when_a_period_ends_on_june_30_or_july_1(anchor: str, end: str, dates: list[str]) -> None:
    """The school year's 22 periods end with the last period ending on or before June 30. From the anchor
    2018-06-17: the school year ending June 2019 ends with 2019-06-16..06-29, 22 periods, so it starts on
    2019-06-29 - 307 days = 2018-08-26."""
    _, checks = paycalc.paychecks(
        "Ed. Asst. B", hired="2005-09-01", start="2018-06-01", end=end, method="biweekly", anchor=anchor,
        pay_cycles=22,
    )  # fmt: skip
    assert [str(c.pay_date) for c in checks] == dates


def test_22_checks_pay_from_the_school_years_first_day() -> None:
    """From the anchor 2018-06-17 the school year ending June 2019 starts on 2018-08-26 (see above): of
    2018-08-20..08-31, six days are paid, of the 14-day period 08-26..09-08 at annual / 22. Ed. Asst. B on the
    5-year row of 2018-06-16, $32,053 (Article Three A.1): 32,053 x 6 / (14 x 22) = 624.409.. -> 624.41."""
    done = paycalc.retro_pay(
        "Ed. Asst. B", hired="2005-09-01", start="2018-08-20", end="2018-08-31", method="biweekly",
        anchor="2018-06-17", pay_cycles=22, paid_annual="0",
    )  # fmt: skip
    assert done.owed == half_up(Decimal(32053) * 6 / (14 * 22)) == Decimal("624.41")
    one = paycalc.retro_pay(
        "Ed. Asst. B", hired="2005-09-01", start="2018-08-26", end="2018-08-26", method="biweekly",
        anchor="2018-06-17", pay_cycles=22, paid_annual="0",
    )  # fmt: skip
    assert one.owed == half_up(Decimal(32053) / (14 * 22)) == Decimal("104.07")  # the first day alone: 104.068..
