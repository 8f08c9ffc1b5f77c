"""A workbook's twin priced as its sheet is parsed (reading.sheet_parse, jobs.twins): the first pieces' text is
priced while the threads parse the last, and what turns the columns or the fast reader down in a later piece (a
true/false cell, a cell past the header, a formula, an error cell) is found there: the totals begun are
dropped, and the answer is the row-by-row path's, byte for byte, on stdout and stderr alike."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar
from paycalc.reading import sheet_pieces, sheets

TITLES = ["Teacher Aide", "Ed. Asst. B", "Ed. Assoc."]


@pytest.fixture(autouse=True, params=["python-calamine", "fastexcel"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each case with the sheet's text made from python-calamine's cells and from fastexcel's Arrow columns (a
    sheet fastexcel's text cannot serve is read by python-calamine after it: one attempt more, the same answer)."""
    monkeypatch.setattr(sheets, "ARROW", request.param == "fastexcel")
    return str(request.param)


def _book(path: Path, last: list[list[Any]] | None = None, blank_every: int = 0, members: int = 60) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired", "from", "to", "hours", "name"])
    for n in range(members):
        if blank_every and n % blank_every == blank_every - 1:
            sheet.append([None] * 7)  # a blank row, which the twin leaves out
        hired = datetime.date(1990, 1, 1) + datetime.timedelta(days=97 * n)
        row = [f"E{n:03d}", TITLES[n % 3], hired, datetime.date(2013, 5, 1), datetime.date(2015, 6, 30)]
        sheet.append([*row, 20 if n % 4 else None, "Smith, Jane" if n % 2 else "Ortiz"])
    for row in last or []:
        sheet.append(row)
    book.save(path)
    return path


def _both(path: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> list[bool]:
    """The roster row by row, then in columns in pieces of a few rows and small blocks: the same answer."""
    runner = CliRunner()
    args = ["retro", "--roster", str(path), *options]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    taken: list[bool] = []
    real = columnar.priced
    with monkeypatch.context() as patch:
        patch.setattr(columnar, "priced", lambda *a, **k: taken.append(real(*a, **k)) or taken[-1])
        patch.setattr(sheet_pieces, "piece_bytes", lambda _: 400)
        patch.setattr(columnar, "BLOCK", 1200)
        columns = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": ""})
    assert (columns.exit_code, columns.stdout, columns.stderr) == (scalar.exit_code, scalar.stdout, scalar.stderr)
    return taken


def test_a_sheet_in_pieces_is_priced_as_it_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _book(tmp_path / "roster.xlsx")
    ranges: list[Any] = []
    real = columnar.write_totals
    monkeypatch.setattr(columnar, "write_totals", lambda source, where, *a: real(source, _seen(where, ranges), *a))
    assert _both(path, monkeypatch) == [True]
    assert len(ranges) > 2 and all(a[1] == b[0] for a, b in itertools.pairwise(ranges))  # ranges in turn


def _seen(where: Any, seen: list[Any]) -> Any:
    for part in where:
        seen.append(part)
        yield part


HIRED, FROM, TO = datetime.date(2001, 2, 3), datetime.date(2013, 5, 1), datetime.date(2015, 6, 30)


@pytest.mark.parametrize(
    ("last", "taken"),
    [
        ([["E999", "Teacher Aide", HIRED, FROM, TO, True, "x"]], [False]),  # a true/false cell
        (
            [
                ["E998", "Teacher Aide", HIRED, FROM, TO, 1, "x"],
                ["E999", "Teacher Aide", HIRED, FROM, TO, True, "x"],
            ],
            [False],
        ),  # true beside 1 (True == 1: a table of values would give both one text)
        ([["E999", "Teacher Aide", HIRED, FROM, TO, None, "x", "past"]], [False]),  # a cell past the header
        ([["E999", "Teacher Aide", HIRED, FROM, TO, "=1+1", "x"]], [False]),  # a formula, with no value saved
        ([[2**53 + 1, "Teacher Aide", HIRED, FROM, TO, None, "x"]], [False]),  # an id past what a double keeps
    ],
)
def test_what_turns_the_columns_down_in_the_last_piece_leaves_the_answer_to_the_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, last: list[Any], taken: list[bool]
) -> None:
    path = _book(tmp_path / "roster.xlsx", last)
    assert _both(path, monkeypatch)[:1] == taken  # the columns began, then declined: no totals of theirs written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.xlsx"]  # nothing left behind


def test_rows_left_out_are_said_by_sheet_row_when_the_text_was_priced_as_it_came(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blank rows in the sheet (not in the twin) and rows the rules refuse, across pieces: each named by its
    row in the sheet, as row by row names it."""
    path = _book(tmp_path / "roster.xlsx", [["E999", "Nobody's Title", HIRED]], blank_every=7)
    assert _both(path, monkeypatch, "--skip-invalid") == [True]


def test_no_cyclic_collection_while_a_twin_is_priced_and_as_it_was_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sheet's cells (a million objects in no cycle) are not walked by the collector while its twin is
    priced; the collector is on again after, as it was."""
    import gc

    from paycalc.output import roster_blocks

    path = _book(tmp_path / "roster.xlsx")
    during: list[bool] = []
    real = roster_blocks.Blocks.run
    monkeypatch.setattr(
        roster_blocks.Blocks, "run", lambda self, part: during.append(gc.isenabled()) or real(self, part)
    )
    assert _both(path, monkeypatch) == [True]
    assert during and not any(during)
    assert gc.isenabled()
