"""Frozen records of answers: comparisons and histories (retro's are in retro_results.py).

Apart from :mod:`paycalc.contract.models` so that ``paycalc pay``, which needs none of them, does not pay to
define them at every start (a named tuple class costs about 0.1 ms to create).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import NamedTuple


class CompareRow(NamedTuple):
    """One title and longevity row, priced by two schedules."""

    title: str
    longevity: str
    from_rate: Decimal
    to_rate: Decimal
    change: Decimal
    percent: Decimal | None  # exact; None where the earlier rate is 0
    real_percent: Decimal | None = None  # the change after prices (with a CPI series), exact


class Comparison(NamedTuple):
    """Every title and row of the schedule in force on one date against the one in force on another."""

    from_schedule: datetime.date
    to_schedule: datetime.date
    rows: tuple[CompareRow, ...]
    smallest: Decimal | None  # percent, across rows
    median: Decimal | None
    largest: Decimal | None
    cpi: str | None = None  # the series real percents were computed with
    real_smallest: Decimal | None = None
    real_median: Decimal | None = None
    real_largest: Decimal | None = None
    notes: tuple[str, ...] = ()  # e.g. steps only one of the schedules prints
    cpi_years: tuple[int, int] | None = None  # the calendar years whose average prices were used


class HistoryRow(NamedTuple):
    """One person's pay under one schedule, against the row before and the first row."""

    schedule: datetime.date
    date: datetime.date  # the day the row is priced on: the schedule's effective date, or --from for the first
    years: int
    longevity: str
    rate: Decimal
    annual: Decimal
    change: Decimal | None  # annual against the previous row; None on the first
    percent: Decimal | None
    cumulative: Decimal | None  # percent since the first row
    real_annual: Decimal | None = None  # annual in dollars of the last row's year (with a CPI series)
    real_cumulative: Decimal | None = None  # real percent since the first row
    kept_up: Decimal | None = None  # the first row's pay raised with prices to this row's year
    title: str | None = None  # the title in force, when the assignment changes (--change)


class History(NamedTuple):
    title: str
    rows: tuple[HistoryRow, ...]
    cpi: str | None = None
    basis: str = "annual"  # what the rows' rates are: annual, hourly or daily
    changes: tuple[str, ...] = ()  # the assignment's changes, as given (DATE:KEY=VALUE)
