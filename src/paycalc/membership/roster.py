"""The roster stream: rows in, one retro total per id out, with per-row errors. Pure: rows are given.

Rows of one id must follow each other (a title or hours change is a second row). A repeated id after
other ids is an error, found exactly by a set of the ids already summed: linear in the rows, about 100
bytes an id (a million ids fit in 200 MiB).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from paycalc.contract import inputs
from paycalc.contract.errors import InputError, RowError
from paycalc.contract.inputs import title_key
from paycalc.contract.models import Contract, Work
from paycalc.rules import retro, steps
from paycalc.rules.periods import Paying
from paycalc.rules.retro_results import RosterTotal

REQUIRED = ("id", "title", "hired", "from", "to")
OPTIONAL = ("hours", "workyear", "hours_per_day", "days", "differentials", "paid_schedule", "paid_annual", "step")
WORK_COLUMNS = ("hours", "workyear", "hours_per_day", "days", "differentials")


def retro_totals(
    rows: Iterable[Mapping[str, str | None]],
    contract: Contract,
    method: Paying,
    on_invalid: Callable[[RowError], None] | None,
    carried: Sequence[str] = (),
    paid_contract: Contract | None = None,
    years: Sequence[int] = (),
    late: list[int] | None = None,
) -> Iterator[RosterTotal]:
    """One total per id, in the rows' order.

    Each total keeps its first row's cells of the ``carried`` columns; under a proposal, it names the
    schedule each row was paid (the status quo's). With ``paid_contract``, what was paid is that contract's
    scale in force each day (for rows without paid columns), and each total has the retro wages of each of
    the fiscal ``years`` (a row with days outside them is an error). A member hired after a row's ``from`` is
    owed from the hire date (as a costing prices her); one hired after its ``to``, nothing; with ``late``, the
    numbers of those rows are added to it.
    """
    paid_by = (paid_contract, tuple(years))
    finished: set[str] = set()
    person, count, owed, paid, lumps = "", 0, 0, 0, 0  # the id being summed: rows, owed, paid, lump sums in cents
    yearly = [0] * len(years)
    kept: tuple[str, ...] = ()
    basis: list[str] = []  # under a proposal: the schedule each row of the id was paid
    for number, row in enumerate(rows, start=1):
        try:
            row_id = _id(row)
            if row_id != person and row_id in finished:
                raise InputError(f"id {row_id!r} appears again after other ids (the rows of one id follow each other)")
            owed_cents, paid_cents, lump_cents, by_year = _row(contract, row, method, paid_by, late, number)
            paid_on = _paid_on(contract, row, paid_contract) if contract.proposal is not None else ""
        except InputError as exc:
            error = RowError(number, str(exc))
            if on_invalid is None:
                raise error from None
            on_invalid(error)
            continue
        if count and row_id != person:
            finished.add(person)
            yield _total(person, count, owed, paid, lumps, yearly)._replace(carried=kept, schedules_paid=tuple(basis))
            count, owed, paid, lumps, basis, yearly = 0, 0, 0, 0, [], [0] * len(years)
        if not count:
            kept = tuple((row.get(column) or "").strip() for column in carried)
        if paid_on and paid_on not in basis:
            basis.append(paid_on)
        person, count = row_id, count + 1
        owed, paid, lumps = owed + owed_cents, paid + paid_cents, lumps + lump_cents
        yearly = [a + b for a, b in zip(yearly, by_year, strict=True)]
    if count:
        yield _total(person, count, owed, paid, lumps, yearly)._replace(carried=kept, schedules_paid=tuple(basis))


def _paid_on(contract: Contract, row: Mapping[str, str | None], paid_contract: Contract | None = None) -> str:
    """What a priced row was paid: the day of the schedule paid, frozen, ``flat`` for a paid annual, or the
    paid contract's scale (``contract NAME``, as the one-person answer's basis names it) for a row without its
    own paid terms (no schedule need have been in force the day before its start: the paid scale says)."""
    start, _, _, paid_schedule, paid_annual = _terms_of(row)
    if paid_annual is not None:
        return "flat"
    if paid_contract is not None and paid_schedule is None:
        return f"contract {paid_contract.name}"
    return retro.schedule_paid(contract, start, paid_schedule).isoformat()


def _total(person: str, rows: int, owed: int, paid: int, lumps: int, yearly: Sequence[int] = ()) -> RosterTotal:
    """Money as whole cents: Decimals with exponent -2 (so str() shows 407.90, never 4.079E+2)."""
    return RosterTotal(
        person,
        rows,
        Decimal(owed).scaleb(-2),
        Decimal(paid).scaleb(-2),
        Decimal(owed - paid).scaleb(-2),
        Decimal(lumps).scaleb(-2),
        by_year=tuple(Decimal(cents).scaleb(-2) for cents in yearly),
    )


def _cell(row: Mapping[str, str | None], column: str) -> str:
    value = row.get(column)
    if value is None or not (value := value.strip()):
        if column == "hired":
            raise InputError("no hired or step (every row has id, title, hired or step, from, to)")
        raise InputError(f"no {column} (every row has {', '.join(REQUIRED)})")
    return value


def _id(row: Mapping[str, str | None]) -> str:
    past_header(row)
    return _cell(row, "id")


def past_header(row: Mapping[Any, Any]) -> None:
    """Refuse a row with a cell past its header's columns (csv.DictReader puts them in a list under None) that is
    not blank: a spreadsheet saved as CSV gives every row the blank cells of its used range's columns."""
    if any(cell.strip() for cell in row.get(None) or () if cell):
        raise InputError("more cells than the header has columns")


_Memo = dict[tuple[object, ...], tuple[int, int, int, tuple[int, ...]]]
_memos: tuple[tuple[object, object, tuple[int, ...]], _Memo] = (((), None, ()), {})


def _row(
    contract: Contract,
    row: Mapping[str, str | None],
    method: Paying,
    paid_by: tuple[Contract | None, tuple[int, ...]] = (None, ()),
    late: list[int] | None = None,
    number: int = 0,
) -> tuple[int, int, int, list[int]]:
    """Owed, paid and lump sums in cents for one roster row, and its retro wages in each fiscal year asked.

    Rows whose pay follows a common path (the same title, period, pro-rating and what was paid, on one
    longevity row or step throughout) have the same sums whatever the hire date: those are priced once (under
    one contract, one paid contract and its fiscal years: the memory is new when any of them changes).
    """
    global _memos
    get = row.get
    parsed = _terms_of(row)
    start, end, work, paid_schedule, paid_annual = parsed
    title = get("title") or ""
    if not (title := title.strip()):
        title = _cell(row, "title")  # raises the error that says what is missing
    hired = hire_date(contract, row, start)
    paid_contract, years = paid_by
    if hired > start:  # hired inside the row's days: owed from the hire date; after them: nothing
        if late is not None:
            late.append(number)
        if hired > end:
            return 0, 0, 0, [0] * len(years)
        start, parsed = hired, (hired, *parsed[1:])
    key = _common_path(contract, title, hired, start, end, method, parsed[2:])
    if key is not None:
        owner = _memos[0]
        paid_scale = None if paid_contract is None else paid_contract.schedules
        if owner[0] is not contract.schedules or owner[1] is not paid_scale or owner[2] != years:
            _memos = ((contract.schedules, paid_scale, years), {})
        found = _memos[1].get(key)
        if found is not None:
            return (*found[:3], list(found[3]))
    # against another contract's scale (for rows without their own paid columns), by fiscal year
    by_year: dict[int, int] | None = None if paid_contract is None else {}
    own = paid_schedule is not None or paid_annual is not None
    sums = retro.totals(
        contract,
        title,
        hired=hired,
        start=start,
        end=end,
        work=work,
        paid_schedule=paid_schedule,
        paid_annual=paid_annual,
        pay_for=method,
        paid_contract=None if own else paid_contract,
        by_year=by_year,
    )
    if by_year is not None:
        outside = sorted(set(by_year) - set(years))
        if outside:
            shown = ", ".join(f"FY{y % 100:02d}" for y in years)
            raise InputError(
                f"to date {end}: the row has days in FY{outside[0] % 100:02d}, outside the fiscal years answered "
                f"({shown}: the contract's term)"
            )
    yearly = [by_year.get(year, 0) for year in years] if by_year is not None else []
    if key is not None and len(_memos[1]) < 100_000:
        _memos[1][key] = (*sums, tuple(yearly))
    return (*sums, yearly)


def hire_date(contract: Contract, row: Mapping[str, str | None], start: date) -> date:
    """A row's hire date: from its ``step`` (the step on ``start``, moving each step day after), which wins
    over ``hired``; else its ``hired``."""
    step = (row.get("step") or "").strip()
    if step:
        return steps.placed(contract, steps.step_years(contract, step), start)
    return inputs.to_roster_date(_cell(row, "hired"), "hire date")


def _terms_of(row: Mapping[str, str | None]) -> _Terms:
    raw = tuple(map(row.get, _PARSED))
    parsed = _terms.get(raw)
    if parsed is None:
        parsed = _parse_terms(row)
        if len(_terms) < 10_000:
            _terms[raw] = parsed
    return parsed


_PARSED = ("from", "to", *OPTIONAL)
_Terms = tuple[date, date, Work, date | None, Decimal | None]
_terms: dict[tuple[str | None, ...], _Terms] = {}


def work_of(cells: Mapping[str, str | None]) -> Work:
    """A row's work columns (each optional) as a :class:`Work`; differentials as given, split on ``;``."""
    hours, workyear, per_day, days, differentials = ((cells.get(c) or "").strip() or None for c in WORK_COLUMNS)
    names = [name.strip() for name in (differentials or "").split(";") if name.strip()]
    return inputs.to_work(hours, workyear, per_day, days, names)


def _parse_terms(row: Mapping[str, str | None]) -> _Terms:
    """A row's period and optional terms, checked (rows of a roster mostly share them, so they are parsed once)."""
    return (
        inputs.to_roster_date(_cell(row, "from"), "from date"),
        inputs.to_roster_date(_cell(row, "to"), "to date"),
        work_of(row),
        *paid_of(row),
    )


def paid_of(cells: Mapping[str, str | None]) -> tuple[date | None, Decimal | None]:
    """A row's optional paid columns, checked: the schedule paid, frozen, or the flat annual amount paid."""
    paid_schedule, paid_annual = ((cells.get(c) or "").strip() or None for c in ("paid_schedule", "paid_annual"))
    return (
        None if paid_schedule is None else inputs.to_roster_date(paid_schedule, "paid schedule date"),
        None if paid_annual is None else inputs.to_amount(paid_annual, "paid annual"),
    )


def _common_path(
    contract: Contract, title: str, hired: date, start: date, end: date, method: Paying, values: tuple[object, ...]
) -> tuple[object, ...] | None:
    """The key of a row whose sums do not depend on its hire date, or None (then it is priced on its own)."""
    if hired > start or (contract.proposal is not None and contract.proposal.lump_sums):
        return None
    found = contract.lookup.get(title_key(title))
    if found is None or found.hired_before is not None:
        return None
    tier, moves = steps.changes(contract, hired, start, end)
    if moves:
        return None  # a step inside the period: the hire date matters
    label = contract.tiers[tier].label
    return (found.name, label, start, end, method, *values)


Fill = Callable[[dict[str, Any]], None]  # a row given the command line's values where it has none


def filler(given: dict[str, str], paid: dict[str, str]) -> Fill | None:
    """What the command line gives rows without their own: ``given`` (``from``, ``to``) fills each such empty
    cell, ``paid`` (``paid_schedule``, ``paid_annual``) a row with neither paid cell. None when nothing is given."""
    if not (given or paid):
        return None

    def fill(row: dict[str, Any]) -> None:
        for column, day in given.items():
            if not (row.get(column) or "").strip():
                row[column] = day
        if paid and not any((row.get(c) or "").strip() for c in ("paid_schedule", "paid_annual")):
            row |= paid

    return fill
