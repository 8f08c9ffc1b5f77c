"""compare, history, schedules and titles: values from the contract's printed columns or arithmetic here."""

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from tests.conftest import FIXTURES
from tests.test_golden import PRINTED, TITLES

runner = CliRunner()
LABELS = ["base", "5-year", "15-year"]
CONTRACT = paycalc.load_contract()
EFFECTIVE = list(PRINTED)


def printed(effective: str, title: str, label: str) -> int:
    """A rate as the contract prints it."""
    column = PRINTED[effective][LABELS.index(label)].split()
    return int(column[TITLES.index(title)].strip("$").replace(",", ""))


def two_places(value: Fraction) -> str:
    """A percent rounded to 2 decimals, half up (away from zero), with integer arithmetic."""
    sign = -1 if value < 0 else 1
    hundredths = (abs(value) * 100 + Fraction(1, 2)).__floor__()
    return f"{'-' if sign < 0 else ''}{hundredths // 100}.{hundredths % 100:02d}"


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


# --- compare ---------------------------------------------------------------------------------------


def test_teacher_aide_base_over_the_contract() -> None:
    row = paycalc.compare("2008-05-19", "2018-06-16", title="Teacher Aide").rows[0]
    assert (row.title, row.longevity) == ("Teacher Aide", "base")
    assert (row.from_rate, row.to_rate, row.change) == (Decimal(21713), Decimal(25927), Decimal(4214))
    assert row.percent is not None and round(row.percent, 2) == Decimal("19.41")  # 4214 / 21713 = 19.4077...%


def test_compare_json_matches_the_contract_for_every_title_and_row() -> None:
    result = run("compare", "2008-05-19", "2018-06-16", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["from"], data["to"]) == ("2008-05-19", "2018-06-16")
    expected = []
    for title in TITLES:
        for label in LABELS:
            before, after = printed("2008-05-19", title, label), printed("2018-06-16", title, label)
            expected.append(
                {
                    "title": title,
                    "longevity": label,
                    "from_rate": f"{before}.00",
                    "to_rate": f"{after}.00",
                    "change": f"{after - before}.00",
                    "percent": two_places(Fraction(after - before, before) * 100),
                }
            )
    assert data["rows"] == expected


def test_compare_csv_has_the_same_columns() -> None:
    result = run("compare", "2013-05-01", "2014-05-01", "--title", "ed asst b", "--format", "csv")
    assert result.exit_code == 0
    # 26606 -> 26872: +266, 266/26606 = 0.99977...% -> 1.00
    assert result.stdout.splitlines() == [
        "title,longevity,from_rate,to_rate,change,percent",
        "Ed. Asst. B,base,26606.00,26872.00,266.00,1.00",
        "Ed. Asst. B,5-year,27111.00,27382.00,271.00,1.00",
        "Ed. Asst. B,15-year,28209.00,28491.00,282.00,1.00",
    ]


def test_dates_inside_a_span_resolve_to_the_schedule_in_force() -> None:
    result = paycalc.compare("2016-09-08", "2017-12-31")
    assert (result.from_schedule, result.to_schedule) == (date(2016, 5, 1), date(2017, 5, 1))


def test_compare_table_and_summary() -> None:
    result = run("compare", "2017-06-01", "2018-06-16", "--title", "Teacher Aide")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Schedule of 2017-05-01 -> schedule of 2018-06-16"
    # 24688 -> 25927: +1239, 5.0186...%; 25256 -> 26523: +1267, 5.0166...%; 26493 -> 27822: +1329, 5.0164...%
    assert any(
        line.split() == ["Teacher", "Aide", "base", "$24,688.00", "$25,927.00", "+$1,239.00", "+5.02%"]
        for line in lines
    )
    assert lines[-1] == "Across 3 rows: smallest +5.02%, median +5.02%, largest +5.02%"


def test_summary_is_smallest_median_largest_of_the_exact_percents() -> None:
    result = paycalc.compare("2008-05-19", "2013-05-01")
    percents = sorted(Fraction(r.to_rate - r.from_rate) / Fraction(r.from_rate) * 100 for r in result.rows)
    assert len(percents) == 36
    assert result.smallest is not None and result.median is not None and result.largest is not None
    tiny = Fraction(1, 10**20)  # Decimal division keeps 28 significant digits
    assert abs(Fraction(result.smallest) - percents[0]) < tiny
    assert abs(Fraction(result.largest) - percents[-1]) < tiny
    assert abs(Fraction(result.median) - (percents[17] + percents[18]) / 2) < tiny


dates = st.dates(min_value=date(2008, 5, 19), max_value=date(2022, 12, 31))


@given(dates, dates)
def test_change_is_to_minus_from(a: date, b: date) -> None:
    for row in paycalc.compare(a, b, schedules=CONTRACT).rows:
        assert row.change == row.to_rate - row.from_rate
        assert row.percent is not None
        assert row.percent * row.from_rate == pytest.approx(row.change * 100)


@given(dates)
def test_comparing_a_date_with_itself_is_all_zero(a: date) -> None:
    result = paycalc.compare(a, a, schedules=CONTRACT)
    assert all(row.change == 0 and row.percent == 0 for row in result.rows)
    assert result.smallest == result.median == result.largest == 0


@given(st.sampled_from(TITLES), st.integers(min_value=0, max_value=30), st.sampled_from(range(len(EFFECTIVE))), dates)
def test_cumulative_percent_of_history_equals_compare_first_last(title: str, years: int, i: int, end: date) -> None:
    start = EFFECTIVE[i]
    if end < date.fromisoformat(start):
        return
    rows = paycalc.history(title, years=years, start=start, end=end, schedules=CONTRACT).rows
    label = rows[0].longevity
    [compared] = [r for r in paycalc.compare(start, end, title=title, schedules=CONTRACT).rows if r.longevity == label]
    assert rows[-1].annual - rows[0].annual == compared.change
    assert (rows[-1].cumulative or Decimal(0)) == (compared.percent if len(rows) > 1 else 0)


# --- history ---------------------------------------------------------------------------------------


def test_history_json_for_a_teacher_aide_with_3_years() -> None:
    result = run("history", "--title", "Teacher Aide", "--years", "3", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["title"] == "Teacher Aide"
    rates = [printed(effective, "Teacher Aide", "base") for effective in EFFECTIVE]
    expected = []
    for i, effective in enumerate(EFFECTIVE):
        first = i == 0
        expected.append(
            {
                "schedule": effective,
                "date": effective,
                "years": 3,
                "longevity": "base",
                "rate": f"{rates[i]}.00",
                "annual": f"{rates[i]}.00",
                "change": None if first else f"{rates[i] - rates[i - 1]}.00",
                "percent": None if first else two_places(Fraction(rates[i] - rates[i - 1], rates[i - 1]) * 100),
                "cumulative": None if first else two_places(Fraction(rates[i] - rates[0], rates[0]) * 100),
            }
        )
    assert data["rows"] == expected
    assert data["rows"][-1]["cumulative"] == "19.41"  # the same as compare 2008-05-19 2018-06-16


def test_history_from_a_hire_date_follows_the_longevity_row() -> None:
    rows = paycalc.history("Teacher Aide", hired="2009-01-05").rows
    assert rows[0].date == date(2009, 1, 5)  # starts on the hire date, under the 2008-05-19 schedule
    assert [r.years for r in rows] == [0, 4, 5, 6, 7, 8, 9, 9]
    assert [r.longevity for r in rows] == ["base", "base"] + ["5-year"] * 6
    assert rows[2].annual == printed("2014-05-01", "Teacher Aide", "5-year")  # 22659


def test_history_between_dates_and_part_time() -> None:
    rows = paycalc.history("Ed. Asst. B", years=16, start="2016-09-08", end="2017-12-31", hours=20).rows
    assert [(r.schedule, r.date) for r in rows] == [
        (date(2016, 5, 1), date(2016, 9, 8)),
        (date(2017, 5, 1), date(2017, 5, 1)),
    ]
    # 30376 x 20/30 = 20250.666... -> 20250.67; 31759 x 20/30 = 21172.666... -> 21172.67
    assert [r.annual for r in rows] == [Decimal("20250.67"), Decimal("21172.67")]
    assert rows[1].change == Decimal("922.00")


def test_history_table_and_chart_fit_80_columns() -> None:
    result = run(
        "history", "--title", "Aux. Trainer B", "--hired", "1999-03-01", "--hours", "35", env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    bars = [line for line in lines if "█" in line]
    assert len(bars) == 8
    assert bars[-1].startswith("2018-06-16 ") and bars[-1].endswith("$50,330.00")  # 43140 x 35/30
    # bars start at zero; the highest pay fills the room left by label and amount: 80 - 10 - 1 - 10 - 1 = 58
    assert bars[-1].count("█") == 58
    # the first row: 9 years on 2008-05-19, 5-year row 35040 x 35/30 = 40880.00; 40880 / 50330 x 58 = 47.1...
    assert bars[0].endswith("$40,880.00") and bars[0].count("█") == 47
    assert "The first row is priced on 2008-05-19" not in result.stdout


# --- schedules and titles --------------------------------------------------------------------------


def test_schedules_list() -> None:
    result = run("schedules", "list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [s["effective"] for s in data["schedules"]] == EFFECTIVE
    assert data["schedules"][0] == {
        "effective": "2008-05-19",
        "until": "2013-04-30",
        "source": "Article Three A.1, page 4",
        "titles": 12,
    }
    assert data["schedules"][-1]["until"] is None
    table = run("schedules", "list").stdout
    assert "2018-05-01  2018-06-15  Article Three A.1, pages 7-8      12" in table


def test_schedules_show_lays_out_the_schedule_in_force() -> None:
    result = run("schedules", "show", "2018-07-01", "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "title,base,5-year,15-year"
    assert lines[5] == "Ed. Asst. B,31457.00,32053.00,33352.00"
    assert len(lines) == 13
    table = run("schedules", "show", "2016-09-08").stdout
    assert table.startswith("Effective 2016-05-01 (Article Three A.1, page 6)")
    assert "Longevity amounts: 5-year $543.00, 15-year $1,726.00." in table


def test_schedules_validate_a_good_folder() -> None:
    result = run("schedules", "validate", str(FIXTURES / "other-local"))
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"OK: {FIXTURES / 'other-local'}: Riverside Federation of Paraeducators (example); 2 schedules"
    )
    assert run("schedules", "validate").exit_code == 0  # the bundled schedules


def test_schedules_validate_lists_every_problem() -> None:
    folder = FIXTURES / "broken" / "amount-negative"
    result = run("schedules", "validate", str(folder))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{folder}/2020-07-01.yaml: rates.Aide.base: -20000 is negative (an amount of 0 or more)",
        f"{folder}/2020-07-01.yaml: rates.Aide.5-year: -19500 is negative (an amount of 0 or more)",
    ]
    assert result.stderr == f"Error: 2 problems in {folder} (each line above names the file and key)\n"


def test_titles() -> None:
    data = json.loads(run("titles", "--format", "json").stdout)
    assert [t["title"] for t in data] == TITLES
    bilingual = data[TITLES.index("Bil. Prof. Asst.")]
    assert bilingual["hired_before"] == "1975-12-01"
    assert "Bilingual Professional Assistant" in bilingual["aliases"]
    assert "Educational Assistant B" in run("titles").stdout


# --- errors ----------------------------------------------------------------------------------------

BAD = str(FIXTURES / "broken" / "mistyped-cell")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "2008-05-19", "2018-13-01"], "Error: TO '2018-13-01' is not a valid date (YYYY-MM-DD"),
        (
            ["compare", "2001-01-01", "2018-06-16"],
            "Error: date 2001-01-01 is before the first schedule (dates from 2008-05-19 on)",
        ),
        (["compare", "2008-05-19", "2018-06-16", "--title", "Nurse"], "Error: unknown title 'Nurse'"),
        (["compare", "2008-05-19", "2018-06-16", "--schedules", BAD], "Error: " + BAD),
        (["history", "--title", "Nurse", "--years", "3"], "Error: unknown title 'Nurse'"),
        (
            ["history", "--title", "Teacher Aide", "--years", "3", "--from", "2018-01-01", "--to", "2017-01-01"],
            "Error: the end 2017-01-01 is before the start 2018-01-01",
        ),
        (
            ["history", "--title", "Teacher Aide", "--years", "3", "--from", "2000-01-01"],
            "Error: date 2000-01-01 is before the first schedule",
        ),
        (
            ["history", "--title", "Teacher Aide", "--hired", "2010-01-01", "--from", "2009-01-01"],
            "Error: --hired 2010-01-01 is after the date 2009-01-01",
        ),
        (["history", "--title", "Teacher Aide", "--years", "3", "--hours", "0"], "Error: --hours '0' is out of range"),
        (
            ["history", "--title", "Teacher Aide", "--years", "3", "--schedules", "/nonexistent"],
            "Error: /nonexistent: no such folder",
        ),
        (["schedules", "show", "1999-01-01"], "Error: date 1999-01-01 is before the first schedule"),
        (["schedules", "show", "soon"], "Error: date 'soon' is not a valid date"),
        (["schedules", "list", "--schedules", BAD], "Error: " + BAD),
        (["titles", "--schedules", "/nonexistent"], "Error: /nonexistent: no such folder"),
    ],
)
def test_errors_are_one_line_and_exit_1(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1


def test_validate_a_missing_folder() -> None:
    result = run("schedules", "validate", "/nonexistent")
    assert result.exit_code == 1
    hint = "a schedules folder holds contract.yaml and one YAML file per effective date"
    assert result.stdout == f"/nonexistent: no such folder ({hint})\n"
    assert result.stderr.startswith("Error: 1 problem in /nonexistent")
