"""Pay periods over arrays: :mod:`paycalc.rules.periods`' closed forms, one run of days per element.

Each function takes the runs' annual rates as exact fractions (``num / den``, int64 arrays) and their
first and last days as proleptic ordinals (``date.toordinal()``), and returns the cents each run pays:
the same sums as the scalar functions, piece for piece, in integer arithmetic (half up by integer
division, no floats). ``tests/test_columnar.py`` checks them against the scalar functions.

The caller keeps ``num`` below :data:`MAX_NUM` and ``den`` below :data:`MAX_DEN`, so no product overflows
int64; imported only on the roster and costing paths (numpy's import costs a cold start).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

EPOCH = 719_163  # date(1970, 1, 1).toordinal(): numpy's day 0
MAX_NUM = 2**43  # 2 x num x 100 x 366 days stays below 2**63
MAX_DEN = 2**40  # 2 x den x 24 x 31 (the largest period divisor, 12 x 31 or 14 x 26, is smaller) too


def cents(num: Ints, den: Ints, days: Ints | int, per: Ints | int) -> Ints:
    """``num / den x days / per`` in cents, rounded half up (amounts are never negative)."""
    bottom = den * per
    result: Ints = (2 * 100 * num * days + bottom) // (2 * bottom)
    return result


_FIRST = datetime.date(1900, 1, 1).toordinal()  # the tables run from 1900-01-01, the first day paycalc prices,
_LAST = datetime.date(2301, 1, 1).toordinal()  # past its last (2199-12-31) and the anniversaries after it
_days: list[Ints] = []  # per day from _FIRST: its month (from 1970-01), its day of the month, its month's days
_months: list[Ints] = []  # per month from 1900-01: its first day's ordinal and its days


def _tables() -> tuple[list[Ints], list[Ints]]:
    if not _days:  # made once, for every day paycalc prices (a few milliseconds)
        days = np.arange(_FIRST - EPOCH, _LAST - EPOCH).astype("datetime64[D]")
        months = days.astype("datetime64[M]")
        first = months.astype("datetime64[D]")
        length = ((months + 1).astype("datetime64[D]") - first).astype(np.int64)
        _days.extend([months.astype(np.int64), (days - first).astype(np.int64) + 1, length])
        starts = np.arange(np.datetime64("1900-01"), np.datetime64("2301-01"), dtype="datetime64[M]")
        firsts = starts.astype("datetime64[D]").astype(np.int64) + EPOCH
        _months.extend([firsts, np.diff(np.append(firsts, _LAST))])
    return _days, _months


def _parts(ordinals: Ints) -> tuple[Ints, Ints, Ints]:
    """Months since 1970-01 (a running month number), day of the month, and days in that month."""
    days = _tables()[0]
    at = ordinals - _FIRST
    return days[0][at], days[1][at], days[2][at]


def fiscal_year(ordinals: Ints) -> Ints:
    """The fiscal year (July to June) of each day, named by the year it ends in."""
    return 1970 + (_parts(ordinals)[0] + 6) // 12


def fiscal_sums(years: list[int], row: Ints, rows: int, first: Ints, cents: Ints) -> Ints | None:
    """Each of ``rows`` rows' cents in each fiscal year of ``years`` ([row][year]), from runs (each of one row,
    in one fiscal year: the one its ``first`` day falls in); None when a run falls in another year."""
    found = np.zeros((rows, len(years)), dtype=np.int64)
    if not years:
        return found
    year = fiscal_year(first)
    at = np.searchsorted(np.array(years), year)
    if (at >= len(years)).any() or (np.array(years)[np.minimum(at, len(years) - 1)] != year).any():
        return None
    np.add.at(found, (row, at), cents)
    return found


def month_starts(months: Ints) -> tuple[Ints, Ints]:
    """The first day (an ordinal) and the days of each month, counted from 1900-01 as 0."""
    table = _tables()[1]
    return table[0][months], table[1][months]


def anniversaries(hired: Ints, years: int) -> Ints:
    """As :func:`paycalc.rules.core.anniversary` for ``years`` after each hire date: the same day of the
    month ``12 x years`` months on, a Feb 29 hire's on Feb 28 in a common year."""
    month, day, _ = _parts(hired)
    months = _tables()[1]
    at = month + 12 * years - (1900 - 1970) * 12
    return months[0][at] + np.minimum(day, months[1][at]) - 1


def semimonthly(num: Ints, den: Ints, first: Ints, last: Ints) -> Ints:
    """As :func:`paycalc.rules.periods.semimonthly`: 1st-15th and 16th-end, annual / 24 a period."""
    month_a, day_a, length_a = _parts(first)
    month_b, day_b, length_b = _parts(last)
    second_a, second_b = day_a > 15, day_b > 15
    period_last_a = np.where(second_a, length_a, 15)
    days_to_end = last - first
    opening = (day_a != 1) & (day_a != 16) | (days_to_end < period_last_a - day_a)
    opening_days = np.minimum(days_to_end, period_last_a - day_a) + 1
    opening_cents = cents(num, den, opening_days, 24 * np.where(second_a, length_a - 15, 15))
    alone = opening & (opening_days > days_to_end)  # the whole run is one piece of one period
    period_last_b = np.where(second_b, length_b, 15)
    ends_period = day_b == period_last_b
    whole = (month_b * 2 + second_b) - (month_a * 2 + second_a + opening) + ends_period
    period_first_b = np.where(second_b, 16, 1)
    closing_cents = cents(num, den, day_b - period_first_b + 1, 24 * (period_last_b - period_first_b + 1))
    total = np.where(opening, opening_cents, 0) + whole * cents(num, den, 1, 24)
    total += np.where(ends_period, 0, closing_cents)
    return np.where(alone, opening_cents, total)


def monthly(num: Ints, den: Ints, first: Ints, last: Ints) -> Ints:
    """As :func:`paycalc.rules.periods.monthly`: calendar months, annual / 12 a month."""
    month_a, day_a, length_a = _parts(first)
    month_b, day_b, length_b = _parts(last)
    month_end_a = first + (length_a - day_a)
    opening = (day_a != 1) | (last < month_end_a)
    opening_cents = cents(num, den, np.minimum(last, month_end_a) - first + 1, 12 * length_a)
    alone = opening & (last <= month_end_a)
    ends_month = day_b == length_b
    whole = month_b - (month_a + opening) + ends_month
    total = np.where(opening, opening_cents, 0) + whole * cents(num, den, 1, 12)
    total += np.where(ends_month, 0, cents(num, den, day_b, 12 * length_b))
    return np.where(alone, opening_cents, total)


def daily(num: Ints, den: Ints, first: Ints, last: Ints) -> Ints:
    """As :func:`paycalc.rules.periods.daily`: a piece per calendar year, each day annual / the days of its year."""
    year_a, year_b = _parts(first)[0] // 12 + 70, _parts(last)[0] // 12 + 70  # years since 1900
    jan_a, next_a = month_starts(12 * year_a)[0], month_starts(12 * year_a + 12)[0]
    jan_b, next_b = month_starts(12 * year_b)[0], month_starts(12 * year_b + 12)[0]
    opening = cents(num, den, next_a - first, next_a - jan_a)
    total = opening + (year_b - year_a - 1) * cents(num, den, 1, 1) + cents(num, den, last - jan_b + 1, next_b - jan_b)
    return np.where(year_a == year_b, cents(num, den, last - first + 1, next_a - jan_a), total)


def biweekly(anchor: int, num: Ints, den: Ints, first: Ints, last: Ints, checks: int = 26) -> Ints:
    """As :func:`paycalc.rules.periods.biweekly`: 14-day periods from ``anchor`` (an ordinal), a whole one paying
    annual / ``checks``."""
    per = 14 * checks
    first_period, last_period = (first - anchor) // 14, (last - anchor) // 14
    alone = first_period == last_period
    opening = anchor + 14 * (first_period + 1) - first
    closing = last - (anchor + 14 * last_period) + 1
    whole = last_period - first_period - 1 + (opening == 14) + (closing == 14)
    total = whole * cents(num, den, 1, checks)
    total += np.where(opening == 14, 0, cents(num, den, opening, per))
    total += np.where(closing == 14, 0, cents(num, den, closing, per))
    return np.where(alone, cents(num, den, last - first + 1, per), total)


def biweekly_22(anchor: int, num: Ints, den: Ints, first: Ints, last: Ints) -> Ints:
    """As :func:`paycalc.rules.periods.biweekly_22`: annual / 22 for each period of a school year's 22
    (:func:`paycalc.rules.periods.school_year`), the summer's periods paying nothing; a piece per school year."""
    from paycalc.rules.periods import school_year

    total = np.zeros(np.broadcast_shapes(np.shape(num), np.shape(first)), dtype=np.int64)  # num: [owed, paid]
    if not len(first):
        return total
    years = 1970 + _parts(first)[0] // 12, 1970 + _parts(last)[0] // 12
    num, den = np.broadcast_to(num, total.shape), np.broadcast_to(den, total.shape)
    for year in range(int(years[0].min()), int(years[1].max()) + 2):
        low, high = school_year(anchor, year)
        met = np.flatnonzero((low <= last) & (first <= high))  # a piece meets a school year or two: priced alone
        if len(met):
            a, b = np.maximum(low, first[met]), np.minimum(high, last[met])
            total[..., met] += biweekly(anchor, num[..., met], den[..., met], a, b, 22)
    return total


def divided(anchor: int, cycles: int, split: str, num: Ints, den: Ints, first: Ints, last: Ints) -> Ints:
    """As :func:`paycalc.rules.cycles.pay`: a fiscal year's salary in its ``cycles`` biweekly checks (each the
    rounded annual / N, the last the cents left over), a check met in full paying its amount and one met in part
    its share by days (``split``: calendar_days or weekdays, where the check has any), rounded once."""
    from paycalc.rules import cycles as rules

    total = (200 * num + den) // (2 * den)  # the annual salary in cents, half up
    each = (2 * total + cycles) // (2 * cycles)
    closing = total - (cycles - 1) * each
    result = np.zeros(np.broadcast_shapes(np.shape(num), np.shape(first)), dtype=np.int64)  # num: [owed, paid]
    if not len(first):
        return result
    each, closing = np.broadcast_to(each, result.shape), np.broadcast_to(closing, result.shape)
    years = 1970 + (_parts(first)[0] + 6) // 12, 1970 + (_parts(last)[0] + 6) // 12  # fiscal years: July on
    for year in range(int(years[0].min()), int(years[1].max()) + 1):
        for k, (low, high, days) in enumerate(rules.checks(anchor, cycles, year)):
            met = np.flatnonzero((low <= last) & (first <= high))  # the pieces that meet the check: priced alone
            if not len(met):
                continue
            a, b = np.maximum(low, first[met]), np.minimum(high, last[met])
            amount = (closing if k == cycles - 1 else each)[..., met]
            whole = rules.weekdays(low, high) if split == "weekdays" else 0
            if whole:
                start = (a - EPOCH).astype("datetime64[D]")
                part = np.busday_count(start, (b + 1 - EPOCH).astype("datetime64[D]"))
            else:
                part, whole = b - a + 1, days
            result[..., met] += (2 * amount * part + whole) // (2 * whole)  # a check met in full: its whole amount
    return result
