"""``paycalc schedules import FILE --write DIR`` and ``paycalc schedules export``: a local's scale from the
spreadsheet it already has to a checked contract folder, and a contract back to a spreadsheet."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from paycalc.cli._common import ContractOption, SchedulesOption, echo, fail, folder_of, reporting_errors, usage_error


def import_scale(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The scale: a CSV or .xlsx file, e.g. scale.xlsx.")],
    write: Annotated[
        str, typer.Option("--write", metavar="DIR", help="The contract folder to write, e.g. --write mylocal.")
    ],
    sheet: Annotated[
        str | None, typer.Option(metavar="NAME", help="An .xlsx file's sheet to read. [default: every sheet]")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a schedules folder that is there (all or nothing).")
    ] = False,
    name: Annotated[
        str | None, typer.Option(metavar="TEXT", help='The contract\'s name, e.g. "Our Local FY26-FY28".')
    ] = None,
    parties: Annotated[
        list[str] | None, typer.Option("--parties", metavar="TEXT", help="A party to it (repeatable).")
    ] = None,
    source: Annotated[str | None, typer.Option(metavar="TEXT", help="Where the scale comes from.")] = None,
    basis: Annotated[
        str | None,
        typer.Option(
            metavar="KIND", help="What a grid's rates are, where its headings do not say: hourly, daily or annual."
        ),
    ] = None,
    hours_per_day: Annotated[
        str | None, typer.Option(metavar="H", help="The regular hours a day, where the table does not give them.")
    ] = None,
    days: Annotated[
        str | None, typer.Option(metavar="N", help="The regular days a year, where the table does not give them.")
    ] = None,
    effective: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="The date of a table of one schedule (as 'schedules show --format csv' writes it)."
        ),
    ] = None,
) -> None:
    """Build a contract folder from a scale a local already has in a spreadsheet, checked as every folder is.

    Three shapes, told apart: long (columns effective, title, step, hourly or annual, and optionally the annual
    printed beside an hourly rate, hours_per_day, days), as 'paycalc schedules export' writes it; a grid as
    scales are printed (a block per date: a row holding the date, a header row Step then the titles, a row per
    step); or one schedule as 'paycalc schedules show --format csv' writes it (with --effective DATE). A cell
    it cannot read is an error naming it; a printed annual that is not the rule is a warning.

    \b
    Example:
      paycalc schedules import scale.xlsx --write mylocal --name "Our Local FY26-FY28"
      paycalc pay --schedules mylocal --title "Associate's" --step 4 --date 2026-09-01
    """
    from decimal import Decimal

    from paycalc.contract import inputs
    from paycalc.contract.scale_shapes import read_scale
    from paycalc.contract.scale_table import contract_of, read_rows
    from paycalc.output.files import write_folder
    from paycalc.output.schedule_text import folder_files

    if basis is not None and basis not in ("hourly", "daily", "annual"):
        usage_error(f"--basis {basis!r} is not known (hourly, daily or annual)")
    target = os.path.realpath(write)
    if os.path.realpath(file) == target or os.path.realpath(file).startswith(target + os.sep):
        fail(f"--write {write} holds {file}, which this command reads (write to another folder)")
    with reporting_errors():
        hours: Decimal | None = None if hours_per_day is None else inputs.to_hours_per_day(hours_per_day)
        count: Decimal | None = None if days is None else inputs.to_days(days)
        on = None if effective is None else inputs.to_date(effective, "--effective")
        scale, shape = read_scale(read_rows(file, sheet), basis, hours, count, on)
        title = name or os.path.splitext(os.path.basename(file))[0]
        said = source or f"{os.path.basename(file)}, imported by paycalc"
        contract = contract_of(scale, title, parties or ["(the parties: give --parties)"], said, write)
        try:
            write_folder(write, folder_files(contract), force=force)
        except OSError as exc:
            fail(f"cannot write the folder {write}: {exc.strerror}")
    for warning in scale.warnings:
        echo(f"Warning: {warning}")
    from paycalc.cli._checked import report

    echo(f"Read {file} as a {shape} table: {len(contract.schedules)} schedules, {len(contract.titles)} titles, "
         f"{len(contract.tiers)} {'steps' if contract.terms.step_advance else 'rows'}; wrote {write}.")  # fmt: skip
    report(write, write)


def export_scale(
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="csv or xlsx.")] = "csv",
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILE", help="Where to write, e.g. scale.xlsx ('-': stdout).")
    ] = "-",
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
) -> None:
    """Every schedule of a contract as one long table (a row a cell), to edit in a spreadsheet and import back.

    \b
    Example:
      paycalc schedules export --contract lunenburg-paras --format xlsx --output scale.xlsx
      paycalc schedules export --contract lunenburg-paras > scale.csv
    """
    from paycalc.api import contract_for
    from paycalc.output.files import STDOUT_NAMES, write_atomically
    from paycalc.output.render import to_csv
    from paycalc.output.scale_export import header, rows

    kind = format.lower()
    if kind not in ("csv", "xlsx"):
        usage_error(f"--format {format!r} is not known (csv or xlsx)")
    if kind == "xlsx" and output in STDOUT_NAMES:
        usage_error("--format xlsx writes a workbook: give --output FILE.xlsx")
    with reporting_errors():
        contract = contract_for(folder_of(contract_name, schedules))
    if kind == "csv":
        text = to_csv(header(contract), ([str(cell) for cell in row] for row in rows(contract)))
        if output in STDOUT_NAMES:
            echo(text, nl=False)
            return
        write_atomically(output, lambda out: print(text, end="", file=out))
        return
    from paycalc.output.spreadsheet import write as write_sheet

    write_atomically(output, lambda out: write_sheet(out, header(contract), rows(contract), sheet="Scale"), binary=True)
