"""A sheet's piece read by fastexcel (:mod:`paycalc.reading.sheet_arrow`) made into its CSV twin's lines: each
Arrow column's cells as :func:`paycalc.reading.sheet_text._written` writes them (stripped, in quotes where they
hold a comma), made with numpy a column at a time (:mod:`paycalc.output.csv_lines`), blank rows left out.

Text cells are their own bytes (trimmed of ASCII white space; a cell with a double quote, a line break or other
white space around it is declined); numbers and dates, which repeat, are written once per distinct value by
:func:`paycalc.reading.sheet_text.cell_text`, the function the python-calamine path writes every cell with.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from paycalc.output import csv_bytes, csv_lines
from paycalc.reading.sheet_text import Declined, cell_text

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Bools = NDArray[np.bool_]

_EXACT = 2**53  # a number past this holds no longer every digit a cell was saved with (openpyxl reads those)
_PER_SECOND = {"SECOND": 1, "MILLI": 1000, "MICRO": 10**6, "NANO": 10**9}


def texts(pieces: Iterator[tuple[Any, int]], width: int, lines: list[int]) -> Iterator[bytes]:
    """Each piece's lines (:func:`piece`), the sheet row of each line put in ``lines`` as they come."""
    for array, anchor in pieces:
        text, rows = piece(array, width, anchor)
        lines += rows
        yield text


def piece(array: Any, width: int, anchor: int) -> tuple[bytes, list[int]]:
    """A piece's rows after its anchor's row ``anchor`` as CSV lines, ``width`` cells each, blank rows left out,
    and the sheet row of each line; :class:`Declined` where a cell cannot be written here, or a cell past the
    header holds something."""
    count = len(array)
    columns = [column(array.child(k), count) for k in range(array.n_children)]
    if any(not blank.all() for _, blank in columns[width:]):
        raise Declined("a cell past the header")
    blank = np.logical_and.reduce([blank for _, blank in columns[:width]]) if count else np.zeros(0, dtype=bool)
    kept = np.flatnonzero(~blank)
    if not len(kept):
        return b"", []
    parts: list[csv_lines.Part] = []
    for k, (cells, _) in enumerate(columns[:width]):
        if k:
            parts.append(csv_lines.constant(b",", len(kept)))
        parts += [part._replace(starts=part.starts[kept], lengths=part.lengths[kept]) for part in cells]
    parts.append(csv_lines.constant(b"\n", len(kept)))
    return csv_lines.lines(parts), (anchor + 1 + kept).tolist()


def column(child: Any, count: int) -> tuple[list[csv_lines.Part], Bools]:
    """A column's cells as parts of lines, and which are blank; :class:`Declined` for a kind not written here."""
    if child.offset:  # pragma: no cover (fastexcel's columns start at their buffers' start)
        raise Declined("an Arrow column with an offset")
    kind = child.schema.type.name
    if kind in ("NA", "NULL"):
        return [], np.ones(count, dtype=bool)
    buffers = list(child.buffers)
    valid = _valid(buffers[0], count)
    if kind in ("STRING", "LARGE_STRING"):
        offsets = np.frombuffer(buffers[1], dtype=np.int32 if kind == "STRING" else np.int64).astype(np.int64)
        return _strings(np.frombuffer(buffers[2], dtype=np.uint8), offsets, valid)
    values = np.frombuffer(buffers[1], dtype=_NUMBERS.get(kind, np.uint8))
    if kind == "DOUBLE":
        if not np.isfinite(values[valid]).all() or (np.abs(values[valid]) >= _EXACT).any():
            raise Declined("a number past what a double holds whole")
        return _distinct(values, valid, lambda v: cell_text(float(v)))
    if kind == "INT64":  # (fastexcel reads numbers as doubles; a whole-number column, should it come, likewise)
        if (np.abs(values[valid]) >= _EXACT).any():
            raise Declined("a number past what a double holds whole")
        return _distinct(values, valid, lambda v: str(int(v)))
    if kind in ("TIMESTAMP", "DATE32"):
        per_day = 86_400 * _PER_SECOND[child.schema.unit.name] if kind == "TIMESTAMP" else 1
        days, time = np.divmod(values.astype(np.int64), per_day)
        if time[valid].any():
            raise Declined("a date with a time of day")
        return _dates(np.where(valid, days, 0), valid)
    raise Declined(f"a column of {kind.lower()} cells")  # true/false, durations: the calamine path reads them


_NUMBERS: dict[str, Any] = {"DOUBLE": np.float64, "INT64": np.int64, "TIMESTAMP": np.int64, "DATE32": np.int32}


def _valid(bitmap: Any, count: int) -> Bools:
    """Which cells hold a value (Arrow's validity bitmap, least significant bit first; none: all of them)."""
    bits = np.frombuffer(bitmap, dtype=np.uint8)
    if not len(bits):
        return np.ones(count, dtype=bool)
    return np.unpackbits(bits, bitorder="little")[:count].astype(bool)


def _strings(data: Any, offsets: Any, valid: Bools) -> tuple[list[csv_lines.Part], Bools]:
    """Text cells stripped of ASCII white space, in quotes where they hold a comma or a line break (a twin of such
    cells is cut at its records: :func:`paycalc.output.csv_bytes.split`)."""
    starts, ends = offsets[:-1].copy(), offsets[1:].copy()
    ends[~valid] = starts[~valid]
    if len(data) and ((data == 34) | (data == 13)).any():
        raise Declined("a double quote or a carriage return in a cell")
    padded = np.concatenate([data, np.zeros(1, dtype=np.uint8)])  # a cell's first byte, or a NUL past the last
    cells = csv_bytes.trimmed(csv_bytes.Cells(padded, starts[:, None], ends[:, None]))  # as the CSV's cells are
    if csv_bytes.padded(cells, 0):  # white space other than ASCII around a cell: str.strip() would take it off too
        raise Declined("white space other than ASCII around a cell")
    starts, ends = cells.starts[:, 0], cells.ends[:, 0]
    commas = np.concatenate([[0], np.cumsum((data == 44) | (data == 10))])
    quoted = (commas[ends] - commas[starts] > 0).astype(np.int64)
    mark = csv_lines.Part(np.frombuffer(b'"', dtype=np.uint8), np.zeros(len(starts), dtype=np.int64), quoted)
    return [mark, csv_lines.Part(padded, starts, ends - starts), mark], ends == starts


_FIRST_DAY, _LAST_DAY = -719_162, 2_932_896  # 0001-01-01 and 9999-12-31, in days from 1970-01-01


def _dates(days: Any, valid: Bools) -> tuple[list[csv_lines.Part], Bools]:
    """Days from 1970-01-01 as ``YYYY-MM-DD`` (as ``date.isoformat()`` writes them: numpy's own text of a day)."""
    if ((days < _FIRST_DAY) | (days > _LAST_DAY)).any():
        raise Declined("a date out of range")
    found, index = np.unique(days, return_inverse=True)  # each distinct day written once (numpy's text of a day
    text = np.ascontiguousarray(found.astype("datetime64[D]").astype("S10")).view(np.uint8)  # is slow: 1 µs)
    return [csv_lines.Part(text, index.reshape(-1) * 10, np.where(valid, 10, 0))], ~valid


def _distinct(values: Any, valid: Bools, text: Any) -> tuple[list[csv_lines.Part], Bools]:
    """Cells of few distinct values, each value's text made once by ``text``; a cell with none is blank."""
    found, index = np.unique(values[valid], return_inverse=True)
    words = [text(value).strip().encode("utf-8") for value in found.tolist()]
    if any(b"," in word or b'"' in word for word in words):  # pragma: no cover (no number or date holds one)
        raise Declined("a value written in quotes")
    lengths = np.array([len(word) for word in words], dtype=np.int64)
    firsts = np.cumsum(lengths) - lengths
    starts, size = np.zeros(len(values), dtype=np.int64), np.zeros(len(values), dtype=np.int64)
    starts[valid], size[valid] = firsts[index.reshape(-1)], lengths[index.reshape(-1)]
    buffer = np.frombuffer(b"".join(words) or b"\0", dtype=np.uint8)
    return [csv_lines.Part(buffer, starts, size)], size == 0
