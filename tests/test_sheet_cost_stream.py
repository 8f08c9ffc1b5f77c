"""A workbook costed in columns as its sheet is parsed (#30: jobs.sheet_twins.sheet_costed): the first pieces' members
are costed while the threads parse the last, and what turns the text down in a later piece (a true/false cell, a
cell past the header, a formula) or the columns (a member they leave to the member-by-member path) is found there:
the answer is the member-by-member one, byte for byte, on stdout and stderr alike, and no file is left behind."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar, columnar_cost
from paycalc.reading import sheet_pieces, sheets
from tests.test_sheet_stream import _book

HIRED, FROM, TO = datetime.date(2001, 2, 3), datetime.date(2013, 5, 1), datetime.date(2015, 6, 30)
RANGE = ["--proposal", "moa-2014", "--from", "2014-01-01", "--to", "2015-06-30", "--format", "json"]


@pytest.fixture(autouse=True, params=["python-calamine", "fastexcel"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each case with the sheet's text made from python-calamine's cells and from fastexcel's Arrow columns (a
    sheet fastexcel's text cannot serve is read by python-calamine after it: one attempt more, the same answer)."""
    monkeypatch.setattr(sheets, "ARROW", request.param == "fastexcel")
    return str(request.param)


def _both(path: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> list[tuple[bool, bool]]:
    """The roster member by member, then in columns in pieces of a few rows: the same answer. Each costing in
    columns tried: whether it answered, and whether it read the ranges of a twin as it grew."""
    runner = CliRunner()
    args = ["cost", "--roster", str(path), *RANGE, *options]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    tried: list[tuple[bool, bool]] = []
    real = columnar_cost.costed

    def spy(*a: Any, **k: Any) -> Any:
        found = real(*a, **k)
        tried.append((found is not None, len(a) > 4 and a[4] is not None))  # its ranges as the twin grew
        return found

    with monkeypatch.context() as patch:
        patch.setattr(columnar_cost, "costed", spy)
        patch.setattr(sheet_pieces, "piece_bytes", lambda _: 400)
        patch.setattr(columnar, "COST_BLOCK", 300)
        columns = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": ""})
    assert scalar.exit_code in (0, 1, 3)  # 3: rows left out (--skip-invalid)
    assert (columns.exit_code, columns.stdout, columns.stderr) == (scalar.exit_code, scalar.stdout, scalar.stderr)
    return tried


def test_a_workbook_is_costed_as_its_sheet_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _book(tmp_path / "roster.xlsx", members=80)
    ranges: list[Any] = []
    real = columnar_cost.costed
    monkeypatch.setattr(
        columnar_cost, "costed", lambda *a: real(*a[:4], _seen(a[4], ranges), *a[5:]) if len(a) > 4 else real(*a)
    )
    assert _both(path, monkeypatch) == [(True, True)]
    assert len(ranges) > 5 and all(a[1] == b[0] for a, b in itertools.pairwise(ranges))  # in turn, as they came
    assert max(stop - start for start, stop, _ in ranges) < 300 + 400  # a costing's block, and a piece's text at most
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.xlsx"]


def _seen(where: Any, seen: list[Any]) -> Any:
    for part in where:
        seen.append(part)
        yield part


@pytest.mark.parametrize(
    ("last", "tried"),
    [
        ([["E999", "Teacher Aide", HIRED, FROM, TO, True, "x"]], [(False, True), (False, False)]),  # a true/false
        # cell: the text turned down, then a twin made cell by cell, which the columns turn down too (hours TRUE)
        ([["E999", "Teacher Aide", HIRED, FROM, TO, None, "x", "past"]], [(False, True)]),  # a cell past the
        # header: no twin, member by member names it
        ([["E999", "Teacher Aide", HIRED, FROM, TO, "=1+1", "x"]], [(False, True)]),  # a formula: read by openpyxl
        (
            [["E079", "Teacher Aide", datetime.date(1990, 1, 1) + datetime.timedelta(days=97 * 79), FROM, TO]],
            [(False, True)],
        ),  # the last member's rows overlapping: member by member names them
        ([["E999", "Nobody's Title", HIRED, FROM, TO, None, "x"]], [(False, True)]),  # a title the contract has
        # not: member by member names its row
        ([[None, None, None, None, None, None, "a name alone"]], [(False, True)]),  # a row not blank for its name
        # alone: member by member says it has no id
    ],
)
def test_what_turns_the_columns_down_in_the_last_piece_leaves_the_answer_to_the_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, last: list[Any], tried: list[tuple[bool, bool]], reader: str
) -> None:
    path = _book(tmp_path / "roster.xlsx", last, members=80)
    found = _both(path, monkeypatch)
    if reader == "fastexcel" and (True in last[0] or len(last[0]) > 7):  # fastexcel's text could not serve (a
        tried = [(False, True), *tried]  # true/false cell, a cell past the header): python-calamine's after it
    assert found == tried
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.xlsx"]  # nothing left behind


def test_with_skip_invalid_the_twin_is_made_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows left out are said by their sheet row, from a twin made at once (blank rows in the sheet)."""
    path = _book(tmp_path / "roster.xlsx", [["E999", "Nobody's Title", HIRED, FROM, TO]], blank_every=7)
    assert _both(path, monkeypatch, "--skip-invalid") == [(True, False)]


def test_a_step_workbook_is_costed_as_its_sheet_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Lunenburg district's workbook, a step column for its hire dates (and a hire date where no step is
    given): the steps placed in the columns, as the sheet is parsed, as member by member places them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "step", "hired", "from", "to", "name"])
    titles = ["High School", "Associate's", "Column 3", "Licensed Bachelor's"]
    for n in range(90):
        step = None if n % 7 == 0 else n % 9 + 1
        hired = datetime.date(2016, 8, 29) + datetime.timedelta(days=40 * n) if step is None else None
        days = (datetime.date(2025, 9, 2), None) if n % 5 else (None, datetime.date(2026, 3, 31))
        sheet.append([f"L{n:03d}", titles[n % 4], step, hired, *days, "Ortiz, Ana"])
    path = tmp_path / "district.xlsx"
    book.save(path)
    runner = CliRunner()
    args = ["cost", "--roster", str(path), "--contract", "lunenburg-paras", "--paid-contract"]
    args += ["lunenburg-paras-posted", "--from", "2025-07-01", "--to", "2027-06-30", "--format", "json"]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    tried: list[tuple[bool, bool]] = []
    real = columnar_cost.costed
    with monkeypatch.context() as patch:
        patch.setattr(
            columnar_cost, "costed", lambda *a, **k: tried.append((a[4] is not None, a[5] is not None)) or real(*a, **k)
        )
        patch.setattr(sheet_pieces, "piece_bytes", lambda _: 400)
        patch.setattr(columnar, "COST_BLOCK", 300)
        columns = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": ""})
    assert scalar.exit_code == 0, scalar.output
    assert (columns.exit_code, columns.stdout) == (scalar.exit_code, scalar.stdout)
    assert tried == [(True, True)]  # once, as the sheet was parsed (its ranges as they grew), its steps placed there


def test_blank_rows_and_carried_columns_cost_alike_as_the_sheet_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blank rows (one with a name of a space) left out, as the member-by-member reader leaves them out, and
    carried columns of text and of dates: costed as the sheet is parsed, the same answer as member by member."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired", "name", "reviewed"])
    for n in range(70):
        if n % 5 == 4:
            sheet.append([None, None, None, " ", None])  # a blank row (a name of a space is blank)
        hired = datetime.date(1990, 1, 1) + datetime.timedelta(days=97 * n)
        reviewed = datetime.date(2019, 3, 1) if n % 3 else None  # a carried column of dates, some blank
        sheet.append([f"E{n:03d}", "Teacher Aide", hired, "Ortiz, Ana" if n % 2 else "Lee", reviewed])
    path = tmp_path / "members.xlsx"
    book.save(path)
    assert _both(path, monkeypatch) == [(True, True)]
