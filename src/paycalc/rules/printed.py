"""Annual figures a schedule prints beside its hourly or daily rates, checked against the rule. Pure.

The rule: annual salary = rate x the schedule's regular hours a day x its regular days (or rate x days,
for daily rates), rounded to the cent, half up. A printed figure that differs is a finding: paycalc
reports it and pays by the rule.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from paycalc.contract.models import Contract, Schedule
from paycalc.rules import terms
from paycalc.rules.core import round_cents


class PrintedDifference(NamedTuple):
    """One cell whose printed annual figure is not its rate by the rule."""

    file: str
    schedule: str  # the effective date
    title: str
    step: str
    rate: Decimal
    printed: Decimal
    rule: Decimal


def rule_in_words(contract: Contract, schedule: Schedule) -> str:
    """The rule of a schedule, e.g. ``x 6.5 hours x 193 days``."""
    pay_terms = terms.of(contract, schedule)
    if pay_terms.basis == "hourly":
        return f"x {pay_terms.hours_per_day} hours x {pay_terms.days_per_year} days"
    if pay_terms.basis == "daily":
        return f"x {pay_terms.days_per_year} days"
    return "x 1"


def printed_note(contract: Contract, schedule: Schedule, rate: Decimal, printed: Decimal, rule: Decimal) -> str:
    return (
        f"The {schedule.effective} schedule prints ${printed:,} for this cell; the rule (${rate} "
        f"{rule_in_words(contract, schedule)}, to the cent) gives ${rule:,}. paycalc pays by the rule."
    )


def differences(contract: Contract) -> list[PrintedDifference]:
    """Every printed annual figure of every schedule that differs from its rate by the rule."""
    found = []
    for schedule in contract.schedules:
        for title, row in schedule.printed.items():
            for step, printed in row.items():
                rate = schedule.rates[title][step]
                rule = round_cents(terms.full_time(contract, rate, schedule))
                if printed != rule:
                    found.append(
                        PrintedDifference(schedule.file, str(schedule.effective), title, step, rate, printed, rule)
                    )
    return found
