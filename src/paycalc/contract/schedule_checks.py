"""The checks of one schedule file against its contract.yaml: titles, tiers or steps, longevity, own terms.

A schedule may print fewer steps than the contract's tier list (a scale that grows a step each year):
then every title prints the same first steps, with no gap, and a member past the top is paid the top.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from paycalc.contract.errors import Problem
from paycalc.contract.inputs import title_key

if TYPE_CHECKING:
    from paycalc.contract.formats import ContractFile, ScheduleFile

CONTRACT_FILE = "contract.yaml"


def printed_steps(spec: ScheduleFile, labels: list[str]) -> int:
    """How many of the contract's tiers the schedule prints: the longest run from the first that a title has."""

    def run(row: Mapping[str, object]) -> int:
        count = 0
        while count < len(labels) and labels[count] in row:
            count += 1
        return count

    return max((run(row) for row in spec.rates.values()), default=0)


def check_schedule(name: str, spec: ScheduleFile, contract: ContractFile) -> list[Problem]:
    problems = _check_titles(name, spec, contract)
    labels = [tier.label for tier in contract.longevity_tiers]
    steps = printed_steps(spec, labels)
    shown = labels[:steps]
    base, raised = labels[0], labels[1:steps]
    if spec.longevity:
        for label in spec.longevity:
            if label not in labels:
                problems.append(
                    Problem(name, f"longevity.{label}", f"is not a longevity tier (tiers: {', '.join(labels)})")
                )
        for label in raised:
            if label not in spec.longevity:
                problems.append(
                    Problem(name, "longevity", f"has no {label!r} amount (one for each of: {', '.join(raised)})")
                )
    for title, row in spec.rates.items():
        for label in row:
            if label not in labels:
                problems.append(
                    Problem(name, f"rates.{title}.{label}", f"is not a longevity tier (tiers: {', '.join(labels)})")
                )
        top = max([steps, *(labels.index(label) + 1 for label in row if label in labels)])
        missing = [label for label in labels[:top] if label not in row]
        if missing:  # a schedule may leave out top steps, the same ones for every title, and no others
            expected = ", ".join(labels[:top])
            problems.append(
                Problem(name, f"rates.{title}", f"has no {', '.join(missing)} rate (a rate for each of: {expected})")
            )
            continue
        for lower, label in itertools.pairwise(shown):
            if row[label] < row[lower]:
                problems.append(
                    Problem(name, f"rates.{title}.{label}", f"{row[label]} is below the {lower} rate {row[lower]}")
                )
        base_rate = row[base] - spec.longevity.get(base, 0)  # a base tier's own amount is 0 unless given
        for label in raised:
            amount = spec.longevity.get(label)
            if amount is not None and row[label] != base_rate + amount:
                problems.append(
                    Problem(
                        name,
                        f"rates.{title}.{label}",
                        f"{row[label]} is not the base rate {base_rate} + {label} longevity {amount} = "
                        f"{base_rate + amount} (each longevity row equals the base rate plus its longevity amount)",
                    )
                )
    return problems + _check_own_terms(name, spec, contract, shown)


def _check_titles(name: str, spec: ScheduleFile, contract: ContractFile) -> list[Problem]:
    problems = []
    titles = [title.name for title in contract.titles]
    known = {title_key(t.name): t.name for t in contract.titles} | {
        title_key(a): t.name for t in contract.titles for a in t.aliases
    }
    for title in spec.rates:
        if title not in titles:
            canonical = known.get(title_key(title))
            hint = f"write it as {canonical!r}" if canonical else f"titles in {CONTRACT_FILE}: {', '.join(titles)}"
            problems.append(Problem(name, f"rates.{title}", f"is not a title of {CONTRACT_FILE} ({hint})"))
    for title in titles:
        if title not in spec.rates:
            problems.append(Problem(name, "rates", f"has no row for {title!r} (every schedule covers every title)"))
    return problems


def _check_own_terms(name: str, spec: ScheduleFile, contract: ContractFile, shown: list[str]) -> list[Problem]:
    """A schedule's own regular day and year, and its printed annual figures."""
    problems = []
    basis = contract.pay_basis
    if spec.regular_hours_per_day is not None:
        if basis != "hourly":
            problems.append(
                Problem(name, "regular_hours_per_day", f"is for hourly contracts (this one is paid {basis} rates)")
            )
        elif not 0 < spec.regular_hours_per_day <= 24:
            problems.append(
                Problem(name, "regular_hours_per_day", f"is {spec.regular_hours_per_day} (above 0 and at most 24)")
            )
    if spec.regular_days_per_year is not None:
        if basis == "annual":
            problems.append(
                Problem(
                    name, "regular_days_per_year", "is for hourly and daily contracts (this one is paid annual rates)"
                )
            )
        elif not 0 < spec.regular_days_per_year <= 366:
            problems.append(
                Problem(name, "regular_days_per_year", f"is {spec.regular_days_per_year} (above 0 and at most 366)")
            )
    for title, row in spec.printed_annual.items():
        if title not in spec.rates:
            problems.append(Problem(name, f"printed_annual.{title}", "is not a title of this schedule's rates"))
            continue
        for label in row:
            if label not in shown:
                problems.append(
                    Problem(
                        name,
                        f"printed_annual.{title}.{label}",
                        f"is not a step this schedule prints ({', '.join(shown)})",
                    )
                )
    return problems
