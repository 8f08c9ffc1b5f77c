"""Pay periods: what a run of days at one annual rate pays, in integer cents, in closed form.

- ``semimonthly``: pay periods run from the 1st to the 15th and from the 16th to the month's end; a
  period pays annual / 24. A piece of a period is prorated by calendar days within its period.
- ``daily``: a piece is a run of days at one rate within one calendar year; each day pays annual / the
  days of its year.

Each piece is rounded to the cent, half up. Pure: no I/O.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from math import gcd

from paycalc import core

METHODS = ("semimonthly", "daily")
ONE_DAY = datetime.timedelta(days=1)

Rational = tuple[int, int]  # numerator, positive denominator, in lowest terms


def rational(value: Decimal) -> Rational:
    num, den = value.as_integer_ratio()
    return num, den


def product(*factors: Rational) -> Rational:
    num = den = 1
    for n, d in factors:
        num, den = num * n, den * d
    common = gcd(num, den)
    return num // common, den // common


def cents(annual: Rational, days: int, per: int) -> int:
    """``annual x days / per`` in cents, rounded half up (amounts are never negative)."""
    num, den = annual
    top, bottom = num * 100 * days, den * per
    return (2 * top + bottom) // (2 * bottom)


def as_decimal(annual: Rational) -> Decimal:
    return Decimal(annual[0]) / Decimal(annual[1])


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_of_period(year: int, month: int, day: int) -> int:
    """The day of the month on which the semimonthly pay period holding ``day`` ends."""
    if day <= 15:
        return 15
    return 29 if month == 2 and core.is_leap(year) else _MONTH_DAYS[month]


def _index(year: int, month: int, day: int) -> int:
    """Pay periods numbered in order: two a month."""
    return (year * 12 + month - 1) * 2 + (day > 15)


def semimonthly(annual: Rational, start: datetime.date, end: datetime.date) -> int:
    """Cents paid for the days ``start``..``end`` at one annual rate, in semimonthly pieces.

    Whole periods pay annual / 24 each, counted in closed form; a period cut by ``start`` or ``end``
    pays for its days out of the days of its period.
    """
    total = 0
    year, month, day = start.year, start.month, start.day
    period_last = _last_of_period(year, month, day)
    first_index = _index(year, month, day)
    days_to_end = (end - start).days
    if day not in (1, 16) or days_to_end < period_last - day:  # a piece of the first period
        days = min(days_to_end, period_last - day) + 1
        total += cents(annual, days, 24 * (period_last - (0 if day <= 15 else 15)))
        if days > days_to_end:
            return total
        first_index += 1
    year, month, day = end.year, end.month, end.day
    period_last = _last_of_period(year, month, day)
    whole = _index(year, month, day) - first_index + (day == period_last)
    total += whole * cents(annual, 1, 24)
    if day != period_last:  # a piece of the last period
        period_first = 1 if day <= 15 else 16
        total += cents(annual, day - period_first + 1, 24 * (period_last - period_first + 1))
    return total


def daily(annual: Rational, start: datetime.date, end: datetime.date) -> int:
    """Cents paid for the days ``start``..``end`` at one annual rate, one piece per calendar year."""
    total = 0
    while start <= end:
        last = min(end, datetime.date(start.year, 12, 31))
        days_in_year = 366 if core.is_leap(start.year) else 365
        total += cents(annual, (last - start).days + 1, days_in_year)
        start = last + ONE_DAY
    return total


# Runs between two schedule dates recur across a roster (same rate, same days), so the sums are
# remembered; the cache is bounded, so memory stays flat however long the roster.
PAYING: dict[str, Callable[[Rational, datetime.date, datetime.date], int]] = {
    "semimonthly": lru_cache(maxsize=4096)(semimonthly),
    "daily": lru_cache(maxsize=4096)(daily),
}
