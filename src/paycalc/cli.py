"""The ``paycalc`` command: parses options, calls the core, prints. Each command lives in ``commands/``.

Commands are imported only when invoked (or listed by ``--help``): Typer builds every option of every
command it knows at start-up, and ``paycalc pay`` should not pay for the others.
"""

import importlib
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from paycalc import __version__

# command name -> the module in paycalc.commands that defines it in a Typer `app`
COMMANDS = {
    "pay": "pay",
    "compare": "compare",
    "history": "history",
    "retro": "retro",
    "schedules": "schedules",
    "propose": "propose",
    "titles": "titles",
}


class LazyGroup(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:  # a click command, or None
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"paycalc.commands.{COMMANDS[cmd_name]}")
        command = typer.main.get_command(module.app)
        command.name = cmd_name
        return command


app = typer.Typer(
    name="paycalc",
    cls=LazyGroup,
    epilog='Example: paycalc pay --title "Ed. Asst. B" --date 2018-06-16 --years 16',
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"paycalc {__version__}")
        raise typer.Exit()


@app.callback()
def paycalc(
    version: Annotated[
        bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Pay calculator for school paraprofessionals, exact to the cent, from the contract's salary schedules."""


def main() -> None:
    app(prog_name="paycalc")
