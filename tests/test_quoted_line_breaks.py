"""Rosters whose quoted cells hold line breaks (a notes or address column, as exports write it:
``"called 3/2\\nleft message"``), read in columns: the file cut into ranges at its records, not its lines
(``reading.records``), each range's cells split as the csv module reads them (``csv_bytes.split`` with
``records``), retro and cost held byte for byte to the row-by-row path, its lines named as it names them."""

from __future__ import annotations

import csv
import datetime
import io
import json
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar as _columnar
from paycalc.output import csv_bytes
from paycalc.reading import records
from tests import test_columnar, test_cost_columns

runner = CliRunner()
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NOTES = ["ok", "", "called 3/2\nleft message", '"Pat"\nsays, ok', "a\n\nb", "line one\n"]
cell = st.text(alphabet='ab,"\n ', max_size=6)


@SETTINGS
@given(rows=st.lists(st.lists(cell, min_size=2, max_size=2), max_size=12), seed=st.integers(0, 10**6))
def test_record_starts_are_where_the_csv_module_begins_each_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[list[str]], seed: int
) -> None:
    """Each row written alone gives its own length, so the offset each row begins at is known without reading
    the file; any offset is moved to the first of those at it or after it (the file's size past the last)."""
    monkeypatch.setattr(records, "CHUNK", 5)  # a record across reads, a quote's count carried between them
    texts = ["id,notes\n"]
    for row in rows:
        one = io.StringIO()
        csv.writer(one, lineterminator="\n").writerow(row)
        texts.append(one.getvalue())
    data = "".join(texts).encode()
    path = tmp_path / "r.csv"
    path.write_bytes(data)
    begins = [len("".join(texts[:n]).encode()) for n in range(1, len(texts))]  # each row's first byte
    header, size = begins[0] if begins else len(data), len(data)
    rng = random.Random(seed)
    starts = sorted(rng.randrange(header, size + 1) for _ in range(4))
    want = [next((b for b in begins if b >= start), size) for start in starts]
    assert records.record_starts(str(path), header, starts) == want


@SETTINGS
@given(rows=st.lists(st.lists(cell, min_size=3, max_size=3), min_size=1, max_size=10))
def test_a_block_of_records_is_split_as_the_csv_module_reads_it(rows: list[list[str]]) -> None:
    one = io.StringIO()
    csv.writer(one, lineterminator="\n").writerows(rows)
    block = one.getvalue().encode()
    read = list(csv.reader(io.StringIO(one.getvalue(), newline="")))
    cells = csv_bytes.split(block, 3, records=True)
    assert [cells.text([n], c)[0] for n in range(len(read)) for c in range(3)] == [c for r in read for c in r]
    every = np.arange(len(read))  # written back in quotes where the csv module quotes them
    assert [cells.quoted(every, c)[n] for n in every for c in range(3)] == [
        any(mark in c for mark in ',"\n') for r in read for c in r
    ]
    broken = any("\n" in c for r in rows for c in r)
    assert (cells.breaks is not None) == broken
    if broken:  # cut by lines, a feed in a cell may be a cut's: not plain
        with pytest.raises(csv_bytes.Plainness, match="a line break inside quotes"):
            csv_bytes.split(block, 3)


@SETTINGS
@given(
    seed=st.integers(0, 10**6),
    json=st.booleans(),
    block=st.sampled_from([64, 300, 1 << 22]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_line_breaks_in_cells_are_priced_in_columns_as_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, json: bool, block: int, newline: str
) -> None:
    """Small blocks cut the file inside the notes' cells: each is cut again at its records. In a CRLF file the
    cells' line breaks are CRLF too (the csv module keeps them as they are)."""
    rng = random.Random(seed)
    extra = {"hours": ["", "20"], "notes": NOTES, "name": ['"Smith, Jane"', "Ortiz"]}
    text = test_columnar.roster(rng, test_columnar.NYC, rng.randrange(1, 40), datetime.date(2008, 6, 1), 3600, extra)
    text = _cells(text)
    monkeypatch.setattr(_columnar, "BLOCK", block)
    scalar, columns, taken = test_columnar.both(tmp_path, text, *(["-f", "json"] if json else []), newline=newline)
    assert columns == scalar
    assert taken


def _cells(text: str) -> str:
    """The roster's notes written as the csv module writes them (the roster helper joins cells with commas)."""
    for note in NOTES:
        if "\n" in note:
            text = text.replace(note, '"' + note.replace('"', '""') + '"')
    return text


@SETTINGS
@given(seed=st.integers(0, 10**6), block=st.sampled_from([1, 200, 1 << 20]))
def test_line_breaks_in_cells_are_costed_in_columns_as_member_by_member(tmp_path: Path, seed: int, block: int) -> None:
    rng = random.Random(seed)
    extra = {"hours": ["", "17.5"], "notes": NOTES}
    text = _cells(test_cost_columns.members(rng, test_cost_columns.NYC, rng.randrange(1, 30), datetime.date(1995, 1, 1),
                                            9000, extra))  # fmt: skip
    terms = ["--proposal", "moa-2014", "--from", "2014-01-01", "--to", "2015-06-30"]
    scalar, columns, taken = test_cost_columns.both(tmp_path, text, *terms, block=block)
    assert columns == scalar
    assert taken


def test_a_row_left_out_is_named_by_its_last_line_as_row_by_row(tmp_path: Path) -> None:
    """Worked by hand: the header is line 1, member 1's row lines 2 to 4 (two line breaks in its note), member
    2's line 5: its unknown title is said at line 5, in columns as row by row (the csv module's count)."""
    source = tmp_path / "members.csv"
    source.write_text(
        "id,title,hired,from,to,notes\n"
        '1,Ed. Asst. B,2005-09-01,2017-01-01,2017-12-31,"called\nleft\nmessage"\n'
        "2,Lunch Aide,2005-09-01,2017-01-01,2017-12-31,ok\n"
        "3,Ed. Asst. B,2005-09-01,2017-01-01,2017-12-31,ok\n"
    )
    said = []
    for mode in ("1", ""):
        result = runner.invoke(app, ["retro", "--roster", str(source), "--skip-invalid", "-v"],
                               env={"PAYCALC_ROW_BY_ROW": mode})  # fmt: skip
        assert result.exit_code == 3
        said.append(result)
    assert f"Skipped: {source}: line 5: unknown title 'Lunch Aide'" in said[1].stderr
    assert said[0].stdout == said[1].stdout
    assert f"Note: {source}: priced in columns" in said[1].stderr
    assert '1,"called\nleft\nmessage",1,' in said[1].stdout  # written back in quotes, its line breaks kept


def test_a_blank_line_beside_line_breaks_in_cells_is_left_to_row_by_row(tmp_path: Path) -> None:
    """The csv module skips a blank line, and keeps one inside a cell: a block with both is not cut here."""
    source = tmp_path / "members.csv"
    source.write_text('id,title,hired,from,to,notes\n1,Ed. Asst. B,2005-09-01,2017-01-01,2017-12-31,"a\n\nb"\n\n')
    result = runner.invoke(app, ["retro", "--roster", str(source), "-v"])
    assert result.exit_code == 0
    assert '1,"a\n\nb",1,' in result.stdout
    assert "priced row by row (about 25 µs a row): a blank line among records with line breaks" in result.stderr


def test_json_of_cells_with_line_breaks_is_the_row_by_row_json(tmp_path: Path) -> None:
    """JSON escapes a line break (``"a\\nb"``): each id's record is written from the CSV read back, not from the
    cells' bytes, so an id between the block's first and last is escaped too."""
    source = tmp_path / "members.csv"
    rows = [f'{n},Ed. Asst. B,2005-09-01,2017-01-01,2017-12-31,"note {n}\nline 2"' for n in range(1, 5)]
    source.write_text("id,title,hired,from,to,notes\n" + "\n".join(rows) + "\n")
    said = [runner.invoke(app, ["retro", "--roster", str(source), "-f", "json"], env={"PAYCALC_ROW_BY_ROW": mode})
            for mode in ("1", "")]  # fmt: skip
    assert said[1].stdout == said[0].stdout
    assert [record["notes"] for record in json.loads(said[1].stdout)] == [f"note {n}\nline 2" for n in range(1, 5)]


@pytest.mark.parametrize("command", ["retro", "cost"])
def test_a_workbook_with_line_breaks_in_cells_is_read_in_columns_as_row_by_row(tmp_path: Path, command: str) -> None:
    """Alt+Enter in Excel puts a line break in a cell: its twin holds it in quotes, cut at its records."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired", "from", "to", "notes"])
    for n in range(30):
        day = datetime.date(2017, 1, 1)
        sheet.append(
            [f"E{n}", "Ed. Asst. B", datetime.date(2005, 9, 1), day, datetime.date(2017, 12, 31), NOTES[n % 6]]
        )
    book.save(tmp_path / "members.xlsx")
    args = [command, "--roster", str(tmp_path / "members.xlsx"), "-v"]
    if command == "cost":
        args += ["--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30", "-f", "json"]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    columns = runner.invoke(app, args)
    assert (scalar.exit_code, columns.exit_code) == (0, 0), columns.output
    assert columns.stdout == scalar.stdout
    assert f"{'priced' if command == 'retro' else 'costed'} in columns" in columns.stderr
