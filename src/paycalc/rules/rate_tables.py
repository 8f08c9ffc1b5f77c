"""Each contract's rate tables, exactly, as retro, paychecks and costing price them: full-time annual pay of each
title, schedule and tier, pro-rated, as fractions; remembered per contract, title and work. Pure: no I/O."""

from __future__ import annotations

import datetime

from paycalc.contract.models import Contract, Schedule, Work
from paycalc.rules import terms
from paycalc.rules.periods import Rational, product, rational

REGULAR = Work()

# Per contract (by its schedules, kept alive here so an id is never reused): the effective dates, and
# the rate tables by title and factor. A roster uses one contract; costing a few at once.
_Tables = dict[tuple[str, Work], list[list[Rational]]]
_per_contract: dict[int, tuple[object, list[datetime.date], _Tables]] = {}


def _remembered(contract: Contract) -> tuple[object, list[datetime.date], _Tables]:
    found = _per_contract.get(id(contract.schedules))
    if found is None or found[0] is not contract.schedules:
        if len(_per_contract) >= 16:
            _per_contract.clear()
        found = (contract.schedules, [s.effective for s in contract.schedules], {})
        _per_contract[id(contract.schedules)] = found
    return found


def effective_dates(contract: Contract) -> list[datetime.date]:
    """The contract's effective dates, ascending."""
    return _remembered(contract)[1]


_factors: dict[tuple[object, ...], Rational] = {}


def factor(contract: Contract, work: Work, schedule: Schedule | None = None) -> Rational:
    """The pro-rating factor (:func:`paycalc.rules.terms.factor`), exactly; remembered, as a roster repeats them."""
    own = (None, None) if schedule is None else (schedule.hours_per_day, schedule.days_per_year)
    key = (contract.terms, contract.regular_hours, *own, work.hours, work.workyear, work.hours_per_day, work.days)
    found = _factors.get(key)
    if found is None:
        terms.check(contract, work)  # work the contract does not pay by is refused (and never remembered)
        numerator, denominator = terms.factor(contract, work, schedule)
        found = product(rational(numerator), rational(denominator)[::-1])
        if len(_factors) >= 1024:
            _factors.clear()
        _factors[key] = found
    return found


def annual_table(contract: Contract, title: str, work: Work) -> list[list[Rational]]:
    """``[schedule index][tier index]`` -> full-time annual pay with differentials, pro-rated, exactly.

    Each schedule's factor is against its own regular day and year. Remembered per title and work for
    each contract, so a roster computes each once; the full-time pay with differentials is worked out once per
    title and differentials, and pro-rated by each work's factor (a roster of many hours: each a product).
    """
    tables = _remembered(contract)[2]
    key = (title, work)
    table = tables.get(key)
    if table is None:
        full = REGULAR._replace(differentials=work.differentials)
        if work != full:  # pro-rated: the full-time table, each schedule's row by its own factor
            scales = [factor(contract, work, s) for s in contract.schedules]
            rows = annual_table(contract, title, full)
            table = [[product(rate, scale) for rate in row] for row, scale in zip(rows, scales, strict=True)]
        else:
            labels = [tier.label for tier in contract.tiers]
            table = []
            for s in contract.schedules:
                rates = s.rates[title]
                table.append(
                    [rational(terms.annual_rate(contract, rates[label], work.differentials, s)) for label in labels]
                )
        if len(tables) > 4096:
            tables.clear()
        tables[key] = table
    return table
