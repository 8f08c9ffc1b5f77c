"""Files that are not what a roster command reads, said for what they are, retro and cost alike: a workbook given
where CSV text is read (piped to stdin, or saved under a .csv name), not "line 1: not UTF-8 text"; a CSV pandas
wrote with its index, whose first column has no name."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from paycalc.cli import app

COST = ["cost", "--proposal", "moa-2014", "--from", "2014-01-01", "--to", "2015-06-30"]


@pytest.mark.parametrize("command", [["retro"], COST])
@pytest.mark.parametrize("given", ["stdin", "a .csv name"])
def test_a_workbook_given_as_csv_text_is_said_to_be_a_workbook(tmp_path: Path, command: list[str], given: str) -> None:
    """An .xlsx piped to stdin or saved under a .csv name: one line saying it is a workbook and how to give it,
    not "line 1: not UTF-8 text"."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "title", "hired", "from", "to"])
    path = tmp_path / "members.xlsx"
    book.save(path)
    if given == "stdin":
        done = CliRunner().invoke(app, [command[0], "--roster", "-", *command[1:]], input=path.read_bytes())
        name = "stdin"
    else:
        (tmp_path / "members.csv").write_bytes(path.read_bytes())
        done = CliRunner().invoke(app, [command[0], "--roster", str(tmp_path / "members.csv"), *command[1:]])
        name = str(tmp_path / "members.csv")
    assert (done.exit_code, done.stdout) == (1, "")
    assert done.stderr.startswith(f"Error: {name}: an .xlsx workbook, not CSV text (give the workbook by its path")
    assert "--roster members.xlsx" in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.parametrize("command", [["retro"], COST])
@pytest.mark.parametrize("given", ["stdin", "a .csv name"])
def test_a_workbook_whose_zip_header_holds_a_line_feed_is_said_to_be_a_workbook(
    tmp_path: Path, command: list[str], given: str
) -> None:
    """A zip's first entry header holds its time as two bytes: saved at 01:18:40 they are ``T\\n``, so its first
    "line" is ASCII, and the file was called "line 2: not UTF-8 text" (a test of the workbook saved now failed
    from 01:16 to 01:23 each day)."""
    import zipfile

    path = tmp_path / "members.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=(2026, 12, 8, 1, 18, 40)), "\xff" * 40)
    raw = path.read_bytes()
    assert raw.index(b"\n") == 11 and raw[:11].decode("ascii")  # the first line UTF-8, as it was
    source = "-" if given == "stdin" else str(tmp_path / "members.csv")
    if given != "stdin":
        (tmp_path / "members.csv").write_bytes(raw)
    done = CliRunner().invoke(app, [command[0], "--roster", source, *command[1:]], input=raw)
    assert (done.exit_code, done.stdout) == (1, "")
    name = "stdin" if given == "stdin" else source
    assert done.stderr.startswith(f"Error: {name}: an .xlsx workbook, not CSV text (give the workbook by its path")


@pytest.mark.parametrize("command", [["retro"], COST])
def test_a_pandas_index_is_said_to_be_one(tmp_path: Path, command: list[str]) -> None:
    """``df.to_csv(path)`` writes the index as a first column with no name: refused, as any column with no name
    is, and said how to write the file without it."""
    path = tmp_path / "members.csv"
    path.write_text(",id,title,hired,from,to\n0,E1,Teacher Aide,2005-09-01,2014-01-01,2015-06-30\n")
    done = CliRunner().invoke(app, [command[0], "--roster", str(path), *command[1:]])
    assert (done.exit_code, done.stdout) == (1, "")
    assert done.stderr.startswith(f"Error: {path}: column A has no name in the header (an index written by pandas?")
    assert "df.to_csv(path, index=False)" in done.stderr and done.stderr.count("\n") == 1
    path.write_text("id,title,,hired,from,to\nE1,Teacher Aide,,2005-09-01,2014-01-01,2015-06-30\n")
    done = CliRunner().invoke(app, [command[0], "--roster", str(path), *command[1:]])
    assert "column C has no name in the header (accepted:" in done.stderr  # not a first column: no such guess


def _ods() -> bytes:
    """An OpenDocument spreadsheet's first bytes: a zip whose first entry, stored, is its mimetype."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


SAVE = "(paycalc reads .xlsx workbooks and CSV: save it as an Excel Workbook, .xlsx, or as CSV UTF-8)"
KINDS = {
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), f"an Excel 97-2003 workbook (.xls), not CSV text {SAVE}"),
    "ods": (_ods(), f"an OpenDocument spreadsheet (.ods), not CSV text {SAVE}"),
    "utf-16": (
        "id,title,hired\n".encode("utf-16"),
        'UTF-16 text, as Excel saves "Unicode Text" (save the sheet as CSV',
    ),
}


@pytest.mark.parametrize("command", [["retro"], COST])
@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("given", ["stdin", "a file"])
def test_a_spreadsheet_programs_own_file_is_said_to_be_one(
    tmp_path: Path, command: list[str], kind: str, given: str
) -> None:
    """An old Excel workbook, an OpenDocument one, Excel's "Unicode Text": each said for what it is and what to
    save it as, not "line 1: not UTF-8 text"."""
    data, said = KINDS[kind]
    path = tmp_path / f"members.{'txt' if kind == 'utf-16' else kind}"
    path.write_bytes(data)
    source = "-" if given == "stdin" else str(path)
    done = CliRunner().invoke(
        app, [command[0], "--roster", source, *command[1:]], input=data if source == "-" else None
    )
    assert (done.exit_code, done.stdout) == (1, "")
    assert done.stderr.startswith(f"Error: {'stdin' if source == '-' else path}: {said}")
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("command", [["retro"], COST])
@pytest.mark.parametrize(
    ("name", "said"),
    [
        (b"Nu\xf1ez", 'line 3: not UTF-8 text (Windows-1252, as Excel\'s "CSV (Comma delimited)" saves it? save the'
                      ' file as "CSV UTF-8 (Comma delimited)")'),
        (b"Nu\x81ez", "line 3: not UTF-8 text (save the file as CSV UTF-8)"),  # 0x81: no Windows-1252 letter
    ],
)  # fmt: skip
def test_a_line_in_another_encoding_is_named(tmp_path: Path, command: list[str], name: bytes, said: str) -> None:
    """A name saved by Excel's "CSV (Comma delimited)" on Windows (ñ a byte, 0xF1): its line, and how to save
    the file; a byte no encoding paycalc knows of explains: its line alone."""
    path = tmp_path / "members.csv"
    row = b"E%d,Teacher Aide,2005-09-01,2014-01-01,2015-06-30,"
    path.write_bytes(b"id,title,hired,from,to,name\n" + row % 1 + b"Lee\n" + row % 2 + name + b"\n")
    done = CliRunner().invoke(app, [command[0], "--roster", str(path), *command[1:]])
    assert (done.exit_code, done.stdout) == (1, "")
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]  # (a note on the name first)
    assert len(errors) == 1 and errors[0].startswith(f"Error: {path}: {said}")


def test_only_the_first_line_says_what_kind_of_file_it_is(tmp_path: Path) -> None:
    """A later line that starts with the bytes of a UTF-16 mark (an id ``ÿþ1`` in Windows-1252) is 8-bit text,
    not a UTF-16 file."""
    path = tmp_path / "members.csv"
    path.write_bytes(b"id,title,hired,from,to\n\xff\xfe1,Teacher Aide,2005-09-01,2014-01-01,2015-06-30\n")
    done = CliRunner().invoke(app, ["retro", "--roster", str(path)])
    assert done.exit_code == 1
    assert done.stderr.startswith(f"Error: {path}: line 2: not UTF-8 text (Windows-1252, as Excel's")
