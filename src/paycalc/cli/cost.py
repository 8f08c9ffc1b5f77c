"""``paycalc cost``: what proposals cost across a membership, by fiscal year, against the status quo."""

from decimal import Decimal
from typing import Annotated, Any

import typer

from paycalc.cli import _cost_out
from paycalc.cli._common import (
    EXIT_SKIPPED,
    ContractOption,
    SchedulesOption,
    VerboseOption,
    command_app,
    folder_of,
    reporting_errors,
    usage_error,
)
from paycalc.cli._work import AnchorOption, MethodOption
from paycalc.contract.errors import InputError, RowError

app = command_app()


@app.command()
def cost(
    roster: Annotated[
        str,
        typer.Option(
            metavar="FILE",
            help="Members: a CSV or .xlsx with columns id,title,hired and optionally hours,workyear "
            "(or hours_per_day,days),differentials,from,to; other columns (a name, a school) are carried through "
            "to the per-member output, e.g. members.csv ('-' for stdin).",
        ),
    ],
    start: Annotated[str, typer.Option("--from", metavar="DATE", help="First day to cost, e.g. 2019-07-01.")],
    end: Annotated[str, typer.Option("--to", metavar="DATE", help="Last day to cost (included), e.g. 2022-06-30.")],
    proposal: Annotated[
        list[str],
        typer.Option(
            metavar="FILE",
            help="A proposal to cost (repeatable; the first one's base is the status quo), e.g. "
            "--proposal union.yaml --proposal board.yaml. [default with --paid-contract: the contract as it is]",
            show_default=False,
        ),
    ] = [],  # noqa: B006 (typer reads the default; it is never changed)
    fiscal_year_start: Annotated[
        str, typer.Option(metavar="MM-DD", help="The day fiscal years start, e.g. 10-01. [default: 07-01, NYC's]")
    ] = "07-01",
    method: MethodOption = None,
    anchor: AnchorOption = None,
    by: Annotated[
        str | None,
        typer.Option(
            metavar="title|step",
            help="Add a breakdown by title, or by step (the step or longevity row on each fiscal year's first day "
            "on payroll), e.g. --by step.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="table, json, csv or html (a report to share), e.g. --format html; "
            "an --output ending .xlsx writes a workbook (Summary, By title, Per member, Assumptions).",
        ),
    ] = "table",
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Where to write, e.g. costing.html or costing.xlsx ('-' for stdout)."
        ),
    ] = "-",
    budget: Annotated[
        str | None,
        typer.Option(
            metavar="AMOUNT",
            help="With --solve-percent: what the first whole fiscal year after DATE may cost, e.g. 2500000.",
            show_default=False,
        ),
    ] = None,
    solve_percent: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Find the largest uniform raise on DATE (to 0.01%) added to the first proposal that fits --budget, "
            "e.g. 2020-09-14.",
            show_default=False,
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="With an .xlsx roster: the sheet, e.g. Members.", show_default=False),
    ] = None,
    per_member: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Also write one row per member (id, the roster's own columns, title, each fiscal year's pay "
            "under the status quo and each offer, the increase): CSV, or .json or .xlsx by the name, "
            "e.g. members-costed.csv.",
            show_default=False,
        ),
    ] = None,
    write_proposal: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="With --solve-percent: write the offer with the solved raise as a proposal file, e.g. solved.yaml.",
            show_default=False,
        ),
    ] = None,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help=f"Leave out invalid rows, report each on stderr, and exit {EXIT_SKIPPED} if any was left out, "
            "e.g. --skip-invalid. [default: stop at the first invalid row]",
        ),
    ] = False,
    paid_contract: Annotated[
        str | None,
        typer.Option(
            "--paid-contract",
            metavar="NAME|DIR",
            help="The status quo is what this contract's scale paid, its schedule in force each day, e.g. "
            "--paid-contract lunenburg-paras-posted: what a correction costs. Without --proposal, the offer is the "
            "contract as it is.",
            show_default=False,
        ),
    ] = None,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    verbose: VerboseOption = False,
) -> None:
    """What proposals cost across a membership, per fiscal year, against the status quo.

    The status quo is the first proposal's base schedule frozen, longevity still moving. The README's
    "Costing" section states the rules.

    \b
    Example:
      paycalc cost --roster members.csv --proposal uft-2019-2022 --from 2018-07-01 --to 2021-06-30
      paycalc cost --roster members.csv --proposal a.yaml --proposal b.yaml \\
        --from 2019-07-01 --to 2022-06-30 --format html --output costing.html
      paycalc cost --roster members.csv --proposal a.yaml --budget 250000 \\
        --solve-percent 2020-09-14 --from 2019-07-01 --to 2022-06-30
      paycalc cost --contract lunenburg-paras --roster paras.csv --paid-contract lunenburg-paras-posted \\
        --from 2025-07-01 --to 2027-06-30
    """
    kind = format.lower()
    if kind not in ("table", "json", "csv", "html"):
        usage_error(f"--format {format!r} is not known (table, json, csv or html)")
    if output.lower().endswith(".xlsx") and kind != "table":
        usage_error(f"--output {output} writes a workbook: leave out --format {format} (or name another file)")
    if write_proposal is not None and solve_percent is None:
        usage_error("--write-proposal writes the solved raise: give it with --budget and --solve-percent")
    if by not in (None, "title", "step"):
        usage_error(f"--by {by!r} is not known (title or step)")
    if sheet is not None and not roster.lower().endswith(".xlsx"):
        usage_error("--sheet applies only to an .xlsx roster")
    if (budget is None) != (solve_percent is None):
        usage_error("--budget and --solve-percent go together (what a year may cost, and the date of the raise)")
    from paycalc.api import contract_for, load_proposal
    from paycalc.contract import inputs
    from paycalc.membership import costing

    if not proposal and paid_contract is None:
        usage_error(
            "Missing option '--proposal' (a proposal to cost, e.g. --proposal union.yaml; or --paid-contract NAME)"
        )
    if paid_contract is not None and budget is not None:
        usage_error("--paid-contract with --budget (the budget solve raises an offer over a frozen status quo)")
    from paycalc.jobs import cost_roster as job

    with reporting_errors():  # the roster opened first: a workbook's sheet is parsed while the offers are read
        rows, carried = job.open_rows(roster, sheet, _cost_out.note)
        base = contract_for(folder_of(contract_name, schedules))
        proposals = [load_proposal(path, base) for path in proposal]
        paid = None if paid_contract is None else _cost_out.paid_status_quo(paid_contract)
        if paid is not None and not proposals:
            from paycalc.contract import inputs as given
            from paycalc.jobs.cost_roster import as_it_is

            proposals = [as_it_is(base, contract_name or schedules or "", given.to_date(start, "from date"))]
        from paycalc.cli._inputs import input_files

        first, last = inputs.to_date(start, "from date"), inputs.to_date(end, "to date")
        when = None if anchor is None else inputs.to_date(anchor, "anchor")
        costing.parse_fiscal_start(fiscal_year_start)
        if last < first:
            raise InputError(f"--to {last} is before --from {first} (an end on or after the start)")
        limit = None if budget is None else inputs.to_amount(budget, "--budget", Decimal(10) ** 12)
        if limit is not None and limit != limit.quantize(Decimal("0.01")):
            raise InputError(f"--budget {budget} is finer than a cent (dollars and cents, e.g. 250000 or 250000.50)")
        day = None if solve_percent is None else inputs.to_date(solve_percent, "--solve-percent")
    outputs = _cost_out.Outputs(kind, by is not None, output, per_member, write_proposal, roster, carried)
    with reporting_errors():
        _cost_out.check_paths(outputs, input_files(base, list(proposal), roster))
    # every member is kept only for a per-member output; the report keeps those who gain least and most
    costs: list[Any] | None = [] if per_member is not None or output.lower().endswith(".xlsx") else None
    named = _cost_out.named_collector() if kind == "html" else None
    reported: set[int] = set()

    def report(error: RowError) -> None:  # each row once, though the solve and the costing both price it
        if error.row not in reported:
            reported.add(error.row)
            typer.echo(f"Skipped: {job.place(roster, rows, error.row, error.reason)}: {error.reason}", err=True)

    solve = None if limit is None or day is None else (limit, day)
    asked = job.Asked(proposals, base, first, last, fiscal_year_start, method, when, paid, by or "title", solve)
    with reporting_errors():
        result, solved = job.price(
            roster,
            rows,
            carried,
            asked,
            on_invalid=report if skip_invalid else None,
            on_member=_cost_out.handing_over(costs, named),
            say=(lambda line: typer.echo(line, err=True)) if verbose else None,
        )
    shown = [solved.proposal] if solved is not None else proposals
    _cost_out.show(result, shown, solved, costs, outputs, named)
    if reported:
        s = "" if len(reported) == 1 else "s"
        typer.echo(f"Error: {len(reported)} invalid row{s} left out of the costing (each reported above)", err=True)
        raise typer.Exit(EXIT_SKIPPED)
