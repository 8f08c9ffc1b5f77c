"""The rate tables of a roster's ways, for :class:`paycalc.membership.columnar.Pricer`: the rates by id, and many
pro-rated ways' tables made at once.

A roster whose members each work their own hours (``17.25``, ``30.62``: thousands of distinct values) has a way
per title and hours, each a table of ``schedules x tiers`` annual rates: the title's full-time rate times each
schedule's pro-rating factor, exactly, as :func:`paycalc.rules.rate_tables.annual_table` makes them one at a time
(24 products of Python fractions a way: 0.1 ms, most of the time of such a roster). Here the products of many
ways are made as int64 arrays (numerators and denominators, each reduced by its greatest common divisor: the same
fractions in lowest terms), where every factor is small enough that no product overflows; a way with a larger
one is left to the one-at-a-time path.

Rate ids: the kernel compares the ids of one row's runs, all of one way (its owed rates, the schedule it was
paid frozen, or one flat amount), to join runs at the same rates (:func:`paycalc.membership.column_runs._joins`).
So two rates of one way have one id exactly when they are equal; rates of different ways may share an id or not.
The ways made here take ids of their own, equal rates among them sharing one; so do a block's new flat amounts
(each one row's only paid rate). No I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from paycalc.contract.errors import PaycalcError
from paycalc.contract.models import Contract, Title, Work
from paycalc.membership.unpriced import Unpriced
from paycalc.rules import core, period_arrays, rate_tables
from paycalc.rules.periods import Rational

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

SMALL = 2**31  # numerators and denominators below this: a product of two stays below 2**62
FEW = 64  # fewer new ways than this are made one at a time (as quick)


class Rates:
    """The annual rates of a roster by id: those taken one at a time (equal ones share an id) and blocks of
    rates taken in at once (ids of their own); :meth:`array` gives them all, ``[numerator, denominator][id]``."""

    def __init__(self) -> None:
        self._ids: dict[Rational, int] = {}
        self.count = 0  # the ids given
        self._pending: list[Rational | Ints] = []  # taken since the last array: rates, or blocks [n][2]
        self._array = np.zeros((2, 0), dtype=np.int64)

    def id_of(self, rate: Rational) -> int:
        """The id of a rate (a new one for a rate new here)."""
        found = self._ids.get(rate)
        if found is None:
            if rate[0] >= period_arrays.MAX_NUM or rate[1] >= period_arrays.MAX_DEN:
                raise Unpriced("rates too fine for 64-bit cents")
            self._ids[rate] = found = self.count
            self.count += 1
            self._pending.append(rate)
        return found

    def block(self, num: Ints, den: Ints) -> None:
        """Take in rates, each with an id of its own, in order from :attr:`count` on."""
        self._pending.append(np.stack([num, den], axis=1))
        self.count += len(num)

    def array(self) -> Ints:
        """Every rate, ``[numerator, denominator][id]``."""
        if self._pending:
            pairs = gathered(self._array.T, self._pending, lambda rates: np.array(rates, dtype=np.int64))
            self._array, self._pending = np.ascontiguousarray(pairs.T), []
        return self._array


def gathered(done: Ints, pending: list[Any], loose: Callable[[list[Any]], Ints]) -> Ints:
    """``done`` with ``pending`` after it, in order: arrays as they are, and each run of other items (rates,
    tables) made into one array by ``loose``."""
    parts, run = [done], []
    for item in [*pending, None]:
        if item is not None and not isinstance(item, np.ndarray):
            run.append(item)
            continue
        if run:
            parts.append(loose(run))
            run = []
        if item is not None:
            parts.append(item)
    return np.concatenate(parts)


def prorated(contract: Contract, keys: list[tuple[str, Work]]) -> tuple[list[tuple[tuple[str, Work], Title]], Ints]:
    """The ways of ``keys`` made at once (each a title and a pro-rated work without differentials, both of which
    the rules take): their keys and titles, and their tables' rates, ``[way][schedule][tier][numerator,
    denominator]`` in lowest terms, as :func:`paycalc.rules.rate_tables.annual_table` makes them; the rest (a
    title or work the rules refuse, a factor too large, a rate too fine) are left to :meth:`Pricer.way`, which
    says what is wrong. None made where there are fewer than :data:`FEW`."""
    names: dict[str, tuple[Title, int | None] | None] = {}  # a name's title, its index in ``full`` (None: a rate
    # past the bound); None: a name the rules refuse
    indexes: dict[str, int | None] = {}  # each title's index in ``full``
    scales: dict[Work, int | None] = {}  # a work's index in ``scale`` (None: not made here)
    seen: dict[int, int | None] = {}  # the same by the work object: a block's rows of the same cells share one
    full: list[Any] = []  # each title's full-time table, [schedule][tier] of (numerator, denominator)
    scale: list[Any] = []  # each work's factor on each schedule, [schedule] of (numerator, denominator)
    found: list[tuple[tuple[str, Work], Title]] = []
    at: list[tuple[int, int]] = []  # each found way's title and work indexes
    owns = {(s.hours_per_day, s.days_per_year): s for s in contract.schedules}  # a factor is a schedule's own day's
    for name, work in keys:
        w = seen.get(id(work), -1)
        if w == -1:
            if work not in scales:
                scales[work] = _scaled(contract, work, owns, scale)
            w = seen[id(work)] = scales[work]
        if w is None:
            continue
        if name not in names:
            names[name] = _titled(contract, name, full, indexes)
        if (titled := names[name]) is not None and titled[1] is not None:
            found.append(((name, work), titled[0]))
            at.append((titled[1], w))
    if len(found) < FEW:
        return [], np.zeros((0, 0, 0, 2), dtype=np.int64)
    where = np.array(at, dtype=np.int64)
    base, factors = np.array(full, dtype=np.int64)[where[:, 0]], np.array(scale, dtype=np.int64)[where[:, 1]]
    num, den = base[..., 0] * factors[:, :, None, 0], base[..., 1] * factors[:, :, None, 1]
    common = np.gcd(num, den)
    rates = np.stack([num // common, den // common], axis=-1)
    fine = np.asarray(
        ((rates[..., 0] < period_arrays.MAX_NUM) & (rates[..., 1] < period_arrays.MAX_DEN)).all(axis=(1, 2))
    )
    return [item for item, ok in zip(found, fine.tolist(), strict=True) if ok], rates[fine]


def _scaled(contract: Contract, work: Work, owns: dict[Any, Any], scale: list[Any]) -> int | None:
    """The index in ``scale`` of ``work``'s factor on each schedule (each schedule's own day's: ``owns``, a schedule
    of each), put there; None for the regular work, one with differentials, one the rules refuse (way() says what
    is wrong), or a factor past the bound."""
    if work == rate_tables.REGULAR or work.differentials:
        return None
    try:
        rate_tables.factor(contract, work)  # the rules' check of the work, as way() makes it
        each = {own: rate_tables.factor(contract, work, s) for own, s in owns.items()}
    except PaycalcError:
        return None
    return _kept(scale, [each[(s.hours_per_day, s.days_per_year)] for s in contract.schedules])


def _titled(
    contract: Contract, name: str, full: list[Any], indexes: dict[str, int | None]
) -> tuple[Title, int | None] | None:
    """The title ``name`` resolves to and the index in ``full`` of its full-time table (put there once a title,
    ``indexes`` keeping where); None for a name the rules refuse."""
    try:
        title = core.resolve_title(contract, name)
        if title.name not in indexes:
            indexes[title.name] = _kept(full, rate_tables.annual_table(contract, title.name, rate_tables.REGULAR))
    except PaycalcError:  # (way() says what)
        return None
    return title, indexes[title.name]


def _kept(into: list[Any], fractions: Any) -> int | None:
    """The index of ``fractions`` (pairs, nested as a table's) put at the end of ``into``; None, not put, where a
    numerator or denominator reaches :data:`SMALL`."""
    flat = fractions if isinstance(fractions[0][0], int) else [pair for row in fractions for pair in row]
    if max(max(pair) for pair in flat) >= SMALL:  # (Python's ints: no object array made for a work's 8 pairs)
        return None
    into.append(fractions)
    return len(into) - 1


def own_ids(rates: Ints, first: int) -> tuple[Ints, Ints]:
    """Ids for the rates of many ways (``[way][schedule][tier][numerator, denominator]``), from ``first`` on, equal
    rates sharing one (within a way, as the kernel needs; across ways too, which it does not mind); the ids'
    tables ``[way][schedule][tier]`` and the rates of the ids, ``[numerator, denominator][id - first]``."""
    num, den = rates[..., 0].ravel(), rates[..., 1].ravel()
    order = np.lexsort((den, num))  # equal rates together
    new = np.ones(len(order), dtype=bool)
    new[1:] = (num[order][1:] != num[order][:-1]) | (den[order][1:] != den[order][:-1])
    ids = np.empty(len(order), dtype=np.int64)
    ids[order] = first + np.cumsum(new) - 1
    chosen = order[new]
    return ids.reshape(rates.shape[:-1]), np.stack([num[chosen], den[chosen]])
