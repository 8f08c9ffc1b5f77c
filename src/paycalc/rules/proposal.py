"""Bargaining proposals: a pure function from a :class:`Contract` to the contract the proposal would make.

The rule (README, "Proposals"), which reproduces the contract's own tables:

- A schedule row is a base rate plus its tier's longevity amount (the base tier's amount is 0 unless a
  change adds one).
- On each change date, the previous schedule's base rates and every tier's longevity amount are each
  multiplied by the compounded percents (``[1, 2]`` is x 1.01 x 1.02) and rounded per ``rounding``
  (to the dollar or the cent, half up); then ``add`` dollars are added to the named tiers' amounts;
  each row = base rate + its tier's amount.
- Where the base schedule has no longevity amounts, the percents apply to each row; ``add`` is refused.
- The proposed contract is the base contract's schedules up to and including the one in force on the
  proposal's base date, then one schedule per change.

Lump sums and instalments are priced here too: a lump sum goes to those hired on or before its
``eligible_on`` day, times the pro-rating factor where ``prorate`` is set, rounded to the cent once;
instalments split a total into dated payments, each rounded to the cent half up, the last taking the
remainder so that they add up exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from itertools import pairwise

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import MAX_AMOUNT
from paycalc.contract.models import Change, Contract, Instalment, LumpSum, Proposal, Schedule, Tier, Work
from paycalc.rules import core, terms
from paycalc.rules.retro_results import LumpSumPaid

HUNDRED = Decimal(100)
MAX_MULTIPLIER = Decimal(10) ** 6  # of one change; each schedule's rates are checked against MAX_AMOUNT too
STEP = {"dollar": Decimal(1), "cent": Decimal("0.01"), "ten-thousandth": Decimal("0.0001")}


def factor(percents: Sequence[Decimal]) -> Decimal:
    """The compounded multiplier of several percents on one date, exactly: [1, 2] -> 1.0302."""
    result = Decimal(1)
    with localcontext(prec=60):
        for p in percents:
            result *= 1 + p / HUNDRED
            if result > MAX_MULTIPLIER:  # stop before the product outgrows exact arithmetic
                raise InputError(
                    f"the percents {', '.join(map(str, percents))} compound to more than {MAX_MULTIPLIER:,} times "
                    "the rates (a multiplier this large is a typing error)"
                )
    return result


def _raise(amount: Decimal, multiplier: Decimal, step: Decimal) -> Decimal:
    with localcontext(prec=60):
        return (amount * multiplier).quantize(step, rounding=ROUND_HALF_UP)


def describe(change: Change) -> str:
    """A change in words: "+2%, then +1%; longevity base +$500, 5-year +$1,200"."""
    parts = []
    if change.percents:
        parts.append(", then ".join(f"{'+' if p >= 0 else ''}{p}%" for p in change.percents))
    if change.add:
        parts.append("longevity " + ", ".join(f"{label} +${amount:,}" for label, amount in change.add.items()))
    if change.per_rate:
        parts.append(f"+${change.per_rate:,} on every rate")
    for title, own in change.titles.items():
        said = [f"{'+' if p >= 0 else ''}{p}%" for p in own.percents] + (
            [f"+${own.per_rate:,}"] if own.per_rate else []
        )
        parts.append(f"{title} apart: {', then '.join(said) or 'no change'}")
    if change.add_step is not None:
        percent, _ = change.add_step
        parts.append("a step added on top" + (f", +{percent}% over the top step" if percent is not None else ""))
    return "; ".join(parts) or "no change"


def apply(contract: Contract, proposal: Proposal) -> Contract:
    """The contract ``proposal`` would make of ``contract`` (published schedules after its base are replaced;
    a first change on the base date replaces the base's own schedule)."""
    base = core.schedule_on(contract, proposal.base)
    labels = [tier.label for tier in contract.tiers]
    step = STEP[proposal.rounding]
    by_amounts = bool(base.longevity)
    if by_amounts:
        amounts = {label: base.longevity.get(label, Decimal(0)) for label in labels}
        base_rates = {title: row[labels[0]] - amounts[labels[0]] for title, row in base.rates.items()}
    else:
        wanted = [c for c in proposal.changes if c.add]
        if wanted:
            raise InputError(
                f"changes: 'add' on {wanted[0].effective} needs longevity amounts by tier, and the base schedule "
                f"{base.effective} has none (give percents, or add: AMOUNT to add it to every rate)"
            )
        rows = {title: dict(row) for title, row in base.rates.items()}
    replaced = proposal.changes[0].effective if proposal.changes else None
    schedules = [s for s in contract.schedules if s.effective <= base.effective and s.effective != replaced]
    printed = base.steps or len(labels)
    for number, change in enumerate(proposal.changes, start=1):
        multiplier = factor(change.percents)
        if by_amounts:
            base_rates = {title: _raised(change, title, rate, multiplier, step) for title, rate in base_rates.items()}
            amounts = {label: _raise(amount, multiplier, step) for label, amount in amounts.items()}
            for label, added in change.add.items():
                amounts[label] += added
            rows = {title: {label: rate + amounts[label] for label in labels} for title, rate in base_rates.items()}
            longevity = {label: amount for label, amount in amounts.items() if label != labels[0] or amount}
        else:
            rows = {
                t: {label: _raised(change, t, r, multiplier, step) for label, r in row.items()}
                for t, row in rows.items()
            }
            longevity = {}
        if change.add_step is not None:
            contract, labels, printed = _add_step(contract, change, rows, printed, step)
            schedules = [_filled(s, labels) for s in schedules]
        source = f"proposal {proposal.file}, change {number} of {len(proposal.changes)}: {describe(change)}"
        # the base schedule's own day and year hold on (a scale's printed annual figures do not)
        _check_amounts(change.effective, rows, longevity)
        made = Schedule(change.effective, source, longevity, rows, f"{change.effective}.yaml")
        steps = printed if printed < len(labels) else None
        made = made._replace(steps=steps, hours_per_day=base.hours_per_day, days_per_year=base.days_per_year)
        schedules.append(made)
    term_end = proposal.term_end or max(contract.term_end, schedules[-1].effective)
    if replaced == base.effective:  # the status quo's schedule is kept with the proposal, for what was paid
        proposal = proposal._replace(replaced=base)
    return contract._replace(schedules=tuple(schedules), term_end=term_end, proposal=proposal)


def _raised(change: Change, title: str, rate: Decimal, multiplier: Decimal, step: Decimal) -> Decimal:
    """A rate (or a base rate) after a change: its percents then its amount, or the title's own where raised apart."""
    own = change.titles.get(title)
    if own is None:
        return _raise(rate, multiplier, step) + change.per_rate
    return _raise(rate, factor(own.percents), step) + own.per_rate


def _add_step(
    contract: Contract, change: Change, rows: dict[str, dict[str, Decimal]], printed: int, step: Decimal
) -> tuple[Contract, list[str], int]:
    """A step above the top one printed: its rate the top's times the percent, or as written. On a contract
    whose steps are all printed, a step is added to its steps (one more year counted reaches it)."""
    if not core.stepped(contract):
        raise InputError(f"changes: add_step on {change.effective}: the contract has no steps (its rows are longevity)")
    assert change.add_step is not None
    percent, written = change.add_step
    tiers = contract.tiers
    if printed >= len(tiers):
        tiers = (*tiers, Tier(f"step {len(tiers) + 1}", tiers[-1].min_years + 1))
        contract = contract._replace(tiers=tiers)
    labels = [tier.label for tier in tiers]
    top = labels[printed - 1]
    for title, row in rows.items():
        rate = written[title] if percent is None else _raise(row[top], 1 + percent / HUNDRED, step)
        for label in labels[printed:]:
            row[label] = rate  # the new top, filled in above it as a schedule's rates are
    return contract, labels, printed + 1


def _filled(schedule: Schedule, labels: list[str]) -> Schedule:
    """A schedule with a rate for every tier of ``labels``: a tier it does not print paid its top step."""
    missing = [label for label in labels if label not in next(iter(schedule.rates.values()))]
    if not missing:
        return schedule
    top = len(labels) - len(missing)
    rates = {title: {**row, **dict.fromkeys(missing, row[labels[top - 1]])} for title, row in schedule.rates.items()}
    return schedule._replace(rates=rates, steps=schedule.steps or top)


def _check_amounts(effective: date, rows: dict[str, dict[str, Decimal]], longevity: dict[str, Decimal]) -> None:
    """A proposed schedule must be one a schedules folder could hold: every amount from 0 to the limit."""
    for title, row in rows.items():
        for label, rate in row.items():
            if not 0 <= rate <= MAX_AMOUNT:
                side = f"over the {MAX_AMOUNT:,} limit" if rate > 0 else "below 0"
                raise InputError(
                    f"the change of {effective} makes {title} {label} {rate:,}, {side} of a rate (a schedule holds "
                    f"amounts from 0 to {MAX_AMOUNT:,})"
                )
    for label, amount in longevity.items():
        if not 0 <= amount <= MAX_AMOUNT:
            raise InputError(
                f"the change of {effective} makes the {label} amount {amount:,}, outside 0 to {MAX_AMOUNT:,}"
            )


def raise_summary(before: Schedule, after: Schedule) -> tuple[Decimal, Decimal, Decimal] | None:
    """Smallest, median and largest percent change across every cell from ``before`` to ``after``."""
    percents = [
        (after.rates[title][label] - rate) / rate * HUNDRED
        for title, row in before.rates.items()
        for label, rate in row.items()
        if rate
    ]
    if not percents:
        return None
    return min(percents), core.median(percents), max(percents)


def lump_sums_for(
    lump_sums: Sequence[LumpSum], hired: date, start: date, end: date, factor_of_person: Decimal
) -> tuple[LumpSumPaid, ...]:
    """The lump sums paid from ``start`` to ``end`` (both included) to a person hired on ``hired``."""
    paid = []
    for lump in lump_sums:
        if start <= lump.paid <= end and hired <= lump.eligible_on:
            with localcontext(prec=60):
                amount = lump.amount * factor_of_person if lump.prorate else lump.amount
            paid.append(LumpSumPaid(lump.name, lump.paid, core.round_cents(amount)))
    return tuple(paid)


def parse_instalments(text: str) -> tuple[Instalment, ...]:
    """``2015-10-15:12.5,2017-10-15:12.5,...`` as instalments; the shares must add up to 100."""
    from paycalc.contract import inputs

    accepted = "DATE:PERCENT pairs separated by commas, adding up to 100, e.g. 2015-10-15:50,2016-10-15:50"
    instalments = []
    for part in text.split(","):
        day, colon, share = part.strip().partition(":")
        number = inputs.plain_decimal(share) if colon else None
        if number is None:
            raise InputError(f"instalment {part.strip()!r} is not DATE:PERCENT ({accepted})")
        instalments.append(Instalment(inputs.to_date(day, "instalment date"), number))
    return check_instalments(instalments)


def check_instalments(instalments: Sequence[Instalment]) -> tuple[Instalment, ...]:
    accepted = "shares above 0 adding up to exactly 100, on ascending dates"
    if not instalments:
        raise InputError(f"no instalments given ({accepted})")
    for before, after in pairwise(instalments):
        if after.paid <= before.paid:
            raise InputError(f"instalment dates {before.paid} and {after.paid} are not ascending ({accepted})")
    if any(i.share <= 0 for i in instalments):
        raise InputError(f"an instalment share is 0 or less ({accepted})")
    total = sum((i.share for i in instalments), Decimal(0))
    if total != HUNDRED:
        raise InputError(f"instalment shares add up to {total}, not 100 ({accepted})")
    return tuple(instalments)


def split(total: Decimal, instalments: Sequence[Instalment]) -> tuple[tuple[date, Decimal], ...]:
    """``total`` in dated payments: each share rounded to the cent half up, the last taking the remainder."""
    payments = []
    left = total
    for instalment in instalments[:-1]:
        with localcontext(prec=60):
            amount = core.round_cents(total * instalment.share / HUNDRED)
        payments.append((instalment.paid, amount))
        left -= amount
    payments.append((instalments[-1].paid, left))
    return tuple(payments)


def paid_lump_sums(contract: Contract, hired: date, start: date, end: date, work: Work) -> tuple[LumpSumPaid, ...]:
    """The lump sums of ``contract``'s proposal paid from ``start`` to ``end`` to a person hired on ``hired``
    who works ``work`` (pro-rated ones times the person's pro-rating factor)."""
    assert contract.proposal is not None
    numerator, denominator = terms.factor(contract, work)
    with localcontext(prec=60):
        factor = numerator / denominator
    return lump_sums_for(contract.proposal.lump_sums, hired, start, end, factor)
