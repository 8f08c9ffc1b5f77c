"""A plain CSV costing roster as arrays: each member's kind (title and work) and hire date, block by block.

A block is whole lines after the header, cut into cells by :mod:`paycalc.output.csv_bytes` (the csv
module's cells: quotes around a whole cell taken off; a block it would read otherwise is refused). Each
distinct title and set of work cells is read once, by the functions
:func:`paycalc.membership.members.read_members` uses. What that reader would read otherwise, refuse,
or take as one member's several rows (an id on two rows, a ``from`` or ``to`` day) raises
:class:`~paycalc.membership.column_runs.Unpriced`: the caller reads the roster member by member, and
names any row in error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from paycalc.contract.errors import InputError
from paycalc.contract.models import Work
from paycalc.membership.column_runs import Unpriced
from paycalc.membership.roster import WORK_COLUMNS, work_of
from paycalc.output import csv_bytes, csv_dates
from paycalc.output.csv_bytes import Plainness
from paycalc.output.roster_blocks import MAX_CELL

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]


class Members:
    """Reads the members of a roster's blocks, in order; keeps the kinds met and the hashes of the ids."""

    def __init__(self, header: list[str]) -> None:
        self.header = header
        self.column = {name: n for n, name in enumerate(header)}
        self.kinds: list[tuple[str, Work]] = []  # (title, work) as the roster gives them
        self._known: dict[tuple[str, ...], int] = {}
        self._ids: list[NDArray[np.uint64]] = []

    def read(self, block: bytes) -> tuple[Ints, Ints]:
        """The members of a block of whole lines: each one's kind (an index into :attr:`kinds`, which grows
        with new ones) and hire date (an ordinal)."""
        try:
            csv_bytes.check(block)
            cells = csv_bytes.split(block if block.endswith(b"\n") else block + b"\n", len(self.header), trim=True)
            return self._read(cells)
        except Plainness as exc:
            raise Unpriced(str(exc)) from None

    def check(self) -> None:
        """After the last block: refuse a roster where an id may appear twice (the member-by-member reader
        says where, or reads the rows of one id as one member)."""
        ids = np.sort(np.concatenate(self._ids)) if self._ids else np.zeros(0, dtype=np.uint64)
        if (ids[1:] == ids[:-1]).any():
            raise Unpriced("an id may appear twice")

    def _read(self, cells: csv_bytes.Cells) -> tuple[Ints, Ints]:
        column = self.column
        lengths = cells.ends - cells.starts
        if (lengths[:, [column[c] for c in ("id", "title", "hired")]] == 0).any() or (lengths > MAX_CELL).any():
            raise Plainness("an empty or a long cell")
        if any(c in column and lengths[:, column[c]].any() for c in ("from", "to")):
            raise Plainness("rows with days of their own")
        if csv_bytes.padded(cells, column["id"]):
            raise Plainness("an id with spaces around it")
        firsts, hashes = csv_bytes.changes(cells, column["id"])
        if len(firsts) != len(lengths):
            raise Plainness("an id on two rows")
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
        self._ids.append(hashes)
        return np.array(codes, dtype=np.int64)[number], csv_dates.dates(cells, column["hired"])
