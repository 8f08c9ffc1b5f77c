"""The figures of a costing (per fiscal year, per proposal, per title or step) and how summed members become them.

Pure: :func:`result` turns running sums (:class:`~paycalc.membership.cost_sums.Sums`, or sums made alike in
columns) into a :class:`Costing`; :mod:`paycalc.membership.costing` re-exports every name here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from paycalc.contract.models import Contract
from paycalc.membership.cost_sums import Spread, Sums, money_of
from paycalc.membership.members import Member
from paycalc.rules import core


class Line(NamedTuple):
    """One proposal's figures for one fiscal year (or the total): recurring and one-time apart."""

    name: str
    payroll: Decimal
    lump_sums: Decimal  # one-time
    recurring: Decimal  # payroll - status quo
    increase: Decimal  # recurring + lump sums
    percent: Decimal | None
    smallest: Decimal | None
    median: Decimal | None
    largest: Decimal | None
    gap: Decimal | None  # increase - the first proposal's increase (None for the first)


class TitleLine(NamedTuple):
    """One title's figures in one fiscal year (or the total)."""

    members: int
    status_quo: Decimal
    offers: tuple[tuple[Decimal, Decimal, Decimal], ...]  # per proposal: recurring, lump sums, increase
    medians: tuple[Decimal | None, ...]  # per proposal: the median member's increase (the typical member)


class Period(NamedTuple):
    start: date
    end: date
    members: int
    status_quo: Decimal
    cost_of_one_percent: Decimal
    proposals: tuple[Line, ...]
    by_title: Mapping[str, TitleLine]  # per group (a title, or a step with ``by="step"``), in the contract's order


class Rollover(NamedTuple):
    """The recurring increase annualised on the range's last day: what the next contract inherits."""

    on: date
    members: int  # on payroll that day
    status_quo: Decimal  # the annual payroll that day
    increases: tuple[Decimal, ...]  # per proposal: its annual payroll that day minus the status quo's


class MemberCost(NamedTuple):
    """One member's costing, in cents: per piece, then over the whole range."""

    member: Member
    title: str
    status_quo: tuple[int, ...]
    pay: tuple[tuple[int, ...], ...]  # per proposal: payroll + lump sums
    lump_sums: tuple[int, ...]  # per proposal, over the whole range
    worked: tuple[tuple[str, ...], ...] = ()  # per piece: the step or row priced, then the work (:func:`worked`)


class Costing(NamedTuple):
    status_quo_base: date
    method: str
    fiscal_year_start: str
    periods: tuple[Period, ...]
    total: Period
    rollover: Rollover
    paid_contract: str = ""  # the status quo is what this contract's scale paid, in force each day (not frozen)
    by: str = "title"  # what ``Period.by_title`` groups members by: "title", or "step" (the step or longevity row)
    worked: tuple[str, ...] = ()  # what each member's ``MemberCost.worked`` names, per piece (member by member)


def result(
    sums: Sums,
    proposals: Sequence[Contract],
    base: Contract,
    method: str,
    fiscal_year_start: str,
    pieces: Sequence[tuple[date, date]],
    start: date,
    end: date,
    order: Sequence[str] | None = None,
) -> Costing:
    """The costing of summed members (:class:`~paycalc.membership.cost_sums.Sums`, or sums made alike in columns);
    groups in ``order`` (steps, as the contract lists them), else by name."""
    first_proposal = proposals[0].proposal
    assert first_proposal is not None
    return Costing(
        status_quo_base=core.schedule_on(base, first_proposal.base).effective,
        method=method,
        fiscal_year_start=fiscal_year_start,
        periods=tuple(_period(sums, proposals, i, a, b, order) for i, (a, b) in enumerate(pieces)),
        total=_period(sums, proposals, len(pieces), start, end, order),
        rollover=Rollover(
            end,
            sums.members_on_last,
            money_of(sums.rollover_old),
            tuple(money_of(new - sums.rollover_old) for new in sums.rollover_new),
        ),
    )


def _period(
    sums: Sums, proposals: Sequence[Contract], i: int, first: date, last: date, order: Sequence[str] | None
) -> Period:
    lines: list[Line] = []
    status = sums.status_quo[i]
    for k, contract in enumerate(proposals):
        assert contract.proposal is not None
        recurring = sums.payroll[k][i] - status
        increase = recurring + sums.lumps[k][i]
        percent = Decimal(increase) / Decimal(status) * 100 if status else None
        least, middle, most = sums.increases[k][i].summary()
        gap = money_of(increase) - lines[0].increase if lines else None
        lines.append(
            Line(
                contract.proposal.name,
                money_of(sums.payroll[k][i]),
                money_of(sums.lumps[k][i]),
                money_of(recurring),
                money_of(increase),
                percent,
                least,
                middle,
                most,
                gap,
            )
        )
    return Period(
        first,
        last,
        sums.members[i],
        money_of(status),
        Decimal(status).scaleb(-4),
        tuple(lines),
        {
            group: _title_line(values, [spread[i] for spread in sums.title_spreads[group]], i)
            for group, values in _ordered(sums.titles, order)
            if order is None or values[0][i]  # a step nobody is on that year is left out
        },
    )


def _ordered(groups: dict[str, list[list[int]]], order: Sequence[str] | None) -> list[tuple[str, list[list[int]]]]:
    if order is None:
        return sorted(groups.items())
    place = {label: i for i, label in enumerate(order)}
    return sorted(groups.items(), key=lambda item: place.get(item[0], len(place)))


def _title_line(values: list[list[int]], spreads: list[Spread], i: int) -> TitleLine:
    status = values[1][i]
    offers = []
    for k in range(len(spreads)):
        payroll_cents, lumps = values[2 + 2 * k][i], values[3 + 2 * k][i]
        offers.append((money_of(payroll_cents - status), money_of(lumps), money_of(payroll_cents + lumps - status)))
    return TitleLine(values[0][i], money_of(status), tuple(offers), tuple(spread.summary()[1] for spread in spreads))
