"""A sheet parsed in pieces (reading.sheet_pieces, #30) reads as one parse of the whole sheet reads it: on random
sheet XML of every cell kind a roster's workbook holds (shared and inline strings, numbers, dates, true/false,
styled empty cells), rows with and without their number, gaps, leading empty rows and columns, rows out of order
and comments, cut as small as a row a piece. Formulas and error cells are found in any piece."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from paycalc.contract.inputs import column_letter
from paycalc.reading import sheet_parse, sheet_pieces, sheet_text

MEMBER = "xl/worksheets/sheet1.xml"
HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>'
TAIL = '</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>'
TEXTS = ["Smith, Jane", "Teacher Aide", " ", "Nuñez & <Rosa>", "x"]  # the shared strings, in order


def _template(tmp_path: Path) -> dict[str, bytes]:
    """A workbook's parts as openpyxl writes them: a shared string table, and style 1 a date's."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Roster"
    sheet["A1"] = "id"
    sheet["B1"] = datetime.date(2010, 1, 4)
    path = tmp_path / "template.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    shared = "".join(f"<si><t xml:space='preserve'>{escape(text)}</t></si>" for text in TEXTS)
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'uniqueCount="{len(TEXTS)}">{shared}</sst>'
    ).encode()
    assert b'<xf numFmtId="164"' in parts["xl/styles.xml"]  # style 1: a date (yyyy-mm-dd)
    return parts


CELL = st.one_of(
    st.tuples(st.just("n"), st.sampled_from(["17.5", "20", "0", "-3", "1e3", "40118"])),
    st.tuples(st.just("s"), st.integers(0, len(TEXTS) - 1).map(str)),
    st.tuples(st.just("inlineStr"), st.sampled_from(["E001", "Ortiz, Ana", "a&b", "  ", "<x>"])),
    st.tuples(st.just("b"), st.sampled_from(["0", "1"])),
    st.tuples(st.just("date"), st.sampled_from(["40118", "43434", "32219.5"])),
    st.tuples(st.just("str"), st.sampled_from(["text", "7"])),
    st.tuples(st.just("styled"), st.just("")),
)


def _cell(row: int, column: int, kind: str, value: str, numbered: bool) -> str:
    at = f' r="{column_letter(column)}{row}"' if numbered else ""
    if kind == "inlineStr":
        return f'<c{at} t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    if kind == "date":
        return f'<c{at} s="1"><v>{value}</v></c>'
    if kind == "styled":
        return f'<c{at} s="1"/>'
    typed = "" if kind == "n" else f' t="{kind}"'
    return f"<c{at}{typed}><v>{value}</v></c>"


ROWS = st.lists(
    st.tuples(
        st.integers(1, 3),  # rows after the row before (gaps are blank rows)
        st.booleans(),  # the row's number written (r="..."), or left to count
        st.integers(0, 2),  # empty columns before its first cell
        st.lists(CELL, min_size=0, max_size=4),
        st.booleans(),  # its cells' references written
    ),
    min_size=0,
    max_size=14,
)


def _sheet(rows: list[Any], start: int, swap: bool, comment: bool, numbers: bool) -> str:
    lines, number = [], start
    for gap, numbered, skip, cells, referenced in rows:
        number += gap
        written = "".join(  # a cell after empty columns has its reference; the others may leave it to count
            _cell(number, skip + n, kind, value, referenced or (n == 0 and skip > 0))
            for n, (kind, value) in enumerate(cells)
        )
        tag = f'<row r="{number}" spans="1:5">' if numbers or numbered or gap > 1 else "<row>"
        lines.append(f"{tag}{written}</row>")
    if swap and len(lines) > 2:
        lines[0], lines[-1] = lines[-1], lines[0]  # rows out of order
    if comment and lines:
        lines.insert(len(lines) // 2, '<!-- a comment: <row r="1"> -->')
    return HEAD + "".join(lines) + TAIL


def _whole(parts: dict[str, bytes], xml: bytes) -> list[list[Any]]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for name, part in {**parts, MEMBER: xml}.items():
            book.writestr(name, part)
    found = CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue())).get_sheet_by_name("Roster")
    return found.to_python(skip_empty_area=False)  # type: ignore[no-any-return]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ROWS,
    st.integers(0, 2),  # blank rows before the first
    st.booleans(),  # the first and last rows swapped
    st.booleans(),  # a comment among the rows
    st.booleans(),  # every row numbered, as most writers write them (else some are left to count)
    st.sampled_from([1, 40, 90, 300, 1 << 20]),  # bytes per piece
)
def test_a_sheet_in_pieces_reads_as_the_whole_sheet(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[Any],
    start: int,
    swap: bool,
    comment: bool,
    numbers: bool,
    size: int,
) -> None:
    parts = _template(tmp_path)
    xml = _sheet(rows, start, swap, comment, numbers).encode()
    monkeypatch.setattr(sheet_pieces, "piece_bytes", lambda _: size)
    found = sheet_parse.calamine_rows(xml, parts, MEMBER, "Roster")
    assert found is not None
    whole = _whole(parts, xml)
    assert [list(row) for row in found.rows()] == whole
    read = sheet_text.Cells(whole)  # the twin's text and its lines, as from the whole sheet's rows
    width = len(sheet_text.header_names(whole[0])) if whole else 0
    made = [part._body for part in found.parts if not found.truths and width >= 2]
    assert all(body is not None and body[0] == width for body in made)  # each made as the pieces were parsed
    assert (sheet_text.csv_body(found, width), found.lines) == (sheet_text.csv_body(read, width), read.lines)


def test_a_piece_is_twice_the_parts_each_piece_reads_again() -> None:
    """Each piece's parse reads the workbook's other parts again (a shared string table as Excel writes one):
    a piece is at least twice their size, so that reading them is at most a third of its parse."""
    assert sheet_pieces.piece_bytes({"xl/styles.xml": b"x" * 3000}) == sheet_pieces.PIECE_BYTES
    table = {"xl/sharedStrings.xml": b"x" * (2 << 20), "xl/styles.xml": b"x" * 1000}
    assert sheet_pieces.piece_bytes(table) == 2 * ((2 << 20) + 1000)


def test_the_cuts_fall_on_numbered_rows_only(tmp_path: Path) -> None:
    xml = (HEAD + '<row r="1"><c r="A1"><v>1</v></c></row><row><c><v>2</v></c></row>' + TAIL).encode()
    assert sheet_pieces.cuts(xml, 1) == [0, len(xml)]  # a row without its number: whole
    numbered = xml.replace(b"<row>", b'<row r="2">')
    first, second = numbered.index(b"<row "), numbered.index(b'<row r="2">')
    assert sheet_pieces.cuts(numbered, 1) == [first, second, numbered.index(b"</sheetData>")]
    assert sheet_pieces.cuts(numbered, second - first + 1) == [first, numbered.index(b"</sheetData>")]
    assert sheet_pieces.cuts(numbered.replace(b"<row r", b"<!-- --><row r", 1), 1) == [0, len(numbered) + 8]


def test_pieces_out_of_order_are_told_and_the_rows_of_parts_are_as_wide_as_the_widest() -> None:
    assert sheet_pieces.in_order([(0, 1), (2, 2), (5, 9)])
    assert not sheet_pieces.in_order([(0, 1), (1, 1)])  # a row in two pieces
    assert not sheet_pieces.in_order([(0, 4), (2, 3)])
    parts = [sheet_text.Part(0, [[1, 2], [3, 4]]), sheet_text.Part(3, [[5]], left=1)]  # row 3 starts at column B
    assert list(sheet_text.Cells(None, parts).rows()) == [(1, 2), (3, 4), ["", ""], ("", 5)]


@pytest.mark.parametrize(
    ("xml", "formula", "error"),
    [
        ('<c r="A1"><f>1+1</f><v>2</v></c>', True, True),
        ('<c r="A2"><f t="shared" si="0"/><v>2</v></c>', True, True),
        ('<c r="A1"><x:f>SUM(A1)</x:f></c>', True, True),
        ('<c r="A1"><f\n>1</f></c>', True, True),
        ('<c r="A1" t="e"><v>#N/A</v></c>', False, True),
        ("<c r='A1' t='e'><v>#DIV/0!</v></c>", False, True),
        ('<c r="A1"\tt="e"><v>#N/A</v></c>', False, True),
        ('<c r="A1" t="inlineStr"><is><r><rPr><family val="2"/></rPr><t>e f&gt;</t></r></is></c>', False, False),
        ('<c r="A1" t="s"><v>3</v></c><c r="B1" at="e"><v>1</v></c>', False, False),
        ('<c r="A1" t="inlineStr"><is><t>t="e" f&gt; :f </t></is></c>', True, True),  # text that looks like one: the
        # fast reader declines where it cannot tell (openpyxl reads it, as right, if slower)
    ],
)
def test_a_formula_or_an_error_cell_is_found(xml: str, formula: bool, error: bool) -> None:
    data = ("<sheetData>" + xml + "</sheetData>").encode()
    assert sheet_pieces.marked(data, 0, len(data), errors=False) is formula
    assert sheet_pieces.marked(data, 0, len(data)) is error
    at = data.index(xml.encode())
    assert sheet_pieces.marked(data, at, at + len(xml)) is error  # at the very edges of the part looked at
    assert not sheet_pieces.marked(data, at + len(xml), len(data))


def test_a_formula_in_a_later_piece_sends_the_sheet_to_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = _template(tmp_path)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 40))
    xml = (HEAD + rows + '<row r="40"><c r="A40"><f>A1+1</f><v>2</v></c></row>' + TAIL).encode()
    monkeypatch.setattr(sheet_pieces, "piece_bytes", lambda _: 50)
    assert len(sheet_pieces.cuts(xml, 50)) > 10
    late = sheet_parse.calamine_rows(xml, parts, MEMBER, "Roster")
    assert late is not None and late.more is not None  # the first pieces are read: the formula, taken in later,
    late.finish()  # turns the fast reader down (SheetRows then reads the sheet through openpyxl)
    assert late.declined
    clean = sheet_parse.calamine_rows(xml.replace(b"<f>A1+1</f>", b""), parts, MEMBER, "Roster")
    assert clean is not None
    clean.finish()
    assert not clean.declined and len(clean.parts) > 10  # read in the pieces its parts' size asks for


def test_parts_no_parse_of_values_reads_are_left_out(tmp_path: Path) -> None:
    """A pivot table's cache (as big as the data, in a committee's workbook) is not copied into every piece,
    nor counted in its size; the sheet is read as before."""
    parts = _template(tmp_path)
    parts[MEMBER] = (HEAD + '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>' + TAIL).encode()
    parts["xl/pivotCache/pivotCacheRecords1.xml"] = b"<pivotCacheRecords>" + b"x" * (4 << 20) + b"</pivotCacheRecords>"
    path = tmp_path / "pivot.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        for name, part in parts.items():
            book.writestr(name, part)
    found = sheet_pieces.sheet_xml(str(path), MEMBER)
    assert found is not None and found[0] == parts[MEMBER]
    assert MEMBER not in found[1] and not any(name.startswith("xl/pivotCache/") for name in found[1])
    assert sheet_pieces.piece_bytes(found[1]) == sheet_pieces.PIECE_BYTES
    cells = sheet_parse.read_fast(str(path), MEMBER, "Roster")
    assert cells is not None and [list(row) for row in cells.rows()] == [["id"]]


def test_the_threads_parse_at_most_a_few_pieces_ahead_and_never_wait_on_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the first pieces' text is priced, the threads parse ahead, but only AHEAD pieces: the cells of a
    whole sheet are never held at once. A thread slow on one piece while the other runs ahead must not leave
    that piece without room (the taking thread waits on it): the room is taken before a piece is chosen."""
    import threading
    import time

    from python_calamine import CalamineWorkbook

    parts = _template(tmp_path)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 60))
    xml = (HEAD + rows + TAIL).encode()
    cut = sheet_pieces.cuts(xml, 40)
    monkeypatch.setattr(sheet_pieces, "AHEAD", 2)
    parsed, taken, most = [0], [0], [0]
    lock = threading.Lock()

    def parse(book: bytes) -> object:
        with lock:
            parsed[0] += 1
            first = parsed[0] == 1
        if first:
            time.sleep(0.2)  # the first piece slow: the other thread runs ahead meanwhile
        return CalamineWorkbook.from_filelike(io.BytesIO(book)).get_sheet_by_name("Roster")

    def take(*_: object) -> None:
        time.sleep(0.005)  # the text priced meanwhile
        with lock:
            taken[0] += 1
            most[0] = max(most[0], parsed[0] - taken[0])

    done: list[object] = []
    worker = threading.Thread(
        target=lambda: done.append(sheet_pieces.parsed(xml, parts, MEMBER, cut, parse, 10**6, take))
    )
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "the pieces' threads waited on each other"
    assert done and done[0] is not None and taken[0] == len(cut) - 1 > 20
    assert most[0] <= 2 + 1  # AHEAD parsed ahead of the one being taken, at most


def test_a_formula_in_an_early_piece_stops_the_threads_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many pieces left after a formula's: the threads stop without parsing them, and end (none waits for room)."""
    import threading

    parts = _template(tmp_path)
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 80))
    xml = (HEAD + '<row r="0"><c r="A0"><f>1+1</f><v>2</v></c></row>' + rows + TAIL).encode()
    monkeypatch.setattr(sheet_pieces, "AHEAD", 2)
    cut = sheet_pieces.cuts(xml, 40)
    done: list[object] = []
    worker = threading.Thread(
        target=lambda: done.append(sheet_pieces.parsed(xml, parts, MEMBER, cut, _parse, 10**6, lambda *_: None)),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive() and done == [None] and len(cut) > 40


def _parse(book: bytes) -> object:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(io.BytesIO(book)).get_sheet_by_name("Roster")


def test_rows_out_of_order_in_a_file_are_read_again_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The XML is not held while the pieces are priced: a sheet whose rows turn out of order is read again from
    its file, and parsed whole."""
    parts = _template(tmp_path)
    rows = [(1, True, 0, [("inlineStr", "E001"), ("n", "17.5")], True) for _ in range(12)]
    xml = _sheet(rows, 0, True, False, True).encode()  # the first row and the last swapped
    path = tmp_path / "swapped.xlsx"
    with zipfile.ZipFile(path, "w") as book:
        for name, part in {**parts, MEMBER: xml}.items():
            book.writestr(name, part)
    monkeypatch.setattr(sheet_pieces, "piece_bytes", lambda _: 60)
    cells = sheet_parse.read_fast(str(path), MEMBER, "Roster")
    assert cells is not None
    cells.finish()
    assert cells.whole and not cells.declined
    assert [list(row) for row in cells.rows()] == _whole(parts, xml)


def _marks_by_hand(data: bytes, errors: bool) -> bool:
    """The rule, byte by byte: an ``f`` after ``<`` or ``:`` and before ``>``, ``/`` or white space; an ``e`` in
    quotes (the same quote both sides) after ``t=`` after white space."""
    for i in range(1, len(data) - 1):
        if data[i : i + 1] == b"f" and data[i - 1 : i] in (b"<", b":") and data[i + 1 : i + 2] in b"> \t\r\n/":
            return True
    if errors:
        for i in range(5, len(data) - 1):
            quote = data[i - 1 : i]
            quoted = data[i : i + 1] == b"e" and quote in (b'"', b"'") and data[i + 1 : i + 2] == quote
            if quoted and data[i - 3 : i - 1] == b"t=" and data[i - 4 : i - 3] in (b" ", b"\t", b"\r", b"\n"):
                return True
    return False


_PIECES = [b"<", b":", b"f", b">", b"/", b" ", b"\t", b"\r", b"\n", b"t=", b'"', b"'", b"e", b"x", b'"e"', b"'e'"]
_PIECES += [b"<f", b":f", b" t=", b"\tt=", b"\rt=", b"\nt="]


@pytest.mark.parametrize(
    ("data", "start", "found"),
    [(b' t="e"x', 0, False), (b'x t="e"x', 0, True), (b"x\rt='e'x", 0, True), (b"x\nt='e'", 0, True),
     (b"xx<f/xx", 0, True), (b"xx:f\rxx", 0, True), (b"<f/xxx", 0, True), (b"<f/xx", 0, False)],
)  # fmt: skip
def test_marks_at_the_edges_worked_by_hand(data: bytes, start: int, found: bool) -> None:
    """An error cell's white space must not be the first byte looked at (its closing quote may be the last); a
    formula's three bytes may be the first; fewer than six bytes hold no mark."""
    assert sheet_pieces.marked(data, start, len(data)) is found


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16).map(b"".join), st.data())
def test_marks_are_found_as_the_rule_reads_them_byte_by_byte(data: bytes, drawn: st.DataObject) -> None:
    start = drawn.draw(st.integers(0, len(data)))
    end = drawn.draw(st.integers(start, len(data)))
    for errors in (False, True):
        expected = end - start >= 6 and _marks_by_hand(data[start:end], errors)
        assert sheet_pieces.marked(data, start, end, errors) is expected
