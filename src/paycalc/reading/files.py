"""A user's roster file as bytes and lines: opened (a file, or stdin for ``-``), decoded a line at a time so an error
names its line, and cut into byte ranges for processes that read their own. The only code that opens a roster
as text; the spreadsheet reader is :mod:`paycalc.reading.sheets`."""

from __future__ import annotations

import csv
import io
import os
import stat
import sys
from array import array
from collections.abc import Iterator
from typing import IO, BinaryIO

from paycalc.contract.errors import InputError

SAVE_AS = "paycalc reads .xlsx workbooks and CSV: save it as an Excel Workbook, .xlsx, or as CSV UTF-8"


class NotUtf8(InputError):
    def __init__(self, line: int, raw: bytes = b"") -> None:
        """Line ``line`` (its bytes ``raw``) is not UTF-8: a file of another kind is said to be one by its first
        line (a workbook, a spreadsheet program's own file, UTF-16 text), 8-bit text by the line."""
        self.line = line
        super().__init__((_kind(raw) if line == 1 else None) or _not_utf8(line, raw))


def _kind(first: bytes) -> str | None:
    """What a file whose first line is ``first`` is, where it is no text: a workbook or UTF-16 text."""
    if first.startswith(b"PK\x03\x04") and b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in first:
        return f"an OpenDocument spreadsheet (.ods), not CSV text ({SAVE_AS})"
    if first.startswith(b"PK\x03\x04"):  # a zip: an .xlsx workbook given as stdin, or under another name
        return "an .xlsx workbook, not CSV text (give the workbook by its path, named .xlsx: --roster members.xlsx)"
    if first.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # the compound file of Excel 97-2003
        return f"an Excel 97-2003 workbook (.xls), not CSV text ({SAVE_AS})"
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):  # a byte-order mark of UTF-16
        return 'UTF-16 text, as Excel saves "Unicode Text" (save the sheet as CSV UTF-8)'
    return None


def _not_utf8(line: int, raw: bytes) -> str:
    """A line of text not UTF-8: Windows-1252 where every byte is one of its characters (Excel's "CSV (Comma
    delimited)" on Windows writes its letters a byte each)."""
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return f"line {line}: not UTF-8 text (save the file as CSV UTF-8)"
    return (
        f'line {line}: not UTF-8 text (Windows-1252, as Excel\'s "CSV (Comma delimited)" saves it? save the file '
        'as "CSV UTF-8 (Comma delimited)")'
    )


def open_binary(source: str, what: str) -> IO[bytes]:
    """A file, or stdin for '-', as bytes; a folder or a missing stdin is an :class:`InputError`."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None or sys.stdin.closed:
            raise InputError(f"no standard input to read the {what} from (give a file path)")
        return stream  # type: ignore[no-any-return]
    try:
        if stat.S_ISDIR(os.stat(source).st_mode):
            raise InputError(f"cannot read the {what} {source}: it is a folder (a CSV file, or '-' for stdin)")
        return open(source, "rb")
    except OSError as exc:
        raise InputError(f"cannot read the {what} {source}: {exc.strerror} (a CSV file, or '-' for stdin)") from None


def csv_words(exc: Exception, limit: int) -> str:
    """What the csv module could not read, said for a person (its own text speaks of Python's file modes)."""
    said = str(exc)
    if "new-line character" in said:
        return "a carriage return inside a line (save the file with ordinary line ends, or quote the cell)"
    if "field larger than field limit" in said:
        return f"a cell longer than {limit:,} characters"
    return said


def text_lines(stream: IO[bytes]) -> Iterator[str]:
    """The stream's lines as text, decoded one line at a time so an error names its line; a BOM is skipped."""
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if number == 1 and raw.startswith(b"PK\x03\x04"):  # a zip, whose first "line" (up to a byte of its
            raise NotUtf8(number, raw)  # header's time that happens to be a line feed) may be UTF-8: no text
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            raise NotUtf8(number, raw) from None


def lines_from(path: str, start: int, stop: int, header: int) -> bytes:
    """The whole lines of ``path`` that begin at an offset from ``start`` to before ``stop`` (a line at
    ``header``, the first after the header, begins there): the lines of a file cut into byte ranges, each
    line in exactly one range, for processes that read their own ranges."""
    with open(path, "rb") as file:
        begin = _begin(file, start, header)
        if begin >= stop:
            return b""
        data = file.read(stop - begin)
        if not data.endswith(b"\n"):
            data += file.readline()
    return data


def mean_line(path: str, header: int) -> float | None:
    """The mean length of the whole lines in the first 64 KiB after the header (``header`` bytes); None where
    there is none, or the file cannot be read (read a moment ago: the blocks' reads say what is wrong now)."""
    try:
        with open(path, "rb") as file:
            file.seek(header)
            sample = file.read(1 << 16)
    except OSError:
        return None
    lines = sample.count(b"\n")
    return (sample.rfind(b"\n") + 1) / lines if lines else None


def _begin(file: BinaryIO, start: int, header: int) -> int:
    """Where the first line that begins at ``start`` or after it begins (``header``: the first after the
    header), the file left there."""
    if start > header:
        file.seek(start - 1)
        file.readline()  # the end of the line begun before ``start`` (at ``start - 1``: just its line feed)
        return file.tell()
    file.seek(header)
    return header


class LineNumbers:
    """The number of the line (the header's is 1) each byte range of :func:`lines_from` begins with, for
    ranges asked in the file's order: the file read once, up to the last range asked, counting line feeds."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._at = 0  # bytes counted
        self._feeds = 0  # line feeds in them

    def first(self, start: int, header: int) -> int:
        with open(self.path, "rb") as file:
            begin = _begin(file, start, header)
            file.seek(self._at)
            while self._at < begin:
                chunk = file.read(min(1 << 20, begin - self._at))
                if not chunk:
                    break
                self._feeds += chunk.count(b"\n")
                self._at += len(chunk)
        return self._feeds + 1


_read: dict[tuple[str, int, int], array[int] | None] = {}  # a file's rows' lines, by path, time and size


def row_lines(path: str, numbers: list[int]) -> list[int]:
    """The line each of ``numbers`` (rows after the header, 1 the first) ends on, as the csv module counts lines:
    a row's number + 1, but where a blank line (skipped) or a line break inside quotes comes before it; the file
    read again only where it holds either, and once (the last file asked of is remembered)."""
    if not numbers:
        return []
    status = os.stat(path)
    key = (path, status.st_mtime_ns, status.st_size)
    if key not in _read:
        _read.clear()
        _read[key] = _lines(path)
    lines = _read[key]
    return [n + 1 if lines is None or n > len(lines) else lines[n - 1] for n in numbers]


def _lines(path: str) -> array[int] | None:
    """Each row's last line, as the csv module counts them; None where each is its number + 1."""
    with open(path, "rb") as file:
        data = file.read()
    if b"\n\n" not in data and b"\n\r\n" not in data and b'"' not in data:
        return None
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    next(reader, None)  # the header
    return array("q", (reader.line_num for row in reader if row))
