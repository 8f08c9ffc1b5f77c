"""The Python API over periods of time and rosters: retro pay, paychecks, roster totals, costing."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from paycalc.contract import inputs
from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, Instalment

if TYPE_CHECKING:
    from paycalc.membership.costing import Costing, MemberCost
    from paycalc.rules.paychecks import Check
    from paycalc.rules.retro_results import RetroResult

from paycalc.api._base import Number, Schedules, contract_for, paid_contract_for, parse_changes


def retro_pay(
    title: str,
    *,
    hired: date | str | None = None,
    years: int | str | None = None,
    step: int | str | None = None,
    start: date | str,
    end: date | str,
    hours: Number | None = None,
    workyear: Number | None = None,
    hours_per_day: Number | None = None,
    days: Number | None = None,
    differentials: Iterable[str] = (),
    paid_schedule: date | str | None = None,
    paid_annual: Number | None = None,
    method: str | None = None,
    anchor: date | str | None = None,
    schedules: Schedules = None,
    instalments: str | None = None,
    changes: Iterable[str] = (),
    pay_cycles: int | str | None = None,
    paid_contract: Schedules = None,
) -> RetroResult:
    """Retro pay from ``start`` to ``end`` (both included): what the schedules owed minus what was paid.

    Paid is, by default, the schedule in force the day before ``start``, frozen, with the same
    longevity progression and pro-rating; ``paid_schedule`` freezes the schedule in force on another
    date; ``paid_annual`` is a flat annual amount actually paid. ``method`` is ``"semimonthly"`` (24
    checks a year), ``"biweekly"`` (26, from ``anchor``, the first day of one period), ``"monthly"`` or
    ``"daily"``; by default the contract's ``pay_periods``, else semimonthly. Work options as for
    :func:`annual_pay`. The README's "Retro pay" section states the rules. Under a proposal,
    its lump sums paid in the period are owed; ``instalments`` (``"2015-10-15:50,2016-10-15:50"``, else the
    proposal's) splits the retro total into dated payments. ``changes`` (``"2026-01-05:title=Bachelor's"``,
    ``"2026-03-01:hours=5"``, ...) change the assignment from a date on; ``pay_cycles`` (22 or 26) chooses
    biweekly checks over the school year or all year. Give ``hired``, or ``years`` counted or a ``step`` on
    ``start`` (a placement: the step moves on each step day after). ``paid_contract`` (a bundled contract's name,
    a folder, or a contract) prices what was paid from that contract's schedule in force each day, with the same
    title, step and work (``"lunenburg-paras-posted"``: the posted scale); the result then has ``fiscal_years``.
    """
    from paycalc.rules import retro

    pricing: Any = retro.retro
    extra: dict[str, Any] = {}
    parsed = parse_changes(changes)
    if parsed:  # only then: paycalc retro's start-up imports neither the parser nor the splitting
        from paycalc.rules import retro_changes

        pricing = retro_changes.retro_with_changes
        extra = {"changes": parsed}
    contract = contract_for(schedules)
    first = inputs.to_date(start, "from date")
    if paid_contract is not None:
        extra["paid_contract"] = paid_contract_for(paid_contract)
    result: RetroResult = pricing(
        contract,
        title,
        hired=hired_for(hired, years, first, step=step, schedules=contract),
        start=first,
        end=inputs.to_date(end, "to date"),
        work=inputs.to_work(hours, workyear, hours_per_day, days, differentials),
        paid_schedule=None if paid_schedule is None else inputs.to_date(paid_schedule, "paid schedule date"),
        paid_annual=None if paid_annual is None else inputs.to_amount(paid_annual, "paid annual"),
        method=method,
        anchor=None if anchor is None else inputs.to_date(anchor, "anchor"),
        instalments=None if instalments is None else _instalments(instalments),
        cycles=None if pay_cycles is None else inputs.to_cycles(pay_cycles),
        **extra,
    )
    if step is not None or years is not None:
        from paycalc.rules import steps

        counted = None if years is None else inputs.to_years(years)
        result = result._replace(placed=steps.placement(contract, step, counted, first))
    return result


def paychecks(
    title: str,
    *,
    hired: date | str | None = None,
    years: int | str | None = None,
    start: date | str,
    end: date | str,
    hours: Number | None = None,
    workyear: Number | None = None,
    hours_per_day: Number | None = None,
    days: Number | None = None,
    differentials: Iterable[str] = (),
    method: str | None = None,
    anchor: date | str | None = None,
    pay_cycles: int | str | None = None,
    changes: Iterable[str] = (),
    schedules: Schedules = None,
    step: int | str | None = None,
) -> tuple[str, list[Check]]:
    """Every paycheck from ``start`` to ``end``: the method used, and each check (pay date, days, gross).

    Give ``hired``, ``years`` (counted on ``start``) or ``step`` (on ``start``). The checks add up to what
    :func:`retro_pay` calls owed for the same range; each is dated its pay period's last day.
    """
    from paycalc.rules import paychecks as checks

    first, last = inputs.to_date(start, "from date"), inputs.to_date(end, "to date")
    contract = contract_for(schedules)
    return checks.paychecks(
        contract,
        title,
        hired=hired_for(hired, years, first, step=step, schedules=contract),
        start=first,
        end=last,
        work=inputs.to_work(hours, workyear, hours_per_day, days, differentials),
        method=method,
        anchor=None if anchor is None else inputs.to_date(anchor, "anchor"),
        cycles=None if pay_cycles is None else inputs.to_cycles(pay_cycles),
        changes=parse_changes(changes),
    )


def hired_for(
    hired: date | str | None,
    years: int | str | None,
    on: date,
    *,
    step: int | str | None = None,
    schedules: Schedules = None,
) -> date:
    """A hire date: ``hired``; or, for ``years`` counted or ``step`` (a placement) on ``on``, the one that
    gives them on ``on`` and moves the step on each step day after (:func:`paycalc.rules.steps.placed`)."""
    given = [name for name, value in (("years", years), ("hired", hired), ("step", step)) if value is not None]
    if len(given) != 1:
        said = " and ".join(given) if given else "none of years, hired and step"
        raise InputError(
            f"{said} given (exactly one: completed years on the start, e.g. 16, a hire date, or a step, e.g. 4)"
        )
    if hired is not None:
        return inputs.to_date(hired, "hire date")
    from paycalc.rules import steps

    contract = contract_for(schedules)
    counted = steps.step_years(contract, step) if step is not None else inputs.to_years(years)  # type: ignore[arg-type]
    return steps.placed(contract, counted, on)


def _instalments(text: str) -> tuple[Instalment, ...]:
    from paycalc.rules import proposal

    return proposal.parse_instalments(text)


def cost(
    roster_rows: Iterable[Mapping[str, str | None]],
    proposals: Iterable[Contract | str | os.PathLike[str]],
    *,
    start: date | str,
    end: date | str,
    fiscal_year_start: str = "07-01",
    method: str | None = None,
    anchor: date | str | None = None,
    schedules: Schedules = None,
    on_member: Callable[[MemberCost], None] | None = None,
) -> Costing:
    """What ``proposals`` cost across the roster, per fiscal year and in total, against the status quo.

    ``on_member``, if given, is called with each member's :class:`MemberCost` (cents per fiscal year and
    over the range, under the status quo and each proposal), in the roster's order.

    ``roster_rows`` are mappings with ``id, title, hired`` (or ``step``, the step on ``start``, which wins over
    ``hired``) and optionally the work columns of
    :func:`retro_roster` (one row per member); ``proposals`` are proposal files or contracts from
    :func:`load_proposal`. The first proposal's base schedule, frozen, is the status quo. Members are
    read one at a time; those whose pay follows the same path are priced once. The README's "Costing"
    section states the rules.
    """
    from paycalc.api.rosters import cost_roster

    return cost_roster(
        roster_rows,
        proposals,
        start=start,
        end=end,
        fiscal_year_start=fiscal_year_start,
        method=method,
        anchor=anchor,
        schedules=schedules,
        on_member=on_member,
    )
