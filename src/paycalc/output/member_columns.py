"""A plain CSV costing roster as arrays: each member's kind (title and work) and hire date, block by block.

A block is whole lines after the header, cut into cells by :mod:`paycalc.output.csv_bytes` (a plain
roster has no double quote, so these are the csv module's cells). Each distinct title and set of work
cells is read once, by the functions :func:`paycalc.membership.members.read_members` uses. What that
reader would read otherwise, refuse, or take as one member's several rows (an id on two rows, a
``from`` or ``to`` day) raises :class:`~paycalc.membership.column_runs.Unpriced`: the caller reads the
roster member by member, and names any row in error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from paycalc.contract.errors import InputError
from paycalc.contract.models import Work
from paycalc.membership.column_runs import Unpriced
from paycalc.membership.roster import WORK_COLUMNS, work_of
from paycalc.output import csv_bytes
from paycalc.output.csv_bytes import Plainness
from paycalc.output.roster_blocks import MAX_CELL

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]


class Members:
    """The members of a roster's blocks, read in order: their kinds, hire dates and the hashes of their ids."""

    def __init__(self, header: list[str]) -> None:
        self.header = header
        self.column = {name: n for n, name in enumerate(header)}
        self.kinds: list[tuple[str, Work]] = []  # (title, work) as the roster gives them
        self._known: dict[tuple[str, ...], int] = {}
        self._kind: list[Ints] = []
        self._hired: list[Ints] = []
        self._ids: list[NDArray[np.uint64]] = []

    def add(self, block: bytes) -> None:
        """Read a block of whole lines."""
        try:
            csv_bytes.check(block)
            cells = csv_bytes.split(block if block.endswith(b"\n") else block + b"\n", len(self.header))
            self._read(cells)
        except Plainness as exc:
            raise Unpriced(str(exc)) from None

    def arrays(self) -> tuple[list[tuple[str, Work]], Ints, Ints]:
        """The kinds, and each member's kind and hire date (an ordinal), in roster order."""
        ids = np.sort(np.concatenate(self._ids)) if self._ids else np.zeros(0, dtype=np.uint64)
        if (ids[1:] == ids[:-1]).any():
            raise Unpriced("an id may appear twice")  # the member-by-member reader says where, or reads it
        empty = np.zeros(0, dtype=np.int64)
        return self.kinds, np.concatenate([empty, *self._kind]), np.concatenate([empty, *self._hired])

    def _read(self, cells: csv_bytes.Cells) -> None:
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
        self._kind.append(np.array(codes, dtype=np.int64)[number])
        self._hired.append(csv_bytes.dates(cells, column["hired"]))
        self._ids.append(hashes)
