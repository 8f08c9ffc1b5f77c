"""The pure calculation core: titles, the schedule in force, service years, tiers, and the rounding rule.

:mod:`paycalc.rules.annual` puts them together into a year's pay; :mod:`paycalc.rules.steps` moves tiers.

No I/O, no clock, no printing: every function takes a loaded :class:`Contract` and checked values.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import title_key
from paycalc.contract.models import Contract, Schedule, Tier, Title

CENT = Decimal("0.01")
# Enough digits that one division (by the regular hours) cannot move the rounding to the cent.
PRECISION = 60


def round_cents(amount: Decimal) -> Decimal:
    """The one rounding rule for shown money: to the cent, half up."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def median(values: list[Decimal]) -> Decimal:
    """The median of non-empty ``values``, exactly (the statistics module costs 3 ms to import)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def resolve_title(contract: Contract, name: str) -> Title:
    """The title whose name or alias matches ``name``, ignoring case, spacing and punctuation."""
    key = title_key(name)
    if not key:
        raise InputError(
            f"title {name!r} is empty (a title such as {contract.titles[0].name!r}; 'paycalc titles' lists them)"
        )
    title = contract.lookup.get(key)
    if title is not None:
        return title
    names = {title_key(t.name): t.name for t in contract.titles}
    closest = _closest(tuple(contract.lookup), key)
    suggestions = list(dict.fromkeys(contract.lookup[k].name for k in closest)) or list(names.values())
    raise InputError(f"unknown title {name!r} (closest: {', '.join(suggestions)}; 'paycalc titles' lists them all)")


@functools.lru_cache(maxsize=256)
def _closest(keys: tuple[str, ...], key: str) -> tuple[str, ...]:
    """The keys nearest ``key``, best first (difflib: a roster's rows left out under one unknown title, ten
    thousand of them, each said with its suggestions, are worked out once: about 0.3 ms each)."""
    import difflib  # only on this error path

    return tuple(difflib.get_close_matches(key, list(keys), n=3, cutoff=0.6))


def schedule_on(contract: Contract, on: date) -> Schedule:
    """The schedule in force on ``on``: the latest effective date on or before it."""
    in_force = None
    for schedule in contract.schedules:
        if schedule.effective > on:
            break
        in_force = schedule
    if in_force is None:
        first = contract.schedules[0].effective
        raise InputError(f"date {on} is before the first schedule (dates from {first} on)")
    return in_force


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def anniversary(hired: date, year: int) -> date:
    """The hire date's anniversary in ``year``; a Feb 29 hire's is Feb 28 in common years."""
    if hired.month == 2 and hired.day == 29 and not is_leap(year):
        return date(year, 2, 28)
    return hired.replace(year=year)


def completed_years(hired: date, on: date) -> int:
    """Completed years of service on ``on``: anniversaries on or before it."""
    if hired > on:
        raise InputError(f"hire date {hired} is after the date {on} (a hire date on or before the date)")
    years = on.year - hired.year
    return years - 1 if on < anniversary(hired, on.year) else years


def tier_index(contract: Contract, years: int) -> int:
    """The index of the highest longevity tier (or step) whose minimum years ``years`` reaches."""
    tiers = contract.tiers
    index = 0
    while index + 1 < len(tiers) and years >= tiers[index + 1].min_years:
        index += 1
    return index


def paid_tier(schedule: Schedule, index: int) -> int:
    """The tier a schedule pays at ``index``: its top step, for a member past the steps it prints."""
    return index if schedule.steps is None or index < schedule.steps else schedule.steps - 1


def stepped(contract: Contract) -> bool:
    """Whether the contract's rows are steps, one a year counted (step 1 from 0 years, step 2 from 1, ...),
    as Lunenburg's are; NYC's longevity rows (base, 5 and 15 years) are not."""
    return _stepped(contract.tiers)


@functools.lru_cache(maxsize=64)  # asked on every answer of the web page: the tiers are a frozen tuple
def _stepped(tiers: tuple[Tier, ...]) -> bool:
    return len(tiers) > 1 and all(tier.min_years == index for index, tier in enumerate(tiers))


def tier_for(contract: Contract, years: int) -> Tier:
    """The highest longevity tier whose minimum years ``years`` reaches."""
    return contract.tiers[tier_index(contract, years)]


def check_hire(title: Title, hired: date) -> None:
    """A title whose rate is only for those hired before a date (Bil. Prof. Asst.) refuses later hires."""
    if title.hired_before is not None and hired >= title.hired_before:
        raise InputError(
            f"{title.name} hired {hired} is not paid this title's rate (only those employed in title before "
            f"{title.hired_before} and continuously thereafter are; others are paid the rate of the title "
            "with the same education and experience)"
        )
