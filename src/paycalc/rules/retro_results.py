"""Frozen records of retro pay: segments, lump sums paid, one person's result, a roster id's totals.

Apart from :mod:`paycalc.contract.models` and :mod:`paycalc.rules.results`, so that each command defines only the
records it answers with (a named tuple class costs about 0.1 to 0.3 ms to create at start-up).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple


class Segment(NamedTuple):
    """A run of days with one owed and one paid annual rate, and what it owed and paid."""

    start: datetime.date
    end: datetime.date
    schedule: datetime.date  # the schedule owed under
    longevity: str
    owed_rate: Decimal  # annual, after pro-rating (exact to 28 digits; shown to the cent)
    paid_rate: Decimal
    owed: Decimal  # the sum of its pieces, each rounded to the cent
    paid: Decimal
    retro: Decimal
    title: str | None = None  # set when the title changes inside the period (--change)


class LumpSumPaid(NamedTuple):
    name: str
    paid: datetime.date
    amount: Decimal  # pro-rated where the proposal says so, rounded to the cent once


class FiscalYear(NamedTuple):
    """What a period owed, paid and owes in one fiscal year (July 1 to June 30), named by the year it ends in."""

    year: int  # 2026 is FY26: 2025-07-01 to 2026-06-30
    start: datetime.date
    end: datetime.date
    owed: Decimal
    paid: Decimal
    retro: Decimal


class RetroResult(NamedTuple):
    """Retro pay for one person over a period: what the schedules owed minus what was paid."""

    title: str
    hired: datetime.date
    start: datetime.date
    end: datetime.date
    method: str
    paid_basis: str  # "schedule 2008-05-19" or "flat 26843.00"
    owed: Decimal
    paid: Decimal
    retro: Decimal
    segments: tuple[Segment, ...]
    lump_sums: tuple[LumpSumPaid, ...] = ()  # counted in owed
    instalments: tuple[tuple[datetime.date, Decimal], ...] = ()  # the retro total split into dated payments
    cycles: int | None = None  # biweekly checks a year, when chosen (22 or 26)
    changes: tuple[str, ...] = ()  # the assignment's changes, as given (DATE:KEY=VALUE)
    fiscal_years: tuple[FiscalYear, ...] = ()  # by fiscal year, with a paid contract or a salary in pay cycles
    placed: str = ""  # "step 5 on 2025-07-01" where a step placed the person (``hired`` is then derived)


class RosterTotal(NamedTuple):
    """Retro pay summed over the roster rows of one id."""

    id: str
    rows: int
    owed: Decimal
    paid: Decimal
    retro: Decimal
    lump_sums: Decimal = Decimal("0.00")  # the part of owed that is lump sums
    carried: tuple[str, ...] = ()  # its first row's cells of the columns carried through (name, school, ...)
    schedules_paid: tuple[str, ...] = ()  # under a proposal: what its rows were paid ("2018-06-16"), in order
    by_year: tuple[Decimal, ...] = ()  # with a paid contract: the retro wages of each fiscal year asked, in order


def fiscal_years(segments: Sequence[Segment], lumps: Sequence[LumpSumPaid]) -> tuple[FiscalYear, ...]:
    """Owed, paid and retro by fiscal year (July 1 to June 30, named by the year it ends in): segments are
    cut on each July 1, so the years add up to the totals."""
    from paycalc.rules.cycles import fiscal_year

    sums: dict[int, list[Decimal]] = {}
    for segment in segments:
        found = sums.setdefault(fiscal_year(segment.start), [Decimal("0.00"), Decimal("0.00")])
        found[0] += segment.owed
        found[1] += segment.paid
    for lump in lumps:
        sums.setdefault(fiscal_year(lump.paid), [Decimal("0.00"), Decimal("0.00")])[0] += lump.amount
    return tuple(
        FiscalYear(year, datetime.date(year - 1, 7, 1), datetime.date(year, 6, 30), owed, paid, owed - paid)
        for year, (owed, paid) in sorted(sums.items())
    )
