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
from paycalc.contract.inputs import title_key
from paycalc.contract.models import Contract, Instalment, Work
from paycalc.rules import core, periods, rate_tables, steps, terms
from paycalc.rules.periods import ONE_DAY, Rational, as_decimal, rational
from paycalc.rules.retro_results import LumpSumPaid, RetroResult, Segment, fiscal_years

_REGULAR = rate_tables.REGULAR

# A run of days with one owed and one paid annual rate, before it is priced:
# [start, end, schedule owed under, longevity label, owed annual, paid annual]
_Run = list[Any]


def _plan(
    contract: Contract,
    title_name: str,
    hired: datetime.date,
    start: datetime.date,
    end: datetime.date,
    work: Work,
    paid_schedule: datetime.date | None,
    paid_annual: Decimal | None,
    paid_contract: Contract | None = None,
    fiscal_years: bool = False,
) -> tuple[str, str, list[_Run]]:
    """Check the inputs and cut the period into runs of days at one owed and one paid rate.

    Returns the canonical title, what was paid ("schedule 2008-05-19", "flat 26843.00" or "contract NAME")
    and the runs. With ``paid_contract``, what was paid is that contract's schedule in force each day, for the
    same title, step and work; with ``fiscal_years``, runs are also cut on each July 1.
    """
    if paid_schedule is not None and paid_annual is not None:
        raise InputError("both paid schedule and paid annual given (at most one: a schedule date, or a flat amount)")
    if paid_contract is not None and (paid_schedule is not None or paid_annual is not None):
        raise InputError(
            "paid contract given with a paid schedule or paid annual (one: the contract whose scale was paid, a "
            "schedule date, or a flat amount)"
        )
    if end < start:
        raise InputError(f"the end {end} is before the start {start} (an end on or after the start)")
    if hired > start:
        raise InputError(f"hire date {hired} is after the start {start} (a start on or after the hire date)")
    title = core.resolve_title(contract, title_name)
    core.check_hire(title, hired)
    if work != _REGULAR:  # most rows of a roster work the regular day and year
        rate_tables.factor(contract, work)  # refuses work the contract does not pay by
    if work.differentials:  # as the contract spells them; a name it does not have is an error
        work = work._replace(differentials=terms.differential_names(contract, work.differentials))
    effective = rate_tables.effective_dates(contract)
    in_force = bisect_right(effective, start) - 1
    if in_force < 0:
        core.schedule_on(contract, start)  # raises the error that names the first schedule

    frozen: int | None = None  # the index of the schedule paid, frozen
    paid_dates: list[datetime.date] = []
    paid_table: list[list[Rational]] = []
    if paid_contract is not None:
        paid_dates, paid_table = _paid_scale(contract, paid_contract, title.name, work, start)
        flat = (0, 1)  # not used: the paid contract's rates are paid
        basis = f"contract {paid_contract.name}"
    elif paid_annual is not None:
        flat = rational(paid_annual)
        basis = f"flat {core.round_cents(paid_annual)}"
    else:
        frozen = bisect_right(effective, schedule_paid(contract, start, paid_schedule)) - 1
        flat = (0, 1)  # not used: the frozen schedule's rates are paid
        basis = f"schedule {effective[frozen]}"
        quo = contract.proposal.replaced if contract.proposal is not None else None
        if quo is not None and paid_schedule is None and effective[frozen] == quo.effective:
            paid_table = rate_tables.annual_table(contract._replace(schedules=(quo,)), title.name, work)
            paid_dates = [quo.effective]  # the status quo, frozen: the schedule the first change replaced

    # the days on which a rate may change: a schedule takes effect (owed or paid), a longevity tier or step is
    # reached, or (by fiscal year) a July 1
    days = set(effective[in_force + 1 : bisect_right(effective, end)])
    days.update(d for d in paid_dates if start < d <= end)
    if fiscal_years:
        days.update(datetime.date(year, 7, 1) for year in range(start.year, end.year + 1))
    tiers = contract.tiers
    tier, moves = steps.changes(contract, hired, start, end)
    edges = [start, *sorted(d for d in {*days, *moves} if start < d <= end), end + ONE_DAY]

    runs: list[_Run] = []
    owed = paid = (-1, 1)
    table = rate_tables.annual_table(contract, title.name, work)
    paid_rates = table[frozen] if frozen is not None else None
    paid_in = bisect_right(paid_dates, start) - 1
    for first, following in pairwise(edges):
        tier = moves.get(first, tier)
        while in_force + 1 < len(effective) and effective[in_force + 1] <= first:
            in_force += 1  # edges are sorted, so schedules take effect one after the other
        while paid_in + 1 < len(paid_dates) and paid_dates[paid_in + 1] <= first:
            paid_in += 1
        owed_now = table[in_force][tier]
        if paid_table:  # the paid contract's schedule in force
            paid_rates = paid_table[paid_in]
        paid_now = flat if paid_rates is None else paid_rates[tier]
        fiscal_edge = fiscal_years and (first.month, first.day) == (7, 1)
        if owed_now == owed and paid_now == paid and not fiscal_edge:  # the same rates: the run goes on
            runs[-1][1] = following - ONE_DAY
        else:
            owed, paid = owed_now, paid_now
            label = tiers[core.paid_tier(contract.schedules[in_force], tier)].label
            runs.append([first, following - ONE_DAY, effective[in_force], label, owed, paid])
    return title.name, basis, runs


def _paid_scale(
    contract: Contract, paid: Contract, title: str, work: Work, start: datetime.date
) -> tuple[list[datetime.date], list[list[Rational]]]:
    """The paid contract's effective dates and its annual table for ``title`` (by the same name), checked to
    have the same steps or rows as ``contract`` and a schedule in force on ``start``."""
    if [t.label for t in paid.tiers] != [t.label for t in contract.tiers]:
        raise InputError(
            f"paid contract {paid.name!r} has other rows ({', '.join(t.label for t in paid.tiers)}) than this "
            "contract's (the paid scale must have the same steps or longevity rows)"
        )
    if title_key(title) not in paid.lookup:
        raise InputError(f"paid contract {paid.name!r} has no title {title!r}")
    dates = rate_tables.effective_dates(paid)
    if dates[0] > start:
        raise InputError(f"paid contract {paid.name!r} has no schedule in force on {start} (its first is {dates[0]})")
    return dates, rate_tables.annual_table(paid, paid.lookup[title_key(title)].name, work)


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
    paid_contract: Contract | None = None,
) -> RetroResult:
    """Retro pay for one person from ``start`` to ``end`` (both included), segment by segment.

    Under a proposal, its lump sums paid inside the period are owed too; ``instalments`` (default: the
    proposal's, if any) split the retro total into dated payments.
    """
    method, _, pay_for = periods.for_contract(contract, method, anchor, cycles)
    by_year = by_fiscal_year(contract, method, paid_contract)
    title, basis, runs = _plan(
        contract, title_name, hired, start, end, work, paid_schedule, paid_annual, paid_contract, by_year
    )
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
        fiscal_years=fiscal_years(segments, lumps) if by_year else (),
    )


def by_fiscal_year(contract: Contract, method: str, paid_contract: Contract | None) -> bool:
    """Whether retro is answered by fiscal year too: what another contract's scale paid (a correction owed
    year by year), or a salary divided into pay cycles, whose checks each belong to one fiscal year."""
    return paid_contract is not None or (method == "biweekly" and bool(contract.terms.pay_cycles))


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
    paid_contract: Contract | None = None,
    by_year: dict[int, int] | None = None,
) -> tuple[int, int, int]:
    """Owed, paid and lump sums in cents (owed includes the lump sums): the sums of :func:`retro`. With
    ``by_year``, each fiscal year's retro wages (owed - paid) are added to it."""
    plan = _plan(
        contract, title_name, hired, start, end, work, paid_schedule, paid_annual, paid_contract, by_year is not None
    )
    owed = paid = 0
    for first, last, _, _, owed_rate, paid_rate in plan[2]:
        owed_cents, paid_cents = pay_for(owed_rate, first, last), pay_for(paid_rate, first, last)
        owed, paid = owed + owed_cents, paid + paid_cents
        if by_year is not None:
            year = first.year + (first.month >= 7)
            by_year[year] = by_year.get(year, 0) + owed_cents - paid_cents
    if contract.proposal is None or not contract.proposal.lump_sums:
        return owed, paid, 0
    lumps = int(sum(lump.amount for lump in lump_sums(contract, hired, start, end, work)) * 100)
    return owed + lumps, paid, lumps
