"""The Python API over roster files: retro totals and costing of a roster given as a path (CSV or .xlsx) or a
file object (CSV), and the whole retro roster job (read, price in columns or row by row, write all or nothing),
without the command line. The jobs themselves are :mod:`paycalc.jobs`."""

from __future__ import annotations

import csv
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from paycalc.api._base import Schedules, contract_for, load_proposal, paid_contract_for
from paycalc.contract import inputs
from paycalc.contract.errors import RowError
from paycalc.contract.models import Contract
from paycalc.reading.columns import Say, silent
from paycalc.rules import periods

if TYPE_CHECKING:
    from paycalc.membership.costing import Costing, MemberCost
    from paycalc.rules.retro_results import RosterTotal

Roster = Iterable[Mapping[str, str | None]] | str | os.PathLike[str] | IO[str] | IO[bytes]


def _opened(
    roster: Roster, sheet: str | None, required: tuple[str, ...], optional: tuple[str, ...], say: Say
) -> tuple[Iterable[Mapping[str, str | None]], list[str]]:
    """Rows as mappings, and the columns carried through: rows as given, or a path or file object read and its
    header checked as the command line checks it (names, synonyms, misspellings)."""
    from paycalc.jobs.retro_roster import JobError, is_xlsx
    from paycalc.reading.columns import open_sheet, read_header
    from paycalc.reading.files import open_binary, text_lines

    if isinstance(roster, (str, os.PathLike)):
        source = os.fspath(roster)
        if is_xlsx(source):
            rows = open_sheet(source, sheet, required, optional, say)
            return rows, rows.carried
        lines: Iterable[str] = text_lines(open_binary(source, "roster"))
        name = "stdin" if source == "-" else source
    elif hasattr(roster, "read"):
        stream: Any = roster
        lines = text_lines(stream) if isinstance(stream.read(0), bytes) else stream
        name = getattr(stream, "name", "the roster")
    else:  # rows as given: their first row's keys are the header (a ``step`` key places members by step)
        given = iter(roster)
        first = next(given, None)
        return _Rows(first, given), []
    try:
        reader = csv.DictReader(lines)
        return reader, read_header(reader, str(name), required, optional, say)
    except csv.Error as exc:
        raise JobError(f"{name}: {exc}") from None


class _Rows:
    """Rows given as mappings, with ``fieldnames`` (the first row's keys) as a CSV reader has them."""

    def __init__(self, first: Mapping[str, str | None] | None, rest: Iterator[Mapping[str, str | None]]) -> None:
        self.fieldnames = list(first) if first is not None else []
        self._rows = rest if first is None else itertools.chain([first], rest)

    def __iter__(self) -> Iterator[Mapping[str, str | None]]:
        return iter(self._rows)


def retro_roster(
    rows: Roster,
    *,
    method: str | None = None,
    anchor: date | str | None = None,
    schedules: Schedules = None,
    on_invalid: Callable[[RowError], None] | None = None,
    sheet: str | None = None,
) -> Iterator[RosterTotal]:
    """Retro pay for a roster: one total per id, rows of one id (a title or hours change) summed.

    ``rows`` are mappings with the keys ``id, title, hired, from, to`` and optionally ``hours,
    workyear, hours_per_day, days, differentials`` (names separated by ``;``), ``paid_schedule,
    paid_annual`` (an empty value is the same as none), as ``csv.DictReader`` gives them; or a roster file's
    path (CSV, or .xlsx with ``sheet``) or a file object (CSV, text or bytes), its header read as the command
    line reads it (``Employee ID``, ``Hire Date``...). Rows of one id must follow each other. Totals are given
    out one at a time; memory grows only by the ids seen (about 100 bytes each). A row that cannot be priced
    raises :class:`RowError`, or, with ``on_invalid``, is passed to it and skipped. Under a proposal
    (``schedules`` from :func:`load_proposal`), a lump sum is owed by the row whose period holds its paid day.
    """
    from paycalc.membership import roster
    from paycalc.membership.roster import OPTIONAL, REQUIRED

    contract = contract_for(schedules)
    _, _, pay_for = periods.for_contract(contract, method, None if anchor is None else inputs.to_date(anchor, "anchor"))
    opened, carried = _opened(rows, sheet, REQUIRED, OPTIONAL, silent)
    yield from roster.retro_totals(opened, contract, pay_for, on_invalid, carried)


def write_retro_roster(
    roster: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    format: str = "csv",
    schedules: Schedules = None,
    method: str | None = None,
    anchor: date | str | None = None,
    pay_cycles: int | str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    paid_contract: Schedules = None,
    paid_schedule: date | str | None = None,
    paid_annual: str | None = None,
    sheet: str | None = None,
    jobs: int | None = None,
    skip_invalid: bool = False,
    say: Say = silent,
) -> int:
    """The retro roster job, as ``paycalc retro --roster ROSTER --output OUTPUT`` runs it: a roster file (CSV
    or .xlsx; ``-`` for stdin) priced in columns where the roster allows (in ``jobs`` processes for a long one)
    and row by row otherwise, one total per id written to ``output`` (``.csv``, ``.json`` with
    ``format="json"``, or ``.xlsx``) all at once or not at all. ``start``/``end`` and ``paid_*`` fill rows
    without their own; ``paid_contract`` answers by fiscal year. Notes and skipped rows (``skip_invalid``) go
    to ``say``; returns how many rows were left out. A failure raises
    :class:`~paycalc.jobs.retro_roster.JobError` (a :class:`PaycalcError`) and writes nothing."""
    from paycalc.jobs.retro_roster import run_roster
    from paycalc.output.render import Format

    contract = contract_for(schedules)
    paid_by = None if paid_contract is None else paid_contract_for(paid_contract)
    text = [None if value is None else str(value) for value in (method, anchor, pay_cycles, start, end)]
    paid = (None if paid_schedule is None else str(paid_schedule), paid_annual)
    return run_roster(
        os.fspath(roster), os.fspath(output), Format(format.lower()), (text[0], text[1], text[2]), skip_invalid,
        contract, (), sheet, None, jobs, paid_by, (text[3], text[4]), paid, say,
    )  # fmt: skip


def cost_roster(
    roster: Roster,
    proposals: Iterable[Contract | str | os.PathLike[str]],
    *,
    start: date | str,
    end: date | str,
    fiscal_year_start: str = "07-01",
    method: str | None = None,
    anchor: date | str | None = None,
    schedules: Schedules = None,
    paid_contract: Schedules = None,
    by: str = "title",
    sheet: str | None = None,
    on_member: Callable[[MemberCost], None] | None = None,
    on_invalid: Callable[[RowError], None] | None = None,
    say: Say = silent,
) -> Costing:
    """What ``proposals`` cost across a roster file, as ``paycalc cost --roster`` prices it: a path (CSV, or .xlsx
    with ``sheet``) or a file object (CSV), its header read as the command line reads it; a plain CSV file asked
    for the sums alone is priced in columns, anything else member by member. With ``paid_contract`` the status
    quo is that contract's scale (and with no ``proposals``, the offer is the contract as it is); ``by`` groups
    the breakdown by ``"title"`` or ``"step"``. The README's "Costing" section states the rules."""
    from paycalc.jobs import cost_roster as job

    base = contract_for(schedules)
    offers: Sequence[Contract] = [p if isinstance(p, Contract) else load_proposal(p, base) for p in proposals]
    first, last = inputs.to_date(start, "from date"), inputs.to_date(end, "to date")
    paid = None if paid_contract is None else paid_contract_for(paid_contract)
    if paid is not None and not offers:
        offers = [job.as_it_is(base, os.fspath(schedules) if isinstance(schedules, (str, os.PathLike)) else "", first)]
    when = None if anchor is None else inputs.to_date(anchor, "anchor")
    if isinstance(roster, (str, os.PathLike)):
        source = os.fspath(roster)
        rows, carried = job.open_rows(source, sheet, say)
    else:
        source = "-"
        rows, carried = _opened(roster, sheet, job.REQUIRED, job.OPTIONAL, say)
    asked = job.Asked(offers, base, first, last, fiscal_year_start, method, when, paid, by)
    return job.price(source, rows, carried, asked, on_invalid=on_invalid, on_member=on_member)[0]
