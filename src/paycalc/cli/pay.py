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
    StepOption,
    WorkyearOption,
    YearsOption,
    command_app,
    echo,
    folder_of,
    one_of_years_or_hired,
    open_contract,
    reporting_errors,
)
from paycalc.cli._work import DaysOption, DifferentialOption, HoursPerDayOption, work_for
from paycalc.output.pay_text import render
from paycalc.output.render import Format

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
    step: StepOption = None,
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

    one_of_years_or_hired(years, hired, step)

    with reporting_errors(OPTION_NAMES | {"date ": "--date "}):
        if date is None:
            import datetime

            date = datetime.date.today().isoformat()
        contract = open_contract(folder_of(contract_name, schedules), proposal)
        work = work_for(contract, hours, workyear, hours_per_day, days, differential)
        result = annual_pay(
            title,
            date,
            years=years,
            hired=hired,
            step=step,
            **work,
            schedules=contract,
        )
    under = contract.proposal.name if contract.proposal is not None else None
    echo(render(result, format, under))
