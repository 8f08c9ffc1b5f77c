"""Pay periods: what a run of days at one annual rate pays, in integer cents, in closed form.

- ``semimonthly``: pay periods run from the 1st to the 15th and from the 16th to the month's end; a
  period pays annual / 24. A piece of a period is prorated by calendar days within its period.
- ``daily``: a piece is a run of days at one rate within one calendar year; each day pays annual / the
  days of its year.
- ``biweekly``: 14-day periods starting on an anchor day and every 14 days before and after it; a period
  pays annual / 26, and a piece is prorated by calendar days of its 14 (annual x days / 364).
  With 22 checks a year, only the school year's 22 periods pay, annual / 22 each (:func:`school_year`).
- ``monthly``: calendar months; a month pays annual / 12, and a piece is prorated by the days of its month.

Each piece is rounded to the cent, half up. Pure: no I/O.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache, partial
from math import gcd

from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract
from paycalc.rules import core

METHODS = ("semimonthly", "biweekly", "monthly", "daily")
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


def _month_days(year: int, month: int) -> int:
    return 29 if month == 2 and core.is_leap(year) else _MONTH_DAYS[month]


def monthly(annual: Rational, start: datetime.date, end: datetime.date) -> int:
    """Cents paid for the days ``start``..``end`` at one annual rate, in calendar-month pieces."""
    total = 0
    days = _month_days(start.year, start.month)
    month_end = start.replace(day=days)
    if start.day != 1 or end < month_end:  # a piece of the first month
        last = min(end, month_end)
        total += cents(annual, (last - start).days + 1, 12 * days)
        if last == end:
            return total
        start = last + ONE_DAY
    days = _month_days(end.year, end.month)
    whole = (end.year * 12 + end.month) - (start.year * 12 + start.month) + (end.day == days)
    total += whole * cents(annual, 1, 12)
    if end.day != days:  # a piece of the last month
        total += cents(annual, end.day, 12 * days)
    return total


def biweekly(anchor: int, annual: Rational, start: datetime.date, end: datetime.date, checks: int = 26) -> int:
    """Cents paid for ``start``..``end`` at one annual rate, in 14-day periods that start on day numbers
    congruent to ``anchor`` (a date's ordinal) modulo 14; a whole period pays annual / ``checks``."""
    first, last = start.toordinal(), end.toordinal()
    first_period, last_period = (first - anchor) // 14, (last - anchor) // 14
    per = 14 * checks
    if first_period == last_period:
        return cents(annual, last - first + 1, per)
    total = 0
    whole = last_period - first_period - 1
    opening = anchor + 14 * (first_period + 1) - first  # days of the first period from the start
    if opening == 14:
        whole += 1
    else:
        total += cents(annual, opening, per)
    closing = last - (anchor + 14 * last_period) + 1  # days of the last period to the end
    if closing == 14:
        whole += 1
    else:
        total += cents(annual, closing, per)
    return total + whole * cents(annual, 1, checks)


def school_year(anchor: int, year: int) -> tuple[int, int]:
    """The first and last day (ordinals) of the 22 biweekly periods of the school year ending in June ``year``.

    They are the 22 periods that end with the last period ending on or before June 30 of ``year``.
    """
    june = datetime.date(year, 6, 30).toordinal()
    last_end = anchor + 14 * ((june + 1 - anchor) // 14) - 1  # the last period's end on or before June 30
    return last_end - 22 * 14 + 1, last_end


def biweekly_22(anchor: int, annual: Rational, start: datetime.date, end: datetime.date) -> int:
    """Cents paid for ``start``..``end`` in 22 biweekly checks a year: annual / 22 for each period of the
    school year (:func:`school_year`); the summer's periods pay nothing."""
    first, last = start.toordinal(), end.toordinal()
    total = 0
    for year in range(start.year, end.year + 2):
        low, high = school_year(anchor, year)
        low, high = max(low, first), min(high, last)
        if low <= high:
            total += biweekly(anchor, annual, datetime.date.fromordinal(low), datetime.date.fromordinal(high), 22)
    return total


# Runs between two schedule dates recur across a roster (same rate, same days), so the sums are
# remembered; the cache is bounded, so memory stays flat however long the roster.
Paying = Callable[[Rational, datetime.date, datetime.date], int]
PAYING: dict[str, Paying] = {
    "semimonthly": lru_cache(maxsize=4096)(semimonthly),
    "monthly": lru_cache(maxsize=4096)(monthly),
    "daily": lru_cache(maxsize=4096)(daily),
}
_biweekly: dict[tuple[int, int], Paying] = {}
CYCLES = (26, 22)  # biweekly checks a year: all year, or over the school year


def payer(method: str, anchor: datetime.date | None = None, cycles: int | None = None) -> Paying:
    """The function that prices a run of days under ``method`` (biweekly needs its ``anchor``).

    ``cycles`` (biweekly only): 26 checks a year (the default), or 22 over the school year.
    """
    if cycles is not None and method != "biweekly":
        raise InputError(f"pay cycles are for biweekly pay, not {method} (22 or 26 biweekly checks a year)")
    if method == "biweekly":
        if anchor is None:
            raise InputError(
                "biweekly pay needs an anchor: the first day of one pay period (--anchor DATE, or "
                "pay_period_anchor in contract.yaml)"
            )
        if cycles not in (None, *CYCLES):
            raise InputError(f"pay cycles {cycles} is not offered (22 or 26 biweekly checks a year)")
        key = (anchor.toordinal() % 14, cycles or 26)
        found = _biweekly.get(key)
        if found is None:
            pricing = biweekly_22 if key[1] == 22 else biweekly
            found = _biweekly[key] = lru_cache(maxsize=4096)(partial(pricing, key[0]))
        return found
    if anchor is not None:
        raise InputError(f"an anchor is only for biweekly pay, not {method}")
    found = PAYING.get(method)
    if found is None:
        raise InputError(f"method {method!r} is not known ({', '.join(METHODS)})")
    return found


def for_contract(
    contract: Contract, method: str | None, anchor: datetime.date | None, cycles: int | None = None
) -> tuple[str, datetime.date | None, Paying]:
    """The method (default: the contract's pay periods, else semimonthly), its anchor and its pricer."""
    method = (method or contract.terms.pay_periods or "semimonthly").strip().lower()  # any case, as --format
    if anchor is None and method == "biweekly":
        anchor = contract.terms.anchor
    offered = contract.terms.pay_cycles
    if method == "biweekly" and offered and anchor is not None:
        return method, anchor, divided(contract, anchor, cycles)
    return method, anchor, payer(method, anchor, cycles)


_divided: dict[tuple[int, int, str], Paying] = {}


def divided(contract: Contract, anchor: datetime.date, cycles: int | None) -> Paying:
    """The pricer of a contract whose salary is divided into its elected pay cycles (:mod:`paycalc.rules.cycles`)."""
    offered = contract.terms.pay_cycles
    chosen = election(contract, cycles)
    if chosen not in offered:
        raise InputError(
            f"pay cycles {cycles} is not offered ({' or '.join(map(str, sorted(offered)))} biweekly checks a year)"
        )
    key = (anchor.toordinal() % 14, chosen, contract.terms.check_split)
    found = _divided.get(key)
    if found is None:
        from paycalc.rules import cycles as cycle_rules

        found = _divided[key] = lru_cache(maxsize=4096)(partial(cycle_rules.pay, *key))
    return found


def election(contract: Contract, cycles: int | None) -> int:
    """The checks a year: ``cycles`` if given, else 26 (or the contract's one election)."""
    offered = contract.terms.pay_cycles
    if cycles is not None:
        return cycles
    return 26 if 26 in offered or not offered else offered[0]
