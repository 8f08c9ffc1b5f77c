"""contract.yaml's pay terms: basis, regular hours and days, step days, freezes, differentials, pay periods.

Every key is optional, and a file without them is the NYC contract's kind (annual rates, anniversaries,
semimonthly pay), so today's folders stay valid unchanged.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from decimal import Decimal

from pydantic import Field

from paycalc.contract.errors import Problem
from paycalc.contract.inputs import title_key
from paycalc.contract.models import Differential, PayTerms
from paycalc.contract.schema_types import Money, Strict, Text

BASES = ("annual", "hourly", "daily")
PAY_PERIODS = ("semimonthly", "biweekly", "monthly", "daily")
SPLITS = ("calendar_days", "weekdays")
KINDS = ("per_hour", "per_day", "per_year", "percent")
_MM_DD = re.compile(r"(\d\d)-(\d\d)")


class FreezeSpec(Strict):
    start: date = Field(alias="from")
    end: date = Field(alias="to")


class DifferentialSpec(Strict):
    per_hour: Money | None = None
    per_day: Money | None = None
    per_year: Money | None = None
    percent: Money | None = None


class TermsFields(Strict):
    pay_basis: Text = "annual"
    regular_hours_per_day: Money | None = None
    regular_days_per_year: Money | None = None
    step_advance: Text = "anniversary"
    step_freezes: list[FreezeSpec] = []
    differentials: dict[Text, DifferentialSpec] = {}
    pay_periods: Text | None = None
    pay_period_anchor: date | None = None
    new_hire_cutoff: Text | None = None
    pay_cycles: list[int] = []
    check_split: Text = "calendar_days"


def month_day(text: str) -> tuple[int, int] | None:
    """``"07-01"`` as (7, 1); None unless it is a day every year has."""
    match = _MM_DD.fullmatch(text)
    if match is None:
        return None
    month, day = int(match[1]), int(match[2])
    try:
        date(2001, month, day)  # a common year: refuses 02-29, which most years lack
    except ValueError:
        return None
    return month, day


def _regulars(where: str, spec: TermsFields, has_week: bool) -> list[Problem]:
    problems = []
    basis = spec.pay_basis
    if basis not in BASES:
        problems.append(Problem(where, "pay_basis", f"is {basis!r} (annual, hourly or daily: what the rates are)"))
    needed = {
        "regular_hours_per_week": basis == "annual" and not has_week,
        "regular_hours_per_day": basis == "hourly" and spec.regular_hours_per_day is None,
        "regular_days_per_year": basis in ("hourly", "daily") and spec.regular_days_per_year is None,
    }
    examples = {"regular_hours_per_week": "30", "regular_hours_per_day": "6.5", "regular_days_per_year": "182"}
    for key, missing in needed.items():
        if missing:
            problems.append(
                Problem(where, key, f"missing (required when pay_basis is {basis}: e.g. {key}: {examples[key]})")
            )
    for key, value, most in (
        ("regular_hours_per_day", spec.regular_hours_per_day, 24),
        ("regular_days_per_year", spec.regular_days_per_year, 366),
    ):
        if value is not None and not 0 < value <= most:
            problems.append(Problem(where, key, f"is {value} (above 0 and at most {most})"))
    return problems


def _steps(where: str, spec: TermsFields) -> list[Problem]:
    problems = []
    if spec.step_advance != "anniversary" and month_day(spec.step_advance) is None:
        problems.append(
            Problem(
                where,
                "step_advance",
                f'{spec.step_advance!r} is not a day of every year (anniversary, or MM-DD in quotes, e.g. "07-01")',
            )
        )
    if spec.new_hire_cutoff is not None:
        cutoff = month_day(spec.new_hire_cutoff)
        if cutoff is None:
            problems.append(
                Problem(
                    where,
                    "new_hire_cutoff",
                    f'{spec.new_hire_cutoff!r} is not a day of every year (MM-DD in quotes, e.g. "01-01")',
                )
            )
        elif spec.step_advance == "anniversary":
            problems.append(Problem(where, "new_hire_cutoff", 'is only for steps on one day (step_advance: "07-01")'))
        elif cutoff == month_day(spec.step_advance):
            problems.append(Problem(where, "new_hire_cutoff", "is the step day itself (a day between two step days)"))
    for i, freeze in enumerate(spec.step_freezes):
        if freeze.start > freeze.end:
            problems.append(
                Problem(
                    where, f"step_freezes.{i}", f"runs from {freeze.start} back to {freeze.end} (from on or before to)"
                )
            )
    ordered = sorted(spec.step_freezes, key=lambda freeze: freeze.start)
    for before, after in itertools.pairwise(ordered):
        if after.start <= before.end:
            problems.append(
                Problem(
                    where,
                    "step_freezes",
                    f"{after.start} to {after.end} overlaps {before.start} to {before.end} (ranges must not overlap)",
                )
            )
    return problems


def _differentials(where: str, spec: TermsFields) -> list[Problem]:
    problems = []
    owner: dict[str, str] = {}
    for name, differential in spec.differentials.items():
        key = f"differentials.{name}"
        normal = title_key(name)
        if not normal:
            problems.append(Problem(where, key, f"{name!r} has no letters or digits"))
        elif owner.setdefault(normal, name) != name:
            problems.append(
                Problem(
                    where,
                    key,
                    f"{name!r} clashes with differential {owner[normal]!r} (names must differ, ignoring case, "
                    "spacing and punctuation)",
                )
            )
        kinds = [kind for kind in KINDS if getattr(differential, kind) is not None]
        if len(kinds) != 1:
            problems.append(
                Problem(where, key, f"has {len(kinds) or 'no'} amounts (exactly one of {', '.join(KINDS)})")
            )
            continue
        kind = kinds[0]
        if kind == "percent" and getattr(differential, kind) > 100:
            problems.append(
                Problem(where, f"{key}.percent", f"{differential.percent} is above 100 (a percent of the rate)")
            )
        if kind == "per_hour" and (spec.regular_hours_per_day is None or spec.regular_days_per_year is None):
            problems.append(
                Problem(
                    where,
                    f"{key}.per_hour",
                    "needs regular_hours_per_day and regular_days_per_year (to make it yearly)",
                )
            )
        if kind == "per_day" and spec.regular_days_per_year is None:
            problems.append(Problem(where, f"{key}.per_day", "needs regular_days_per_year (to make it yearly)"))
    return problems


def _periods(where: str, spec: TermsFields) -> list[Problem]:
    problems = []
    if spec.pay_periods is not None and spec.pay_periods not in PAY_PERIODS:
        problems.append(Problem(where, "pay_periods", f"is {spec.pay_periods!r} (one of {', '.join(PAY_PERIODS)})"))
    if spec.pay_periods == "biweekly" and spec.pay_period_anchor is None:
        problems.append(
            Problem(where, "pay_period_anchor", "missing (biweekly pay needs the first day of one pay period)")
        )
    if spec.pay_period_anchor is not None and spec.pay_periods != "biweekly":
        problems.append(Problem(where, "pay_period_anchor", "is only for pay_periods: biweekly"))
    if spec.pay_cycles and (spec.pay_periods != "biweekly" or not set(spec.pay_cycles) <= {22, 26}):
        problems.append(
            Problem(
                where, "pay_cycles", f"is {spec.pay_cycles} (with pay_periods: biweekly, the elections 22 and/or 26)"
            )
        )
    if spec.check_split not in SPLITS:
        problems.append(Problem(where, "check_split", f"is {spec.check_split!r} (one of {', '.join(SPLITS)})"))
    return problems


def check_terms(where: str, spec: TermsFields, has_week: bool) -> list[Problem]:
    """Every problem with the pay terms of a contract file."""
    return _regulars(where, spec, has_week) + _steps(where, spec) + _differentials(where, spec) + _periods(where, spec)


def terms_of(spec: TermsFields) -> PayTerms:
    """The checked terms as the frozen record the core reads."""
    differentials = []
    for name, differential in spec.differentials.items():
        kind = next(kind for kind in KINDS if getattr(differential, kind) is not None)
        amount: Decimal = getattr(differential, kind)
        differentials.append(Differential(name, kind, amount))
    return PayTerms(
        basis=spec.pay_basis,
        hours_per_day=spec.regular_hours_per_day,
        days_per_year=spec.regular_days_per_year,
        step_advance=None if spec.step_advance == "anniversary" else month_day(spec.step_advance),
        freezes=tuple((freeze.start, freeze.end) for freeze in spec.step_freezes),
        differentials=tuple(differentials),
        pay_periods=spec.pay_periods,
        anchor=spec.pay_period_anchor,
        new_hire_cutoff=None if spec.new_hire_cutoff is None else month_day(spec.new_hire_cutoff),
        pay_cycles=tuple(dict.fromkeys(spec.pay_cycles)),
        check_split=spec.check_split,
    )
