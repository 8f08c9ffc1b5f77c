"""The rows of a block that ``--skip-invalid`` leaves out, found in columns, said as the row-by-row path says them.

A required cell blank, a date the columns cannot read, and a title, work or paid terms the rules refuse (an
unknown title, hours out of range, a paid schedule that is not one: read once per distinct cells by
:class:`paycalc.output.roster_blocks.Blocks`) mark their rows, instead of sending the whole roster row by row.
Each marked row is then read as the csv module reads its line and priced alone by the scalar rules
(:func:`paycalc.membership.roster.retro_totals`), which give the reason the row-by-row path would print, its
first; a row they price after all is for the row-by-row path (:class:`~paycalc.membership.unpriced.Unpriced`).
The other rows are priced in columns.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from paycalc.contract.errors import RowError
from paycalc.membership import roster
from paycalc.membership.unpriced import Unpriced
from paycalc.output import csv_bytes, csv_dates
from paycalc.output.csv_bytes import Cells
from paycalc.rules import periods

if TYPE_CHECKING:
    from numpy.typing import NDArray

INVALID = np.iinfo(np.int64).min  # the code of cells the rules refuse (no index is negative that far)


def left_out(blocks: Any, block: bytes, cells: Cells) -> tuple[Cells, Any, tuple[Skip, ...], NDArray[np.int64]]:
    """A block's rows the rules refuse, left out: those with a required cell blank or a date the columns cannot
    read, then those whose title, work or paid terms the rules refuse (their codes
    :data:`INVALID`). The kept rows' cells and arrays (None where none is kept), the rows left out, and where
    the kept rows are among the block's."""
    refused = _unreadable(blocks, cells)
    within = kept(cells, ~refused) if refused.any() else cells
    arrays = blocks.arrays(within) if len(within.starts) else None
    if arrays is not None:
        coded = (arrays[0] == INVALID) | (arrays[1] == INVALID) | (arrays[4] == INVALID)  # ways, hired, paid
        way = np.where(coded, -1, arrays[0])  # the rows the pricer refuses too (a row's days, its hire date)
        coded |= blocks._pricer.refused(way, *arrays[1:4]) & ~coded
        if coded.any():  # the arrays are a row's each: the rows left out taken out of them
            refused[np.flatnonzero(~refused)[coded]] = True
            within = kept(within, ~coded)
            arrays = tuple(a[~coded] for a in arrays) if len(within.starts) else None
    skipped = reasons(blocks, block, cells, refused) if refused.any() else ()
    return within, arrays, skipped, np.flatnonzero(~refused)


def _unreadable(blocks: Any, cells: Cells) -> NDArray[np.bool_]:
    """The rows with a required cell blank, or a date cell the columns do not read (the rules may: each such
    row is read by them, :func:`reasons`)."""
    column = {name: n for n, name in enumerate(blocks.header)}
    given = blocks.defaults[0]  # the command line's from and to: those cells may be blank
    required = [c for c in roster.REQUIRED if not ((c == "hired" and "step" in column) or c in given)]
    dated = [c for c in ("from", "to") if c in column] + (["hired"] if "step" not in column else [])
    return unread(cells, [column[c] for c in required], [column[c] for c in dated])


def unread(cells: Cells, required: list[int], dated: list[int]) -> NDArray[np.bool_]:
    """The rows with a cell of ``required`` blank, or a cell of ``dated`` that is not blank and not a date the
    columns read."""
    lengths = cells.ends - cells.starts
    found: NDArray[np.bool_] = (lengths[:, required] == 0).any(axis=1)
    for at in dated:
        rows = np.flatnonzero(~found & (lengths[:, at] > 0))
        found[rows[~csv_dates.readable(cells, at, rows)]] = True
    return found


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
    row: int = 0  # among the block's rows
    late: bool = False  # hired after its first day, as the rules found before they refused it (said in the note)


def reasons(blocks: Any, block: bytes, cells: Cells, refused: NDArray[np.bool_]) -> tuple[Skip, ...]:
    """The rows ``refused`` marks (among the block's rows, blank lines left out), each with the reason the
    rules give it, read alone. The row-by-row path says instead that its id "appears again after other ids"
    where the id was another's before it and finished (the job checks that: :func:`finished`)."""
    method, anchor, cycles = blocks.method
    paying = periods.for_contract(blocks.contract, method, anchor, cycles)[2]
    fill = roster.filler(*blocks.defaults)
    paid_contract, years = blocks.paid_by if blocks.paid_by is not None else (None, ())
    at = blocks.header.index("id")
    rows, kept_rows = np.flatnonzero(refused), np.flatnonzero(~refused)
    place = np.searchsorted(kept_rows, rows)  # kept rows before each
    near = np.concatenate([rows, kept_rows[place[place > 0] - 1], kept_rows[place[place < len(kept_rows)]]])
    near = np.unique(near)
    ids = dict(zip(near.tolist(), cells.text(near, at), strict=True))  # of the rows left out and those beside them
    hashed = csv_bytes.hashes(kept(cells, refused), at).tolist()
    said = []
    for n, (row, (line, text)) in enumerate(zip(rows.tolist(), lines_of(block, cells, rows), strict=True)):
        record = as_read(blocks.header, text)
        if fill is not None:
            fill(record)
        refusals: list[RowError] = []
        late: list[int] = []
        asked = (blocks.contract, paying, refusals.append, (), paid_contract, years, late)
        if list(roster.retro_totals([record], *asked)) or len(refusals) != 1:
            raise Unpriced("a row the columns refuse that the rules price")
        before = ids[int(kept_rows[place[n] - 1])] if place[n] else None
        then_same = ids[int(kept_rows[place[n]])] == ids[row] if place[n] < len(kept_rows) else None
        said.append(Skip(line, refusals[0].reason, ids[row], hashed[n], before, then_same, row, bool(late)))
    return tuple(said)


def lines_of(block: bytes, cells: Cells, rows: NDArray[np.int64]) -> list[tuple[int, str]]:
    """Each of ``rows``' line in the block (counted from 0, blank lines in) and its text, as the csv module reads
    it (``cells`` are the block's, read without its blank lines: row n is line n of their bytes). A row with a
    line break inside quotes is lines of its own: its line is its last, as the csv module counts them."""
    feeds = np.flatnonzero(cells.data == 10)
    ends = feeds if cells.breaks is None else np.setdiff1d(feeds, cells.breaks)  # where each row ends
    begins = np.where(rows > 0, ends[np.maximum(rows - 1, 0)] + 1, 0)
    spans = zip(begins.tolist(), ends[rows].tolist(), strict=True)
    texts = [cells.data[b:e].tobytes().decode("utf-8").removesuffix("\r") for b, e in spans]
    if cells.breaks is not None:  # (no blank line: csv_bytes.split declines those beside line breaks in cells)
        return list(zip(np.searchsorted(feeds, ends[rows]).tolist(), texts, strict=True))
    if block.count(b"\n") == len(feeds):  # no blank line
        return list(zip(rows.tolist(), texts, strict=True))
    filled = [n for n, line in enumerate(block.split(b"\n")[:-1]) if line not in (b"", b"\r")]
    return [(filled[row], text) for row, text in zip(rows.tolist(), texts, strict=True)]


def as_read(header: list[str], text: str) -> dict[str, Any]:
    """A line's cells as the csv module reads them, by the header's names (a line it reads otherwise than the
    columns did: :class:`Unpriced`)."""
    cells = next(csv.reader([text]))
    if len(cells) != len(header):
        raise Unpriced("a line the csv module reads otherwise")
    return dict(zip(header, cells, strict=True))


def finished(skip: Skip, person: str | None, then: str | None) -> bool:
    """Whether the row-by-row path may find the id of a row left out finished before it (and say so instead):
    its id is not the one being summed (``person``, the last id kept) and is not the next kept row's either
    (``then``, where the block did not say; an id kept before and after would be an id again after others, which
    the job refuses in columns)."""
    same = skip.then_same if skip.then_same is not None else skip.id == then
    return skip.id != person and not same
