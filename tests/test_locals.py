"""Other locals' contracts: hourly and daily rates, steps on one date, freezes, differentials.

Every expected figure is worked by hand in the test from the rates written in the fixture below.
"""

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app

runner = CliRunner()

CONTRACT = """name: Test Local (hourly)
parties: [A district, A local]
term: {start: 2023-07-01, end: 2026-06-30}
source: Test agreement, Appendix A
pay_basis: hourly
regular_hours_per_day: 6.5
regular_days_per_year: 182
step_advance: "07-01"
new_hire_cutoff: "07-02"
step_freezes:
  - {from: 2024-07-01, to: 2025-06-30}
differentials:
  degree: {per_hour: 0.50}
  behavior: {percent: 5.5}
  lunch duty: {per_day: 2.00}
  stipend: {per_year: 300}
longevity_tiers:
  - {label: step 1, min_years: 0}
  - {label: step 2, min_years: 1}
  - {label: step 3, min_years: 2}
  - {label: step 4, min_years: 3}
titles:
  - name: Para
"""
SCHEDULES = {
    "2023-07-01": "20.00, step 2: 21.00, step 3: 22.00, step 4: 23.00",
    "2024-07-01": "20.50, step 2: 21.50, step 3: 22.50, step 4: 23.50",
    "2025-07-01": "21.00, step 2: 22.00, step 3: 23.00, step 4: 24.00",
}
REGULAR = 6.5 * 182  # 1183 hours a year


def write_contract(folder: Path, contract: str = CONTRACT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "contract.yaml").write_text(contract)
    for day, row in SCHEDULES.items():
        (folder / f"{day}.yaml").write_text(
            f"effective: {day}\nsource: {{article: Appendix A}}\nrates:\n  Para: {{step 1: {row}}}\n"
        )
    return folder


@pytest.fixture(scope="module")
def hourly(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_contract(tmp_path_factory.mktemp("hourly"))


def annual(folder: Path, on: str, **options: object) -> str:
    return str(paycalc.annual_pay("Para", on, schedules=folder, **options).annual)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hired", "on", "step", "expected"),
    [
        # hired on a step day: one year counted by the next July 1
        ("2022-07-01", "2023-07-01", "step 2", "24843.00"),  # 21.00 x 1183
        ("2022-07-01", "2024-06-30", "step 2", "24843.00"),  # the day before July 1: still step 2
        ("2022-07-01", "2024-07-01", "step 2", "25434.50"),  # July 1 inside the freeze: no step; 21.50 x 1183
        ("2022-07-01", "2025-06-30", "step 2", "25434.50"),  # the frozen year's last day
        ("2022-07-01", "2025-07-01", "step 3", "27209.00"),  # the year after: 3 years - 1 frozen; 23.00 x 1183
        # hired on or after the cut-off (07-02): the first July 1 after hire is not a step day for them
        ("2022-09-01", "2023-07-01", "step 1", "23660.00"),  # 20.00 x 1183
        ("2022-07-02", "2023-07-01", "step 1", "23660.00"),  # the cut-off day itself
        ("2022-09-01", "2024-06-30", "step 1", "23660.00"),
        ("2022-09-01", "2025-07-01", "step 2", "26026.00"),  # 2024 frozen, 2025 counts; 22.00 x 1183
        # hired on the frozen step day: placed that day, so the freeze takes no step from them; the next
        # July 1 (outside the freeze) moves them
        ("2024-07-01", "2025-06-30", "step 1", "24251.50"),  # FY25: 20.50 x 1183 (step 1 of 2024-07-01)
        ("2024-07-01", "2025-07-01", "step 2", "26026.00"),  # 22.00 x 1183
    ],
)
def test_steps_move_on_july_1_and_not_in_a_frozen_year(
    hourly: Path, hired: str, on: str, step: str, expected: str
) -> None:
    result = paycalc.annual_pay("Para", on, hired=hired, schedules=hourly)
    assert (result.longevity, str(result.annual)) == (step, expected)


def test_part_days_and_fewer_days_pro_rate_the_hourly_rate(hourly: Path) -> None:
    on = {"on": "2025-07-01", "hired": "2022-07-01"}  # step 3, $23.00 an hour
    assert annual(hourly, **on, hours_per_day=6, days=180) == "24840.00"  # 23 x 6 x 180
    assert annual(hourly, **on, days=180) == "26910.00"  # 23 x 6.5 x 180
    # 21.50 x 5.75 x 177 = 21881.625: rounded once, half up
    assert annual(hourly, "2024-07-01", hired="2022-07-01", hours_per_day="5.75", days=177) == "21881.63"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["degree"], "27800.50"),  # 27209 + 0.50 x 1183 = 27209 + 591.50
        (["behavior"], "28705.50"),  # 27209 + 5.5% = 27209 + 1496.495 = 28705.495, half up
        (["lunch duty"], "27573.00"),  # 27209 + 2.00 x 182
        (["STIPEND"], "27509.00"),  # 27209 + 300; names match in any case
    ],
)
def test_each_kind_of_differential(hourly: Path, names: list[str], expected: str) -> None:
    assert annual(hourly, "2025-07-01", hired="2022-07-01", differentials=names) == expected


def test_differentials_pro_rate_with_the_rate(hourly: Path) -> None:
    result = paycalc.annual_pay(
        "Para", "2025-07-01", hired="2022-07-01", hours_per_day=6,
        differentials=["stipend", "lunch duty", "behavior", "degree"], schedules=hourly,
    )  # fmt: skip
    # 23 x 6 x 182 = 25116; degree 0.50 x 6 x 182 = 546; behavior 5.5% of 25116 = 1381.38;
    # lunch 2 x 182 x 6/6.5 = 336; stipend 300 x 6/6.5 = 276.923...; sum 27656.303... -> 27656.30
    assert str(result.annual) == "27656.30"
    assert [(d.name, str(d.annual)) for d in result.differentials] == [
        ("degree", "546.00"),
        ("behavior", "1381.38"),
        ("lunch duty", "336.00"),
        ("stipend", "276.92"),
    ]  # fmt: skip  (in the contract's order)


def test_daily_contract(tmp_path: Path) -> None:
    daily = CONTRACT.replace("pay_basis: hourly", "pay_basis: daily").replace("regular_hours_per_day: 6.5\n", "")
    daily = daily.replace("  degree: {per_hour: 0.50}\n", "").replace(
        "regular_days_per_year: 182", "regular_days_per_year: 180"
    )
    folder = write_contract(tmp_path / "daily", daily)
    # step 2 on 2023-07-01 at $21.00 a day
    assert annual(folder, "2023-07-01", years=1) == "3780.00"  # 21 x 180
    assert annual(folder, "2023-07-01", years=1, days="175.5") == "3685.50"  # 21 x 175.5
    assert annual(folder, "2023-07-01", years=1, differentials=["lunch duty"]) == "4140.00"  # (21 + 2) x 180
    refused = runner.invoke(
        app, ["pay", "--schedules", str(folder), "--title", "para", "--years", "1", "--hours-per-day", "6"]
    )
    assert refused.exit_code == 2
    assert refused.stderr == ("Error: --hours-per-day does not fit this contract: it pays daily rates (use --days)\n")
    from paycalc.rules.printed import rule_in_words

    contract = paycalc.load_contract(folder)
    assert rule_in_words(contract, contract.schedules[0]) == "x 180 days"  # a day's rate times the days


def test_the_rule_in_words_of_each_kind_of_rate(hourly: Path) -> None:
    """How a printed figure's rule is said: an hourly rate times hours and days; an annual one as it is."""
    from paycalc.rules.printed import rule_in_words

    contract = paycalc.load_contract(hourly)
    assert rule_in_words(contract, contract.schedules[0]) == "x 6.5 hours x 182 days"
    nyc = paycalc.load_contract()
    assert rule_in_words(nyc, nyc.schedules[0]) == "x 1"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_pay_json_gives_the_hourly_rate_and_the_annual_pay(hourly: Path) -> None:
    code, out, _ = run(
        "pay", "--schedules", str(hourly), "--title", "para", "--date", "2025-07-01", "--hired", "2022-07-01",
        "--hours-per-day", "6", "--days", "180", "--differential", "degree", "--format", "json",
    )  # fmt: skip
    assert code == 0
    record = json.loads(out)
    # (23 + 0.50) x 6 x 180 = 25380
    assert {k: record[k] for k in ("pay_basis", "rate", "hours_per_day", "days", "annual", "longevity")} == {
        "pay_basis": "hourly", "rate": "23.00", "hours_per_day": "6", "days": "180", "annual": "25380.00",
        "longevity": "step 3",
    }  # fmt: skip
    assert record["differentials"] == [{"name": "degree", "kind": "per_hour", "amount": "0.50", "annual": "540.00"}]
    assert "hours" not in record and "workyear" not in record


def test_pay_table_shows_the_rate_the_differential_and_the_annual_pay(hourly: Path) -> None:
    code, out, _ = run(
        "pay", "--schedules", str(hourly), "--title", "Para", "--date", "2025-07-01", "--years", "2",
        "--differential", "behavior",
    )  # fmt: skip
    assert code == 0
    assert "$23.00 an hour ($27,209.00 a year at the regular hours and days)" in out
    assert "behavior: 5.5%, $1,496.50 a year after pro-rating" in out
    assert ["Annual", "pay", "$28,705.50"] in [line.split() for line in out.splitlines()]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--hours", "20"],
            "Error: --hours does not fit this contract: it pays hourly rates (use --hours-per-day and --days)",
        ),
        (["--workyear", "0.5", "--hours", "20"], "Error: --hours and --workyear do not fit this contract"),
    ],
)
def test_options_that_do_not_fit_the_basis_are_usage_errors(hourly: Path, args: list[str], message: str) -> None:
    code, out, err = run(
        "pay", "--schedules", str(hourly), "--title", "Para", "--date", "2025-07-01", "--years", "1", *args
    )
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_hourly_options_on_the_nyc_contract_are_usage_errors() -> None:
    code, _, err = run("pay", "--title", "Teacher Aide", "--date", "2018-06-16", "--years", "1", "--days", "180")
    assert code == 2
    assert err == "Error: --days does not fit this contract: it pays annual rates (use --hours and --workyear)\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--differential", "phd"],
            "Error: unknown differential 'phd' (this contract's: degree, behavior, lunch duty, stipend)",
        ),
        (["--hours-per-day", "25"], "Error: --hours-per-day '25' is out of range (hours a day above 0 and at most 24"),
        (["--days", "0"], "Error: --days '0' is out of range (days a year above 0 and at most 366"),
        (["--days", "1e3"], "Error: --days '1e3' is not a plain decimal number"),
    ],
)
def test_bad_work_values_are_one_error_line(hourly: Path, args: list[str], message: str) -> None:
    code, out, err = run(
        "pay", "--schedules", str(hourly), "--title", "Para", "--date", "2025-07-01", "--years", "1", *args
    )
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_history_shows_the_hourly_rate_and_the_annual_pay(hourly: Path) -> None:
    code, out, _ = run("history", "--schedules", str(hourly), "--title", "Para", "--hired", "2022-07-01", "-f", "json")
    assert code == 0
    rows = [(r["longevity"], r["rate"], r["annual"]) for r in json.loads(out)["rows"]]
    assert rows == [
        ("step 2", "21.00", "24843.00"),  # 2023-07-01: 1 year
        ("step 2", "21.50", "25434.50"),  # 2024-07-01: frozen
        ("step 3", "23.00", "27209.00"),  # 2025-07-01
    ]
    code, out, _ = run("history", "--schedules", str(hourly), "--title", "Para", "--hired", "2022-07-01")
    assert "Hourly" in out and "$21.50" in out


def test_compare_compares_the_published_hourly_rates(hourly: Path) -> None:
    result = paycalc.compare("2023-07-01", "2025-07-01", schedules=hourly)
    first = result.rows[0]
    assert (first.longevity, str(first.from_rate), str(first.to_rate), str(first.change)) == (
        "step 1",
        "20.00",
        "21.00",
        "1.00",
    )
    assert first.percent == 5  # 1.00 / 20.00


def test_the_nyc_contract_is_unchanged_by_the_new_terms() -> None:
    contract = paycalc.load_contract()
    assert contract.terms == paycalc.PayTerms()
    assert str(paycalc.annual_pay("Ed. Asst. B", "2018-06-16", years=16).annual) == "33352.00"


ROSTER = """id,title,hired,from,to,hours_per_day,days,differentials,paid_annual
A,Para,2022-07-01,2023-07-01,2023-07-31,,,,24000
B,Para,2022-07-01,2023-07-01,2023-07-31,6,,degree; stipend,24000
"""


def test_a_roster_with_hours_a_day_and_differentials(hourly: Path) -> None:
    """Monthly pay for July 2023, step 2 ($21.00 an hour), paid a flat $24,000 (2000.00 a month).

    A: 21 x 1183 = 24843 / 12 = 2070.25 owed. B: (24843 + 0.50 x 1183 + 300) x 6 / 6.5 = 23754.923...,
    / 12 = 1979.577 -> 1979.58 owed.
    """
    result = runner.invoke(
        app, ["retro", "--schedules", str(hourly), "--roster", "-", "--method", "monthly", "-f", "json"], input=ROSTER
    )
    assert result.exit_code == 0, result.output
    assert [(r["id"], r["owed"], r["paid"], r["retro"]) for r in json.loads(result.stdout)] == [
        ("A", "2070.25", "2000.00", "70.25"),
        ("B", "1979.58", "2000.00", "-20.42"),
    ]


def test_a_roster_row_in_hours_a_week_on_an_hourly_contract_is_refused(hourly: Path) -> None:
    rows = [
        {"id": "A", "title": "Para", "hired": "2022-07-01", "from": "2023-07-01", "to": "2023-07-31", "hours": "20"}
    ]
    with pytest.raises(paycalc.RowError) as raised:
        list(paycalc.retro_roster(rows, schedules=hourly))
    assert str(raised.value) == (
        "row 1: hours does not fit a contract paid hourly rates (it takes hours per day and days)"
    )


@given(
    st.integers(min_value=1, max_value=2_000_000).map(lambda n: Decimal(n).scaleb(-4)),  # up to $200.0000 an hour
    st.integers(min_value=1, max_value=96).map(lambda n: Decimal(n) / 4),  # quarter hours up to 24
    st.integers(min_value=1, max_value=366),
)
def test_full_regular_hours_and_days_pay_exactly_rate_x_hours_x_days(
    hourly: Path, rate: Decimal, hours: Decimal, days: int
) -> None:
    contract = paycalc.load_contract(hourly)
    terms = contract.terms._replace(hours_per_day=hours, days_per_year=Decimal(days))
    schedules = tuple(s._replace(rates={"Para": dict.fromkeys(s.rates["Para"], rate)}) for s in contract.schedules)
    contract = contract._replace(terms=terms, schedules=schedules)
    result = paycalc.annual_pay("Para", "2025-07-01", years=0, schedules=contract)
    exact = rate * hours * days  # at most 4 + 2 decimals: Decimal multiplies these exactly
    assert result.annual == exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert result.factor == 1


def test_costing_an_hourly_contract_monthly(hourly: Path, tmp_path: Path) -> None:
    """Fiscal year 2025-26, monthly pay. The status quo freezes the 2024-07-01 schedule; the offer adds
    10% on 2025-07-01 (cents, half up). Both members are on step 2 all year (the freeze held them back).

    A, full time: status quo 21.50 x 1183 = 25434.50 / 12 = 2119.54 a month -> 25434.48;
                  offer 23.65 x 1183 = 27977.95 / 12 = 2331.50 a month -> 27978.00.
    B, 6 hours a day: status quo 21.50 x 6 x 182 = 23478 -> 1956.50 x 12 = 23478.00;
                  offer 23.65 x 6 x 182 = 25825.80 -> 2152.15 x 12 = 25825.80.
    """
    offer = tmp_path / "offer.yaml"
    offer.write_text(
        "name: offer\nbase: 2025-06-30\nrounding: cent\nchanges:\n  - {effective: 2025-07-01, percent: 10}\n"
    )
    members = [
        {"id": "A", "title": "Para", "hired": "2022-09-01"},
        {"id": "B", "title": "Para", "hired": "2022-09-01", "hours_per_day": "6"},
    ]
    costing = paycalc.cost(members, [offer], start="2025-07-01", end="2026-06-30", method="monthly", schedules=hourly)
    line = costing.total.proposals[0]
    assert (str(costing.total.status_quo), str(line.payroll), str(line.increase)) == (
        "48912.48", "53803.80", "4891.32",
    )  # fmt: skip
    assert (str(line.smallest), str(line.largest)) == ("2347.80", "2543.52")


def test_a_written_proposal_keeps_the_pay_terms(hourly: Path, tmp_path: Path) -> None:
    offer = tmp_path / "offer.yaml"
    offer.write_text(
        "name: offer\nbase: 2025-06-30\nrounding: cent\nchanges:\n  - {effective: 2025-07-01, percent: 10}\n"
    )
    written = tmp_path / "written"
    result = runner.invoke(app, ["propose", str(offer), "--schedules", str(hourly), "--write", str(written)])
    assert result.exit_code == 0, result.output
    assert paycalc.load_contract(written).terms == paycalc.load_contract(hourly).terms
    # step 2 on 2025-07-01 (the freeze held them back): 21.50 x 1.10 = 23.65 an hour, + 5.5%, x 1183
    # = 27977.95 + 1538.78725 = 29516.73725 -> 29516.74
    options = {"hired": "2022-09-01", "differentials": ["behavior"]}
    assert annual(written, "2025-07-01", **options) == "29516.74"
    proposed = paycalc.load_proposal(offer, hourly)
    assert annual(proposed, "2025-07-01", **options) == "29516.74"  # type: ignore[arg-type]


def test_a_freeze_on_an_anniversary_contract_delays_each_anniversary_inside_it() -> None:
    """tests/fixtures/other-local: tiers at 0, 3, 10 and 20 years on anniversaries; a freeze added here.

    Hired 2020-09-01, the 3rd anniversary 2023-09-01 falls in the freeze: 3 - 1 = 2 years, still base;
    the 4th, 2024-09-01, counts 4 - 1 = 3: the 3-year row (the 2024 schedule prints 33038.02).
    """
    contract = paycalc.load_contract(Path(__file__).parent / "fixtures" / "other-local")
    frozen = contract._replace(terms=contract.terms._replace(freezes=((date(2023, 7, 1), date(2024, 6, 30)),)))
    on = {"hired": "2020-09-01", "schedules": frozen}
    assert paycalc.annual_pay("Paraeducator", "2023-09-01", **on).longevity == "base"  # type: ignore[arg-type]
    assert str(paycalc.annual_pay("Paraeducator", "2024-08-31", **on).annual) == "32188.02"  # type: ignore[arg-type]
    assert str(paycalc.annual_pay("Paraeducator", "2024-09-01", **on).annual) == "33038.02"  # type: ignore[arg-type]
    result = paycalc.retro_pay("Paraeducator", start="2023-07-01", end="2024-12-31", paid_annual=0, **on)  # type: ignore[arg-type]
    assert [(s.start.isoformat(), s.longevity) for s in result.segments] == [
        ("2023-07-01", "base"), ("2024-07-01", "base"), ("2024-09-01", "3-year"),
    ]  # fmt: skip


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=20 * 366),
    st.integers(min_value=0, max_value=5 * 366),
)
def test_steps_never_go_back_and_never_outrun_service(hourly: Path, hired: date, after: int, more: int) -> None:
    from paycalc.rules import core, steps

    contract = paycalc.load_contract(hourly)
    on = hired + timedelta(days=after)
    later = on + timedelta(days=more)
    counted = steps.counted_years(contract, hired, on)
    assert 0 <= counted <= core.completed_years(hired, on)
    assert steps.counted_years(contract, hired, later) >= counted


def test_a_rate_with_four_decimals_is_shown_as_published(tmp_path: Path) -> None:
    folder = write_contract(tmp_path / "fine")
    (folder / "2025-07-01.yaml").write_text(
        "effective: 2025-07-01\nsource: {article: Appendix A}\n"
        "rates:\n  Para: {step 1: 18.2575, step 2: 22.00, step 3: 23.00, step 4: 24.00}\n"
    )
    code, out, _ = run(
        "pay", "--schedules", str(folder), "--title", "Para", "--date", "2025-07-01", "--years", "0", "-f", "json"
    )
    assert code == 0
    record = json.loads(out)
    assert (record["rate"], record["annual"]) == ("18.2575", "21598.62")  # 18.2575 x 1183 = 21598.6225


def test_schedules_list_says_the_pay_terms(hourly: Path) -> None:
    code, out, _ = run("schedules", "list", "--schedules", str(hourly))
    assert code == 0
    assert "Hourly rates: annual pay is the rate x 6.5 hours a day x 182 days." in out
    assert "Steps move for everyone on 07-01 each year." in out
    assert "Steps frozen from 2024-07-01 to 2025-06-30" in out
    code, out, _ = run("schedules", "list")
    assert "Hourly" not in out and "Steps" not in out  # the NYC contract: anniversaries, annual rates


@pytest.mark.parametrize("name", ["associate", "ASSOCIATE", " Associate "])
def test_retro_for_one_person_prices_a_differential_named_in_any_case(name: str) -> None:
    """examples/hourly-local, July 2024, monthly: step 4 both sides (2019 hire, 2024-07-01 frozen).

    Owed: (18.19 + 0.50) x 6.5 x 182 = 22110.27 / 12 = 1842.5225 -> 1842.52;
    paid, the 2023 schedule: (17.83 + 0.50) x 1183 = 21684.39 / 12 = 1807.0325 -> 1807.03.
    """
    result = paycalc.retro_pay(
        "Para", hired="2019-08-26", start="2024-07-01", end="2024-07-31", paid_schedule="2023-07-01",
        differentials=[name], method="monthly", schedules=Path(__file__).parents[1] / "examples" / "hourly-local",
    )  # fmt: skip
    assert (str(result.owed), str(result.paid)) == ("1842.52", "1807.03")


def test_retro_refuses_a_differential_the_contract_does_not_have(hourly: Path) -> None:
    result = runner.invoke(
        app,
        ["retro", "--schedules", str(hourly), "--title", "Para", "--hired", "2022-07-01", "--from", "2023-07-01",
         "--to", "2023-07-31", "--paid-annual", "24000", "--differential", "phd"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown differential 'phd' (this contract's: degree, behavior")


def test_a_hire_inside_a_freeze_on_an_anniversary_contract(tmp_path: Path) -> None:
    # steps on each hire anniversary; the freeze 2024-07-01..2025-06-30; hired 2024-09-03, inside it.
    # The first anniversary, 2025-09-03, is after the freeze: it counts. (2025-09-02: none yet.)
    folder = write_contract(
        tmp_path / "anniv", CONTRACT.replace('step_advance: "07-01"\nnew_hire_cutoff: "07-02"\n', "")
    )
    before = paycalc.annual_pay("Para", "2025-09-02", hired="2024-09-03", schedules=folder)
    on = paycalc.annual_pay("Para", "2025-09-03", hired="2024-09-03", schedules=folder)
    assert (before.years, before.longevity) == (0, "step 1")
    assert (on.years, on.longevity) == (1, "step 2")
    assert on.annual == Decimal("22.00") * 1183  # step 2 of 2025-07-01 x 6.5 x 182
    # hired 2023-09-05: the anniversary 2024-09-05 falls in the freeze and never counts
    frozen = paycalc.annual_pay("Para", "2025-09-05", hired="2023-09-05", schedules=folder)
    assert (frozen.years, frozen.longevity) == (1, "step 2")  # 2 anniversaries, one frozen


def test_a_step_falling_on_the_last_day_of_retro(hourly: Path) -> None:
    # steps on July 1; hired 2023-07-01, the step day 2024-07-01 is frozen (2024-07-01..2025-06-30), so
    # 2025-06-30 is still step 1 ($20.50 in 2024-07-01's schedule) and 2025-07-01 step 2 ($22.00 in 2025's).
    result = paycalc.retro_pay(
        "Para", hired="2023-07-01", start="2025-06-30", end="2025-07-01", paid_annual=0, method="daily",
        schedules=hourly,
    )  # fmt: skip
    assert [(str(s.start), s.longevity) for s in result.segments] == [
        ("2025-06-30", "step 1"),
        ("2025-07-01", "step 2"),
    ]
    # one day each of a 365-day year: 20.50 x 1183 / 365 and 22.00 x 1183 / 365, each to the cent
    day = lambda rate: (Decimal(rate) * 1183 / 365).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)  # noqa: E731
    assert result.owed == day("20.50") + day("22.00")
