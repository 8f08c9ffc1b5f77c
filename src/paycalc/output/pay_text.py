"""Annual pay as a card to read, or JSON or CSV, with the record every JSON answer of pay shares."""

from __future__ import annotations

from paycalc.contract.models import DifferentialPaid, PayResult
from paycalc.output.render import Format, card, cents, money, number, published, to_csv, to_json
from paycalc.rules.terms import PER_KIND

_PER = {"annual": "a year", "hourly": "an hour", "daily": "a day"}


def _amount(differential: DifferentialPaid) -> str:
    return number(differential.amount) if differential.kind == "percent" else published(differential.amount)


def as_record(result: PayResult) -> dict[str, object]:
    """The result with money as strings to the cent, as JSON and CSV show it.

    An annual contract's record has the keys it always had; an hourly or daily one says its basis and
    gives hours a day and days in place of hours a week and workyear.
    """
    record: dict[str, object] = {
        "title": result.title,
        "date": result.date.isoformat(),
        "schedule": result.schedule.isoformat(),
        "years": result.years,
        "longevity": result.longevity,
    }
    if result.basis == "annual":
        assert result.hours is not None and result.workyear is not None
        record |= {"rate": cents(result.rate), "hours": number(result.hours), "workyear": number(result.workyear)}
    else:
        record |= {"pay_basis": result.basis, "rate": published(result.rate)}
        if result.hours_per_day is not None:
            record["hours_per_day"] = number(result.hours_per_day)
        assert result.days is not None
        record["days"] = number(result.days)
    record["factor"] = number(result.factor)
    if result.differentials:
        record["differentials"] = [
            {"name": d.name, "kind": d.kind, "amount": _amount(d), "annual": cents(d.annual)}
            for d in result.differentials
        ]
    return record | {"annual": cents(result.annual), "notes": list(result.notes), "source": result.source}


def _pro_rating(result: PayResult) -> str:
    factor = f"x {number(result.factor, 4)}"
    if result.basis == "annual":
        assert result.hours is not None and result.workyear is not None
        return f"{factor} ({number(result.hours)} hours a week, workyear {number(result.workyear)})"
    days = f"{number(result.days)} days" if result.days is not None else ""
    if result.basis == "hourly":
        assert result.hours_per_day is not None
        return f"{factor} ({number(result.hours_per_day)} hours a day, {days})"
    return f"{factor} ({days})"


def render(result: PayResult, format: Format, proposal: str | None = None) -> str:
    """The result as a card to read, or JSON or CSV; under a proposal, each says which."""
    if format is Format.json:
        return to_json(as_record(result) | ({"proposal": proposal} if proposal else {}))
    if format is Format.csv:
        record = as_record(result) | ({"proposal": proposal} if proposal else {})
        record["notes"] = " | ".join(result.notes)
        if result.differentials:
            record["differentials"] = " | ".join(f"{d.name} {cents(d.annual)}" for d in result.differentials)
        return to_csv(list(record), [list(record.values())]).rstrip("\n")
    s = "" if result.years == 1 else "s"
    annual = result.basis == "annual"
    rate = f"${published(result.rate)} {_PER[result.basis]}"
    if not annual and result.full_time is not None:
        rate += f" ({money(result.full_time)} a year at the regular hours and days)"
    fields = [
        ("Schedule", f"{result.schedule} ({result.source})"),
        (
            ("Longevity", f"{result.longevity} row, {result.years} completed year{s}")
            if annual
            else ("Step", f"{result.longevity}, {result.years} year{s} counted toward steps")
        ),
        ("Rate", rate if not annual else f"{money(result.rate)} a year"),
    ]
    for d in result.differentials:
        amount = f"{d.amount}%" if d.kind == "percent" else f"${published(d.amount)} {PER_KIND[d.kind]}"
        fields.append(("Differential", f"{d.name}: {amount}, {money(d.annual)} a year after pro-rating"))
    fields += [("Pro-rating", _pro_rating(result)), ("Annual pay", money(result.annual))]
    fields += [("Note", note) for note in result.notes]
    if proposal:
        fields.insert(0, ("Proposal", f"{proposal} (not a published schedule)"))
    return card(f"{result.title} on {result.date}", fields)
