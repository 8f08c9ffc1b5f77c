"""Costing: what proposals cost across a membership, by fiscal year, against the status quo. Pure.

The rules (README, "Costing"):

- The range ``start``..``end`` (both included) is cut into fiscal years starting each ``MM-DD``; the
  first and last pieces may be partial. A member hired after a piece starts is priced from the hire date.
- The status quo is the base schedule of the first proposal frozen, longevity still moving on
  anniversaries (what retro calls "paid" by default).
- A payroll (the status quo's, or a proposal's) is priced as retro prices what was owed: pay periods,
  annual / 24 a semimonthly period, a piece per rate prorated by calendar days, each piece rounded to
  the cent half up. Each payroll is priced on its own: a pay period splits only where that payroll's
  own rate changes (and at a fiscal-year boundary, where one falls inside a period).
- A proposal's lump sums count in the fiscal year holding their paid day, for members hired on or
  before ``eligible_on``, pro-rated if the proposal says so, each rounded to the cent.
- Per fiscal year and proposal: payroll, lump sums, increase = payroll + lump sums - status quo,
  percent = increase / status quo x 100; cost of 1% = 1% of the status quo payroll; and across members
  the smallest, median and largest increase. A total over the range.

Members whose pay follows the same path (title, pro-rating, the day they start in the range, their
longevity steps) are priced once: a membership of thousands has a few thousand distinct paths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from paycalc.contract.errors import InputError, RowError
from paycalc.contract.models import Contract, Proposal
from paycalc.membership.cost_sums import Sums, money_of
from paycalc.membership.fiscal import ONE_DAY as ONE_DAY  # re-exported: costing's range helpers
from paycalc.membership.fiscal import fiscal_years as fiscal_years
from paycalc.membership.fiscal import parse_fiscal_start as parse_fiscal_start
from paycalc.membership.members import Member as Member  # re-exported: costing's members
from paycalc.membership.members import Part as Part
from paycalc.membership.members import read_members as read_members
from paycalc.rules import core, periods, proposal, retro, steps

ZERO = Decimal("0.00")


class Line(NamedTuple):
    """One proposal's figures for one fiscal year (or the total)."""

    name: str
    payroll: Decimal
    lump_sums: Decimal
    increase: Decimal
    percent: Decimal | None
    smallest: Decimal | None
    median: Decimal | None
    largest: Decimal | None


class Period(NamedTuple):
    start: date
    end: date
    members: int
    status_quo: Decimal
    cost_of_one_percent: Decimal
    proposals: tuple[Line, ...]
    by_title: Mapping[str, tuple[Decimal, tuple[Decimal, ...]]]  # title -> (status quo, increase per proposal)


class Costing(NamedTuple):
    status_quo_base: date
    method: str
    fiscal_year_start: str
    periods: tuple[Period, ...]
    total: Period


def status_quo(proposals: Sequence[Contract], base: Contract) -> Contract:
    """The base contract with the first proposal's base schedule frozen; proposals must share that base."""
    if not proposals:
        raise InputError(
            "no proposal given (give at least one --proposal FILE; the first one's base is the status quo)"
        )
    first = proposals[0].proposal
    assert first is not None
    first_base = core.schedule_on(base, first.base).effective
    for other in proposals[1:]:
        assert other.proposal is not None
        other_base = core.schedule_on(base, other.proposal.base).effective
        if other_base != first_base:
            raise InputError(
                f"the proposals start from different schedules: {first.file} from {first_base}, "
                f"{other.proposal.file} from {other_base} (cost proposals against one status quo)"
            )
    frozen = Proposal("status quo", first.base, first.rounding, (), (), (), first.file)
    return proposal.apply(base, frozen)._replace(proposal=None)


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
    if not member.parts:
        return _paid(contract, member, pieces, pay_for, pieces[0][0], pieces[-1][1])
    total = [0] * len(pieces)
    for part in member.parts:
        alone = member._replace(title=part.title, work=part.work, parts=())
        first, last = max(part.start or date.min, pieces[0][0]), min(part.end or date.max, pieces[-1][1])
        for i, cents in enumerate(_paid(contract, alone, pieces, pay_for, first, last)):
            total[i] += cents
    return total


def _paid(
    contract: Contract,
    member: Member,
    pieces: Sequence[tuple[date, date]],
    pay_for: periods.Paying,
    start: date,
    end: date,
) -> list[int]:
    first, last = max(start, member.hired), end
    if first > last:
        return [0] * len(pieces)
    _, _, runs = retro._plan(contract, member.title, member.hired, first, last, member.work, None, ZERO)
    cents = []
    for piece_start, piece_end in pieces:
        total = 0
        for run_start, run_end, _, _, annual, _ in runs:
            a, b = max(run_start, piece_start), min(run_end, piece_end)
            if a <= b:
                total += pay_for(annual, a, b)
        cents.append(total)
    return cents


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


def cost(
    members: Iterable[Member],
    proposals: Sequence[Contract],
    base: Contract,
    start: date,
    end: date,
    fiscal_year_start: str = "07-01",
    method: str | None = None,
    anchor: date | None = None,
    on_invalid: Callable[[RowError], None] | None = None,
) -> Costing:
    """Each proposal against the status quo, per fiscal year and in total, over the members.

    Members on a common path (on payroll all along, no step in the range) are priced once per path
    and counted, not summed one by one; the others are priced and listed one by one.
    """
    if end < start:
        raise InputError(f"--to {end} is before --from {start} (an end on or after the start)")
    method, _, pay_for = periods.for_contract(base, method, anchor)
    pieces = fiscal_years(start, end, fiscal_year_start)
    frozen = status_quo(proposals, base)
    for contract in proposals:  # a range wholly before an offer's base date prices nothing it changes
        spec = contract.proposal
        assert spec is not None
        if end <= spec.base:
            raise InputError(
                f"--to {end} is not after the base date {spec.base} of {spec.file} (the offer changes nothing "
                "until after it: cost a range that runs past it)"
            )
    core.schedule_on(base, start)  # a range before the first schedule is an error naming it
    n, count = len(pieces), len(proposals)
    sums = Sums(n, count)
    memo: dict[tuple[object, ...], tuple[list[int], list[list[int]]]] = {}
    lump_memo: dict[tuple[object, ...], list[int]] = {}
    common: dict[tuple[object, ...], list[Any]] = {}  # (path, lump sums) -> [members, title, old, new, lumps]
    everywhere = [True] * n
    for number, member in enumerate(members, start=1):
        if member.hired > end:
            continue  # hired after the range: on no payroll in it
        try:
            key = _path(member, frozen, start, end)
            shared = key[2] == start and not key[4] and not member.parts  # on payroll all along, no step, one row
            priced = memo.get(key) if shared else None
            if priced is None:
                priced = (
                    payroll(frozen, member, pieces, pay_for),
                    [payroll(p, member, pieces, pay_for) for p in proposals],
                )
                if shared:
                    memo[key] = priced
            lumps = [lump_cents(p, member, pieces, lump_memo) for p in proposals]
        except InputError as exc:
            if on_invalid is None:
                raise RowError(member.row or number, str(exc)) from None
            on_invalid(RowError(member.row or number, str(exc)))
            continue
        old, new = priced
        if not shared:
            sums.add(str(key[0]), on_payroll(member, pieces), old, new, lumps)
            continue
        group = (key, tuple(map(tuple, lumps)))
        found = common.get(group)
        if found is None:
            common[group] = [1, str(key[0]), old, new, lumps]
        else:
            found[0] += 1
    for weight, title, old, new, lumps in common.values():
        sums.add(title, everywhere, old, new, lumps, weight, counted=True)

    def period(i: int, first: date, last: date) -> Period:
        lines = []
        status = sums.status_quo[i]
        for k, contract in enumerate(proposals):
            assert contract.proposal is not None
            increase = sums.payroll[k][i] + sums.lumps[k][i] - status
            percent = Decimal(increase) / Decimal(status) * 100 if status else None
            lines.append(
                Line(
                    contract.proposal.name,
                    money_of(sums.payroll[k][i]),
                    money_of(sums.lumps[k][i]),
                    money_of(increase),
                    percent,
                    *sums.increases[k][i].summary(),
                )
            )
        by_title = {
            title: (money_of(values[0][i]), tuple(money_of(values[1 + k][i]) for k in range(count)))
            for title, values in sorted(sums.titles.items())
        }
        return Period(
            first, last, sums.members[i], money_of(status), Decimal(status).scaleb(-4), tuple(lines), by_title
        )

    first_proposal = proposals[0].proposal
    assert first_proposal is not None
    return Costing(
        status_quo_base=core.schedule_on(base, first_proposal.base).effective,
        method=method,
        fiscal_year_start=fiscal_year_start,
        periods=tuple(period(i, a, b) for i, (a, b) in enumerate(pieces)),
        total=period(n, start, end),
    )
