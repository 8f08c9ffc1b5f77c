"""CSV lines made from arrays (``output.csv_lines``): the two ways of laying parts out, and cells written back
as the csv module writes them, held to lines joined and cells quoted by hand."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from paycalc.output import csv_bytes, csv_lines
from paycalc.output.csv_bytes import Plainness
from paycalc.output.files import SPREADSHEET_TRIGGERS as TRIGGERS


def parts_of(columns: list[list[bytes]]) -> list[csv_lines.Part]:
    """Each column of cells a part: its cells one after the other in one buffer."""
    parts = []
    for column in columns:
        lengths = np.array([len(cell) for cell in column], dtype=np.int64)
        buffer = np.frombuffer(b"".join(column) or b"\0", dtype=np.uint8)
        parts.append(csv_lines.Part(buffer, np.cumsum(lengths) - lengths, lengths))
    return parts


CELLS = st.one_of(st.binary(max_size=6), st.binary(min_size=300, max_size=700), st.just(b"ab"))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4).flatmap(lambda width: st.lists(st.lists(CELLS, min_size=width, max_size=width), max_size=20)))
def test_each_layout_puts_each_part_of_a_line_in_place(rows: list[list[bytes]]) -> None:
    """Parts of every width (empty on some lines or all, one cell far wider than the rest, the same bytes on
    every line), laid out as a matrix's rows or byte by byte by index: each line its parts joined."""
    assume(rows)
    parts = parts_of([[row[n] for row in rows] for n in range(len(rows[0]))])
    expected = b"".join(b"".join(row) for row in rows)
    assert csv_lines.lines(parts) == expected
    kept = [part for part in parts if part.lengths.any()]
    if kept:
        assert csv_lines._padded(kept, [int(part.lengths.max()) for part in kept]) == expected
        assert csv_lines._gathered(kept) == expected


def test_a_cell_far_wider_than_the_rest_is_laid_out_by_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand short lines and one cell of 40,000 bytes: a matrix as wide as that cell would hold 40 MB of
    padding, so the lines are laid out by index; short lines, as a matrix."""

    def refused(parts: object, widths: object) -> bytes:
        raise AssertionError("laid out as a matrix")

    monkeypatch.setattr(csv_lines, "_padded", refused)
    parts = parts_of([[b"x"] * 999 + [b"y" * 40_000], [b"\n"] * 1000])
    assert csv_lines.lines(parts) == b"x\n" * 999 + b"y" * 40_000 + b"\n"
    with pytest.raises(AssertionError, match="as a matrix"):
        csv_lines.lines(parts_of([[b"x"] * 999 + [b"y" * 40], [b"\n"] * 1000]))


CELL = st.text(alphabet='ab ,=-"\tñ', max_size=5)


def by_hand(text: str) -> str:
    """A cell as the csv module writes it after the formula guard: a ``'`` before a cell a spreadsheet would
    run, then in quotes (each quote doubled) if it holds a comma or a quote."""
    text = "'" + text if text.startswith(TRIGGERS) else text
    return '"' + text.replace('"', '""') + '"' if "," in text or '"' in text else text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.tuples(CELL, st.booleans()), min_size=4, max_size=4), min_size=1, max_size=6),
    st.lists(st.integers(0, 3), min_size=1, max_size=4, unique=True),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
@example([[("a, ", True), ("b", False), (" c,", True), ("d", False)]], [0, 1, 2], "\n", True)
@example([[("", False), ('"', False), ('"', False), ("", True)]], [0, 1, 2, 3], "\n", False)  # ``,",",""``: an
# empty quoted cell, then a short line's missing cell just past its closing quote (it was copied as a span)
def test_cells_are_written_back_as_the_csv_module_writes_them(
    rows: list[list[tuple[str, bool]]], chosen: list[int], end: str, trim: bool
) -> None:
    """Cells bare or in quotes (needed or not), empty ones, columns side by side in the roster or not, in any order,
    lines ending in a line feed or Windows', each cell trimmed of the spaces around it as the rules read it or not
    (``"Smith, Jane "``: a cell in quotes whose quotes are not its text's first and last bytes): the columns chosen
    written as a line each, guarded and quoted as by hand, whether copied as spans or cell by cell."""
    lines = [",".join('"' + c.replace('"', '""') + '"' if quoted else c for c, quoted in row) for row in rows]
    try:
        cells = csv_bytes.split((end.join(lines) + end).encode(), 4, trim=trim)
    except Plainness:  # a cell the csv module reads otherwise (a lone quote in a bare cell): not read in columns
        return
    read = [[*row, "", "", ""][:4] for row in csv.reader(io.StringIO("\n".join(lines) + "\n"))]  # as csv.DictReader
    # reads a short line (a quote opening a cell that takes the commas after it): its missing cells blank
    parts = csv_lines.written(cells, np.arange(len(rows)), chosen, TRIGGERS)
    got = csv_lines.lines([*parts, csv_lines.constant(b"\n", len(rows))]).decode()
    read = [[cell.strip(" \t") if trim else cell for cell in row] for row in read]
    assert got == "".join(",".join(by_hand(row[n]) for n in chosen) + "\n" for row in read)


def test_an_empty_quoted_cell_before_a_short_lines_missing_cells_is_written_blank(tmp_path: Path) -> None:
    """``...,""`` on lines shorter than the header: the columns copied the empty name and the missing school as one
    span of the roster's bytes, the name's closing quote and all (``A2,",1,...``: one cell where two blank ones
    are, the line's cells shifted); the columns now write what row by row writes."""
    from typer.testing import CliRunner

    from paycalc.cli import app

    source = tmp_path / "members.csv"
    source.write_text(
        "id,title,hired,from,to,name,school\n"
        + "".join(f'A{n},Teacher Aide,2005-09-01,2013-05-01,2014-09-30,""\n' for n in range(1, 7))
    )
    runs = [CliRunner().invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": mode})
            for mode in ("1", "")]  # fmt: skip
    assert runs[0].exit_code == runs[1].exit_code == 0
    assert runs[1].stdout == runs[0].stdout
    assert [line.split(",")[:3] for line in runs[1].stdout.splitlines()[1:]] == [[f"A{n}", "", ""] for n in range(1, 7)]
