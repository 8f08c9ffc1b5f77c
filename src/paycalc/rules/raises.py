"""Raises between schedules, and one person's pay over the schedules: pure, like ``core``.

Percentages are exact quotients of the rates themselves (compounded, never a sum of percents);
they are rounded only where they are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, Work
from paycalc.rules import annual, core, steps
from paycalc.rules.results import CompareRow, Comparison, History, HistoryRow

if TYPE_CHECKING:
    from paycalc.rules.assignments import Change

HUNDRED = Decimal(100)


def percent(before: Decimal, after: Decimal) -> Decimal | None:
    """The change from ``before`` to ``after`` in percent; None when ``before`` is 0."""
    return (after - before) / before * HUNDRED if before else None


def compare(contract: Contract, start: date, end: date, title: str | None = None) -> Comparison:
    """Every title (or one) and longevity row under the schedule in force on ``start`` and on ``end``."""
    before = core.schedule_on(contract, start)
    after = core.schedule_on(contract, end)
    names = [core.resolve_title(contract, title).name] if title is not None else [t.name for t in contract.titles]
    count = len(contract.tiers)
    shared = min(before.steps or count, after.steps or count)  # the steps both schedules print
    rows = tuple(
        CompareRow(
            title=name,
            longevity=tier.label,
            from_rate=before.rates[name][tier.label],
            to_rate=after.rates[name][tier.label],
            change=after.rates[name][tier.label] - before.rates[name][tier.label],
            percent=percent(before.rates[name][tier.label], after.rates[name][tier.label]),
        )
        for name in names
        for tier in contract.tiers[:shared]
    )
    percents = [row.percent for row in rows if row.percent is not None]
    notes: tuple[str, ...] = ()
    widest = max(before.steps or count, after.steps or count)
    if shared < widest:
        more, fewer = (after, before) if (after.steps or count) == widest else (before, after)
        added = ", ".join(tier.label for tier in contract.tiers[shared:widest])
        notes = (
            f"The {more.effective} schedule also prints {added}, which the {fewer.effective} schedule "
            "does not: compared are the steps both print.",
        )
    return Comparison(
        from_schedule=before.effective,
        to_schedule=after.effective,
        rows=rows,
        smallest=min(percents, default=None),
        median=core.median(percents) if percents else None,
        largest=max(percents, default=None),
        notes=notes,
    )


def history(
    contract: Contract,
    title: str,
    *,
    years: int | None = None,
    hired: date | None = None,
    start: date | None = None,
    end: date | None = None,
    work: Work = Work(),
    changes: Sequence[Change] = (),
) -> History:
    """One row per schedule in force from ``start`` to ``end``, each priced on the day it took effect.

    ``start`` defaults to the first schedule (or the hire date, if later), ``end`` to the last
    schedule. With ``hired`` the longevity row follows the person's service on each row's date.
    """
    name = core.resolve_title(contract, title).name
    first, last = contract.schedules[0].effective, contract.schedules[-1].effective
    start = start if start is not None else max(first, hired) if hired is not None else first
    end = end if end is not None else max(last, start)
    if end < start:
        raise InputError(f"the end {end} is before the start {start} (an end on or after the start)")
    core.schedule_on(contract, start)  # a start before the first schedule is an error naming it
    if years is not None and hired is None and core.stepped(contract):  # a placement on the start, moving on
        hired, years = steps.placed(contract, years, start), None
    days = [start] + [s.effective for s in contract.schedules if start < s.effective <= end]
    if changes:  # a row on each change too, each priced with the assignment in force
        from paycalc.rules import assignments

        assignments.split(contract, name, work, start, end, changes)  # refuses a change after the end
        days = sorted({*days, *(c.on for c in changes if c.on > start)})
    rows: list[HistoryRow] = []
    for day in days:
        title_now, work_now = (name, work)
        if changes:
            from paycalc.rules import assignments

            title_now, work_now = assignments.on(contract, name, work, day, changes)
        paid = annual.pay(contract, title_now, day, years=years, hired=hired, **work_now._asdict())
        previous = rows[-1].annual if rows else None
        rows.append(
            HistoryRow(
                schedule=paid.schedule,
                date=day,
                years=paid.years,
                longevity=paid.longevity,
                rate=paid.rate,
                annual=paid.annual,
                change=None if previous is None else paid.annual - previous,
                percent=None if previous is None else percent(previous, paid.annual),
                cumulative=None if previous is None else percent(rows[0].annual, paid.annual),
                title=paid.title if changes else None,
            )
        )
    said = tuple(f"{c.on}:{c.key}={c.value}" for c in sorted(changes, key=lambda c: c.on))
    return History(title=name, rows=tuple(rows), basis=contract.terms.basis, changes=said)
