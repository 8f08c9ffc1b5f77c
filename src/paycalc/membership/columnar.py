"""Roster rows priced as arrays: the scalar rules of :mod:`paycalc.rules.retro`, many rows at a time.

A chunk of rows arrives as int arrays: each row's *way* (its title and work, an index into the ways
asked for with :meth:`Pricer.way`), hire date, first and last day (proleptic ordinals) and *paid* (an
index into the paid terms asked for with :meth:`Pricer.paid`). :meth:`Pricer.prepare` checks them and
makes a :class:`~paycalc.membership.column_runs.Job`; the :class:`~paycalc.membership.column_runs.Kernel`
prices it, here or in another process, to exactly the sums of :func:`paycalc.rules.retro.totals`:

- each row's days are cut at the schedules' effective dates and at the days its tier changes
  (:func:`paycalc.rules.steps.changes`), in one matrix of edges per chunk, sorted along each row;
- runs at the same owed and paid rates as the run before them are joined, as the scalar plan joins them;
- each run is priced by :mod:`paycalc.rules.period_arrays`, in integer cents, and summed per row.

What it cannot price the way the scalar path does raises :class:`Unpriced`, and the caller prices the
whole roster row by row instead: a row in error (the scalar path names its line), pay cycles on a
contract that offers none, rates too fine for int64 (a contract's own pay
cycles, 22 or 26 checks a year, are priced in arrays: :func:`paycalc.rules.period_arrays.divided`). No I/O, no clock.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np

from paycalc.contract.errors import InputError, PaycalcError
from paycalc.contract.inputs import title_key
from paycalc.contract.models import Contract, Work
from paycalc.membership import way_tables
from paycalc.membership.column_runs import _TAG, NEVER, Job, Kernel
from paycalc.membership.roster import work_of
from paycalc.membership.unpriced import Unpriced
from paycalc.rules import core, periods, proposal, rate_tables, terms

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

__all__ = ["Job", "Kernel", "Pricer", "Unpriced"]


class Pricer:
    """Checks and prepares chunks of one roster under one contract and pay method; prices them in this process."""

    def __init__(
        self,
        contract: Contract,
        method: str,
        anchor: datetime.date | None,
        cycles: int | None,
        paid_by: tuple[Contract, tuple[int, ...]] | None = None,  # what was paid: a contract's scale, by fiscal year
    ) -> None:
        offered = contract.terms.pay_cycles
        divided = periods.election(contract, cycles) if method == "biweekly" and offered else None
        if divided is not None and divided not in offered:
            raise Unpriced("pay cycles the contract does not offer")  # row by row says so
        if cycles is not None and not offered and (method != "biweekly" or cycles not in periods.CYCLES):
            raise Unpriced(f"--pay-cycles {cycles} with {method} pay")  # the rules say what they make of it
        if len(contract.tiers) + 1 >= _TAG - 1:
            raise Unpriced(f"a contract of {len(contract.tiers)} steps or tiers (the columns take fewer)")
        if contract.proposal is not None and contract.proposal.replaced is not None:  # the tables hold the offer's
            raise Unpriced("an offer that replaces its base's schedule (the published one was paid)")
        school = cycles == 22 and not offered  # 22 checks over the school year (the summer's periods pay nothing)
        self._paid_first = 0  # with a paid contract: its first schedule's day (no row starts before it)
        self.paid_by, edges = paid_by, self._merged(contract, paid_by) if paid_by is not None else None
        self.kernel = Kernel(contract, method, 0 if anchor is None else anchor.toordinal() % 14, divided, school, edges)
        self.contract = contract
        self.effective = [s.effective for s in contract.schedules]
        self._ways: dict[tuple[str, Work], int] = {}
        self._hired_before: list[int] = []
        self._tables: list[list[list[int]] | Ints] = []  # ways' [schedule][tier] -> rate ids, since the last array
        rows = len(self._owed_of) if paid_by is not None else len(contract.schedules)  # a paid contract: its edges
        self._table_array = np.zeros((0, rows, len(contract.tiers)), dtype=np.int64)
        self.rates = way_tables.Rates()
        self._arrays: tuple[Ints, Ints] | None = None  # the tables as arrays, made again when they grow
        self._paid_index: dict[tuple[datetime.date | None, Decimal | None], int] = {}
        self._frozen: list[int] = []  # [what was paid] -> its schedule, frozen (-1 a flat amount, -2 the day before)
        self._flat: list[int] = []  # [what was paid] -> a flat amount's rate id
        self._flat_cents = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))  # flat amounts in cents,
        # sorted, and what was paid for each (see flat_paid)
        self._paid_arrays = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))  # the two above, made
        self._lumps: list[list[int]] = []  # [way][lump sum] -> its cents, paid to one eligible
        self._paid_tables: list[list[list[int]]] = []  # with a paid contract: [way][edge][tier] -> the rate it paid

    def _merged(self, contract: Contract, paid_by: tuple[Contract, tuple[int, ...]]) -> list[int]:
        """The days a rate may change with a paid contract: either scale's dates and each fiscal year's July 1
        (as :func:`paycalc.rules.retro._plan` cuts the runs), with the schedule of each scale in force from each."""
        paid, years = paid_by
        if [t.label for t in paid.tiers] != [t.label for t in contract.tiers] or not years or contract.proposal:
            raise Unpriced("a paid contract of other steps, or under an offer")  # row by row says which
        owed, scale = ([s.effective.toordinal() for s in c.schedules] for c in (contract, paid))
        july = [datetime.date(year, 7, 1).toordinal() for year in range(years[0] - 1, years[-1] + 1)]
        edges = sorted({*owed, *scale, *july})
        self._owed_of, self._scale_of = ([bisect_right(days, e) - 1 for e in edges] for days in (owed, scale))
        self._paid_first = scale[0]
        return edges

    def way(self, title_name: str, work: Work) -> int:
        """The index of a title and work (hours, workyear, differentials), checked as the scalar plan checks them."""
        key = (title_name, work)
        found = self._ways.get(key)
        if found is not None:
            return found
        try:
            title = core.resolve_title(self.contract, title_name)
            if work != rate_tables.REGULAR:
                rate_tables.factor(self.contract, work)
            if work.differentials:
                work = work._replace(differentials=terms.differential_names(self.contract, work.differentials))
            table = rate_tables.annual_table(self.contract, title.name, work)
            if self.paid_by is not None:  # both scales on the merged edges: what each had in force from each
                paid = self.paid_by[0].lookup.get(title_key(title.name))
                if paid is None:
                    raise Unpriced("a title the paid contract has not")
                scale = rate_tables.annual_table(self.paid_by[0], paid.name, work)
                self._paid_tables.append([[self._rate_id(r) for r in scale[max(n, 0)]] for n in self._scale_of])
                table = [table[max(n, 0)] for n in self._owed_of]
        except InputError as exc:
            raise Unpriced(str(exc)) from None
        self._tables.append([[self._rate_id(rate) for rate in row] for row in table])
        if self.contract.proposal is not None and self.contract.proposal.lump_sums:  # each paid, by the rule's own
            low, high = datetime.date.min, datetime.date.max  # hired before every one, paid inside the days
            every = proposal.paid_lump_sums(self.contract, low, low, high, work)
            self._lumps.append([int(lump.amount * 100) for lump in every])
        self._hired_before.append(NEVER if title.hired_before is None else title.hired_before.toordinal())
        self._arrays = None
        self._ways[key] = found = len(self._hired_before) - 1
        return found

    def warm(self, cells: list[dict[str, str]]) -> list[int]:
        """The ways of many rows' titles and work (cells as :meth:`way`'s caller reads them), made at once where
        they are many pro-rated ones (a roster of each member's own hours: :mod:`paycalc.membership.way_tables`);
        -1 for each it leaves to :meth:`way`, which says what is wrong with it."""
        if len(cells) < way_tables.FEW or self.paid_by is not None:  # (way() as quick; a paid scale: one by one)
            return [-1] * len(cells)
        keys: list[tuple[str, Work] | None] = []
        works: dict[tuple[str, ...], Work | None] = {}  # each work's cells read once (titles share them)
        for cell in cells:
            seen = tuple(v for k, v in cell.items() if k != "title")
            if seen not in works:
                try:
                    works[seen] = work_of(cell)
                except PaycalcError:
                    works[seen] = None
            keys.append(None if (work := works[seen]) is None else (cell["title"].strip(), work))
        return self.warm_keys(keys)

    def warm_keys(self, keys: Sequence[tuple[str, Work] | None]) -> list[int]:
        """:meth:`warm` of titles and works as :meth:`way` takes them (None: a row's work the rules refuse)."""
        if self.paid_by is not None or (self.contract.proposal is not None and self.contract.proposal.lump_sums):
            return [-1] * len(keys)
        new = [key for key in dict.fromkeys(keys) if key is not None and key not in self._ways]
        made, rates = way_tables.prorated(self.contract, new)
        if made:
            ids, values = way_tables.own_ids(rates, self.rates.count)
            self.rates.block(values[0], values[1])
            self._tables.append(ids)
            for key, title in made:
                self._hired_before.append(NEVER if title.hired_before is None else title.hired_before.toordinal())
                self._ways[key] = len(self._hired_before) - 1
            self._arrays = None
        return [-1 if key is None else self._ways.get(key, -1) for key in keys]

    def paid(self, paid_schedule: datetime.date | None, paid_annual: Decimal | None) -> int:
        """The index of what was paid: a frozen schedule's day (None: the day before each row's start), or a
        flat amount."""
        found = self._paid_index.get((paid_schedule, paid_annual))
        if found is not None:
            return found
        if paid_schedule is not None and paid_annual is not None:
            raise Unpriced("both paid schedule and paid annual")
        frozen, flat = -2, 0  # the day before the start
        if paid_annual is not None:
            frozen, flat = -1, self._rate_id(paid_annual.as_integer_ratio())
        elif paid_schedule is not None:
            if paid_schedule < self.effective[0]:
                raise Unpriced("no schedule on the paid schedule's day")
            frozen = bisect_right(self.effective, paid_schedule) - 1
        self._frozen.append(frozen)
        self._flat.append(flat)
        self._paid_index[(paid_schedule, paid_annual)] = found = len(self._frozen) - 1
        return found

    def flat_paid(self, cents: Ints) -> Ints:
        """The index of what was paid for each flat annual amount in ``cents`` (0 to 9,999,999.99: within the
        rates' bounds), paid as :meth:`paid` pays the amount; the amounts new to it are taken in at once, each
        its rate (the amount as a fraction in lowest terms, as ``Decimal.as_integer_ratio`` gives it) with an id of
        its own."""
        amounts, where = np.unique(cents, return_inverse=True)
        keys, paid = self._flat_cents
        at = np.searchsorted(keys, amounts)
        known = np.zeros(len(amounts), dtype=bool)
        inside = at < len(keys)
        known[inside] = keys[at[inside]] == amounts[inside]
        new = amounts[~known]
        if len(new):  # distinct amounts: distinct rates, a block of ids of their own (a row's runs, all paid its
            common = np.gcd(new, 100)  # one amount, compare no id of another rate)
            self._arrays = None
            first, ids = len(self._frozen), self.rates.count
            self._frozen += [-1] * len(new)
            self._flat += range(ids, ids + len(new))
            self.rates.block(new // common, 100 // common)
            keys, paid = np.concatenate([keys, new]), np.concatenate([paid, np.arange(first, first + len(new))])
            order = np.argsort(keys, kind="stable")
            self._flat_cents = keys, paid = keys[order], paid[order]
        found: Ints = paid[np.searchsorted(keys, amounts)][where.reshape(-1)]
        return found

    def refused(self, way: Ints, hired: Ints, start: Ints, end: Ints) -> NDArray[np.bool_]:
        """The rows :meth:`prepare` refuses, priced from the hire date where it is later (``way`` -1 for a row of
        no way: none asked of it); one hired after the row's last day is owed nothing, and no more is asked of it."""
        days, hire = self._outside(way, hired, np.maximum(start, hired), end)
        found: NDArray[np.bool_] = (days | hire) & (hired <= end)
        return found

    def _outside(self, way: Ints, hired: Ints, start: Ints, end: Ints) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
        """The rows the scalar plan refuses: those ending before they start or starting before the first schedule,
        and those with a hire date their title does not take."""
        first = max(self.effective[0].toordinal(), self._paid_first)
        before = np.array([*self._hired_before, NEVER], dtype=np.int64)[way]
        return (end < start) | (start < first), hired >= before

    def prepare(self, way: Ints, hired: Ints, start: Ints, end: Ints, paid: Ints) -> Job:
        """A chunk of rows checked as the scalar plan checks them, with what each was paid, ready to price."""
        days, hire = self._outside(way, hired, start, end)
        if days.any() or (hired > start).any():
            raise Unpriced("a row the scalar path refuses")
        if hire.any():
            raise Unpriced("a hire date the title refuses")
        if self.paid_by is None:
            frozen, flat = self.frozen(start, paid)
        else:  # the paid contract's rates, not a frozen schedule's
            frozen = flat = np.zeros(len(way), dtype=np.int64)
        if self._arrays is None:  # the ways and rates new since the last: ids only grow
            self._arrays = self._table_ids(), self.rates.array()
        scale = np.array(self._paid_tables, dtype=np.int64) if self.paid_by is not None else None
        return Job(way, hired, start, end, frozen, flat, *self._arrays, scale)

    def price(self, way: Ints, hired: Ints, start: Ints, end: Ints, paid: Ints) -> tuple[Ints, Ints]:
        """Owed and paid cents of each row, in this process."""
        return self.kernel.price(self.prepare(way, hired, start, end, paid))

    def by_year(self, way: Ints, hired: Ints, start: Ints, end: Ints, paid: Ints) -> tuple[Ints, Ints, Ints]:
        """Owed and paid cents of each row and, against a paid contract, its retro wages in each fiscal year."""
        years = list(self.paid_by[1]) if self.paid_by is not None else []
        return self.kernel.by_year(self.prepare(way, hired, start, end, paid), years)

    def lumps(self, way: Ints, hired: Ints, start: Ints, end: Ints) -> Ints | None:
        """Cents of the proposal's lump sums each row is paid (None without any): each one paid inside the
        row's days to one hired on or before its ``eligible_on``, as :func:`paycalc.rules.proposal.lump_sums_for`."""
        if self.contract.proposal is None or not self.contract.proposal.lump_sums:
            return None
        table = np.array(self._lumps, dtype=np.int64).reshape(len(self._lumps), -1)[way]
        cents = np.zeros(len(way), dtype=np.int64)
        for n, lump in enumerate(self.contract.proposal.lump_sums):
            paid, eligible = lump.paid.toordinal(), lump.eligible_on.toordinal()
            cents += np.where((start <= paid) & (paid <= end) & (hired <= eligible), table[:, n], 0)
        return cents

    def _rate_id(self, rate: periods.Rational) -> int:
        made, found = self.rates.count, self.rates.id_of(rate)
        self._arrays = self._arrays if self.rates.count == made else None  # a new rate: made again when next asked
        return found

    def _table_ids(self) -> Ints:
        """``[way][schedule][tier]`` -> a rate id, for every way made (those new since the last taken in)."""
        if self._tables:
            shape = self._table_array.shape[1:]
            tables = way_tables.gathered(
                self._table_array, self._tables, lambda ways: np.array(ways, dtype=np.int64).reshape(-1, *shape)
            )
            self._table_array, self._tables = tables, []
        return self._table_array

    def frozen(self, start: Ints, paid: Ints) -> tuple[Ints, Ints]:
        """Per row: the index of the schedule paid, frozen (-1 for a flat amount), and the flat amount's rate id.

        As :func:`paycalc.rules.retro.schedule_paid`: the schedule of the day given, else of the day before
        the start (under a proposal, at the latest its base)."""
        if len(self._frozen) > len(self._paid_arrays[0]):  # what was paid as arrays, the new made into them
            made = len(self._paid_arrays[0])
            self._paid_arrays = (
                np.concatenate([self._paid_arrays[0], np.array(self._frozen[made:], dtype=np.int64)]),
                np.concatenate([self._paid_arrays[1], np.array(self._flat[made:], dtype=np.int64)]),
            )
        frozen, flat = self._paid_arrays[0][paid], self._paid_arrays[1][paid]  # each made once, as first asked
        before = frozen == -2
        if before.any():
            day_before = start[before] - 1
            if (day_before < self.kernel.edges[0]).any():
                raise Unpriced("no schedule the day before a start")
            if self.kernel.contract.proposal is not None:
                day_before = np.minimum(day_before, self.kernel.contract.proposal.base.toordinal())
            frozen[before] = np.searchsorted(self.kernel.edges, day_before, side="right") - 1
        return frozen, flat
