"""The pure calculation core: title, schedule in force, longevity and pro-rating into annual pay.

No I/O, no clock, no printing: every function takes a loaded :class:`Contract` and checked values.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from paycalc.errors import InputError
from paycalc.inputs import title_key
from paycalc.models import Contract, DifferentialPaid, PayResult, Schedule, Tier, Title, Work

CENT = Decimal("0.01")
# Enough digits that one division (by the regular hours) cannot move the rounding to the cent.
_PRECISION = 60


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
    import difflib  # only on this error path

    names = {title_key(t.name): t.name for t in contract.titles}
    closest = difflib.get_close_matches(key, list(contract.lookup), n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(contract.lookup[k].name for k in closest)) or list(names.values())
    raise InputError(f"unknown title {name!r} (closest: {', '.join(suggestions)}; 'paycalc titles' lists them all)")


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


def contract_notes(contract: Contract, on: date, schedule: Schedule) -> list[str]:
    """Notes on where ``on`` falls against the contract's term."""
    if on > contract.term_end:
        return [
            f"{on} is after the agreement's term ended ({contract.term_end}): under the status quo its "
            f"last schedule ({schedule.effective}) stays in force until a successor agreement."
        ]
    if on < contract.term_start:
        return [
            f"{on} is before the agreement's term ({contract.term_start} to {contract.term_end}); "
            f"the {schedule.effective} schedule it prints was in force then."
        ]
    return []


def pay(
    contract: Contract,
    title_name: str,
    on: date,
    *,
    years: int | None = None,
    hired: date | None = None,
    hours: Decimal | None = None,
    workyear: Decimal | None = None,
    hours_per_day: Decimal | None = None,
    days: Decimal | None = None,
    differentials: Sequence[str] = (),
) -> PayResult:
    """Annual pay for a title on a date, from completed ``years`` or a ``hired`` date, pro-rated.

    Article Three A.3: annual = rate x (hours per week / regular hours) x fraction of the workyear; an
    hourly contract's rate x hours a day x days, a daily one's rate x days (:mod:`paycalc.terms`).
    """
    from paycalc import steps, terms

    if (years is None) == (hired is None):
        given = "both years and hired" if years is not None else "neither years nor hired"
        raise InputError(
            f"{given} given (exactly one: completed years of service, e.g. 16, or a hire date, e.g. 2002-09-03)"
        )
    title = resolve_title(contract, title_name)
    work = Work(hours, workyear, hours_per_day, days, terms.differential_names(contract, differentials))
    terms.check(contract, work)
    schedule = schedule_on(contract, on)
    notes = contract_notes(contract, on, schedule)
    if hired is not None:
        years = steps.counted_years(contract, hired, on)
        check_hire(title, hired)
    assert years is not None
    notes.extend(title.notes)
    tier = tier_for(contract, years)
    rate = schedule.rates[title.name][tier.label]
    numerator, denominator = terms.factor(contract, work)
    full = terms.full_time(contract, rate)
    added = terms.extras(contract, full, work.differentials)
    with localcontext(prec=_PRECISION):
        annual = round_cents((full + sum((value for _, value in added), Decimal(0))) * numerator / denominator)
        paid = tuple(
            DifferentialPaid(d.name, d.kind, d.amount, round_cents(value * numerator / denominator))
            for d, value in added
        )
    basis = contract.terms.basis
    if basis == "annual":
        hours = contract.regular_hours if hours is None else hours
        workyear = Decimal(1) if workyear is None else workyear
    elif basis == "hourly":
        hours_per_day = contract.terms.hours_per_day if hours_per_day is None else hours_per_day
    if basis != "annual":
        days = contract.terms.days_per_year if days is None else days
    return PayResult(
        title=title.name,
        date=on,
        schedule=schedule.effective,
        years=years,
        longevity=tier.label,
        rate=rate,
        hours=hours,
        workyear=workyear,
        factor=numerator / denominator,
        annual=annual,
        notes=tuple(notes),
        source=schedule.source,
        basis=basis,
        hours_per_day=hours_per_day,
        days=days,
        full_time=full,
        differentials=paid,
    )
