"""The Python API for scripts: plain values in, frozen results out, :class:`PaycalcError` on bad input."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import IO

from paycalc import core, inputs, periods
from paycalc.errors import InputError, RowError
from paycalc.loader import load_contract
from paycalc.models import Comparison, Contract, History, PayResult, RetroResult, RosterTotal

Schedules = Contract | str | os.PathLike[str] | None
Number = Decimal | int | float | str


def contract_for(schedules: Schedules) -> Contract:
    """A loaded contract from a contract, a schedules folder, or None for the bundled one."""
    return schedules if isinstance(schedules, Contract) else load_contract(schedules)


def annual_pay(
    title: str,
    on: date | str,
    *,
    years: int | str | None = None,
    hired: date | str | None = None,
    hours: Number | None = None,
    workyear: Number | None = None,
    schedules: Schedules = None,
) -> PayResult:
    """Annual pay for ``title`` on the date ``on``, to the cent.

    Give exactly one of ``years`` (completed years of service) or ``hired`` (hire date). ``hours`` is
    hours per week (default: the regular week, 30) and ``workyear`` the fraction of the regular
    workyear worked (default 1); both pro-rate the published rate (Article Three A.3).

    >>> annual_pay("Ed. Asst. B", "2018-06-16", years=16).annual
    Decimal('33352.00')
    """
    return core.pay(
        contract_for(schedules),
        title,
        inputs.to_date(on),
        years=None if years is None else inputs.to_years(years),
        hired=None if hired is None else inputs.to_date(hired, "hire date"),
        hours=None if hours is None else inputs.to_hours(hours),
        workyear=None if workyear is None else inputs.to_workyear(workyear),
    )


def compare(
    start: date | str,
    end: date | str,
    *,
    title: str | None = None,
    schedules: Schedules = None,
) -> Comparison:
    """Every title and longevity row (or one title's) under the schedule in force on ``start`` and on ``end``.

    >>> row = compare("2008-05-19", "2018-06-16", title="Teacher Aide").rows[0]
    >>> row.from_rate, row.to_rate, row.change, round(row.percent, 2)
    (Decimal('21713'), Decimal('25927'), Decimal('4214'), Decimal('19.41'))
    """
    from paycalc import raises

    return raises.compare(
        contract_for(schedules), inputs.to_date(start, "from date"), inputs.to_date(end, "to date"), title
    )


def history(
    title: str,
    *,
    years: int | str | None = None,
    hired: date | str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    hours: Number | None = None,
    workyear: Number | None = None,
    schedules: Schedules = None,
) -> History:
    """One person's pay under each schedule from ``start`` to ``end`` (default: all of them).

    Each row is priced on the day its schedule took effect (``start`` for the first); with ``hired``
    the longevity row follows the service reached on that day.
    """
    from paycalc import raises

    return raises.history(
        contract_for(schedules),
        title,
        years=None if years is None else inputs.to_years(years),
        hired=None if hired is None else inputs.to_date(hired, "hire date"),
        start=None if start is None else inputs.to_date(start, "from date"),
        end=None if end is None else inputs.to_date(end, "to date"),
        hours=None if hours is None else inputs.to_hours(hours),
        workyear=None if workyear is None else inputs.to_workyear(workyear),
    )


def retro_pay(
    title: str,
    *,
    hired: date | str,
    start: date | str,
    end: date | str,
    hours: Number | None = None,
    workyear: Number | None = None,
    paid_schedule: date | str | None = None,
    paid_annual: Number | None = None,
    method: str = "semimonthly",
    schedules: Schedules = None,
) -> RetroResult:
    """Retro pay from ``start`` to ``end`` (both included): what the schedules owed minus what was paid.

    Paid is, by default, the schedule in force the day before ``start``, frozen, with the same
    longevity progression and pro-rating; ``paid_schedule`` freezes the schedule in force on another
    date; ``paid_annual`` is a flat annual amount actually paid. ``method`` is ``"semimonthly"`` (24
    checks a year) or ``"daily"``. The README's "Retro pay" section states the rules.
    """
    from paycalc import retro

    return retro.retro(
        contract_for(schedules),
        title,
        hired=inputs.to_date(hired, "hire date"),
        start=inputs.to_date(start, "from date"),
        end=inputs.to_date(end, "to date"),
        hours=None if hours is None else inputs.to_hours(hours),
        workyear=None if workyear is None else inputs.to_workyear(workyear),
        paid_schedule=None if paid_schedule is None else inputs.to_date(paid_schedule, "paid schedule date"),
        paid_annual=None if paid_annual is None else inputs.to_amount(paid_annual, "paid annual"),
        method=method,
    )


ROSTER_REQUIRED = ("id", "title", "hired", "from", "to")
ROSTER_OPTIONAL = ("hours", "workyear", "paid_schedule", "paid_annual")


def retro_roster(
    rows: Iterable[Mapping[str, str | None]],
    *,
    method: str = "semimonthly",
    schedules: Schedules = None,
    on_invalid: Callable[[RowError], None] | None = None,
) -> Iterator[RosterTotal]:
    """Retro pay for a roster: one total per id, rows of one id (a title or hours change) summed.

    ``rows`` are mappings with the keys ``id, title, hired, from, to`` and optionally ``hours,
    workyear, paid_schedule, paid_annual`` (an empty value is the same as none), as ``csv.DictReader``
    gives them. Rows of one id must follow each other. Rows are read and totals given out one at a
    time, so memory does not grow with the roster. A row that cannot be priced raises
    :class:`RowError`, or, with ``on_invalid``, is passed to it and skipped.
    """
    from paycalc import retro

    contract = contract_for(schedules)
    if method not in periods.METHODS:
        raise InputError(f"method {method!r} is not known ({' or '.join(periods.METHODS)})")
    finished = _FinishedIds()
    try:
        yield from _sum_by_id(rows, contract, method, on_invalid, finished)
    finally:
        finished.close()


def _sum_by_id(
    rows: Iterable[Mapping[str, str | None]],
    contract: Contract,
    method: str,
    on_invalid: Callable[[RowError], None] | None,
    finished: _FinishedIds,
) -> Iterator[RosterTotal]:
    from paycalc import retro

    person, count, owed, paid = "", 0, 0, 0  # the id being summed, its rows, owed and paid in cents
    for number, row in enumerate(rows, start=1):
        try:
            row_id = _roster_id(row)
            if row_id in finished:
                raise InputError(f"id {row_id!r} appears again after other ids (the rows of one id follow each other)")
            owed_cents, paid_cents = _roster_row(retro.totals, contract, row, method)
        except InputError as exc:
            error = RowError(number, str(exc))
            if on_invalid is None:
                raise error from None
            on_invalid(error)
            continue
        if count and row_id != person:
            finished.add(person)
            yield _total(person, count, owed, paid)
            count, owed, paid = 0, 0, 0
        person, count, owed, paid = row_id, count + 1, owed + owed_cents, paid + paid_cents
    if count:
        yield _total(person, count, owed, paid)


def _total(person: str, rows: int, owed: int, paid: int) -> RosterTotal:
    owed_total, paid_total = Decimal(owed).scaleb(-2), Decimal(paid).scaleb(-2)
    return RosterTotal(person, rows, owed_total, paid_total, owed_total - paid_total)


class _FinishedIds:
    """The ids already summed, in memory that does not grow with the roster.

    A Bloom filter of fixed size answers "certainly not" or "maybe"; a "maybe" is settled exactly by
    reading the ids spilled to a temporary file. At 120,000 ids a false "maybe" comes about once in a
    million lookups, so the file is almost never read.
    """

    BITS = 1 << 24  # 2 MiB
    HASHES = 4

    def __init__(self) -> None:
        import json

        self._bits = bytearray(self.BITS >> 3)
        self._spill: IO[str] | None = None
        self._dumps, self._loads = json.dumps, json.loads

    def _positions(self, key: str) -> tuple[int, ...]:
        first, step, mask = hash(key), hash((key, 1)) | 1, self.BITS - 1
        return tuple((first + i * step) & mask for i in range(self.HASHES))

    def add(self, key: str) -> None:
        bits = self._bits
        for position in self._positions(key):
            bits[position >> 3] |= 1 << (position & 7)
        if self._spill is None:
            import tempfile

            self._spill = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self._spill.write(self._dumps(key) + "\n")

    def __contains__(self, key: str) -> bool:
        bits = self._bits
        for position in self._positions(key):
            if not bits[position >> 3] & (1 << (position & 7)):
                return False
        if self._spill is None:
            return False
        self._spill.seek(0)
        found = any(self._loads(line) == key for line in self._spill)
        self._spill.seek(0, 2)
        return found

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()


def _cell(row: Mapping[str, str | None], column: str) -> str:
    value = row.get(column)
    if value is None or not (value := value.strip()):
        raise InputError(f"no {column} (every row has {', '.join(ROSTER_REQUIRED)})")
    return value


def _roster_id(row: Mapping[str, str | None]) -> str:
    if None in row:  # csv.DictReader puts cells beyond the header under None
        raise InputError("more cells than the header has columns")
    return _cell(row, "id")


def _roster_row(
    totals: Callable[..., tuple[int, int]], contract: Contract, row: Mapping[str, str | None], method: str
) -> tuple[int, int]:
    """Owed and paid in cents for one roster row, by ``totals`` (``paycalc.retro.totals``)."""
    hours, workyear, paid_schedule, paid_annual = (
        (row.get(column) or "").strip() or None for column in ROSTER_OPTIONAL
    )
    return totals(
        contract,
        _cell(row, "title"),
        hired=inputs.to_date(_cell(row, "hired"), "hire date"),
        start=inputs.to_date(_cell(row, "from"), "from date"),
        end=inputs.to_date(_cell(row, "to"), "to date"),
        hours=None if hours is None else inputs.to_hours(hours),
        workyear=None if workyear is None else inputs.to_workyear(workyear),
        paid_schedule=None if paid_schedule is None else inputs.to_date(paid_schedule, "paid schedule date"),
        paid_annual=None if paid_annual is None else inputs.to_amount(paid_annual, "paid annual"),
        method=method,
    )
