"""A sheet's CSV twin made from fastexcel's Arrow columns (``reading.sheet_arrow``, ``output.arrow_text``) held to
the one made from python-calamine's cells (``reading.sheet_text``), byte for byte, and the sheet row of each line
alike: on random sheets of rosters' columns (ids, titles, dates as date cells, hours, names with commas), cells
of every kind mixed in, blank rows and cells, cut into pieces of every size. Where the Arrow text cannot serve
(a true/false cell, a time of day, a column of mixed kinds, a double quote) it says so, and python-calamine's
serves instead; on a roster as committees keep it, it serves."""

from __future__ import annotations

import csv
import datetime
import io
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from paycalc.output import arrow_text
from paycalc.reading import sheet_pieces, sheets
from paycalc.reading.sheet_text import Declined
from tests.test_sheet_reader import CELLS

HEADER = ["id", "title", "hired", "hours", "name"]
NAMES = ["Smith, Jane", "Ortiz", " Lee ", "Zoë, Ana", "Nuñez", "", "- Dash, Ann", "O'Neil", "\tTab"]
NOTES = ["called\nback", "left\n", "ok"]  # line breaks in a cell (Alt+Enter in Excel)
KINDS: dict[str, st.SearchStrategy[Any]] = {
    "ids": st.integers(1, 10**6).map(lambda n: f"E{n:07d}"),
    "numeric ids": st.integers(1, 10**9),
    "titles": st.sampled_from(["Teacher Aide", "Ed. Asst. B", " Ed. Assoc. "]),
    "dates": st.dates(datetime.date(1950, 1, 1), datetime.date(2030, 12, 31)),
    "hours": st.sampled_from([20, 17.5, 35.0, 0.1, 12345.678]),
    "names": st.sampled_from(NAMES),
    "notes": st.sampled_from(NOTES),
    "any": CELLS,
}


def _saved(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r, row in enumerate([HEADER, *rows], start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    book.save(path)
    return path


def _text(path: Path, arrow: bool, piece: int, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes | None, list[int]]:
    """The sheet's twin text after its header, and the sheet row of each line; None where it cannot serve."""
    monkeypatch.setattr(sheets, "ARROW", arrow)
    monkeypatch.setattr(sheet_pieces, "piece_bytes", lambda _: piece)
    rows = sheets.SheetRows(str(path), None)
    try:
        if arrow:
            pieces = rows.arrow_pieces()
            assert pieces is not None  # read by fastexcel: no formula, no error cell
            lines: list[int] = []
            text = b"".join(arrow_text.texts(pieces, len(rows.header), lines))
            rows.found_lines(lines)
        else:
            body = rows.csv_body()
            if body is None:
                return None, []
            text = body.encode("utf-8")
        records = len(list(csv.reader(io.StringIO(text.decode("utf-8"), newline=""))))  # a cell may hold a line break
        return text, [rows.row_of(line) for line in range(2, records + 2)]
    except Declined:
        return None, []
    finally:
        rows.close()


@st.composite
def tables(draw: st.DrawFn) -> list[list[Any]]:
    """Rows of a roster's columns, each of one kind (or any kind mixed), blank rows and cells among them."""
    kinds = [draw(st.sampled_from(sorted(KINDS))) for _ in HEADER]
    rows: list[list[Any]] = []
    for _ in range(draw(st.integers(0, 40))):
        if draw(st.integers(0, 9)) == 0:
            rows.append([])  # a blank row
            continue
        rows.append([None if draw(st.integers(0, 7)) == 0 else draw(KINDS[kind]) for kind in kinds])
    return rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tables(), st.sampled_from([300, 1000, 1 << 20]))
def test_the_arrow_text_is_python_calamines_or_declines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[list[Any]], piece: int
) -> None:
    path = _saved(tmp_path / "roster.xlsx", rows)
    arrow = _text(path, True, piece, monkeypatch)
    event("the Arrow text served" if arrow[0] is not None else "the Arrow text declined")
    if arrow[0] is not None:
        assert arrow == _text(path, False, piece, monkeypatch)


@pytest.mark.parametrize("piece", [300, 1 << 20])
def test_a_roster_as_committees_keep_it_is_read_as_arrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: int
) -> None:
    """Ids, titles, date cells, hours as numbers, names with commas and accents, blank rows: the Arrow text serves,
    and it is python-calamine's; cut in pieces of a few rows, each piece placed by its anchor."""
    rng = random.Random(4)
    rows: list[list[Any]] = []
    for n in range(120):
        hired = datetime.date(1980, 1, 1) + datetime.timedelta(days=rng.randrange(15000))
        rows.append([f"E{n:04d}", rng.choice(["Teacher Aide", "Ed. Asst. B"]), hired, rng.choice([20, 17.5, None])])
        rows[-1].append(rng.choice(NAMES))
        if n % 17 == 16:
            rows.append([])  # a blank row: left out, the lines after it numbered by their sheet rows
        if n % 29 == 5:
            rows[-1][0] = None  # a row without an id in column A: placed by the anchor, not its first cell
    path = _saved(tmp_path / "roster.xlsx", rows)
    arrow = _text(path, True, piece, monkeypatch)
    assert arrow[0] is not None and arrow[0].count(b"\n") == 120
    assert arrow == _text(path, False, piece, monkeypatch)
    assert arrow[1][16:18] == [18, 20]  # row 19 blank


@pytest.mark.parametrize(
    "cell",
    [True, datetime.time(10, 30), datetime.datetime(2010, 1, 4, 9, 0), 'O"Neil', "a\r\nb", 2.0**53 + 2, "\u00a0x"],
    ids=["true", "a time", "a date and time", "a quote", "a carriage return", "a long number", "white space not ASCII"],
)
def test_what_the_arrow_text_cannot_hold_declines_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cell: Any
) -> None:
    path = _saved(tmp_path / "roster.xlsx", [["E1", "Teacher Aide", datetime.date(2010, 1, 4), 20, cell]])
    if cell == "a\r\nb":  # written as Excel writes it (XML reads a bare one as a line feed)
        with zipfile.ZipFile(path) as book:
            parts = {name: book.read(name) for name in book.namelist()}
        with zipfile.ZipFile(path, "w") as book:
            for name, data in parts.items():
                book.writestr(name, data.replace(b"\r", b"&#13;"))
    assert _text(path, True, 1 << 20, monkeypatch) == (None, [])


def test_a_column_of_mixed_kinds_declines_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A date column with one date written as text: fastexcel's strict kinds refuse it (with its default, a
    cell not of the kind it guessed from the first rows would be read blank: silently wrong)."""
    rows = [[f"E{n}", "Teacher Aide", datetime.date(2010, 1, 4), 20, "x"] for n in range(1200)]
    rows[1100][2] = "2010-01-05"
    path = _saved(tmp_path / "roster.xlsx", rows)
    assert _text(path, True, 1 << 20, monkeypatch) == (None, [])
    assert _text(path, False, 1 << 20, monkeypatch)[0] is not None  # python-calamine's text serves


def test_a_cell_past_the_header_declines_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [["E1", "Teacher Aide", datetime.date(2010, 1, 4), 20, "x"], ["E2", "Teacher Aide", None, None, "y", "past"]]
    path = _saved(tmp_path / "roster.xlsx", rows)
    assert _text(path, True, 1 << 20, monkeypatch) == (None, []) == _text(path, False, 1 << 20, monkeypatch)


def test_rows_out_of_order_in_the_xml_are_not_misplaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Row 5 written after row 41 (the XML a program may write): the piece holding it starts before its anchor,
    whose names then are not the piece's header: the Arrow text declines, never shifted a row."""
    import re

    rows = [[f"E{n:03d}", "Teacher Aide", datetime.date(2010, 1, 4), 20, "x"] for n in range(60)]
    path = _saved(tmp_path / "roster.xlsx", rows)
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    member = "xl/worksheets/sheet1.xml"
    xml = parts[member]
    five = re.search(rb'<row r="5".*?</row>', xml)
    assert five is not None
    after = re.search(rb'<row r="41".*?</row>', xml)
    assert after is not None
    xml = xml.replace(five[0], b"").replace(after[0], after[0] + five[0])
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, xml if name == member else data)
    assert _text(path, True, 400, monkeypatch) == (None, [])


def test_a_piece_with_a_row_before_its_anchor_is_refused(tmp_path: Path) -> None:
    """A piece's anchor is read as its header only where no row comes before it: one that does would be read as
    the header instead, the piece's rows shifted. The anchor's names tell, and the piece is refused."""
    import zipfile

    from paycalc.reading import sheet_arrow

    path = _saved(tmp_path / "roster.xlsx", [["E1", "Teacher Aide", datetime.date(2010, 1, 4), 20, "x"]])
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    member = "xl/worksheets/sheet1.xml"
    xml = parts.pop(member)
    head, tail = xml[: xml.find(b"<sheetData>") + 11], xml[xml.find(b"</sheetData>") :]
    row = b'<row r="5"><c r="A5" t="inlineStr"><is><t>E5</t></is></c></row>'
    placed = sheet_pieces._workbook((head, sheet_arrow._anchor(4, 5) + row, tail), parts, member)
    assert sheet_arrow._parsed(placed, "Sheet", 5).child(0).to_pylist() == ["E5"]
    before = sheet_pieces._workbook((head, sheet_arrow._anchor(9, 5) + row, tail), parts, member)
    with pytest.raises(Declined, match="anchor"):
        sheet_arrow._parsed(before, "Sheet", 5)


def _written(array: Any) -> list[str]:
    from paycalc.output import csv_lines

    parts, _ = arrow_text.column(array, len(array))
    return csv_lines.lines([*parts, csv_lines.constant(b"\n", len(array))]).decode().split("\n")[:-1]


def test_columns_of_every_kind_are_written_as_cell_text_writes_them() -> None:
    """Arrow columns made by hand, one of each kind a reader may give, blanks among them: each cell as
    ``cell_text`` writes it (whole numbers without a point, dates as ISO days), worked out here."""
    import nanoarrow as na

    assert _written(na.Array([1, None, -30], na.int64())) == ["1", "", "-30"]
    assert _written(na.Array([20.0, 17.5, None, -0.0, 1e15], na.float64())) == [
        "20",
        "17.5",
        "",
        "0",
        "1000000000000000",
    ]
    assert _written(na.Array([0, 365, None, -1], na.date32())) == ["1970-01-01", "1971-01-01", "", "1969-12-31"]
    day = 86_400
    assert _written(na.Array([day, None], na.timestamp("s"))) == ["1970-01-02", ""]
    assert _written(na.Array([" a, b ", None, "\tc", ""], na.string())) == ['"a, b"', "", "c", ""]
    two_lines = _written(na.Array(["called\nback", "left\n"], na.string()))  # a line break inside quotes; trimmed
    assert "\n".join(two_lines).split("\n") == ['"called', 'back"', "left"]


@pytest.mark.parametrize(
    "array",
    [
        ("int64", [2**53]),
        ("float64", [2.0**53]),
        ("timestamp", [86_400 + 1]),
        ("bool", [True]),
        ("date32", [2_932_897]),
    ],
    ids=["a long whole number", "a long number", "a time of day", "true or false", "a day past 9999-12-31"],
)
def test_what_a_column_cannot_hold_is_declined(array: tuple[str, list[Any]]) -> None:
    import nanoarrow as na

    kind, values = array
    kinds = {"int64": na.int64(), "float64": na.float64(), "timestamp": na.timestamp("s"), "bool": na.bool_()}
    schema = {**kinds, "date32": na.date32()}[kind]
    with pytest.raises(Declined):
        arrow_text.column(na.Array(values, schema), len(values))
