"""Invariants of the pay core, checked with hypothesis over bounded ranges, with the edges pinned."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given
from hypothesis import strategies as st

import paycalc
from paycalc.rules import core

CONTRACT = paycalc.load_contract()
TITLES = [title.name for title in CONTRACT.titles]
EFFECTIVE = [schedule.effective for schedule in CONTRACT.schedules]

titles = st.sampled_from(TITLES)
dates = st.dates(min_value=date(2008, 5, 19), max_value=date(2030, 12, 31))
years = st.integers(min_value=0, max_value=60)
hours = st.decimals(min_value=Decimal("0.25"), max_value=Decimal(168), places=2)
workyears = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(2), places=3)


def annual(title: str, on: date, **kwargs: object) -> Decimal:
    return paycalc.annual_pay(title, on, schedules=CONTRACT, **kwargs).annual  # type: ignore[arg-type]


def half_up_cents(amount: Fraction) -> Decimal:
    """Round an exact amount to the cent, half up, with integer arithmetic only."""
    cents = (amount * 100 + Fraction(1, 2)).__floor__()
    return Decimal(cents) / 100


@given(titles, dates, years, years)
def test_pay_never_falls_as_years_grow(title: str, on: date, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert annual(title, on, years=low) <= annual(title, on, years=high)


@given(titles, dates, years, hours, hours)
def test_pay_never_falls_as_hours_grow(title: str, on: date, service: int, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert annual(title, on, years=service, hours=low) <= annual(title, on, years=service, hours=high)


@given(titles, dates, years, hours, workyears)
@example("Ed. Asst. B", date(2018, 6, 16), 0, Decimal(30), Decimal("0.125"))  # 3932.125: a half cent
def test_pro_rating_is_rate_times_hours_over_30_times_workyear(
    title: str, on: date, service: int, week: Decimal, workyear: Decimal
) -> None:
    result = paycalc.annual_pay(title, on, years=service, hours=week, workyear=workyear, schedules=CONTRACT)
    exact = Fraction(result.rate) * Fraction(week) / 30 * Fraction(workyear)
    assert result.annual == half_up_cents(exact)


@given(titles, dates, years, hours)
def test_pro_rating_is_linear_in_hours(title: str, on: date, service: int, week: Decimal) -> None:
    one = annual(title, on, years=service, hours=week / 2)
    two = annual(title, on, years=service, hours=week)
    assert abs(two - 2 * one) <= Decimal("0.01")  # each side rounded once to the cent


@given(titles, st.sampled_from(range(len(EFFECTIVE) - 1)), st.integers(min_value=0, max_value=2000), years)
@example(TITLES[0], 0, 0, 3)  # the effective date itself
@example(TITLES[0], 6, 45, 3)  # 2018-06-15: the last day of the 2018-05-01 schedule
def test_pay_is_constant_between_effective_dates(title: str, i: int, offset: int, service: int) -> None:
    start, end = EFFECTIVE[i], EFFECTIVE[i + 1]
    on = min(start + timedelta(days=offset), end - timedelta(days=1))
    assert annual(title, on, years=service) == annual(title, start, years=service)


@given(titles, dates, years)
def test_full_time_full_year_is_the_published_rate(title: str, on: date, service: int) -> None:
    result = paycalc.annual_pay(title, on, years=service, hours=30, workyear=1, schedules=CONTRACT)
    assert result.annual == result.rate
    assert result.annual == annual(title, on, years=service)  # the defaults are full time, full year


def _anniversaries(hired: date, on: date) -> int:
    """Count anniversaries on or before ``on`` one by one (Feb 29 falls back to Feb 28)."""
    count = 0
    for year in range(hired.year + 1, on.year + 1):
        try:
            anniversary = date(year, hired.month, hired.day)
        except ValueError:
            anniversary = date(year, 2, 28)
        count += anniversary <= on
    return count


@given(st.dates(min_value=date(1960, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=0, max_value=25000))
@example(date(2012, 2, 29), 365 * 5)  # 2017-02-27: the day before a common-year anniversary
@example(date(2012, 2, 29), 365 * 5 + 1)  # 2017-02-28
@example(date(2012, 2, 29), 365 * 4)  # 2016-02-28
def test_completed_years_are_the_anniversaries_passed(hired: date, days: int) -> None:
    on = hired + timedelta(days=days)
    assert core.completed_years(hired, on) == _anniversaries(hired, on)


@given(st.integers(-(10**15), 10**15))
def test_cents_are_written_as_the_decimal_money_writes_them(value: int) -> None:
    """A roster's per-member amounts are written from whole cents without a Decimal each: the same text."""
    from paycalc.membership.cost_sums import money_of
    from paycalc.output.render import cents, cents_text

    assert cents_text(value) == cents(money_of(value))
