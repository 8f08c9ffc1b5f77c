"""``paycalc titles``: the titles of a contract, the other names they answer to, and their notes."""

from paycalc.cli._common import (
    ContractOption,
    FormatOption,
    SchedulesOption,
    command_app,
    echo,
    folder_of,
    reporting_errors,
)
from paycalc.output.render import Format, table, terminal_width, to_csv, to_json

app = command_app()


@app.command()
def titles(
    format: FormatOption = Format.table, schedules: SchedulesOption = None, contract_name: ContractOption = None
) -> None:
    """Every title, with its aliases and notes. Titles match in any case, spacing and punctuation.

    \b
    Example:
      paycalc titles
      paycalc titles --format json
    """
    from paycalc.api import contract_for

    with reporting_errors():
        contract = contract_for(folder_of(contract_name, schedules))
    records = [
        {
            "title": t.name,
            "aliases": list(t.aliases),
            "notes": list(t.notes),
            "hired_before": t.hired_before.isoformat() if t.hired_before else None,
        }
        for t in contract.titles
    ]
    if format is Format.json:
        echo(to_json(records))
    elif format is Format.csv:
        cells = ([t.name, " | ".join(t.aliases), " | ".join(t.notes), t.hired_before or ""] for t in contract.titles)
        echo(to_csv(["title", "aliases", "notes", "hired_before"], cells), nl=False)
    else:
        rows = [(t.name, ", ".join(t.aliases), " ".join(t.notes)) for t in contract.titles]
        echo(table(("Title", "Also matches", "Notes"), rows, title=contract.name, wrap=(1, 2), width=terminal_width()))
