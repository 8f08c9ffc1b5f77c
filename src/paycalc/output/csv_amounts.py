"""Amount cells of a plain CSV block read as arrays: ``26843``, ``26843.5`` or ``26843.50`` (one to seven whole
digits, none to two places; ``$26,843.50`` too, as a spreadsheet's currency format writes it), each the amount
:func:`~paycalc.contract.inputs.to_amount` reads it as. A district's export of what each member was paid has as
many amounts as members: read here, none is parsed one by one."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from paycalc.output.csv_bytes import Cells, windows

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

_WIDEST = 13  # $9,999,999.99: a dollar sign, seven whole digits in groups, a point, two places (below to_amount's
# limit of ten million)
_POWERS = 10 ** np.arange(8, dtype=np.int64)


def cents(cells: Cells, column: int, rows: Ints | slice = slice(None)) -> Ints:
    """Each cell of ``column`` in ``rows`` (every row by default) as cents; -1 where it is blank or not such an
    amount (``1e4``, ``+5``, ``0.125``, ``1,00``: the row-by-row path's reader says what it makes of those). An
    amount may be written as a spreadsheet's currency format writes it: ``$26,843.50`` (a dollar sign, commas
    between every group of three whole digits, or either)."""
    start = cells.starts[rows, column]
    length = cells.ends[rows, column] - start
    dollar = (length > 1) & (cells.data[start] == 36)
    start, length = start + dollar, length - dollar
    raw = windows(cells.data, _WIDEST)[start].astype(np.int64)
    place = np.arange(_WIDEST)
    inside = place < length[:, None]
    digit = (raw >= 48) & (raw <= 57) & inside
    comma = (raw == 44) & inside
    whole = np.argmin(digit | comma, axis=1)  # the whole part: digits and commas, up to the first other byte
    whole[(digit | comma).all(axis=1)] = _WIDEST
    before = place < whole[:, None]
    grouped = comma & before  # commas, if any, exactly four bytes apart from the point back, the first not first
    commas = grouped.sum(axis=1)
    groups = ((whole[:, None] - place) % 4 == 0) & (place >= 1) & before
    grouped = (commas == 0) | ((grouped == groups).all(axis=1) & (raw[:, 0] != 48))
    digits = whole - commas
    each = np.arange(len(raw))
    point = raw[each, np.minimum(whole, _WIDEST - 1)] == 46
    places = np.where(whole == length, 0, length - whole - 1)
    after = (place > whole[:, None]) & inside  # every byte after the point a digit
    plain = (length > 0) & (digits >= 1) & (digits <= 7) & grouped
    plain &= (whole == length) | (point & (places >= 1) & (places <= 2))
    plain &= ~(after & ~digit).any(axis=1)
    value = raw - 48
    counted = digit & before  # each whole digit's weight: ten to the number of whole digits after it
    later = np.cumsum(counted[:, ::-1], axis=1)[:, ::-1] - counted
    units = np.where(counted, value * _POWERS[np.minimum(later, 7)], 0).sum(axis=1)
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
