"""``paycalc contracts``: the contracts bundled with paycalc, by the short name ``--contract`` takes."""

from paycalc.cli._common import FormatOption, command_app, echo, reporting_errors
from paycalc.output.render import Format, table, terminal_width, to_csv, to_json

app = command_app()


@app.command()
def contracts(format: FormatOption = Format.table) -> None:
    """The bundled contracts: short name, parties, term and source. Any command takes --contract NAME.

    \b
    Example:
      paycalc contracts
      paycalc pay --contract lunenburg-paras --title "Bachelor's" --years 3 --date 2027-03-01
    """
    from paycalc.api import contract_for
    from paycalc.contract.loader import BUNDLED_CONTRACTS, DEFAULT_CONTRACT, bundled_contract

    with reporting_errors():
        loaded = [(name, contract_for(bundled_contract(name))) for name in BUNDLED_CONTRACTS]
    records = [
        {
            "name": name,
            "contract": c.name,
            "parties": list(c.parties),
            "term": {"start": c.term_start.isoformat(), "end": c.term_end.isoformat()},
            "source": c.source,
            "default": name == DEFAULT_CONTRACT,
        }
        for name, c in loaded
    ]
    if format is Format.json:
        echo(to_json(records))
    elif format is Format.csv:
        cells = (
            [r["name"], r["contract"], " | ".join(c.parties), c.term_start, c.term_end, c.source]
            for r, (_, c) in zip(records, loaded, strict=True)
        )
        echo(to_csv(["name", "contract", "parties", "term_start", "term_end", "source"], cells), nl=False)
    else:
        rows = [
            (name + (" (default)" if name == DEFAULT_CONTRACT else ""), c.name, f"{c.term_start} to {c.term_end}")
            for name, c in loaded
        ]
        width = terminal_width()
        echo(table(("Name", "Contract", "Term"), rows, wrap=(1,), width=width))
        import textwrap

        for name, c in loaded:
            said = f"{name}: {'; '.join(c.parties)}. Source: {c.source}"
            echo("\n" + textwrap.fill(said, width, subsequent_indent="  "))
