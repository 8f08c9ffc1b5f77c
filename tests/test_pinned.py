"""Literal values that pin rules a one-character change could break unnoticed (each test names its mutant)."""

from datetime import date
from decimal import Decimal

import pytest

import paycalc
from paycalc.output.files import safe_cell
from paycalc.rules import core, periods

CONTRACT = paycalc.load_contract()


def test_the_shown_factor_includes_the_workyear() -> None:
    """Mutant: the displayed pro-rating factor ignoring workyear."""
    result = paycalc.annual_pay("Ed. Asst. B", "2018-06-16", years=16, hours=20, workyear="0.5")
    # 20 / 30 x 0.5 = 1/3; 33,352 / 3 = 11,117.333... -> 11,117.33
    assert result.factor.quantize(Decimal("0.000001")) == Decimal("0.333333")
    assert result.annual == Decimal("11117.33")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("A=1", "A=1"),
        ("", ""),
    ],
)
def test_every_formula_trigger_is_neutralised(text: str, shown: str) -> None:
    """Mutant: the CSV-injection guard without one of its triggers."""
    assert safe_cell(text) == shown


def test_a_longevity_step_on_the_last_day_of_the_range_counts() -> None:
    """Mutant: an anniversary on --to ignored."""
    result = paycalc.retro_pay(
        "Teacher Aide", hired="2008-09-01", start="2013-08-01", end="2013-09-01", method="daily", paid_annual="0"
    )
    assert [(s.start, s.longevity) for s in result.segments] == [
        (date(2013, 8, 1), "base"),
        (date(2013, 9, 1), "5-year"),
    ]
    # daily in 2013 (365 days): 21,930 x 31 / 365 = 1,862.547... -> 1,862.55; 22,435 x 1 / 365 = 61.465... -> 61.47
    assert [s.owed for s in result.segments] == [Decimal("1862.55"), Decimal("61.47")]


@pytest.mark.parametrize(("year", "leap"), [(1900, False), (2000, True), (2100, False), (2024, True), (2023, False)])
def test_leap_years_follow_the_400_year_rule(year: int, leap: bool) -> None:
    """Mutant: is_leap without the 400-year rule."""
    assert core.is_leap(year) is leap


def test_a_feb_29_hire_in_2096_has_its_anniversary_on_feb_28_2100() -> None:
    assert core.completed_years(date(2096, 2, 29), date(2100, 2, 27)) == 3
    assert core.completed_years(date(2096, 2, 29), date(2100, 2, 28)) == 4


@pytest.mark.parametrize(
    ("start", "end", "cents"),
    [
        # 2016 is a leap year: the Feb 16-29 period has 14 days. 24,000 / 24 = 1,000.00 a whole period.
        (date(2016, 2, 16), date(2016, 2, 29), 100000),
        # 13 of its 14 days: 1,000 x 13 / 14 = 928.571... -> 928.57
        (date(2016, 2, 16), date(2016, 2, 28), 92857),
        # 2015 is not: Feb 16-28 is the whole period
        (date(2015, 2, 16), date(2015, 2, 28), 100000),
        # Feb 29 alone: 1,000 / 14 = 71.428... -> 71.43
        (date(2016, 2, 29), date(2016, 2, 29), 7143),
        # 2100 is not a leap year: Feb 16-28 is whole
        (date(2100, 2, 16), date(2100, 2, 28), 100000),
    ],
)
def test_the_second_february_period_ends_on_its_last_day(start: date, end: date, cents: int) -> None:
    """Mutant: the Feb 16-29 period of a leap year ending on the 28th."""
    assert periods.semimonthly((24000, 1), start, end) == cents
