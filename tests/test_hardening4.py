"""Hardening, round 4: no row dropped from a spreadsheet that declares a stale size, no formula in any CSV cell
whatever file its text came from, errors (not crashes) where every rate is $0, a folder that is one of the
command's inputs never replaced, a proposal that ends before it starts refused, and the web's errors said."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.contract.loader import bundled_contract
from paycalc.output.render import guarded

runner = CliRunner()


def cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def _stale(path: Path, dimension: str, rows: int) -> Path:
    """A workbook of ``rows`` members whose sheet declares the size ``dimension`` (as several writers leave it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "title", "hired", "from", "to"])
    for n in range(rows):
        sheet.append([f"A{n}", "Teacher Aide", "2010-09-07", "2013-05-01", "2013-06-30"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), data)
            target.writestr(item, data)
    return path


@pytest.mark.parametrize("dimension", ["A1:E2", "A1"])
def test_a_workbook_s_declared_size_is_never_trusted(tmp_path: Path, dimension: str) -> None:
    roster = _stale(tmp_path / "members.xlsx", dimension, 3)
    code, out, err = cli("retro", "--roster", str(roster))
    assert code == 0, err
    assert [line.split(",")[0] for line in out.splitlines()] == ["id", "A0", "A1", "A2"]
    code, out, err = cli("cost", "--roster", str(roster), "--proposal", "uft-2019-2022", "--from", "2019-07-01",
                         "--to", "2020-06-30", "--format", "json")  # fmt: skip
    assert code == 0 and '"members": 3' in out.replace(" ", "").replace('"members":3', '"members": 3')


def test_no_csv_cell_is_a_formula_whatever_file_it_came_from(tmp_path: Path) -> None:
    folder = tmp_path / "evil"
    shutil.copytree(bundled_contract("lunenburg-paras"), folder)
    formula = "=cmd|' /C calc'!A0"  # inside double quotes in YAML: the schedules quote their titles so
    for file in folder.glob("20*.yaml"):
        file.write_text(file.read_text().replace('"High School"', f'"{formula}"'))
    contract = folder / "contract.yaml"
    text = contract.read_text().replace("- name: High School", f'- name: "{formula}"')
    contract.write_text(text.replace("{label: step 1,", '{label: "@SUM(1)",'))
    for file in folder.glob("20*.yaml"):
        file.write_text(file.read_text().replace("{step 1:", '{"@SUM(1)":'))
    for args in (["compare", "2025-07-01", "2026-07-01"], ["schedules", "show", "2025-07-01"]):
        code, out, err = cli(*args, "--schedules", str(folder), "--format", "csv")
        assert code == 0, err
        cells = [cell for line in out.splitlines() for cell in line.split(",")]
        assert not any(cell.startswith(("=", "@", "+")) for cell in cells), out[:400]
        assert any(cell.startswith("'=cmd") for cell in cells) and any(cell == "'@SUM(1)" for cell in cells)


@pytest.mark.parametrize(
    ("cell", "written"),
    [("-24.92", "-24.92"), ("-1+2", "'-1+2"), ("=1", "'=1"), ("@x", "'@x"), ("+3.5%", "'+3.5%"), ("-3.50%", "-3.50%"),
     ("\tx", "'\tx"), ("Teacher Aide", "Teacher Aide"), (12, 12)],
)  # fmt: skip
def test_the_guard_leaves_plain_numbers_alone(cell: object, written: object) -> None:
    assert guarded(cell) == written


def test_a_proposal_that_takes_pay_to_zero_is_answered(tmp_path: Path) -> None:
    offer = tmp_path / "zero.yaml"
    offer.write_text(
        "name: zero\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01, percent: -100}\n"
        "  - {effective: 2020-01-01, percent: 5}\n"
    )
    code, out, err = cli("history", "--title", "Teacher Aide", "--years", "3", "--real", "--proposal", str(offer),
                         "--from", "2019-01-01")  # fmt: skip
    assert code == 0 and "internal error" not in err and "$0.00" in out
    code, out, _ = cli("compare", "2019-01-01", "2020-01-01", "--proposal", str(offer), "--real")
    assert code == 0
    assert "Across 36 rows: no percent (every rate compared from is $0.00)" in out
    assert "smallest ," not in out and "no percent" in out.split("After prices")[1]


def test_propose_never_writes_onto_its_own_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "nyc"
    shutil.copytree(bundled_contract("nyc-paras"), folder)
    before = sorted(p.name for p in folder.iterdir())
    code, _, err = cli("propose", "uft-2019-2022", "--schedules", str(folder), "--write", str(folder), "--force")
    assert (
        code == 1 and err.startswith(f"Error: --write {folder} holds {folder}/") and "which this command reads" in err
    )
    assert sorted(p.name for p in folder.iterdir()) == before
    offer = folder / "offer.yaml"
    offer.write_text("name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01, percent: 1}\n")
    code, _, err = cli("propose", str(offer), "--write", str(folder), "--force")
    assert code == 1 and "offer.yaml, which this command reads" in err


def test_a_proposal_that_ends_before_its_base_is_refused(tmp_path: Path) -> None:
    offer = tmp_path / "backwards.yaml"
    offer.write_text(
        "name: x\nbase: 2018-06-16\nterm_end: 2017-01-01\nchanges:\n  - {effective: 2019-01-01, percent: 1}\n"
    )
    code, _, err = cli("propose", str(offer))
    assert code == 1
    assert err == f"Error: {offer}: term_end: 2017-01-01 is before the base date 2018-06-16 (an end on or after it)\n"
    with pytest.raises(paycalc.ScheduleError):
        paycalc.load_proposal(offer)
