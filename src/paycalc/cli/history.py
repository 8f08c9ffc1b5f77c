"""``paycalc history``: one person's pay under each schedule, as a table and a bar chart."""

import textwrap
from typing import Annotated

import typer

from paycalc.cli._common import (
    ContractOption,
    CpiOption,
    FormatOption,
    HiredOption,
    HoursOption,
    ProposalOption,
    RealOption,
    SchedulesOption,
    StepOption,
    WorkyearOption,
    YearsOption,
    command_app,
    cpi_choice,
    echo,
    echo_note,
    folder_of,
    one_of_years_or_hired,
    open_contract,
    proposal_field,
    reporting_errors,
)
from paycalc.cli._work import ChangeOption, DaysOption, DifferentialOption, HoursPerDayOption, work_for
from paycalc.output.history_text import COLUMNS, REAL_COLUMNS, as_record, row_records
from paycalc.output.render import (
    Format,
    bar_chart,
    drawable,
    money,
    published,
    signed_money,
    signed_percent,
    table,
    terminal_width,
    to_csv,
    to_json,
)
from paycalc.rules.results import History

app = command_app()


@app.command()
def history(
    title: Annotated[str, typer.Option(metavar="TITLE", help='Job title or alias, e.g. "Teacher Aide".')],
    years: YearsOption = None,
    hired: HiredOption = None,
    step: StepOption = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="DATE",
            help="First date, e.g. 2013-05-01. [default: the first schedule, or --hired if later]",
            show_default=False,
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="DATE", help="Last date, e.g. 2018-06-16. [default: the last schedule]", show_default=False
        ),
    ] = None,
    hours: HoursOption = None,
    workyear: WorkyearOption = None,
    hours_per_day: HoursPerDayOption = None,
    days: DaysOption = None,
    differential: DifferentialOption = None,
    change: ChangeOption = None,
    format: FormatOption = Format.table,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    proposal: ProposalOption = None,
    real: RealOption = False,
    cpi: CpiOption = None,
) -> None:
    """One person's annual pay under each schedule, with the change from the row before and since the first.

    Each row is priced on the day its schedule took effect (--from for the first row).

    \b
    Example:
      paycalc history --title "Teacher Aide" --years 3
      paycalc history --title "Ed. Asst. B" --hired 2009-01-05 --from 2013-05-01 --format json
      paycalc history --title "Teacher Aide" --years 3 --real
      paycalc history --contract lunenburg-paras --title "Associate's" --step 5 --from 2025-07-01
    """
    from paycalc.api import history as pricing

    one_of_years_or_hired(years, hired, step)

    with reporting_errors():
        contract = open_contract(folder_of(contract_name, schedules), proposal)
        work = work_for(contract, hours, workyear, hours_per_day, days, differential)
        result = pricing(
            title,
            years=years,
            hired=hired,
            start=start,
            end=end,
            **work,
            schedules=contract,
            cpi=cpi_choice(real, cpi),
            changes=change or (),
            step=step,
        )
    if format is Format.json:
        echo(to_json(as_record(result) | proposal_field(contract)))
    elif format is Format.csv:
        columns = (*COLUMNS, *REAL_COLUMNS) if result.cpi is not None else COLUMNS
        echo(to_csv(columns, ([row[c] for c in columns] for row in row_records(result))), nl=False)
    else:
        show(result)
        echo_note(contract)


_PER = {"hourly": "Hourly", "daily": "Daily"}


def show(result: History) -> None:
    rows = result.rows
    width = terminal_width()
    real = result.cpi is not None
    last_year = rows[-1].date.year
    # after prices, the nominal change per row gives way to the real figures, so the table fits 80 columns
    tail = (f"In {last_year} $", "Real since first") if real else ("Change", "Percent")
    rated = result.basis != "annual"  # an hourly or daily rate is shown beside the annual pay
    years = not result.changes  # with titles in the Row column, the years give way so the table fits 80 columns
    columns = (
        "From" if result.changes else "Schedule",
        *(("Years",) if years else ()),
        "Row",
        *((_PER[result.basis],) if rated else ()),
        "Annual pay",
        *(() if real else tail),
        "Since first",
        *(tail if real else ()),
    )
    cells = []
    for row in rows:
        label = row.longevity if row.title is None else f"{row.title}, {row.longevity}"
        day = row.date if result.changes else row.schedule
        first = [day.isoformat(), *([str(row.years)] if years else []), label, money(row.annual)]
        if rated:
            first.insert(3 if years else 2, f"${published(row.rate)}")
        since = signed_percent(row.cumulative)
        if real:
            after = money(row.real_annual) if row.real_annual is not None else ""
            cells.append([*first, since, after, signed_percent(row.real_cumulative)])
        else:
            cells.append([*first, signed_money(row.change), signed_percent(row.percent), since])
    heading = f"{result.title}: pay by schedule"
    right = (1, 3, 4, 5, 6, 7) if years else (2, 3, 4, 5, 6)
    echo(table(columns, cells, title=heading, right=right, wrap=(2 if years else 1,), width=width))
    if result.changes:
        echo(textwrap.fill(f"Assignment changes: {', '.join(result.changes)}.", width))
    elif rows[0].date != rows[0].schedule:
        echo(f"The first row is priced on {rows[0].date}, under the schedule of {rows[0].schedule}.")
    echo("")
    marks = [row.kept_up for row in rows if row.kept_up is not None] if real else None
    echo(
        bar_chart(
            [(row.date if result.changes else row.schedule).isoformat() for row in rows],
            [row.annual for row in rows],
            width=width,
            marks=marks,
        )
    )
    if real:
        legend = f"on a bar marks the pay that would have kept up with prices (CPI {result.cpi}) since the first row."
        echo(f"{drawable('│')} {legend}")
