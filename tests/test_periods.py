"""Biweekly and monthly pay periods: worked by hand, against a day-by-day reference, and as properties."""

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.rules import periods
from tests.test_locals import write_contract

runner = CliRunner()
ANCHOR = date(2024, 1, 5)


def biweekly(annual: int, start: date, end: date, anchor: date = ANCHOR) -> int:
    return periods.payer("biweekly", anchor)((annual * 100, 100), start, end)


def monthly(annual: int, start: date, end: date) -> int:
    return periods.payer("monthly")((annual * 100, 100), start, end)


def test_biweekly_by_hand() -> None:
    # $26,000 a year: a whole 14-day period pays 1000.00
    assert biweekly(26000, date(2024, 1, 5), date(2024, 1, 18)) == 100000
    # Jan 1-4 (4 days of the period from Dec 22): 26000 x 4 / 364 = 285.714 -> 285.71;
    # Jan 5-18 whole: 1000.00; Jan 19-31 (13 of 14 days): 26000 x 13 / 364 = 928.571 -> 928.57
    assert biweekly(26000, date(2024, 1, 1), date(2024, 1, 31)) == 28571 + 100000 + 92857


@pytest.mark.parametrize("weeks", [-2 * 1500, -2, 2, 2 * 1500])
def test_an_anchor_far_before_or_after_the_range_is_the_same_calendar(weeks: int) -> None:
    anchor = ANCHOR + timedelta(weeks=weeks)
    assert biweekly(26000, date(2024, 1, 1), date(2024, 1, 31), anchor) == 28571 + 100000 + 92857
    # one day later, the periods move: Jan 1-5 is 5 days, Jan 6-19 whole, Jan 20-31 is 12 days
    moved = anchor + timedelta(days=1)
    assert biweekly(26000, date(2024, 1, 1), date(2024, 1, 31), moved) == 35714 + 100000 + 85714


def test_monthly_by_hand_in_a_leap_year() -> None:
    # $24,000 a year: a month pays 2000.00. Feb 10-29, 2024 is 20 of 29 days: 24000 x 20 / 348 = 1379.3103;
    # March whole: 2000.00; April 1-20 is 20 of 30 days: 24000 x 20 / 360 = 1333.333
    assert monthly(24000, date(2024, 2, 10), date(2024, 4, 20)) == 137931 + 200000 + 133333
    assert monthly(24000, date(2023, 2, 1), date(2023, 2, 28)) == 200000  # a common year's whole February
    assert monthly(24000, date(2024, 2, 1), date(2024, 2, 28)) == 193103  # 28 of 29 days: 672000 / 348 = 1931.034


def cents(value: Fraction) -> int:
    return int(Decimal(value.numerator * 100 / Decimal(value.denominator)).quantize(1, rounding=ROUND_HALF_UP))


def day_by_day(annual: Fraction, start: date, end: date, period_of) -> int:  # type: ignore[no-untyped-def]
    """The reference: walk every day, group the days by pay period, price each group by its share."""
    groups: dict[tuple[date, int], int] = {}
    day = start
    while day <= end:
        first, length, per_year = period_of(day)
        groups[(first, length)] = groups.get((first, length), 0) + 1
        day += timedelta(days=1)
    total = 0
    for (_, length), days in groups.items():
        total += cents(annual * days / (length * per_year)) if days != length else cents(annual / per_year)
    return total


def biweekly_period(anchor: date):  # type: ignore[no-untyped-def]
    def period_of(day: date) -> tuple[date, int, int]:
        first = anchor + timedelta(days=((day - anchor).days // 14) * 14)
        return first, 14, 26

    return period_of


def month_period(day: date) -> tuple[date, int, int]:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day.replace(day=1), (following - day.replace(day=1)).days, 12


days_in = st.dates(min_value=date(1999, 1, 1), max_value=date(2030, 12, 31))
amounts = st.integers(min_value=1, max_value=10_000_000_00).map(lambda c: Fraction(c, 100))


@given(amounts, days_in, st.integers(min_value=0, max_value=400), days_in)
def test_biweekly_closed_form_equals_the_day_by_day_reference(
    annual: Fraction, start: date, length: int, anchor: date
) -> None:
    end = start + timedelta(days=length)
    rational = (annual.numerator, annual.denominator)
    assert periods.payer("biweekly", anchor)(rational, start, end) == day_by_day(
        annual, start, end, biweekly_period(anchor)
    )


@given(amounts, days_in, st.integers(min_value=0, max_value=800))
def test_monthly_closed_form_equals_the_day_by_day_reference(annual: Fraction, start: date, length: int) -> None:
    end = start + timedelta(days=length)
    rational = (annual.numerator, annual.denominator)
    assert periods.payer("monthly")(rational, start, end) == day_by_day(annual, start, end, month_period)


@given(amounts, days_in)
def test_26_whole_biweekly_periods_pay_26_rounded_checks(annual: Fraction, anchor: date) -> None:
    end = anchor + timedelta(days=26 * 14 - 1)
    rational = (annual.numerator, annual.denominator)
    assert periods.payer("biweekly", anchor)(rational, anchor, end) == 26 * cents(annual / 26)


def test_a_rate_change_inside_a_biweekly_period(tmp_path: Path) -> None:
    """Hired 2022-07-01, step 2 both sides of 2024-07-01 (the freeze): $21.00 -> $21.50 an hour.

    The period 2024-06-28 to 07-11 splits: 3 days at 21.00 x 1183 = 24843: 24843 x 3 / 364 = 204.75;
    11 days at 21.50 x 1183 = 25434.50: 25434.5 x 11 / 364 = 768.625 -> 768.63 (half up). Owed 973.38.
    Paid, the 2023 schedule frozen: 24843 / 26 = 955.50. Retro 17.88.
    """
    folder = write_contract(tmp_path / "hourly")
    result = runner.invoke(
        app,
        ["retro", "--schedules", str(folder), "--title", "Para", "--hired", "2022-07-01", "--from", "2024-06-28",
         "--to", "2024-07-11", "--paid-schedule", "2023-07-01", "--method", "biweekly", "--anchor", "2024-06-28",
         "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["method"], record["owed"], record["paid"], record["retro"]) == (
        "biweekly",
        "973.38",
        "955.50",
        "17.88",
    )


def test_the_contract_default_pay_periods(tmp_path: Path) -> None:
    """A contract's pay_periods and anchor are retro's default; monthly is annual / 12 a month."""
    text = (Path(__file__).parent / "test_locals.py").read_text()
    assert "pay_periods" not in text  # the shared fixture has none: add them here
    from tests.test_locals import CONTRACT

    folder = write_contract(tmp_path / "c", CONTRACT + "pay_periods: monthly\n")
    # step 2 all of July 2023 (hired 2022-07-01): 24843 / 12 = 2070.25 owed; paid a flat 24000 / 12 = 2000
    result = paycalc.retro_pay(
        "Para", hired="2022-07-01", start="2023-07-01", end="2023-07-31", paid_annual=24000, schedules=folder
    )
    assert (result.method, str(result.owed), str(result.paid)) == ("monthly", "2070.25", "2000.00")


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["--method", "biweekly"], "Error: biweekly pay needs an anchor", 1),
        (["--method", "monthly", "--anchor", "2024-01-05"], "Error: an anchor is only for biweekly pay", 1),
        (["--method", "biweekly", "--anchor", "2024-02-30"], "Error: --anchor '2024-02-30' is not a valid date", 1),
    ],
)
def test_method_errors(args: list[str], message: str, code: int) -> None:
    result = runner.invoke(
        app,
        [
            "retro",
            "--title",
            "Teacher Aide",
            "--hired",
            "2010-09-07",
            "--from",
            "2013-05-01",
            "--to",
            "2013-06-30",
            *args,
        ],
    )
    assert result.exit_code == code
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


def july_firsts_counted(hired: date, on: date, freeze: tuple[date, date]) -> int:
    """The fixture's step rule by brute force: the July 1s after hire up to ``on`` that fall a full year or more
    after hire (its cut-off, 07-02: a para hired after July 1 serves a year first), less the frozen ones."""
    try:
        year_served = date(hired.year + 1, hired.month, hired.day)
    except ValueError:  # Feb 29 in a common year
        year_served = date(hired.year + 1, 2, 28)
    july_firsts = [date(y, 7, 1) for y in range(hired.year, on.year + 1)]
    counted = [d for d in july_firsts if hired < d <= on and d >= year_served]
    return sum(1 for d in counted if not freeze[0] <= d <= freeze[1])


HOURLY_RATES = {  # the fixture's schedules in test_locals.py: effective date -> step 1..4 hourly rates
    date(2023, 7, 1): ("20.00", "21.00", "22.00", "23.00"),
    date(2024, 7, 1): ("20.50", "21.50", "22.50", "23.50"),
    date(2025, 7, 1): ("21.00", "22.00", "23.00", "24.00"),
}


@pytest.fixture(scope="module")
def hourly(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_contract(tmp_path_factory.mktemp("hourly"))


def owed_rate(hired: date, day: date) -> Fraction:
    schedule = max(d for d in HOURLY_RATES if d <= day)
    step = min(july_firsts_counted(hired, day, (date(2024, 7, 1), date(2025, 6, 30))), 3)
    return Fraction(HOURLY_RATES[schedule][step]) * Fraction(13, 2) * 182


@given(
    st.dates(min_value=date(2018, 1, 1), max_value=date(2025, 12, 31)),
    st.dates(min_value=date(2023, 7, 1), max_value=date(2026, 6, 30)),
    st.integers(min_value=0, max_value=200),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 1, 1)),
)
def test_biweekly_retro_equals_a_day_by_day_reference(
    hourly: Path, hired: date, start: date, length: int, anchor: date
) -> None:
    """Owed under the hourly fixture, biweekly, against walking each day: its rate (by the brute-force
    step rule above) and its pay period; each run of one rate in one period priced by its share."""
    start = max(start, hired)
    end = start + timedelta(days=length)
    result = paycalc.retro_pay(
        "Para", hired=hired, start=start, end=end, paid_annual=0, method="biweekly", anchor=anchor, schedules=hourly
    )
    pieces: dict[tuple[date, Fraction], int] = {}
    day = start
    while day <= end:
        first = anchor + timedelta(days=((day - anchor).days // 14) * 14)
        key = (first, owed_rate(hired, day))
        pieces[key] = pieces.get(key, 0) + 1
        day += timedelta(days=1)
    expected = sum(cents(rate * days / 364) for (_, rate), days in pieces.items())
    assert int(result.owed * 100) == expected


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (
            ["--hours-per-day", "6", "--differential", "degree"],
            "Error: --hours-per-day, --differential cannot be used with --roster (the roster's columns give them",
            2,
        ),
        (["--days", "180"], "Error: --days cannot be used with --roster", 2),
        (["--method", "biweekly", "--anchor", "2024-02-30"], "Error: --anchor '2024-02-30' is not a valid date", 1),
        (["--method", "biweekly"], "Error: biweekly pay needs an anchor", 1),
    ],
)
def test_roster_method_and_work_option_errors(tmp_path: Path, args: list[str], message: str, code: int) -> None:
    (tmp_path / "members.csv").write_text("id,title,hired,from,to\nA,Teacher Aide,2010-09-07,2013-05-01,2013-06-30\n")
    result = runner.invoke(app, ["retro", "--roster", str(tmp_path / "members.csv"), *args])
    assert result.exit_code == code
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--method", "weekly"], "Error: method 'weekly' is not known (semimonthly, biweekly, monthly, daily)"),
        (["--method", "biweekly"], "Error: biweekly pay needs an anchor"),
        (["--method", "daily", "--anchor", "2019-07-05"], "Error: an anchor is only for biweekly pay, not daily"),
    ],
)
def test_cost_method_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "members.csv").write_text("id,title,hired\nA,Teacher Aide,2010-09-07\n")
    result = runner.invoke(
        app,
        ["cost", "--roster", str(tmp_path / "members.csv"), "--proposal", "uft-2019-2022",
         "--from", "2019-07-01", "--to", "2020-06-30", *args],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1


@pytest.mark.parametrize(("offered", "chosen"), [((26, 22), 26), ((22, 26), 26), ((22,), 22), ((), 26)])
def test_the_pay_cycles_elected_by_default(offered: tuple[int, ...], chosen: int) -> None:
    """Without --pay-cycles: 26 checks where the contract offers 26 (Lunenburg's MOA: 26 unless a member elects
    22) or offers no pay cycles; a contract's one election otherwise."""
    from paycalc.contract.loader import bundled_contract

    contract = paycalc.load_contract(bundled_contract("lunenburg-paras"))
    contract = contract._replace(terms=contract.terms._replace(pay_cycles=offered))
    assert periods.election(contract, None) == chosen
    assert periods.election(contract, 22) == 22


def test_pay_cycles_on_a_contract_without_its_own(tmp_path: Path) -> None:
    """NYC offers no pay cycles: --pay-cycles 26 is plain biweekly pay, 22 the school year's; others refused."""
    base = ["retro", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2018-07-01", "--to", "2018-12-31",
            "--method", "biweekly", "--anchor", "2018-06-17", "--paid-annual", "0", "-f", "json"]  # fmt: skip
    plain = json.loads(runner.invoke(app, base).stdout)
    twenty_six = json.loads(runner.invoke(app, [*base, "--pay-cycles", "26"]).stdout)
    assert (twenty_six["owed"], twenty_six["segments"]) == (plain["owed"], plain["segments"])
    refused = runner.invoke(app, [*base, "--pay-cycles", "27"])
    assert refused.exit_code == 1
    assert refused.stderr == "Error: --pay-cycles '27' is not offered (22 or 26 biweekly checks a year)\n"
