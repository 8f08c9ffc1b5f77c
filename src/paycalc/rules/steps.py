"""Which longevity tier or step a person is on, on a date. Pure: no I/O.

- ``anniversary`` contracts (NYC's): completed years of service on the date, counted on each anniversary
  of the hire date.
- ``step_advance: MM-DD``: everyone moves on that day each year. The years counted are the MM-DD days
  after the hire date, up to and including the date (the Lunenburg MOA: "Returning employees will advance
  a step from their placement in the previous year. Employees will advance a step each July 1"): a member
  hired on any day before a July 1 advances on it; one hired on July 1 is placed that day. With
  ``new_hire_cutoff: MM-DD`` a member hired on or after that day of the year (and before the next step
  day) does not advance on the first step day after hire.
- ``step_freezes``: each step day (the MM-DD, or an anniversary) inside a freeze range, from the hire
  date on, takes one year off: service in a frozen year never counts toward a step.
"""

from __future__ import annotations

import datetime

from paycalc.contract.errors import InputError
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
    last_step = _step_day_on_or_before(on, month, day)
    first_step = _first_step_day(contract, hired)
    if last_step < first_step:
        return 0
    years = last_step.year - first_step.year + 1
    for first, last in terms.freezes:
        low, high = max(first, first_step), min(last, last_step)
        if low <= high:
            years -= _step_days_up_to(high, month, day) - _step_days_up_to(low - ONE_DAY, month, day)
    return max(years, 0)


def _step_day_on_or_before(on: datetime.date, month: int, day: int) -> datetime.date:
    found = datetime.date(on.year, month, day)
    return found if found <= on else datetime.date(on.year - 1, month, day)


def _first_step_day(contract: Contract, hired: datetime.date) -> datetime.date:
    """The first step day that counts for a member hired on ``hired``: the first after it, or the one after
    that when the contract has a cut-off for new hires and ``hired`` falls on or after it."""
    terms = contract.terms
    assert terms.step_advance is not None
    month, day = terms.step_advance
    last = _step_day_on_or_before(hired, month, day)
    following = last.replace(year=last.year + 1)
    if terms.new_hire_cutoff is not None and hired >= _step_day_on_or_before(
        following - ONE_DAY, *terms.new_hire_cutoff
    ):
        following = following.replace(year=following.year + 1)
    return following


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


def step_years(contract: Contract, step: int | str) -> int:
    """The years counted on step ``step`` (1 is the first) of a step contract; an error names the steps."""
    tiers = contract.tiers
    if not core.stepped(contract):
        raise InputError(
            f"step {str(step)!r}: this contract has no steps (its rows are {', '.join(t.label for t in tiers)}, "
            "reached by completed years: give the years or a hire date)"
        )
    text = str(step).strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 3) or not 1 <= int(text) <= len(tiers):
        raise InputError(f"step {str(step)!r} is not a step of this contract (a whole number from 1 to {len(tiers)})")
    return tiers[int(text) - 1].min_years


def placed(contract: Contract, years: int, on: datetime.date) -> datetime.date:
    """A hire date that puts a member ``years`` counted years above step 1 on ``on``, moving each step day
    after: the placement that ``--step`` and ``--years`` name. On an anniversary contract without freezes it
    is the date ``years`` years before; otherwise the latest such date (a step day, on a step-day contract)
    whose count, freezes and cut-offs included, is ``years``."""
    terms = contract.terms
    if terms.step_advance is None and not terms.freezes:
        return core.anniversary(on, on.year - years)
    last_step = on if terms.step_advance is None else _step_day_on_or_before(on, *terms.step_advance)
    for back in range(years, years + 200):
        if back == 0:
            hired = on
        elif terms.step_advance is None:
            hired = core.anniversary(on, on.year - back)
        else:
            hired = last_step.replace(year=last_step.year - back)
        if counted_years(contract, hired, on) == years:
            return hired
    raise InputError(f"years {years} cannot be reached on {on} under this contract's step freezes")


def placement(contract: Contract, step: int | str | None, years: int | None, on: datetime.date) -> str:
    """How a placement is said in an answer ("step 5 on 2025-07-01"), where a step or, on a step contract,
    counted years placed the person; else "" (the answer names the hire date)."""
    if step is not None:
        return f"step {step_years(contract, step) + 1} on {on}"
    if years is not None and core.stepped(contract):
        return f"step {years + 1} on {on}"
    return ""
