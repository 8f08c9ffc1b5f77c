"""Frozen records: a contract, its salary schedules, and the result of a pay calculation.

Money is ``Decimal`` everywhere. The records are named tuples, not dataclasses: five frozen dataclasses
cost 4 ms to define at every start of ``paycalc``, named tuples a tenth of that (bench/coldstart.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple


class Tier(NamedTuple):
    """A longevity row: ``label`` ("base", "5-year", ...) earned from ``min_years`` completed years."""

    label: str
    min_years: int


class Title(NamedTuple):
    """A job title with its other spellings and the contract's notes on it."""

    name: str
    aliases: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    hired_before: datetime.date | None = None  # the rate applies only to those hired in title before this date


NO_CELLS: Mapping[str, Mapping[str, Decimal]] = {}


class Schedule(NamedTuple):
    """One effective-dated salary schedule: ``rates[title][tier label]`` is the published rate.

    ``rates`` covers every tier of the contract. A schedule that prints fewer steps (``steps``, the
    number it prints) has its top step's rate filled in above it: a member past the top is paid the top.
    ``hours_per_day`` and ``days_per_year`` override the contract's regular day and year for this
    schedule; ``printed`` holds the annual figures the schedule prints beside hourly or daily rates.
    """

    effective: datetime.date
    source: str
    longevity: Mapping[str, Decimal]
    rates: Mapping[str, Mapping[str, Decimal]]
    file: str
    steps: int | None = None  # the tiers this schedule prints, if fewer than the contract's
    hours_per_day: Decimal | None = None
    days_per_year: Decimal | None = None
    printed: Mapping[str, Mapping[str, Decimal]] = NO_CELLS  # title -> tier label -> printed annual


class TitleChange(NamedTuple):
    """A title raised apart in one change: its own percents and amount added to each of its rates."""

    percents: tuple[Decimal, ...] = ()
    per_rate: Decimal = Decimal(0)


class Change(NamedTuple):
    """One dated step of a proposal: percents compounded, then dollars added to tiers' longevity amounts, or
    an amount added to every rate (an hour, on an hourly contract); titles raised apart; a step added on top."""

    effective: datetime.date
    percents: tuple[Decimal, ...]
    add: Mapping[str, Decimal]
    per_rate: Decimal = Decimal(0)  # added to every rate of every title and step, in the contract's unit
    titles: Mapping[str, TitleChange] = {}  # by the title's name as the contract spells it
    add_step: tuple[Decimal | None, Mapping[str, Decimal]] | None = (
        None  # a step on top: percent over the top, or rates
    )


class LumpSum(NamedTuple):
    """A one-time payment: ``amount`` on ``paid`` to those hired on or before ``eligible_on``."""

    name: str
    amount: Decimal
    paid: datetime.date
    eligible_on: datetime.date
    prorate: bool  # times the person's pro-rating factor


class Instalment(NamedTuple):
    """A dated share (percent) of a retro total."""

    paid: datetime.date
    share: Decimal


class Proposal(NamedTuple):
    """A bargaining proposal: changes from the schedule in force on ``base``, lump sums, instalments."""

    name: str
    base: datetime.date
    rounding: str  # "dollar" | "cent"
    changes: tuple[Change, ...]
    lump_sums: tuple[LumpSum, ...]
    instalments: tuple[Instalment, ...]
    file: str
    term_end: datetime.date | None = None
    replaced: Schedule | None = None  # the base's own schedule, where the first change (on the base date) replaced it


class Differential(NamedTuple):
    """A named add-on a person may have: ``kind`` is per_hour, per_day, per_year or percent (of the rate)."""

    name: str
    kind: str
    amount: Decimal


class PayTerms(NamedTuple):
    """How a contract's rates become annual pay and when its steps move. The defaults are the NYC contract's."""

    basis: str = "annual"  # annual | hourly | daily: what the schedules' rates are
    hours_per_day: Decimal | None = None  # regular hours a day (hourly contracts)
    days_per_year: Decimal | None = None  # regular days a year (hourly and daily contracts)
    step_advance: tuple[int, int] | None = None  # (month, day) everyone moves on; None: each person's anniversary
    freezes: tuple[tuple[datetime.date, datetime.date], ...] = ()  # step days inside these do not count
    differentials: tuple[Differential, ...] = ()
    pay_periods: str | None = None  # the default method of retro and costing
    anchor: datetime.date | None = None  # the first day of one biweekly period
    new_hire_cutoff: tuple[int, int] | None = None  # (month, day): hired on or after it, the next step day is skipped
    pay_cycles: tuple[int, ...] = ()  # biweekly elections (22, 26): a fiscal year's salary is divided into its checks
    check_split: str = "calendar_days"  # calendar_days | weekdays: how a check cut by a change or the range is split


class Work(NamedTuple):
    """What one person works and has, against the contract's regular amounts; None means regular."""

    hours: Decimal | None = None  # hours a week (annual contracts)
    workyear: Decimal | None = None  # fraction of the workyear (annual contracts)
    hours_per_day: Decimal | None = None  # hourly contracts
    days: Decimal | None = None  # days a year (hourly and daily contracts)
    differentials: tuple[str, ...] = ()  # names, as the contract spells them, in the contract's order


class Contract(NamedTuple):
    """A contract's terms and its schedules, ascending by effective date."""

    name: str
    parties: tuple[str, ...]
    term_start: datetime.date
    term_end: datetime.date
    source: str
    regular_hours: Decimal | None  # a regular week; None for hourly and daily contracts that give none
    tiers: tuple[Tier, ...]
    titles: tuple[Title, ...]
    schedules: tuple[Schedule, ...]
    folder: str
    lookup: Mapping[str, Title]  # normalised name or alias -> title
    cpi: str | None = None  # the default CPI series for real raises
    proposal: Proposal | None = None  # set on a contract that a proposal built
    terms: PayTerms = PayTerms()


class PayResult(NamedTuple):
    """Annual pay for one title on one date, with the schedule row it came from."""

    title: str
    date: datetime.date
    schedule: datetime.date
    years: int
    longevity: str
    rate: Decimal  # the published rate of the row: annual, hourly or daily as the contract's basis
    hours: Decimal | None  # hours a week (annual contracts)
    workyear: Decimal | None  # fraction of the workyear (annual contracts)
    factor: Decimal  # the pro-rating: hours / regular hours x workyear, or against regular hours and days
    annual: Decimal  # (full-time annual + differentials) x factor, rounded once to the cent, half up
    notes: tuple[str, ...]
    source: str
    basis: str = "annual"
    hours_per_day: Decimal | None = None  # hourly contracts
    days: Decimal | None = None  # hourly and daily contracts
    full_time: Decimal | None = None  # the row's annual pay at regular hours and days, before differentials
    differentials: tuple[DifferentialPaid, ...] = ()


class DifferentialPaid(NamedTuple):
    """A differential on one person's pay: what it adds a year after pro-rating, to the cent."""

    name: str
    kind: str
    amount: Decimal
    annual: Decimal
