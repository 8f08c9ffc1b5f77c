"""What an offer does cell by cell on a step contract (#31): ``propose`` and the costing report show each
column and step, its rate in the base schedule and in the offer's, and the change.

The offer is the bundled example ``lunenburg-fy29`` (3%, the High School column 4%, a step 12 at 2.5% over
step 11, rounded to the cent half up) on the corrected FY28 scale ("2028 Pay Scale" in the district's
document): High School step 1 $18.47 and step 11 $27.89, Associate's step 1 $18.67.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
CENT = Decimal("0.01")


def up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _propose(*options: str) -> str:
    result = runner.invoke(app, ["propose", "lunenburg-fy29", "--contract", "lunenburg-paras", *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_each_column_and_step_old_new_and_the_change() -> None:
    (schedule,) = json.loads(_propose("-f", "json"))["schedules"]
    cells = {(c["title"], c["step"]): c for c in schedule["cells"]}
    assert len(cells) == 4 * 12  # four columns, steps 1 to 12
    first = cells[("High School", "step 1")]
    new = up(Decimal("18.47") * Decimal("1.04"))  # 19.2088 -> 19.21
    assert (first["old"], first["new"], first["change"]) == ("18.47", str(new), str(new - Decimal("18.47")))
    assert first["percent"] == str(up((new - Decimal("18.47")) / Decimal("18.47") * 100))  # 4.01
    other = cells[("Associate's", "step 1")]
    assert (other["old"], other["new"]) == ("18.67", str(up(Decimal("18.67") * Decimal("1.03"))))
    assert not first["added"]


def test_an_added_step_is_marked_and_starts_from_the_top_step() -> None:
    (schedule,) = json.loads(_propose("-f", "json"))["schedules"]
    (top,) = [c for c in schedule["cells"] if c["title"] == "High School" and c["step"] == "step 12"]
    step_11 = up(Decimal("27.89") * Decimal("1.04"))  # 29.0056 -> 29.01
    assert top["added"] is True
    assert (top["old"], top["new"]) == ("27.89", str(up(step_11 * Decimal("1.025"))))  # 29.73525 -> 29.74
    assert sum(c["added"] for c in schedule["cells"]) == 4  # one new step in each column


def test_the_table_fits_80_columns_and_names_the_base() -> None:
    text = _propose()
    section = text[text.index("Cell by cell, against the base schedule of 2027-07-01") :]
    assert max(map(len, section.splitlines())) <= 80
    lines = [line.split() for line in section.splitlines()]
    assert ["High", "School", "step", "1", "$18.47", "$19.21", "+$0.74", "+4.01%"] in lines
    assert any(line[:3] == ["step", "12", "(new)"] for line in lines)


def test_a_longevity_contract_has_no_cell_table() -> None:
    result = runner.invoke(app, ["propose", "uft-2019-2022", "-f", "json"])
    assert result.exit_code == 0
    assert all("cells" not in schedule for schedule in json.loads(result.stdout)["schedules"])
    assert "Cell by cell" not in runner.invoke(app, ["propose", "uft-2019-2022"]).stdout


def test_the_report_shows_the_grid(tmp_path: Path) -> None:
    roster = tmp_path / "paras.csv"
    roster.write_text("id,title,hired\n1,High School,2020-09-01\n")
    page = tmp_path / "costing.html"
    args = ["cost", "--contract", "lunenburg-paras", "--roster", str(roster), "--proposal", "lunenburg-fy29"]
    result = runner.invoke(app, [*args, "--from", "2027-07-01", "--to", "2029-06-30", "-f", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text()
    assert "<strong>Cell by cell</strong>" in html
    assert '<span class="nw">$18.47 → $19.21</span><br><span class="nw muted">+$0.74 (+4.01%)</span>' in html
    assert html.count('<th scope="row"><span class="nw">step') == 12
    assert "step 12 (new)" in html
