"""``paycalc serve``: the members' pay calculator as a web page, for a chapter to share one link."""

from typing import Annotated, Any

import typer

from paycalc.cli._common import SchedulesOption, command_app, fail, reporting_errors, usage_error

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
    contract_names: Annotated[
        list[str] | None,
        typer.Option(
            "--contract",
            metavar="NAME",
            help="Serve only these bundled contracts (repeatable), e.g. --contract lunenburg-paras. "
            "[default: every bundled contract, and --schedules DIR]",
            show_default=False,
        ),
    ] = None,
    proposal: Annotated[
        list[str] | None,
        typer.Option(
            "--proposal",
            metavar="FILE",
            help="An offer members may compare (/offers), a proposal file or a bundled example; repeatable, "
            "e.g. --proposal uft-2019-2022. It is an offer of every contract it applies to.",
            show_default=False,
        ),
    ] = None,
    header_timeout: Annotated[
        float,
        typer.Option(
            metavar="SECONDS",
            min=0.1,
            max=600,
            help="How long a client may take to send a request's headers before it is closed, e.g. 5.",
        ),
    ] = 10.0,
    public_url: Annotated[
        str | None,
        typer.Option(
            "--public-url",
            metavar="URL",
            help="The address members use, e.g. --public-url https://union.example/pay (behind a reverse proxy): "
            "every share link starts with it. [default: http://HOST:PORT]",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the pay calculator: /pay, /paychecks, /retro, /offers, /compare, /schedules and a JSON API.

    Every bundled contract (and --schedules DIR) on one server, each page taking contract=NAME; English and
    Spanish. Plain pages that work without JavaScript; each answer cites its schedule. Ctrl-C stops it.

    \b
    Example:
      paycalc serve
      paycalc serve --contract lunenburg-paras --contract lunenburg-paras-posted --port 8080
      paycalc serve --proposal uft-2019-2022 --host 0.0.0.0 --public-url https://union.example/pay
    """
    import datetime

    from paycalc.contract.loader import BUNDLED_CONTRACTS

    if public_url is not None and not public_url.startswith(("http://", "https://")):
        usage_error(f"--public-url {public_url!r} is not an address (one that starts with https:// or http://)")
    with reporting_errors():
        site = _site(contract_names or [], schedules, proposal or [], BUNDLED_CONTRACTS)
    shown = "localhost" if host == "127.0.0.1" else f"[{host}]" if ":" in host else host
    site = site._replace(public_url=(public_url or f"http://{shown}:{port}").rstrip("/"))
    try:
        import uvicorn

        from paycalc.web.app import create_app
    except ImportError as exc:  # pragma: no cover - the dependencies come with paycalc
        fail(f"the web app needs {exc.name} (pip install paycalc installs it)")
    web = create_app(site, datetime.date.today)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"Listening on {host}:{port}: other computers that can reach this one can open the pages.", err=True)
    typer.echo(f"paycalc serve: http://{shown}:{port}/ (Ctrl-C stops it); share links: {site.public_url}", err=True)
    # uvicorn finishes the requests in flight on SIGINT or SIGTERM, restores the handlers it found, then
    # raises the signal again: these handlers turn that into a quiet stop with exit code 0.
    import signal

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signal.Signals(signum).name)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)
    try:
        from paycalc.web.protocol import Guarded

        Guarded.header_timeout = header_timeout
        uvicorn.run(
            web, host=host, port=port, log_level="warning", access_log=False, server_header=False, http=Guarded,
            timeout_keep_alive=5, limit_concurrency=500,
        )  # fmt: skip
    except Stopped as exc:
        typer.echo(f"paycalc serve: stopped by {exc}", err=True)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror}")
    except SystemExit as exc:  # uvicorn exits 1 when it cannot bind, after logging why
        if exc.code:
            fail(f"cannot listen on {host}:{port} (the port may be in use: give another with --port)")
        raise


def _site(names: list[str], schedules: str | None, proposals: list[str], bundled: dict[str, str]) -> Any:
    """The contracts to serve by name (bundled ones, each --contract, or all; and --schedules DIR by its folder's
    name), with each proposal an offer of every contract it applies to."""
    import os

    from paycalc.api import contract_for, load_proposal
    from paycalc.contract.loader import bundled_contract
    from paycalc.web.site import build

    contracts = {}
    for name in names or (list(bundled) if schedules is None else []):
        contracts[name.strip().lower()] = contract_for(bundled_contract(name))
    if schedules is not None:
        contracts[os.path.basename(os.path.normpath(schedules)).lower() or "schedules"] = contract_for(schedules)
    site = build(contracts, proposals, "")
    for path in proposals:  # an offer no contract takes is an error, said as it is for the first contract
        if not any(os.path.splitext(os.path.basename(path))[0] in offers for offers in site.offers.values()):
            load_proposal(path, next(iter(contracts.values())))
    return site


class Stopped(Exception):
    """SIGINT or SIGTERM: the server has shut down cleanly."""
