"""The roster stream: rows in, one retro total per id out, with per-row errors. Pure: rows are given.

Rows of one id must follow each other (a title or hours change is a second row). A repeated id after
other ids is an error, found exactly by a set of the ids already summed: linear in the rows, about 100
bytes an id (a million ids fit in 200 MiB).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal

from paycalc import inputs, retro
from paycalc.errors import InputError, RowError
from paycalc.models import Contract, RosterTotal

REQUIRED = ("id", "title", "hired", "from", "to")
OPTIONAL = ("hours", "workyear", "paid_schedule", "paid_annual")


def retro_totals(
    rows: Iterable[Mapping[str, str | None]],
    contract: Contract,
    method: str,
    on_invalid: Callable[[RowError], None] | None,
) -> Iterator[RosterTotal]:
    finished: set[str] = set()
    person, count, owed, paid, lumps = "", 0, 0, 0, 0  # the id being summed: rows, owed, paid, lump sums in cents
    for number, row in enumerate(rows, start=1):
        try:
            row_id = _id(row)
            if row_id != person and row_id in finished:
                raise InputError(f"id {row_id!r} appears again after other ids (the rows of one id follow each other)")
            owed_cents, paid_cents, lump_cents = _row(contract, row, method)
        except InputError as exc:
            error = RowError(number, str(exc))
            if on_invalid is None:
                raise error from None
            on_invalid(error)
            continue
        if count and row_id != person:
            finished.add(person)
            yield _total(person, count, owed, paid, lumps)
            count, owed, paid, lumps = 0, 0, 0, 0
        person, count = row_id, count + 1
        owed, paid, lumps = owed + owed_cents, paid + paid_cents, lumps + lump_cents
    if count:
        yield _total(person, count, owed, paid, lumps)


def _total(person: str, rows: int, owed: int, paid: int, lumps: int) -> RosterTotal:
    owed_total, paid_total = Decimal(owed).scaleb(-2), Decimal(paid).scaleb(-2)
    return RosterTotal(person, rows, owed_total, paid_total, owed_total - paid_total, Decimal(lumps).scaleb(-2))


def _cell(row: Mapping[str, str | None], column: str) -> str:
    value = row.get(column)
    if value is None or not (value := value.strip()):
        raise InputError(f"no {column} (every row has {', '.join(REQUIRED)})")
    return value


def _id(row: Mapping[str, str | None]) -> str:
    if None in row:  # csv.DictReader puts cells beyond the header under None
        raise InputError("more cells than the header has columns")
    return _cell(row, "id")


def _row(contract: Contract, row: Mapping[str, str | None], method: str) -> tuple[int, int, int]:
    """Owed, paid and lump sums in cents for one roster row."""
    hours, workyear, paid_schedule, paid_annual = ((row.get(column) or "").strip() or None for column in OPTIONAL)
    return retro.totals(
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
