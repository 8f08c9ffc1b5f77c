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
_SPACES = 4  # after a dollar sign, read here (more: the row-by-row path's reader)
_PLACES = np.arange(_WIDEST)
_BEFORE = np.arange(_WIDEST + 1)[:, None] > _PLACES  # [whole][place]: the place is in the whole part
_GROUPS = _BEFORE & (_PLACES >= 1) & ((np.arange(_WIDEST + 1)[:, None] - _PLACES) % 4 == 0)  # where its commas go


def cents(cells: Cells, column: int, rows: Ints | slice = slice(None)) -> Ints:
    """Each cell of ``column`` in ``rows`` (every row by default) as cents; -1 where it is blank or not such an
    amount (``1e4``, ``+5``, ``0.125``, ``1,00``: the row-by-row path's reader says what it makes of those). An
    amount may be written as a spreadsheet's currency or accounting format writes it: ``$26,843.50``,
    ``$ 26,843.50`` (a dollar sign, spaces after it or not, commas between every group of three whole digits)."""
    start = cells.starts[rows, column]
    length = cells.ends[rows, column] - start
    dollar = (length > 1) & (cells.data[start] == 36)
    start, length = start + dollar, length - dollar
    for _ in range(_SPACES):  # an accounting format's spaces after the dollar sign
        space = dollar & (length > 1) & (cells.data[start] == 32)
        start, length = start + space, length - space
    raw = windows(cells.data, _WIDEST)[start]
    inside = length[:, None] > _PLACES
    digit = (raw - np.uint8(48) < 10) & inside
    comma = (raw == 44) & inside
    part = digit | comma
    whole = np.argmin(part, axis=1)  # the whole part: digits and commas, up to the first other byte
    whole[part.all(axis=1)] = _WIDEST
    before = _BEFORE[whole]
    grouped = comma & before  # commas, if any, in every group's place from the point back (not the first byte)
    commas = np.count_nonzero(grouped, axis=1)
    grouped = (commas == 0) | ((grouped == _GROUPS[whole]).all(axis=1) & (raw[:, 0] != 48))
    digits = whole - commas
    each = np.arange(len(raw))
    point = raw[each, np.minimum(whole, _WIDEST - 1)] == 46
    places = np.where(whole == length, 0, length - whole - 1)
    plain = (length > 0) & (digits >= 1) & (digits <= 7) & grouped
    plain &= (whole == length) | (point & (places >= 1) & (places <= 2))
    plain &= ~(~_BEFORE[np.minimum(whole + 1, _WIDEST)] & inside & ~digit).any(axis=1)  # after the point: digits
    units = np.zeros(len(raw), dtype=np.int64)
    counted = digit & before
    for place in range(_WIDEST):  # the whole digits, a place at a time (commas passed over)
        units = np.where(counted[:, place], units * 10 + (raw[:, place] - 48), units)
    tenths = np.where(places >= 1, raw[each, np.minimum(whole + 1, _WIDEST - 1)].astype(np.int64) - 48, 0)
    hundredths = np.where(places == 2, raw[each, np.minimum(whole + 2, _WIDEST - 1)].astype(np.int64) - 48, 0)
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
