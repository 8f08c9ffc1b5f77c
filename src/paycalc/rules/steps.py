"""Which longevity tier or step a person is on, on a date. Pure: no I/O.

- ``anniversary`` contracts (NYC's): completed years of service on the date, counted on each anniversary
  of the hire date.
- ``step_advance: MM-DD``: everyone moves on that day each year. The years counted are those completed
  by the last MM-DD on or before the date (before the first MM-DD after hire: none).
- ``step_freezes``: each step day (the MM-DD, or an anniversary) inside a freeze range, from the hire
  date on, takes one year off: service in a frozen year never counts toward a step.
"""

from __future__ import annotations

import datetime

from paycalc.contract.models import Contract
from paycalc.rules import core

ONE_DAY = datetime.timedelta(days=1)


def counted_years(contract: Contract, hired: datetime.date, on: datetime.date) -> int:
    """The years of service that count toward a step on ``on``."""
    terms = contract.terms
    if terms.step_advance is None:
        years = core.completed_years(hired, on)
        for first, last in terms.freezes:
            low, high = max(first, hired + ONE_DAY), min(last, on)
            if low <= high:  # the anniversaries inside [low, high]
                years -= core.completed_years(hired, high) - core.completed_years(hired, low - ONE_DAY)
        return years
    core.completed_years(hired, on)  # refuses a hire date after the date
    month, day = terms.step_advance
    last_step = datetime.date(on.year, month, day)
    if last_step > on:
        last_step = datetime.date(on.year - 1, month, day)
    if last_step < hired:
        return 0
    years = core.completed_years(hired, last_step)
    for first, last in terms.freezes:
        low, high = max(first, hired), min(last, last_step)
        if low <= high:
            years -= _step_days_up_to(high, month, day) - _step_days_up_to(low - ONE_DAY, month, day)
    return max(years, 0)


def _step_days_up_to(on: datetime.date, month: int, day: int) -> int:
    """How many MM-DD days fall on or before ``on``, counted from year 0 (only differences matter)."""
    return on.year if (on.month, on.day) >= (month, day) else on.year - 1


def changes(
    contract: Contract, hired: datetime.date, start: datetime.date, end: datetime.date
) -> tuple[int, dict[datetime.date, int]]:
    """The tier index on ``start`` and the days after it, up to ``end``, on which the tier changes."""
    terms = contract.terms
    moves: dict[datetime.date, int] = {}
    if terms.step_advance is None and not terms.freezes:  # the common case (NYC's), in closed form
        tiers = contract.tiers
        tier = core.tier_index(contract, core.completed_years(hired, start))
        for i in range(tier + 1, len(tiers)):
            reached = core.anniversary(hired, hired.year + tiers[i].min_years)
            if reached <= end:
                moves[reached] = i
        return tier, moves
    current = tier = core.tier_index(contract, counted_years(contract, hired, start))
    for year in range(start.year, end.year + 1):
        if terms.step_advance is None:
            step_day = core.anniversary(hired, year)
        else:
            step_day = datetime.date(year, *terms.step_advance)
        if start < step_day <= end:
            now = core.tier_index(contract, counted_years(contract, hired, step_day))
            if now != current:
                moves[step_day] = current = now
    return tier, moves
