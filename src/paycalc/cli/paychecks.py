"""``paycalc paychecks``: every check in a range, what it should have been, and against what was paid."""

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from paycalc.cli._common import (
    ContractOption,
    FormatOption,
    HiredOption,
    HoursOption,
    PaidContractOption,
    ProposalOption,
    SchedulesOption,
    StepOption,
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
    work_for,
)
from paycalc.output.render import Format

app = command_app()

MAX_PAID_BYTES = 1 << 20  # a year of checks is a few hundred bytes


@app.command()
def paychecks(
    title: Annotated[str, typer.Option(metavar="TITLE", help='Job title or alias, e.g. "Ed. Asst. B".')],
    start: Annotated[str, typer.Option("--from", metavar="DATE", help="First day, e.g. 2018-05-01.")],
    end: Annotated[str, typer.Option("--to", metavar="DATE", help="Last day, e.g. 2018-06-30.")],
    years: YearsOption = None,
    hired: HiredOption = None,
    step: StepOption = None,
    hours: HoursOption = None,
    workyear: WorkyearOption = None,
    hours_per_day: HoursPerDayOption = None,
    days: DaysOption = None,
    differential: DifferentialOption = None,
    method: MethodOption = None,
    anchor: AnchorOption = None,
    pay_cycles: PayCyclesOption = None,
    change: ChangeOption = None,
    paid: Annotated[
        str | None,
        typer.Option(
            "--paid",
            metavar="FILE",
            help="A CSV of what was paid, with the header pay_date,gross and one line per check, e.g. "
            "--paid checks.csv: adds paid and the difference per check and in total.",
            show_default=False,
        ),
    ] = None,
    paid_contract: PaidContractOption = None,
    format: FormatOption = Format.table,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    proposal: ProposalOption = None,
) -> None:
    """Every paycheck from --from to --to: its pay date, the days it pays for, its gross and the row in force.

    A check is dated its pay period's last day. The checks add up to what 'paycalc retro' calls owed for
    the same range.

    \b
    Example:
      paycalc paychecks --title "Ed. Asst. B" --hired 2005-09-01 --from 2018-05-01 --to 2018-06-30
      paycalc paychecks --title "Ed. Asst. B" --years 16 --from 2018-05-01 --to 2018-06-30 --paid paid.csv
      paycalc paychecks --contract lunenburg-paras --title "Associate's" --hired 2019-09-03 \\
        --from 2026-07-01 --to 2026-09-30 --pay-cycles 22
      paycalc paychecks --contract lunenburg-paras --title "Associate's" --step 5 --from 2025-07-01 \\
        --to 2025-12-31 --pay-cycles 22 --paid-contract lunenburg-paras-posted
    """
    from paycalc.api import paychecks as pricing
    from paycalc.output.paychecks_text import record, render

    one_of_years_or_hired(years, hired, step)
    if paid == "":
        usage_error("--paid is empty (a CSV file with the header pay_date,gross)")
    if paid is not None and paid_contract is not None:
        usage_error("--paid and --paid-contract both given (one: the checks paid, or the scale they were paid from)")
    with reporting_errors():
        contract = open_contract(folder_of(contract_name, schedules), proposal)
        work = work_for(contract, hours, workyear, hours_per_day, days, differential)
        check_cycles(pay_cycles, method, contract)
        asked = {"hired": hired, "years": years, "step": step, "start": start, "end": end, **work}
        asked |= {"method": method, "anchor": anchor, "pay_cycles": pay_cycles, "changes": change or ()}
        used, checks = pricing(title, **asked, schedules=contract)
        paid_by_date = None if paid is None else read_paid(paid, {c.pay_date for c in checks})
        if paid_contract is not None:
            from paycalc.api import paid_contract_for

            _, paid_checks = pricing(title, **asked, schedules=paid_contract_for(paid_contract))
            paid_by_date = {check.pay_date: check.gross for check in paid_checks}
        from paycalc.api import hired_for
        from paycalc.contract.inputs import to_date

        first = to_date(start, "from date")
        hire = hired_for(hired, years, first, step=step, schedules=contract)
        from paycalc.rules.steps import placement

        placed = placement(contract, step, None if years is None else int(years), first)
    person = checks[0].rows[0][0] if checks and checks[0].rows else title
    answer = record(person, hire, first, to_date(end, "to date"), used, checks, paid_by_date, placed)
    echo(render(answer, format))


def read_paid(path: str, dates: set[datetime.date]) -> dict[datetime.date, Decimal]:
    """What was paid, by pay date, from a CSV file ``pay_date,gross``; every line a check in the range."""
    from paycalc.contract.errors import InputError
    from paycalc.contract.loader import read_regular
    from paycalc.rules.paychecks import parse_paid

    try:
        text = read_regular(Path(path), MAX_PAID_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        fail(f"--paid {path}: cannot be read: {reason} (a CSV file with the header pay_date,gross)")
    try:
        return parse_paid(text, dates)
    except InputError as exc:
        fail(f"--paid {path}: {exc}")
