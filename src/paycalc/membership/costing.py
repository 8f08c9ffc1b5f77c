"""Costing: what proposals cost across a membership, by fiscal year, against the status quo. Pure.

The rules (README, "Costing"):

- The range ``start``..``end`` (both included) is cut into fiscal years starting each ``MM-DD``; the
  first and last pieces may be partial. A member hired after a piece starts is priced from the hire date.
- The status quo is the base schedule of the first proposal frozen, longevity still moving on
  anniversaries (what retro calls "paid" by default).
- A payroll (the status quo's, or a proposal's) is priced as retro prices what was owed: pay periods,
  annual / 24 a semimonthly period, a piece per rate prorated by calendar days, each piece rounded to
  the cent half up. Each payroll is priced on its own: a pay period splits only where that payroll's
  own rate changes (and at a fiscal-year boundary, where one falls inside a period).
- A proposal's lump sums count in the fiscal year holding their paid day, for members hired on or
  before ``eligible_on``, pro-rated if the proposal says so, each rounded to the cent.
- Per fiscal year and proposal: payroll, lump sums, increase = payroll + lump sums - status quo,
  percent = increase / status quo x 100; cost of 1% = 1% of the status quo payroll; and across members
  the smallest, median and largest increase. A total over the range.

Members whose pay follows the same path (title, pro-rating, the day they start in the range, their
longevity steps) are priced once: a membership of thousands has a few thousand distinct paths.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from paycalc.contract import inputs
from paycalc.contract.errors import InputError, RowError
from paycalc.contract.models import Contract, Proposal, Work
from paycalc.membership.cost_sums import Sums, money_of
from paycalc.membership.idset import IdSet
from paycalc.membership.roster import WORK_COLUMNS, work_of
from paycalc.rules import core, periods, proposal, retro, steps

ONE_DAY = timedelta(days=1)
ZERO = Decimal("0.00")


class Member(NamedTuple):
    id: str
    title: str
    hired: date
    work: Work = Work()


class Line(NamedTuple):
    """One proposal's figures for one fiscal year (or the total)."""

    name: str
    payroll: Decimal
    lump_sums: Decimal
    increase: Decimal
    percent: Decimal | None
    smallest: Decimal | None
    median: Decimal | None
    largest: Decimal | None


class Period(NamedTuple):
    start: date
    end: date
    members: int
    status_quo: Decimal
    cost_of_one_percent: Decimal
    proposals: tuple[Line, ...]
    by_title: Mapping[str, tuple[Decimal, tuple[Decimal, ...]]]  # title -> (status quo, increase per proposal)


class Costing(NamedTuple):
    status_quo_base: date
    method: str
    fiscal_year_start: str
    periods: tuple[Period, ...]
    total: Period


def fiscal_years(start: date, end: date, fiscal_year_start: str) -> list[tuple[date, date]]:
    """``start``..``end`` cut at each ``MM-DD``."""
    month, day = parse_fiscal_start(fiscal_year_start)
    pieces, first = [], start
    while first <= end:
        boundary = date(first.year, month, day)
        if boundary <= first:
            boundary = date(first.year + 1, month, day)
        last = min(end, boundary - ONE_DAY)
        pieces.append((first, last))
        first = last + ONE_DAY
    return pieces


def parse_fiscal_start(text: str) -> tuple[int, int]:
    accepted = "MM-DD, a day every year has, e.g. 07-01 (New York City's) or 10-01"
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) == 2 for p in parts):
        raise InputError(f"--fiscal-year-start {text!r} is not MM-DD ({accepted})")
    month, day = int(parts[0]), int(parts[1])
    try:
        date(2001, month, day)  # a common year: Feb 29 is refused
    except ValueError:
        raise InputError(f"--fiscal-year-start {text!r} is not a day of every year ({accepted})") from None
    return month, day


def status_quo(proposals: Sequence[Contract], base: Contract) -> Contract:
    """The base contract with the first proposal's base schedule frozen; proposals must share that base."""
    if not proposals:
        raise InputError(
            "no proposal given (give at least one --proposal FILE; the first one's base is the status quo)"
        )
    first = proposals[0].proposal
    assert first is not None
    first_base = core.schedule_on(base, first.base).effective
    for other in proposals[1:]:
        assert other.proposal is not None
        other_base = core.schedule_on(base, other.proposal.base).effective
        if other_base != first_base:
            raise InputError(
                f"the proposals start from different schedules: {first.file} from {first_base}, "
                f"{other.proposal.file} from {other_base} (cost proposals against one status quo)"
            )
    frozen = Proposal("status quo", first.base, first.rounding, (), (), (), first.file)
    return proposal.apply(base, frozen)._replace(proposal=None)


def read_members(rows: Iterable[Mapping[str, str | None]]) -> Iterator[Member]:
    """Roster rows (id, title, hired, optionally the work columns) as members; one row per id."""
    seen = IdSet()
    works: dict[tuple[str | None, ...], Work] = {}  # members mostly share their work columns: parse each once
    for number, row in enumerate(rows, start=1):
        try:
            if None in row:
                raise InputError("more cells than the header has columns")
            cells = {key: (value or "").strip() for key, value in row.items()}
            for column in ("id", "title", "hired"):
                if not cells.get(column):
                    raise InputError(f"no {column} (every row has id, title, hired)")
            if not seen.add(cells["id"]):
                raise InputError(f"id {cells['id']!r} appears twice (one row per member)")
            raw = tuple(map(cells.get, WORK_COLUMNS))
            work = works.get(raw)
            if work is None:
                work = work_of(cells)
                if len(works) < 10_000:
                    works[raw] = work
            yield Member(cells["id"], cells["title"], inputs.to_date(cells["hired"], "hire date"), work)
        except InputError as exc:
            raise RowError(number, str(exc)) from None


def _path(member: Member, contract: Contract, start: date, end: date) -> tuple[object, ...]:
    """What a member's pay over ``start``..``end`` depends on, besides the contract."""
    first = max(start, member.hired)
    tier, moves = steps.changes(contract, member.hired, first, end)
    return (core.resolve_title(contract, member.title).name, member.work, first, tier, tuple(moves.items()))


def payroll(
    contract: Contract, member: Member, pieces: Sequence[tuple[date, date]], pay_for: periods.Paying
) -> list[int]:
    """Cents paid under ``contract`` in each piece: runs split only where this payroll's rate changes."""
    first, last = max(pieces[0][0], member.hired), pieces[-1][1]
    if first > last:
        return [0] * len(pieces)
    _, _, runs = retro._plan(contract, member.title, member.hired, first, last, member.work, None, ZERO)
    cents = []
    for piece_start, piece_end in pieces:
        total = 0
        for run_start, run_end, _, _, annual, _ in runs:
            a, b = max(run_start, piece_start), min(run_end, piece_end)
            if a <= b:
                total += pay_for(annual, a, b)
        cents.append(total)
    return cents


def lump_cents(
    contract: Contract,
    member: Member,
    pieces: Sequence[tuple[date, date]],
    memo: dict[tuple[object, ...], list[int]] | None = None,
) -> list[int]:
    """Cents of the proposal's lump sums in each piece: paid in it, to a member hired by ``eligible_on``.

    They depend only on which lump sums the member is eligible for and their pro-rating, so ``memo``
    (one per costing) keeps them by that.
    """
    if contract.proposal is None or not contract.proposal.lump_sums:
        return [0] * len(pieces)
    eligible = tuple(member.hired <= lump.eligible_on for lump in contract.proposal.lump_sums)
    key = (id(contract), member.work[:4], eligible)
    found = memo.get(key) if memo is not None else None
    if found is None:
        found = [0] * len(pieces)
        for lump in retro.lump_sums(contract, member.hired, pieces[0][0], pieces[-1][1], member.work):
            for i, (a, b) in enumerate(pieces):
                if a <= lump.paid <= b:
                    found[i] += int(lump.amount * 100)
        if memo is not None:
            memo[key] = found
    return found


def cost(
    members: Iterable[Member],
    proposals: Sequence[Contract],
    base: Contract,
    start: date,
    end: date,
    fiscal_year_start: str = "07-01",
    method: str | None = None,
    anchor: date | None = None,
) -> Costing:
    """Each proposal against the status quo, per fiscal year and in total, over the members.

    Members on a common path (on payroll all along, no step in the range) are priced once per path
    and counted, not summed one by one; the others are priced and listed one by one.
    """
    if end < start:
        raise InputError(f"--to {end} is before --from {start} (an end on or after the start)")
    method, _, pay_for = periods.for_contract(base, method, anchor)
    pieces = fiscal_years(start, end, fiscal_year_start)
    frozen = status_quo(proposals, base)
    core.schedule_on(base, start)  # a range before the first schedule is an error naming it
    n, count = len(pieces), len(proposals)
    sums = Sums(n, count)
    memo: dict[tuple[object, ...], tuple[list[int], list[list[int]]]] = {}
    lump_memo: dict[tuple[object, ...], list[int]] = {}
    common: dict[tuple[object, ...], list[Any]] = {}  # (path, lump sums) -> [members, title, old, new, lumps]
    everywhere = [True] * n
    for number, member in enumerate(members, start=1):
        if member.hired > end:
            continue  # hired after the range: on no payroll in it
        try:
            key = _path(member, frozen, start, end)
            shared = key[2] == start and not key[4]  # a common path: on payroll all along, no step
            priced = memo.get(key) if shared else None
            if priced is None:
                priced = (
                    payroll(frozen, member, pieces, pay_for),
                    [payroll(p, member, pieces, pay_for) for p in proposals],
                )
                if shared:
                    memo[key] = priced
            lumps = [lump_cents(p, member, pieces, lump_memo) for p in proposals]
        except InputError as exc:
            raise RowError(number, str(exc)) from None
        old, new = priced
        if not shared:
            sums.add(str(key[0]), [member.hired <= piece_end for _, piece_end in pieces], old, new, lumps)
            continue
        group = (key, tuple(map(tuple, lumps)))
        found = common.get(group)
        if found is None:
            common[group] = [1, str(key[0]), old, new, lumps]
        else:
            found[0] += 1
    for weight, title, old, new, lumps in common.values():
        sums.add(title, everywhere, old, new, lumps, weight, counted=True)

    def period(i: int, first: date, last: date) -> Period:
        lines = []
        status = sums.status_quo[i]
        for k, contract in enumerate(proposals):
            assert contract.proposal is not None
            increase = sums.payroll[k][i] + sums.lumps[k][i] - status
            percent = Decimal(increase) / Decimal(status) * 100 if status else None
            lines.append(
                Line(
                    contract.proposal.name,
                    money_of(sums.payroll[k][i]),
                    money_of(sums.lumps[k][i]),
                    money_of(increase),
                    percent,
                    *sums.increases[k][i].summary(),
                )
            )
        by_title = {
            title: (money_of(values[0][i]), tuple(money_of(values[1 + k][i]) for k in range(count)))
            for title, values in sorted(sums.titles.items())
        }
        return Period(
            first, last, sums.members[i], money_of(status), Decimal(status).scaleb(-4), tuple(lines), by_title
        )

    first_proposal = proposals[0].proposal
    assert first_proposal is not None
    return Costing(
        status_quo_base=core.schedule_on(base, first_proposal.base).effective,
        method=method,
        fiscal_year_start=fiscal_year_start,
        periods=tuple(period(i, a, b) for i, (a, b) in enumerate(pieces)),
        total=period(n, start, end),
    )
