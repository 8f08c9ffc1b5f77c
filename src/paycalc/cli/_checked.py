"""A schedules folder checked and its findings said: every problem with its file and key (exit 1), or OK with
each printed figure that is not the rule as a warning. ``schedules validate`` and ``schedules import`` say it."""

from __future__ import annotations

from pathlib import Path

import typer

from paycalc.cli._common import echo


def report(path: str, shown: str) -> None:
    """Check the folder at ``path`` (named ``shown``) and say what was found."""
    from paycalc.contract.loader import check_folder

    contract, problems = check_folder(path)
    if contract is None:
        for problem in problems:
            echo(str(problem))
        s = "" if len(problems) == 1 else "s"
        typer.echo(f"Error: {len(problems)} problem{s} in {path} (each line above names the file and key)", err=True)
        raise typer.Exit(1)
    from paycalc.rules.printed import differences, rule_in_words

    found = differences(contract)
    for cell in found:
        schedule = next(s for s in contract.schedules if s.file == cell.file)
        echo(
            f"Warning: {Path(shown) / cell.file}: printed_annual.{cell.title}.{cell.step}: prints "
            f"${cell.printed:,}, the rule (${cell.rate} {rule_in_words(contract, schedule)}) gives ${cell.rule:,}"
        )
    dates = ", ".join(s.effective.isoformat() for s in contract.schedules)
    said = ""
    if found:
        said = f" {len(found)} printed figure{'' if len(found) == 1 else 's'} differ{'s' if len(found) == 1 else ''}"
        said += " from the rule (warnings above; pay follows the rule)."
    echo(
        f"OK: {shown}: {contract.name}; {len(contract.schedules)} schedules ({dates}); {len(contract.titles)} titles."
        + said
    )
