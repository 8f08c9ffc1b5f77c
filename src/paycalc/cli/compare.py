"""``paycalc compare``: what the raises between two schedules gave each title and longevity row."""

import textwrap
from typing import Annotated

import typer

from paycalc.cli._common import (
    ContractOption,
    CpiOption,
    FormatOption,
    ProposalOption,
    RealOption,
    SchedulesOption,
    command_app,
    cpi_choice,
    echo,
    echo_note,
    folder_of,
    open_contract,
    proposal_field,
    reporting_errors,
)
from paycalc.output.compare_text import COLUMNS, as_record, row_records
from paycalc.output.render import (
    Format,
    money,
    signed_money,
    signed_percent,
    table,
    terminal_width,
    to_csv,
    to_json,
)
from paycalc.rules.results import Comparison

app = command_app()


@app.command()
def compare(
    from_date: Annotated[
        str,
        typer.Argument(
            metavar="FROM", help="A date, YYYY-MM-DD, e.g. 2008-05-19: the schedule in force on it.", show_default=False
        ),
    ],
    to_date: Annotated[
        str,
        typer.Argument(
            metavar="TO", help="A date, YYYY-MM-DD, e.g. 2018-06-16: the schedule in force on it.", show_default=False
        ),
    ],
    title: Annotated[
        str | None,
        typer.Option(
            metavar="TITLE", help='Only this title, e.g. "Teacher Aide". [default: every title]', show_default=False
        ),
    ] = None,
    format: FormatOption = Format.table,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    proposal: ProposalOption = None,
    real: RealOption = False,
    cpi: CpiOption = None,
) -> None:
    """Raises between the schedules in force on two dates, for every title and longevity row.

    Percent is compounded from the two rates themselves, never a sum of the raises between.

    \b
    Example:
      paycalc compare 2008-05-19 2018-06-16
      paycalc compare 2013-05-01 2014-05-01 --title "Ed. Asst. B" --format csv
      paycalc compare 2018-06-16 2021-05-14 --proposal uft-2019-2022
      paycalc compare 2008-05-19 2018-06-16 --real --cpi ny-metro
    """
    from paycalc.api import compare as comparing

    with reporting_errors({"from date ": "FROM ", "to date ": "TO "}):
        contract = open_contract(folder_of(contract_name, schedules), proposal)
        result = comparing(from_date, to_date, title=title, schedules=contract, cpi=cpi_choice(real, cpi))
    if format is Format.json:
        echo(to_json(as_record(result) | proposal_field(contract)))
    elif format is Format.csv:
        columns = (*COLUMNS, "real_percent") if result.cpi is not None else COLUMNS
        echo(to_csv(columns, ([row[c] for c in columns] for row in row_records(result))), nl=False)
    else:
        show(result)
        echo_note(contract)


def show(result: Comparison) -> None:
    start, end = result.from_schedule.isoformat(), result.to_schedule.isoformat()
    real = result.cpi is not None
    echo(
        table(
            ("Title", "Row", start, end, "Change", "Percent", *(["Real"] if real else [])),
            (
                (
                    row.title,
                    row.longevity,
                    money(row.from_rate),
                    money(row.to_rate),
                    signed_money(row.change),
                    signed_percent(row.percent),
                    *([signed_percent(row.real_percent)] if real else []),
                )
                for row in result.rows
            ),
            title=f"Schedule of {start} -> schedule of {end}",
            right=(2, 3, 4, 5, 6),
            width=terminal_width(),
        )
    )
    count = len(result.rows)
    across = f"Across {count} row{'s' if count != 1 else ''}: "
    if result.smallest is None:  # every rate of the first schedule is $0: a percent of nothing is no number
        echo(across + "no percent (every rate compared from is $0.00)")
    else:
        echo(
            f"{across}smallest {signed_percent(result.smallest)}, median {signed_percent(result.median)}, "
            f"largest {signed_percent(result.largest)}"
        )
    for note in result.notes:
        echo(textwrap.fill(note, terminal_width()))
    if real:
        said = (
            f"After prices (CPI {result.cpi}{_years(result)}): smallest {signed_percent(result.real_smallest)}, "
            f"median {signed_percent(result.real_median)}, largest {signed_percent(result.real_largest)}"
        )
        if result.real_smallest is None:
            said = f"After prices (CPI {result.cpi}{_years(result)}): no percent (every rate compared from is $0.00)"
        echo(textwrap.fill(said, terminal_width()))


def _years(result: Comparison) -> str:
    """Which years' prices a real raise used: ``, 2008 and 2018 averages``."""
    if result.cpi_years is None:
        return ""
    first, last = result.cpi_years
    return f", {first} average" if first == last else f", {first} and {last} averages"
