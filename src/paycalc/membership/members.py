"""A costing roster's rows as members: one row per member, or several rows of one id with ``from``/``to``.

Rows of one id follow each other. A member with several rows (a degree earned, a change of hours) is
priced row by row, each over its own days (:func:`paycalc.membership.costing.payroll`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from paycalc.contract import inputs
from paycalc.contract.errors import InputError, RowError
from paycalc.contract.models import Work
from paycalc.membership.idset import IdSet
from paycalc.membership.roster import WORK_COLUMNS, past_header, work_of


class Part(NamedTuple):
    """One row of a member with several (or with ``from``/``to``): an assignment over its own days."""

    start: date | None  # None: from the start of the costed range
    end: date | None  # None: to its end
    title: str
    work: Work


class Member(NamedTuple):
    id: str
    title: str
    hired: date
    work: Work = Work()
    parts: tuple[Part, ...] = ()  # several rows (title, hours or workyear changing on dates); each priced alone
    row: int = 0  # its first row's number among the roster's rows (1 = the first after the header)
    carried: tuple[str, ...] = ()  # its first row's cells of the columns carried through (name, school, ...)


def read_members(
    rows: Iterable[Mapping[str, str | None]],
    on_invalid: Callable[[RowError], None] | None = None,
    carried: Sequence[str] = (),
    placing: Callable[[str], date] | None = None,
) -> Iterator[Member]:
    """Roster rows (id, title, hired, optionally from, to and the work columns) as members.

    With ``placing`` (a step's text to a hire date: the step on the costed range's first day), a row's
    ``step`` stands for its ``hired``, and wins over it.

    The rows of one id follow each other; with ``from``/``to`` (inclusive) each row holds for its own
    days, and two rows of one id may not overlap. An invalid row raises :class:`RowError`, or, given
    ``on_invalid``, is passed to it and left out. The cells of the ``carried`` columns go with the member.
    """
    seen = IdSet()
    works: dict[tuple[str | None, ...], Work] = {}  # members mostly share their work columns: parse each once
    group: list[tuple[int, Member, date | None, date | None]] = []
    for number, row in enumerate(rows, start=1):
        try:
            past_header(row)
            cells = {key: (value or "").strip() for key, value in row.items() if key is not None}
            step = cells.get("step", "") if placing is not None else ""
            for column in ("id", "title", "hired"):
                if not cells.get(column) and not (column == "hired" and step):
                    raise InputError(f"no {column} (every row has id, title, hired)")
            raw = tuple(map(cells.get, WORK_COLUMNS))
            work = works.get(raw)
            if work is None:
                work = work_of(cells)
                if len(works) < 10_000:
                    works[raw] = work
            hired = (
                placing(step) if placing is not None and step else inputs.to_roster_date(cells["hired"], "hire date")
            )
            kept = tuple([cells.get(column, "") for column in carried]) if carried else ()
            member = Member(cells["id"], cells["title"], hired, work, row=number, carried=kept)
            first = inputs.to_roster_date(cells["from"], "from date") if cells.get("from") else None
            last = inputs.to_roster_date(cells["to"], "to date") if cells.get("to") else None
            if first is not None and last is not None and last < first:
                raise InputError(f"to {last} is before from {first} (a row's days run from its from to its to)")
            if group and group[0][1].id == member.id:
                _check_with(group, number, member, first, last)
                group.append((number, member, first, last))
                continue
            if group:
                yield _member(group)
                group = []
            if not seen.add(member.id):
                raise InputError(
                    f"id {member.id!r} appears again after other ids (the rows of one id follow each other)"
                )
            group = [(number, member, first, last)]
        except InputError as exc:
            if on_invalid is None:
                raise RowError(number, str(exc)) from None
            on_invalid(RowError(number, str(exc)))
    if group:
        yield _member(group)


def _check_with(
    group: list[tuple[int, Member, date | None, date | None]],
    number: int,
    member: Member,
    first: date | None,
    last: date | None,
) -> None:
    """A further row of an id: the same hire date, and days apart from every row before it."""
    if member.hired != group[0][1].hired:
        raise InputError(f"hired {member.hired} differs from {group[0][1].hired} on member {group[0][0]}'s row")
    low, high = first or date.min, last or date.max
    for other, _, a, b in group:
        if low <= (b or date.max) and (a or date.min) <= high:
            raise InputError(
                f"the days of id {member.id!r} overlap those of member {other} (line {other + 1}): "
                "the rows of one id hold for days apart (from/to, inclusive)"
            )


def _member(group: list[tuple[int, Member, date | None, date | None]]) -> Member:
    first = group[0][1]
    if len(group) == 1 and group[0][2] is None and group[0][3] is None:
        return first
    parts = sorted((Part(a, b, m.title, m.work) for _, m, a, b in group), key=lambda p: p.start or date.min)
    return first._replace(title=parts[-1].title, work=parts[-1].work, parts=tuple(parts))
