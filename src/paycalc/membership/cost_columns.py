"""Costing in columns: a membership as arrays, priced by the roster's kernel, to the same
:class:`~paycalc.membership.costing.Costing` as :func:`paycalc.membership.costing.cost`. Pure.

Each member's pay in each fiscal-year piece is a roster row under each payroll (the status quo's and
each proposal's), from the piece's first day (or the hire date) to its last, with nothing paid: what
:func:`paycalc.membership.member_pay.payroll` prices, a pay period split only where that payroll's rate
changes. Rows alike are priced once: a member hired before a piece whose tier does not change in it is
paid what every member of that title, work and tier is paid; the others are priced one by one.

The rollover is each payroll's annual rate on the range's last day, the lump sums are priced once per
work and set of lump sums a member is eligible for (as the scalar path remembers them), and the sums,
per piece, per title and over the range, are integer sums of int64 cents; the smallest, median and
largest increases come from sorted arrays. What these rules do not cover raises
:class:`~paycalc.membership.column_runs.Unpriced` (the caller costs the roster member by member).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np

from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, Work
from paycalc.membership import costing
from paycalc.membership.column_runs import Unpriced
from paycalc.membership.columnar import Pricer
from paycalc.membership.cost_sums import Spread, Summary, Sums, median_of, money_of
from paycalc.membership.member_pay import lump_cents
from paycalc.membership.members import Member
from paycalc.rules import core, periods

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Flags = NDArray[np.bool_]

_BOUND = 1 << 39  # cents (about 5.5 billion dollars): a member's increase sorts with its title above this


def cost(
    kinds: Sequence[tuple[str, Work]],
    kind: Ints,
    hired: Ints,
    proposals: Sequence[Contract],
    base: Contract,
    start: datetime.date,
    end: datetime.date,
    fiscal_year_start: str = "07-01",
    method: str | None = None,
    anchor: datetime.date | None = None,
) -> costing.Costing:
    """:func:`paycalc.membership.costing.cost` of members given as arrays: each one's kind (an index into
    ``kinds``, its title and work as the roster gives them) and hire date (an ordinal), in roster order."""
    method, _, pieces, frozen = costing.prepare(proposals, base, start, end, fiscal_year_start, method, anchor)
    _, anchor, _ = periods.for_contract(base, method, anchor)  # biweekly: the contract's anchor by default
    payrolls = [frozen, *proposals]
    if any(p.tiers != frozen.tiers or p.terms != frozen.terms for p in payrolls):
        raise Unpriced("payrolls with tiers of their own")
    keep = hired <= end.toordinal()  # hired after the range: on no payroll in it
    kind, hired = kind[keep], hired[keep]
    if not len(kind):  # none on payroll: the sums of no member
        return costing.result(
            Sums(len(pieces), len(proposals)), proposals, base, method, fiscal_year_start, pieces, start, end
        )
    used = np.unique(kind).tolist()
    pricers = [Pricer(p._replace(proposal=None), method, anchor, None) for p in payrolls]
    ways = np.zeros((len(payrolls), len(kinds)), dtype=np.int64)
    names = [""] * len(kinds)
    try:
        for n in used:
            names[n] = core.resolve_title(frozen, kinds[n][0]).name
            for p, pricer in enumerate(pricers):
                ways[p, n] = pricer.way(*kinds[n])
    except InputError as exc:
        raise Unpriced(str(exc)) from None
    firsts = np.array([a.toordinal() for a, _ in pieces], dtype=np.int64)
    lasts = np.array([b.toordinal() for _, b in pieces], dtype=np.int64)
    on = hired[:, None] <= lasts[None, :]  # [member][piece]: on that piece's payroll
    pay = _payrolls(pricers, ways, kind, hired, on, firsts, lasts)
    lumps = np.stack([_lumps(p, kinds, kind, hired, pieces) for p in proposals])
    sums = Sums(len(pieces), len(proposals))
    _fill(sums, pay, lumps, on, names, kind)
    at_end = np.full(len(hired), end.toordinal(), dtype=np.int64)
    annual = [_total(_annual(pricer, ways[p][kind], hired, at_end)) for p, pricer in enumerate(pricers)]
    sums.members_on_last, sums.rollover_old, sums.rollover_new = len(hired), annual[0], annual[1:]
    return costing.result(sums, proposals, base, method, fiscal_year_start, pieces, start, end)


def _payrolls(pricers: list[Pricer], ways: Ints, kind: Ints, hired: Ints, on: Flags, firsts: Ints, lasts: Ints) -> Ints:
    """``[payroll][member][piece]``: cents paid (0 off payroll). Rows alike are priced once: those from a
    piece's first day at one tier throughout by title, work and tier, the others by their hire date too."""
    member, piece = np.nonzero(on)
    since = hired[member]
    first, last = np.maximum(firsts[piece], since), lasts[piece]
    tier, moves, _ = pricers[0].kernel._tiers(since, first, last)
    own = (since > firsts[piece]) | (moves <= last[:, None]).any(axis=1)  # hired in it, or a tier changes in it
    key = (kind[member] * len(firsts) + piece) * 64 + tier
    key = (key << 20) + np.where(own, since + 1, 0)  # ordinals stay below 2**20 (2199-12-31 is 803,168)
    _, alike, inverse = np.unique(key, return_index=True, return_inverse=True)
    pay = np.zeros((len(pricers), *on.shape), dtype=np.int64)
    for p, pricer in enumerate(pricers):
        nothing = np.full(len(alike), pricer.paid(None, Decimal(0)), dtype=np.int64)
        rows = ways[p][kind[member[alike]]], since[alike], first[alike], last[alike], nothing
        owed, _ = pricer.price(*rows)
        pay[p][member, piece] = owed[inverse.ravel()]
    return pay


def _annual(pricer: Pricer, way: Ints, hired: Ints, day: Ints) -> Ints:
    """Each member's annual pay on ``day`` in cents, half up: the rate of the run that holds it."""
    job = pricer.prepare(way, hired, day, day, np.full(len(way), pricer.paid(None, Decimal(0)), dtype=np.int64))
    tier, _, _ = pricer.kernel._tiers(hired, day, day)
    schedule = np.searchsorted(pricer.kernel.edges, day, side="right") - 1
    rate = job.ids[way, schedule, tier]
    numerator, denominator = job.rates[0][rate], job.rates[1][rate]
    cents: Ints = (numerator * 200 + denominator) // (2 * denominator)
    return cents


def _lumps(
    contract: Contract,
    kinds: Sequence[tuple[str, Work]],
    kind: Ints,
    hired: Ints,
    pieces: list[tuple[datetime.date, datetime.date]],
) -> Ints:
    """``[member][piece]``: cents of the proposal's lump sums, priced once per work and eligibility."""
    spec = contract.proposal
    if spec is None or not spec.lump_sums:
        return np.zeros((len(kind), len(pieces)), dtype=np.int64)
    if len(spec.lump_sums) > 30:
        raise Unpriced("many lump sums")
    eligible = np.zeros(len(kind), dtype=np.int64)
    for n, lump in enumerate(spec.lump_sums):
        eligible |= (hired <= lump.eligible_on.toordinal()).astype(np.int64) << n
    _, alike, inverse = np.unique(kind * (1 << 31) + eligible, return_index=True, return_inverse=True)
    table = []
    try:
        for n in alike.tolist():
            title, work = kinds[int(kind[n])]
            member = Member("", title, datetime.date.fromordinal(int(hired[n])), work)
            table.append(lump_cents(contract, member, pieces))
    except InputError as exc:
        raise Unpriced(str(exc)) from None
    cents: Ints = np.array(table, dtype=np.int64).reshape(len(alike), len(pieces))[inverse.ravel()]
    return cents


def _fill(sums: Sums, pay: Ints, lumps: Ints, on: Flags, names: list[str], kind: Ints) -> None:
    """The sums of a costing (as :meth:`Sums.add` makes them member by member), from the arrays."""
    old, new = pay[0], pay[1:]
    n = sums.pieces
    change = new + lumps - old[None]  # [proposal][member][piece]
    whole = np.where(on[None], change, 0).sum(axis=2)  # [proposal][member]: over the pieces on payroll
    if len(old) and max(int(np.abs(change).max()), int(np.abs(whole).max())) >= _BOUND:
        raise Unpriced("an increase too large to sort with its title")
    on_lumps = np.where(on[None], lumps, 0)
    sums.members = [*(int(c) for c in on.sum(axis=0)), len(old)]
    sums.status_quo = [*map(_total, old.T), _total(old)]
    sums.payroll = [[*map(_total, new[k].T), _total(new[k])] for k in range(sums.proposals)]
    sums.lumps = [[*map(_total, on_lumps[k].T), _total(lumps[k])] for k in range(sums.proposals)]
    sums.increases = [
        [
            *(Spread.of(_summary(np.sort(change[k][on[:, i], i]))) for i in range(n)),
            Spread.of(_summary(np.sort(whole[k]))),
        ]
        for k in range(sums.proposals)
    ]
    title_names = sorted(set(names[c] for c in np.unique(kind).tolist()))
    index = {name: t for t, name in enumerate(title_names)}
    title = np.array([index.get(name, 0) for name in names], dtype=np.int64)[kind]
    order = np.argsort(title, kind="stable")
    bounds = np.flatnonzero(np.diff(title[order], prepend=-1))  # each title's first member, in ``order``
    ones = np.ones(len(old), dtype=np.int64)
    columns = [(on, ones), (on, old)] + [(on, values) for k in range(sums.proposals) for values in (new[k], lumps[k])]
    per_title = []  # [column][title][slot]
    for mask, values in columns:
        held = np.where(mask, values if values.ndim == 2 else values[:, None], 0)
        over_range = values.sum(axis=1) if values.ndim == 2 else values
        slots = np.concatenate([held, over_range[:, None]], axis=1)
        per_title.append(
            np.add.reduceat(slots[order], bounds, axis=0) if len(old) else np.zeros((0, n + 1), dtype=np.int64)
        )
    medians = [[_medians(title, change[k][:, i], on[:, i], len(title_names)) for i in range(n)]
               + [_medians(title, whole[k], np.ones(len(old), dtype=bool), len(title_names))]
               for k in range(sums.proposals)]  # fmt: skip
    for t, name in enumerate(title_names):
        sums.titles[name] = [[int(v) for v in column[t]] for column in per_title]
        sums.title_spreads[name] = [
            [Spread.of((None, medians[k][i][t], None)) for i in range(n + 1)] for k in range(sums.proposals)
        ]


def _medians(title: Ints, values: Ints, mask: Flags, titles: int) -> list[Decimal | None]:
    """Each title's median of ``values`` over the members in ``mask``: one sort, by title then value."""
    keys = np.sort(title[mask] * (2 * _BOUND) + values[mask] + _BOUND)
    counts = np.bincount(title[mask], minlength=titles)
    ends = np.cumsum(counts)
    found: list[Decimal | None] = []
    for t, count in enumerate(counts.tolist()):
        if not count:
            found.append(None)
            continue
        begin = int(ends[t]) - count
        low, high = keys[begin + (count - 1) // 2], keys[begin + count // 2]
        found.append(median_of(int(low) % (2 * _BOUND) - _BOUND, int(high) % (2 * _BOUND) - _BOUND))
    return found


def _summary(ordered: Ints) -> Summary:
    """The smallest, median and largest of sorted cents (as :meth:`Spread.summary` gives them)."""
    count = len(ordered)
    if not count:
        return None, None, None
    low, high = int(ordered[(count - 1) // 2]), int(ordered[count // 2])
    return money_of(int(ordered[0])), median_of(low, high), money_of(int(ordered[-1]))


def _total(values: Ints) -> int:
    """The exact sum of int64 cents (refused where the sum might not fit in 64 bits)."""
    if values.size and int(np.abs(values).max()) >= (1 << 62) // values.size:
        raise Unpriced("sums too large for 64-bit cents")
    return int(values.sum())
