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
:class:`~paycalc.membership.unpriced.Unpriced` (the caller costs the roster member by member).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from paycalc.contract.errors import InputError, RowError
from paycalc.contract.models import Contract, Work
from paycalc.membership import costing
from paycalc.membership.columnar import Pricer
from paycalc.membership.cost_arrays import Running, total
from paycalc.membership.member_pay import lump_cents
from paycalc.membership.members import Member
from paycalc.membership.unpriced import Unpriced
from paycalc.rules import core, periods

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Flags = NDArray[np.bool_]


def cost(
    kinds: Sequence[tuple[str, Work]],
    chunks: Iterable[tuple[Ints, Ints, Ints, Ints, Ints, Ints]],
    proposals: Sequence[Contract],
    base: Contract,
    start: datetime.date,
    end: datetime.date,
    fiscal_year_start: str = "07-01",
    method: str | None = None,
    anchor: datetime.date | None = None,
    paid: Contract | None = None,
    skipped: list[tuple[int, str]] | None = None,
    by: str = "title",
) -> costing.Costing:
    """:func:`paycalc.membership.costing.cost` of members given as chunks of arrays, in roster order: each
    member's kind (an index into ``kinds``, its title and work as the roster gives them, which may grow
    as chunks come), hire date (an ordinal), row number, first and last days (its own, or a day before and after
    any: a row is paid for its days) and member (its rows follow each other; a member is paid what its rows
    are, counted under the title of its last). With ``paid``, the status quo is that contract's scale. With
    ``skipped`` (``--skip-invalid``), members the rules refuse to price are left out and put in it (row number,
    the reason the member-by-member path gives), in order. ``by="step"`` groups members by the status quo's step
    (or longevity row) on each piece's first day on payroll, and the range's."""
    asked = (proposals, base, start, end, fiscal_year_start, method, anchor)
    method, _, pieces, frozen = costing.prepare(proposals, base, start, end, fiscal_year_start, method, anchor, paid)
    _, anchor, _ = periods.for_contract(base, method, anchor)  # biweekly: the contract's anchor by default
    payrolls = [frozen, *proposals]
    if any(p.tiers != frozen.tiers or p.terms != frozen.terms for p in payrolls):
        raise Unpriced("payrolls with tiers of their own")
    pricers = [Pricer(p._replace(proposal=None), method, anchor, None) for p in payrolls]
    firsts = np.array([a.toordinal() for a, _ in pieces], dtype=np.int64)
    lasts = np.array([b.toordinal() for _, b in pieces], dtype=np.int64)
    running = Running(len(pieces), len(proposals))
    order = None if by == "title" else [tier.label for tier in frozen.tiers]
    labels = None if order is None else np.array([running.title(label) for label in order], dtype=np.int64)
    ways = _Ways(kinds, frozen, pricers, running, skipped is not None)
    for kind, hired, numbers, since, until, member in chunks:
        keep = hired <= lasts[-1]  # hired after the range: on no payroll in it (every row of the member alike)
        kind, hired, numbers, since, until, member = (a[keep] for a in (kind, hired, numbers, since, until, member))
        if not len(kind):
            continue
        way, title = ways.of(kind)
        if skipped is not None and (gone := ways.bad[kind]).any():  # a title the rules refuse: said, left out
            skipped += _refusals(asked, kinds, kind[gone], hired[gone], numbers[gone], paid)  # (one row a member)
            kind, hired, way, title = kind[~gone], hired[~gone], way[:, ~gone], title[~gone]
            since, until, member = since[~gone], until[~gone], member[~gone]
            if not len(kind):
                continue
        firsts_of = np.flatnonzero(np.diff(member, prepend=-1))  # each member's first row
        # [row][piece]: on that piece's payroll (hired by its end, the row's days meeting it)
        on = (
            (hired[:, None] <= lasts[None, :])
            & (since[:, None] <= lasts[None, :])
            & (until[:, None] >= firsts[None, :])
        )
        pay = _payrolls(pricers, way, hired, on, firsts, lasts, (since, until))
        at_end = np.full(len(hired), lasts[-1], dtype=np.int64)
        holds = (since <= lasts[-1]) & (until >= lasts[-1])  # the row on payroll on the range's last day
        annual = [total(_annual(pricer, way[p], hired, at_end)[holds]) for p, pricer in enumerate(pricers)]
        lumps = np.stack([_lumps(p, kinds, kind, hired, (since, until), pieces) for p in proposals])
        if len(firsts_of) < len(kind):  # members of several rows: paid what their rows are
            pay, lumps = np.add.reduceat(pay, firsts_of, axis=1), np.add.reduceat(lumps, firsts_of, axis=1)
            on, holds = np.logical_or.reduceat(on, firsts_of, axis=0), np.logical_or.reduceat(holds, firsts_of)
            title = title[np.append(firsts_of[1:], len(kind)) - 1]  # its last row's
            hired = hired[firsts_of]
        running.add(pay, lumps, on, title if labels is None else _steps(pricers[0], hired, firsts, labels))
        running.add_rollover(int(holds.sum()), annual[0], annual[1:])
    costed = costing.result(running.done(), proposals, base, method, fiscal_year_start, pieces, start, end, order)
    return costed._replace(paid_contract="" if paid is None else paid.name, by=by)


def _steps(pricer: Pricer, hired: Ints, firsts: Ints, labels: Ints) -> Ints:
    """``[member][piece]``: each member's step (or row: the group of its label) on its first day on payroll in
    each piece (after the piece, the hire date: off its payroll, counted nowhere), then the range's."""
    days = np.maximum(firsts[None, :], hired[:, None])
    days = np.concatenate([days, np.maximum(firsts[0], hired)[:, None]], axis=1)
    tier, _, _ = pricer.kernel.tiers_of(np.repeat(hired, days.shape[1]), days.ravel(), days.ravel())
    return labels[tier.reshape(days.shape)]


class _Ways:
    """Each kind's way under each payroll, and its title's index, worked out once, as members come."""

    def __init__(
        self, kinds: Sequence[tuple[str, Work]], frozen: Contract, pricers: list[Pricer], running: Running, skip: bool
    ) -> None:
        self.kinds, self.frozen, self.pricers, self.running, self.skip = kinds, frozen, pricers, running, skip
        self.ways = np.zeros((len(pricers), 0), dtype=np.int64)
        self.titles = np.zeros(0, dtype=np.int64)
        self.bad = np.zeros(0, dtype=bool)  # kinds the rules refuse to price (with skip; else Unpriced)
        self.known: set[int] = set()

    def of(self, kind: Ints) -> tuple[Ints, Ints]:
        """``[payroll][member]`` ways, and each member's title index."""
        if len(self.kinds) > self.titles.size:
            grow = len(self.kinds) - self.titles.size
            self.ways = np.concatenate([self.ways, np.zeros((len(self.pricers), grow), dtype=np.int64)], axis=1)
            self.titles = np.concatenate([self.titles, np.zeros(grow, dtype=np.int64)])
            self.bad = np.concatenate([self.bad, np.zeros(grow, dtype=bool)])
        new = set(np.flatnonzero(np.bincount(kind)).tolist()) - self.known  # not np.unique: see column_runs
        for pricer in self.pricers:  # many pro-rated ways (members' own hours) made at once
            pricer.warm_keys([self.kinds[n] for n in new])
        for n in new:
            name, work = self.kinds[n]
            try:
                self.titles[n] = self.running.title(core.resolve_title(self.frozen, name).name)
                for p, pricer in enumerate(self.pricers):
                    self.ways[p, n] = pricer.way(name, work)
            except (InputError, Unpriced) as exc:
                if not self.skip:
                    raise Unpriced(str(exc)) from None
                self.bad[n] = True  # the member-by-member path's reason, or its members are its
            self.known.add(n)
        return self.ways[:, kind], self.titles[kind]


def _refusals(
    asked: tuple[Any, ...], kinds: Sequence[tuple[str, Work]], kind: Ints, hired: Ints, numbers: Ints, paid: Any
) -> list[tuple[int, str]]:
    """Why the rules refuse to price each member (row number, reason), costed alone member by member; a member
    they price after all is theirs (:class:`Unpriced`)."""
    said = []
    for n, day, number in zip(kind.tolist(), hired.tolist(), numbers.tolist(), strict=True):
        title, work = kinds[n]
        member = Member("", title, datetime.date.fromordinal(day), work, row=number)
        refusals: list[RowError] = []
        proposals, base, start, end, fiscal_year_start, method, anchor = asked
        costing.cost(
            [member], proposals, base, start, end, fiscal_year_start, method, anchor, refusals.append, paid=paid
        )
        if len(refusals) != 1:
            raise Unpriced("a member the columns refuse that the rules price")
        said.append((number, refusals[0].reason))
    return said


def _payrolls(
    pricers: list[Pricer], way: Ints, hired: Ints, on: Flags, firsts: Ints, lasts: Ints, days: tuple[Ints, Ints]
) -> Ints:
    """``[payroll][member][piece]``: cents paid (0 off payroll, and to a member hired after her row's last
    day). Rows alike are priced once: those from a piece's first day at one tier throughout by title, work and
    tier, those hired in it by their hire date too; a row whose own days cut the piece alone."""
    member, piece = np.nonzero(on)
    since = hired[member]
    first, last = np.maximum(firsts[piece], since), lasts[piece]
    cut = (days[0][member] > first) | (days[1][member] < last)  # its own days start or end inside the piece
    first, last = np.maximum(first, days[0][member]), np.minimum(last, days[1][member])
    paid = first <= last
    member, piece, since, first, last = member[paid], piece[paid], since[paid], first[paid], last[paid]
    cut = cut[paid]
    tier, moves, _ = pricers[0].kernel.tiers_of(since, first, last)
    own = (since > firsts[piece]) | (moves <= last[:, None]).any(axis=1)  # hired in it, or a tier changes in it
    if (int(way[0].max(initial=0)) + 1) * len(firsts) >= 1 << 36:
        raise Unpriced("too many kinds of member to key in 64 bits")  # key < 2**(36 + 6 + 20)
    key = (way[0][member] * len(firsts) + piece) * 64 + tier  # the status quo's way: one per title and work
    key = (key << 20) + np.where(own, since + 1, 0)  # ordinals stay below 2**20 (2199-12-31 is 803,168)
    key = np.where(cut, -1 - np.arange(len(key)), key)  # each row cut by its own days, a key of its own
    _, alike, inverse = np.unique(key, return_index=True, return_inverse=True)
    pay = np.zeros((len(pricers), *on.shape), dtype=np.int64)
    for p, pricer in enumerate(pricers):
        nothing = np.full(len(alike), pricer.paid(None, Decimal(0)), dtype=np.int64)
        rows = way[p][member[alike]], since[alike], first[alike], last[alike], nothing
        owed, _ = pricer.price(*rows)
        pay[p][member, piece] = owed[inverse.ravel()]
    return pay


def _annual(pricer: Pricer, way: Ints, hired: Ints, day: Ints) -> Ints:
    """Each member's annual pay on ``day`` in cents, half up: the rate of the run that holds it."""
    job = pricer.prepare(way, hired, day, day, np.full(len(way), pricer.paid(None, Decimal(0)), dtype=np.int64))
    tier, _, _ = pricer.kernel.tiers_of(hired, day, day)
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
    days: tuple[Ints, Ints],
    pieces: list[tuple[datetime.date, datetime.date]],
) -> Ints:
    """``[row][piece]``: cents of the proposal's lump sums paid in the piece on a day of the row's own days (a
    lump sum goes with the row whose days hold its paid day), each day's priced once per work and eligibility."""
    spec = contract.proposal
    if spec is None or not spec.lump_sums:
        return np.zeros((len(kind), len(pieces)), dtype=np.int64)
    if len(spec.lump_sums) > 30:
        raise Unpriced("many lump sums")
    eligible = np.zeros(len(kind), dtype=np.int64)
    for n, lump in enumerate(spec.lump_sums):
        eligible |= (hired <= lump.eligible_on.toordinal()).astype(np.int64) << n
    paid = sorted({lump.paid for lump in spec.lump_sums if pieces[0][0] <= lump.paid <= pieces[-1][1]})
    if not paid:
        return np.zeros((len(kind), len(pieces)), dtype=np.int64)
    _, alike, inverse = np.unique(kind * (1 << 31) + eligible, return_index=True, return_inverse=True)
    table = []
    try:
        for n in alike.tolist():
            title, work = kinds[int(kind[n])]
            member = Member("", title, datetime.date.fromordinal(int(hired[n])), work)
            table.append(lump_cents(contract, member, [(day, day) for day in paid]))
    except InputError as exc:
        raise Unpriced(str(exc)) from None
    on_day = np.array(table, dtype=np.int64).reshape(len(alike), len(paid))[inverse.ravel()]  # [row][paid day]
    day = np.array([d.toordinal() for d in paid], dtype=np.int64)
    on_day *= (days[0][:, None] <= day[None, :]) & (days[1][:, None] >= day[None, :])
    piece = np.searchsorted([b.toordinal() for _, b in pieces], day)  # the piece holding each paid day
    cents = np.zeros((len(kind), len(pieces)), dtype=np.int64)
    for j, at in enumerate(piece.tolist()):
        cents[:, at] += on_day[:, j]
    return cents
