"""``cost --by step`` (#31): what an offer costs on each step, in every format.

A member's step is the status quo's step (or NYC's longevity row) on each fiscal year's first day on
payroll; over the whole range, on the range's first day on payroll. Steps are counted as the Lunenburg
MOA says (Section 6-1, "Employees will advance a step each July 1"): one step on each July 1 after the
hire date; a member hired on July 1 is placed that day. Figures from the district's scales (seeds):
Licensed Bachelor's step 8 in FY26 is $26.70 corrected and $25.70 posted, 1,254.5 hours a year.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
ROSTER = (
    "id,title,hired,name\n"
    '1,High School,2020-09-01,"Doe, Ann"\n'  # July 1 of 2021..2025: five steps, step 6 on 2025-07-01
    "2,Associate's,2024-08-25,Bo\n"  # step 2 on 2025-07-01
    "3,Bachelor's,2025-07-01,Cy\n"  # hired on July 1: placed on step 1 that day
    "4,High School,2025-10-01,Di\n"  # hired mid-year on step 1, step 2 on 2026-07-01
    "5,Licensed Bachelor's,2018-08-20,Ed\n"  # July 1 of 2019..2025: seven steps, step 8
)
LUNENBURG = ["--contract", "lunenburg-paras", "--paid-contract", "lunenburg-paras-posted"]
RANGE = ["--from", "2025-07-01", "--to", "2027-06-30"]


def _cost(tmp_path: Path, *options: str) -> str:
    roster = tmp_path / "paras.csv"
    roster.write_text(ROSTER)
    result = runner.invoke(app, ["cost", *LUNENBURG, "--roster", str(roster), *RANGE, *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_members_are_grouped_by_their_step_each_fiscal_year(tmp_path: Path) -> None:
    record = json.loads(_cost(tmp_path, "--by", "step", "-f", "json"))
    fy26, fy27 = ({e["step"]: e["members"] for e in p["by_step"]} for p in record["periods"])
    assert fy26 == {"step 1": 2, "step 2": 1, "step 6": 1, "step 8": 1}  # members 3 and 4; 2; 1; 5
    assert fy27 == {"step 2": 2, "step 3": 1, "step 7": 1, "step 9": 1}  # everyone one step up on 2026-07-01
    assert [e["step"] for e in record["total"]["by_step"]] == ["step 1", "step 2", "step 6", "step 8"]
    assert "by_title" not in record["total"]


def test_a_step_on_its_own_is_priced_from_the_two_scales(tmp_path: Path) -> None:
    record = json.loads(_cost(tmp_path, "--by", "step", "-f", "json"))
    (alone,) = [e for e in record["periods"][0]["by_step"] if e["step"] == "step 8"]  # member 5, a whole year
    hours = Decimal("1254.5")
    assert Decimal(alone["status_quo"]) == Decimal("25.70") * hours  # $32,240.65 posted
    assert Decimal(alone["increases"][0]) == (Decimal("26.70") - Decimal("25.70")) * hours  # $1,254.50


def test_the_steps_add_up_to_each_fiscal_year_and_to_the_titles(tmp_path: Path) -> None:
    by_step = json.loads(_cost(tmp_path, "--by", "step", "-f", "json"))
    by_title = json.loads(_cost(tmp_path, "--by", "title", "-f", "json"))
    pairs = zip([*by_step["periods"], by_step["total"]], [*by_title["periods"], by_title["total"]], strict=True)
    for stepped, titled in pairs:
        for key in ("members", "status_quo"):
            parts = [Decimal(str(e[key])) for e in stepped["by_step"]]
            assert sum(parts) == Decimal(str(stepped[key])) == sum(Decimal(str(e[key])) for e in titled["by_title"])
        increase = sum(Decimal(e["increases"][0]) for e in stepped["by_step"])
        assert increase == Decimal(stepped["proposals"][0]["increase"])


def test_csv_names_its_column_step(tmp_path: Path) -> None:
    lines = _cost(tmp_path, "--by", "step", "-f", "csv").splitlines()
    assert lines[0].split(",")[3] == "step"
    fy26 = [line.split(",") for line in lines if line.startswith("step,2025-07-01,2026-06-30,")]
    assert [row[3] for row in fy26] == ["step 1", "step 2", "step 6", "step 8"]


def test_the_table_has_a_step_breakdown(tmp_path: Path) -> None:
    text = _cost(tmp_path, "--by", "step")
    assert "By step on the range's first day on payroll, over the whole range" in text
    rows = [line.split() for line in text.splitlines() if line.strip().startswith("step ")]
    assert [(row[1], row[2]) for row in rows] == [("1", "2"), ("2", "1"), ("6", "1"), ("8", "1")]


def test_the_workbook_has_a_by_step_sheet(tmp_path: Path) -> None:
    book = tmp_path / "costing.xlsx"
    _cost(tmp_path, "--by", "step", "-o", str(book))
    sheets = load_workbook(book).sheetnames
    assert "By step" in sheets and "By title" not in sheets


def test_nyc_steps_are_its_longevity_rows(tmp_path: Path) -> None:
    roster = tmp_path / "members.csv"
    roster.write_text(
        "id,title,hired\nA,Teacher Aide,2014-03-01\nB,Ed. Asst. B,2000-01-10\nC,Teacher Aide,2018-01-02\n"
    )
    offer = tmp_path / "offer.yaml"
    offer.write_text("name: three\nbase: 2018-06-16\nchanges:\n  - {effective: 2018-07-01, percent: 3}\n")
    args = ["cost", "--roster", str(roster), "--proposal", str(offer), "--from", "2018-07-01", "--to", "2019-06-30"]
    result = runner.invoke(app, [*args, "--by", "step", "-f", "json"])
    assert result.exit_code == 0, result.output
    groups = {e["step"]: e["members"] for e in json.loads(result.stdout)["total"]["by_step"]}
    assert groups == {"base": 2, "15-year": 1}  # A reaches 5 years on 2019-03-01, after the range's first day


@pytest.mark.parametrize("word", ["steps", "column", "Step "])
def test_an_unknown_breakdown_is_a_usage_error(tmp_path: Path, word: str) -> None:
    roster = tmp_path / "paras.csv"
    roster.write_text(ROSTER)
    result = runner.invoke(app, ["cost", *LUNENBURG, "--roster", str(roster), *RANGE, "--by", word])
    assert result.exit_code == 2
    assert "--by" in result.stderr and "title or step" in result.stderr


def test_the_report_by_step_shows_the_json_figures(tmp_path: Path) -> None:
    from tests.test_cost import Cells, _json_value, _shown

    page = tmp_path / "costing.html"
    _cost(tmp_path, "--by", "step", "-f", "html", "-o", str(page))
    record = json.loads(_cost(tmp_path, "--by", "step", "-f", "json"))
    parser = Cells()
    parser.feed(page.read_text())
    steps = {key: shown for key, shown in parser.cells.items() if key.startswith("total.by_step.")}
    assert len(steps) == 4 * 4  # four steps: members, status quo, the increase and the typical member
    for key, shown in steps.items():
        assert _shown(shown) == _json_value(record, key), key
    assert "<h2>By step</h2>" in page.read_text()
