"""``paycalc serve``: the members' pay calculator as a web page, for a chapter to share one link."""

from typing import Annotated

import typer

from paycalc.cli._common import ContractOption, SchedulesOption, command_app, fail, folder_of, reporting_errors

app = command_app()


@app.command()
def serve(
    host: Annotated[
        str,
        typer.Option(
            metavar="HOST",
            help="The address to listen on, e.g. --host 0.0.0.0 to share it on your network. [default: 127.0.0.1, "
            "this computer only]",
            show_default=False,
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="The port, e.g. --port 8000.", min=0, max=65535)] = 8000,
    schedules: SchedulesOption = None,
    contract_name: ContractOption = None,
    proposal: Annotated[
        list[str] | None,
        typer.Option(
            "--proposal",
            metavar="FILE",
            help="An offer members may compare (/offers), a proposal file or a bundled example; repeatable, "
            "e.g. --proposal uft-2019-2022.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the pay calculator: /pay, /paychecks, /retro, /offers, /compare, /schedules and a JSON API.

    Plain pages that work without JavaScript and offline; each answer cites its schedule. Ctrl-C stops it.

    \b
    Example:
      paycalc serve
      paycalc serve --contract lunenburg-paras --port 8080
      paycalc serve --proposal uft-2019-2022 --host 0.0.0.0
    """
    import datetime
    from pathlib import Path

    from paycalc.api import contract_for, load_proposal

    with reporting_errors():
        contract = contract_for(folder_of(contract_name, schedules))
        offers = {Path(name).stem: load_proposal(name, contract) for name in proposal or ()}
    try:
        import uvicorn

        from paycalc.web.app import create_app
    except ImportError as exc:  # pragma: no cover - the dependencies come with paycalc
        fail(f"the web app needs {exc.name} (pip install paycalc installs it)")
    web = create_app(contract, offers, datetime.date.today)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"Listening on {host}:{port}: other computers that can reach this one can open the pages.", err=True)
    shown = "localhost" if host == "127.0.0.1" else host
    typer.echo(f"paycalc serve: http://{shown}:{port}/ (Ctrl-C stops it)", err=True)
    # uvicorn finishes the requests in flight on SIGINT or SIGTERM, restores the handlers it found, then
    # raises the signal again: these handlers turn that into a quiet stop with exit code 0.
    import signal

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signal.Signals(signum).name)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)
    try:
        uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False, server_header=False)
    except Stopped as exc:
        typer.echo(f"paycalc serve: stopped by {exc}", err=True)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror}")
    except SystemExit as exc:  # uvicorn exits 1 when it cannot bind, after logging why
        if exc.code:
            fail(f"cannot listen on {host}:{port} (the port may be in use: give another with --port)")
        raise


class Stopped(Exception):
    """SIGINT or SIGTERM: the server has shut down cleanly."""
