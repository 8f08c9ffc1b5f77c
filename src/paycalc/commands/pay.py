"""``paycalc pay``: annual pay for one title on one date."""

from typing import Annotated

import typer

from paycalc.commands._common import (
    OPTION_NAMES,
    FormatOption,
    HiredOption,
    HoursOption,
    ProposalOption,
    SchedulesOption,
    WorkyearOption,
    YearsOption,
    command_app,
    one_of_years_or_hired,
    open_contract,
    reporting_errors,
)
from paycalc.models import PayResult
from paycalc.render import Format, card, cents, money, number, to_csv, to_json

app = command_app()

FIELDS = (
    "title",
    "date",
    "schedule",
    "years",
    "longevity",
    "rate",
    "hours",
    "workyear",
    "factor",
    "annual",
    "notes",
    "source",
)


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
    hours: HoursOption = None,
    workyear: WorkyearOption = None,
    format: FormatOption = Format.table,
    schedules: SchedulesOption = None,
    proposal: ProposalOption = None,
) -> None:
    """Annual pay for a title on a date, from the schedule in force, longevity and hours.

    \b
    Example:
      paycalc pay --title "Ed. Asst. B" --date 2018-06-16 --years 16
      paycalc pay --title "Teacher Aide" --hired 2012-09-04 --hours 20 --format json
      paycalc pay --proposal uft-2019-2022 --title "Teacher Aide" --date 2021-05-14 --years 0
    """
    from paycalc.api import annual_pay

    one_of_years_or_hired(years, hired)

    with reporting_errors(OPTION_NAMES | {"date ": "--date "}):
        if date is None:
            import datetime

            date = datetime.date.today().isoformat()
        contract = open_contract(schedules, proposal)
        result = annual_pay(title, date, years=years, hired=hired, hours=hours, workyear=workyear, schedules=contract)
    under = contract.proposal.name if contract.proposal is not None else None
    typer.echo(render(result, format, under))


def as_record(result: PayResult) -> dict[str, object]:
    """The result with money as strings to the cent, as JSON and CSV show it."""
    return {
        "title": result.title,
        "date": result.date.isoformat(),
        "schedule": result.schedule.isoformat(),
        "years": result.years,
        "longevity": result.longevity,
        "rate": cents(result.rate),
        "hours": number(result.hours),
        "workyear": number(result.workyear),
        "factor": number(result.factor),
        "annual": cents(result.annual),
        "notes": list(result.notes),
        "source": result.source,
    }


def render(result: PayResult, format: Format, proposal: str | None = None) -> str:
    """The result as a card to read, or JSON or CSV; under a proposal, each says which."""
    if format is Format.json:
        return to_json(as_record(result) | ({"proposal": proposal} if proposal else {}))
    if format is Format.csv:
        record = as_record(result) | ({"proposal": proposal} if proposal else {})
        record["notes"] = " | ".join(result.notes)
        return to_csv(list(record), [list(record.values())]).rstrip("\n")
    s = "" if result.years == 1 else "s"
    fields = [
        ("Schedule", f"{result.schedule} ({result.source})"),
        ("Longevity", f"{result.longevity} row, {result.years} completed year{s}"),
        ("Rate", f"{money(result.rate)} a year"),
        (
            "Pro-rating",
            f"x {number(result.factor, 4)} ({number(result.hours)} hours a week, workyear {number(result.workyear)})",
        ),
        ("Annual pay", money(result.annual)),
    ]
    fields += [("Note", note) for note in result.notes]
    if proposal:
        fields.insert(0, ("Proposal", f"{proposal} (not a published schedule)"))
    return card(f"{result.title} on {result.date}", fields)
