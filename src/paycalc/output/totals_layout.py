"""How the columns write a roster's totals: CSV lines, or the JSON records of
:func:`paycalc.output.roster_out.write`, the same bytes either way as the row-by-row path's writer.

A :class:`Layout` writes one id's total from Python values (:meth:`Layout.one`: the first and last ids of a
block) and many ids' totals from arrays (:meth:`Layout.many`). JSON records each open with ``,\\n  ``; the
caller drops the comma of the file's first. JSON takes cells as they are, so a block holding a backslash or
a control character (which JSON escapes) is left to the row-by-row writer (:meth:`Layout.check`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from paycalc.contract.models import Instalment
from paycalc.membership.unpriced import Unpriced
from paycalc.output import csv_lines
from paycalc.output.csv_bytes import Cells
from paycalc.output.files import SPREADSHEET_TRIGGERS, safe_cell
from paycalc.output.render import cents_text
from paycalc.output.roster_out import Shape

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.int64]

MONEY = ("owed", "paid", "retro", "lump_sums")


class Layout:
    """The totals' columns (``shape``, ``split``: instalments) as CSV or, with ``as_json``, JSON."""

    def __init__(self, shape: Shape, split: tuple[Instalment, ...], as_json: bool) -> None:
        self.shape, self.split, self.json = shape, split, as_json
        taken = {"id", "rows", *MONEY, "instalments", "schedule_paid", *(f"retro_FY{y % 100:02d}" for y in shape.years)}
        if as_json and (len(set(shape.carried)) < len(shape.carried) or taken & set(shape.carried)):
            raise Unpriced("a carried column named as a total's own key")  # a record with a key twice
        self.keys = [json.dumps(name, ensure_ascii=False).encode() for name in shape.carried]
        self.shares = shares_of(split)
        # the money after rows, by name: owed, paid, retro, each fiscal year's retro (a paid contract), lump sums
        years = [f"retro_FY{year % 100:02d}" for year in shape.years]
        self.names = [*MONEY[:3], *years, *(["lump_sums"] if shape.lump_sums else [])]

    def head(self) -> str:
        return "[" if self.json else ",".join(safe_cell(n) for n in self.shape.header(self.split)) + "\n"

    def tail(self) -> str:
        return "\n]\n" if self.json else ""

    def check(self, block: bytes) -> None:
        """Refuse, for JSON, a block with a byte a JSON string escapes (a backslash or a control character)."""
        if self.json:
            data = np.frombuffer(block, dtype=np.uint8)
            if ((data < 32) & (data != 10) & (data != 13) | (data == 92)).any():
                raise Unpriced("a cell JSON would escape")

    def one(
        self, person: str, carried: Sequence[str], rows: int, money: list[int], paid_on: Sequence[str] | None
    ) -> str:
        """One id's total: ``money`` its owed, paid, retro, [lump sums,] then each instalment, in cents."""
        shown = [cents_text(c) for c in money]  # whole cents: 407.90, -0.05
        if not self.json:
            cells = "".join("," + _written(c) for c in carried)
            paid = "" if paid_on is None else "," + ";".join(paid_on)
            return f"{_written(person)}{cells},{rows},{','.join(shown)}{paid}\n"
        record: dict[str, Any] = {"id": person, **dict(zip(self.shape.carried, carried, strict=True)), "rows": rows}
        record |= dict(zip(self.names, shown, strict=False))
        if self.split:
            amounts = shown[len(self.names) :]
            days = [i.paid.isoformat() for i in self.split]
            record["instalments"] = [{"paid": day, "amount": a} for day, a in zip(days, amounts, strict=True)]
        if paid_on is not None:
            record["schedule_paid"] = ";".join(paid_on)
        return ",\n  " + json.dumps(record, ensure_ascii=False)

    def many(
        self, cells: Cells, rows: Ints, columns: list[int], counts: Ints, money: list[Ints], paid_on: list[str] | None
    ) -> bytes:
        """The totals of many ids from arrays: ``columns`` the id's and the carried cells', in ``rows``."""
        n = len(rows)
        if not self.json:
            parts = csv_lines.written(cells, rows, columns, SPREADSHEET_TRIGGERS)
            parts += [csv_lines.constant(b",", n), csv_lines.digits(counts)]
            for cents in money:
                parts += [csv_lines.constant(b",", n), *csv_lines.money(cents)]
            if paid_on is not None:
                parts += [csv_lines.constant(b",", n), csv_lines.texts(paid_on)]
            return csv_lines.lines([*parts, csv_lines.constant(b"\n", n)])
        parts = [csv_lines.constant(b',\n  {"id": "', n), csv_lines.cell(cells, rows, columns[0])]
        for key, c in zip(self.keys, columns[1:], strict=True):
            parts += [csv_lines.constant(b'", ' + key + b': "', n), csv_lines.cell(cells, rows, c)]
        parts += [csv_lines.constant(b'", "rows": ', n), csv_lines.digits(counts)]
        named = len(self.names)
        for name, cents in zip(self.names, money[:named], strict=True):
            parts += [csv_lines.constant(b', "' + name.encode() + b'": "', n), *csv_lines.money(cents)]
            parts.append(csv_lines.constant(b'"', n))
        for k, (instalment, cents) in enumerate(zip(self.split, money[named:], strict=True)):
            opening = (b', "instalments": [' if not k else b", ") + b'{"paid": "' + instalment.paid.isoformat().encode()
            parts += [csv_lines.constant(opening + b'", "amount": "', n), *csv_lines.money(cents)]
            parts.append(csv_lines.constant(b'"}' + (b"]" if k == len(self.split) - 1 else b""), n))
        if paid_on is not None:
            parts += [csv_lines.constant(b', "schedule_paid": "', n), csv_lines.texts(paid_on)]
            parts.append(csv_lines.constant(b'"', n))
        return csv_lines.lines([*parts, csv_lines.constant(b"}", n)])


def shares_of(split: Sequence[Instalment]) -> list[tuple[int, int]]:
    """Each instalment's share of 100 as an exact fraction (``12.5`` is 25 / 2)."""
    return [instalment.share.as_integer_ratio() for instalment in split]


def _written(text: str) -> str:
    """A cell as the csv module writes it (guarded): in quotes, each quote doubled, when it holds a comma, a
    quote or a line feed (the columns read no other cell the csv module would quote: no carriage return)."""
    text = safe_cell(text)
    return '"' + text.replace('"', '""') + '"' if "," in text or '"' in text or "\n" in text else text
