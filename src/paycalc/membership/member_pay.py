"""What one member is paid over the pieces of a costed range, under one payroll. Pure.

A payroll (the status quo's, or a proposal's) is priced as retro prices what was owed: pay periods,
annual / 24 a semimonthly period, a piece per rate prorated by calendar days, each piece rounded to the
cent half up; a pay period splits only where that payroll's own rate changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import cast

from paycalc.contract.models import Contract, PayTerms
from paycalc.membership.members import Member
from paycalc.rules import core, periods, retro, steps, terms

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


def tier_on(key: tuple[object, ...], day: date) -> int:
    """The tier index on ``day`` of a member whose :func:`_path` is ``key``: its tier on the path's first day
    (``key[3]``), moved on each day of ``key[4]`` up to ``day``."""
    tier = cast(int, key[3])
    for moved, reached in cast(tuple[tuple[date, int], ...], key[4]):
        if moved <= day:
            tier = reached
    return tier


def work_names(contract: Contract) -> tuple[str, ...]:
    """What :func:`worked` gives per piece: the step (a step contract's) or longevity row, then the work the
    contract pro-rates by: hours a week and workyear (annual pay), hours a day and days (hourly), days (daily)."""
    first = "step" if core.stepped(contract) else "row"
    basis = contract.terms.basis
    work = {"hourly": ("hours_per_day", "days"), "daily": ("days",)}.get(basis, ("hours", "workyear"))
    return (first, *work)


def worked(
    contract: Contract, member: Member, pieces: Sequence[tuple[date, date]], key: tuple[object, ...]
) -> tuple[tuple[str, ...], ...]:
    """Per piece, what the member was priced on: the step or row from the piece's first day on payroll and each
    one reached in the piece (``key`` is the member's :func:`_path`), then each of :func:`work_names`' work, the
    member's own or the regular amount of the schedule in force on the piece's first day on payroll; several
    values (rows of the member's in force in the piece) are given in order, distinct, joined by `` / ``. A piece
    before the hire date is blank."""
    names = work_names(contract)[1:]
    labels = [tier.label for tier in contract.tiers]
    found = []
    for a, b in pieces:
        first = max(a, member.hired)
        if first > b:
            found.append(("",) * (1 + len(names)))
            continue
        tiers = [tier_on(key, first)]
        tiers += [reached for moved, reached in cast(tuple[tuple[date, int], ...], key[4]) if first < moved <= b]
        rows = [p.work for p in member.parts if (p.start or date.min) <= b and a <= (p.end or date.max)]
        values: list[list[str]] = [[] for _ in names]
        regular = terms.of(contract, core.schedule_on(contract, first))
        for work in rows or [member.work]:
            for i, name in enumerate(names):
                own = getattr(work, name)
                shown = str(own if own is not None else _regular(contract, regular, name))
                if shown not in values[i]:
                    values[i].append(shown)
        found.append((" / ".join(labels[t] for t in tiers), *(" / ".join(v) for v in values)))
    return tuple(found)


def _regular(contract: Contract, regular: PayTerms, name: str) -> object:
    if name == "hours":
        return contract.regular_hours
    if name == "workyear":
        return 1
    return getattr(regular, "hours_per_day" if name == "hours_per_day" else "days_per_year")
