"""``paycalc retro --roster`` and ``paycalc cost --roster`` in columns: a plain CSV roster read in blocks of whole
lines, each priced as arrays (:mod:`paycalc.output.roster_blocks`, :mod:`paycalc.output.member_columns`), in
``--jobs`` processes for a long one; retro's totals, one per id, written as CSV or JSON in the rows' order.

It takes a roster only when it answers byte for byte what the row-by-row path answers; anything else raises
:class:`~paycalc.membership.unpriced.Unpriced` before a byte is kept, and the caller prices the roster row by
row (which also names any row in error). What is read in columns, what goes through a CSV twin
(:mod:`paycalc.jobs.twins`: an .xlsx sheet, steps placed, the command line's values filled) and what is left to
the row-by-row path is listed in docs/retro.md ("Long rosters, in columns").
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO, cast

from paycalc.contract.models import Instalment
from paycalc.jobs import why
from paycalc.jobs.progress import shown_progress
from paycalc.membership.unpriced import Unpriced
from paycalc.output.roster_out import Shape
from paycalc.reading.files import mean_line

if TYPE_CHECKING:
    from paycalc.output.roster_blocks import Done
    from paycalc.output.roster_groups import Group

BREAK = "a line break inside quotes"  # a block cut by lines, not records (csv_bytes.split): cut again by records
BLOCK = 1 << 22  # bytes read at a time, for lines of LINE bytes (about 60,000 rows): memory follows the block
LINE = 70  # bytes of a plain roster's line; a wider one's blocks are as much longer (rows set a block's cost)
COST_BLOCK = 1 << 20  # bytes of a costing roster at a time (about 25,000 members): the arrays of each are freed
LONG = 1 << 25  # bytes (about 440,000 rows): by default, a longer roster is priced in a process per core (a
# second process starts in about 0.25 s: on two cores it paid for itself from about 300,000 rows, bench/shapes.py)


def priced(
    source: str,
    output: str,
    contract: Any,
    method: tuple[str, datetime.date | None, int | None],
    jobs: int | None,
    header_of: Callable[[list[str]], tuple[list[str], list[str]]],
    instalments: tuple[Instalment, ...] = (),
    as_json: bool = False,
    defaults: tuple[dict[str, str], dict[str, str]] = ({}, {}),
    paid_by: tuple[Any, tuple[int, ...]] | None = None,
    skipped: list[tuple[int, str]] | None = None,
    late: list[int] | None = None,
    grown: Iterator[tuple[int, int, int]] | None = None,
) -> bool:
    """Write the roster's totals in columns when the roster and the run allow it; True when written.
    ``header_of`` checks the header's names, as the row-by-row path does, and gives them as paycalc reads
    them with the columns carried through; ``instalments`` split each id's retro wages in columns of their own;
    ``as_json`` writes the JSON records of ``--format json`` instead of CSV; ``defaults``: the command line's
    ``from``/``to`` and paid terms, for rows without their own; ``paid_by``: what was paid, a contract's scale,
    with the fiscal years whose retro wages each total gives; ``skipped``: with ``--skip-invalid``, where the rows
    left out are put (line, reason), in order; ``late``: where the lines of the rows hired after their first day
    are put, as row by row names them (a twin's: its rows' numbers, 1 = the first after the header, for its
    caller to place). ``grown``: the byte ranges of a roster still being written, each whole when given (a sheet's
    twin, as its sheet is parsed), priced in this process."""
    from paycalc.membership.columnar import Pricer
    from paycalc.output.files import write_atomically

    plain = plain_roster(source)
    if plain is None:
        return False
    first, size = plain
    try:
        raw = header_cells(first)
        Pricer(contract, *method, paid_by)  # refuses what it cannot price (pay cycles the contract has not)
    except UnicodeDecodeError:
        return why.decline("a header that is not UTF-8")
    except Unpriced as exc:
        return why.decline(str(exc))
    header, carried = header_of(raw)
    # a twin's ranges end where its rows do (whole records); a skipped row's line is counted in a twin's rows
    records = grown is not None and skipped is None
    if grown is not None:  # a twin priced as its sheet is parsed: in this process, its ranges as they come
        where: Iterable[tuple[int, int, int]] = grown
        jobs = 1
    else:
        if jobs is None:  # by default, more processes only where they pay for their start
            from paycalc.membership.pool import cores

            jobs = cores() if size >= LONG else 1
        where = ranges(len(first), size, _block(source, len(first)))
    terms = contract, method, instalments

    def attempt(where: Iterable[tuple[int, int, int]], records: bool) -> None:
        def write(out: Any) -> None:
            write_totals(source, where, header, carried, terms, out, jobs, as_json, defaults, paid_by, skipped, late,
                         records)  # fmt: skip

        write_atomically(output, write)

    try:
        try:
            attempt(where, records)
        except Unpriced as exc:  # a block cut inside a quoted cell: the roster cut again, at its records
            if str(exc) != BREAK or grown is not None:  # (a twin's ranges are its records already)
                raise
            attempt(in_records(source, cast("list[tuple[int, int, int]]", where), size), True)
    except Unpriced as exc:
        return why.decline(str(exc))
    if late and grown is None:  # the rows' lines, as the row-by-row path names them (a twin's: its caller)
        from paycalc.reading.files import row_lines

        late[:] = row_lines(source, late)
    return True


def in_records(source: str, where: list[tuple[int, int, int]], size: int) -> list[tuple[int, int, int]]:
    """The byte ranges ``where`` of a roster of ``size`` bytes, each moved to begin where a record does (a quoted
    cell may hold a line break: :mod:`paycalc.reading.records`)."""
    from paycalc.reading.records import record_starts

    header = where[0][2] if where else 0
    cut = record_starts(source, header, [start for start, _, _ in where])
    return [(start, stop, header) for start, stop in zip(cut, [*cut[1:], size], strict=True)]


def plain_roster(source: str) -> tuple[bytes, int] | None:
    """A roster's first line (its header) and its size in bytes, when the roster is a regular file whose header
    the csv module reads by commas alone; else None (the row-by-row path reads it, and says what is wrong)."""
    import stat

    if source == "-":
        return None
    try:
        status = os.stat(source)
        if not stat.S_ISREG(status.st_mode):
            why.decline("not a regular file (a pipe is read once, as it comes)")
            return None  # a pipe or a device is read once, as it comes, row by row
        with open(source, "rb") as file:
            first = file.readline()
    except OSError as exc:
        why.decline(f"it cannot be read ({exc.strerror})")
        return None
    line = first.removesuffix(b"\n").removesuffix(b"\r")
    if not first.endswith(b"\n") or line.count(b'"') % 2 or any(c in line for c in (b"\r", b"\0")):
        why.decline("a header line the csv module reads past its line end (a quote, a carriage return or a NUL)")
        return None  # a header going on past its line: the csv module says what it makes of it
    return first, status.st_size


def _block(source: str, header: int) -> int:
    """A block's bytes: :data:`BLOCK` for lines of :data:`LINE` bytes, as many more as its first lines are wider."""
    return max(1, round(BLOCK * mean / LINE)) if (mean := mean_line(source, header)) else BLOCK


def header_cells(first: bytes) -> list[str]:
    """The names of a header line as the csv module reads them (a byte-order mark skipped, quotes taken off)."""
    import csv

    text = first.decode("utf-8").removeprefix("\ufeff").removesuffix("\n").removesuffix("\r")
    return next(csv.reader([text])) if '"' in text else text.split(",")


def ranges(header: int, size: int, block: int | None = None) -> list[tuple[int, int, int]]:
    """The byte ranges a roster of ``size`` bytes, its header ``header`` bytes long, is priced in (``block``
    bytes each, by default :data:`BLOCK`, read when called): each process reads the whole lines that begin in
    its range (:func:`paycalc.reading.files.lines_from`). The last two blocks' bytes go in quarters, so the
    processes end together: a process that ends first waits for the others' last blocks, a quarter of a block
    each at most."""
    block = block or BLOCK
    starts = list(range(header, size, block))
    if len(starts) > 2:
        starts[-2:] = range(starts[-2], size, max(block // 4, 1))
    stops = [*starts[1:], size] if starts else []
    return [(start, stop, header) for start, stop in zip(starts, stops, strict=True)]


def write_totals(
    source: str,
    where: Iterable[tuple[int, int, int]],
    header: list[str],
    carried: list[str],
    terms: tuple[Any, Any, tuple[Instalment, ...]],
    out: TextIO,
    jobs: int,
    as_json: bool = False,
    defaults: tuple[dict[str, str], dict[str, str]] = ({}, {}),
    paid_by: tuple[Any, tuple[int, ...]] | None = None,
    skipped: list[tuple[int, str]] | None = None,
    late: list[int] | None = None,
    records: bool = False,
) -> None:
    """Price ``source`` (its header checked, names as paycalc reads them) into ``out``: the roster CSV,
    its byte ranges ``where`` in ``jobs`` processes; ``terms``: the contract, the pay method and instalments;
    written as CSV, or ``as_json``; rows without their own days or paid terms take ``defaults``; with
    ``skipped``, rows whose title, work or paid terms the rules refuse are left out, and put in it (the line, the
    reason), in order; ``late``: the numbers of the rows hired after their first day; ``records``: each range
    begins and ends where a record does (quoted cells may hold line breaks)."""
    import numpy as np

    from paycalc.membership.pool import Ordered, each
    from paycalc.output import row_skips
    from paycalc.output.roster_blocks import Blocks
    from paycalc.output.totals_layout import Layout
    from paycalc.reading.files import LineNumbers

    offer = terms[0].proposal
    years = paid_by[1] if paid_by is not None else ()
    layout = Layout(Shape(carried, offer is not None, bool(offer and offer.lump_sums), years), terms[2], as_json)
    out.write(layout.head())
    hashes: list[Any] = []  # of every id written: an id repeated after other ids is found at the end
    pending: list[Group] = []  # the last id so far: its rows may go on in the next block
    opened = [not as_json]  # a JSON record written: those after it follow their comma

    def put(text: str | bytes, hashed: Any) -> None:
        if isinstance(text, bytes):  # a block's lines, UTF-8 already: as they are (not decoded, encoded again)
            out.flush()  # what the text layer holds goes first
            out.buffer.write(text)
        else:
            if text and not opened[0]:  # the first JSON record (a group's, never a block's) has no comma before it
                text, opened[0] = text.removeprefix(","), True
            out.write(text)
        hashes.append(hashed)

    def put_group(group: Group) -> None:
        put(group.written(layout), np.array([group.hash], dtype=np.uint64))

    def write(part: tuple[int, int, int], done: Done | None) -> None:
        advance(part[1] - part[0])
        if done is None:
            return
        if late is not None:
            late.extend(seen[0] + 1 + row for row in done.late)
        seen[0] += done.rows
        first = done.first
        if first is not None:  # the next kept row of the rows left out before this block: its first
            maybe.extend(skip.hash for skip, person in unsure if row_skips.finished(skip, person, first.id))
            unsure.clear()
        if done.skipped and skipped is not None:
            line = lines.first(part[0], part[2])
            skipped.extend((line + skip.line, skip.reason) for skip in done.skipped)
            for skip in done.skipped:  # the id summed when the row came: kept before it in its block, or pending
                person = skip.before if skip.before is not None else pending[0].id if pending else None
                if skip.then_same is None:
                    unsure.append((skip, person))
                elif row_skips.finished(skip, person, None):
                    maybe.append(skip.hash)  # may not be an id written before it (row by row says otherwise)
        if first is None:  # every row left out
            return
        if pending and pending[0].id == first.id:
            first = pending.pop().joined(first)
        elif pending:
            put_group(pending.pop())
        if done.last is None:
            pending.append(first)
            return
        put_group(first)
        put(done.body, done.hashes)
        pending.append(done.last)

    for said in (skipped, late):
        if said is not None:
            said.clear()  # from an attempt before (JSON is tried twice)
    seen = [0]  # rows so far
    lines = LineNumbers(source)
    maybe: list[int] = []  # hashes of the ids of rows left out that no id written may have
    unsure: list[tuple[Any, str | None]] = []  # rows left out whose next kept row is in a block to come (and the
    # id summed when they came)
    skip = skipped is not None
    blocks = Blocks(source, terms[0], header, carried, terms[1], layout, defaults, paid_by, skip, records)
    with (
        shown_progress(where[-1][1] - where[0][0] if isinstance(where, list) and where else 0) as advance,
        Ordered[tuple[int, int, int]](blocks, jobs) as pool,
    ):
        each(pool, ((part, part) for part in where), write)
    if pending:
        put_group(pending.pop())
    maybe.extend(skip.hash for skip, person in unsure if row_skips.finished(skip, person, None))
    out.write(layout.tail())
    # each block's are sorted already: a stable sort (a merge of sorted runs) is quick
    every = np.sort(np.concatenate(hashes), kind="stable") if hashes else np.zeros(0, dtype=np.uint64)
    if (every[1:] == every[:-1]).any():
        raise Unpriced("an id may appear twice")  # the row-by-row path says where, or writes it if not
    if maybe and np.isin(np.array(maybe, dtype=np.uint64), every).any():
        raise Unpriced("a row left out whose id may be one finished before it")
