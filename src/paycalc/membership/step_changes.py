"""Each roster row's tier on its first day and the days after it its step changes, on a contract whose steps
move by its own rule (steps on one date, freezes: :func:`paycalc.rules.steps.changes`, the scalar rule), for the
array kernel (:mod:`paycalc.membership.column_runs`). The rule is asked once per distinct (hire date, start,
end), and what it answers kept from chunk to chunk: on a long roster most come again."""

from __future__ import annotations

import datetime
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from paycalc.contract.models import Contract
from paycalc.rules import steps

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

Known = dict[int, tuple[int, list[tuple[int, int]]]]  # key -> the tier on the start, (day, tier) of each change
KEPT = 200_000  # keys kept at most (a few MiB)
NEVER = 10**7  # an ordinal after every date paycalc prices (2199-12-31 is 803,168)


class Falling(Exception):
    """A step that does not rise: the kernel's edges take the highest tier reached (the rows go row by row)."""


def of_rows(contract: Contract, known: Known, hired: Ints, start: Ints, end: Ints) -> tuple[Ints, Ints, Ints]:
    """Each row's tier on its start, the days after it (to its end) its tier changes, and the tiers; ``known``
    is filled as keys are worked out. A roster's days are read from 1900 to 2199 (``csv_dates``): ordinals
    below 10**6, so a row's three days make one 64-bit key."""
    keys, where = np.unique((hired * 10**6 + start) * 10**6 + end, return_inverse=True)
    day = datetime.date.fromordinal
    found: list[tuple[int, list[tuple[int, int]]]] = []
    for key in keys.tolist():
        if (got := known.get(key)) is None:
            first, changed = steps.changes(contract, day(key // 10**12), day(key // 10**6 % 10**6), day(key % 10**6))
            steps_in = [(d.toordinal(), t) for d, t in sorted(changed.items())]
            if any(b <= a for a, b in pairwise([first, *(t for _, t in steps_in)])):
                raise Falling
            got = first, steps_in
            if len(known) < KEPT:
                known[key] = got
        found.append(got)
    width = max((len(m) for _, m in found), default=0) or 1
    tier0 = np.array([first for first, _ in found], dtype=np.int64)
    moves = np.full((len(found), width), NEVER, dtype=np.int64)
    move_tiers = np.zeros((len(found), width), dtype=np.int64)
    for n, (_, steps_in) in enumerate(found):
        for k, (on, to) in enumerate(steps_in):
            moves[n, k], move_tiers[n, k] = on, to
    where = where.reshape(-1)
    return tier0[where], moves[where], move_tiers[where]
