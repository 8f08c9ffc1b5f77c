"""One id's rows in a block, summed (:class:`Group`), and its retro wages split into instalments in integer cents:
what :mod:`paycalc.output.roster_blocks` gives back for the ids a block may share with the blocks beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from paycalc.membership.unpriced import Unpriced
from paycalc.output.totals_layout import Layout

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]


class Group(NamedTuple):
    """One id's rows in a block, summed: its first row's carried cells, its row count and cents."""

    id: str
    carried: tuple[str, ...]
    rows: int
    owed: int
    paid: int
    hash: int  # the id's hash (:func:`paycalc.output.csv_bytes.changes`): an id repeated later is found by it
    paid_on: tuple[str, ...] | None  # under a proposal: the schedules its rows were paid, in order
    lumps: int | None = None  # under a proposal with lump sums: the part of owed that is lump sums
    years: tuple[int, ...] = ()  # against a paid contract: the retro wages of each fiscal year answered

    def joined(self, more: Group) -> Group:
        """This id's rows and the rows of the same id that follow them in the next block."""
        paid_on = self.paid_on
        if paid_on is not None and more.paid_on is not None:
            paid_on = (*paid_on, *(day for day in more.paid_on if day not in paid_on))
        rows, owed, paid = self.rows + more.rows, self.owed + more.owed, self.paid + more.paid
        lumps = None if self.lumps is None or more.lumps is None else self.lumps + more.lumps
        years = tuple(a + b for a, b in zip(self.years, more.years, strict=True))
        return self._replace(rows=rows, owed=owed, paid=paid, paid_on=paid_on, lumps=lumps, years=years)

    def money(self, shares: list[tuple[int, int]]) -> list[int]:
        """Owed, paid, retro, [each fiscal year's retro,] [lump sums,] then the retro wages split by ``shares``
        (:func:`instalments`), in cents."""
        money = [self.owed, self.paid, self.owed - self.paid, *self.years]
        money += [] if self.lumps is None else [self.lumps]
        if shares:
            wages = np.array([self.owed - self.paid - (self.lumps or 0)], dtype=np.int64)
            money += [int(part[0]) for part in instalments(wages, shares)]
        return money

    def written(self, layout: Layout) -> str:
        """The id's total as ``layout`` writes it."""
        return layout.one(self.id, self.carried, self.rows, self.money(layout.shares), self.paid_on)


def instalments(wages: Ints, shares: list[tuple[int, int]]) -> list[Ints]:
    """Cents of retro wages split into instalments, as :func:`paycalc.rules.proposal.split` splits them: each
    share of the wages rounded to the cent half up (away from zero), the last taking what is left. A share too
    fine for 64-bit cents raises :class:`Unpriced`."""
    largest = int(np.abs(wages).max(initial=0))
    if any(largest * p >= 1 << 62 or q >= 1 << 40 for p, q in shares):
        raise Unpriced("an instalment share too fine for 64-bit cents")
    parts, left = [], wages.copy()
    for p, q in shares[:-1]:
        top, bottom = wages * p, 100 * q
        part = np.sign(top) * ((2 * np.abs(top) + bottom) // (2 * bottom))
        parts.append(part)
        left -= part
    return [*parts, left]
