"""CSV lines made from arrays, the other way from :mod:`paycalc.output.csv_bytes`: each part of a line is a byte
buffer with a start and a length per line (:class:`Part`), copied into place for every line at once
(:func:`lines`); numpy, no Python per row."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from paycalc.output.csv_bytes import Cells

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Bytes = NDArray[np.uint8]


class Part(NamedTuple):
    """One part of every line: bytes ``buffer[starts[i]:starts[i] + lengths[i]]`` for line ``i``."""

    buffer: Bytes
    starts: Ints
    lengths: Ints


def constant(text: bytes, count: int) -> Part:
    return Part(np.frombuffer(text, dtype=np.uint8), np.zeros(count, dtype=np.int64), np.full(count, len(text)))


def cell(cells: Cells, rows: Ints, column: int) -> Part:
    start = cells.starts[rows, column]
    return Part(cells.data, start, cells.ends[rows, column] - start)


def quote(cells: Cells, rows: Ints, column: int) -> Part:
    """A ``"`` where the csv module quotes the cell (before it and after it)."""
    marks = cells.quoted(rows, column).astype(np.int64)
    return Part(np.frombuffer(b'"', dtype=np.uint8), np.zeros(len(rows), dtype=np.int64), marks)


def guard(cells: Cells, rows: Ints, column: int, triggers: tuple[str, ...]) -> Part:
    """A ``'`` before each cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, ...)."""
    start, end = cells.starts[rows, column], cells.ends[rows, column]
    table = np.zeros(256, dtype=np.int64)
    table[[ord(t) for t in triggers]] = 1
    runs = table[cells.data[np.minimum(start, len(cells.data) - 1)]]
    runs[end == start] = 0  # an empty cell: its start is the byte after it
    return Part(np.frombuffer(b"'", dtype=np.uint8), np.zeros(len(rows), dtype=np.int64), runs)


def written(cells: Cells, rows: Ints, columns: list[int], triggers: tuple[str, ...]) -> list[Part]:
    """The cells of ``columns`` in ``rows`` as the csv module writes them, a comma between: each guarded
    (:func:`guard`) and in quotes where it must be (:func:`quote`). A column whose cells need no guard on any row,
    and whose cells the csv module quotes sit in the roster in their own quotes (``"Smith, Jane"`` as every export
    writes a name), is its roster's bytes, quotes and all; columns side by side of such bytes, one comma apart on
    every row, are copied as one span of the roster's bytes, their commas and all: a carried column or ten, one
    copy."""
    out: list[Part] = []
    span: list[int] = []  # a run of such columns: its first and its last
    bounds: dict[int, tuple[Ints, Ints]] = {}  # each such column's cells' first and end, quotes and all

    def copied() -> None:
        if span:
            first = bounds[span[0]][0]
            out.append(Part(cells.data, first, bounds[span[1]][1] - first))
            span.clear()

    for k, column in enumerate(columns):
        marks, guarded = quote(cells, rows, column), guard(cells, rows, column, triggers)
        first, end, quoted = cells.starts[rows, column], cells.ends[rows, column], marks.lengths
        bare = not guarded.lengths.any()
        if bare and quoted.any():  # the roster's own quotes around each cell quoted: its bytes as written
            inside = quoted > 0
            bare = bool((cells.data[first[inside] - 1] == 34).all() and (cells.data[end[inside]] == 34).all())
            first, end = first - quoted, end + quoted
        if bare:
            bounds[column] = first, end
        if bare and span and column == span[1] + 1:  # only a comma between (not a quote: ``""`` then a short line)
            past = bounds[span[1]][1]  # just past the span's last cell
            if (first == past + 1).all() and (cells.data[past] == 44).all():
                span[1] = column
                continue
        copied()
        if k:
            out.append(constant(b",", len(rows)))
        if bare:
            span[:] = [column, column]
        else:
            out += [marks, guarded, cell(cells, rows, column), marks]
    copied()
    return out


def texts(values: list[str]) -> Part:
    """A text for each line, from few distinct ones."""
    offsets: dict[str, int] = {}
    buffer = bytearray()
    for value in dict.fromkeys(values):
        offsets[value] = len(buffer)
        buffer += value.encode("utf-8")
    starts = np.array([offsets[v] for v in values], dtype=np.int64)
    lengths = np.array([len(v.encode("utf-8")) for v in values], dtype=np.int64)
    return Part(np.frombuffer(bytes(buffer) or b"\0", dtype=np.uint8), starts, lengths)


def _digits_into(matrix: NDArray[np.uint8], values: Ints, last: int, width: int) -> None:
    """``values`` (0 or more) in decimal, ``width`` digits each, leading zeros and all, right-aligned in each
    row of ``matrix`` at column ``last``: a digit a pass, each a division by the scalar 10 (numpy divides by a
    scalar without a division an element: a tenth of the time of one by a row of powers of ten)."""
    rest = values
    for column in range(last, last - width, -1):
        rest, digit = np.divmod(rest, 10)
        matrix[:, column] = digit + 48


def digits(values: Ints) -> Part:
    """Whole numbers, 0 or more, in decimal."""
    width = max(len(str(int(values.max(initial=0)))), 1)
    matrix = np.empty((len(values), width), dtype=np.uint8)
    _digits_into(matrix, values, width - 1, width)
    count = np.searchsorted(10 ** np.arange(1, width + 1, dtype=np.int64), values, side="right") + 1
    return Part(matrix.ravel(), np.arange(len(values)) * width + width - count, count)


def money(cents: Ints) -> list[Part]:
    """Cents as ``407.90`` or ``-0.05``: sign, whole dollars, point, two places; one part, each amount at the
    right of its row of a matrix as wide as the widest."""
    size = np.abs(cents)
    dollars = size // 100
    width = max(len(str(int(dollars.max(initial=0)))), 1)
    matrix = np.empty((len(cents), width + 4), dtype=np.uint8)
    _digits_into(matrix, dollars, width, width)
    matrix[:, width + 1] = ord(".")
    _digits_into(matrix, size % 100, width + 3, 2)
    count = np.searchsorted(10 ** np.arange(1, width + 1, dtype=np.int64), dollars, side="right") + 1
    first = width + 1 - count - (cents < 0)  # the first digit, or the minus sign before it
    matrix[np.arange(len(cents)), first] = np.where(cents < 0, ord("-"), matrix[np.arange(len(cents)), first])
    rows = np.arange(len(cents), dtype=np.int64) * (width + 4)
    return [Part(matrix.ravel(), rows + first, width + 4 - first)]


def _same(part: Part) -> bool:
    """Whether a part is the same bytes on every line: its whole buffer (as :func:`constant` makes it; a part's
    bytes lie in its buffer, so each then starts at 0)."""
    return bool(len(part.lengths)) and bool((part.lengths == len(part.buffer)).all())


def _joined(parts: list[Part]) -> list[Part]:
    """The parts, each run of parts the same on every line made one (an XML cell's closing tags and the next
    cell's opening ones): fewer copies."""
    out: list[Part] = []
    for part in parts:
        if out and _same(out[-1]) and _same(part):
            out[-1] = constant(out[-1].buffer.tobytes() + part.buffer.tobytes(), len(part.lengths))
        else:
            out.append(part)
    return out


def lines(parts: list[Part]) -> bytes:
    """Each line's parts one after the other, all lines one after the other."""
    parts = _joined([part for part in parts if part.lengths.any()])  # a part empty on every line: no pass
    if not parts:
        return b""
    widths = [int(part.lengths.max()) for part in parts]
    size = sum(int(part.lengths.sum()) for part in parts)
    if len(parts[0].lengths) * sum(widths) > 3 * size + (1 << 20):  # a cell far wider than the rest
        return _gathered(parts)
    return _padded(parts, widths)


def _padded(parts: list[Part], widths: list[int]) -> bytes:
    """The lines as rows of a matrix, each part in columns as wide as its widest (a 2-D copy each, its window of
    its buffer at each line's start), then the bytes each line's parts hold taken in order: no index a byte."""
    count = len(parts[0].lengths)
    matrix = np.empty((count, sum(widths)), dtype=np.uint8)
    held = np.empty(matrix.shape, dtype=bool)
    at = 0
    for (buffer, starts, lengths), width in zip(parts, widths, strict=True):
        place, whole = slice(at, at + width), bool((lengths == width).all())
        if whole and len(buffer) == width:  # the whole buffer on every line (a comma, a closing tag)
            matrix[:, place] = buffer
        else:
            if int(starts.max()) + width > len(buffer):  # a window past the buffer's end: NULs after it
                buffer = np.concatenate([buffer, np.zeros(width, dtype=np.uint8)])
            matrix[:, place] = np.lib.stride_tricks.sliding_window_view(buffer, width)[starts]
        if whole:
            held[:, place] = True
        else:
            np.less(np.arange(width), lengths[:, None], out=held[:, place])
        at += width
    return matrix[held].tobytes()


def _gathered(parts: list[Part]) -> bytes:
    """The lines as :func:`_padded` makes them, each part's bytes copied to their places by index: for a part far
    wider on a line or two than on the rest, whose matrix would be mostly padding."""
    total = parts[0].lengths.copy()  # summed in place: np.sum of the list would first copy it all into one array
    for part in parts[1:]:
        total += part.lengths
    out = np.empty(int(total.sum()), dtype=np.uint8)
    at = np.concatenate([[0], np.cumsum(total)[:-1]])
    for buffer, starts, lengths in parts:
        low, high = int(lengths.min()), int(lengths.max())
        if low == high:  # the same width on every line (a comma, a date, two places): one 2-D copy
            step = np.arange(high)
            same = len(buffer) == high  # the whole buffer on every line: no gather
            out[at[:, None] + step] = buffer[:high] if same else buffer[starts[:, None] + step]
        elif high == 1:  # one byte or none (a minus sign, a formula guard)
            some = lengths == 1
            out[at[some]] = buffer[starts[some]]
        else:
            some = np.flatnonzero(lengths)
            out[_runs(at[some], lengths[some])] = buffer[_runs(starts[some], lengths[some])]
        at = at + lengths
    return out.tobytes()


def _runs(firsts: Ints, lengths: Ints) -> Ints:
    """``firsts[i]``, ``firsts[i] + 1``, ... ``lengths[i]`` numbers from each (every length 1 or more), one after
    the other: steps of one, but at each run's first number the step from the run before's last (one sum)."""
    if not len(firsts):
        return firsts
    ends = np.cumsum(lengths)
    steps = np.ones(int(ends[-1]), dtype=np.int64)
    steps[0] = firsts[0]
    steps[ends[:-1]] = firsts[1:] - (firsts[:-1] + lengths[:-1]) + 1
    return np.cumsum(steps)
