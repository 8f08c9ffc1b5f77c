"""The cents of each rate over each whole schedule (between two effective dates) and their running sums, for
the array kernel (:mod:`paycalc.membership.column_runs`). Rate ids only grow (a roster of amounts paid, one
each, adds thousands a block): only the new ones are tabulated, into tables that double their room when full."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]


class RateSpans:
    """``spans[rate id][schedule]``: a whole schedule's days at the rate; ``sums[rate id][j]``: schedules
    ``0..j-1``, whole. Rows past the rates tabulated are room, never read."""

    def __init__(self, edges: Ints) -> None:
        self.edges = edges
        count = max(len(edges) - 1, 0)
        self.spans = np.zeros((0, count), dtype=np.int64)
        self.sums = np.zeros((0, count + 1), dtype=np.int64)
        self._made = 0  # the rate ids tabulated

    def grow(self, rates: Ints, pay: Callable[[Ints, Ints, Ints, Ints], Ints]) -> None:
        """Tabulate the rates new since the last call (``rates[0]`` numerators, ``rates[1]`` denominators, by
        id), each by ``pay(rates, ids, first days, last days)``."""
        count, made, width = rates.shape[1], self._made, self.spans.shape[1]
        if count <= made:
            return
        if count > len(self.spans):  # more room: half again what is needed, the rows made kept (the rest unset)
            room = count + count // 2
            spans, sums = np.empty((room, width), dtype=np.int64), np.empty((room, width + 1), dtype=np.int64)
            spans[:made], sums[:made] = self.spans[:made], self.sums[:made]
            self.spans, self.sums = spans, sums
        new = np.arange(made, count)[:, None]  # a column of rates against one schedule's days: the days' parts
        for at in range(width):  # (months, periods) worked out once, each rate's cents over them at once
            first, last = self.edges[at : at + 1], self.edges[at + 1 : at + 2] - 1
            self.spans[made:count, at] = pay(rates, new, first, last)[:, 0]
        self.sums[made:count, 0] = 0
        np.cumsum(self.spans[made:count], axis=1, out=self.sums[made:count, 1:])
        self._made = count
