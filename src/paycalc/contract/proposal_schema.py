"""What a proposal file must hold, checked with the same strict machinery as the schedule files.

Imported only when a proposal is read. Problems name the file and the key, like the schedules'.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from paycalc.contract.errors import Problem
from paycalc.contract.models import Change, Contract, Instalment, LumpSum, Proposal, TitleChange
from paycalc.contract.schema_errors import parse as _parse
from paycalc.contract.schema_types import Money, Text, amount
from paycalc.contract.schema_types import Strict as _Strict
from paycalc.contract.yamlread import read_yaml


def _percent(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"{value!r} is not a percent (a plain decimal number such as 2 or 2.5, or -1 for a give-back)")
    percent = Decimal(value)
    if not -100 <= percent <= 100:
        raise ValueError(f"{value} is out of range (a percent from -100 to 100)")
    return percent


def _percents(value: Any) -> tuple[Decimal, ...]:
    """A percent, or a non-empty list of percents compounded on one date."""
    if isinstance(value, list):
        if not value:
            raise ValueError("is an empty list (a percent such as 2, or a list such as [1, 2])")
        return tuple(_percent(item) for item in value)
    return (_percent(value),)


Percent = Annotated[Decimal, BeforeValidator(_percent)]
Percents = Annotated[tuple[Decimal, ...], BeforeValidator(_percents)]


class TitleChangeSpec(_Strict):
    percent: Percents = ()
    add: Money | None = None


class AddStepSpec(_Strict):
    percent: Percent | None = None
    rates: dict[Text, Money] = {}


def _add(value: Any) -> Any:
    """``add``: dollars by longevity tier (a mapping), or one amount added to every rate (a number)."""
    if isinstance(value, dict):
        if "" in value:
            raise ValueError("has a tier with no name (a tier's label, e.g. base: 500)")
        return value
    return {"": amount(value)}


class ChangeSpec(_Strict):
    effective: date
    percent: Percents = ()
    add: Annotated[dict[str, Money], BeforeValidator(_add)] = {}
    titles: dict[Text, TitleChangeSpec] = {}
    add_step: AddStepSpec | None = None


class LumpSumSpec(_Strict):
    name: Text
    amount: Money
    paid: date
    eligible_on: date | None = None
    prorate: bool = False


class InstalmentSpec(_Strict):
    paid: date
    share: Percent


class ProposalFile(_Strict):
    name: Text
    base: date
    rounding: Literal["dollar", "cent"] | None = None  # default: as precise as the base schedule's rates
    changes: list[ChangeSpec] = []
    lump_sums: list[LumpSumSpec] = []
    instalments: list[InstalmentSpec] = []
    term_end: date | None = None


def _check(name: str, spec: ProposalFile, contract: Contract) -> list[Problem]:
    problems = []
    first = contract.schedules[0].effective
    if spec.base < first:
        problems.append(
            Problem(name, "base", f"{spec.base} is before the first schedule {first} (a date from {first} on)")
        )
    if spec.term_end is not None and spec.term_end < spec.base:
        problems.append(
            Problem(name, "term_end", f"{spec.term_end} is before the base date {spec.base} (an end on or after it)")
        )
    labels = [tier.label for tier in contract.tiers]
    previous = spec.base
    for i, change in enumerate(spec.changes):
        on_base = i == 0 and change.effective == spec.base  # the first change may replace the base's schedule
        if change.effective <= previous and not on_base:
            what = "the base date" if i == 0 else "the change before"
            problems.append(
                Problem(
                    name,
                    f"changes.{i}.effective",
                    f"{change.effective} is not after {what} {previous} (changes ascend, each after the base; the "
                    "first may be on the base date)",
                )
            )
        previous = max(previous, change.effective)
        if not (change.percent or change.add or change.titles or change.add_step):
            problems.append(
                Problem(name, f"changes.{i}", "has none of percent, add, titles and add_step (give one or more)")
            )
        problems += _title_problems(name, i, change, contract)
        for label in change.add:
            if label == "":
                continue
            if label not in labels:
                problems.append(
                    Problem(name, f"changes.{i}.add.{label}", f"is not a longevity tier (tiers: {', '.join(labels)})")
                )
    for i, lump in enumerate(spec.lump_sums):
        if lump.eligible_on is not None and lump.eligible_on > lump.paid:
            problems.append(
                Problem(name, f"lump_sums.{i}.eligible_on", f"{lump.eligible_on} is after the paid day {lump.paid}")
            )
    if spec.instalments:
        for n, (earlier, later) in enumerate(pairwise(spec.instalments), start=1):
            if later.paid <= earlier.paid:
                problems.append(Problem(name, f"instalments.{n}.paid", f"{later.paid} is not after {earlier.paid}"))
        total = sum((s.share for s in spec.instalments), Decimal(0))
        for n, instalment in enumerate(spec.instalments):
            if instalment.share <= 0:
                problems.append(
                    Problem(name, f"instalments.{n}.share", f"is {instalment.share} (a share above 0: a payment)")
                )
        if total != 100:
            problems.append(Problem(name, "instalments", f"shares add up to {total} (each above 0, adding up to 100)"))
    return problems


def _title_problems(name: str, i: int, change: ChangeSpec, contract: Contract) -> list[Problem]:
    """Titles raised apart and a step's written rates must be the contract's titles, each named once."""
    from paycalc.contract.inputs import title_key

    problems = []
    for where, names in (
        ("titles", list(change.titles)),
        ("add_step.rates", list(change.add_step.rates) if change.add_step else []),
    ):
        seen: set[str] = set()
        for title in names:
            found = contract.lookup.get(title_key(title))
            if found is None:
                known = ", ".join(t.name for t in contract.titles)
                problems.append(
                    Problem(name, f"changes.{i}.{where}.{title}", f"is not a title of the contract ({known})")
                )
            elif found.name in seen:
                problems.append(Problem(name, f"changes.{i}.{where}.{title}", f"names {found.name!r} twice"))
            else:
                seen.add(found.name)
    step = change.add_step
    if step is not None:
        if (step.percent is None) == (not step.rates):
            problems.append(Problem(name, f"changes.{i}.add_step", "needs one of percent (over the top step) or rates"))
        elif step.rates and len({title_key(t) for t in step.rates}) != len(contract.titles):
            problems.append(Problem(name, f"changes.{i}.add_step.rates", "needs a rate for every title"))
    return problems


def _change(c: ChangeSpec, contract: Contract) -> Change:
    """A checked change as the record the rules read: titles by the contract's own names."""
    from paycalc.contract.inputs import title_key

    def named(title: str) -> str:
        return contract.lookup[title_key(title)].name

    step = c.add_step
    return Change(
        c.effective,
        c.percent,
        {label: c.add[label] for tier in contract.tiers if (label := tier.label) in c.add},
        per_rate=c.add.get("", Decimal(0)),
        titles={named(t): TitleChange(spec.percent, spec.add or Decimal(0)) for t, spec in c.titles.items()},
        add_step=None if step is None else (step.percent, {named(t): rate for t, rate in step.rates.items()}),
    )


def build(name: str, text: bytes, contract: Contract) -> tuple[Proposal | None, list[Problem]]:
    """Validate a proposal file's bytes against ``contract`` and build the :class:`Proposal`."""
    data, problems = read_yaml(name, text)
    if data is None:
        return None, problems
    spec, problems = _parse(name, data, ProposalFile)
    if spec is None:
        return None, problems
    problems = _check(name, spec, contract)
    if problems:
        return None, problems
    changes = tuple(_change(c, contract) for c in spec.changes)
    lump_sums = tuple(LumpSum(s.name, s.amount, s.paid, s.eligible_on or s.paid, s.prorate) for s in spec.lump_sums)
    instalments = tuple(Instalment(i.paid, i.share) for i in spec.instalments)
    short = name.replace("\\", "/").rsplit("/", 1)[-1]
    rounding = spec.rounding or base_rounding(contract, spec.base)
    return Proposal(spec.name, spec.base, rounding, changes, lump_sums, instalments, short, spec.term_end), []


def base_rounding(contract: Contract, base: date) -> str:
    """The rounding a proposal takes by default: as precise as the rates and amounts of its base schedule
    (dollars for whole-dollar tables, cents where rates have cents), so 0% changes nothing."""
    in_force = [s for s in contract.schedules if s.effective <= base][-1:]
    amounts = [v for s in in_force for row in s.rates.values() for v in row.values()]
    amounts += [v for s in in_force for v in s.longevity.values()]
    places = max((-int(v.normalize().as_tuple().exponent) for v in amounts if v != v.to_integral()), default=0)
    return "dollar" if places <= 0 else "cent" if places <= 2 else "ten-thousandth"
