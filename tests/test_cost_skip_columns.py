"""``cost --skip-invalid`` in columns (#30): a costing roster as exported, with a few rows the rules refuse, was
costed member by member (3.6x the clean roster's time). The columns leave them out and say each as the
member-by-member path does, in its order: a row it cannot read when it reads it, a member it cannot price when
the next member is read (after the last, at the end)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar as _columnar

runner = CliRunner()
OFFER = ["--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30", "-f", "json"]


def both(source: Path, *options: str) -> list[tuple[int, str, list[str]]]:
    found = []
    for mode in ("1", ""):
        result = runner.invoke(
            app, ["cost", "--roster", str(source), *OFFER, "--skip-invalid", "-v", *options],
            env={"PAYCALC_ROW_BY_ROW": mode},
        )  # fmt: skip
        found.append((result.exit_code, result.stdout, result.stderr.splitlines()))
    return found


def test_rows_left_out_are_said_in_the_member_by_member_order(tmp_path: Path) -> None:
    """Member 1's title is not the contract's: said when member 3 is read, after row 2, which has no hire date."""
    source = tmp_path / "members.csv"
    source.write_text(
        "id,title,hired\n"
        "A,Lunch Aide,2010-01-04\n"  # member 1: priced when the next member is read
        "B,Teacher Aide,\n"  # member 2: refused as it is read
        "C,Teacher Aide,2010-01-04\n"
        "D,Bus Aide,2012-05-01\n"  # the last: said at the end
    )
    scalar, columns = both(source)
    assert columns[0] == scalar[0] == 3
    assert columns[1] == scalar[1]
    said = [line for line in columns[2] if line.startswith("Skipped")]
    assert said == [line for line in scalar[2] if line.startswith("Skipped")]
    assert [line.split(": ")[2] for line in said] == [
        "member 2 (line 3)",
        "member 1 (line 2)",
        "member 4 (line 5)",
    ]
    assert f"Note: {source}: costed in columns" in columns[2]


BAD = {
    "id": [""],
    "title": ["", "Lunch Aide", "Janitor"],
    "hired": ["", "soon", "2019-02-30", "2030-01-01"],  # 2030: hired after the range, on no payroll (no error)
    "hours": ["-5", "abc", "99"],
}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), block=st.sampled_from([60, 200, 1 << 20]), sheet=st.booleans())
@example(seed=1, block=60, sheet=False)
def test_rows_left_out_in_columns_are_said_as_member_by_member(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int, block: int, sheet: bool
) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(_columnar, "COST_BLOCK", block)
    columns = ["id", "title", "hired", "hours"]
    rows = []
    for n in range(rng.randrange(1, 30)):
        cells = {
            "id": f"M{n}",
            "title": rng.choice(["Teacher Aide", "Ed. Asst. B", "Aux. Trainer B"]),
            "hired": rng.choice(["1999-05-01", "2004-09-01", "2019-01-15"]),
            "hours": rng.choice(["", "", "20"]),
        }
        if rng.random() < 0.3:
            column = rng.choice(list(BAD))
            cells[column] = rng.choice(BAD[column])
        rows.append([cells[c] for c in columns])
        if rng.random() < 0.1:
            rows.append([])  # a blank line (a blank row in a workbook): skipped, not counted
    source = tmp_path / ("members.xlsx" if sheet else "members.csv")
    if sheet:
        from openpyxl import Workbook

        book = Workbook()
        page = book.active
        assert page is not None
        for row in [columns, *rows]:
            page.append([cell or None for cell in row])
        book.save(source)
    else:
        source.write_text("\n".join(",".join(row) for row in [columns, *rows]) + "\n")
    scalar, answered = both(source)
    assert answered[:2] == scalar[:2]
    assert [line for line in answered[2] if not line.startswith("Note")] == [
        line for line in scalar[2] if not line.startswith("Note")
    ]
    assert f"Note: {source}: costed in columns" in answered[2]


@pytest.mark.usefixtures("columns_refuse_ed_asst_b")
def test_a_member_the_columns_refuse_but_the_rules_price_goes_member_by_member(tmp_path: Path) -> None:
    source = tmp_path / "members.csv"
    source.write_text("id,title,hired\nA,Teacher Aide,2010-01-04\nB,Ed. Asst. B,2010-01-04\n")
    result = runner.invoke(app, ["cost", "--roster", str(source), *OFFER, "--skip-invalid", "-v"])
    assert result.exit_code == 0
    assert "costed member by member" in result.stderr and "Skipped" not in result.stderr
