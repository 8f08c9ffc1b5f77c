"""Assignments that change on dates: a member's title (column), hours or workyear from a day on. Pure.

A change ``DATE:KEY=VALUE`` holds from DATE on. The keys: ``title``; ``hours`` (hours a week on an
annual contract, hours a day on an hourly one); ``workyear`` (annual contracts); ``hours-per-day`` and
``days`` (hourly and daily contracts). A change on or before the start sets the assignment from the start.
A period with changes is cut at each change, and each part is priced on its own with the assignment in
force: the same cut a rate change makes inside a pay period (prorated by calendar days).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import NamedTuple

from paycalc.contract import inputs
from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, Work
from paycalc.rules import terms

ONE_DAY = datetime.timedelta(days=1)
KEYS = ("title", "hours", "workyear", "hours-per-day", "days")
ACCEPTED = (
    "DATE:KEY=VALUE with KEY one of title, hours, workyear, hours-per-day, days, e.g. 2026-01-05:title=Bachelor's"
)


class Change(NamedTuple):
    """From ``on``, the assignment's ``key`` is ``value`` (a title's name, or a checked number as text)."""

    on: datetime.date
    key: str
    value: str


class Assignment(NamedTuple):
    """A run of days with one title and one kind of work."""

    start: datetime.date
    end: datetime.date
    title: str
    work: Work


def parse(text: str) -> Change:
    """``2026-01-05:title=Bachelor's`` as a :class:`Change`; raises :class:`InputError` naming what is wrong."""
    day, colon, rest = text.partition(":")
    key, equals, value = rest.partition("=")
    key = key.strip().lower().replace("_", "-")
    if not colon or not equals or key not in KEYS or not value.strip():
        raise InputError(f"change {text!r} is not a change ({ACCEPTED})")
    on = inputs.to_date(day.strip(), f"change {text!r}: date")
    value = value.strip()
    if key != "title":
        checker = {
            "hours": inputs.to_hours,
            "workyear": inputs.to_workyear,
            "hours-per-day": inputs.to_hours_per_day,
            "days": inputs.to_days,
        }[key]
        try:
            value = str(checker(value))
        except InputError as exc:
            raise InputError(f"change {text!r}: {exc}") from None
    return Change(on, key, value)


def _changed(contract: Contract, work: Work, change: Change) -> Work:
    """``work`` with the field a change's key sets on this contract (``hours``: a day on an hourly contract)."""
    value = inputs.plain_decimal(change.value)
    key = change.key
    if key == "hours" and contract.terms.basis == "hourly":
        key = "hours-per-day"
    if key == "hours":
        return work._replace(hours=value)
    if key == "workyear":
        return work._replace(workyear=value)
    if key == "hours-per-day":
        return work._replace(hours_per_day=value)
    return work._replace(days=value)


def split(
    contract: Contract,
    title: str,
    work: Work,
    start: datetime.date,
    end: datetime.date,
    changes: Sequence[Change],
) -> list[Assignment]:
    """The period cut at each change into runs of one assignment, in order; raises on a change after ``end``
    or two changes of one key on one day."""
    seen: set[tuple[datetime.date, str]] = set()
    for change in changes:
        if change.on > end:
            raise InputError(f"change {change.on}:{change.key} is after the end {end} (a change on or before it)")
        if (change.on, change.key) in seen:
            raise InputError(f"two changes of {change.key} on {change.on} (one a day for each key)")
        seen.add((change.on, change.key))
    ordered = sorted(changes, key=lambda c: c.on)
    runs: list[Assignment] = []
    current_title, current_work, first = title, work, start
    for change in ordered:
        day = max(change.on, start)
        if day > first:
            runs.append(Assignment(first, day - ONE_DAY, current_title, current_work))
            first = day
        if change.key == "title":
            current_title = change.value
        else:
            current_work = _changed(contract, current_work, change)
            terms.check(contract, current_work)
    runs.append(Assignment(first, end, current_title, current_work))
    return runs


def on(contract: Contract, title: str, work: Work, day: datetime.date, changes: Sequence[Change]) -> tuple[str, Work]:
    """The title and work in force on ``day``."""
    for change in sorted(changes, key=lambda c: c.on):
        if change.on > day:
            break
        if change.key == "title":
            title = change.value
        else:
            work = _changed(contract, work, change)
    terms.check(contract, work)
    return title, work
