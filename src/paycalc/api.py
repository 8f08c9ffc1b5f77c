"""The Python API for scripts: plain values in, frozen results out, :class:`PaycalcError` on bad input."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

from paycalc import core, inputs
from paycalc.loader import load_contract
from paycalc.models import Comparison, Contract, History, PayResult

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
