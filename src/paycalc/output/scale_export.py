"""A contract's schedules as one long table (a row a cell): what ``paycalc schedules export`` writes and
``paycalc schedules import`` reads back, so a committee can edit a scale in a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from paycalc.contract.models import Contract


def header(contract: Contract) -> list[str]:
    basis = contract.terms.basis
    label = "step" if all(t.label.startswith("step ") for t in contract.tiers) else "tier"
    head = ["effective", "title", label, basis]
    if basis != "annual":
        head += ["annual", *(["hours_per_day"] if basis == "hourly" else []), "days"]
    titled = any(t.hired_before or t.notes for t in contract.titles)  # what a title says of itself, where any does
    return [*head, "source", *(["hired_before", "notes"] if titled else [])]


def rows(contract: Contract) -> Iterator[list[Any]]:
    """Each schedule's printed cells: the rate, beside an hourly or daily one the annual figure it prints (else
    the rule's), the regular day and year, and the schedule's source."""
    from paycalc.rules import terms
    from paycalc.rules.core import round_cents

    basis = contract.terms.basis
    for schedule in contract.schedules:
        printed_tiers = contract.tiers[: schedule.steps or len(contract.tiers)]
        regular = terms.of(contract, schedule)
        for title in contract.titles:
            for tier in printed_tiers:
                rate = schedule.rates[title.name][tier.label]
                row: list[Any] = [schedule.effective.isoformat(), title.name, tier.label, rate]
                if basis != "annual":
                    printed = schedule.printed.get(title.name, {}).get(tier.label)
                    annual = printed if printed is not None else round_cents(terms.full_time(contract, rate, schedule))
                    row.append(annual)
                    if basis == "hourly":
                        row.append(_plain(regular.hours_per_day))
                    row.append(_plain(regular.days_per_year))
                row.append(schedule.source)
                if any(t.hired_before or t.notes for t in contract.titles):
                    row += [title.hired_before.isoformat() if title.hired_before else "", " | ".join(title.notes)]
                yield row


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")
