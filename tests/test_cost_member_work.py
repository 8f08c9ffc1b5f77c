"""Per-member costing rows carry what each member was priced on, each fiscal year (#31): the step or the
longevity row, and the work the contract pro-rates by, so a part-timer's figure can be audited.

Sources: the Lunenburg MOA ("deductions will be based on a 6.5 hour day", Article VIII; one step each July 1,
Section 6-1) and the FY26-FY28 scale (193 days in FY26 and FY27; FY28 "Added Patriot's Day to the annual
salary": 194); NYC: a 30-hour week (Article Four B), longevity rows at 5 and 15 years (Article Three A.1).
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
LUNENBURG = (
    "id,title,hired,hours_per_day,days\n"
    "1,High School,2020-09-01,,\n"  # step 6 on 2025-07-01, one more each July 1
    "2,Bachelor's,2025-10-01,5,180\n"  # a part-timer hired mid-year: step 1, then 2
    "3,Associate's,2026-09-01,,\n"  # hired in FY27: nothing in FY26
)
NYC = (
    "id,title,hired,hours,from,to\n"
    "A,Teacher Aide,2014-03-01,,,\n"  # 5 years on 2019-03-01, inside 2018-19
    "B,Ed. Asst. B,2000-01-10,15,,\n"  # half time, 15-year row throughout
    "C,Teacher Aide,2017-01-02,20,2018-07-01,2018-12-31\n"  # 20 hours, then 30 from January
    "C,Teacher Aide,2017-01-02,30,2019-01-01,\n"
    "D,Teacher Aide,2010-02-01,30,,2019-01-31\n"  # a title change, the same hours
    "D,Ed. Asst. B,2010-02-01,30,2019-02-01,\n"
)


def _members(tmp_path: Path, roster_text: str, name: str, *options: str) -> Path:
    roster, out = tmp_path / "roster.csv", tmp_path / name
    roster.write_text(roster_text)
    result = runner.invoke(app, ["cost", "--roster", str(roster), *options, "--per-member", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _lunenburg(tmp_path: Path, name: str) -> Path:
    options = ["--contract", "lunenburg-paras", "--paid-contract", "lunenburg-paras-posted"]
    return _members(tmp_path, LUNENBURG, name, *options, "--from", "2025-07-01", "--to", "2028-06-30")


def test_lunenburg_rows_carry_the_step_hours_and_days_of_each_year(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_lunenburg(tmp_path, "members.csv").read_text())))
    full, part, late = rows
    years = ("2025-26", "2026-27", "2027-28")
    assert [full[f"step_{y}"] for y in years] == ["step 6", "step 7", "step 8"]
    assert [full[f"hours_per_day_{y}"] for y in years] == ["6.5"] * 3  # the regular day
    assert [full[f"days_{y}"] for y in years] == ["193", "193", "194"]  # Patriot's Day added in FY28
    assert [part[f"step_{y}"] for y in years] == ["step 1", "step 2", "step 3"]
    assert [(part[f"hours_per_day_{y}"], part[f"days_{y}"]) for y in years] == [("5", "180")] * 3  # her own
    assert [late[f"step_{y}"] for y in years] == ["", "step 1", "step 2"]  # not yet hired in FY26: blank
    assert (late["days_2025-26"], late["status_quo_2025-26"]) == ("", "0.00")
    # FY28, the corrected High School step 8 ($25.06 an hour) x 6.5 hours x 194 days: $31,600.66 as printed
    assert Decimal(full["Lunenburg Paraprofessional Unit FY26-FY28_2027-28"]) == Decimal("25.06") * Decimal("6.5") * 194


def test_nyc_rows_carry_the_longevity_row_hours_and_workyear(tmp_path: Path) -> None:
    out = _members(
        tmp_path, NYC, "members.csv", "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2020-06-30"
    )
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out.read_text()))}
    assert (rows["A"]["row_2018-19"], rows["A"]["row_2019-20"]) == ("base / 5-year", "5-year")
    assert (rows["A"]["hours_2018-19"], rows["A"]["workyear_2018-19"]) == ("30", "1")  # the regular week
    assert (rows["B"]["row_2018-19"], rows["B"]["hours_2018-19"]) == ("15-year", "15")
    assert (rows["C"]["hours_2018-19"], rows["C"]["hours_2019-20"]) == ("20 / 30", "30")  # in the rows' order
    assert rows["D"]["hours_2018-19"] == "30"  # two rows, one value
    head = out.read_text().splitlines()[0].split(",")
    offer = "UFT 2019-2022 successor agreement (reconstruction)"  # the offer by its name
    assert head[4:9] == ["row_2018-19", "hours_2018-19", "workyear_2018-19", "status_quo_2018-19", f"{offer}_2018-19"]


def test_the_json_and_the_workbook_carry_them_too(tmp_path: Path) -> None:
    (_, part, _) = json.loads(_lunenburg(tmp_path, "members.json").read_text())
    assert {k: part["periods"][0][k] for k in ("step", "hours_per_day", "days")} == {
        "step": "step 1",
        "hours_per_day": "5",
        "days": "180",
    }
    sheet = load_workbook(_lunenburg(tmp_path, "members.xlsx")).active
    head = [cell.value for cell in sheet[1]]
    first = {name: cell for name, cell in zip(head, sheet[2], strict=True)}
    assert first["step_2025-26"].value == "step 6" and first["step_2025-26"].data_type == "s"
    assert first["hours_per_day_2025-26"].value == 6.5 and first["hours_per_day_2025-26"].number_format == "General"
    assert first["days_2027-28"].value == 194


def test_members_of_one_title_and_work_carry_each_their_own_step(tmp_path: Path) -> None:
    """One step each July 1 (Section 6-1): hired September 2020, step 6 in FY26; September 2023, step 3 (step 1
    in FY24). The same title and hours: each row its own steps, not the first's."""
    text = "id,title,hired,hours_per_day,days\n1,High School,2020-09-01,,\n2,High School,2023-09-01,,\n"
    options = ["--contract", "lunenburg-paras", "--paid-contract", "lunenburg-paras-posted"]
    out = _members(tmp_path, text, "members.csv", *options, "--from", "2025-07-01", "--to", "2028-06-30")
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    years = ("2025-26", "2026-27", "2027-28")
    assert [[row[f"step_{y}"] for y in years] for row in rows] == [
        ["step 6", "step 7", "step 8"],
        ["step 3", "step 4", "step 5"],
    ]
