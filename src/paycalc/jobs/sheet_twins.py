"""A sheet's CSV twin from its text as it stands, priced (:func:`sheet_priced`) or costed (:func:`sheet_costed`) in
columns as the sheet is parsed: the text fastexcel's Arrow columns make (:mod:`paycalc.output.arrow_text`), or
python-calamine's cells (:mod:`paycalc.reading.sheet_text`) where that text cannot serve."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO

from paycalc.contract.models import Contract, Instalment
from paycalc.membership.unpriced import Unpriced


def sheet_priced(rows: Any, *args: Any) -> bool:
    """:func:`sheet_text_priced` from fastexcel's text where the sheet offers it, and where that text cannot
    serve (a column of mixed kinds, a true/false cell), again from python-calamine's."""
    before = getattr(rows, "arrow_tried", True)
    if sheet_text_priced(rows, *args):
        return True
    return not before and rows.arrow_tried and sheet_text_priced(rows, *args)


def sheet_text_priced(
    rows: Any,
    output: str,
    terms: tuple[Contract, Any, int | None, Any],
    split: tuple[Instalment, ...],
    as_json: bool,
    defaults: tuple[dict[str, str], dict[str, str]],
    paid_by: tuple[Any, tuple[int, ...]] | None = None,
    skipped: list[tuple[int, str]] | None = None,
    late: list[int] | None = None,
) -> bool:
    """A sheet priced in columns from its text as it stands (:func:`sheet_texts`, or ``rows.csv_body``), as a CSV
    roster is: a step column, the command line's ``defaults`` and a paid contract's scale (``paid_by``) left
    to the columns (no row made a mapping); ``terms``: the contract, the pay method, ``--jobs`` and the
    header's check; ``skipped``: with ``--skip-invalid``, where the rows left out are put (their sheet rows,
    the reasons); ``late``: the numbers of the rows hired after their first day. False where its text cannot be
    made at once or the columns decline it (the caller tries a twin made row by row, or the rows)."""
    from paycalc.jobs.columnar import priced

    header = list(rows.header)
    if len(set(header)) != len(header):
        return False
    texts = sheet_texts(rows)  # the text of the first pieces, priced while the threads parse the last
    body = rows.csv_body() if texts is None else None
    if texts is None and body is None:
        return False
    with _twin_file(header, body or "") as (twin, out):
        lines = None if skipped is None else list[tuple[int, str]]()
        grown = None if texts is None else growing(texts, out)
        if not priced(twin, output, *terms, split, as_json, defaults, paid_by, lines, late, grown):
            return False
    if skipped is not None:  # the twin's lines as the sheet's rows (its blank rows are not in it)
        skipped[:] = [(rows.row_of(line), reason) for line, reason in lines or []]
    if late:  # the twin's rows (1 = its first after the header, line 2) as the sheet's
        late[:] = [rows.row_of(number + 1) for number in late]
    return True


def sheet_texts(rows: Any) -> Iterator[str | bytes] | None:
    """A sheet's text after its header, a piece at a time as it is parsed: from fastexcel's Arrow columns
    (:mod:`paycalc.output.arrow_text`; the sheet rows of its lines told to ``rows`` at the end), or python-calamine's
    cells (``rows.stream``); None where neither serves."""
    pieces = rows.arrow_pieces() if hasattr(rows, "arrow_pieces") else None
    if pieces is None:
        texts: Iterator[str] | None = rows.stream()
        return texts

    def made() -> Iterator[bytes]:
        from paycalc.output import arrow_text

        lines: list[int] = []
        yield from arrow_text.texts(pieces, len(rows.header), lines)
        rows.found_lines(lines)

    return made()


def growing(texts: Iterator[str | bytes], out: BinaryIO, most: int | None = None) -> Iterator[tuple[int, int, int]]:
    """The byte ranges of a twin written as its sheet is parsed: each piece's text written (and flushed) before
    the range holding it is given, whole lines, ranges of a quarter of :data:`paycalc.jobs.columnar.BLOCK` bytes
    at least, twice as many each time up to a block (the first priced soon, the rest with a block's fewer costs),
    or up to ``most`` (a costing's block); a sheet whose text cannot serve after all (found at a later piece, or
    at its end) declines the columns."""
    from paycalc.jobs.columnar import BLOCK
    from paycalc.reading.sheet_text import Declined

    header = start = at = out.tell()
    size = min(BLOCK // 4, most or BLOCK)  # the first ranges small, priced while the sheet's last pieces are parsed
    try:
        for text in texts:
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            out.write(data)
            at += len(data)
            if at - start >= size:
                out.flush()
                yield start, at, header
                start, size = at, min(2 * size, most or BLOCK)
    except Declined as exc:
        raise Unpriced(str(exc)) from None
    out.flush()
    if at > start:
        yield start, at, header


def sheet_costed(
    rows: Any, cost: Callable[[str, list[str], Iterator[tuple[int, int, int]]], Any]
) -> tuple[bool, Any] | None:
    """A sheet costed in columns as it is parsed (:func:`sheet_texts`): its twin's text written a piece at a time and
    ``cost(twin, header, ranges)`` (:func:`paycalc.jobs.columnar_cost.costed`) reading its byte ranges as they come.
    None where the sheet is not parsed as it comes (nothing read); else whether its text served (False: turned
    down at a later piece, the caller makes a twin otherwise) and the costing (None where the columns declined)."""
    from paycalc.jobs.columnar import COST_BLOCK, header_cells
    from paycalc.reading.sheet_text import Declined

    header = list(rows.header)
    before = getattr(rows, "arrow_tried", True)
    texts = sheet_texts(rows) if len(set(header)) == len(header) else None
    arrow = not before and rows.arrow_tried  # fastexcel's text
    if texts is None:
        return None
    served = [True]

    def watched() -> Iterator[str | bytes]:
        try:
            yield from texts
        except Declined:
            served[0] = False
            raise

    with _twin_file(header) as (twin, out):
        found = cost(twin, header_cells(_line(header)), growing(watched(), out, COST_BLOCK))
    if arrow and not served[0]:  # fastexcel's text could not serve: python-calamine's
        return sheet_costed(rows, cost)
    return served[0], found


def _line(cells: list[str]) -> bytes:
    """A CSV line of ``cells``, as :class:`csv.writer` writes it."""
    named = io.StringIO()
    csv.writer(named, lineterminator="\n").writerow(cells)
    return named.getvalue().encode("utf-8")


@contextmanager
def _twin_file(header: list[str], body: str = "") -> Iterator[tuple[str, BinaryIO]]:
    """A twin's temporary file (removed after, a signal included) and its stream, ``header`` and ``body`` written
    and flushed (the columns read the file back before the rest is written). No cyclic garbage collection
    meanwhile: the sheet's cells, a million objects in no cycle, made as the twin is priced, would each be walked
    by the collector's passes for nothing (a twentieth of a second of 100,000 members' workbook)."""
    from paycalc.output.files import signals_unwind, temporary
    from paycalc.reading.sheet_text import uncollected

    with (
        signals_unwind(),
        temporary("paycalc-", ".csv") as (handle, twin),
        os.fdopen(handle, "wb") as out,
        uncollected(),
    ):
        out.write(_line(header) + body.encode("utf-8"))
        out.flush()
        yield twin, out
