"""The options that say what a person works (hours, days, differentials) and how they are paid (method), and a
roster run's instalments and processes."""

from typing import Annotated, Any

import typer

from paycalc.cli._common import usage_error
from paycalc.contract.models import Contract, Instalment

HoursPerDayOption = Annotated[
    str | None,
    typer.Option(
        "--hours-per-day",
        metavar="H",
        show_default=False,
        help="Hourly contracts: hours worked a day, e.g. 6. [default: the contract's regular day]",
    ),
]
DaysOption = Annotated[
    str | None,
    typer.Option(
        "--days",
        metavar="N",
        show_default=False,
        help="Hourly and daily contracts: days worked a year, e.g. 180. [default: the contract's regular year]",
    ),
]
DifferentialOption = Annotated[
    list[str] | None,
    typer.Option(
        "--differential",
        metavar="NAME",
        show_default=False,
        help="A differential of the contract's the person has (repeatable), e.g. --differential degree.",
    ),
]
MethodOption = Annotated[
    str | None,
    typer.Option(
        "--method",
        metavar="METHOD",
        show_default=False,
        help="Pay periods: semimonthly (24 checks), biweekly (26, with --anchor), monthly (12) or daily, "
        "e.g. --method biweekly --anchor 2024-07-12. [default: the contract's pay_periods, else semimonthly]",
    ),
]
AnchorOption = Annotated[
    str | None,
    typer.Option(
        "--anchor",
        metavar="DATE",
        show_default=False,
        help="With --method biweekly: the first day of any one pay period, e.g. 2024-07-12. "
        "[default: the contract's pay_period_anchor]",
    ),
]

_OPTIONS = {"hours": "--hours", "workyear": "--workyear", "hours_per_day": "--hours-per-day", "days": "--days"}


def work_for(
    contract: Contract,
    hours: str | None,
    workyear: str | None,
    hours_per_day: str | None,
    days: str | None,
    differential: list[str] | None,
) -> dict[str, Any]:
    """The work options as the API takes them, once they fit the contract's basis (else exit 2)."""
    given = {"hours": hours, "workyear": workyear, "hours_per_day": hours_per_day, "days": days}
    refuse_misfits(contract, given)
    return given | {"differentials": differential or ()}


def refuse_misfits(contract: Contract, given: dict[str, str | None]) -> None:
    """A usage error (exit 2) for work options the contract's pay basis does not take."""
    from paycalc.rules.terms import FIT

    basis = contract.terms.basis
    wrong = [_OPTIONS[name] for name, value in given.items() if value is not None and name not in FIT[basis]]
    if wrong:
        fits = " and ".join(_OPTIONS[name] for name in FIT[basis])
        verb = "does" if len(wrong) == 1 else "do"
        usage_error(f"{' and '.join(wrong)} {verb} not fit this contract: it pays {basis} rates (use {fits})")


PayCyclesOption = Annotated[
    str | None,
    typer.Option(
        "--pay-cycles",
        metavar="N",
        help="With biweekly pay: 26 checks a year, or 22 over the school year, e.g. --pay-cycles 22. [default: 26]",
        show_default=False,
    ),
]
ChangeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--change",
        metavar="DATE:KEY=VALUE",
        help="The assignment changes from DATE on: title=NAME, hours=H, workyear=F, hours-per-day=H or days=N; "
        'repeatable, e.g. --change "2026-01-05:title=Bachelor\'s".',
        show_default=False,
    ),
]


def check_cycles(cycles: str | None, method: str | None, contract: Contract) -> None:
    """--pay-cycles only with biweekly pay (the method given, else the contract's), or a usage error."""
    chosen = (method or contract.terms.pay_periods or "semimonthly").strip().lower()
    if cycles is not None and chosen != "biweekly":
        usage_error(f"--pay-cycles applies to biweekly pay, not {chosen} (give --method biweekly, or leave it out)")


def instalments_of(text: str | None, contract: Contract) -> tuple[Instalment, ...]:
    """--instalments, else the proposal's instalments, else none."""
    if text is not None:
        from paycalc.rules import proposal

        return proposal.parse_instalments(text)
    return contract.proposal.instalments if contract.proposal is not None else ()


def jobs_of(option: int | None) -> int | None:
    """Processes for a roster: --jobs, else PAYCALC_JOBS, else None (one per core for a long roster)."""
    import os

    if option is not None:
        return option
    value = os.environ.get("PAYCALC_JOBS", "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        usage_error(f"PAYCALC_JOBS={value!r} is not a number of processes (a whole number, 1 or more)")
    return int(value)
