"""The Python API for scripts: plain values in, frozen results out, :class:`PaycalcError` on bad input.

Pay, raises and histories are here; retro, paychecks, rosters and costing in :mod:`paycalc.api.periods`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from paycalc.api._base import Number, Schedules, contract_for, load_proposal, paid_contract_for, parse_changes
from paycalc.api.periods import cost, hired_for, paychecks, retro_pay
from paycalc.api.rosters import cost_roster, retro_roster, write_retro_roster
from paycalc.contract import inputs
from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, PayResult
from paycalc.rules import annual

if TYPE_CHECKING:
    from paycalc.rules.results import Comparison, History

__all__ = [
    "Number",
    "Schedules",
    "annual_pay",
    "compare",
    "contract_for",
    "cost",
    "cost_roster",
    "hired_for",
    "history",
    "load_proposal",
    "paid_contract_for",
    "paychecks",
    "real_series",
    "retro_pay",
    "retro_roster",
    "write_retro_roster",
]


def annual_pay(
    title: str,
    on: date | str,
    *,
    years: int | str | None = None,
    hired: date | str | None = None,
    hours: Number | None = None,
    workyear: Number | None = None,
    hours_per_day: Number | None = None,
    days: Number | None = None,
    differentials: Iterable[str] = (),
    schedules: Schedules = None,
    step: int | str | None = None,
) -> PayResult:
    """Annual pay for ``title`` on the date ``on``, to the cent.

    Give exactly one of ``years`` (completed years of service) or ``hired`` (hire date). On an annual
    contract (NYC's), ``hours`` is hours per week (default: the regular week, 30) and ``workyear`` the
    fraction of the regular workyear worked (default 1); both pro-rate the published rate (Article
    Three A.3). On an hourly contract, ``hours_per_day`` and ``days`` (a year) do; on a daily one,
    ``days``. ``differentials`` names the contract's differentials the person has. On a step contract
    ``step`` (1 is the first) may be given instead: the step on ``on``.

    >>> annual_pay("Ed. Asst. B", "2018-06-16", years=16).annual
    Decimal('33352.00')
    """
    contract = contract_for(schedules)
    if step is not None:
        from paycalc.rules import steps

        if years is not None or hired is not None:
            raise InputError("step given with years or hired (one: the step, completed years, or a hire date)")
        years = steps.step_years(contract, step)
    return annual.pay(
        contract,
        title,
        inputs.to_date(on),
        years=None if years is None else inputs.to_years(years),
        hired=None if hired is None else inputs.to_date(hired, "hire date"),
        **inputs.to_work(hours, workyear, hours_per_day, days, differentials)._asdict(),
    )


def compare(
    start: date | str,
    end: date | str,
    *,
    title: str | None = None,
    schedules: Schedules = None,
    cpi: str | None = None,
) -> Comparison:
    """Every title and longevity row (or one title's) under the schedule in force on ``start`` and on ``end``.

    With ``cpi`` (``"us"``, ``"ny-metro"``, a CSV path, or ``"default"`` for the contract's own series)
    each row also gets its ``real_percent``: the raise after prices.

    >>> row = compare("2008-05-19", "2018-06-16", title="Teacher Aide").rows[0]
    >>> row.from_rate, row.to_rate, row.change, round(row.percent, 2)
    (Decimal('21713'), Decimal('25927'), Decimal('4214'), Decimal('19.41'))
    """
    from paycalc.rules import raises

    contract = contract_for(schedules)
    first, last = inputs.to_date(start, "from date"), inputs.to_date(end, "to date")
    result = raises.compare(contract, first, last, title)
    if cpi is None:
        return result
    from paycalc.contract import cpi as cpi_file
    from paycalc.rules import inflation

    return inflation.compare(result, cpi_file.load_cpi(real_series(contract, cpi)), first, last)


def real_series(contract: Contract, cpi: str) -> str:
    """``cpi``, or for ``"default"`` the contract's own series (its ``cpi:`` key), else ``us``."""
    return (contract.cpi or "us") if cpi == "default" else cpi


def history(
    title: str,
    *,
    years: int | str | None = None,
    hired: date | str | None = None,
    start: date | str | None = None,
    end: date | str | None = None,
    hours: Number | None = None,
    workyear: Number | None = None,
    hours_per_day: Number | None = None,
    days: Number | None = None,
    differentials: Iterable[str] = (),
    schedules: Schedules = None,
    cpi: str | None = None,
    changes: Iterable[str] = (),
    step: int | str | None = None,
) -> History:
    """One person's pay under each schedule from ``start`` to ``end`` (default: all of them).

    Each row is priced on the day its schedule took effect (``start`` for the first); with ``hired``
    the longevity row follows the service reached on that day. With ``cpi`` (as for :func:`compare`)
    each row also gets ``real_annual``, ``real_cumulative`` and ``kept_up``. ``changes`` (as for
    :func:`retro_pay`) add a row on each change, priced with the assignment in force. On a step contract,
    ``years`` or ``step`` place the person on ``start`` (default: the first schedule), moving a step each
    step day after, as every command does.
    """
    from paycalc.rules import raises, steps

    contract = contract_for(schedules)
    if step is not None:
        if years is not None or hired is not None:
            raise InputError("step given with years or hired (one: the step, completed years, or a hire date)")
        years = steps.step_years(contract, step)
    result = raises.history(
        contract,
        title,
        years=None if years is None else inputs.to_years(years),
        hired=None if hired is None else inputs.to_date(hired, "hire date"),
        start=None if start is None else inputs.to_date(start, "from date"),
        end=None if end is None else inputs.to_date(end, "to date"),
        work=inputs.to_work(hours, workyear, hours_per_day, days, differentials),
        changes=parse_changes(changes),
    )
    if cpi is None:
        return result
    from paycalc.contract import cpi as cpi_file
    from paycalc.rules import inflation

    return inflation.history(result, cpi_file.load_cpi(real_series(contract, cpi)))
