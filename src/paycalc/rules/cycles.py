"""Pay cycles: a fiscal year's salary divided into its 22 or 26 biweekly checks, exactly. Pure: no I/O.

Lunenburg's MOA, Article VI, Section 6-10: "Employees shall have the option to have their pay divided into
twenty-two (22) or twenty-six (26) pay cycles." On a contract that lists its elections (``pay_cycles`` in
contract.yaml), biweekly pay follows that sentence:

- A fiscal year (July 1 to June 30) has N checks: the N 14-day periods (from the contract's anchor, or
  ``--anchor``) that end with the last one ending on or before June 30. With 22 they are the school year's;
  with 26, all year's. A check is dated its period's last day. A period that starts before July 1 pays for
  its days from July 1: the days before belong to no check (the year's salary is paid whole all the same).
  In a year with 27 pay dates the one left over is not a check: the election moves dates, never the total.
- At one assignment each check pays the rounded annual / N, half up, and the year's last check the cents
  left over, so the N checks add up to the annual salary exactly.
- A check cut by a change (a step, a column, a schedule, hours) or by either end of a range pays each part
  its share of the check by calendar days (or weekdays, where the contract's ``check_split`` says so),
  each part rounded to the cent once, half up.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

Rational = tuple[int, int]


def fiscal_year(day: datetime.date) -> int:
    """The fiscal year holding ``day``, named by the calendar year it ends in (FY26 ends 2026-06-30)."""
    return day.year + (day.month >= 7)


@lru_cache(maxsize=256)
def checks(anchor: int, cycles: int, year: int) -> tuple[tuple[int, int, int], ...]:
    """The checks of fiscal year ``year``: (first day it pays for, last day = its pay date, days of its
    period counted for a split), as ordinals, in order; ``anchor`` is a period's first day modulo 14."""
    june = datetime.date(year, 6, 30).toordinal()
    july = datetime.date(year - 1, 7, 1).toordinal()
    last_end = anchor + 14 * ((june + 1 - anchor) // 14) - 1  # the last period ending on or before June 30
    found = []
    for k in range(cycles):
        end = last_end - 14 * (cycles - 1 - k)
        first = max(end - 13, july)
        found.append((first, end, end - first + 1))
    return tuple(found)


def weekdays(first: int, last: int) -> int:
    """Monday to Friday days from ``first`` to ``last`` (ordinals, both included)."""
    if last < first:
        return 0
    weeks, extra = divmod(last - first + 1, 7)
    start = (first - 1) % 7  # 0 is Monday: date.fromordinal(1) is a Monday
    return weeks * 5 + sum(1 for d in range(extra) if (start + d) % 7 < 5)


def annual_cents(annual: Rational) -> int:
    """The annual salary in cents, rounded half up: what a year's checks add up to."""
    num, den = annual
    return (200 * num + den) // (2 * den)


def check_amounts(annual: Rational, cycles: int) -> tuple[int, int]:
    """Each check but the last, and the last: the rounded annual / N, half up, and the cents left over."""
    total = annual_cents(annual)
    each = (2 * total + cycles) // (2 * cycles)
    return each, total - (cycles - 1) * each


def pay(anchor: int, cycles: int, split: str, annual: Rational, start: datetime.date, end: datetime.date) -> int:
    """Cents paid for the days ``start``..``end`` at one annual rate: each check met in full pays its amount,
    a check met in part its share by days (``split``: calendar_days or weekdays), rounded once."""
    each, last = check_amounts(annual, cycles)
    first_day, last_day = start.toordinal(), end.toordinal()
    total = 0
    for year in range(fiscal_year(start), fiscal_year(end) + 1):
        for k, (low, high, days) in enumerate(checks(anchor, cycles, year)):
            a, b = max(low, first_day), min(high, last_day)
            if a > b:
                continue
            amount = last if k == cycles - 1 else each
            if a == low and b == high:
                total += amount
                continue
            part, whole = b - a + 1, days
            if split == "weekdays" and weekdays(low, high):
                part, whole = weekdays(a, b), weekdays(low, high)
            total += (2 * amount * part + whole) // (2 * whole)
    return total
