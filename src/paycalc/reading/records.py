"""Where a CSV file's records begin, for a roster whose quoted cells hold line breaks (a notes column exported
with ``"called 3/2\\nleft message"``): the csv module ends a record at a line feed outside quotes only, so a file
cut into byte ranges at any line feed (:func:`paycalc.reading.files.lines_from`) may be cut inside a cell. Here
each range's start is moved to the first record that begins at it or after it, the file read once, in order,
its quotes counted (a line feed after an even number of them, from the header on, ends a record). Only a
roster found to hold such a cell is read so; the columns then read each range as whole records
(:func:`paycalc.output.csv_bytes.split` with ``records``)."""

from __future__ import annotations

import numpy as np

CHUNK = 1 << 22  # bytes read at a time


def record_starts(path: str, header: int, starts: list[int]) -> list[int]:
    """Each of ``starts`` (ascending, each at ``header`` or after: the first line after the header begins there)
    moved to the offset of the first record that begins there or after (the file's size past the last)."""
    found = [header for start in starts if start <= header]  # the first line after the header
    with open(path, "rb") as file:
        file.seek(header)
        at, odd = header, 0  # the offset read to, and the quotes before it from the header, modulo 2
        while len(found) < len(starts) and (chunk := file.read(CHUNK)):
            data = np.frombuffer(chunk, dtype=np.uint8)
            marks = np.flatnonzero((data == 34) | (data == 10))
            quote = data[marks] == 34
            before = (np.cumsum(quote, dtype=np.int64) + odd) & 1  # quotes up to each mark, from the header
            begins = at + marks[~quote & (before == 0)] + 1  # a record begins after each feed outside quotes
            for start in starts[len(found) :]:
                place = int(np.searchsorted(begins, start))
                if place == len(begins):
                    break
                found.append(int(begins[place]))
            odd = (odd + int(np.count_nonzero(quote))) & 1
            at += len(chunk)
    return found + [at] * (len(starts) - len(found))
