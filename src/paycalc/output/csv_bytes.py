"""A plain CSV block as arrays of byte offsets, and CSV lines made from arrays: numpy, no Python per row.

*Plain* means what :func:`check` and :func:`split` let through: whole lines, UTF-8, no NUL, no carriage
return but before a line feed, and double quotes only around a whole cell (``"Smith, Jane"``, as every export
writes a name), with no quote inside but doubled ones (``"O""Neil"``), and no line break inside but in a block
of whole records (``records``: cut at line feeds outside quotes, :mod:`paycalc.reading.records`). The csv module
reads such a block by splitting each line on the commas outside quotes and taking the quotes off, and so does
:func:`split`, into the offsets of each cell's text in the block (inside its quotes). The cells are then read
as arrays: dates (:mod:`paycalc.output.csv_dates`), columns of few distinct values (:func:`distinct`, exact:
each distinct value is compared byte for byte), and cells with spaces around them found (:func:`padded`).

Lines are written the other way by :mod:`paycalc.output.csv_lines`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]
    Bytes = NDArray[np.uint8]

# the bytes that start or end a cell str.strip() would change: ASCII white space, and the lead and last
# bytes of the UTF-8 of other white space (\x85, \xa0, \u1680, \u2000-\u200a, \u2028-\u3000), checked exactly
_SPACE = np.zeros(256, dtype=bool)
_SPACE[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32]] = True
_MAYBE_FIRST = np.zeros(256, dtype=bool)
_MAYBE_FIRST[[0xC2, 0xE1, 0xE2, 0xE3]] = True
_MAYBE_LAST = np.zeros(256, dtype=bool)
_MAYBE_LAST[0x80:] = True
_WIDEST = 256  # bytes: a column of distinct values wider than this is not read here


class Plainness(Exception):
    """The block is not plain (or a column not as expected): the csv module must read it."""


class Cells(NamedTuple):
    data: Bytes  # the block, and NULs after it
    starts: Ints  # [row][column]: the offset of each cell's first byte (inside its quotes)
    ends: Ints  # [row][column]: the offset just past its last byte
    commas: NDArray[np.bool_] | None = None  # [row][column]: a cell written back in quotes (it holds a comma or a
    # doubled quote); None: no quote at all
    escaped: bool = False  # some cell holds a doubled quote (``"O""Neil"``): its bytes are not its text
    breaks: Ints | None = None  # the line feeds inside quoted cells (a block of records), None: no such feed

    def quoted(self, rows: Ints, column: int) -> NDArray[np.bool_]:
        """Which of ``column``'s cells in ``rows`` the csv module writes in quotes: those holding a comma or a
        quote (its bytes, doubled quotes and all, are then what the csv module writes inside the quotes)."""
        marks: NDArray[np.bool_] = np.zeros(len(rows), dtype=bool)
        return marks if self.commas is None else self.commas[rows, column]

    def text(self, rows: Ints | list[int], column: int) -> list[str]:
        """The cells of ``column`` in ``rows``, as strings."""
        pairs = zip(self.starts[rows, column].tolist(), self.ends[rows, column].tolist(), strict=True)
        held: object = self.data.base  # the block's own bytes: a slice costs a fifth of a numpy slice's bytes
        if isinstance(held, bytes) and len(held) == len(self.data):
            found = [held[a:b].decode("utf-8") for a, b in pairs]
        else:
            found = [self.data[a:b].tobytes().decode("utf-8") for a, b in pairs]
        return [text.replace('""', '"') for text in found] if self.escaped else found


def check(block: bytes) -> None:
    """Refuse a block the csv module would read otherwise than by splitting lines on commas."""
    if b"\x00" in block:
        raise Plainness("a NUL")
    try:
        block.decode("utf-8")
    except UnicodeDecodeError:
        raise Plainness("not UTF-8") from None


def without_blank_lines(block: bytes) -> bytes:
    """A block of whole lines without its empty ones (``\n`` or ``\r\n`` alone), which the csv module skips: a
    file's last line left blank, or a blank line between rows. A line break inside quotes stays one."""
    return b"".join(line + b"\n" for line in block.split(b"\n")[:-1] if line not in (b"", b"\r"))


def split(block: bytes, width: int, trim: bool = False, records: bool = False) -> Cells:
    """The cells of a plain block of whole lines (each ending in a line feed), ``width`` to a line; blank lines
    left out. With ``trim``, each cell without the ASCII white space around it (``1, Ed. Asst. B, 2005-09-01``
    as the rules read it: they strip every cell; other white space is left for :func:`padded` to find). With
    ``records`` (a block cut at line feeds outside quotes), a line feed inside quotes is a cell's, as the csv
    module reads it (a notes column's ``"called 3/2\nleft message"``); without, such a feed is not plain (the
    block may have been cut inside the cell)."""
    found = _split(block, width, records)
    if not trim:
        return found
    cut = trimmed(found)
    if found.breaks is None or found.commas is None:
        return cut
    # a cell's line break may be trimmed off with it (``"line one\n"``): its quotes said again from its text
    at = np.unique(np.searchsorted(found.starts.ravel(), found.breaks, side="right") - 1)
    marks = found.commas.copy()
    cells = [bytes(found.data[a:b]).decode() for a, b in zip(cut.starts.ravel()[at], cut.ends.ravel()[at], strict=True)]
    marks.ravel()[at] = [any(c in text for c in ',"\n') for text in cells]
    return cut._replace(commas=marks)


def trimmed(cells: Cells) -> Cells:
    """The cells without the ASCII white space before and after their text (the same cells where none has any)."""
    data, starts, ends = cells.data, cells.starts, cells.ends
    if not (_SPACE[data[starts]] & (starts < ends)).any() and not (_SPACE[data[ends - 1]] & (starts < ends)).any():
        return cells
    starts, ends = starts.copy(), ends.copy()
    while (lead := _SPACE[data[starts]] & (starts < ends)).any():
        starts += lead
    while (trail := _SPACE[data[ends - 1]] & (starts < ends)).any():
        ends -= trail
    return cells._replace(starts=starts, ends=ends)


def _split(block: bytes, width: int, records: bool = False) -> Cells:
    data = np.frombuffer(block + bytes(_WIDEST), dtype=np.uint8)  # NULs after it: a window past a cell stays inside
    quoted = b'"' in block
    feeds = np.flatnonzero(data == 10)
    if quoted:  # a comma or a line feed between an odd-numbered quote and the next is inside a quoted cell
        quotes = np.flatnonzero(data == 34)
        if len(quotes) % 2:
            raise Plainness("a line break inside quotes")
        broken = (np.searchsorted(quotes, feeds) & 1).astype(bool)  # a cell's line breaks: after an odd number
        breaks, feeds = (feeds[broken], feeds[~broken]) if broken.any() else (feeds[:0], feeds)
        if len(breaks) and not records:
            raise Plainness("a line break inside quotes")
    if not len(feeds) or feeds[-1] != len(block) - 1:
        raise Plainness("a line without its end")
    firsts = np.concatenate([[0], feeds[:-1] + 1])
    returns = data[np.maximum(feeds - 1, 0)] == 13  # a carriage return before the feed ends the line too
    cell_returns = np.count_nonzero(data[breaks - 1] == 13) if quoted else 0  # a cell's CRLF, its own
    if b"\r" in block and np.count_nonzero(data == 13) != np.count_nonzero(returns) + cell_returns:
        raise Plainness("a carriage return inside a line")
    lasts = feeds - returns
    if (lasts == firsts).any():  # a blank line, which the csv module skips: read the block without them
        if quoted and len(breaks):
            raise Plainness("a blank line among records with line breaks inside quotes")
        return _split(without_blank_lines(block), width, records)
    commas = np.flatnonzero(data == 44)
    if quoted:  # the cells written back in quotes: those with a comma or a line break inside
        within = _within(commas, quotes[0::2], quotes[1::2])
        inside = np.concatenate([commas[within], breaks]) if len(breaks) else commas[within]
        commas = np.delete(commas, within)
    per_line = np.diff(np.searchsorted(commas, feeds), prepend=0)
    ragged = bool((per_line != width - 1).any())  # short lines end in blank cells; long ones, in blank cells past
    # the header (a sheet's used range wider than its columns)
    inner, last = (
        _ragged(data, commas, per_line, lasts, width) if ragged else (commas.reshape(len(feeds), width - 1), lasts)
    )
    starts = np.concatenate([firsts[:, None], inner + 1], axis=1)
    ends = np.concatenate([inner, np.maximum(last, firsts)[:, None]], axis=1)
    if ragged:
        np.minimum(starts, ends, out=starts)  # a cell a short line has not: empty, at the line's end
    if not quoted:
        return Cells(data, starts, ends)
    found = _unquoted(data, starts, ends, quotes, inside)
    return found._replace(breaks=breaks) if len(breaks) else found


def _within(points: Ints, opens: Ints, closes: Ints) -> Ints:
    """Where in ``points`` (sorted offsets) those lie between an ``opens`` and its ``closes`` (sorted pairs)."""
    first = np.searchsorted(points, opens)
    counts = np.searchsorted(points, closes) - first  # each pair's: its points' places, first[k] on
    at: Ints = np.arange(int(counts.sum())) + np.repeat(first - (np.cumsum(counts) - counts), counts)
    return at


_PAST = ~np.isin(np.arange(256), [44, 32, 9])  # the bytes no blank cell past the header holds: all but , and blanks


def _ragged(data: Bytes, commas: Ints, per_line: Ints, lasts: Ints, width: int) -> tuple[Ints, Ints]:
    """The commas between each line's cells, ``[line][0..width - 1)``, and where each line's last cell ends, for
    lines of any width, as csv.DictReader reads them: a short line's missing cells are blank (placed at its end:
    the line's own end stands in for each missing comma), a long line's cells past the header must be blank
    (commas, spaces and tabs alone: a sheet's used range wider than its columns), or the block is not plain."""
    lines, before = len(lasts), np.cumsum(per_line) - per_line
    line_of = np.repeat(np.arange(lines), per_line)
    place = np.arange(len(commas)) - before[line_of]  # each comma's number in its line
    inner = np.repeat(lasts[:, None], width - 1, axis=1)
    kept = place < width - 1
    inner[line_of[kept], place[kept]] = commas[kept]
    last = lasts.copy()
    long = np.flatnonzero(per_line > width - 1)
    if len(long):
        last[long] = commas[before[long] + width - 1]  # the comma after the header's last cell
        past = np.concatenate([[0], np.cumsum(_PAST[data])])  # bytes no blank cell holds, up to each offset
        if (past[lasts[long]] - past[last[long]]).any():
            raise Plainness("a cell past the header")  # row by row names its line, or reads it blank
    return inner, last


def _unquoted(data: Bytes, starts: Ints, ends: Ints, quotes: Ints, inside: Ints) -> Cells:
    """The cells inside their quotes: each quote must open a cell, close it, or be one of a doubled pair inside
    a quoted cell (``"O""Neil"``; ``"a"b``, ``a"b`` and a lone quote inside are the csv module's to read), and
    which cells are written back in quotes: those holding a comma or a doubled quote."""
    opened = (data[starts] == 34) & (ends > starts)
    at = np.flatnonzero(opened)  # the quoted cells (row by row, each's offsets after the last's)
    flat_starts, flat_ends = starts.ravel(), ends.ravel()
    escaped = len(quotes) != 2 * len(at)
    commas = np.zeros(starts.shape, dtype=bool)
    paired = np.array_equal(quotes[0::2], flat_starts[at]) and np.array_equal(quotes[1::2], flat_ends[at] - 1)
    if escaped or not paired:
        # some quote neither opens a cell nor closes it: each opened cell must close, the rest be doubled pairs
        closed = opened & (ends - starts >= 2) & (data[np.maximum(ends - 1, 0)] == 34)
        if (opened != closed).any():
            raise Plainness("a double quote inside a cell")
        cell = np.searchsorted(flat_starts, quotes, side="right") - 1
        inner = (quotes > flat_starts[cell]) & (quotes < flat_ends[cell] - 1) & opened.ravel()[cell]
        pairs = quotes[inner]
        if len(pairs) + 2 * len(at) != len(quotes) or len(pairs) % 2 or (pairs[1::2] - pairs[0::2] != 1).any():
            raise Plainness("a double quote inside a cell")
        commas.ravel()[cell[inner]] = True
    commas.ravel()[np.searchsorted(flat_starts, inside, side="right") - 1] = True  # the cell each inner comma is in
    row, column = np.divmod(at, starts.shape[1])  # inside the quotes (the arrays are this block's own)
    starts[row, column], ends[row, column] = starts[row, column] + 1, ends[row, column] - 1
    return Cells(data, starts, ends, commas, escaped)


def unnamed_blank(cells: Cells, header: list[str]) -> None:
    """Refuse a block with a cell that is not blank under a column with no name (a spreadsheet's trailing commas
    give every line blank ones): the row-by-row path names its line."""
    unnamed = [n for n, name in enumerate(header) if not name]
    if unnamed and (cells.ends[:, unnamed] > cells.starts[:, unnamed]).any():
        raise Plainness("a cell under a column with no name")


def windows(data: Bytes, width: int) -> NDArray[np.uint8]:
    """Every run of ``width`` bytes of ``data`` (which ends in NULs enough), as a view: ``[offset][0..width)``."""
    return np.lib.stride_tricks.sliding_window_view(data, width)


def _matrix(cells: Cells, columns: list[int], rows: Ints | slice = slice(None)) -> NDArray[np.uint64]:
    """The cells of ``columns`` side by side as 64-bit words, each column's cells padded with NULs to its
    widest (no cell holds a NUL, so two rows are equal exactly when their words are)."""
    starts = [cells.starts[rows, column] for column in columns]
    lengths = [cells.ends[rows, column] - start for start, column in zip(starts, columns, strict=True)]
    widths = []
    for length in lengths:
        width = int(length.max(initial=0))
        if width > _WIDEST:
            raise Plainness("a wide cell")
        widths.append(-(-width // 8) * 8)
    matrix = np.empty((len(cells.starts[rows]), sum(widths)), dtype=np.uint8)
    at = 0
    for start, length, width in zip(starts, lengths, widths, strict=True):  # each cell's bytes, NULs after
        np.multiply(
            windows(cells.data, width)[start], np.arange(width) < length[:, None], out=matrix[:, at : at + width]
        )
        at += width
    return matrix.view(np.uint64)


def _hashed(words: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """A 64-bit number for each row of words, the same in every process (plain arithmetic, wrapping), and the
    same however many words of NULs pad it: a block pads a cell to its widest, and an id in two blocks of
    different widths has one hash, so a repeated id is found across them."""
    weights = np.uint64(0x9E3779B97F4A7C15) ** np.arange(1, words.shape[1] + 1, dtype=np.uint64)
    hashed: NDArray[np.uint64] = (words * weights).sum(axis=1, dtype=np.uint64)
    return hashed


def hashes(cells: Cells, column: int) -> NDArray[np.uint64]:
    """A hash of each row's cell of ``column``, as :func:`changes` gives them."""
    return _hashed(_matrix(cells, [column]))


def changes(cells: Cells, column: int) -> tuple[Ints, NDArray[np.uint64]]:
    """The rows whose cell of ``column`` differs from the row before's (the first row too), and a hash of
    each of their cells: equal cells have equal hashes, in every process."""
    matrix = _matrix(cells, [column])
    firsts = np.flatnonzero(np.concatenate([[True], (matrix[1:] != matrix[:-1]).any(axis=1)]))
    return firsts, _hashed(matrix[firsts])


def distinct(cells: Cells, columns: list[int]) -> tuple[Ints, list[int]]:
    """Each row's number for its cells of ``columns`` (rows with the same cells, byte for byte, share it),
    and a row holding each number's cells."""
    if not columns:
        return np.zeros(len(cells.starts), dtype=np.int64), [0]
    matrix = _matrix(cells, columns)
    _, first, number = np.unique(_hashed(matrix), return_index=True, return_inverse=True)
    number = number.reshape(-1)
    if (matrix != matrix[first[number]]).any():  # two different cells with one hash: compare as bytes
        _, first, number = np.unique(matrix, axis=0, return_index=True, return_inverse=True)
        number = number.reshape(-1)
    return number.astype(np.int64), first.tolist()


def padded(cells: Cells, column: int) -> bool:
    """Whether any cell of ``column`` starts or ends with white space (str.strip() would change it)."""
    start, end = cells.starts[:, column], cells.ends[:, column]
    full = end > start  # (an empty cell's bytes looked at are its neighbours', and not taken)
    first, last = cells.data[start], cells.data[end - 1]
    if (full & (_SPACE[first] | _SPACE[last])).any():
        return True
    maybe = np.flatnonzero(full & (_MAYBE_FIRST[first] | _MAYBE_LAST[last]))
    return any(text != text.strip() for text in cells.text(maybe, column))
