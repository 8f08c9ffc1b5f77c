"""The rows of a block that ``--skip-invalid`` leaves out, found in columns, said as the row-by-row path says them.

A title, work or paid terms the rules refuse (an unknown title, hours out of range, a paid schedule that is not
one) are read once per distinct cells (:class:`paycalc.output.roster_blocks.Blocks`); with ``--skip-invalid``
such cells mark their rows, instead of sending the whole roster row by row. Each marked row is then read as the
csv module reads its line and priced alone by the scalar rules (:func:`paycalc.membership.roster.retro_totals`),
which give the reason the row-by-row path would print, its first; a row they price after all is for the
row-by-row path (:class:`~paycalc.membership.column_runs.Unpriced`). The other rows are priced in columns.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from paycalc.contract.errors import RowError
from paycalc.membership import roster
from paycalc.membership.column_runs import Unpriced
from paycalc.output import csv_bytes, csv_dates
from paycalc.output.csv_bytes import Cells
from paycalc.rules import periods

if TYPE_CHECKING:
    from numpy.typing import NDArray

INVALID = np.iinfo(np.int64).min  # the code of cells the rules refuse (no index is negative that far)


def left_out(blocks: Any, block: bytes, cells: Cells) -> tuple[Cells, Any, tuple[Skip, ...]]:
    """A block's rows the rules refuse, left out: those with a required cell blank or a date the columns cannot
    read, then those whose title, work or paid terms the rules refuse (their codes
    :data:`INVALID`). The kept rows' cells and arrays (None where none is kept), and the rows left out."""
    refused = _unreadable(blocks, cells)
    while True:
        within = kept(cells, ~refused) if refused.any() else cells
        if not len(within.starts):
            arrays = None
            break
        arrays = blocks.arrays(within)
        coded = (arrays[0] == INVALID) | (arrays[1] == INVALID) | (arrays[4] == INVALID)  # ways, hired, paid
        if not coded.any():
            break
        refused[np.flatnonzero(~refused)[coded]] = True  # their cells' codes remembered: once more, without them
    return within, arrays, reasons(blocks, block, cells, refused) if refused.any() else ()


def _unreadable(blocks: Any, cells: Cells) -> NDArray[np.bool_]:
    """The rows with a required cell blank, or a date cell the columns do not read (the rules may: each such
    row is read by them, :func:`reasons`)."""
    column = {name: n for n, name in enumerate(blocks.header)}
    given = blocks.defaults[0]  # the command line's from and to: those cells may be blank
    required = [c for c in roster.REQUIRED if not ((c == "hired" and "step" in column) or c in given)]
    lengths = cells.ends - cells.starts
    refused: NDArray[np.bool_] = (lengths[:, [column[c] for c in required]] == 0).any(axis=1)
    dated = [c for c in ("from", "to") if c in column] + (["hired"] if "step" not in column else [])
    for name in dated:
        rows = np.flatnonzero(~refused & (lengths[:, column[name]] > 0))
        refused[rows[~csv_dates.readable(cells, column[name], rows)]] = True
    return refused


def kept(cells: Cells, keep: NDArray[np.bool_]) -> Cells:
    """The cells of the rows ``keep`` marks, in order."""
    commas = None if cells.commas is None else cells.commas[keep]
    return cells._replace(starts=cells.starts[keep], ends=cells.ends[keep], commas=commas)


class Skip(NamedTuple):
    """A row left out: its line in the block (from 0, blank lines in), the rules' reason, its id (text and hash),
    the id of the row kept before it in the block (None: none is) and whether the row kept after it has its id
    (None: none is, in the block)."""

    line: int
    reason: str
    id: str
    hash: int
    before: str | None
    then_same: bool | None


def reasons(blocks: Any, block: bytes, cells: Cells, refused: NDArray[np.bool_]) -> tuple[Skip, ...]:
    """The rows ``refused`` marks (among the block's rows, blank lines left out), each with the reason the
    rules give it, read alone. The row-by-row path says instead that its id "appears again after other ids"
    where the id was another's before it and finished (the job checks that: :func:`finished`)."""
    lines = block.split(b"\n")[:-1]
    filled = [n for n, line in enumerate(lines) if line not in (b"", b"\r")]  # the csv module skips blank ones
    method, anchor, cycles = blocks.method
    paying = periods.for_contract(blocks.contract, method, anchor, cycles)[2]
    fill = roster.filler(*blocks.defaults)
    paid_contract, years = blocks.paid_by if blocks.paid_by is not None else (None, ())
    at = blocks.header.index("id")
    rows = np.flatnonzero(refused)
    kept = np.flatnonzero(~refused)
    ids = cells.text(np.arange(len(cells.starts)), at)
    hashed = csv_bytes.hashes(cells, at)
    said = []
    for row in rows.tolist():
        line = filled[row]
        words = next(csv.reader([lines[line].decode("utf-8").removesuffix("\r")]))
        record: dict[str, Any] = dict(zip(blocks.header, words, strict=True))
        if fill is not None:
            fill(record)
        refusals: list[RowError] = []
        priced = list(roster.retro_totals([record], blocks.contract, paying, refusals.append, (), paid_contract, years))
        if priced or len(refusals) != 1:
            raise Unpriced("a row the columns refuse that the rules price")
        place = int(np.searchsorted(kept, row))  # kept rows before it
        before = ids[kept[place - 1]] if place else None
        then_same = ids[kept[place]] == ids[row] if place < len(kept) else None
        said.append(Skip(line, refusals[0].reason, ids[row], int(hashed[row]), before, then_same))
    return tuple(said)


def finished(skip: Skip, person: str | None, then: str | None) -> bool:
    """Whether the row-by-row path may find the id of a row left out finished before it (and say so instead):
    its id is not the one being summed (``person``, the last id kept) and is not the next kept row's either
    (``then``, where the block did not say; an id kept before and after would be an id again after others, which
    the job refuses in columns)."""
    same = skip.then_same if skip.then_same is not None else skip.id == then
    return skip.id != person and not same
