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

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from paycalc.contract.errors import InputError, RowError
from paycalc.contract.models import Contract, Proposal
from paycalc.membership.cost_result import Costing as Costing  # re-exported: costing's figures
from paycalc.membership.cost_result import Line as Line
from paycalc.membership.cost_result import MemberCost as MemberCost
from paycalc.membership.cost_result import Period as Period
from paycalc.membership.cost_result import Rollover as Rollover
from paycalc.membership.cost_result import TitleLine as TitleLine
from paycalc.membership.cost_result import result as result
from paycalc.membership.cost_sums import Sums
from paycalc.membership.fiscal import ONE_DAY as ONE_DAY  # re-exported: costing's range helpers
from paycalc.membership.fiscal import fiscal_years as fiscal_years
from paycalc.membership.fiscal import parse_fiscal_start as parse_fiscal_start
from paycalc.membership.member_pay import _path, lump_cents, on_payroll, payroll_and_annual, tier_on, work_names, worked
from paycalc.membership.member_pay import payroll as payroll  # re-exported: the budget solve prices with it
from paycalc.membership.members import Member as Member  # re-exported: costing's members
from paycalc.membership.members import Part as Part
from paycalc.membership.members import read_members as read_members
from paycalc.rules import core, periods, proposal

ZERO = Decimal("0.00")


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
    on_member: Callable[[MemberCost], None] | None = None,
    paid: Contract | None = None,
    by: str = "title",
) -> Costing:
    """Each proposal against the status quo, per fiscal year and in total, over the members. With ``paid``,
    the status quo is what that contract's scale paid, its schedule in force each day.

    ``by="step"`` groups members by the status quo's step (or longevity row) on each fiscal year's first day
    they are on payroll, and over the whole range by the step on its first such day; else by title.

    Members on a common path (on payroll all along, no step in the range) are priced once per path
    and counted, not summed one by one; the others are priced and listed one by one.
    """
    method, pay_for, pieces, frozen = prepare(proposals, base, start, end, fiscal_year_start, method, anchor, paid)
    n, count = len(pieces), len(proposals)
    sums = Sums(n, count)
    memo: dict[tuple[object, ...], _Priced] = {}
    lump_memo: dict[tuple[object, ...], list[int]] = {}
    common: dict[tuple[object, ...], list[Any]] = {}  # (path, lump sums) -> [members, title, priced, lumps]
    everywhere = [True] * n
    worked_memo: dict[tuple[object, ...], tuple[tuple[str, ...], ...]] = {}
    for number, member in enumerate(members, start=1):
        if member.hired > end:
            continue  # hired after the range: on no payroll in it
        try:
            key = _path(member, frozen, start, end)
            shared = key[2] == start and not key[4] and not member.parts  # on payroll all along, no step, one row
            priced = memo.get(key) if shared else None
            if priced is None:
                old = payroll_and_annual(frozen, member, pieces, pay_for)
                new = [payroll_and_annual(p, member, pieces, pay_for) for p in proposals]
                priced = _Priced(old[0], [n[0] for n in new], old[1], [n[1] for n in new])
                if shared:
                    memo[key] = priced
            lumps = [lump_cents(p, member, pieces, lump_memo) for p in proposals]
        except InputError as exc:
            if on_invalid is None:
                raise RowError(member.row or number, str(exc)) from None
            on_invalid(RowError(member.row or number, str(exc)))
            continue
        if on_member is not None:
            done = worked_memo.get(key)  # what a member worked: its path's (its work, rows and first day too)
            if done is None:
                done = worked_memo[key] = worked(frozen, member, pieces, key)
            on_member(_member_cost(member, str(key[0]), priced, lumps)._replace(worked=done))
        group = str(key[0]) if by == "title" else _steps(frozen, key, pieces)
        if not shared:
            sums.add(group, on_payroll(member, pieces), priced.old, priced.new, lumps)
            sums.add_rollover(on_payroll(member, [(end, end)])[0], priced.old_annual, priced.new_annual)
            continue
        alike = (key, tuple(map(tuple, lumps)))
        found = common.get(alike)
        if found is None:
            common[alike] = [1, group, priced, lumps]
        else:
            found[0] += 1
    for weight, group, priced, lumps in common.values():
        sums.add(group, everywhere, priced.old, priced.new, lumps, weight, counted=True)
        sums.add_rollover(True, priced.old_annual, priced.new_annual, weight)

    order = None if by == "title" else [tier.label for tier in frozen.tiers]
    costed = result(sums, proposals, base, method, fiscal_year_start, pieces, start, end, order)
    return costed._replace(paid_contract="" if paid is None else paid.name, by=by, worked=work_names(frozen))


def _steps(contract: Contract, key: tuple[Any, ...], pieces: Sequence[tuple[date, date]]) -> list[str]:
    """The step (or longevity row) label of each piece's first day on payroll, then the whole range's: from the
    path's step on its first day (``key[2]``, the hire date if later) and the days it moves after."""
    labels = [tier.label for tier in contract.tiers]
    return [*(labels[tier_on(key, a)] for a, _ in pieces), labels[tier_on(key, key[2])]]


def prepare(
    proposals: Sequence[Contract],
    base: Contract,
    start: date,
    end: date,
    fiscal_year_start: str,
    method: str | None,
    anchor: date | None,
    paid: Contract | None = None,
) -> tuple[str, periods.Paying, list[tuple[date, date]], Contract]:
    """Check a costing's range and proposals: the pay method, its pricer, the fiscal-year pieces and the status quo
    (``paid``, a contract whose scale was paid, in force each day; else the first proposal's base, frozen)."""
    if end < start:
        raise InputError(f"--to {end} is before --from {start} (an end on or after the start)")
    method, _, pay_for = periods.for_contract(base, method, anchor)
    pieces = fiscal_years(start, end, fiscal_year_start)
    frozen = status_quo(proposals, base) if paid is None else paid._replace(proposal=None)
    if paid is not None and [t.label for t in paid.tiers] != [t.label for t in base.tiers]:
        raise InputError(f"paid contract {paid.name!r} has other rows than this contract's (the same steps or rows)")
    for contract in proposals:  # a range wholly before an offer's base date prices nothing it changes
        spec = contract.proposal
        assert spec is not None
        if end <= spec.base:
            raise InputError(
                f"--to {end} is not after the base date {spec.base} of {spec.file} (the offer changes nothing "
                "until after it: cost a range that runs past it)"
            )
    core.schedule_on(base, start)  # a range before the first schedule is an error naming it
    return method, pay_for, pieces, frozen


class _Priced(NamedTuple):
    old: list[int]  # the status quo's cents per piece
    new: list[list[int]]  # each proposal's
    old_annual: int  # annual pay on the last day, in cents: the status quo's
    new_annual: list[int]  # each proposal's


def _member_cost(member: Member, title: str, priced: _Priced, lumps: list[list[int]]) -> MemberCost:
    def whole(cents: Sequence[int]) -> tuple[int, ...]:
        return (*cents, sum(cents))

    pay = tuple(
        whole([a + b for a, b in zip(new, lump, strict=True)]) for new, lump in zip(priced.new, lumps, strict=True)
    )
    return MemberCost(member, title, whole(priced.old), pay, tuple(sum(lump) for lump in lumps))
