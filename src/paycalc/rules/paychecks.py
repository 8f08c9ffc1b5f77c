"""Paychecks: every check in a range, with the days it pays for and its gross, by retro's own pricer. Pure.

A check pays one pay period (:mod:`paycalc.rules.periods`) and is dated the period's last day. Its gross
is what retro calls "owed" for the period's days in the range: each run of days at one rate, priced by
the method's pieces, each rounded to the cent, half up. So the checks of a range add up exactly to
retro's owed total for it. With 22 biweekly cycles only the school year's periods are checks; on a
contract whose salary is divided into its pay cycles, a fiscal year's checks are those of
:mod:`paycalc.rules.cycles`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, Work
from paycalc.rules import assignments, periods, retro

ONE_DAY = datetime.timedelta(days=1)
ZERO = Decimal(0)


class Check(NamedTuple):
    """One paycheck: the period it pays (within the range), its gross, and what priced it."""

    pay_date: datetime.date  # the period's last day
    start: datetime.date  # the first day it pays for, in the range
    end: datetime.date
    days: int
    gross: Decimal
    rows: tuple[tuple[str, datetime.date, str], ...]  # (title, schedule, row or step) in force, in order


def _last_of_month(day: datetime.date) -> datetime.date:
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - ONE_DAY


def pay_periods(
    method: str, anchor: datetime.date | None, cycles: int | None, start: datetime.date, end: datetime.date
) -> list[tuple[datetime.date, datetime.date]]:
    """The whole pay periods that meet ``start``..``end``, in order."""
    found: list[tuple[datetime.date, datetime.date]] = []
    if method == "semimonthly":
        day = start.replace(day=1 if start.day <= 15 else 16)
        while day <= end:
            last = day.replace(day=15) if day.day == 1 else _last_of_month(day)
            found.append((day, last))
            day = last + ONE_DAY
    elif method == "monthly":
        day = start.replace(day=1)
        while day <= end:
            found.append((day, _last_of_month(day)))
            day = _last_of_month(day) + ONE_DAY
    elif method == "biweekly":
        assert anchor is not None
        base = anchor.toordinal() % 14
        first = start.toordinal() - (start.toordinal() - base) % 14
        while first <= end.toordinal():
            found.append((datetime.date.fromordinal(first), datetime.date.fromordinal(first + 13)))
            first += 14
        if cycles == 22:  # only the school year's periods are checks
            windows = [periods.school_year(base, year) for year in range(start.year, end.year + 2)]
            found = [(a, b) for a, b in found if any(low <= a.toordinal() <= high for low, high in windows)]
    else:
        raise InputError(f"method {method!r} has no paychecks (semimonthly, biweekly or monthly)")
    return found


def cycle_periods(
    anchor: datetime.date, cycles: int, start: datetime.date, end: datetime.date
) -> list[tuple[datetime.date, datetime.date]]:
    """The checks of a salary divided into ``cycles`` a fiscal year that meet ``start``..``end``: each the
    days it pays for (from July 1 for a period that starts before) and its pay date."""
    from paycalc.rules.cycles import checks, fiscal_year

    day = datetime.date.fromordinal
    first, last = start.toordinal(), end.toordinal()
    return [
        (day(low), day(high))
        for year in range(fiscal_year(start), fiscal_year(end) + 1)
        for low, high, _ in checks(anchor.toordinal() % 14, cycles, year)
        if low <= last and high >= first
    ]


def paychecks(
    contract: Contract,
    title: str,
    *,
    hired: datetime.date,
    start: datetime.date,
    end: datetime.date,
    work: Work = Work(),
    method: str | None = None,
    anchor: datetime.date | None = None,
    cycles: int | None = None,
    changes: Sequence[assignments.Change] = (),
) -> tuple[str, list[Check]]:
    """The method used and every check from ``start`` to ``end`` (both included), in order."""
    if end < start:
        raise InputError(f"the end {end} is before the start {start} (an end on or after the start)")
    method, anchor, pay_for = periods.for_contract(contract, method, anchor, cycles)
    runs: list[tuple[datetime.date, datetime.date, str, datetime.date, str, periods.Rational]] = []
    for part in assignments.split(contract, title, work, start, end, changes):
        name, _, planned = retro._plan(contract, part.title, hired, part.start, part.end, part.work, None, ZERO)
        runs.extend((a, b, name, effective, label, owed) for a, b, effective, label, owed, _ in planned)
    checks = []
    if method == "biweekly" and contract.terms.pay_cycles and anchor is not None:
        found = cycle_periods(anchor, periods.election(contract, cycles), start, end)
    else:
        found = pay_periods(method, anchor, cycles, start, end)
    for period_start, period_end in found:
        first, last = max(period_start, start), min(period_end, end)
        cents, rows = 0, []
        for a, b, name, effective, label, owed in runs:
            low, high = max(a, first), min(b, last)
            if low <= high:
                cents += pay_for(owed, low, high)
                if (name, effective, label) not in rows:
                    rows.append((name, effective, label))
        days = (last - first).days + 1
        checks.append(Check(period_end, first, last, days, Decimal(cents).scaleb(-2), tuple(rows)))
    return method, checks


_PAID_LINE = re.compile(
    r"^\s*(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})\s*(?:[,;\t]\s*|\s+)(?P<amount>\S(?:.*\S)?)\s*$"
)


def _paid_date(text: str) -> datetime.date:
    """An ISO date, or a US month/day/year one (``5/15/2018``); a two-digit year is refused, never guessed."""
    from paycalc.contract.inputs import to_date

    if "/" not in text:
        return to_date(text, "pay date")
    month, day, year = text.split("/")
    if len(year) != 4:
        raise InputError(f"pay date {text!r} has a two-digit year (write it in full, e.g. 5/15/2018 or 2018-05-15)")
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise InputError(f"pay date {text!r} is not a date (month/day/year, e.g. 5/15/2018, or 2018-05-15)") from None


def _paid_amount(text: str) -> Decimal | None:
    """A gross as written: ``1271.75``, ``$1,271.75``, ``1,271.75``; None if it is not an amount."""
    from paycalc.contract.inputs import shown_decimal

    cleaned = text.replace("$", "", 1).replace(" ", "")
    return None if "$" in cleaned else shown_decimal(cleaned)


def parse_paid(text: str, dates: set[datetime.date]) -> dict[datetime.date, Decimal]:
    """What was paid, by pay date, from lines of a pay date and a gross: CSV (``2018-05-15,1271.75``), tab-separated
    cells pasted from a spreadsheet, or as a pay stub writes it (``5/15/2018 $1,271.75``); a first line
    ``pay_date,gross`` is a header. Every date must be the pay date of one of ``dates``; raises
    :class:`InputError` naming the line."""
    import csv

    shown = ", ".join(sorted(str(d) for d in dates)[:4]) + (", ..." if len(dates) > 4 else "")
    paid: dict[datetime.date, Decimal] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if '"' in line:  # quoted cells, as a spreadsheet saves "1,271.75": their text, a tab apart
            line = "\t".join(next(csv.reader([line]), []))
        if not line.strip().strip(",;\t") or (number == 1 and line.strip().lower().startswith("pay_date")):
            continue
        try:
            found = _PAID_LINE.match(line)
            if found is None:
                raise InputError(f"{line.strip()!r} is not a pay date and a gross (e.g. 2018-05-15, 1271.75)")
            day = _paid_date(found["date"])
            amount = _paid_amount(found["amount"])
            if amount is None or not -10_000_000 <= amount <= 10_000_000:
                raise InputError(f"gross {found['amount']!r} is not an amount (a plain decimal such as 1389.67)")
            if day not in dates:
                raise InputError(f"{day} is not the pay date of a check in the range (checks: {shown})")
            if day in paid:
                raise InputError(f"{day} appears twice (one line per check)")
            paid[day] = amount
        except InputError as exc:
            raise InputError(f"line {number}: {exc}") from None
    return paid
