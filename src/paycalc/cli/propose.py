"""``paycalc propose``: what a bargaining proposal would make of the schedules, and a folder of them."""

import os
from enum import StrEnum
from typing import Annotated

import typer

from paycalc.cli._common import (
    ContractOption,
    SchedulesOption,
    command_app,
    echo,
    fail,
    folder_of,
    reporting_errors,
    usage_error,
)
from paycalc.contract.models import Contract, Schedule
from paycalc.output.render import Format, money, signed_percent, to_json

app = command_app()


class ProposeFormat(StrEnum):
    """The formats propose writes (a proposal's schedules are not one table: no CSV)."""

    table = "table"
    json = "json"


@app.command()
def propose(
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="[FILE]",
            help="A proposal YAML file, or a bundled example by name, e.g. uft-2019-2022.",
            show_default=False,
        ),
    ] = None,
    write: Annotated[
        str | None,
        typer.Option(
            metavar="DIR",
            help="Also write the proposed contract as a schedules folder, e.g. ./proposed "
            "(usable with --schedules DIR by every command).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="With --write: replace the YAML files of a folder that is not empty, e.g. --write ./offer --force.",
        ),
    ] = False,
    examples: Annotated[
        bool,
        typer.Option(
            "--examples", help="List the bundled example proposals and exit, e.g. paycalc propose --examples."
        ),
    ] = False,
    format: Annotated[
        ProposeFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="table to read or json to script (any case), e.g. --format json.",
        ),
    ] = ProposeFormat.table,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
) -> None:
    """Each schedule a proposal makes, its raise against the base schedule, its lump sums and instalments.

    The proposal file format and the rule that turns changes into schedules are in the README,
    "Proposals". Any command takes --proposal FILE to answer under a proposal.

    \b
    Example:
      paycalc propose --examples
      paycalc propose uft-2019-2022
      paycalc propose my-offer.yaml --write ./my-offer --format json
    """
    if examples:
        show_examples()
        return
    if file is None:
        usage_error("missing FILE (a proposal YAML file, or a bundled example: 'paycalc propose --examples')")
    chosen = Format(format.value)
    from paycalc.cli._common import open_contract
    from paycalc.contract.errors import ScheduleError

    try:
        with reporting_errors():
            folder = folder_of(contract_name, schedules)
        try:
            contract = open_contract(folder, file)
        except ScheduleError as exc:
            if len(exc.problems) < 2 or any(p.file != exc.problems[0].file for p in exc.problems):
                raise
            for problem in exc.problems:  # what the error of any other command points here for: every problem
                echo(str(problem))
            count = len(exc.problems)
            fail(f"{count} problems in {exc.problems[0].file} (each line above names the key)")
    except ScheduleError as exc:
        fail(str(exc))
    if write is not None:
        from paycalc.cli._inputs import input_files
        from paycalc.output.files import write_folder
        from paycalc.output.schedule_text import folder_files

        target = os.path.realpath(write)
        for source in input_files(contract, [file]):  # the schedules and the proposal read: never replaced
            if os.path.realpath(source) == target or os.path.realpath(source).startswith(target + os.sep):
                fail(f"--write {write} holds {source}, which this command reads (write to another folder)")

        with reporting_errors():
            try:
                write_folder(write, folder_files(contract), force=force)
            except OSError as exc:
                fail(f"cannot write the folder {write}: {exc.strerror}")
    echo(to_json(as_record(contract)) if chosen is Format.json else render(contract))
    if write is not None and chosen is Format.table:
        echo(f"\nWrote {write}: 'paycalc schedules validate {write}' checks it; --schedules {write} uses it.")


def show_examples() -> None:
    from paycalc.contract.loader import bundled_proposals, find_proposal
    from paycalc.contract.yamlread import read_yaml

    for path in bundled_proposals():
        data, _ = read_yaml(str(path), find_proposal(path).read_bytes())
        name = data.get("name", "") if data else ""
        echo(f"{path.stem:<16} {name}")
    echo("\nUse one by name: paycalc propose uft-2019-2022, or --proposal uft-2019-2022 on any command.")


def _proposed(contract: Contract) -> tuple[list[Schedule], Schedule]:
    """The schedules the proposal made, and the base schedule they start from."""
    from paycalc.rules import core

    assert contract.proposal is not None
    replaced = contract.proposal.replaced
    if replaced is not None:  # the first change replaced the base's own schedule
        return [s for s in contract.schedules if s.effective >= replaced.effective], replaced
    base = core.schedule_on(contract, contract.proposal.base)
    return [s for s in contract.schedules if s.effective > base.effective], base


def as_record(contract: Contract) -> dict[str, object]:
    from paycalc.cli.schedules import as_record as schedule_record
    from paycalc.output.render import cents, percent
    from paycalc.rules import proposal as rules

    assert contract.proposal is not None
    spec = contract.proposal
    proposed, base = _proposed(contract)
    from paycalc.output import proposal_cells
    from paycalc.rules.core import stepped

    records = []
    for schedule in proposed:
        summary = rules.raise_summary(base, schedule)
        raised = dict(zip(("smallest", "median", "largest"), map(percent, summary), strict=True)) if summary else None
        record = schedule_record(schedule) | {"raise_against_base": raised}
        if stepped(contract):  # a step contract: each title and step, old and new
            record["cells"] = proposal_cells.as_records(proposal_cells.cells(contract, base, schedule))
        records.append(record)
    return {
        "proposal": spec.name,
        "file": spec.file,
        "base": base.effective.isoformat(),
        "rounding": spec.rounding,
        "schedules": records,
        "lump_sums": [
            {
                "name": lump.name,
                "amount": cents(lump.amount),
                "paid": lump.paid.isoformat(),
                "eligible_on": lump.eligible_on.isoformat(),
                "prorate": lump.prorate,
            }
            for lump in spec.lump_sums
        ],
        "instalments": [{"paid": i.paid.isoformat(), "share": str(i.share)} for i in spec.instalments],
    }


def render(contract: Contract) -> str:
    from paycalc.cli.schedules import render_schedule
    from paycalc.output import proposal_cells
    from paycalc.rules import proposal as rules
    from paycalc.rules.core import stepped

    assert contract.proposal is not None
    spec = contract.proposal
    proposed, base = _proposed(contract)
    parts = [
        f"Proposal: {spec.name} ({spec.file})",
        f"Base: the schedule of {base.effective} (in force on {spec.base}); "
        f"raises rounded to the {spec.rounding}, half up.",
    ]
    for schedule in proposed:
        parts.append("")
        parts.append(render_schedule(contract, schedule))
        summary = rules.raise_summary(base, schedule)
        if summary:
            smallest, median, largest = map(signed_percent, summary)
            parts.append(f"Against the base schedule: smallest {smallest}, median {median}, largest {largest}.")
        if stepped(contract):  # a step contract: what the offer does to each title and step
            parts += ["", proposal_cells.render(proposal_cells.cells(contract, base, schedule), base)]
    if spec.lump_sums:
        parts.append("")
        parts.append("Lump sums:")
        for lump in spec.lump_sums:
            pro = ", pro-rated like pay (hours, days, workyear)" if lump.prorate else ""
            who = f"to those hired on or before {lump.eligible_on}{pro}"
            parts.append(f"  {lump.name}: {money(lump.amount)} paid {lump.paid} {who}")
    if spec.instalments:
        parts.append("")
        shares = ", ".join(f"{i.paid} {i.share}%" for i in spec.instalments)
        parts.append(f"Retro paid in instalments: {shares}.")
    return "\n".join(parts)
