"""Real raises against the CPI: percents worked by hand from the BLS annual averages written here."""

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.contract.cpi import load_cpi

runner = CliRunner()
# BLS CPI-U annual averages, from the issue (for checking the transcription)
US = {2008: "215.303", 2014: "236.736", 2018: "251.107", 2024: "313.689"}
NY = {2008: "235.782", 2014: "260.230", 2018: "273.641", 2024: "334.209"}


def two(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize(("series", "known"), [("us", US), ("ny-metro", NY)])
def test_the_bundled_series_match_the_bls_figures(series: str, known: dict[int, str]) -> None:
    values = load_cpi(series).values
    assert {year: values[year] for year in known} == {year: Decimal(v) for year, v in known.items()}
    assert min(values) == 2007 and max(values) == 2025


def test_compare_real_percent_worked_by_hand() -> None:
    result = runner.invoke(
        app, ["compare", "2008-05-19", "2018-06-16", "--real", "--cpi", "ny-metro", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = {(r["title"], r["longevity"]): r for r in json.loads(result.stdout)["rows"]}
    # Teacher Aide base: 25,927 / 21,713 x 235.782 / 273.641 - 1 = 0.028868... -> +2.89%
    expected = (Decimal(25927) / Decimal(21713) * Decimal("235.782") / Decimal("273.641") - 1) * 100
    assert two(expected) == Decimal("2.89")
    assert rows[("Teacher Aide", "base")]["real_percent"] == "2.89"
    # Ed. Asst. B 15-year: 33,352 / 27,930 x 235.782 / 273.641 - 1 -> +2.89%... computed the same way
    b15 = (Decimal(33352) / Decimal(27930) * Decimal("235.782") / Decimal("273.641") - 1) * 100
    assert rows[("Ed. Asst. B", "15-year")]["real_percent"] == str(two(b15))


def test_the_default_series_is_the_contracts() -> None:
    with_default = paycalc.compare("2014-05-01", "2018-06-16", title="Teacher Aide", cpi="default")
    assert with_default.cpi == "ny-metro"
    # 25,927 / 22,149 x 260.230 / 273.641 - 1 = 0.11322... -> +11.32%
    assert two(with_default.rows[0].real_percent) == Decimal("11.32")  # type: ignore[arg-type]
    us = paycalc.compare("2014-05-01", "2018-06-16", title="Teacher Aide", cpi="us")
    # 25,927 / 22,149 x 236.736 / 251.107 - 1 = 0.10357... -> +10.36%
    assert two(us.rows[0].real_percent) == Decimal("10.36")  # type: ignore[arg-type]


def test_history_in_dollars_of_the_last_year_and_the_pay_that_kept_up() -> None:
    result = paycalc.history("Teacher Aide", years=3, start="2014-05-01", cpi="us")
    first, last = result.rows[0], result.rows[-1]
    # 22,149 in 2014 dollars x 251.107 / 236.736 = 23,493.55...
    assert two(first.real_annual) == Decimal("23493.55")  # type: ignore[arg-type]
    assert last.real_annual == last.annual
    # kept up: 22,149 x 251.107 / 236.736 in 2018
    assert two(last.kept_up) == Decimal("23493.55")  # type: ignore[arg-type]
    # real since first: 25,927 / 23,493.55... - 1 = +10.36%
    assert two(last.real_cumulative) == Decimal("10.36")  # type: ignore[arg-type]


def test_a_year_without_data_is_an_error_never_an_extrapolation() -> None:
    result = runner.invoke(app, ["compare", "2008-05-19", "2026-01-01", "--real"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no CPI for 2026 in the ny-metro series (it runs 2007 to 2025;")
    assert "--cpi FILE" in result.stderr


def test_a_series_of_ones_own(tmp_path: Path) -> None:
    series = tmp_path / "mine.csv"
    series.write_text("year,value\n2008,100\n2018,110\n")
    result = paycalc.compare("2008-05-19", "2018-06-16", title="Teacher Aide", cpi=str(series))
    # 25,927 / 21,713 x 100 / 110 - 1 = 0.085525... -> +8.55%
    assert two(result.rows[0].real_percent) == Decimal("8.55")  # type: ignore[arg-type]
    bad = tmp_path / "bad.csv"
    bad.write_text("year,value\n2008,1e2\n")
    outcome = runner.invoke(app, ["compare", "2008-05-19", "2018-06-16", "--cpi", str(bad)])
    assert outcome.exit_code == 1
    assert outcome.stderr.startswith(f"Error: --cpi {bad}: line 2: '2008,1e2' is not a year and an index above 0")
    missing = runner.invoke(app, ["history", "--title", "Teacher Aide", "--years", "1", "--cpi", "nowhere.csv"])
    assert missing.stderr.startswith("Error: --cpi nowhere.csv: cannot be read: No such file or directory")


def test_history_real_table_and_chart_marks() -> None:
    result = runner.invoke(app, ["history", "--title", "Teacher Aide", "--years", "3", "--real"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "In 2018 $" in result.stdout
    assert result.stdout.count("│") >= 9  # a mark on each of 8 bars and the legend
    assert "kept up with prices (CPI ny-metro)" in result.stdout


def test_compare_real_names_the_years_whose_prices_it_used() -> None:
    from typer.testing import CliRunner

    from paycalc.cli import app

    args = ["compare", "2008-05-19", "2018-06-16", "--title", "Teacher Aide", "--real"]
    table = CliRunner().invoke(app, args, env={"COLUMNS": "200"}).stdout
    assert "After prices (CPI ny-metro, 2008 and 2018 averages): smallest +2.88%" in table
    record = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)
    assert record["cpi"] == "ny-metro" and record["cpi_years"] == [2008, 2018]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("year,index\n2008,100\n", "the header is 'year,index'"),  # no value column
        ("when,value\n2008,100\n", "the header is 'when,value'"),  # no year column
        ("year,value\n2008,0\n", "line 2: '2008,0' is not a year and an index above 0"),
        ("year,value\n2008,-5\n", "line 2: '2008,-5' is not a year and an index above 0"),
        ("year,value\n20080,100\n", "line 2: '20080,100' is not a year and an index above 0"),
        ("year,value\n2008,100\n2008,101\n", "line 3: 2008 appears twice"),
        ("year,value\n2008\n", "line 2: '2008' is not a year and an index above 0"),  # a cell short
        ("# a comment\n\nyear,value\n2008,245,120\n", "line 4: '2008,245,120' has 3 cells, the header 2"),
    ],
)
def test_a_cpi_file_that_is_not_a_series(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(text)
    outcome = runner.invoke(app, ["compare", "2008-05-19", "2018-06-16", "--cpi", str(bad)])
    assert outcome.exit_code == 1
    assert outcome.stderr.startswith(f"Error: --cpi {bad}: {message}"), outcome.stderr


def test_a_small_index_is_an_index(tmp_path: Path) -> None:
    series = tmp_path / "small.csv"
    series.write_text("year,value\n2008,1\n2018,1.1\n")  # rebased to 1: still a series
    result = paycalc.compare("2008-05-19", "2018-06-16", title="Teacher Aide", cpi=str(series))
    # 25,927 / 21,713 / 1.1 - 1 = 0.085525... -> +8.55%, as with 100 and 110
    assert two(result.rows[0].real_percent) == Decimal("8.55")  # type: ignore[arg-type]
