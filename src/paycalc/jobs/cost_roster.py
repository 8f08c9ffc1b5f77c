"""The costing roster job (``paycalc cost``, :func:`paycalc.api.cost_roster`): open a roster (CSV, .xlsx or
stdin) and check its header, then price it: in columns when only the sums are asked of a CSV file (stdin copied to
one), else member by member (and the budget solve over it). Failures are :class:`JobError`s naming the file, line or
cell; notes and skipped rows go to ``say``."""

from __future__ import annotations

import csv
import datetime
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, NamedTuple

from paycalc.contract.errors import PaycalcError, RowError
from paycalc.contract.models import Contract
from paycalc.jobs import why
from paycalc.jobs.retro_roster import JobError, _column, is_xlsx
from paycalc.membership import costing
from paycalc.reading.columns import Say, open_sheet, read_header, silent
from paycalc.reading.files import NotUtf8, csv_words, open_binary, row_lines, text_lines

REQUIRED = ("id", "title", "hired")
OPTIONAL = ("from", "to", "hours", "workyear", "hours_per_day", "days", "differentials", "step")
MAX_CELL = 10_000  # characters: no id, title or date comes near


def name_of(source: str) -> str:
    return "stdin" if source == "-" else source


def place(source: str, rows: Any, member: int, reason: str = "") -> str:
    """Where row ``member`` (1 = the first after the header) is, as the user sees the file: in a workbook,
    its sheet, row and the column the reason names (as retro's errors say it)."""
    if getattr(rows, "sheet", None) is not None:
        return str(rows.where(_column(reason), member + 1))
    line = row_lines(source, [member])[0] if source != "-" else member + 1  # (stdin is read once)
    return f"{name_of(source)}: member {member} (line {line})"


def open_rows(source: str, sheet: str | None, say: Say = silent) -> tuple[Any, list[str]]:
    """The roster's rows, read one at a time (CSV or .xlsx), after checking its header; and the columns
    carried through (the roster's own: a name, a school)."""
    try:
        if is_xlsx(source):
            sheet_rows = open_sheet(source, sheet, REQUIRED, OPTIONAL, say)
            return sheet_rows, sheet_rows.carried
        csv.field_size_limit(MAX_CELL)
        rows = csv.DictReader(text_lines(open_binary(source, "roster")))
        return rows, read_header(rows, name_of(source), REQUIRED, OPTIONAL, say)
    except PaycalcError as exc:
        raise JobError(f"{name_of(source)}: {exc}" if isinstance(exc, NotUtf8) else str(exc)) from None
    except csv.Error as exc:
        raise JobError(f"{name_of(source)}: {csv_words(exc, MAX_CELL)}") from None


class Asked(NamedTuple):
    """What a costing asks, besides the roster: the offers against the status quo over a range."""

    proposals: Sequence[Contract]
    base: Contract
    start: datetime.date
    end: datetime.date
    fiscal_year_start: str = "07-01"
    method: str | None = None
    anchor: datetime.date | None = None
    paid: Contract | None = None  # the status quo is what this contract's scale paid
    by: str = "title"
    budget: tuple[Decimal, datetime.date] | None = None  # the budget solve: what a year may cost, from the day


def price(
    source: str,
    rows: Any,
    carried: Sequence[str],
    asked: Asked,
    *,
    on_invalid: Callable[[RowError], None] | None = None,
    on_member: Callable[[costing.MemberCost], None] | None = None,
    say: Say | None = None,  # with it, which engine costed the roster and why not the columns (``-v``)
) -> tuple[costing.Costing, Any]:
    """The costing of the rows :func:`open_rows` opened, and the budget solve's answer (None without one).

    Only the sums asked (by title or by step; no per-member output or solve; a paid contract's status quo too) of a
    CSV file or a sheet (a step column placed through a CSV twin) are priced in columns; else member by member."""
    header = list(getattr(rows, "fieldnames", None) or getattr(rows, "header", []))
    header += [""] * getattr(rows, "unnamed", 0)  # a sheet's trailing commas: blank cells, read in columns too
    placing = _placing(asked.base, asked.start) if "step" in header else None
    sums_alone = on_member is None and asked.budget is None
    by_member = (placing, on_invalid, on_member)
    # rows given as mappings (the API's) may differ in their keys: never copied, costed member by member
    read = source != "-" or isinstance(rows, csv.DictReader)
    why.clear()
    if not (sums_alone and read and _in_columns(source)):
        if say is not None:
            say(f"Note: {name_of(source)}: costed member by member: {_asked_of(asked, on_member, read)}")
        return _by_member(source, rows, carried, asked, *by_member)
    from paycalc.membership import cost_columns

    def in_arrays(kinds: Any, chunks: Any, skipped: Any = None) -> Any:
        a = asked
        return cost_columns.cost(kinds, chunks, a.proposals, a.base, a.start, a.end, a.fiscal_year_start,
                                 a.method, a.anchor, a.paid, skipped, a.by)  # fmt: skip

    def answer(path: str, rows: Any) -> tuple[costing.Costing, Any]:
        found, rows = _in_arrays(path, rows, header, placing, in_arrays, on_invalid)
        if say is not None:
            how = "in columns" if found is not None else f"member by member: {why.last()}"
            say(f"Note: {name_of(source)}: costed {how}")
        return (found, None) if found is not None else _by_member(source, rows, carried, asked, *by_member)

    if source != "-":
        return answer(source, rows)
    with _refused(source, rows), _copied(rows) as copy:  # stdin copied to a file: costed as one, named stdin
        result = answer(copy, open_rows(copy, None)[0])
    return result


def _asked_of(asked: Asked, on_member: Any, read: bool) -> str:
    """What sends a costing member by member before its roster is read."""
    if not read:
        return "rows given as mappings"
    if os.environ.get("PAYCALC_ROW_BY_ROW") == "1":
        return "PAYCALC_ROW_BY_ROW=1"
    asks = [(on_member is not None, "each member's costs asked (--per-member, a workbook or a report)"),
            (asked.budget is not None, "the budget solve")]  # fmt: skip
    return next(words for given, words in asks if given)


def _in_arrays(
    path: str,
    rows: Any,
    header: list[str],
    placing: Callable[[str], datetime.date] | None,
    in_arrays: Any,
    on_invalid: Any = None,  # what takes rows left out (--skip-invalid)
) -> tuple[Any, Any]:
    """The costing in columns of a roster file (a step column placed as the hire date it stands for on the range's
    first day; a sheet through its CSV twin, as it is parsed, or made otherwise), and its rows for the
    member-by-member path (read again where the twin read them); the costing is None where the columns decline."""
    from paycalc.jobs.columnar import header_cells
    from paycalc.jobs.columnar_cost import costed
    from paycalc.jobs.sheet_twins import sheet_costed
    from paycalc.jobs.twins import csv_twin

    if not is_xlsx(path) and (placing is None or on_invalid is None):  # a step column placed in the columns too
        found = costed(path, header, in_arrays, on_invalid, placing=placing)
        if found is not None or placing is None:
            return found, rows  # (a step roster the columns decline: a twin, steps placed row by row, next)
    if is_xlsx(path) and on_invalid is None:  # costed as the sheet is parsed
        tried = sheet_costed(rows, lambda twin, named, grown: costed(twin, named, in_arrays, None, grown, placing))
        if tried is not None:
            served, found = tried
            if found is not None:
                return found, rows
            rows.close()  # the sheet read: its rows again, for a twin made otherwise or member by member
            rows = open_rows(path, getattr(rows, "sheet", None))[0]
            if served:
                return None, rows
    if not hasattr(rows, "header"):  # a CSV's reader: its header as paycalc reads it
        rows.header = header
    with csv_twin(rows, None if placing is None else _placed(placing)) as twin:
        found = None
        if twin is not None:
            with open(twin, encoding="utf-8") as file:
                found = costed(twin, header_cells(file.readline().encode()), in_arrays, on_invalid)
    if found is None:
        if is_xlsx(path):
            rows.close()
        rows = open_rows(path, getattr(rows, "sheet", None))[0]
    return found, rows


def _placed(placing: Callable[[str], datetime.date]) -> Callable[[dict[str, Any]], str]:
    """A row's hire date as text for a CSV twin: its step's, placed once per step (a step the rules refuse
    declines the columns: member by member names it), else its own."""
    from paycalc.membership.unpriced import Unpriced

    memo: dict[str, str] = {}

    def place(row: dict[str, Any]) -> str:
        step = (row.get("step") or "").strip()
        if not step:
            return str(row.get("hired") or "")
        if step not in memo:
            try:
                memo[step] = placing(step).isoformat()
            except PaycalcError:
                raise Unpriced("a step the rules refuse") from None
        return memo[step]

    return place


def _by_member(
    source: str,
    rows: Any,
    carried: Sequence[str],
    asked: Asked,
    placing: Callable[[str], datetime.date] | None,
    on_invalid: Callable[[RowError], None] | None,
    on_member: Callable[[costing.MemberCost], None] | None,
) -> tuple[costing.Costing, Any]:
    """The costing member by member (and the budget solve over it)."""
    proposals, solved = list(asked.proposals), None
    with _refused(source, rows):
        members = costing.read_members(rows, on_invalid, carried, placing)
        if asked.budget is not None:
            from paycalc.membership import budget as solving

            every = list(members)  # the solve prices the roster many times: it is read once, into memory
            limit, day = asked.budget
            a = asked
            solved = solving.solve(every, proposals[0], a.base, limit, day, a.start, a.end, a.fiscal_year_start,
                                   a.method, a.anchor, on_invalid)  # fmt: skip
            proposals = [solved.proposal]
            members = iter(every)
        result = costing.cost(
            members,
            proposals,
            asked.base,
            asked.start,
            asked.end,
            asked.fiscal_year_start,
            asked.method,
            asked.anchor,
            on_invalid,
            on_member=on_member,
            paid=asked.paid,
            by=asked.by,
        )
    return result, solved


@contextmanager
def _refused(source: str, rows: Any) -> Iterator[None]:
    """A row in error, a file not UTF-8 or a CSV error as a :class:`JobError` naming where it is."""
    try:
        yield
    except RowError as error:
        raise JobError(f"{place(source, rows, error.row, error.reason)}: {error.reason}") from None
    except NotUtf8 as exc:
        raise JobError(f"{name_of(source)}: {exc}") from None
    except csv.Error as exc:
        line = getattr(rows, "line_num", 0) + 1  # the line being read when it was refused
        raise JobError(f"{name_of(source)}: line {line}: {csv_words(exc, MAX_CELL)}") from None


@contextmanager
def _copied(rows: Any) -> Iterator[str]:
    """The rows of a roster read from a stream (stdin), written to a temporary CSV file as its reader gave them
    (its header as paycalc reads it, each row's cells, those past the header's too). The file is removed
    after, a signal included."""
    from paycalc.output.files import signals_unwind, temporary

    header = list(rows.fieldnames)
    # SIGTERM or SIGHUP mid-copy unwinds like Ctrl-C: the copy is removed
    with signals_unwind(), temporary("paycalc-stdin-", ".csv") as (handle, copy):
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            for row in rows:
                cells = [row.get(name) or "" for name in header]
                writer.writerow([*cells, *(row.get(None) or [])])  # cells past the header's, as they were
        yield copy


def as_it_is(contract: Contract, name: str, start: datetime.date) -> Contract:
    """The contract as it stands, as the one offer costed against what another scale paid (``name``: the
    contract's short name or folder, which names the offer's file)."""
    from paycalc.contract.models import Proposal

    short = os.path.basename(os.path.normpath(name)) if name else "the contract"
    return contract._replace(proposal=Proposal(contract.name, start, "cent", (), (), (), short))


def _placing(contract: Contract, first: datetime.date) -> Callable[[str], datetime.date]:
    """A roster's step to a hire date: the step on the costed range's first day, moving each step day after."""
    from paycalc.rules import steps

    return lambda step: steps.placed(contract, steps.step_years(contract, step), first)


def _in_columns(roster: str) -> bool:
    """Whether a roster may be costed in columns (a CSV or .xlsx file, or stdin copied to one;
    ``PAYCALC_ROW_BY_ROW=1`` says member by member)."""
    return os.environ.get("PAYCALC_ROW_BY_ROW") != "1"
