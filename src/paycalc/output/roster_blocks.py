"""A block of a plain CSV roster in, the lines of its totals out: what each pricing process does.

A block is whole lines of the roster after its header. :class:`Blocks` cuts them into cells
(:mod:`paycalc.output.csv_bytes`; a plain roster has no double quote, so these are the csv module's
cells), reads the dates as arrays and each distinct title, work and paid terms once, through the same
functions as the row-by-row path (remembered from block to block), prices the rows with
:mod:`paycalc.membership.columnar` and sums them per id. The first and last ids of a block come back
apart (:class:`Group`), since their rows may go on in the blocks beside it; the ids between them come
back as finished CSV lines. Anything the row-by-row path reads otherwise or refuses raises
:class:`~paycalc.membership.unpriced.Unpriced`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from paycalc.contract.errors import PaycalcError
from paycalc.contract.inputs import to_roster_date
from paycalc.contract.models import Contract
from paycalc.membership.columnar import Pricer
from paycalc.membership.roster import REQUIRED, WORK_COLUMNS, filler, hire_date, paid_of, work_of
from paycalc.membership.unpriced import Unpriced
from paycalc.output import csv_amounts, csv_bytes, csv_dates, row_skips
from paycalc.output.csv_bytes import Cells, Plainness
from paycalc.output.roster_groups import Group, instalments
from paycalc.output.totals_layout import Layout
from paycalc.reading.files import lines_from

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

MAX_CELL = 10_000  # bytes: the row-by-row path refuses a cell of more characters than this


class Done(NamedTuple):
    first: Group | None  # None when --skip-invalid left every row out
    body: bytes  # the CSV lines of the ids between the first and the last
    last: Group | None  # None when the block holds one id
    hashes: NDArray[np.uint64]  # of the ids in ``body``, sorted (the run's check of repeated ids merges them)
    skipped: tuple[row_skips.Skip, ...] = ()  # rows --skip-invalid left out
    late: tuple[int, ...] = ()  # rows hired after their first day (counted in the block's rows from 0)
    rows: int = 0  # the block's rows (blank lines left out), those left out too


class Blocks:
    """Prices blocks of one roster; sent once to each pricing process, where it keeps its own memos."""

    def __init__(
        self,
        source: str,
        contract: Contract,
        header: list[str],
        carried: list[str],
        method: tuple[Any, ...],
        layout: Layout,
        defaults: tuple[dict[str, str], dict[str, str]] = ({}, {}),
        paid_by: tuple[Contract, tuple[int, ...]] | None = None,  # what was paid: a contract's scale, by year
        skip: bool = False,  # --skip-invalid: rows whose title, work or paid terms the rules refuse left out
        records: bool = False,  # each range whole records (cut at line feeds outside quotes: a cell's kept)
    ) -> None:
        self.source, self.skip, self.records = source, skip, records
        self.paid_by = paid_by
        self.defaults = defaults  # the command line's from and to, and paid terms, for rows without their own
        self.layout = layout  # CSV or JSON, with each id's retro wages split in its instalments
        self.contract = contract
        self.header = header
        self.carried = carried
        self.method = method
        self._pricer: Pricer | None = None
        self._memos: dict[str, dict[Any, int]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_pricer": None, "_memos": {}}

    def run(self, where: tuple[int, int, int]) -> Done | None:
        """The totals of the lines that begin in a byte range of the roster, ``(start, stop, header)``
        with the header's length in bytes (see the module's text); None when none does."""
        block = lines_from(self.source, *where)
        if not block.strip(b"\r\n"):  # no line, or blank ones alone (the csv module skips those)
            return None
        if self._pricer is None:
            method, anchor, cycles = self.method
            self._pricer = Pricer(self.contract, method, anchor, cycles, self.paid_by)
            _roomy_heap()
        try:
            csv_bytes.check(block)
            self.layout.check(block)
            block = block if block.endswith(b"\n") else block + b"\n"
            cells = csv_bytes.split(block, len(self.header), trim=True, records=self.records)
            csv_bytes.unnamed_blank(cells, self.header)
            if (cells.escaped or cells.breaks is not None) and self.layout.json:
                raise Plainness("a doubled quote or a line break inside a cell, which JSON writes otherwise")
            count, skipped, kept = len(cells.starts), tuple[row_skips.Skip, ...](), None
            if self.skip:  # rows the rules refuse left out, each said as they say it
                cells, found, skipped, kept = row_skips.left_out(self, block, cells)
                if found is None:
                    gone = tuple(skip.row for skip in skipped if skip.late)  # every row left out
                    return Done(None, b"", None, np.zeros(0, dtype=np.uint64), skipped, gone, count)
                arrays = found
            else:
                arrays = self.arrays(cells)
        except Plainness as exc:
            raise Unpriced(str(exc)) from None
        owed, paid, yearly, lumps = _priced(self._pricer, arrays)
        if lumps is not None:  # owed includes them, as row by row
            owed = owed + lumps
        paid_on = None
        if self.contract.proposal is not None:  # each row's schedule paid, frozen (-1: a flat amount)
            paid_on = self._pricer.frozen(arrays[2], arrays[4])[0]  # on the row's own first day, hired or not
        late = np.flatnonzero(arrays[1] > arrays[2])
        if kept is not None:  # the rows left out that the rules found hired late before they refused them, too
            late = np.union1d(kept[late], [skip.row for skip in skipped if skip.late]).astype(np.int64)
        try:
            done = self._totals(cells, (owed, paid, lumps), paid_on, yearly)
        except Plainness as exc:  # an id wider than the columns compare (256 bytes): row by row reads it
            raise Unpriced(str(exc)) from None
        return done._replace(skipped=skipped, late=tuple(late.tolist()), rows=count)

    def arrays(self, cells: Cells) -> tuple[Ints, Ints, Ints, Ints, Ints]:
        """The rows' ways, hire dates, starts, ends and paid terms as int arrays (with ``skip``, a title, work
        or paid terms the rules refuse: :data:`~paycalc.output.row_skips.INVALID`)."""
        assert self._pricer is not None
        pricer = self._pricer
        column = {name: n for n, name in enumerate(self.header)}
        lengths = cells.ends - cells.starts
        given, paid_given = self.defaults
        # a step stands for its hire date; the command line's days for the days a row leaves blank
        required = [c for c in REQUIRED if not ((c == "hired" and "step" in column) or c in given)]
        if (lengths[:, [column[c] for c in required]] == 0).any() or (lengths > MAX_CELL).any():
            raise Plainness("an empty or a long cell")
        if any(csv_bytes.padded(cells, column[c]) for c in ["id", *self.carried]):
            raise Plainness("an id or a carried cell with spaces around it")
        start, end = (self._days(cells, column, c, given.get(c)) for c in ("from", "to"))
        hired = self._placed(cells, column) if "step" in column else csv_dates.dates(cells, column["hired"])
        work = ["title", *(c for c in WORK_COLUMNS if c in column)]
        paying: list[str] = [c for c in ("paid_schedule", "paid_annual") if c in column]
        if self.paid_by is not None and (lengths[:, [column[c] for c in paying]] > 0).any():
            raise Plainness("a row's own paid terms against a paid contract")  # row by row: that row's are paid
        # each priced once per distinct cells, the two at one go; apart where that makes many (amounts of their own)
        number, rows = csv_bytes.distinct(cells, [column[n] for n in work + paying])
        paid_number, paid_rows = number, rows
        if len(rows) > 1024 and paying:
            number, rows = csv_bytes.distinct(cells, [column[n] for n in work])
            paid_number, paid_rows = csv_bytes.distinct(cells, [column[n] for n in paying])
        way = self._codes(cells, work, column, rows, lambda v: pricer.way(v["title"].strip(), work_of(v)), pricer.warm)
        fill = filler({}, paid_given)

        def paid_index(cell: dict[str, str]) -> int:
            if fill is not None:
                fill(cell)
            return pricer.paid(*paid_of(cell))

        flat = csv_amounts.flat_paid(cells, column, first := np.array(paid_rows, dtype=np.int64))
        paid = np.empty(len(first), dtype=np.int64)
        paid[flat >= 0] = pricer.flat_paid(flat[flat >= 0])  # plain amounts of their own, at once (cents)
        paid[flat < 0] = self._codes(cells, paying, column, first[flat < 0].tolist(), paid_index)
        return way[number], hired, start, end, paid[paid_number]

    def _days(self, cells: Cells, column: dict[str, int], name: str, default: str | None) -> Ints:
        """A column of days (``from`` or ``to``), the command line's ``default`` where a row leaves it blank or
        the roster has no such column (checked as the row-by-row path checks it)."""
        at = column.get(name)
        if default is None:  # no day given: the column is required, every cell a date
            return csv_dates.dates(cells, column[name])
        try:
            day = to_roster_date(default, f"{name} date").toordinal()
        except PaycalcError as exc:
            raise Unpriced(str(exc)) from None
        days = np.full(len(cells.starts), day, dtype=np.int64)
        if at is not None:
            own = np.flatnonzero(cells.ends[:, at] > cells.starts[:, at])
            days[own] = csv_dates.dates(cells, at, own)
        return days

    def _placed(self, cells: Cells, column: dict[str, int]) -> Ints:
        """Each row's hire date: the one its ``step`` stands for on its ``from`` day, else its ``hired``, as the
        row-by-row path places it (:func:`paycalc.membership.roster.hire_date`), once per distinct cells."""
        names: list[str] = [c for c in ("step", "from", "hired") if c in column]
        number, rows = csv_bytes.distinct(cells, [column[c] for c in names])

        def place(cell: dict[str, str]) -> int:
            start = cell.get("from") or self.defaults[0].get("from", "")  # a blank day: the command line's
            return hire_date(self.contract, cell, to_roster_date(start, "from date")).toordinal()

        return self._codes(cells, names, column, rows, place)[number]

    def _codes(
        self, cells: Cells, names: list[str], column: dict[str, int], rows: list[int], index: Any, warm: Any = None
    ) -> Ints:
        """The index of the cells of ``names`` in each of ``rows``: ``index`` is asked once per distinct set of
        cells, from block to block (``warm`` first given those new to it, to make many at once). Cells the rules
        refuse: the row-by-row path names them, or, with ``--skip-invalid``, their rows are left out
        (:data:`~paycalc.output.row_skips.INVALID`)."""
        memo = self._memos.setdefault(",".join(names), {})
        texts = list(zip(*(cells.text(rows, column[n]) for n in names), strict=True)) if names else [()] * len(rows)
        if warm is not None and (new := list(dict.fromkeys(text for text in texts if text not in memo))):
            made = zip(new, warm([dict(zip(names, text, strict=True)) for text in new]), strict=True)
            memo.update((text, code) for text, code in made if code >= 0)
        codes = []
        for text in texts:
            code = memo.get(text)
            if code is None:
                try:
                    code = index(dict(zip(names, text, strict=True)))
                except (PaycalcError, Unpriced) as exc:
                    if not self.skip:
                        raise Unpriced(str(exc)) from None
                    code = row_skips.INVALID  # the rules' reason, said by row_skips, or the row is theirs
                memo[text] = code
            codes.append(code)
        return np.array(codes, dtype=np.int64)

    def _totals(self, cells: Cells, sums: tuple[Ints, Ints, Ints | None], paid_on: Ints | None, yearly: Ints) -> Done:
        """One line per id (its rows follow each other), the first and the last apart; under a proposal,
        each with the schedules its rows were paid (and its lump sums, where it has any)."""
        column = {name: n for n, name in enumerate(self.header)}
        at = column["id"]
        owed, paid, lumps = sums
        firsts, hashes = csv_bytes.changes(cells, at)
        counts = np.diff(np.append(firsts, len(owed)))
        owed_sums, paid_sums = np.add.reduceat(owed, firsts), np.add.reduceat(paid, firsts)
        lump_sums = None if lumps is None else np.add.reduceat(lumps, firsts)
        years = np.add.reduceat(yearly, firsts, axis=0) if yearly.shape[1] else yearly[: len(firsts)]
        carried = [column[c] for c in self.carried]

        schedules = None if paid_on is None else self._schedules(paid_on, firsts)

        def group(n: int) -> Group:
            row = firsts[n : n + 1]
            person, *texts = (cells.text(row, c)[0] for c in [at, *carried])
            sums = (int(counts[n]), int(owed_sums[n]), int(paid_sums[n]), int(hashes[n]))
            paid_on = None if schedules is None else tuple(schedules[n].split(";"))
            lumps = None if lump_sums is None else int(lump_sums[n])
            return Group(person, tuple(texts), *sums, paid_on, lumps, tuple(years[n].tolist()))

        last = len(firsts) - 1
        inner = firsts[1:last]
        body = b""
        if len(inner):
            retro = owed_sums[1:last] - paid_sums[1:last]
            money = [owed_sums[1:last], paid_sums[1:last], retro, *years[1:last].T]  # a paid contract's years
            if lump_sums is not None:
                money.append(lump_sums[1:last])
            if self.layout.shares:
                wages = retro if lump_sums is None else retro - lump_sums[1:last]
                money += instalments(wages, self.layout.shares)
            shown = None if schedules is None else schedules[1:last]
            body = self.layout.many(cells, inner, [at, *carried], counts[1:last], money, shown)
        return Done(group(0), body, group(last) if last else None, np.sort(hashes[1:last]))

    def _schedules(self, frozen: Ints, firsts: Ints) -> list[str]:
        """Each id's schedules paid, in the order of its rows, as the roster writes them (``2018-06-16``, ``flat``)."""
        names = [s.effective.isoformat() for s in self.contract.schedules]
        first, ends = frozen[firsts], np.append(firsts, len(frozen))
        mixed = np.flatnonzero(np.add.reduceat(frozen != np.repeat(first, np.diff(ends)), firsts))
        shown = ["flat" if f < 0 else names[f] for f in first.tolist()]
        for n in mixed.tolist():  # an id whose rows were paid different schedules: each, in order
            days = dict.fromkeys("flat" if f < 0 else names[f] for f in frozen[ends[n] : ends[n + 1]].tolist())
            shown[n] = ";".join(days)
        return shown


def _priced(pricer: Pricer, arrays: tuple[Ints, ...]) -> tuple[Ints, Ints, Ints, Ints | None]:
    """Owed, paid, each fiscal year's retro wages and lump sums of each row, as row by row prices them: a member
    hired after a row's first day owed from the hire date, and nothing when hired after its last."""
    way, hired, start, end, paid = arrays
    if not (hired > start).any():
        return (*pricer.by_year(way, hired, start, end, paid), pricer.lumps(way, hired, start, end))
    rows = np.flatnonzero(hired <= end)  # the others, hired after the row's last day: nothing
    begun = np.maximum(start, hired)[rows]
    owed, paid_cents = np.zeros(len(way), dtype=np.int64), np.zeros(len(way), dtype=np.int64)
    found = pricer.by_year(way[rows], hired[rows], begun, end[rows], paid[rows])
    owed[rows], paid_cents[rows] = found[0], found[1]
    yearly = np.zeros((len(way), found[2].shape[1]), dtype=np.int64)
    yearly[rows] = found[2]
    some = pricer.lumps(way[rows], hired[rows], begun, end[rows])
    lumps = None if some is None else np.zeros(len(way), dtype=np.int64)
    if lumps is not None and some is not None:
        lumps[rows] = some
    return owed, paid_cents, yearly, lumps


def _roomy_heap() -> None:
    """Keep the blocks' arrays (up to 64 MiB each) on the heap and up to 256 MiB of it after a free,
    where glibc would map and unmap each array afresh: the kernel's page faults were a quarter of a
    million-row roster's time (``bench/roster.py``: 0.64 s of system time, 0.15 s with this). Where
    ``mallopt`` is missing (not glibc), nothing changes."""
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):
        return
    mallopt(-1, 256 << 20)  # M_TRIM_THRESHOLD
    mallopt(-3, 64 << 20)  # M_MMAP_THRESHOLD
