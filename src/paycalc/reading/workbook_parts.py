"""A workbook's sheets as its own XML names them (``xl/workbook.xml`` and its relationships), read without
parsing a cell: which sheet :mod:`paycalc.reading.sheets` reads, in which part of the zip, and the date system."""

from __future__ import annotations


class Structure:
    """A workbook's sheets as its own XML names them (``xl/workbook.xml`` and its relationships): names, kinds,
    visibility, each sheet's part and the date system, read without parsing a cell (openpyxl's read-only load
    parses every shared string first). None where the XML is not as a plain workbook writes it."""

    def __init__(self, sheets: list[tuple[str, str, bool]], date1900: bool) -> None:
        self._sheets = sheets  # (name, part in the zip, hidden)
        self.date1900 = date1900

    @classmethod
    def of(cls, path: str) -> Structure | None:
        import posixpath
        import zipfile
        from xml.etree import ElementTree

        main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
        try:
            with zipfile.ZipFile(path) as archive:
                book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
                links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
            return None
        targets = {link.get("Id"): link.get("Target", "") for link in links}
        sheets = []
        for entry in book.iter(f"{main}sheet"):
            target = targets.get(entry.get(f"{rel}id"))
            if target is None:
                return None
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            hidden = entry.get("state", "visible") != "visible"
            sheets.append((entry.get("name", ""), part, hidden))
        properties = book.find(f"{main}workbookPr")
        date1904 = properties is not None and properties.get("date1904", "0").lower() in ("1", "true")
        return cls(sheets, not date1904) if sheets else None

    def sheets(self) -> tuple[list[str], list[str], list[str]]:
        """Every sheet's name, those of rows (worksheets, not charts), and those of rows that are visible."""
        names = [name for name, _, _ in self._sheets]
        tables = [name for name, part, _ in self._sheets if part.startswith("xl/worksheets/")]
        visible = [name for name, part, hidden in self._sheets if part.startswith("xl/worksheets/") and not hidden]
        return names, tables, visible

    def member(self, sheet: str) -> str | None:
        return next((part for name, part, _ in self._sheets if name == sheet), None)
