"""The running sums of a costing in columns, chunk by chunk of members: what
:class:`paycalc.membership.cost_sums.Sums` sums member by member, from int64 arrays. Pure.

Sums are exact Python integers, added chunk by chunk. The spread of per-member increases is kept as
distinct values with their counts (members on a common path share one), folded into those held as chunks come, so
memory follows the distinct values, not the members; the median is exact all the same.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np

from paycalc.membership.cost_sums import Spread, Summary, Sums, median_of, money_of
from paycalc.membership.unpriced import Unpriced

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Flags = NDArray[np.bool_]

BOUND = 1 << 39  # cents (about 5.5 billion dollars): an increase sorts after its title's index below this
_Counted = tuple["Ints", "Ints"]  # distinct values, ascending, and how many members have each


class Running:
    """Sums of ``pieces`` fiscal-year pieces (and the range: the last slot) under ``proposals`` offers."""

    def __init__(self, pieces: int, proposals: int) -> None:
        self.sums = Sums(pieces, proposals)
        self.titles: list[str] = []  # index -> title; members carry the index
        slots = range(pieces + 1)
        self._spread = [[Counts() for _ in slots] for _ in range(proposals)]
        self._by_title = [[Counts() for _ in slots] for _ in range(proposals)]

    def title(self, name: str) -> int:
        if name not in self.titles:
            self.titles.append(name)
        return self.titles.index(name)

    def add(self, pay: Ints, lumps: Ints, on: Flags, group: Ints) -> None:
        """A chunk of members: ``pay[payroll][member][piece]`` (the status quo first), the lump sums of each
        offer alike, whether each is on payroll in each piece, and each one's group (an index into :attr:`titles`):
        its title, or, 2-D, its group in each piece and then over the range (``--by step``: the step on its first
        day on payroll)."""
        sums, n = self.sums, self.sums.pieces
        old, new = pay[0], pay[1:]
        change = new + lumps - old[None]  # [offer][member][piece]
        whole = np.where(on[None], change, 0).sum(axis=2)  # [offer][member]: over the pieces on payroll
        if max(int(np.abs(change).max()), int(np.abs(whole).max())) >= BOUND:
            raise Unpriced("an increase too large to sort with its title")
        # in each piece those on payroll count (off payroll no one is paid); over the range, every member
        old_on, new_on, lumps_on = np.where(on, old, 0), np.where(on[None], new, 0), np.where(on[None], lumps, 0)
        sums.members = _plus(sums.members, [*on.sum(axis=0).tolist(), len(old)])
        sums.status_quo = _plus(sums.status_quo, _slots(old_on, old))
        for k in range(sums.proposals):
            sums.payroll[k] = _plus(sums.payroll[k], _slots(new_on[k], new[k]))
            sums.lumps[k] = _plus(sums.lumps[k], _slots(lumps_on[k], lumps[k]))
        # per title, as Sums.titles: members, status quo, then each offer's payroll and lump sums; in each
        # piece those on payroll, over the range every member (the range's lump sums: every piece's)
        columns = [(on.astype(np.int64), np.ones(len(old), dtype=np.int64)), (old_on, old)]
        for k in range(sums.proposals):
            columns += [(new_on[k], new[k]), (lumps_on[k], lumps[k])]
        slots = [_with_range(a, b) for a, b in columns]
        groups = np.broadcast_to(group[:, None], (len(old), n + 1)) if group.ndim == 1 else group
        for i in range(n + 1) if group.ndim == 2 else [None]:  # a group per slot, or one for all of them
            each = groups[:, 0 if i is None else i]
            order = np.argsort(each, kind="stable")
            firsts = np.flatnonzero(np.diff(each[order], prepend=-1))  # each group's first member in ``order``
            parts = [np.add.reduceat(slot[order], firsts, axis=0) for slot in slots]
            for at, g in enumerate(each[order][firsts].tolist()):
                held = sums.titles.setdefault(self.titles[g], [[0] * (n + 1) for _ in columns])
                for c, part in enumerate(parts):
                    if i is None:
                        held[c] = _plus(held[c], part[at].tolist())
                    else:
                        held[c][i] += int(part[at][i])
        for k in range(sums.proposals):
            for i in range(n + 1):
                values, mask = (change[k][:, i], on[:, i]) if i < n else (whole[k], np.ones(len(old), dtype=bool))
                self._spread[k][i].add(values[mask])
                self._by_title[k][i].add(groups[:, i][mask] * (2 * BOUND) + values[mask] + BOUND)

    def add_rollover(self, members: int, old: int, new: list[int]) -> None:
        sums = self.sums
        sums.members_on_last += members
        sums.rollover_old += old
        sums.rollover_new = [a + b for a, b in zip(sums.rollover_new, new, strict=True)]

    def done(self) -> Sums:
        """The sums, with each spread's smallest, median and largest, and each title's median."""
        sums = self.sums
        sums.increases = [[Spread.of(_summary(*counts.counted())) for counts in per] for per in self._spread]
        medians = [[_medians(*counts.counted(), len(self.titles)) for counts in per] for per in self._by_title]
        for t, name in enumerate(self.titles):
            if name in sums.titles:
                sums.title_spreads[name] = [[Spread.of((None, m[t], None)) for m in per] for per in medians]
        return sums


def _none() -> _Counted:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)


def _plus(a: list[int], b: list[int]) -> list[int]:
    return [x + y for x, y in zip(a, b, strict=True)]


def _with_range(in_pieces: Ints, over_range: Ints) -> Ints:
    """``[member][piece]`` values and, after them, each member's value over the range (its sum over pieces)."""
    total = over_range if over_range.ndim == 1 else over_range.sum(axis=1)
    joined: Ints = np.concatenate([in_pieces, total[:, None]], axis=1)
    return joined


def _slots(in_pieces: Ints, over_range: Ints) -> list[int]:
    """The sum of each piece's column of ``in_pieces``, then the sum of ``over_range``: exact integers."""
    return [*(total(in_pieces[:, i]) for i in range(in_pieces.shape[1])), total(over_range)]


def total(values: Ints) -> int:
    """The exact sum of int64 cents (refused where the sum might not fit in 64 bits)."""
    if values.size and int(np.abs(values).max()) >= (1 << 62) // values.size:
        raise Unpriced("sums too large for 64-bit cents")
    return int(values.sum())


class Counts:
    """Values counted as chunks bring them: each chunk's distinct values with their counts, merged into those
    held once the chunks waiting outgrow them (so a value is sorted again a few times, not once a chunk)."""

    def __init__(self) -> None:
        self.held = _none()
        self.waiting: list[_Counted] = []
        self.size = 0  # distinct values waiting

    def add(self, values: Ints) -> None:
        distinct, counts = np.unique(values, return_counts=True)
        self.waiting.append((distinct, counts.astype(np.int64)))
        self.size += len(distinct)
        if self.size > len(self.held[0]):
            self._fold()

    def counted(self) -> _Counted:
        """Every value added: distinct, ascending, with how many times each came."""
        self._fold()
        return self.held

    def _fold(self) -> None:
        if self.waiting:
            self.held, self.waiting, self.size = _merge([self.held, *self.waiting]), [], 0


def _merge(parts: list[_Counted]) -> _Counted:
    """Distinct values with their counts, from several such."""
    every = np.concatenate([values for values, _ in parts])
    counts = np.concatenate([held for _, held in parts])
    if not len(every):
        return every, counts
    order = np.argsort(every, kind="stable")
    every, counts = every[order], counts[order]
    firsts = np.flatnonzero(np.diff(every, prepend=every[:1] - 1))
    return every[firsts], np.add.reduceat(counts, firsts)


def _at(counts: Ints, position: int) -> int:
    """The index of the distinct value at ``position`` (from 0) among the values counted."""
    return int(np.searchsorted(np.cumsum(counts), position, side="right"))


def _summary(values: Ints, counts: Ints) -> Summary:
    """The smallest, median and largest (as :meth:`Spread.summary` gives them)."""
    total = int(counts.sum())
    if not total:
        return None, None, None
    low, high = int(values[_at(counts, (total - 1) // 2)]), int(values[_at(counts, total // 2)])
    return money_of(int(values[0])), median_of(low, high), money_of(int(values[-1]))


def _medians(keys: Ints, counts: Ints, titles: int) -> list[Decimal | None]:
    """Each title's median, from keys of title x 2 BOUND + value + BOUND, distinct and ascending, counted."""
    title = keys // (2 * BOUND)
    found: list[Decimal | None] = []
    for t in range(titles):
        begin, end = np.searchsorted(title, [t, t + 1])
        if begin == end:
            found.append(None)
            continue
        found.append(_summary(keys[begin:end] % (2 * BOUND) - BOUND, counts[begin:end])[1])
    return found
