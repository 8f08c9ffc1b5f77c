"""``paycalc retro``: retro pay for one person, segment by segment, or for a whole roster CSV."""

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Annotated

import typer

from paycalc.commands._common import (
    HiredOption,
    HoursOption,
    SchedulesOption,
    WorkyearOption,
    command_app,
    reporting_errors,
)
from paycalc.errors import PaycalcError, RowError
from paycalc.models import RetroResult, RosterTotal
from paycalc.render import Format, cents, money, table, terminal_width, to_csv, to_json

app = command_app()

SEGMENT_COLUMNS = ("start", "end", "schedule", "longevity", "owed_rate", "paid_rate", "owed", "paid", "retro")
ROSTER_COLUMNS = ("id", "rows", "owed", "paid", "retro")
EXIT_SKIPPED = 3  # --skip-invalid: the output was written, but some rows were left out


@app.command()
def retro(
    title: Annotated[
        str | None, typer.Option(metavar="TITLE", help='Job title or alias, e.g. "Ed. Asst. B".', show_default=False)
    ] = None,
    hired: HiredOption = None,
    start: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="First day of the period, e.g. 2013-05-01.", show_default=False),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="DATE", help="Last day of the period (included), e.g. 2014-09-30.", show_default=False
        ),
    ] = None,
    hours: HoursOption = None,
    workyear: WorkyearOption = None,
    paid_schedule: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="What was paid: the schedule in force on this date, frozen, e.g. 2008-05-19. "
            "[default: the schedule in force the day before --from]",
            show_default=False,
        ),
    ] = None,
    paid_annual: Annotated[
        str | None,
        typer.Option(
            metavar="AMOUNT",
            help="What was paid: a flat annual salary, e.g. 26843.00 (no longevity, no pro-rating).",
            show_default=False,
        ),
    ] = None,
    method: Annotated[
        str,
        typer.Option(
            metavar="METHOD",
            help="semimonthly (24 checks a year, prorated by days in a pay period) or daily, e.g. --method daily.",
        ),
    ] = "semimonthly",
    roster: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="A roster CSV, e.g. members.csv ('-' for stdin): columns id,title,hired,from,to and optionally "
            "hours,workyear,paid_schedule,paid_annual. One output row per id.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="FILE", help="With --roster: where to write, e.g. retro.csv ('-' for stdout)."
        ),
    ] = "-",
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help=f"With --roster: leave out invalid rows, report each on stderr, and exit {EXIT_SKIPPED} "
            "if any was left out, e.g. --skip-invalid. [default: stop at the first invalid row]",
        ),
    ] = False,
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json or csv for one person; csv or json for a roster, e.g. --format json. "
            "[default: table; csv with --roster]",
            show_default=False,
        ),
    ] = None,
    schedules: SchedulesOption = None,
) -> None:
    """Retro pay over a period: what the schedules in force owed, minus what was paid.

    For one person, the segments (runs of days at one owed and one paid rate) and the totals; for a
    roster, one total per id. The README's "Retro pay" section states the rules.

    \b
    Example:
      paycalc retro --title "Ed. Asst. B" --hired 2005-09-01 --from 2013-05-01 --to 2014-09-30
      paycalc retro --roster members.csv --output retro.csv
    """
    if roster is not None:
        single = {"--title": title, "--hired": hired, "--from": start, "--to": end, "--hours": hours}
        single |= {"--workyear": workyear, "--paid-schedule": paid_schedule, "--paid-annual": paid_annual}
        given = [option for option, value in single.items() if value is not None]
        if given:
            fail(f"{', '.join(given)} cannot be used with --roster (the roster's columns give them per row)")
        if format is Format.table:
            fail("--format table is not available with --roster (csv or json)")
        run_roster(roster, output, format or Format.csv, method, skip_invalid, schedules)
        return
    missing = [
        option
        for option, value in {"--title": title, "--hired": hired, "--from": start, "--to": end}.items()
        if not value
    ]
    if missing:
        fail(
            f"missing {', '.join(missing)} (one person needs --title, --hired, --from and --to; or give --roster FILE)"
        )
    from paycalc.api import retro_pay

    with reporting_errors():
        result = retro_pay(
            str(title),
            hired=str(hired),
            start=str(start),
            end=str(end),
            hours=hours,
            workyear=workyear,
            paid_schedule=paid_schedule,
            paid_annual=paid_annual,
            method=method,
            schedules=schedules,
        )
    typer.echo(render(result, format or Format.table))


def fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


def segment_records(result: RetroResult) -> list[dict[str, object]]:
    return [
        {
            "start": s.start.isoformat(),
            "end": s.end.isoformat(),
            "schedule": s.schedule.isoformat(),
            "longevity": s.longevity,
            "owed_rate": cents(s.owed_rate),
            "paid_rate": cents(s.paid_rate),
            "owed": cents(s.owed),
            "paid": cents(s.paid),
            "retro": cents(s.retro),
        }
        for s in result.segments
    ]


def render(result: RetroResult, format: Format) -> str:
    if format is Format.json:
        return to_json(
            {
                "title": result.title,
                "hired": result.hired.isoformat(),
                "from": result.start.isoformat(),
                "to": result.end.isoformat(),
                "method": result.method,
                "paid_basis": result.paid_basis,
                "owed": cents(result.owed),
                "paid": cents(result.paid),
                "retro": cents(result.retro),
                "segments": segment_records(result),
            }
        )
    if format is Format.csv:
        return to_csv(SEGMENT_COLUMNS, ([r[c] for c in SEGMENT_COLUMNS] for r in segment_records(result))).rstrip("\n")
    rows = [
        (
            s.start.isoformat(),
            s.longevity,
            money(s.owed_rate),
            money(s.paid_rate),
            money(s.owed),
            money(s.paid),
            money(s.retro),
        )
        for s in result.segments
    ]
    rows.append(("Total", "", "", "", money(result.owed), money(result.paid), money(result.retro)))
    heading = (
        f"{result.title}, hired {result.hired}: retro pay {result.start} to {result.end}, {result.method}, "
        f"paid: {result.paid_basis}"
    )
    columns = ("From", "Row", "Owed a year", "Paid a year", "Owed", "Paid", "Retro")
    return table(columns, rows, title=heading, right=range(2, 7), width=terminal_width())


def run_roster(
    source: str, output: str, format: Format, method: str, skip_invalid: bool, schedules: str | None
) -> None:
    """Price a roster file row by row into ``output``; nothing is written unless the run succeeds."""
    import csv

    from paycalc.api import contract_for, retro_roster
    from paycalc.roster import OPTIONAL as ROSTER_OPTIONAL
    from paycalc.roster import REQUIRED as ROSTER_REQUIRED

    with reporting_errors():
        contract = contract_for(schedules)
    name = "stdin" if source == "-" else source
    try:
        infile = sys.stdin if source == "-" else open(source, newline="", encoding="utf-8-sig")  # noqa: SIM115
    except OSError as exc:
        fail(f"cannot read the roster {source}: {exc.strerror} (a CSV file, or '-' for stdin)")
    with infile:
        reader = csv.DictReader(infile)
        header = reader.fieldnames or []
        missing = [c for c in ROSTER_REQUIRED if c not in header]
        unknown = [c for c in header if c not in ROSTER_REQUIRED + ROSTER_OPTIONAL]
        if missing or unknown:
            wrong = f"missing columns {', '.join(missing)}" if missing else f"unknown columns {', '.join(unknown)}"
            accepted = f"{','.join(ROSTER_REQUIRED)} and optionally {','.join(ROSTER_OPTIONAL)}"
            fail(f"{name}: {wrong} in the header (accepted: {accepted})")
        skipped = 0

        def report(error: RowError) -> None:
            nonlocal skipped
            skipped += 1
            typer.echo(f"Skipped: {name}: line {reader.line_num}: {error.reason}", err=True)

        totals = retro_roster(
            _progress(reader), method=method, schedules=contract, on_invalid=report if skip_invalid else None
        )
        try:
            _write_atomically(output, lambda out: _write(totals, format, out))
        except RowError as error:
            where = f"{name}: line {reader.line_num}"
            fail(f"{where}: {error.reason} (nothing was written; --skip-invalid leaves such rows out)")
        except PaycalcError as error:
            fail(str(error))
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror} (a file in a folder that exists, or '-' for stdout)")
    if skipped:
        s = "" if skipped == 1 else "s"
        typer.echo(f"Error: {skipped} invalid row{s} left out of the output (each reported above)", err=True)
        raise typer.Exit(EXIT_SKIPPED)


def _progress(rows: Iterable[dict[str, str | None]]) -> Iterator[dict[str, str | None]]:
    """The rows, with a progress count on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from rows
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed:,} rows priced"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("retro", total=None)
        for count, row in enumerate(rows, start=1):
            yield row
            if count % 1000 == 0:
                progress.update(task, completed=count)


SPREADSHEET_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula: a leading ' before = + - @ tab or CR."""
    return "'" + text if text.startswith(SPREADSHEET_TRIGGERS) else text


def _write(totals: Iterable[RosterTotal], format: Format, out: IO[str]) -> None:
    import csv
    import json

    if format is Format.json:
        out.write("[")
        for i, total in enumerate(totals):
            record = {"id": total.id, "rows": total.rows, "owed": cents(total.owed), "paid": cents(total.paid)}
            record["retro"] = cents(total.retro)
            out.write(("," if i else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        out.write("\n]\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ROSTER_COLUMNS)
    for total in totals:
        writer.writerow((safe_cell(total.id), total.rows, cents(total.owed), cents(total.paid), cents(total.retro)))


def _write_atomically(output: str, write: Callable[[IO[str]], None]) -> None:
    """Write to a temporary file beside ``output`` (or in the temp folder for stdout), and move it into
    place, or copy it to stdout, only once ``write`` has finished: a failed run leaves nothing behind."""
    import os
    import shutil
    import tempfile

    if output == "-":
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
            write(spool)
            spool.seek(0)
            shutil.copyfileobj(spool, sys.stdout)
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(
        dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            write(out)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
