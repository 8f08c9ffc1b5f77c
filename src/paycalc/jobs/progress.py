"""What a roster job shows on a terminal while it works (nothing on a pipe or a file): the rows read, row by row,
and how far through the file the reading is; or, in columns, the share of the roster's bytes priced."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def shown_progress(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr while a roster's ``total`` bytes are priced, when stderr is a terminal (a long
    roster must not look hung); on a pipe or a file, nothing. Yields the function that advances it."""
    if not sys.stderr.isatty() or not total:
        yield lambda size: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("pricing the roster"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("roster", total=total)
        yield lambda size: progress.advance(task, size)


def rows_read(rows: Iterable[dict[str, str | None]], file: Any = None) -> Iterator[dict[str, str | None]]:
    """The rows, with a progress display on stderr when stderr is a terminal: rows read and, for a
    file that can tell, how far through it the reading is."""
    if not sys.stderr.isatty():
        yield from rows
        return
    import os

    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    try:
        size = os.fstat(file.fileno()).st_size if file is not None else 0
    except (OSError, AttributeError, ValueError):
        size = 0
    columns = (
        SpinnerColumn(),
        TextColumn("{task.fields[rows]:,} rows read"),
        *([BarColumn(), TextColumn("{task.percentage:>3.0f}% of the file")] if size else []),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("retro", total=size or None, rows=0)
        for count, row in enumerate(rows, start=1):
            yield row
            if count % 1000 == 0:
                done = file.tell() if size else None
                progress.update(task, completed=done, rows=count)
