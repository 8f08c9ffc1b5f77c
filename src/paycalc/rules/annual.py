"""Annual pay for a title on a date: the schedule in force, the tier or step reached, pro-rated. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal, localcontext

from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, DifferentialPaid, PayResult, Schedule, Work
from paycalc.rules import steps, terms
from paycalc.rules.core import (
    PRECISION,
    check_hire,
    paid_tier,
    resolve_title,
    round_cents,
    schedule_on,
    stepped,
    tier_index,
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
    hourly contract's rate x hours a day x days, a daily one's rate x days (:mod:`paycalc.rules.terms`).
    """
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
    reached = tier_index(contract, years)
    index = paid_tier(schedule, reached)
    tier = contract.tiers[index]
    top = schedule.steps or len(contract.tiers)
    if stepped(contract) and years + 1 > top:
        notes.append(
            f"The {schedule.effective} schedule prints {top} steps; past the top step (step {years + 1} of {top} "
            f"counted): paid {tier.label}."
        )
    elif index != reached:
        notes.append(
            f"{contract.tiers[reached].label} is past the top step of the {schedule.effective} schedule, "
            f"which prints {schedule.steps} steps: paid its top step, {tier.label}."
        )
    rate = schedule.rates[title.name][tier.label]
    numerator, denominator = terms.factor(contract, work, schedule)
    full = terms.full_time(contract, rate, schedule)
    added = terms.extras(contract, full, work.differentials, schedule)
    with localcontext(prec=PRECISION):
        annual = round_cents((full + sum((value for _, value in added), Decimal(0))) * numerator / denominator)
        paid = tuple(
            DifferentialPaid(d.name, d.kind, d.amount, round_cents(value * numerator / denominator))
            for d, value in added
        )
    printed = schedule.printed.get(title.name, {}).get(tier.label)
    if printed is not None and printed != round_cents(full):
        from paycalc.rules.printed import printed_note

        notes.append(printed_note(contract, schedule, rate, printed, round_cents(full)))
    pay_terms = terms.of(contract, schedule)
    basis = pay_terms.basis
    if basis == "annual":
        hours = contract.regular_hours if hours is None else hours
        workyear = Decimal(1) if workyear is None else workyear
    elif basis == "hourly":
        hours_per_day = pay_terms.hours_per_day if hours_per_day is None else hours_per_day
    if basis != "annual":
        days = pay_terms.days_per_year if days is None else days
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
