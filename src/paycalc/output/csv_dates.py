"""Date cells of a plain CSV block read as arrays: ISO (``YYYY-MM-DD``, or ``YYYY/MM/DD``) or month/day/year as US
exports write them (``9/1/2005``), exactly as :func:`~paycalc.contract.inputs.to_roster_date` reads them; any other
cell is :class:`~paycalc.output.csv_bytes.Plainness` (the row-by-row path then reads it, or names it in error)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from paycalc.contract.inputs import MIDNIGHT
from paycalc.output.csv_bytes import Cells, Plainness, windows
from paycalc.rules import period_arrays

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]


def dates(cells: Cells, column: int, rows: Ints | slice = slice(None)) -> Ints:
    """The ordinals of a column of dates from 1900 to 2199, in ``rows`` (every row by default), each cell ISO
    (``YYYY-MM-DD``) or month/day/year as US exports write it (``9/1/2005``, ``09/01/2005``), as
    :func:`~paycalc.contract.inputs.to_roster_date` reads them; Plainness for any other cell."""
    start = cells.starts[rows, column]
    length = cells.ends[rows, column] - start
    if (length > 10).any():  # a date cell saved with its time: midnight alone, as the rules read it
        length = _without_midnight(cells, start, length)
    raw = windows(cells.data, 10)[start]
    iso = (length == 10) & (raw[:, 4] == raw[:, 7]) & ((raw[:, 4] == 45) | (raw[:, 4] == 47))  # 2005/09/01 too
    if iso.all():
        return _ordinals(*_iso(raw))
    year, month, day = (np.empty(len(raw), dtype=np.int64) for _ in range(3))
    year[iso], month[iso], day[iso] = _iso(raw[iso])
    year[~iso], month[~iso], day[~iso] = _us(raw[~iso], length[~iso])
    return _ordinals(year, month, day)


def _without_midnight(cells: Cells, start: Ints, length: Ints) -> Ints:
    """The cells' lengths without a time of midnight after their date (``9/1/2005 0:00``), as
    :func:`~paycalc.contract.inputs.to_roster_date` takes it off; a cell with another time keeps its length (and
    is no date here)."""
    length = length.copy()
    end = start + length
    for suffix in MIDNIGHT:
        mark = np.frombuffer(suffix.encode(), dtype=np.uint8)
        long = np.flatnonzero(length > len(mark) + 7)
        found = long[(windows(cells.data, len(mark))[end[long] - len(mark)] == mark).all(axis=1)]
        length[found] -= len(mark)  # (no cell ends with two of them)
    return length


def readable(cells: Cells, column: int, rows: Ints) -> NDArray[np.bool_]:
    """Which of ``rows``' cells of ``column`` :func:`dates` reads (any other is Plainness there): each part it
    reads whole, the others halved until the cells it refuses are found (a few in a block, as a roster with
    ``--skip-invalid`` has them, cost a few passes)."""
    found = np.ones(len(rows), dtype=bool)

    def walk(low: int, high: int) -> None:
        try:
            dates(cells, column, rows[low:high])
        except Plainness:
            if high - low == 1:
                found[low] = False
                return
            middle = (low + high) // 2
            walk(low, middle)
            walk(middle, high)

    if len(rows):
        walk(0, len(rows))
    return found


def _digits(raw: NDArray[np.uint8]) -> Ints:
    """Bytes as the digits they are; Plainness for any byte that is not a digit (``:`` wraps past 9, too)."""
    chars = raw - np.uint8(48)  # any other byte wraps past 9
    if (chars > 9).any():
        raise Plainness("not a date")
    return chars.astype(np.int64)


def _iso(raw: NDArray[np.uint8]) -> tuple[Ints, Ints, Ints]:
    """Year, month and day of 10-byte windows holding ``YYYY-MM-DD`` or ``YYYY/MM/DD`` (the marks already found)."""
    wide = _digits(raw[:, [0, 1, 2, 3, 5, 6, 8, 9]])
    return wide[:, :4] @ np.array([1000, 100, 10, 1]), wide[:, 4] * 10 + wide[:, 5], wide[:, 6] * 10 + wide[:, 7]


def _us(raw: NDArray[np.uint8], length: Ints) -> tuple[Ints, Ints, Ints]:
    """Year, month and day of windows holding ``M/D/YYYY``: a month and a day of one or two digits each, the
    year of four (a cell of 8 to 10 bytes); Plainness for anything else."""
    if ((length < 8) | (length > 10)).any():
        raise Plainness("a date of another length")
    first = np.where(raw[:, 1] == 47, 1, 2)  # the slash after the month
    second = length - 5  # the slash before the year
    gap = second - first  # one more than the day's digits
    rows = np.arange(len(raw))
    if (raw[rows, first] != 47).any() or (raw[rows, second] != 47).any() or ((gap < 2) | (gap > 3)).any():
        raise Plainness("not month/day/year")
    # every other byte of the cell: the year's four, the month's first and last, the day's first and last
    at = np.stack([second + 1, second + 2, second + 3, second + 4, 0 * first, first - 1, first + 1, second - 1], 1)
    wide = _digits(raw[rows[:, None], at])
    month = np.where(first == 2, wide[:, 4] * 10 + wide[:, 5], wide[:, 5])
    day = np.where(gap == 3, wide[:, 6] * 10 + wide[:, 7], wide[:, 7])
    return wide[:, :4] @ np.array([1000, 100, 10, 1]), month, day


def _ordinals(year: Ints, month: Ints, day: Ints) -> Ints:
    """Each date's ordinal; Plainness for a date out of 1900 to 2199 or past its month's end."""
    from paycalc.contract.inputs import FIRST_YEAR, LAST_YEAR

    if ((year < FIRST_YEAR) | (year > LAST_YEAR) | (month < 1) | (month > 12) | (day < 1)).any():
        raise Plainness("a date out of range")
    first, length = period_arrays.month_starts((year - 1900) * 12 + month - 1)
    if (day > length).any():
        raise Plainness("a day past its month's end")
    return first + day - 1
