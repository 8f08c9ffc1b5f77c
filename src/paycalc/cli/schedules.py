"""``paycalc schedules list|show|validate``: browse and check a folder of salary schedules."""

from typing import Annotated

import typer

from paycalc.cli._common import (
    ContractOption,
    FormatOption,
    ProposalOption,
    SchedulesOption,
    command_app,
    echo,
    echo_note,
    folder_of,
    open_contract,
    proposal_field,
    reporting_errors,
)
from paycalc.contract.models import Contract, Schedule
from paycalc.output.render import Format, cents, money, published, table, terminal_width, to_csv, to_json

app = command_app(
    help="Browse and check salary schedules.\n\n\b\nExample:\n  paycalc schedules list\n"
    "  paycalc schedules show 2018-06-16\n  paycalc schedules validate ./my-local",
    no_args_is_help=True,
)


@app.command("list")
def list_schedules(
    format: FormatOption = Format.table,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    proposal: ProposalOption = None,
) -> None:
    """Every schedule: effective date, the last day it was in force, its source, and how many titles.

    \b
    Example:
      paycalc schedules list
      paycalc schedules list --format json
    """
    with reporting_errors():
        contract = open_contract(folder_of(contract_name, schedules), proposal)
    records = [
        {
            "effective": s.effective.isoformat(),
            "until": until(contract, i),
            "source": s.source,
            "titles": len(s.rates),
        }
        for i, s in enumerate(contract.schedules)
    ]
    if format is Format.json:
        echo(to_json({"contract": contract.name, "schedules": records} | proposal_field(contract)))
    elif format is Format.csv:
        echo(to_csv(list(records[0]), (list(r.values()) for r in records)), nl=False)
    else:
        rows = [
            [str(r["effective"]), str(r["until"] or "(in force)"), str(r["source"]), str(r["titles"])] for r in records
        ]
        echo(
            table(
                ("Effective", "Until", "Source", "Titles"),
                rows,
                title=contract.name,
                right=(3,),
                wrap=(2,),
                width=terminal_width(),
            )
        )
        echo(f"Term of the agreement: {contract.term_start} to {contract.term_end}.")
        import textwrap

        from paycalc.rules.terms import describe

        for sentence in describe(contract):
            echo(textwrap.fill(sentence, terminal_width(), subsequent_indent="  "))
        echo_note(contract)


def until(contract: Contract, i: int) -> str | None:
    """The last day schedule ``i`` was in force, or None for the last schedule."""
    from datetime import timedelta

    following = contract.schedules[i + 1 : i + 2]
    return (following[0].effective - timedelta(days=1)).isoformat() if following else None


@app.command()
def show(
    date: Annotated[
        str | None,
        typer.Argument(
            metavar="[DATE]", help="A date, YYYY-MM-DD, e.g. 2016-09-08. [default: today]", show_default=False
        ),
    ] = None,
    format: FormatOption = Format.table,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    proposal: ProposalOption = None,
) -> None:
    """The schedule in force on a date, as the contract prints it: a row per title, a column per tier.

    \b
    Example:
      paycalc schedules show 2018-06-16
      paycalc schedules show 2016-09-08 --format csv
      paycalc schedules show 2021-05-14 --proposal uft-2019-2022
    """
    from paycalc.contract import inputs
    from paycalc.rules import core

    with reporting_errors():
        contract = open_contract(folder_of(contract_name, schedules), proposal)
        if date is None:
            import datetime

            date = datetime.date.today().isoformat()
        schedule = core.schedule_on(contract, inputs.to_date(date))
    labels = [tier.label for tier in contract.tiers][: schedule.steps]  # the steps the schedule prints
    if format is Format.json:
        echo(to_json(as_record(schedule) | proposal_field(contract)))
    elif format is Format.csv:
        rows = ([title, *(cents(rate[label]) for label in labels)] for title, rate in schedule.rates.items())
        echo(to_csv(["title", *labels], rows), nl=False)
    else:
        echo(render_schedule(contract, schedule))
        echo_note(contract)


def as_record(schedule: Schedule) -> dict[str, object]:
    """The schedule as printed: the steps it prints (not the top step filled in above them)."""
    record: dict[str, object] = {
        "effective": schedule.effective.isoformat(),
        "source": schedule.source,
        "longevity": {label: cents(amount) for label, amount in schedule.longevity.items()},
        "rates": {
            title: {label: published(rate) for label, rate in list(row.items())[: schedule.steps]}
            for title, row in schedule.rates.items()
        },
    }
    if schedule.printed:
        record["printed_annual"] = {
            title: {label: cents(value) for label, value in row.items()} for title, row in schedule.printed.items()
        }
    return record


def render_schedule(contract: Contract, schedule: Schedule) -> str:
    heading = f"Effective {schedule.effective} ({schedule.source})"
    if contract.terms.basis == "annual":
        columns = ["Title", "Base pay", *(f"Plus {tier.label} longevity" for tier in contract.tiers[1:])]
        rows = [[title, *(money(rate) for rate in row.values())] for title, row in schedule.rates.items()]
    else:  # a step schedule of hourly or daily rates, as published: the steps it prints
        shown = contract.tiers[: schedule.steps]
        columns = ["Title", *(tier.label for tier in shown)]
        rows = [[title, *(f"${published(row[tier.label])}" for tier in shown)] for title, row in schedule.rates.items()]
        heading += f", {'hourly' if contract.terms.basis == 'hourly' else 'daily'} rates"
    text = table(columns, rows, title=heading, right=range(1, len(columns)), width=terminal_width())
    if schedule.steps is not None:
        top = contract.tiers[schedule.steps - 1].label
        text += f"\nThis schedule prints {schedule.steps} steps: a member past {top} is paid {top}."
    from paycalc.rules.terms import own_terms

    own = own_terms(contract, schedule)
    if own:
        text += f"\nAnnual pay in this schedule: {own}."
    if schedule.longevity:
        amounts = ", ".join(f"{label} {money(amount)}" for label, amount in schedule.longevity.items())
        text += f"\nLongevity amounts: {amounts}."
    return text


@app.command()
def validate(
    folder: Annotated[
        str | None,
        typer.Argument(
            metavar="[DIR]",
            envvar="PAYCALC_SCHEDULES",
            help="A schedules folder, e.g. ./my-local. [default: $PAYCALC_SCHEDULES, else the bundled schedules]",
            show_default=False,
        ),
    ] = None,
    contract_name: ContractOption = None,
) -> None:
    """Check every file of a schedules folder and list every problem, each with its file and key.

    Exits 1 when there is any problem. A printed annual figure that differs from its rate by the rule
    is listed as a warning (exit 0): pay follows the rule.

    \b
    Example:
      paycalc schedules validate ./my-local
      paycalc schedules validate --contract lunenburg-paras
    """
    from paycalc.cli._checked import report
    from paycalc.contract.loader import bundled_folder

    path = folder_of(contract_name, folder, "folder", "DIR") or str(bundled_folder())
    report(path, contract_name.strip().lower() if contract_name is not None else path)  # a bundled one by its name


from paycalc.cli.schedules_io import export_scale, import_scale  # noqa: E402

app.command("import")(import_scale)
app.command("export")(export_scale)
