"""Retro pay: what the schedules in force owed over a period, minus what was paid. Pure, like ``core``.

The rules (README, "Retro pay"):

- The period runs from ``start`` to ``end``, both days included.
- Owed: each day at the rate of the schedule in force that day, for the title and the longevity row
  or step reached that day (from the hire date, ``paycalc.rules.steps``), as annual pay pro-rated by the
  person's hours, workyear or days, with their differentials (``paycalc.rules.terms``).
- Paid: the rates of one frozen schedule (by default the one in force the day before ``start``), with
  the same longevity progression and pro-rating; or a flat annual amount (no progression, no pro-rating).
- Pay periods (``paycalc.rules.periods``): semimonthly (1st-15th, 16th-end, annual / 24), biweekly (14 days
  from an anchor, annual / 26), monthly (annual / 12) or daily. A period in which a rate changes splits
  into pieces, one per rate; a piece, and a period cut by either end of the range, is prorated by
  calendar days within its period.
- Owed and paid are each rounded to the cent per piece, half up; retro = the sum of (owed - paid).
- Segments are the maximal runs of days with the same owed and paid rates; they add up to the totals.

Money is computed in integer cents from exact fractions, and whole pay periods in closed form, so a
nine-year period costs a few dozen operations, not one per day.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any

from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, Instalment, Schedule, Work
from paycalc.rules import core, periods, steps, terms
from paycalc.rules.periods import ONE_DAY, Rational, as_decimal, product, rational
from paycalc.rules.retro_results import LumpSumPaid, RetroResult, Segment

_REGULAR = Work()

# A run of days with one owed and one paid annual rate, before it is priced:
# [start, end, schedule owed under, longevity label, owed annual, paid annual]
_Run = list[Any]


# Per contract (by its schedules, kept alive here so an id is never reused): the effective dates, and
# the rate tables by title and factor. A roster uses one contract; costing a few at once.
_Tables = dict[tuple[str, Work], list[list[Rational]]]
_per_contract: dict[int, tuple[object, list[datetime.date], _Tables]] = {}


def _remembered(contract: Contract) -> tuple[object, list[datetime.date], _Tables]:
    found = _per_contract.get(id(contract.schedules))
    if found is None or found[0] is not contract.schedules:
        if len(_per_contract) >= 16:
            _per_contract.clear()
        found = (contract.schedules, [s.effective for s in contract.schedules], {})
        _per_contract[id(contract.schedules)] = found
    return found


def _effective_dates(contract: Contract) -> list[datetime.date]:
    """The contract's effective dates, ascending."""
    return _remembered(contract)[1]


_factors: dict[tuple[object, ...], Rational] = {}


def _factor(contract: Contract, work: Work, schedule: Schedule | None = None) -> Rational:
    """The pro-rating factor (:func:`paycalc.rules.terms.factor`), exactly; remembered, as a roster repeats them."""
    own = (None, None) if schedule is None else (schedule.hours_per_day, schedule.days_per_year)
    key = (contract.terms, contract.regular_hours, *own, work.hours, work.workyear, work.hours_per_day, work.days)
    found = _factors.get(key)
    if found is None:
        terms.check(contract, work)  # work the contract does not pay by is refused (and never remembered)
        numerator, denominator = terms.factor(contract, work, schedule)
        found = product(rational(numerator), rational(denominator)[::-1])
        if len(_factors) >= 1024:
            _factors.clear()
        _factors[key] = found
    return found


def _annual_table(contract: Contract, title: str, work: Work) -> list[list[Rational]]:
    """``[schedule index][tier index]`` -> full-time annual pay with differentials, pro-rated, exactly.

    Each schedule's factor is against its own regular day and year. Remembered per title and work for
    each contract, so a roster computes each once.
    """
    tables = _remembered(contract)[2]
    regular = work._replace(differentials=()) == _REGULAR
    key = (title, work)
    table = tables.get(key)
    if table is None:
        labels = [tier.label for tier in contract.tiers]
        table = []
        for s in contract.schedules:
            factor: Rational = (1, 1) if regular else _factor(contract, work, s)
            rates = s.rates[title]
            table.append(
                [
                    product(rational(terms.annual_rate(contract, rates[label], work.differentials, s)), factor)
                    for label in labels
                ]
            )
        if len(tables) > 4096:
            tables.clear()
        tables[key] = table
    return table


def _plan(
    contract: Contract,
    title_name: str,
    hired: datetime.date,
    start: datetime.date,
    end: datetime.date,
    work: Work,
    paid_schedule: datetime.date | None,
    paid_annual: Decimal | None,
) -> tuple[str, str, list[_Run]]:
    """Check the inputs and cut the period into runs of days at one owed and one paid rate.

    Returns the canonical title, what was paid ("schedule 2008-05-19" or "flat 26843.00") and the runs.
    """
    if paid_schedule is not None and paid_annual is not None:
        raise InputError("both paid schedule and paid annual given (at most one: a schedule date, or a flat amount)")
    if end < start:
        raise InputError(f"the end {end} is before the start {start} (an end on or after the start)")
    if hired > start:
        raise InputError(f"hire date {hired} is after the start {start} (a start on or after the hire date)")
    title = core.resolve_title(contract, title_name)
    core.check_hire(title, hired)
    if work != _REGULAR:  # most rows of a roster work the regular day and year
        _factor(contract, work)  # refuses work the contract does not pay by
    if work.differentials:  # as the contract spells them; a name it does not have is an error
        work = work._replace(differentials=terms.differential_names(contract, work.differentials))
    effective = _effective_dates(contract)
    in_force = bisect_right(effective, start) - 1
    if in_force < 0:
        core.schedule_on(contract, start)  # raises the error that names the first schedule

    frozen: int | None = None  # the index of the schedule paid, frozen
    if paid_annual is not None:
        flat = rational(paid_annual)
        basis = f"flat {core.round_cents(paid_annual)}"
    else:
        frozen = bisect_right(effective, schedule_paid(contract, start, paid_schedule)) - 1
        flat = (0, 1)  # not used: the frozen schedule's rates are paid
        basis = f"schedule {effective[frozen]}"

    # the days on which a rate may change: a schedule takes effect, or a longevity tier or step is reached
    changes: dict[datetime.date, int] = dict.fromkeys(effective[in_force + 1 : bisect_right(effective, end)], -1)
    tiers = contract.tiers
    tier, moves = steps.changes(contract, hired, start, end)
    changes.update(moves)
    edges = [start, *sorted(changes), end + ONE_DAY]

    runs: list[_Run] = []
    owed = paid = (-1, 1)
    table = _annual_table(contract, title.name, work)
    paid_rates = table[frozen] if frozen is not None else None
    for first, following in pairwise(edges):
        change = changes.get(first)
        if change == -1:
            in_force += 1  # edges are sorted, so schedules take effect one after the other
        elif change is not None:
            tier = change
            while in_force + 1 < len(effective) and effective[in_force + 1] <= first:  # on the same day
                in_force += 1
        owed_now = table[in_force][tier]
        paid_now = flat if paid_rates is None else paid_rates[tier]
        if owed_now == owed and paid_now == paid:  # the same rates: the run goes on
            runs[-1][1] = following - ONE_DAY
        else:
            owed, paid = owed_now, paid_now
            label = tiers[core.paid_tier(contract.schedules[in_force], tier)].label
            runs.append([first, following - ONE_DAY, effective[in_force], label, owed, paid])
    return title.name, basis, runs


def schedule_paid(
    contract: Contract, start: datetime.date, paid_schedule: datetime.date | None = None
) -> datetime.date:
    """The day whose schedule was paid, frozen, over a period from ``start``: ``paid_schedule`` if given,
    else the day before ``start``; under a proposal, at the latest its base (what was paid is the status
    quo). Raises the error that names the first schedule when none was in force that day."""
    on = paid_schedule if paid_schedule is not None else start - ONE_DAY
    if paid_schedule is None and on < contract.schedules[0].effective:
        raise InputError(
            f"no schedule was in force on {on}, the day before the start "
            "(give the schedule that was paid, or the flat annual amount paid)"
        )
    if on < contract.schedules[0].effective:
        core.schedule_on(contract, on)  # raises the error that names the first schedule
    if paid_schedule is None and contract.proposal is not None and on > contract.proposal.base:
        on = contract.proposal.base  # under a proposal, what was paid is the status quo: its base, frozen
    return core.schedule_on(contract, on).effective


def retro(
    contract: Contract,
    title_name: str,
    *,
    hired: datetime.date,
    start: datetime.date,
    end: datetime.date,
    work: Work = Work(),
    paid_schedule: datetime.date | None = None,
    paid_annual: Decimal | None = None,
    method: str | None = None,
    anchor: datetime.date | None = None,
    instalments: Sequence[Instalment] | None = None,
    cycles: int | None = None,
) -> RetroResult:
    """Retro pay for one person from ``start`` to ``end`` (both included), segment by segment.

    Under a proposal, its lump sums paid inside the period are owed too; ``instalments`` (default: the
    proposal's, if any) split the retro total into dated payments.
    """
    method, _, pay_for = periods.for_contract(contract, method, anchor, cycles)
    title, basis, runs = _plan(contract, title_name, hired, start, end, work, paid_schedule, paid_annual)
    segments = []
    for first, last, effective, label, owed, paid in runs:
        owed_cents, paid_cents = pay_for(owed, first, last), pay_for(paid, first, last)
        segments.append(
            Segment(
                start=first,
                end=last,
                schedule=effective,
                longevity=label,
                owed_rate=as_decimal(owed),
                paid_rate=as_decimal(paid),
                owed=Decimal(owed_cents).scaleb(-2),
                paid=Decimal(paid_cents).scaleb(-2),
                retro=Decimal(owed_cents - paid_cents).scaleb(-2),
            )
        )
    lumps = lump_sums(contract, hired, start, end, work)
    owed_total = sum((s.owed for s in segments), Decimal("0.00")) + sum((lump.amount for lump in lumps), Decimal(0))
    paid_total = sum((s.paid for s in segments), Decimal("0.00"))
    if instalments is None and contract.proposal is not None:
        instalments = contract.proposal.instalments
    return RetroResult(
        title=title,
        hired=hired,
        start=start,
        end=end,
        method=method,
        paid_basis=basis,
        owed=owed_total,
        paid=paid_total,
        retro=owed_total - paid_total,
        segments=tuple(segments),
        lump_sums=lumps,
        # instalments split the retro wages; a lump sum is paid on its own day, whole
        instalments=_split(owed_total - paid_total - _lumps(lumps), instalments) if instalments else (),
        cycles=cycles,
    )


def lump_sums(
    contract: Contract, hired: datetime.date, start: datetime.date, end: datetime.date, work: Work
) -> tuple[LumpSumPaid, ...]:
    """The proposal's lump sums paid from ``start`` to ``end`` to a person hired on ``hired``."""
    if contract.proposal is None or not contract.proposal.lump_sums:
        return ()
    from paycalc.rules.proposal import paid_lump_sums

    return paid_lump_sums(contract, hired, start, end, work)


def _lumps(lumps: Sequence[LumpSumPaid]) -> Decimal:
    return sum((lump.amount for lump in lumps), Decimal(0))


def _split(total: Decimal, instalments: Sequence[Instalment]) -> tuple[tuple[datetime.date, Decimal], ...]:
    from paycalc.rules.proposal import split

    return split(total, instalments)


def totals(
    contract: Contract,
    title_name: str,
    *,
    hired: datetime.date,
    start: datetime.date,
    end: datetime.date,
    work: Work = Work(),
    paid_schedule: datetime.date | None = None,
    paid_annual: Decimal | None = None,
    pay_for: periods.Paying = periods.PAYING["semimonthly"],
) -> tuple[int, int, int]:
    """Owed, paid and lump sums in cents (owed includes the lump sums): the sums of :func:`retro`."""
    _, _, runs = _plan(contract, title_name, hired, start, end, work, paid_schedule, paid_annual)
    owed = paid = 0
    for first, last, _, _, owed_rate, paid_rate in runs:
        owed += pay_for(owed_rate, first, last)
        paid += pay_for(paid_rate, first, last)
    if contract.proposal is None or not contract.proposal.lump_sums:
        return owed, paid, 0
    lumps = int(sum(lump.amount for lump in lump_sums(contract, hired, start, end, work)) * 100)
    return owed + lumps, paid, lumps
