"""``paycalc retro --roster``: read a roster file, price it row by row, write one total per id."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

import typer

from paycalc.commands._common import fail
from paycalc.errors import PaycalcError, RowError
from paycalc.files import Interrupted, NotUtf8, open_binary, safe_cell, text_lines, write_atomically
from paycalc.models import Contract, Instalment, RosterTotal
from paycalc.render import Format, cents

COLUMNS = ("id", "rows", "owed", "paid", "retro")
EXIT_SKIPPED = 3  # --skip-invalid: the output was written, but some rows were left out
MAX_CELL = 10_000  # characters: no id, title or date comes near


def read_header(reader: csv.DictReader[str], name: str, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    """Check the header: every required column, no unknown and no repeated one."""
    header = list(reader.fieldnames or [])
    if header and header[0].startswith("\ufeff"):  # a BOM on stdin, where utf-8-sig did not apply
        header[0] = header[0][1:]
        reader.fieldnames = header
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in required + optional]
    repeated = sorted({c for c in header if header.count(c) > 1})
    accepted = f"{','.join(required)} and optionally {','.join(optional)}, each once"
    if missing or unknown or repeated:
        if missing:
            wrong = f"missing columns {', '.join(missing)}"
        elif unknown:
            wrong = f"unknown columns {', '.join(unknown)}"
        else:
            wrong = f"columns named twice: {', '.join(repeated)}"
        fail(f"{name}: {wrong} in the header (accepted: {accepted})")


def run_roster(
    source: str,
    output: str,
    format: Format,
    method: str,
    skip_invalid: bool,
    contract: Contract,
    instalments: tuple[Instalment, ...],
) -> None:
    """Price a roster file row by row into ``output``; nothing is written unless the run succeeds."""
    from paycalc import proposal
    from paycalc.api import retro_roster
    from paycalc.files import STDOUT_NAMES, check_output
    from paycalc.roster import OPTIONAL, REQUIRED

    name = "stdin" if source == "-" else source
    try:
        if output not in STDOUT_NAMES:
            check_output(output, [source])
        infile = open_binary(source, "roster")
    except PaycalcError as exc:
        fail(str(exc))
    csv.field_size_limit(MAX_CELL)
    line = 0
    skipped = 0
    read = 0  # lines read so far: where a CSV error is

    def counted() -> Iterator[str]:
        nonlocal read
        for text in text_lines(infile):
            read += 1
            yield text

    reader = csv.DictReader(counted())
    try:
        with infile:
            read_header(reader, name, REQUIRED, OPTIONAL)

            def report(error: RowError) -> None:
                nonlocal skipped
                skipped += 1
                typer.echo(f"Skipped: {name}: line {reader.line_num}: {error.reason}", err=True)

            def rows() -> Iterator[dict[str, Any]]:
                nonlocal line
                for row in _progress(reader):
                    line = reader.line_num
                    yield row

            totals = retro_roster(
                rows(), method=method, schedules=contract, on_invalid=report if skip_invalid else None
            )
            lump_column = contract.proposal is not None and bool(contract.proposal.lump_sums)
            write_atomically(output, lambda out: _write(totals, format, out, lump_column, instalments, proposal.split))
    except RowError as error:
        fail(f"{name}: line {line}: {error.reason} (nothing was written; --skip-invalid leaves such rows out)")
    except NotUtf8 as exc:
        fail(f"{name}: {exc} (nothing was written)")
    except csv.Error as exc:
        fail(f"{name}: line {read}: {exc} (a cell of at most {MAX_CELL:,} characters; nothing was written)")
    except PaycalcError as error:
        fail(str(error))
    except Interrupted as signal:
        typer.echo(f"Error: stopped by {signal} (nothing was written)", err=True)
        raise typer.Exit(128 + signal.signum) from None
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


def _write(
    totals: Iterable[RosterTotal],
    format: Format,
    out: IO[str],
    lump_column: bool,
    instalments: tuple[Instalment, ...],
    split: Any,
) -> None:
    import json

    extra = (["lump_sums"] if lump_column else []) + [f"instalment_{i.paid}" for i in instalments]
    if format is Format.json:
        out.write("[")
        for n, total in enumerate(totals):
            record: dict[str, Any] = {"id": total.id, "rows": total.rows, "owed": cents(total.owed)}
            record |= {"paid": cents(total.paid), "retro": cents(total.retro)}
            if lump_column:
                record["lump_sums"] = cents(total.lump_sums)
            if instalments:
                record["instalments"] = [
                    {"paid": day.isoformat(), "amount": cents(amount)}
                    for day, amount in split(total.retro, instalments)
                ]
            out.write(("," if n else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        out.write("\n]\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, *extra])
    for total in totals:
        cells = [safe_cell(total.id), total.rows, cents(total.owed), cents(total.paid), cents(total.retro)]
        if lump_column:
            cells.append(cents(total.lump_sums))
        cells += [cents(amount) for _, amount in (split(total.retro, instalments) if instalments else ())]
        writer.writerow(cells)
