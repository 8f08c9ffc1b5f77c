"""Options and error handling shared by the commands."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import typer

from paycalc.contract.errors import PaycalcError
from paycalc.contract.models import Contract
from paycalc.output.render import Format

SchedulesOption = Annotated[
    str | None,
    typer.Option(
        "--schedules",
        envvar="PAYCALC_SCHEDULES",
        metavar="DIR",
        show_default=False,
        help="Folder of another contract's schedule files, e.g. ./schedules/my-local "
        "(also $PAYCALC_SCHEDULES). [default: the bundled NYC DOE - UFT paraprofessional schedules]",
    ),
]

ContractOption = Annotated[
    str | None,
    typer.Option(
        "--contract",
        metavar="NAME",
        show_default=False,
        help="A bundled contract by its short name, e.g. --contract lunenburg-paras ('paycalc contracts' "
        "lists them). [default: nyc-paras, or --schedules DIR]",
    ),
]


def folder_of(
    contract: str | None, schedules: str | None, parameter: str = "schedules", shown: str = "--schedules"
) -> str | None:
    """The schedules folder that ``--contract NAME`` or ``--schedules DIR`` names (None: the default contract).

    ``--contract`` wins over ``$PAYCALC_SCHEDULES``; with the folder typed too (``parameter``, shown to the
    user as ``shown``), it is a usage error.
    """
    if contract is None:
        return schedules
    if schedules is not None:
        from typer._click.globals import get_current_context

        context = get_current_context(silent=True)
        source = None if context is None else context.get_parameter_source(parameter)
        if source is None or source.name != "ENVIRONMENT":
            usage_error(f"--contract and {shown} both given (one: a bundled contract by name, or a folder)")
    from paycalc.contract.loader import bundled_contract

    with reporting_errors():
        return str(bundled_contract(contract))


YearsOption = Annotated[
    str | None,
    typer.Option(metavar="N", help="Completed years of service, e.g. 16. Give this or --hired.", show_default=False),
]
HiredOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        help="Hire date, YYYY-MM-DD, e.g. 2005-09-01: completed years, and so the longevity row, count from it.",
        show_default=False,
    ),
]
HoursOption = Annotated[
    str | None,
    typer.Option(
        metavar="H",
        help="Hours worked per week, e.g. 17.5. [default: the regular week, 30 in the NYC contract]",
        show_default=False,
    ),
]
WorkyearOption = Annotated[
    str | None,
    typer.Option(
        metavar="F",
        help="Fraction of the regular workyear worked, e.g. 0.5 (may exceed 1). [default: 1]",
        show_default=False,
    ),
]

FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output: table to read, json or csv to script (any case), e.g. --format json.",
    ),
]


def command_app(**settings: Any) -> typer.Typer:
    """A Typer app for one command module, formatted like the rest of paycalc (plain text, no colour)."""
    return typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False, **settings)


EXIT_SKIPPED = 3  # retro --roster --skip-invalid: the output was written, but some rows were left out

# How the core names a value, and the option a user typed it with.
OPTION_NAMES = {
    "hours per day ": "--hours-per-day ",  # before "hours ", which it starts with
    "days ": "--days ",
    "anchor ": "--anchor ",
    "years ": "--years ",
    "hire date ": "--hired ",
    "hours ": "--hours ",
    "workyear ": "--workyear ",
    "paid annual ": "--paid-annual ",
    "paid schedule date ": "--paid-schedule ",
    "from date ": "--from ",
    "to date ": "--to ",
    "pay cycles ": "--pay-cycles ",
    "change ": "--change ",
    "step ": "--step ",
    "paid contract ": "--paid-contract ",
}


def as_typed(message: str, names: Mapping[str, str] = OPTION_NAMES) -> str:
    """An error message that starts by naming a value, with the value named as its option."""
    for name, option in names.items():
        if message.startswith(name):
            return option + message[len(name) :]
    return message


@contextmanager
def reporting_errors(names: Mapping[str, str] = OPTION_NAMES) -> Iterator[None]:
    """Turn paycalc's own errors into one ``Error: ...`` line on stderr and exit code 1.

    ``names`` maps how the core names a value to how the command's user typed it.
    """
    try:
        yield
    except PaycalcError as exc:
        typer.echo(error_line(as_typed(str(exc), names)), err=True)
        raise typer.Exit(1) from None


def one_of_years_or_hired(years: str | None, hired: str | None, step: str | None = None) -> None:
    """Exactly one of --years, --hired and --step, or a usage error (exit 2)."""
    if step is not None:
        if years is not None or hired is not None:
            usage_error("--step with --years or --hired (one: the step, completed years, or a hire date)")
        return
    if (years is None) == (hired is None):
        given = "both --years and --hired" if years is not None else "neither --years nor --hired"
        usage_error(
            f"{given} given (exactly one: completed years, e.g. --years 16, or a hire date, e.g. --hired 2002-09-03; "
            "on a step contract, or the step, e.g. --step 4)"
        )


StepOption = Annotated[
    str | None,
    typer.Option(
        metavar="N",
        help="On a step contract, the step on the first day asked, e.g. --step 4; it moves up each step day "
        "after (Lunenburg: each July 1). Instead of --years or --hired.",
        show_default=False,
    ),
]
PaidContractOption = Annotated[
    str | None,
    typer.Option(
        "--paid-contract",
        metavar="NAME|DIR",
        help="What was paid: another contract's scale, in force each day, with the same title, step and hours, "
        "e.g. --paid-contract lunenburg-paras-posted (a bundled contract or a schedules folder).",
        show_default=False,
    ),
]
VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="With --roster: say on stderr which engine priced the roster (in columns, or row by row at about "
        "25 µs a row) and why not in columns, e.g. -v.",
        show_default=False,
    ),
]


ProposalOption = Annotated[
    str | None,
    typer.Option(
        "--proposal",
        metavar="FILE",
        show_default=False,
        help="Answer under a bargaining proposal: a proposal YAML file, or a bundled example by name, "
        "e.g. --proposal uft-2019-2022 ('paycalc propose --examples' lists them).",
    ),
]


def open_contract(schedules: str | None, proposal: str | None) -> Contract:
    """The contract to answer under: the schedules folder's, or the one a proposal makes of it."""
    from paycalc.api import contract_for, load_proposal

    contract = contract_for(schedules)
    return load_proposal(proposal, contract) if proposal else contract


def proposal_note(contract: Contract) -> str:
    """A line saying which proposal the answer is under, or nothing."""
    if contract.proposal is None:
        return ""
    return f"Under the proposal {contract.proposal.name!r} ({contract.proposal.file}), not a published schedule."


def proposal_field(contract: Contract) -> dict[str, str]:
    """``{"proposal": name}`` for JSON output under a proposal, else nothing."""
    return {"proposal": contract.proposal.name} if contract.proposal is not None else {}


def echo(text: str = "", nl: bool = True) -> None:
    """Print an answer on standard output; on a terminal, a user's text (a title, a name in a schedule or
    proposal file) never drives it: control characters are written out (``\\x1b``)."""
    from paycalc.output.render import for_terminal

    typer.echo(for_terminal(text), nl=nl)


def echo_note(contract: Contract) -> None:
    if contract.proposal is not None:
        import textwrap

        from paycalc.output.render import terminal_width

        echo(textwrap.fill(proposal_note(contract), terminal_width()))


def error_line(message: str) -> str:
    """``Error: message`` as one line a terminal shows as it is: a user's control characters (in a file
    name, a cell) written out as ``\\x1b``, a line break as ``\\n``."""
    from paycalc.output.render import visible

    return "Error: " + visible(message.replace("\n", "\\n"))


def fail(message: str) -> NoReturn:
    """A value that cannot be used: one ``Error:`` line on stderr, exit 1."""
    typer.echo(error_line(message), err=True)
    raise typer.Exit(1)


def usage_error(message: str) -> NoReturn:
    """A missing, conflicting or inapplicable option: one ``Error:`` line on stderr, exit 2."""
    typer.echo(error_line(message), err=True)
    raise typer.Exit(2)


RealOption = Annotated[
    bool,
    typer.Option(
        "--real",
        help="Also show raises after prices (CPI), e.g. --real. [default series: the contract's, else us]",
    ),
]
CpiOption = Annotated[
    str | None,
    typer.Option(
        "--cpi",
        metavar="SERIES",
        show_default=False,
        help="The price series for --real: us, ny-metro, or a CSV file year,value of your own, "
        "e.g. --cpi ny-metro (implies --real).",
    ),
]


def cpi_choice(real: bool, cpi: str | None) -> str | None:
    """The series to deflate with: --cpi, the contract's default with --real alone, or none."""
    return cpi if cpi is not None else ("default" if real else None)
