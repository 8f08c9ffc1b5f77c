"""Retro pay for one person whose assignment changes on dates (:mod:`paycalc.rules.assignments`). Pure.

The period is cut at each change; each part is priced by :func:`paycalc.rules.retro.retro` with the
title and work in force, against the same paid schedule (the one in force the day before the start,
unless given) or flat amount. The parts' segments, lump sums and totals are put together, and any
instalments split the whole retro total.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal

from paycalc.contract.models import Contract, Instalment, Work
from paycalc.rules import assignments, retro
from paycalc.rules.retro_results import FiscalYear, RetroResult


def retro_with_changes(
    contract: Contract,
    title_name: str,
    *,
    hired: datetime.date,
    start: datetime.date,
    end: datetime.date,
    work: Work = Work(),
    changes: Sequence[assignments.Change] = (),
    paid_schedule: datetime.date | None = None,
    paid_annual: Decimal | None = None,
    method: str | None = None,
    anchor: datetime.date | None = None,
    instalments: Sequence[Instalment] | None = None,
    cycles: int | None = None,
    paid_contract: Contract | None = None,
) -> RetroResult:
    """Retro pay from ``start`` to ``end``, the assignment changing as ``changes`` say."""
    runs = assignments.split(contract, title_name, work, start, end, changes)
    parts: list[RetroResult] = []
    for run in runs:
        part = retro.retro(
            contract,
            run.title,
            hired=hired,
            start=run.start,
            end=run.end,
            work=run.work,
            paid_schedule=paid_schedule,
            paid_annual=paid_annual,
            method=method,
            anchor=anchor,
            instalments=(),
            cycles=cycles,
            paid_contract=paid_contract,
        )
        if (
            not parts and paid_annual is None and paid_schedule is None and paid_contract is None
        ):  # every part is paid what the first was
            paid_schedule = datetime.date.fromisoformat(part.paid_basis.removeprefix("schedule "))
        parts.append(part)
    first = parts[0]
    titled = len({part.title for part in parts}) > 1
    owed = sum((part.owed for part in parts), Decimal("0.00"))
    lumps = sum((lump.amount for part in parts for lump in part.lump_sums), Decimal(0))
    paid = sum((part.paid for part in parts), Decimal("0.00"))
    if instalments is None and contract.proposal is not None:
        instalments = contract.proposal.instalments
    from paycalc.rules.proposal import split

    return first._replace(
        end=end,
        owed=owed,
        paid=paid,
        retro=owed - paid,
        segments=tuple(
            segment._replace(title=part.title) if titled else segment for part in parts for segment in part.segments
        ),
        lump_sums=tuple(lump for part in parts for lump in part.lump_sums),
        instalments=split(owed - paid - lumps, instalments) if instalments else (),  # wages only: see retro
        changes=tuple(f"{c.on}:{c.key}={c.value}" for c in sorted(changes, key=lambda c: c.on)),
        fiscal_years=_years([year for part in parts for year in part.fiscal_years]),
    )


def _years(years: Sequence[FiscalYear]) -> tuple[FiscalYear, ...]:
    """The parts' fiscal years, a year met by two parts summed."""
    merged: dict[int, FiscalYear] = {}
    for year in years:
        found = merged.get(year.year)
        merged[year.year] = (
            year
            if found is None
            else found._replace(
                owed=found.owed + year.owed, paid=found.paid + year.paid, retro=found.retro + year.retro
            )
        )
    return tuple(merged[key] for key in sorted(merged))
