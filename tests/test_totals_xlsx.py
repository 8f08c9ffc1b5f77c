"""A roster's workbook written from the columns' CSV bytes (:mod:`paycalc.output.totals_xlsx`) against the one
the row-by-row path writes from records: every cell's value, type, format and quote prefix, its place, the
columns' widths and the frozen header, on random rosters; a cell the bytes would write otherwise goes through
the records, with the same workbook."""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.output import totals_xlsx
from tests.test_columnar import LUMPS, NYC, roster

runner = CliRunner()
SAFE = ['"Smith, Jane"', "Zoë", "", "Lee", '"Ortiz, Ana, Jr"']
OTHERWISE = ["A & B", "<b>", "=Evil", "'=Own", "_x0041_", '"O""Neil"', "x\ty"]


def _book(path: Path) -> Any:
    sheet = load_workbook(path).active
    assert sheet is not None
    cells = [[(c.coordinate, c.value, c.data_type, c.number_format, c.quotePrefix) for c in row] for row in sheet]
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    return sheet.title, sheet.freeze_panes, widths, cells


def _both(tmp_path: Path, text: str, options: list[str]) -> tuple[Any, Any, list[bool]]:
    source = tmp_path / "members.csv"
    source.write_text(text)
    books = {}
    taken: list[bool] = []
    real = totals_xlsx.write

    def spy(*a: Any) -> None:
        try:
            real(*a)
        except Exception:
            taken.append(False)
            raise
        taken.append(True)

    for mode in ("1", ""):
        out = tmp_path / f"out{mode}.xlsx"
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(totals_xlsx, "write", spy)
            result = runner.invoke(app, ["retro", "--roster", str(source), *options, "-o", str(out)],
                                   env={"PAYCALC_ROW_BY_ROW": mode})  # fmt: skip
        assert result.exit_code == 0, result.output
        books[mode] = _book(out)
    return books["1"], books[""], taken


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    offer=st.sampled_from([[], ["--proposal", "uft-2019-2022"], ["--proposal", "moa-2014"], ["--proposal", "lumps"]]),
)
def test_a_workbook_from_the_csv_bytes_is_the_one_from_records(tmp_path: Path, seed: int, offer: list[str]) -> None:
    """No offer, an offer (the schedules paid), one with lump sums (their column) and one with instalments."""
    if "lumps" in offer:
        offer = ["--proposal", str(tmp_path / "bonuses.yaml")]
        Path(offer[1]).write_text(LUMPS.split("instalments:")[0])  # lump sums alone
    rng = random.Random(seed)
    text = roster(rng, NYC, rng.randrange(1, 40), datetime.date(2008, 6, 1), 3600, {"name": SAFE})
    by_records, from_bytes, taken = _both(tmp_path, text, offer)
    assert from_bytes == by_records
    assert taken == ([] if "moa-2014" in offer else [True])  # instalments: written from the records


@pytest.mark.parametrize("name", OTHERWISE)
def test_a_cell_the_bytes_would_write_otherwise_goes_through_the_records(tmp_path: Path, name: str) -> None:
    lines = ["id,title,hired,from,to,name"] + [
        f"P{n},Ed. Asst. B,1990-0{n}-15,2009-11-01,2018-11-30,{name if n == 3 else 'Lee'}" for n in range(1, 6)
    ]
    by_records, from_bytes, taken = _both(tmp_path, "\n".join(lines) + "\n", [])
    assert from_bytes == by_records
    assert taken in ([False], [])  # declined (or, for a guarded cell, the whole roster row by row)


def test_rows_across_blocks_are_numbered_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(totals_xlsx, "BLOCK", 64)  # a few lines a block
    lines = ["id,title,hired,from,to"] + [f"P{n:03},Ed. Asst. B,1990-01-15,2009-11-01,2018-11-30" for n in range(40)]
    by_records, from_bytes, taken = _both(tmp_path, "\n".join(lines) + "\n", [])
    assert from_bytes == by_records and taken == [True]
    assert [row[0][0] for row in from_bytes[3]] == [f"A{n}" for n in range(1, 42)]


@pytest.mark.parametrize("name", ["=Evil", "=", "'=Own", "+1"])
def test_a_guarded_cell_past_the_rows_that_size_the_columns_is_never_written_as_plain_text(
    tmp_path: Path, name: str
) -> None:
    """The records read back refuse a guarded cell among the first 500 rows; one after them is refused here."""
    lines = ["id,title,hired,from,to,name"] + [
        f"P{n:03},Ed. Asst. B,1990-01-15,2009-11-01,2018-11-30,{name if n == 540 else 'Lee'}" for n in range(560)
    ]
    by_records, from_bytes, taken = _both(tmp_path, "\n".join(lines) + "\n", [])
    assert from_bytes == by_records
    assert taken in ([False], [])


def test_a_cell_with_spaces_around_it_is_left_to_the_records() -> None:
    """The columns never write one (they send such a roster row by row); the bytes would lose its spaces' mark."""
    from paycalc.output.csv_bytes import Plainness
    from paycalc.output.roster_out import Shape

    kinds = totals_xlsx._kinds(Shape(["name"], False, False))
    assert len(kinds) == 6
    totals_xlsx._rows(b"P1,Lee,1,1.00,1.00,0.00\n", 2, kinds)
    with pytest.raises(Plainness):
        totals_xlsx._rows(b"P1, Lee,1,1.00,1.00,0.00\n", 2, kinds)


@pytest.mark.parametrize("seed", [3, 4])
def test_a_correction_s_workbook_from_the_csv_bytes_has_its_fiscal_years_as_money(tmp_path: Path, seed: int) -> None:
    """A correction (``--paid-contract``): each fiscal year's retro wages after the retro, money like it."""
    from tests.test_paid_contract_columns import PAID, correction_roster

    by_records, from_bytes, taken = _both(tmp_path, correction_roster(random.Random(seed), 15), PAID)
    assert from_bytes == by_records
    assert taken == [True]
    header = [cell[1] for cell in from_bytes[3][0]]
    assert header[-3:] == ["retro_FY26", "retro_FY27", "retro_FY28"]
    assert {cell[3] for cell in from_bytes[3][1][-4:]} == {from_bytes[3][1][-4][3]}  # retro's format, each year too
