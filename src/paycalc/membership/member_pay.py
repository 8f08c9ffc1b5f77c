"""What one member is paid over the pieces of a costed range, under one payroll. Pure.

A payroll (the status quo's, or a proposal's) is priced as retro prices what was owed: pay periods,
annual / 24 a semimonthly period, a piece per rate prorated by calendar days, each piece rounded to the
cent half up; a pay period splits only where that payroll's own rate changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from paycalc.contract.models import Contract
from paycalc.membership.members import Member
from paycalc.rules import core, periods, retro, steps

ZERO = Decimal("0.00")


def _path(member: Member, contract: Contract, start: date, end: date) -> tuple[object, ...]:
    """What a member's pay over ``start``..``end`` depends on, besides the contract."""
    first = max(start, member.hired)
    tier, moves = steps.changes(contract, member.hired, first, end)
    title = core.resolve_title(contract, member.title).name
    return (title, (member.work, member.parts), first, tier, tuple(moves.items()))


def payroll(
    contract: Contract, member: Member, pieces: Sequence[tuple[date, date]], pay_for: periods.Paying
) -> list[int]:
    """Cents paid under ``contract`` in each piece: runs split only where this payroll's rate changes.

    A member with several rows is paid each row's pay over that row's own days.
    """
    return payroll_and_annual(contract, member, pieces, pay_for)[0]


def payroll_and_annual(
    contract: Contract, member: Member, pieces: Sequence[tuple[date, date]], pay_for: periods.Paying
) -> tuple[list[int], int]:
    """:func:`payroll`, and the annual pay on the last piece's last day in cents (half up), 0 if no row
    holds that day: what the payroll pays a year from then on (the rollover)."""
    if not member.parts:
        return _paid(contract, member, pieces, pay_for, pieces[0][0], pieces[-1][1])
    total, annual = [0] * len(pieces), 0
    for part in member.parts:
        alone = member._replace(title=part.title, work=part.work, parts=())
        first, last = max(part.start or date.min, pieces[0][0]), min(part.end or date.max, pieces[-1][1])
        cents, on_last = _paid(contract, alone, pieces, pay_for, first, last)
        for i, value in enumerate(cents):
            total[i] += value
        annual += on_last if last == pieces[-1][1] else 0
    return total, annual


def _paid(
    contract: Contract,
    member: Member,
    pieces: Sequence[tuple[date, date]],
    pay_for: periods.Paying,
    start: date,
    end: date,
) -> tuple[list[int], int]:
    first, last = max(start, member.hired), end
    if first > last:
        return [0] * len(pieces), 0
    _, _, runs = retro._plan(contract, member.title, member.hired, first, last, member.work, None, ZERO)
    cents = []
    for piece_start, piece_end in pieces:
        total = 0
        for run_start, run_end, _, _, annual, _ in runs:
            a, b = max(run_start, piece_start), min(run_end, piece_end)
            if a <= b:
                total += pay_for(annual, a, b)
        cents.append(total)
    numerator, denominator = runs[-1][4]  # the rate of the last run, which holds ``end``
    return cents, int((numerator * 200 + denominator) // (2 * denominator))


def on_payroll(member: Member, pieces: Sequence[tuple[date, date]]) -> list[bool]:
    """In which pieces a member is on payroll: hired by its end, and (with rows) a row's days meet it."""
    return [
        member.hired <= b
        and (not member.parts or any((p.start or date.min) <= b and a <= (p.end or date.max) for p in member.parts))
        for a, b in pieces
    ]


def lump_cents(
    contract: Contract,
    member: Member,
    pieces: Sequence[tuple[date, date]],
    memo: dict[tuple[object, ...], list[int]] | None = None,
) -> list[int]:
    """Cents of the proposal's lump sums in each piece: paid in it, to a member hired by ``eligible_on``.

    They depend only on which lump sums the member is eligible for and their pro-rating, so ``memo``
    (one per costing) keeps them by that.
    """
    if contract.proposal is None or not contract.proposal.lump_sums:
        return [0] * len(pieces)
    if member.parts:  # each lump sum goes with the row whose days hold its paid day
        summed = [0] * len(pieces)
        for part in member.parts:
            alone = member._replace(title=part.title, work=part.work, parts=())
            first, last = max(part.start or date.min, pieces[0][0]), min(part.end or date.max, pieces[-1][1])
            if first <= last:
                window = [(max(a, first), min(b, last)) for a, b in pieces]
                for i, cents in enumerate(lump_cents(contract, alone, window)):
                    summed[i] += cents
        return summed
    eligible = tuple(member.hired <= lump.eligible_on for lump in contract.proposal.lump_sums)
    key = (id(contract), member.work[:4], eligible)
    found = memo.get(key) if memo is not None else None
    if found is None:
        found = [0] * len(pieces)
        for lump in retro.lump_sums(contract, member.hired, pieces[0][0], pieces[-1][1], member.work):
            for i, (a, b) in enumerate(pieces):
                if a <= lump.paid <= b:
                    found[i] += int(lump.amount * 100)
        if memo is not None:
            memo[key] = found
    return found
