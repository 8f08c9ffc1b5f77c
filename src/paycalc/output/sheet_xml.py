"""A workbook written as its own XML (Office Open XML, SpreadsheetML), streamed into the zip row by row: about
twenty times openpyxl's write-only speed, which built an element tree for every cell (130 µs a row of a roster's
totals). It writes what :mod:`paycalc.output.spreadsheet` asks for and nothing else: typed cells by one of a
fixed set of styles, frozen rows, column widths, a sheet per table. openpyxl, Excel, LibreOffice and calamine read
it (the tests read every workbook paycalc writes back through openpyxl).
"""

from __future__ import annotations

import contextlib
import datetime
import re
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO, Any, NamedTuple

from paycalc.contract.inputs import column_letter

# the cell styles (the index of each in styles.xml's cellXfs): number formats by Excel's built-in ids, 164 ours
GENERAL, TEXT, TEXT_KEPT, MONEY, PERCENT, DATE, WHOLE, HEADING = range(8)
_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>\
</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>\
</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>\
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EPOCH = datetime.date(1899, 12, 30)  # day 0 of the 1900 date system, as spreadsheets count past its 29 Feb 1900
# characters XML 1.0 cannot hold, written as the format's own escape (_x0001_), and text that looks like one
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _text(value: str) -> str:
    """A string as a cell's ``<t>`` holds it: escaped for XML, characters it cannot hold as ``_xHHHH_``."""
    if _UNSAFE.search(value):
        value = _UNSAFE.sub(lambda found: f"_x{ord(found[0]):04X}_", value)
    # a carriage return as a reference: XML reads a bare one as a line feed
    return _escaped(value).replace("\r", "&#13;")


def _escaped(value: str) -> str:
    """``&``, ``<`` and ``>`` as XML's references (what ``xml.sax.saxutils.escape`` does: that module imports
    urllib and http, a twentieth of a second on every roster run)."""
    return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _attribute(value: str) -> str:
    """A value as an XML attribute, in its quotes, as ``xml.sax.saxutils.quoteattr`` writes it."""
    value = _escaped(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


class Built(NamedTuple):
    """Rows already written as XML (``<row>`` elements), the number of the first, and how many."""

    xml: bytes
    first: int
    rows: int


class Sheet:
    """One sheet's XML, written to the zip as rows come."""

    def __init__(self, out: IO[bytes], frozen: int, widths: Sequence[float]) -> None:
        self.out = out
        self.waiting: list[str] = []  # rows not yet written: the zip compresses them a few hundred at a time
        self.row = 0
        self.letters: list[str] = []
        view = ""
        if frozen:
            top = f"A{frozen + 1}"
            view = (
                f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{frozen}" topLeftCell="{top}" '
                f'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="{top}" '
                f'sqref="{top}"/></sheetView></sheetViews>'
            )
        cols = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>' for n, w in enumerate(widths, 1))
        self._write(f"{_HEAD}<worksheet {_MAIN}>{view}" + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>")

    def _write(self, text: str) -> None:
        self.waiting.append(text)
        if len(self.waiting) >= 512:
            self._flush()

    def _flush(self) -> None:
        self.out.write("".join(self.waiting).encode("utf-8"))
        self.waiting.clear()

    def append(self, cells: Sequence[tuple[int, Any]] | Built) -> None:
        """A row of ``(style, value)`` cells (a None value leaves its cell empty), or rows :class:`Built`."""
        if isinstance(cells, Built):
            if cells.first != self.row + 1:  # rows numbered otherwise than where they go: a bug, never written
                raise ValueError(f"rows built from row {cells.first} given at row {self.row + 1}")
            self._flush()
            self.out.write(cells.xml)
            self.row += cells.rows
            return
        self.row += 1
        while len(self.letters) < len(cells):
            self.letters.append(column_letter(len(self.letters)))
        row = str(self.row)
        parts = [f'<row r="{row}">']
        for (style, value), letter in zip(cells, self.letters, strict=False):
            kind = value.__class__
            if kind is Decimal or kind is int:  # the usual cells first: money and counts
                parts.append(f'<c r="{letter}{row}" s="{style}"><v>{value}</v></c>')
            elif value is None:
                continue
            elif isinstance(value, bool):
                parts.append(f'<c r="{letter}{row}" s="{style}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, str):
                space = ' xml:space="preserve"' if value != value.strip() or "\n" in value else ""
                parts.append(
                    f'<c r="{letter}{row}" s="{style}" t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
                )
            else:
                parts.append(f'<c r="{letter}{row}" s="{style}"><v>{_number(value)}</v></c>')
        parts.append("</row>")
        self._write("".join(parts))

    def close(self) -> None:
        self.waiting.append("</sheetData></worksheet>")
        self._flush()
        self.out.close()


def _number(value: Any) -> str:
    """A cell's number: a date as its day count from :data:`EPOCH` (and a time as its part of a day)."""
    if isinstance(value, datetime.datetime):
        moment = value - datetime.datetime(1899, 12, 30, tzinfo=value.tzinfo)
        return repr(moment.days + moment.seconds / 86400 + moment.microseconds / 86400e6)
    if isinstance(value, datetime.date):
        return str((value - EPOCH).days)
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    raise TypeError(f"a workbook cell cannot hold {type(value).__name__}")


class Book:
    """A workbook being written: :meth:`sheet` opens each sheet in turn, :meth:`close` writes the parts that
    name them."""

    def __init__(self, out: IO[bytes]) -> None:
        self.zip = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self.names: list[str] = []

    def sheet(self, name: str, frozen: int, widths: Sequence[float]) -> Sheet:
        self.names.append(name)
        part = self.zip.open(f"xl/worksheets/sheet{len(self.names)}.xml", "w", force_zip64=True)
        return Sheet(part, frozen, widths)

    def close(self) -> None:
        count = range(1, len(self.names) + 1)
        sheets = "".join(
            f'<sheet name={_attribute(name)} sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(self.names, 1)
        )
        parts = {
            "[Content_Types].xml": (
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.'
                'openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                + "".join(
                    f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.spreadsheetml.worksheet+xml"/>'
                    for n in count
                )
                + "</Types>"
            ),
            "_rels/.rels": (
                f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" Type="{_RELS}/officeDocument" '
                'Target="xl/workbook.xml"/></Relationships>'
            ),
            "xl/workbook.xml": (
                f'<workbook {_MAIN} xmlns:r="{_RELS}"><bookViews><workbookView/></bookViews>'
                f"<sheets>{sheets}</sheets></workbook>"
            ),
            "xl/_rels/workbook.xml.rels": (
                f'<Relationships xmlns="{_PACKAGE}">'
                + "".join(
                    f'<Relationship Id="rId{n}" Type="{_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                    for n in count
                )
                + f'<Relationship Id="rId{len(self.names) + 1}" Type="{_RELS}/styles" Target="styles.xml"/>'
                + "</Relationships>"
            ),
        }
        for name, xml in parts.items():
            self.zip.writestr(name, _HEAD + xml)
        self.zip.writestr("xl/styles.xml", _STYLES)
        self.zip.close()


Rows = Iterable[Sequence[tuple[int, Any]] | Built]


def write(out: IO[bytes], sheets: Iterable[tuple[str, int, Sequence[float], Rows]]) -> None:
    """A workbook of ``sheets``, each its name, the rows frozen at its top, its columns' widths and its rows of
    ``(style, value)`` cells."""
    book = Book(out)
    try:
        for name, frozen, widths, rows in sheets:
            sheet = book.sheet(name, frozen, widths)
            try:
                for row in rows:
                    sheet.append(row)
            finally:
                sheet.close()
    except BaseException:  # the zip closed while ``out`` is open (the caller discards it), not later by its finalizer
        with contextlib.suppress(Exception):
            book.zip.close()
        raise
    book.close()
