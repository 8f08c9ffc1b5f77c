"""``cost -o costing.xlsx``: a typed workbook of four sheets, Summary, By title, Per member, Assumptions.

The Summary and By title sheets hold the CSV's rows (``kind`` first) with typed cells: dates as dates,
money as numbers, percents as percent cells, counts as integers, so a spreadsheet sums them without retyping.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from paycalc.membership.costing import Costing, MemberCost
from paycalc.output import cost_members
from paycalc.output.cost_render import CSV_COLUMNS, csv_header, csv_rows
from paycalc.output.files import SPREADSHEET_TRIGGERS
from paycalc.output.spreadsheet import Percent

_DATES = {"start", "end"}
_COUNTS = {"members"}
_TEXT = {"kind", "title", "proposal"}  # the title column holds a step with --by step


def _typed(rows: Iterable[Sequence[Any]], names: Sequence[str]) -> Iterator[list[Any]]:
    """The CSV's text cells as typed values; user text unguarded (a workbook cell typed as text never runs)."""
    for row in rows:
        typed: list[Any] = []
        for column, value in zip(CSV_COLUMNS, row, strict=True):
            if value is None or value == "":
                typed.append(None)
            elif column in _DATES:
                typed.append(datetime.date.fromisoformat(value))
            elif column in _COUNTS:
                typed.append(int(value))
            elif column in _TEXT:
                typed.append(value)
            elif column == "percent":
                typed.append(Percent(value))
            else:
                typed.append(Decimal(value))
        yield typed


def workbook(
    costing: Costing,
    names: Sequence[str],
    costs: Sequence[MemberCost],
    carried: Sequence[str],
    assumptions: Sequence[tuple[str, str]],
) -> list[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]:
    """The sheets, each a name, a header and its rows."""
    every = csv_rows(costing, by_title=True)
    # the offers by their short names (the proposal files), as the table shows them, not the guarded CSV text
    full = {line.name: short for line, short in zip(costing.total.proposals, names, strict=True)}
    plain = [[*row[:3], _unguarded(row[3]), *row[4:7], full.get(_unguarded(row[7]), row[7]), *row[8:]] for row in every]
    summary = [row for row in plain if row[0] != "title"]
    titles = [row for row in plain if row[0] == costing.by]
    return [
        ("Summary", CSV_COLUMNS, _typed(summary, names)),
        (f"By {costing.by}", csv_header(costing), _typed(titles, names)),
        ("Per member", cost_members.columns(costing, names, carried), cost_members.rows(costs, typed=True)),
        ("Assumptions", ("item", "value"), [list(pair) for pair in assumptions]),
    ]


def _unguarded(text: str) -> str:
    """The user's text as given: the CSV's guard taken off (the workbook marks such cells as text itself)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(SPREADSHEET_TRIGGERS) else text


def heading(costing: Costing, contract: str, names: Sequence[str]) -> str:
    """Each sheet's title row: the contract, the offers and the range (the Assumptions sheet says the rest)."""
    offers = ", ".join(names)
    return f"{contract}: {offers} against the status quo, {costing.total.start} to {costing.total.end}"
