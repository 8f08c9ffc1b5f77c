"""A plain CSV costing roster as arrays: each member's kind (title and work) and hire date, block by block.

A block is whole lines after the header, cut into cells by :mod:`paycalc.output.csv_bytes` (the csv
module's cells: quotes around a whole cell taken off; a block it would read otherwise is refused). Each
distinct title and set of work cells is read once, by the functions
:func:`paycalc.membership.members.read_members` uses; a member's rows (an id on several rows, each with its
own ``from`` and ``to``) follow each other, the last member of a block held until the next shows whether its rows
go on. What that reader would read otherwise or refuse (an id's rows out of the order of their days, with another
hire date) raises :class:`~paycalc.membership.unpriced.Unpriced`: the caller reads the roster member by member,
and names any row in error.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, cast

import numpy as np

from paycalc.contract.errors import InputError, PaycalcError
from paycalc.contract.models import Work
from paycalc.membership.roster import WORK_COLUMNS, work_of
from paycalc.membership.unpriced import Unpriced
from paycalc.output import csv_bytes, csv_dates, member_skips, row_skips
from paycalc.output.csv_bytes import Plainness
from paycalc.output.roster_blocks import MAX_CELL

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

Chunk = tuple[
    "Ints", "Ints", "Ints", "Ints", "Ints", "Ints"
]  # per row: kind, hired, number, first and last day, member


class Members:
    """Reads the members of a roster's blocks, in order; keeps the kinds met and the hashes of the ids."""

    def __init__(
        self,
        header: list[str],
        skip: bool = False,
        placing: Callable[[str], datetime.date] | None = None,
        records: bool = False,  # each block whole records (cut at line feeds outside quotes: a cell's kept)
    ) -> None:
        self.header, self.records = header, records
        self.placing = placing  # a step to the hire date it stands for (a step column stands for ``hired``)
        self.skip = skip  # cost --skip-invalid: rows the reader refuses left out (member_skips), said in refusals
        self.count = 0  # rows read (a row's number among them is the reader's, 1 = the first after the header)
        self.refusals: list[tuple[int, str]] = []  # rows left out: number, reason
        self.numbers: list[Ints] = []  # each block's members' row numbers
        self.column = {name: n for n, name in enumerate(header)}
        self.kinds: list[tuple[str, Work]] = []  # (title, work) as the roster gives them
        self._known: dict[tuple[str, ...], int] = {}
        self._ids: list[NDArray[np.uint64]] = []
        self._held: tuple[Chunk, str] | None = None  # the last member's rows of the block before, and its id

    def read(self, block: bytes) -> Chunk:
        """The rows of the members of a block of whole lines whose rows are all read (the block's last member is
        held until the next block shows whether its rows go on there; :meth:`rest` gives it after the last
        block): each row's kind (an index into :attr:`kinds`, which grows with new ones), hire date (an
        ordinal), row number, its first and last days (its own ``from`` and ``to``, where it has them), and
        its member (0, 1, ... in the chunk: the rows of one id follow each other)."""
        try:
            if self.skip and self.placing is not None and "step" in self.column:
                raise Plainness("a step column, with --skip-invalid")  # (a twin places its steps first)
            csv_bytes.check(block)
            block = block if block.endswith(b"\n") else block + b"\n"
            cells = csv_bytes.split(block, len(self.header), trim=True, records=self.records)
            count = len(cells.starts)
            kept = np.ones(count, dtype=bool)
            if self.skip and (gone := member_skips.refused(self.header, cells)).any():
                rows = np.flatnonzero(gone)
                said = member_skips.reasons(self.header, block, cells, rows)
                self.refusals += zip((self.count + 1 + rows).tolist(), said, strict=True)
                cells, kept = row_skips.kept(cells, ~gone), ~gone
            numbers = self.count + 1 + np.flatnonzero(kept)
            self.count += count
            self.numbers.append(numbers)
            if not len(numbers):
                return (numbers,) * 6
            kind, hired, days, member, ids = self._read(cells)
            return self._held_back((kind, hired, numbers, *days, member), ids)
        except Plainness as exc:
            raise Unpriced(str(exc)) from None

    def chunks(self, blocks: Iterable[bytes]) -> Iterator[Chunk]:
        """:meth:`read` of each block that is not blank lines alone, then :meth:`rest`."""
        for block in blocks:
            if block.strip(b"\r\n"):
                yield self.read(block)
        yield self.rest()

    def rest(self) -> Chunk:
        """The rows of the last member, held back from the last block."""
        held, self._held = self._held, None
        return held[0] if held is not None else (np.zeros(0, dtype=np.int64),) * 6

    def _held_back(self, rows: Chunk, ids: tuple[str, str]) -> Chunk:
        """The rows of the member held from the block before (joined to this block's first, where its id goes on
        there) and of this block's members but its last, which is held."""
        held, self._held = self._held, None
        if held is not None:
            before, last_id = held
            goes_on = last_id == ids[0]
            if goes_on and (self.skip or before[1][-1] != rows[1][0] or before[4][-1] >= rows[3][0]):
                raise Plainness("an id's rows across blocks with --skip-invalid, another hire date or days overlapping")
            if goes_on:  # its id counted once
                self._ids[-1] = self._ids[-1][1:]
            shift = rows[5] + (0 if goes_on else 1)
            rows = cast(Chunk, tuple(np.concatenate([a, b]) for a, b in zip(before, (*rows[:5], shift), strict=True)))
        last = int(np.searchsorted(rows[5], rows[5][-1]))  # the last member's first row
        self._held = cast(Chunk, (*(a[last:] for a in rows[:5]), rows[5][last:] - rows[5][last])), ids[1]
        return cast(Chunk, tuple(a[:last] for a in rows))

    def _days(self, cells: csv_bytes.Cells) -> tuple[Ints, Ints]:
        """Each row's first and last days: its own ``from`` and ``to`` where it has them (a member who came or
        left inside the range), else a day before and a day after any."""
        lengths = cells.ends - cells.starts
        days = []
        for name, side in (("from", 0), ("to", 1)):
            day = np.full(len(lengths), (0, 1 << 30)[side], dtype=np.int64)  # none: before and after any day
            at = self.column.get(name)
            if at is not None and len(own := np.flatnonzero(lengths[:, at] > 0)):
                day[own] = csv_dates.dates(cells, at, own)
            days.append(day)
        if (days[1] < days[0]).any():  # the member-by-member reader names the row
            raise Plainness("a row ending before it starts")
        return days[0], days[1]

    def _placed(self, cells: csv_bytes.Cells) -> Ints:
        """Each row's hire date: the one its step stands for (each distinct step placed once, by the
        member-by-member reader's function), else its own."""
        assert self.placing is not None
        at = self.column["step"]
        number, rows = csv_bytes.distinct(cells, [at])
        placed = []
        try:
            for text in cells.text(rows, at):
                placed.append(self.placing(text.strip()).toordinal() if text.strip() else -1)
        except PaycalcError:
            raise Plainness("a step the rules refuse") from None
        hired = np.array(placed, dtype=np.int64)[number]
        if len(own := np.flatnonzero(hired < 0)):  # no step: its own hire date (a blank one is no date)
            if "hired" not in self.column:
                raise Plainness("a row with neither a step nor a hire date")
            hired[own] = csv_dates.dates(cells, self.column["hired"], own)
        return hired

    def check(self) -> None:
        """After the last block: refuse a roster where an id may appear twice (the member-by-member reader
        says where, or reads the rows of one id as one member)."""
        ids = np.sort(np.concatenate(self._ids)) if self._ids else np.zeros(0, dtype=np.uint64)
        if (ids[1:] == ids[:-1]).any():
            raise Unpriced("an id may appear twice")

    def _read(self, cells: csv_bytes.Cells) -> tuple[Ints, Ints, tuple[Ints, Ints], Ints, tuple[str, str]]:
        column = self.column
        lengths = cells.ends - cells.starts
        steps = self.placing is not None and "step" in column
        required = ("id", "title") if steps else ("id", "title", "hired")
        if (lengths[:, [column[c] for c in required]] == 0).any() or (lengths > MAX_CELL).any():
            raise Plainness("an empty or a long cell")
        csv_bytes.unnamed_blank(cells, self.header)
        days = self._days(cells)
        if csv_bytes.padded(cells, column["id"]):
            raise Plainness("an id with spaces around it")
        firsts, hashes = csv_bytes.changes(cells, column["id"])
        member = np.cumsum(np.isin(np.arange(len(lengths)), firsts)) - 1  # each row's member, counted from 0
        names = ["title", *(c for c in WORK_COLUMNS if c in column)]
        number, rows = csv_bytes.distinct(cells, [column[n] for n in names])
        codes = []
        texts = zip(*(cells.text(rows, column[n]) for n in names), strict=True)
        try:
            for text in texts:
                found = self._known.get(text)
                if found is None:
                    cell = {name: value.strip() for name, value in zip(names, text, strict=True)}
                    if not cell["title"]:
                        raise Plainness("a title of spaces")
                    self.kinds.append((cell["title"], work_of(cell)))
                    self._known[text] = found = len(self.kinds) - 1
                codes.append(found)
        except InputError as exc:
            raise Unpriced(str(exc)) from None
        hired = self._placed(cells) if steps else csv_dates.dates(cells, column["hired"])
        if len(firsts) < len(lengths):
            _several(member, hired, days, self.skip)
        self._ids.append(hashes)
        ids = cells.text([0], column["id"])[0], cells.text([len(lengths) - 1], column["id"])[0]
        return np.array(codes, dtype=np.int64)[number], hired, days, member, ids


def _several(member: Ints, hired: Ints, days: tuple[Ints, Ints], skip: bool) -> None:
    """Refuse members of several rows but those the columns cost as the member-by-member path does: one hire
    date, each row's days after the row's before (its rows in the order of their days, none overlapping), and
    no row left out by --skip-invalid (that path counts the member's rows as read, row by row)."""
    again = member[1:] == member[:-1]  # a row of the member of the row before
    if skip:
        raise Plainness("an id on several rows, with --skip-invalid")
    if (again & (hired[1:] != hired[:-1])).any():
        raise Plainness("rows of one id with other hire dates")
    if (again & (days[1][:-1] >= days[0][1:])).any():
        raise Plainness("rows of one id whose days overlap, or are not in order")
