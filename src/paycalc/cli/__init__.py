"""The ``paycalc`` command: parses options, calls the core, prints. Each command lives in its own module here.

Commands are imported only when invoked (or listed by ``--help``): Typer builds every option of every
command it knows at start-up, and ``paycalc pay`` should not pay for the others.
"""

import importlib
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from paycalc._version import __version__

# command name -> the module in paycalc.cli that defines it in a Typer `app`
COMMANDS = {
    "pay": "pay",
    "compare": "compare",
    "history": "history",
    "retro": "retro",
    "paychecks": "paychecks",
    "schedules": "schedules",
    "propose": "propose",
    "cost": "cost",
    "titles": "titles",
    "contracts": "contracts",
    "serve": "serve",
}


class LazyGroup(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:  # a click command, or None
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"paycalc.cli.{COMMANDS[cmd_name]}")
        command = typer.main.get_command(module.app)
        command.name = cmd_name
        return command


app = typer.Typer(
    name="paycalc",
    cls=LazyGroup,
    epilog='Example: paycalc pay --title "Ed. Asst. B" --date 2018-06-16 --years 16\n\n'
    "\b\nEnvironment:\n"
    "  PAYCALC_SCHEDULES  the schedules folder to use instead of the bundled one\n"
    "  PAYCALC_CACHE_DIR  where validated schedules are cached (default ~/.cache/paycalc; empty: no cache)\n"
    "  NO_COLOR           respected; paycalc prints no colour anyway",
    no_args_is_help=True,
    add_completion=True,
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


# The options and arguments that name a file or a folder: an empty one is a usage error, never "the
# current folder" and never "none".
PATH_OPTIONS = (
    "--roster", "--output", "-o", "--proposal", "--schedules", "--cpi", "--paid", "--write", "--sheet", "--per-member",
    "--write-proposal",
)  # fmt: skip
PATH_ARGUMENTS = {("schedules", "validate"): "DIR", ("propose",): "FILE"}


def empty_path(argv: list[str]) -> str | None:
    """What an empty path in ``argv`` is, as the user sees it (``--roster``, ``DIR``), or None."""
    for i, arg in enumerate(argv):
        for option in PATH_OPTIONS:
            if arg == f"{option}=" or (arg == option and i + 1 < len(argv) and argv[i + 1] == ""):
                return option
        if arg == "" and (i == 0 or not argv[i - 1].startswith("-")):  # an empty argument, not an option's value
            for words, name in PATH_ARGUMENTS.items():
                if tuple(argv[: len(words)]) == words and i >= len(words):
                    return name
    return None


def main() -> None:
    """The ``paycalc`` script: the app, with the failures of the machine around it turned into one line.

    A closed pipe (``paycalc ... | head -1``) ends quietly; a full disk or any other write error is one
    ``Error:`` line and exit 1; output the terminal cannot encode is replaced, never a traceback.
    """
    import os
    import sys

    # paycalc multiplies no matrices: without this, numpy's OpenBLAS starts a thread per core when a roster
    # imports it, in this process and in each pricing process, and stops them at exit (8 ms a process).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    code = 0
    empty = empty_path(sys.argv[1:])
    if empty is not None:
        print(
            f"Error: {empty} is empty (give a file or folder path; '-' means standard input or output)", file=sys.stderr
        )
        sys.exit(2)
    try:
        try:
            returned = app(prog_name="paycalc", standalone_mode=False)
            code = returned if isinstance(returned, int) else 0
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        code = 1
    except OSError as exc:
        _quiet_stdout()
        where = f" {exc.filename}" if exc.filename else " to standard output"
        print(f"Error: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
        code = 1
    except typer.Exit as exc:
        code = exc.exit_code
    except click_exceptions() as exc:
        exc.show()  # type: ignore[attr-defined]
        code = exc.exit_code  # type: ignore[attr-defined]
    except (KeyboardInterrupt, typer.Abort):
        print("Error: interrupted (nothing was written)", file=sys.stderr)
        code = 130
    except RecursionError:
        print("Error: input nested too deeply to read", file=sys.stderr)
        code = 1
    except Exception as exc:  # a bug of paycalc's own: still one line, and a way to report it
        print(f"Error: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        code = 1
    # The collector's last pass at exit walks every object the start-up made (paycalc's, typer's, click's
    # modules and classes): about 10 ms of a 70 ms `paycalc pay`, to free nothing, since they live as long
    # as the process. Frozen, they are left to the process's end (bench/coldstart.py measures it).
    import gc

    gc.freeze()
    sys.exit(code)


def click_exceptions() -> type[Exception]:
    from typer._click.exceptions import ClickException

    return ClickException


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's own flush at exit cannot fail again."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
