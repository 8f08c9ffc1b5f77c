"""``paycalc retro``: retro pay for one person, segment by segment, or for a whole roster CSV."""

from decimal import Decimal
from typing import Annotated

import typer

from paycalc.cli._common import (
    EXIT_SKIPPED,
    ContractOption,
    HiredOption,
    HoursOption,
    PaidContractOption,
    ProposalOption,
    SchedulesOption,
    StepOption,
    VerboseOption,
    WorkyearOption,
    YearsOption,
    command_app,
    echo,
    fail,
    folder_of,
    one_of_years_or_hired,
    open_contract,
    reporting_errors,
    usage_error,
)
from paycalc.cli._work import (
    AnchorOption,
    ChangeOption,
    DaysOption,
    DifferentialOption,
    HoursPerDayOption,
    MethodOption,
    PayCyclesOption,
    check_cycles,
    instalments_of,
    jobs_of,
    work_for,
)
from paycalc.output.render import Format
from paycalc.output.retro_text import render

app = command_app()


@app.command()
def retro(
    title: Annotated[
        str | None, typer.Option(metavar="TITLE", help='Job title or alias, e.g. "Ed. Asst. B".', show_default=False)
    ] = None,
    hired: HiredOption = None,
    years: YearsOption = None,
    step: StepOption = None,
    start: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="First day of the period, e.g. 2013-05-01.", show_default=False),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="DATE",
            help="Last day of the period (included), e.g. 2014-09-30 (with --roster: for rows without a to).",
            show_default=False,
        ),
    ] = None,
    hours: HoursOption = None,
    workyear: WorkyearOption = None,
    paid_schedule: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="What was paid: the schedule in force on this date, frozen, e.g. 2008-05-19 (with --roster: for rows "
            "without their own paid_schedule or paid_annual). [default: the schedule in force the day before --from]",
            show_default=False,
        ),
    ] = None,
    paid_annual: Annotated[
        str | None,
        typer.Option(
            metavar="AMOUNT",
            help="What was paid: a flat annual salary, e.g. 26843.00 or $26,843.00 (no longevity, no pro-rating; with "
            "--roster: for rows without their own paid_schedule or paid_annual).",
            show_default=False,
        ),
    ] = None,
    paid_contract: PaidContractOption = None,
    hours_per_day: HoursPerDayOption = None,
    days: DaysOption = None,
    differential: DifferentialOption = None,
    method: MethodOption = None,
    anchor: AnchorOption = None,
    roster: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="A roster CSV or .xlsx, e.g. members.csv ('-' for stdin): columns id,title,hired,from,to and "
            "optionally hours,workyear (or hours_per_day,days),differentials,paid_schedule,paid_annual. "
            "One output row per id.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str,
        typer.Option("--output", "-o", metavar="FILE", help="Where to write, e.g. retro.csv ('-' for stdout)."),
    ] = "-",
    sheet: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="With an .xlsx roster: the sheet to read, e.g. --sheet Roster. [default: the first sheet]",
            show_default=False,
        ),
    ] = None,
    instalments: Annotated[
        str | None,
        typer.Option(
            metavar="DATE:PCT,...",
            help="Split the retro total into dated payments, e.g. 2015-10-15:50,2016-10-15:50 (shares add up "
            "to 100; each rounded to the cent, the last takes the remainder). [default: the proposal's, if any]",
            show_default=False,
        ),
    ] = None,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help=f"With --roster: leave out invalid rows, report each on stderr, and exit {EXIT_SKIPPED} "
            "if any was left out, e.g. --skip-invalid. [default: stop at the first invalid row]",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            min=1,
            help="With --roster: processes that price a CSV roster, e.g. --jobs 2; the output is the same with "
            "any number. [default: $PAYCALC_JOBS, else one per core paycalc may run on for a roster of 32 MB "
            "or more, one for a shorter]",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json or csv for one person; csv or json for a roster, e.g. --format json. "
            "[default: table; csv with --roster]",
            show_default=False,
        ),
    ] = None,
    change: ChangeOption = None,
    pay_cycles: PayCyclesOption = None,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    proposal: ProposalOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Retro pay over a period: what the schedules in force owed, minus what was paid.

    For one person, the segments (runs of days at one owed and one paid rate) and the totals; for a
    roster, one total per id. The README's "Retro pay" section states the rules.

    \b
    Example:
      paycalc retro --title "Ed. Asst. B" --hired 2005-09-01 --from 2013-05-01 --to 2014-09-30
      paycalc retro --roster members.csv --output retro.csv
      paycalc retro --proposal moa-2014 --title "Teacher Aide" --hired 2010-09-07 --from 2013-05-01 --to 2014-06-30
      paycalc retro --schedules examples/hourly-local --title Para --hired 2019-08-26 \\
        --from 2024-07-01 --to 2025-06-30 --paid-schedule 2023-07-01 --method biweekly --anchor 2024-07-05
      paycalc retro --contract lunenburg-paras --paid-contract lunenburg-paras-posted --title "Associate's" \\
        --step 5 --from 2025-07-01 --to 2027-06-30 --pay-cycles 22
    """
    if roster is not None:
        single = {"--title": title, "--hired": hired, "--hours": hours}
        single |= {"--years": years, "--step": step}
        single |= {"--workyear": workyear}
        single |= {"--hours-per-day": hours_per_day, "--days": days}
        single |= {"--differential": ",".join(differential) if differential else None}
        single |= {"--change": ",".join(change) if change else None}
        given = [option for option, value in single.items() if value is not None]
        if given:
            usage_error(f"{', '.join(given)} cannot be used with --roster (the roster's columns give them per row)")
        paid_options = {
            "--paid-schedule": paid_schedule,
            "--paid-annual": paid_annual,
            "--paid-contract": paid_contract,
        }
        if sum(value is not None for value in paid_options.values()) > 1:
            named = " and ".join(option for option, value in paid_options.items() if value is not None)
            usage_error(f"{named} given together (one: what rows without their own paid column were paid)")
        if format is Format.table:
            usage_error("--format table is not available with --roster (csv or json)")
        if output.lower().endswith(".xlsx") and format is not None:
            usage_error(f"--format {format.value} conflicts with --output {output} (an .xlsx output is a spreadsheet)")
        if sheet is not None and not roster.lower().endswith(".xlsx"):
            usage_error("--sheet applies only to an .xlsx roster")
        with reporting_errors():
            contract = open_contract(folder_of(contract_name, schedules), proposal)
            split = instalments_of(instalments, contract)
        check_cycles(pay_cycles, method, contract)
        from paycalc.cli._inputs import input_files
        from paycalc.jobs.retro_roster import run_roster
        from paycalc.output.files import Interrupted

        with reporting_errors():
            from paycalc.api import paid_contract_for

            paid_by = None if paid_contract is None else paid_contract_for(paid_contract)
        paying = (method, anchor, pay_cycles)
        sources = input_files(contract, [proposal] if proposal else [], roster)
        try:
            with reporting_errors():
                skipped = run_roster(
                    roster,
                    output,
                    format or Format.csv,
                    paying,
                    skip_invalid,
                    contract,
                    split,
                    sheet,
                    sources,
                    jobs_of(jobs),
                    paid_by,
                    (start, end),
                    (paid_schedule, paid_annual),
                    say=lambda line: typer.echo(line, err=True),
                    verbose=verbose,
                )
        except Interrupted as signal:
            typer.echo(f"Error: stopped by {signal} (nothing was written)", err=True)
            raise typer.Exit(128 + signal.signum) from None
        if skipped:
            s = "" if skipped == 1 else "s"
            typer.echo(f"Error: {skipped} invalid row{s} left out of the output (each reported above)", err=True)
            raise typer.Exit(EXIT_SKIPPED)
        return
    if skip_invalid:
        usage_error("--skip-invalid applies only with --roster")
    if jobs is not None or verbose:
        usage_error(f"{'--jobs' if jobs is not None else '--verbose'} applies only with --roster")
    if output.lower().endswith(".xlsx"):
        usage_error(f"--output {output}: a spreadsheet is written for --roster only (give a .csv, .json or .txt path)")
    placed = hired or years is not None or step is not None
    needed = {"--title": title, "--hired": placed, "--from": start, "--to": end}
    missing = [option for option, value in needed.items() if not value]
    if missing:
        usage_error(
            f"missing {', '.join(missing)} (one person needs --title, --hired (or --years or --step), --from and "
            "--to; or give --roster FILE)"
        )
    one_of_years_or_hired(years, hired, step)
    from paycalc.api import retro_pay
    from paycalc.output.files import STDOUT_NAMES
    from paycalc.rules import proposal as proposals

    with reporting_errors():
        contract = open_contract(folder_of(contract_name, schedules), proposal)
        check_cycles(pay_cycles, method, contract)
        work = work_for(contract, hours, workyear, hours_per_day, days, differential)
        split = instalments_of(instalments, contract)
        if output not in STDOUT_NAMES:
            from paycalc.cli._inputs import input_files
            from paycalc.output.files import check_output

            check_output(output, input_files(contract, [proposal] if proposal else []))
        result = retro_pay(
            str(title),
            hired=hired,
            years=years,
            step=step,
            start=str(start),
            end=str(end),
            **work,
            paid_schedule=paid_schedule,
            paid_annual=paid_annual,
            method=method,
            anchor=anchor,
            schedules=contract,
            changes=change or (),
            pay_cycles=pay_cycles,
            paid_contract=paid_contract,
        )
        if split != (contract.proposal.instalments if contract.proposal else ()):
            wages = result.retro - sum((lump.amount for lump in result.lump_sums), Decimal(0))
            result = result._replace(instalments=proposals.split(wages, split) if split else ())
    text = render(result, format or Format.table, contract.proposal.name if contract.proposal else None) + "\n"
    if output in STDOUT_NAMES:
        echo(text, nl=False)
        return
    from paycalc.output.files import write_atomically

    try:
        write_atomically(output, lambda out: print(text, end="", file=out))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
