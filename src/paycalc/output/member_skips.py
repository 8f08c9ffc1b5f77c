"""The rows of a costing roster's block that ``cost --skip-invalid`` leaves out as it reads them, found in columns.

A row with its id, title or hire date blank, a hire date the columns cannot read, or work the rules refuse (hours
out of range) is read alone, as the csv module reads its line, by the member-by-member reader
(:func:`paycalc.membership.members.read_members`), which gives the reason it would print; a row it reads after all
is for the member-by-member path (:class:`~paycalc.membership.unpriced.Unpriced`). Members the rules refuse to
price (a title the contract has not) are found by :func:`paycalc.membership.cost_columns.cost`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from paycalc.contract.errors import InputError, RowError
from paycalc.membership.members import read_members
from paycalc.membership.roster import WORK_COLUMNS, work_of
from paycalc.membership.unpriced import Unpriced
from paycalc.output import csv_bytes, row_skips
from paycalc.output.csv_bytes import Cells

if TYPE_CHECKING:
    from numpy.typing import NDArray


def refused(header: list[str], cells: Cells) -> NDArray[np.bool_]:
    """The rows the reader refuses before pricing: a required cell blank, a hire date the columns do not read,
    work it refuses (each distinct work read once)."""
    column = {name: n for n, name in enumerate(header)}
    found = row_skips.unread(cells, [column[c] for c in ("id", "title", "hired")], [column["hired"]])
    names = [c for c in WORK_COLUMNS if c in column]
    if names:
        number, firsts = csv_bytes.distinct(cells, [column[n] for n in names])
        bad = []
        for texts in zip(*(cells.text(firsts, column[n]) for n in names), strict=True):
            try:
                work_of({name: text.strip() for name, text in zip(names, texts, strict=True)})
                bad.append(False)
            except InputError:
                bad.append(True)
        found |= np.array(bad, dtype=bool)[number]
    return found


def reasons(header: list[str], block: bytes, cells: Cells, rows: NDArray[np.int64]) -> list[str]:
    """Why the reader refuses each of ``rows`` (counted among the block's rows, blank lines left out)."""
    said = []
    for _, text in row_skips.lines_of(block, cells, rows):
        record = row_skips.as_read(header, text)
        refusals: list[RowError] = []
        if list(read_members([record], refusals.append)) or len(refusals) != 1:
            raise Unpriced("a row the columns refuse that the reader reads")
        said.append(refusals[0].reason)
    return said


def in_order(read: list[tuple[int, str]], priced: list[tuple[int, str]], numbers: list[Any]) -> list[RowError]:
    """The rows left out as the member-by-member path says them: a row it refuses to read as it reads it (its
    number), a member it refuses to price when the next member is read (that member's row; after the last, at
    the end). ``numbers``: each block's members' row numbers, in order."""
    every = np.concatenate(numbers) if numbers else np.zeros(0, dtype=np.int64)
    after = np.searchsorted(every, [number for number, _ in priced], side="right")
    when = [int(every[at]) if at < len(every) else 1 << 62 for at in after.tolist()]  # the last: at the end
    said = [(number, 0, number, reason) for number, reason in read]
    said += [(at, 1, number, reason) for at, (number, reason) in zip(when, priced, strict=True)]
    return [RowError(number, reason) for _, _, number, reason in sorted(said)]
