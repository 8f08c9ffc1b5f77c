"""The array kernel of :mod:`paycalc.membership.columnar`: a prepared chunk of rows in, owed and paid cents out.

A :class:`Kernel` holds only the contract and the pay method, so it is sent once to each process of a
pool; each :class:`Job` carries the rate tables as they stand with its rows (made in the process that prices
it). No I/O, no clock.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from paycalc.contract.models import Contract
from paycalc.membership import step_changes
from paycalc.membership.rate_spans import RateSpans
from paycalc.membership.step_changes import NEVER as NEVER  # the kernel's, kept importable from here
from paycalc.membership.unpriced import Unpriced
from paycalc.rules import period_arrays

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

_TAG = 64  # an edge's sort key (int32): ordinal x 64 + tag (0 a schedule's date, tier + 1 a tier's day, 63 no edge)
_PAD = NEVER * _TAG + _TAG - 1


class Job(NamedTuple):
    """A chunk of rows, checked: ways, hire dates, starts, ends (ordinals), the schedule paid, frozen (-1 for a
    flat amount) and the flat amount's rate id; with the rate tables as they stand."""

    way: Ints
    hired: Ints
    start: Ints
    end: Ints
    frozen: Ints
    flat: Ints
    ids: Ints  # [way][schedule][tier] -> rate id
    rates: Ints  # [0 numerator, 1 denominator][rate id]
    paid_ids: Ints | None = None  # with a paid contract: [way][schedule][tier] -> the rate it paid (not frozen)


class Kernel:
    """Prices jobs under one contract and pay method (semimonthly, monthly, biweekly with 26 checks, or a
    salary divided into its pay cycles' checks)."""

    def __init__(
        self,
        contract: Contract,
        method: str,
        anchor: int,
        cycles: int | None = None,
        school_year: bool = False,
        edges: list[int] | None = None,  # with a paid contract: both scales' dates and each July 1, merged
    ) -> None:
        self.contract = contract
        self.method = method
        self.anchor = anchor  # biweekly: an ordinal of a period's first day, modulo 14
        self.cycles = cycles  # biweekly on a contract of pay cycles: the checks a year its salary is divided into
        self.school_year = school_year  # biweekly in 22 checks over the school year, on a contract without cycles
        self.edges = np.array(edges or [s.effective.toordinal() for s in contract.schedules], dtype=np.int64)
        # a run never goes on across a July 1 where fiscal years are answered (as the scalar plan cuts them)
        july = [d for d in (edges or []) if datetime.date.fromordinal(d).timetuple()[1:3] == (7, 1)]
        self.fiscal = np.array(july, dtype=np.int64)
        self.tiers = len(contract.tiers)
        self.closed_form = contract.terms.step_advance is None and not contract.terms.freezes
        self._whole = RateSpans(self.edges)  # each rate over each whole schedule, and their running sums
        self._steps: step_changes.Known = {}  # each row's step changes by its (hired, start, end), kept

    def price(self, job: Job) -> tuple[Ints, Ints]:
        """Owed and paid cents of each row of ``job``: the sums of :func:`paycalc.rules.retro.totals`."""
        owed, paid, _ = self.by_year(job, [])
        return owed, paid

    def by_year(self, job: Job, years: list[int]) -> tuple[Ints, Ints, Ints]:
        """Owed and paid cents of each row, and its retro wages in each fiscal year of ``years`` ([row][year])."""
        if not len(job.way):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros((0, len(years)), np.int64)
        tier0, moves, move_tiers = self.tiers_of(job.hired, job.start, job.end)
        self._whole.grow(job.rates, self._pay)
        alike = self._alike(job, tier0, moves)
        if alike is None:
            return self._priced(job, tier0, moves, move_tiers, years)
        first, inverse = alike  # rows alike are priced once
        way, hired, start, end, frozen, flat, ids, rates, paid_ids = job
        pick = Job(way[first], hired[first], start[first], end[first], frozen[first], flat[first], ids, rates, paid_ids)
        owed, paid, yearly = self._priced(pick, tier0[first], moves[first], move_tiers[first], years)
        return owed[inverse], paid[inverse], yearly[inverse]

    def _alike(self, job: Job, tier0: Ints, moves: Ints) -> tuple[Ints, Ints] | None:
        """The first of each set of rows priced alike, and each row's set; None when few are alike.

        Rows are alike when they have one way, start, end and pay, and either the same hire date or one tier
        throughout (the hire date then changes nothing): on a long roster most rows of a chunk share a
        period, and those hired long before it one tier. The key is a number in mixed radix; a chunk whose
        columns span too much for 63 bits is priced row by row."""
        steady = (moves > job.end[:, None]).all(axis=1)
        hired = np.where(steady, 0, job.hired - job.hired.min() + 1)
        pay = np.where(job.frozen < 0, len(self.edges) + job.flat, job.frozen)
        key = np.zeros(len(job.way), dtype=np.int64)
        room = 1
        for column in (job.way, hired, job.start - job.start.min(), job.end - job.end.min(), pay, tier0):
            radix = int(column.max()) + 1
            room *= radix
            if room >= 2**63:
                return None
            key = key * radix + column
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        if 2 * len(first) > len(key):
            return None
        return first, inverse

    def _priced(
        self, job: Job, tier0: Ints, moves: Ints, move_tiers: Ints, years: list[int]
    ) -> tuple[Ints, Ints, Ints]:
        way, _, start, end, frozen, flat, ids, rates, paid_ids = job
        used = np.flatnonzero(np.bincount(way))  # the ways of the rows (np.unique's plain form imports numpy.ma: 20 ms)
        if paid_ids is None and not years and not _joins(ids[used]):
            return (*self._segments(job, tier0, moves, move_tiers), np.zeros((len(way), 0), dtype=np.int64))
        # each row's edges, sorted: its start, the schedules' dates and tier days inside it, its end + 1
        dates = self.edges[1:]
        inside = (dates[None, :] > start[:, None]) & (dates[None, :] <= end[:, None])
        dates = dates[inside.any(axis=0)]
        inside = (dates[None, :] > start[:, None]) & (dates[None, :] <= end[:, None])
        keys = np.concatenate(
            [
                (start * _TAG + tier0 + 1)[:, None],
                np.where(inside, dates[None, :] * _TAG, _PAD),
                np.where(moves <= end[:, None], moves * _TAG + move_tiers + 1, _PAD),
                ((end + 1) * _TAG + _TAG - 1)[:, None],
            ],
            axis=1,
        ).astype(np.int32)
        keys.sort(axis=1)
        day, tag = keys >> 6, keys & (_TAG - 1)
        # tiers only rise along a row; a schedule's date (tag 0) moves the schedule in force on by one
        tier = np.maximum.accumulate(np.where(tag < _TAG - 1, tag, 0), axis=1) - 1
        in_force = np.searchsorted(self.edges, start, side="right")[:, None] - 1 + np.cumsum(tag == 0, axis=1)
        cell = (way[:, None] * len(self.edges) + np.minimum(in_force, len(self.edges) - 1)) * self.tiers + tier
        owed_id = ids.ravel()[cell]
        held = ((way * len(self.edges) + np.maximum(frozen, 0)) * self.tiers)[:, None] + tier
        if paid_ids is not None:  # the paid contract's rate in force, as the owed one
            paid_id = paid_ids.ravel()[cell]
        else:
            paid_id = np.where((frozen < 0)[:, None], flat[:, None], ids.ravel()[held])
        # a run: from an edge inside the row to the day before the next edge; none between two edges on one day
        columns = np.arange(keys.shape[1])
        runs = np.zeros(keys.shape, dtype=bool)
        runs[:, :-1] = (day[:, :-1] <= end[:, None]) & (day[:, 1:] != day[:, :-1])
        before = np.maximum.accumulate(np.where(runs, columns, -1), axis=1)
        previous = np.maximum(before[:, :-1], 0)
        same = np.zeros(keys.shape, dtype=bool)  # a run at the rates of the run before it goes on
        same[:, 1:] = (
            (before[:, :-1] >= 0)
            & (np.take_along_axis(owed_id, previous, axis=1) == owed_id[:, 1:])
            & (np.take_along_axis(paid_id, previous, axis=1) == paid_id[:, 1:])
        )
        if len(self.fiscal):
            same[:, 1:] &= ~np.isin(day[:, 1:], self.fiscal)
        starts = runs & ~same
        following = np.where(starts, day, (end + 1)[:, None])
        following[:, :-1] = np.minimum.accumulate(following[:, :0:-1], axis=1)[:, ::-1]
        following[:, -1] = end + 1
        chosen = np.flatnonzero(starts)
        first, last = day.ravel()[chosen].astype(np.int64), following.ravel()[chosen].astype(np.int64) - 1
        offsets = np.concatenate([[0], np.cumsum(np.count_nonzero(starts, axis=1))[:-1]])
        # a run over one whole schedule's days (most of them) pays what the table of such runs says
        span = np.minimum(in_force.ravel()[chosen], max(len(self.edges) - 2, 0))
        if len(self.edges) > 1:
            alone = np.flatnonzero((first != self.edges[span]) | (last + 1 != self.edges[span + 1]))
        else:
            alone = np.arange(len(first))
        owed, paid_cents = (
            self._runs(rates, on.ravel()[chosen], span, alone, first, last) for on in (owed_id, paid_id)
        )
        yearly = period_arrays.fiscal_sums(years, chosen // keys.shape[1], len(way), first, owed - paid_cents)
        if yearly is None:
            raise Unpriced("a row with days outside the fiscal years answered")  # row by row names it
        return np.add.reduceat(owed, offsets), np.add.reduceat(paid_cents, offsets), yearly

    def _segments(self, job: Job, tier0: Ints, moves: Ints, move_tiers: Ints) -> tuple[Ints, Ints]:
        """Owed and paid cents when no two runs join (no rate repeats across a schedule's date or a tier's
        day): each row's days at one tier (a segment) are a piece to the first schedule's date, whole
        schedules from the table, and a piece after the last date."""
        way, _, start, end, frozen, flat, ids, rates, _ = job
        order = np.argsort(moves, axis=1, kind="stable")  # the days a row's tier changes first, then NEVER
        moves, move_tiers = np.take_along_axis(moves, order, axis=1), np.take_along_axis(move_tiers, order, axis=1)
        real = moves <= end[:, None]
        firsts = np.concatenate([start[:, None], moves], axis=1)
        lasts = np.concatenate([np.minimum(moves - 1, end[:, None]), end[:, None]], axis=1)
        tiers = np.concatenate([tier0[:, None], move_tiers], axis=1)
        exists = np.concatenate([np.ones((len(way), 1), dtype=bool), real], axis=1)
        chosen = np.flatnonzero(exists)
        rows = chosen // exists.shape[1]
        first, last, tier = firsts.ravel()[chosen], lasts.ravel()[chosen], tiers.ravel()[chosen]
        top = len(self.edges) - 1
        at_first = np.searchsorted(self.edges, first, side="right") - 1
        at_last = np.searchsorted(self.edges, last, side="right") - 1
        one = at_first == at_last
        head_last = np.where(one, last, self.edges[np.minimum(at_first + 1, top)] - 1)
        w, held = way[rows], frozen[rows]
        paid_id = np.where(held < 0, flat[rows], ids[w, np.maximum(held, 0), tier])
        # owed and paid side by side: [0] owed, [1] paid
        cents = self._pieces(rates, np.stack([ids[w, at_first, tier], paid_id]), at_first, first, head_last)
        split = np.flatnonzero(~one)
        if len(split):
            w, tier, paid_id, at_first, at_last = w[split], tier[split], paid_id[split], at_first[split], at_last[split]
            tail = np.stack([ids[w, at_last, tier], paid_id])
            cents[:, split] += self._pieces(rates, tail, at_last, self.edges[at_last], last[split])
            # the whole schedules between the pieces: owed each at its own rate, paid at one rate throughout
            whole = self._whole.spans[ids[w, :top, tier], np.arange(top)]
            sums = np.zeros((len(split), top + 1), dtype=np.int64)
            np.cumsum(whole, axis=1, out=sums[:, 1:])
            inner = np.arange(len(split))
            cents[0, split] += sums[inner, at_last] - sums[inner, at_first + 1]
            cents[1, split] += self._whole.sums[paid_id, at_last] - self._whole.sums[paid_id, at_first + 1]
        offsets = np.concatenate([[0], np.cumsum(np.count_nonzero(exists, axis=1))[:-1]])
        return np.add.reduceat(cents[0], offsets), np.add.reduceat(cents[1], offsets)

    def _pieces(self, rates: Ints, ids: Ints, span: Ints, first: Ints, last: Ints) -> Ints:
        """The cents of runs inside schedule ``span`` at the rates ``ids`` (one row of ids per rate: owed,
        paid): whole schedules from the table, other runs priced."""
        top = len(self.edges) - 1
        if not top:
            return self._pay(rates, ids, first, last)
        inner = np.minimum(span, top - 1)
        alone = np.flatnonzero((first != self.edges[inner]) | (last + 1 != self.edges[inner + 1]))
        return self._runs(rates, ids, inner, alone, first, last)

    def _runs(self, rates: Ints, ids: Ints, span: Ints, alone: Ints, first: Ints, last: Ints) -> Ints:
        """The cents of runs: from the table of whole schedules, but those in ``alone`` priced one by one."""
        cents = self._whole.spans[ids, span] if len(self.edges) > 1 else np.zeros(ids.shape, dtype=np.int64)
        cents[..., alone] = self._pay(rates, ids[..., alone], first[alone], last[alone])
        return cents

    def _pay(self, rates: Ints, ids: Ints, first: Ints, last: Ints) -> Ints:
        num, den = rates[0][ids], rates[1][ids]
        if self.method == "semimonthly":
            return period_arrays.semimonthly(num, den, first, last)
        if self.method == "monthly":
            return period_arrays.monthly(num, den, first, last)
        if self.method == "daily":
            return period_arrays.daily(num, den, first, last)
        if self.cycles is not None:
            split = self.contract.terms.check_split
            return period_arrays.divided(self.anchor, self.cycles, split, num, den, first, last)
        if self.school_year:
            return period_arrays.biweekly_22(self.anchor, num, den, first, last)
        return period_arrays.biweekly(self.anchor, num, den, first, last)

    def tiers_of(self, hired: Ints, start: Ints, end: Ints) -> tuple[Ints, Ints, Ints]:
        """Each row's tier on its start, and the days after it (up to its end) its tier changes, with the tiers."""
        if self.closed_form:  # NYC's anniversaries: tier i is reached min_years after the hire date
            reached = np.zeros((len(hired), self.tiers - 1), dtype=np.int64)
            for n, reaching in enumerate(self.contract.tiers[1:]):
                reached[:, n] = period_arrays.anniversaries(hired, reaching.min_years)
            tier0 = np.count_nonzero(reached <= start[:, None], axis=1)
            later = np.arange(1, self.tiers)[None, :]
            moves = np.where((reached > start[:, None]) & (reached <= end[:, None]), reached, NEVER)
            return tier0, moves, np.broadcast_to(later, moves.shape)
        try:
            return step_changes.of_rows(self.contract, self._steps, hired, start, end)
        except step_changes.Falling:
            raise Unpriced("a step that does not rise") from None  # the edges take the highest tier reached


def _joins(ids: Ints) -> bool:
    """Whether two runs of a row may join: a rate id repeated across adjacent schedules, adjacent tiers, or a
    schedule and the next one's tier above (where a step falls on a schedule's date, a run goes from one
    schedule's step to the next schedule's step above it, at the same rate, and the scalar plan joins them)."""
    return bool(
        (ids[:, 1:, :] == ids[:, :-1, :]).any()
        or (ids[:, :, 1:] == ids[:, :, :-1]).any()
        or (ids[:, 1:, 1:] == ids[:, :-1, :-1]).any()
    )
