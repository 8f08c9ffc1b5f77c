"""What fits a budget: the largest uniform raise on a date, to 0.01%, whose cost in the first whole
fiscal year after that date fits the budget. Pure: bisection over the exact costing, so the answer is
exact, not an estimate.

The raise is added to the proposal's changes: a new change on the date, or compounded with the
percents of a change already on it. Its cost is the proposal's increase (payroll + lump sums - status
quo) in the first fiscal year that starts on or after the date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from paycalc.contract.errors import InputError, RowError
from paycalc.contract.models import Change, Contract
from paycalc.membership import costing as cost
from paycalc.membership import member_pay
from paycalc.rules import periods, proposal

STEP = Decimal("0.01")
CEILING = 10_000  # hundredths of a percent: 100%


class Solved(NamedTuple):
    percent: Decimal
    on: date
    budget: Decimal
    increase: Decimal  # the cost of that percent in the fiscal year
    next_increase: Decimal  # and of 0.01% more
    year: tuple[date, date]
    proposal: Contract
    summary: str


def with_raise(contract: Contract, base: Contract, percent: Decimal, on: date) -> Contract:
    """``contract``'s proposal with ``percent`` added on ``on``, applied to ``base``."""
    spec = contract.proposal
    assert spec is not None
    if on <= spec.base:
        raise InputError(f"--solve-percent {on} is not after the proposal's base date {spec.base}")
    changes = list(spec.changes)
    for i, change in enumerate(changes):
        if change.effective == on:
            changes[i] = change._replace(percents=(*change.percents, percent))
            break
    else:
        changes.append(Change(on, (percent,), {}))
        changes.sort(key=lambda change: change.effective)
    return proposal.apply(base, spec._replace(changes=tuple(changes)))


def solve(
    members: Sequence[cost.Member],
    contract: Contract,
    base: Contract,
    budget: Decimal,
    on: date,
    start: date,
    end: date,
    fiscal_year_start: str,
    method: str | None,
    anchor: date | None = None,
    on_invalid: Callable[[RowError], None] | None = None,
) -> Solved:
    _, _, pay_for = periods.for_contract(base, method, anchor)
    month, day = cost.parse_fiscal_start(fiscal_year_start)
    whole = [  # pieces that start on the fiscal year's first day, on or after the raise, and run a whole year
        (a, b)
        for a, b in cost.fiscal_years(start, end, fiscal_year_start)
        if a >= on and (a.month, a.day) == (month, day) and b == date(a.year + 1, month, day) - cost.ONE_DAY
    ]
    if not whole:
        raise InputError(
            f"no whole fiscal year after {on} lies in --from {start} --to {end} (extend --to to cover one)"
        )
    year = whole[0]

    # Members whose pay follows the same path in that year are priced once per trial percent; the
    # status quo and the lump sums (which no percent changes) are priced once.
    frozen = cost.status_quo([contract], base)
    pieces = [year]
    first: dict[tuple[object, ...], cost.Member] = {}
    count: Counter[tuple[object, ...]] = Counter()
    lumps = 0
    for number, member in enumerate(members, start=1):
        try:
            key = member_pay._path(member, frozen, year[0], year[1])
            lumps += member_pay.lump_cents(contract, member, pieces)[0] if member.hired <= year[1] else 0
        except InputError as exc:
            if on_invalid is None:
                raise RowError(member.row or number, str(exc)) from None
            on_invalid(RowError(member.row or number, str(exc)))
            continue
        first.setdefault(key, member)
        count[key] += 1
    status = sum(member_pay.payroll(frozen, first[key], pieces, pay_for)[0] * n for key, n in count.items())
    if status == 0:
        raise InputError(
            f"no member of the roster is paid in the fiscal year {year[0]} to {year[1]} (no raise can be fitted "
            "to a budget without a payroll: give a roster with members on it)"
        )

    def increase(hundredths: int) -> Decimal:
        raised = with_raise(contract, base, Decimal(hundredths) * STEP, on)
        paid = sum(member_pay.payroll(raised, first[key], pieces, pay_for)[0] * n for key, n in count.items())
        return Decimal(paid + lumps - status).scaleb(-2)

    alone = increase(0)
    if alone > budget:
        raise InputError(
            f"no raise fits --budget ${budget:,.2f}: the proposal alone costs ${alone:,.2f} in {year[0]} to {year[1]}"
        )
    low, high = 0, CEILING  # increase(low) fits; find the largest that does
    if increase(high) <= budget:
        low = high
    while high - low > 1:
        middle = (low + high) // 2
        if increase(middle) <= budget:
            low = middle
        else:
            high = middle
    percent = Decimal(low) * STEP
    top = Decimal(CEILING) * STEP
    fits = increase(low)
    import textwrap

    if low == CEILING:  # the bound of the search fits: say so, and price nothing beyond it
        beyond = fits
        after = f"the top of the search, 0% to {top}% by 0.01%: a larger raise may fit too"
    else:
        beyond = increase(low + 1)
        after = f"{percent + STEP}% would cost ${beyond:,.2f}; searched 0% to {top}% by 0.01%"
    summary = textwrap.fill(
        f"The largest uniform raise on {on} that fits ${budget:,.2f} in the fiscal year {year[0]} to {year[1]}: "
        f"{percent}% (it costs ${fits:,.2f}; {after}).",
        80,
    )
    return Solved(percent, on, budget, fits, beyond, year, with_raise(contract, base, percent, on), summary)
