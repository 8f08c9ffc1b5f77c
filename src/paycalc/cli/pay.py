"""``paycalc pay``: annual pay for one title on one date."""

from typing import Annotated

import typer

from paycalc.cli._common import (
    OPTION_NAMES,
    ContractOption,
    FormatOption,
    HiredOption,
    HoursOption,
    ProposalOption,
    SchedulesOption,
    WorkyearOption,
    YearsOption,
    command_app,
    folder_of,
    one_of_years_or_hired,
    open_contract,
    reporting_errors,
    usage_error,
)
from paycalc.cli._work import DaysOption, DifferentialOption, HoursPerDayOption, work_for
from paycalc.contract.errors import InputError
from paycalc.contract.models import Contract, DifferentialPaid, PayResult
from paycalc.output.render import Format, card, cents, money, number, published, to_csv, to_json
from paycalc.rules.terms import PER_KIND

app = command_app()


@app.command()
def pay(
    title: Annotated[
        str,
        typer.Option(
            metavar="TITLE",
            help='Job title as the contract prints it, or an alias, any case: e.g. "Ed. Asst. B" or "ed asst b".',
        ),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="Date to price, YYYY-MM-DD, e.g. 2018-06-16. [default: today]", show_default=False
        ),
    ] = None,
    years: YearsOption = None,
    hired: HiredOption = None,
    step: Annotated[
        str | None,
        typer.Option(
            metavar="N",
            help="The step directly, on a step contract, e.g. --step 4: instead of --years or --hired.",
            show_default=False,
        ),
    ] = None,
    hours: HoursOption = None,
    workyear: WorkyearOption = None,
    hours_per_day: HoursPerDayOption = None,
    days: DaysOption = None,
    differential: DifferentialOption = None,
    format: FormatOption = Format.table,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    proposal: ProposalOption = None,
) -> None:
    """Annual pay for a title on a date, from the schedule in force, longevity and hours.

    \b
    Example:
      paycalc pay --title "Ed. Asst. B" --date 2018-06-16 --years 16
      paycalc pay --title "Teacher Aide" --hired 2012-09-04 --hours 20 --format json
      paycalc pay --proposal uft-2019-2022 --title "Teacher Aide" --date 2021-05-14 --years 0
      paycalc pay --schedules examples/hourly-local --title Paraeducator --date 2025-09-15 \\
        --hired 2019-08-26 --hours-per-day 6 --differential associate
      paycalc pay --contract lunenburg-paras --title "Bachelor's" --step 4 --date 2027-03-01
    """
    from paycalc.api import annual_pay

    if step is not None:
        if years is not None or hired is not None:
            usage_error("--step with --years or --hired (one: the step, completed years, or a hire date)")
    else:
        one_of_years_or_hired(years, hired)

    with reporting_errors(OPTION_NAMES | {"date ": "--date "}):
        if date is None:
            import datetime

            date = datetime.date.today().isoformat()
        contract = open_contract(folder_of(contract_name, schedules), proposal)
        work = work_for(contract, hours, workyear, hours_per_day, days, differential)
        if step is not None:
            years = str(years_at_step(contract, step))
        result = annual_pay(
            title,
            date,
            years=years,
            hired=hired,
            **work,
            schedules=contract,
        )
    under = contract.proposal.name if contract.proposal is not None else None
    typer.echo(render(result, format, under))


def years_at_step(contract: Contract, step: str) -> int:
    """The completed years that reach step ``step`` (1 is the first tier) of the contract's tier list."""
    tiers = contract.tiers
    text = step.strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= len(tiers):
        raise InputError(
            f"--step {step!r} is not a step of this contract (a whole number from 1 to {len(tiers)}: "
            f"{', '.join(t.label for t in tiers)})"
        )
    return tiers[int(text) - 1].min_years


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
