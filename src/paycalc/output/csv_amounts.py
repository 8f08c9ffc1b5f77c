"""Amount cells of a plain CSV block read as arrays: ``26843``, ``26843.5`` or ``26843.50`` (one to seven whole
digits, none to two places), each the amount :func:`~paycalc.contract.inputs.to_amount` reads it as. A district's
export of what each member was paid has as many amounts as members: read here, none is parsed one by one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from paycalc.output.csv_bytes import Cells, windows

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

_WIDEST = 10  # 9999999.99: seven whole digits, a point, two places (below to_amount's limit of ten million)


def cents(cells: Cells, column: int, rows: Ints | slice = slice(None)) -> Ints:
    """Each cell of ``column`` in ``rows`` (every row by default) as cents; -1 where it is blank or not such a
    plain amount (``$1,000``, ``1e4``, ``+5``, ``0.125``: the row-by-row path's reader says what it makes of
    those)."""
    start = cells.starts[rows, column]
    length = cells.ends[rows, column] - start
    raw = windows(cells.data, _WIDEST)[start].astype(np.int64)
    place = np.arange(_WIDEST)
    inside = place < length[:, None]
    digit = (raw >= 48) & (raw <= 57) & inside
    whole = np.argmin(digit, axis=1)  # the digits before the first byte that is not one (or the cell's end)
    whole[digit.all(axis=1)] = _WIDEST
    each = np.arange(len(raw))
    point = raw[each, np.minimum(whole, _WIDEST - 1)] == 46
    places = np.where(whole == length, 0, length - whole - 1)
    after = (place > whole[:, None]) & inside  # every byte after the point a digit
    plain = (length > 0) & (whole >= 1) & (whole <= 7) & ((whole == length) | (point & (places >= 1) & (places <= 2)))
    plain &= ~(after & ~digit).any(axis=1)
    value = raw - 48
    scale = 10 ** np.clip(whole[:, None] - 1 - place, 0, None)  # each whole digit's weight
    units = np.where(place < whole[:, None], value * scale, 0).sum(axis=1)
    tenths = np.where(places >= 1, value[each, np.minimum(whole + 1, _WIDEST - 1)], 0)
    hundredths = np.where(places == 2, value[each, np.minimum(whole + 2, _WIDEST - 1)], 0)
    found: Ints = np.where(plain, units * 100 + tenths * 10 + hundredths, -1)
    return found


def flat_paid(cells: Cells, column: dict[str, int], rows: Ints) -> Ints:
    """Each of ``rows``' own flat annual amount paid (``paid_annual``), in cents, where it is a plain amount and
    the row gives no paid schedule (the command line's paid terms fill neither then); -1 for the rest."""
    flat = np.full(len(rows), -1, dtype=np.int64)
    if "paid_annual" in column:
        flat = cents(cells, column["paid_annual"], rows)
        if "paid_schedule" in column:
            at = column["paid_schedule"]
            flat[cells.ends[rows, at] > cells.starts[rows, at]] = -1
    return flat
