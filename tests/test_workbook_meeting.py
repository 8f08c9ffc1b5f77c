"""The costing workbook as a committee opens it in a meeting (#31): every figure visible (columns as wide as
their widest figure as Excel shows it), the header frozen, money and percents formatted, numbers as numbers
and ids as text. Read back from the file's styles with openpyxl; the widths are worked out here from the
figures read back, not from paycalc's sizing. Where LibreOffice is installed, the workbook is also rendered
to PDF and read back as printed."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
ROSTER = (
    "Employee ID,Name,Grade,Badge,Title,Hire Date\n"
    '007,"Diaz, Ana",3,0042,Teacher Aide,2014-03-01\n'
    "008,Ortiz,4,1234567890123456,Ed. Asst. B,2000-01-10\n"  # 16 digits: past what a spreadsheet keeps exact
    + "".join(f"{n:03d},Lee Min-jun,12,{n},Ed. Asst. B,2000-01-10\n" for n in range(9, 48))
)  # 41 members: a payroll past a million, whose thousands separators widen its column
OFFER = "name: three percent\nbase: 2018-06-16\nchanges:\n  - {effective: 2018-07-01, percent: 3}\n"


def shown(value: object, number_format: str) -> str:
    """A cell as a spreadsheet shows it under its format."""
    if number_format == "#,##0.00":
        return f"{Decimal(str(value)):,.2f}"
    if number_format == "0.00%":
        return f"{Decimal(str(value)) * 100:.2f}%"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return "" if value is None else str(value)


def test_every_figure_fits_its_column_and_the_header_stays_in_view(tmp_path: Path) -> None:
    roster, offer, book = tmp_path / "members.csv", tmp_path / "three.yaml", tmp_path / "costing.xlsx"
    roster.write_text(ROSTER)
    offer.write_text(OFFER)
    args = ["cost", "--roster", str(roster), "--proposal", str(offer), "--from", "2018-07-01", "--to", "2020-06-30"]
    result = runner.invoke(app, [*args, "-o", str(book)])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(book)
    for sheet in workbook:
        assert sheet.freeze_panes == "A3", sheet.title  # the title row and the header row stay in view
        title = sheet["A1"]
        contract = "NYC Board of Education - UFT Paraprofessional Agreement 2009-2018"
        said = f"{contract}: three percent against the status quo, 2018-07-01 to 2020-06-30 ({sheet.title})"
        assert title.font.b and title.value == said
        assert sheet["B1"].value is None
        for column in sheet.iter_cols(min_row=2):  # the title row runs across the columns on its own
            letter = column[0].column_letter
            widest = max(len(shown(cell.value, cell.number_format)) for cell in column)
            width = sheet.column_dimensions[letter].width
            assert width >= min(widest + 1, 60), (sheet.title, letter, widest, width)
    payroll = max(row[0].value for row in workbook["Summary"].iter_cols(min_col=9, max_col=9, min_row=3))
    assert payroll > 1_000_000  # the roster above is large enough to test the separators' width
    summary = workbook["Summary"]
    head = [cell.value for cell in summary[2]]
    total = next(row for row in summary.iter_rows(min_row=3) if row[0].value == "total")
    percent = total[head.index("percent")]
    assert percent.number_format == "0.00%"
    assert total[head.index("increase")].number_format == "#,##0.00"
    # a 3% raise on every day of the range costs 3.00% of the status quo (rounded to the cent per member)
    assert abs(Decimal(str(percent.value)) - Decimal("0.03")) < Decimal("0.0001")
    members = workbook["Per member"]
    head = [cell.value for cell in members[2]]
    first = [cell for cell in members[3]]
    assert first[head.index("id")].value == "007" and first[head.index("id")].data_type == "s"  # an id stays text
    assert first[head.index("Grade")].value == 3 and first[head.index("Grade")].number_format == "0"  # a number
    assert first[head.index("Name")].value == "Diaz, Ana"
    assert first[head.index("Badge")].value == "0042"  # a leading zero: the text it is, not 42
    second = [cell.value for cell in members[4]]
    assert second[head.index("Badge")] == "1234567890123456"  # as text: a number would lose its last digit
    assert [first[n].number_format for n, name in enumerate(head) if name.endswith("_percent")] == ["0.00%"]


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="a LibreOffice render needs soffice and pdftotext (apt-get install libreoffice-calc-nogui poppler-utils)",
)
def test_libreoffice_renders_every_figure(tmp_path: Path) -> None:
    """The workbook as LibreOffice prints it (a real render, not its styles read back): no figure shown as
    ``###`` for want of width, and every figure of the summary as its format shows it."""
    roster, offer, book = tmp_path / "members.csv", tmp_path / "three.yaml", tmp_path / "costing.xlsx"
    roster.write_text(ROSTER)
    offer.write_text(OFFER)
    args = ["cost", "--roster", str(roster), "--proposal", str(offer), "--from", "2018-07-01", "--to", "2020-06-30"]
    assert runner.invoke(app, [*args, "-o", str(book)]).exit_code == 0
    import tempfile

    # a profile of the tests' own, never the user's; kept between runs (its first start takes seconds)
    profile = f"-env:UserInstallation={(Path(tempfile.gettempdir()) / 'paycalc-tests-libreoffice').as_uri()}"
    convert = ["soffice", "--headless", profile, "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)]
    subprocess.run(convert, check=True, capture_output=True, timeout=180)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "costing.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "###" not in text
    summary = load_workbook(book)["Summary"]
    figures = [shown(cell.value, cell.number_format) for row in summary.iter_rows(min_row=3) for cell in row]
    money = [figure for figure in figures if figure[:1].isdigit() and ("," in figure or "%" in figure)]
    assert len(money) > 10
    for figure in money:
        assert figure in text, figure
