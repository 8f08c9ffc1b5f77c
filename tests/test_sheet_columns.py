"""An .xlsx roster priced in columns from its text as it stands (#30: ``jobs.sheet_twins.sheet_priced``), as a CSV
roster is: a Lunenburg step column, days from ``--from``/``--to``, a correction against a paid contract by
fiscal year. The same bytes as the row-by-row path on random workbooks (dates as date cells or text, steps as
numbers or text), and the columns are said to have priced it (``-v``)."""

from __future__ import annotations

import csv
import datetime
import io
import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from paycalc.cli import app
from tests.test_paid_contract_columns import PAID, correction_roster


def _workbook(text: str, path: Path, rng: random.Random) -> Path:
    """A CSV roster as a committee's workbook: each date a date cell or its text, each step a number or text."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    header: list[str] = []
    for n, row in enumerate(csv.reader(io.StringIO(text))):
        if not n:
            header = row
            sheet.append(row)
            continue
        cells: list[Any] = []
        for name, cell in zip(header, row, strict=True):
            if name in ("hired", "from", "to") and cell and rng.random() < 0.7:
                cells.append(datetime.date.fromisoformat(cell))
            elif name in ("step", "hours_per_day") and cell and rng.random() < 0.7:
                cells.append(float(cell) if "." in cell else int(cell))
            else:
                cells.append(cell or None)
        sheet.append(cells)
    book.save(path)
    return path


def _both(path: Path, *options: str) -> tuple[Any, Any]:
    args = ["retro", "--roster", str(path), *options, "-v"]
    return tuple(CliRunner().invoke(app, args, env={"PAYCALC_ROW_BY_ROW": mode}) for mode in ("1", ""))  # type: ignore[return-value]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    kind=st.sampled_from(["correction", "steps", "days from the command line"]),
    out=st.sampled_from([[], ["--format", "json"], ["--pay-cycles", "22"]]),
)
def test_a_workbook_is_priced_in_columns_as_row_by_row(tmp_path: Path, seed: int, kind: str, out: list[str]) -> None:
    rng = random.Random(seed)
    text = correction_roster(rng, rng.randrange(1, 30))
    options = [*PAID] if kind == "correction" else ["--contract", "lunenburg-paras"]
    if kind == "days from the command line":  # no from/to columns: the command line's days for every row
        table = [row[:4] + row[6:] for row in csv.reader(io.StringIO(text))]
        for row in table[1:]:  # hired by the first day (one hired after it is noted, and goes row by row)
            row[2] = min(row[2], "2025-07-02")
        text = "".join(",".join(f'"{c}"' if "," in c else c for c in row) + "\n" for row in table)
        options += ["--from", "2025-07-02", "--to", "2027-06-30"]  # paid: the scale in force the day before
    elif kind == "steps":  # steps alone, from the term's first day: no hire dates
        table = [[*row[:2], "" if n else "hired", *row[3:]] for n, row in enumerate(csv.reader(io.StringIO(text)))]
        table = [row for n, row in enumerate(table) if not n or row[3]]  # rows with a step
        for row in table[1:]:  # paid: the scale in force the day before the start, so none on its first day
            row[4] = max(row[4], "2025-07-02")
            row[5] = max(row[5], row[4])  # and an end on or after it (seed 387 drew a row ending 2025-07-01)
        text = "".join(",".join(f'"{c}"' if "," in c else c for c in row) + "\n" for row in table)
    path = _workbook(text, tmp_path / "members.xlsx", rng)
    scalar, columns = _both(path, *options, *out)
    assert (scalar.exit_code, columns.exit_code) == (0, 0), scalar.output + columns.output
    assert columns.stdout == scalar.stdout
    assert "priced in columns" in columns.stderr, columns.stderr


def test_a_workbook_the_columns_decline_is_read_again_for_json(tmp_path: Path) -> None:
    """JSON is tried twice in columns (as the columns write it, then read back from their CSV): a sheet's rows
    read by the first try were read again as none, and an empty list was written as the answer. An id longer than
    the columns read (256 bytes) makes them decline the roster: the answer is row by row's, the row in it. (Hired
    after the first day, which the columns declined when this was found, they price now.)"""
    long = "L1-" + "a" * 300
    text = f"id,title,hired,name\n{long},Bachelor's,2025-09-29,Ortiz\n"  # one row: read once, it was gone
    path = _workbook(text, tmp_path / "members.xlsx", random.Random(1))
    scalar, columns = _both(path, "--contract", "lunenburg-paras", "--from", "2025-07-02", "--to", "2027-06-30",
                            "-f", "json")  # fmt: skip
    assert (scalar.exit_code, columns.exit_code) == (0, 0), columns.output
    assert columns.stdout == scalar.stdout
    assert f'"id": "{long}"' in columns.stdout
    assert "priced row by row" in columns.stderr  # declined by the columns: the case asked
