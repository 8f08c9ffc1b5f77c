"""Pay terms: how a published rate becomes one person's annual pay. Pure: no I/O.

- ``annual`` contracts (NYC's): annual = rate x hours / regular hours x workyear.
- ``hourly``: annual = rate x hours a day x days a year (defaults: the contract's regular hours and days).
- ``daily``: annual = rate x days a year.

Differentials are added to the rate before pro-rating: a percent of the rate, cents an hour or a day,
or a yearly amount (which pro-rates like the rest). All of it is one formula:

    annual = (full-time annual + differentials at full time) x pro-rating factor, rounded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import title_key
from paycalc.contract.models import Contract, Differential, PayTerms, Schedule, Work

# The options of a person's work each basis takes, by Work field.
FIT = {"annual": ("hours", "workyear"), "hourly": ("hours_per_day", "days"), "daily": ("days",)}
PER_KIND = {"per_hour": "an hour", "per_day": "a day", "per_year": "a year"}  # a differential's amount, in words
_WORDS = {"hours": "hours", "workyear": "workyear", "hours_per_day": "hours per day", "days": "days"}
_EXACT = 60  # digits: products of rates (at most 20 digits) and regular amounts stay exact


def misfits(contract: Contract, work: Work) -> list[str]:
    """The fields of ``work`` given that the contract's basis does not take (Work field names)."""
    fit = FIT[contract.terms.basis]
    return [
        name
        for name in ("hours", "workyear", "hours_per_day", "days")
        if getattr(work, name) is not None and name not in fit
    ]


def check(contract: Contract, work: Work) -> None:
    """Refuse work given in terms the contract does not pay by."""
    wrong = misfits(contract, work)
    if wrong:
        basis = contract.terms.basis
        raise InputError(
            f"{' and '.join(_WORDS[name] for name in wrong)} {'does' if len(wrong) == 1 else 'do'} not fit a "
            f"contract paid {basis} rates "
            f"(it takes {' and '.join(_WORDS[name] for name in FIT[basis])})"
        )


def differential_names(contract: Contract, given: Sequence[str]) -> tuple[str, ...]:
    """The contract's differentials named in ``given`` (any case and spacing), in the contract's order."""
    known = {title_key(d.name): d.name for d in contract.terms.differentials}
    chosen = set()
    for name in given:
        found = known.get(title_key(name))
        if found is None:
            offered = ", ".join(d.name for d in contract.terms.differentials)
            raise InputError(
                f"unknown differential {name!r} "
                + (f"(this contract's: {offered})" if offered else "(this contract has none)")
            )
        chosen.add(found)
    return tuple(d.name for d in contract.terms.differentials if d.name in chosen)


def of(contract: Contract, schedule: Schedule | None = None) -> PayTerms:
    """The contract's pay terms, with a schedule's own regular day and year where it sets them."""
    terms = contract.terms
    if schedule is None or (schedule.hours_per_day is None and schedule.days_per_year is None):
        return terms
    return terms._replace(
        hours_per_day=terms.hours_per_day if schedule.hours_per_day is None else schedule.hours_per_day,
        days_per_year=terms.days_per_year if schedule.days_per_year is None else schedule.days_per_year,
    )


def factor(contract: Contract, work: Work, schedule: Schedule | None = None) -> tuple[Decimal, Decimal]:
    """The pro-rating factor as numerator and denominator, each exact, against ``schedule``'s regular amounts."""
    terms = of(contract, schedule)
    with localcontext(prec=_EXACT):
        if terms.basis == "hourly":
            assert terms.hours_per_day is not None and terms.days_per_year is not None
            hours = terms.hours_per_day if work.hours_per_day is None else work.hours_per_day
            days = terms.days_per_year if work.days is None else work.days
            return hours * days, terms.hours_per_day * terms.days_per_year
        if terms.basis == "daily":
            assert terms.days_per_year is not None
            return (terms.days_per_year if work.days is None else work.days), terms.days_per_year
        assert contract.regular_hours is not None
        hours = contract.regular_hours if work.hours is None else work.hours
        return hours * (Decimal(1) if work.workyear is None else work.workyear), contract.regular_hours


def full_time(contract: Contract, rate: Decimal, schedule: Schedule | None = None) -> Decimal:
    """A published rate as annual pay at the regular hours and days (``schedule``'s, where it sets them)."""
    terms = of(contract, schedule)
    with localcontext(prec=_EXACT):
        if terms.basis == "hourly":
            assert terms.hours_per_day is not None and terms.days_per_year is not None
            return rate * terms.hours_per_day * terms.days_per_year
        if terms.basis == "daily":
            assert terms.days_per_year is not None
            return rate * terms.days_per_year
        return rate


def extras(
    contract: Contract, full: Decimal, names: tuple[str, ...], schedule: Schedule | None = None
) -> list[tuple[Differential, Decimal]]:
    """Each named differential with what it adds to the full-time annual pay ``full``, exactly."""
    terms = of(contract, schedule)
    added = []
    with localcontext(prec=_EXACT):
        for differential in terms.differentials:
            if differential.name not in names:
                continue
            amount = differential.amount
            if differential.kind == "percent":
                value = full * amount / 100
            elif differential.kind == "per_hour":
                assert terms.hours_per_day is not None and terms.days_per_year is not None
                value = amount * terms.hours_per_day * terms.days_per_year
            elif differential.kind == "per_day":
                assert terms.days_per_year is not None
                value = amount * terms.days_per_year
            else:  # per_year
                value = amount
            added.append((differential, value))
    return added


def annual_rate(contract: Contract, rate: Decimal, names: tuple[str, ...], schedule: Schedule | None = None) -> Decimal:
    """Full-time annual pay for a published rate with the named differentials, exactly."""
    full = full_time(contract, rate, schedule)
    if not names:
        return full
    with localcontext(prec=_EXACT):
        return full + sum((value for _, value in extras(contract, full, names, schedule)), Decimal(0))


def own_terms(contract: Contract, schedule: Schedule) -> str:
    """A schedule's own regular day and year in words (``the rate x 6.5 hours a day x 194 days``), or ""."""
    if schedule.days_per_year is None and schedule.hours_per_day is None:
        return ""
    own = of(contract, schedule)
    hours = f"{own.hours_per_day} hours a day x " if own.basis == "hourly" else ""
    return f"the rate x {hours}{own.days_per_year} days"


def describe(contract: Contract) -> list[str]:
    """The contract's pay terms in words, a sentence each; nothing for the defaults (NYC's)."""
    terms = contract.terms
    said = []
    if terms.basis == "hourly":
        said.append(
            f"Hourly rates: annual pay is the rate x {terms.hours_per_day} hours a day x {terms.days_per_year} days."
        )
    elif terms.basis == "daily":
        said.append(f"Daily rates: annual pay is the rate x {terms.days_per_year} days.")
    for schedule in contract.schedules:
        own = own_terms(contract, schedule)
        if own:
            said.append(f"From {schedule.effective}: {own}.")
    if terms.step_advance is not None:
        month, day = terms.step_advance
        said.append(f"Steps move for everyone on {month:02d}-{day:02d} each year.")
    for first, last in terms.freezes:
        said.append(f"Steps frozen from {first} to {last}: step days inside do not count.")
    if terms.differentials:
        said.append(
            "Differentials: "
            + ", ".join(
                f"{d.name} {d.amount}%" if d.kind == "percent" else f"{d.name} ${d.amount} {PER_KIND[d.kind]}"
                for d in terms.differentials
            )
            + "."
        )
    if terms.pay_periods is not None:
        anchor = f", periods from {terms.anchor}" if terms.anchor is not None else ""
        said.append(f"Paid {terms.pay_periods}{anchor}.")
    return said
