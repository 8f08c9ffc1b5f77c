"""The Lunenburg (MA) paraprofessionals' FY26-FY28 scale: every printed cell, steps, cycles, changes.

The numbers below are written out by hand from the district's "Paraprofessional Salary Scale"
(shared/seeds/lunenburg-para-salary-fy26-fy28.txt, each column rebuilt from the recognised text): for
each year and column, the hourly rate and the annual salary printed beside it, step 1 first. The rule:
annual = hourly x 6.5 hours x 193 days (1,254.5 hours) in FY26 and FY27, x 194 days (1,261 hours) in
FY28, to the cent, half up.
"""

from __future__ import annotations

import itertools
import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app

HOURS = {"2025-07-01": Decimal("1254.5"), "2026-07-01": Decimal("1254.5"), "2027-07-01": Decimal("1261")}
COLUMNS = ("High School", "Associate's", "Bachelor's", "Licensed Bachelor's")

PRINTED = {  # effective date -> column -> (hourly rates, annual salaries), as printed
    "2025-07-01": {
        "High School": (
            "17.49 18.29 19.39 20.25 21.10 22.01 22.87 23.73 24.59",
            "21941.21 22944.81 24324.76 25403.63 26469.95 27611.55 28690.42 29769.29 30848.16",
        ),
        "Associate's": (
            "17.68 18.97 20.08 20.97 21.90 22.85 23.86 24.92 25.98",
            "22179.56 23797.87 25190.36 26306.87 27473.55 28665.33 29932.37 31263.70 32591.91",
        ),
        "Bachelor's": (
            "17.87 19.65 20.77 21.69 22.69 23.69 24.86 26.10 27.24",
            "22417.92 24650.93 26055.97 27210.11 28464.61 29719.11 31186.87 32742.45 34172.58",
        ),
        "Licensed Bachelor's": (
            "18.47 20.24 21.37 22.29 23.29 24.29 25.45 26.70 27.84",
            "23170.62 25391.08 26808.67 27962.81 29217.31 30471.81 31927.03 33495.15 34925.28",
        ),
    },
    "2026-07-01": {
        "High School": (
            "18.02 18.84 19.97 20.86 21.73 22.67 23.56 24.44 25.33 26.46",
            "22606.09 23634.78 25052.37 26168.87 27260.29 28439.52 29556.02 30659.98 31776.49 33194.07",
        ),
        "Associate's": (
            "18.21 19.54 20.68 21.60 22.55 23.53 24.58 25.67 26.76 27.85",
            "22844.45 24512.93 25943.06 27097.20 28288.98 29518.39 30835.61 32203.02 33570.42 34937.83",
        ),
        "Bachelor's": (
            "18.40 20.23 21.39 22.35 23.37 24.40 25.60 26.89 28.45 29.75",
            "23082.80 25378.54 26833.76 28038.75 29317.67 30609.80 32115.20 33733.51 35690.53 37321.38",
        ),
        "Licensed Bachelor's": (
            "19.00 20.83 21.99 22.94 23.97 25.00 26.20 27.48 29.05 30.35",
            "23835.50 26131.24 27586.46 28778.23 30070.37 31362.50 32867.90 34473.66 36443.23 38074.08",
        ),
    },
    "2027-07-01": {
        "High School": (
            "18.47 19.31 20.47 21.38 22.28 23.23 24.14 25.06 25.96 27.12 27.89",
            "23290.67 24349.91 25812.67 26960.18 28095.08 29293.03 30440.54 31600.66 32735.56 34198.32 35169.29",
        ),
        "Associate's": (
            "18.67 20.03 21.20 22.14 23.12 24.12 25.19 26.31 27.43 28.55 29.53",
            "23542.87 25257.83 26733.20 27918.54 29154.32 30415.32 31764.59 33176.91 34589.23 36001.55 37237.33",
        ),
        "Bachelor's": (
            "18.86 20.74 21.93 22.90 23.96 25.01 26.24 27.56 29.16 30.49 31.68",
            "23782.46 26153.14 27653.73 28876.90 30213.56 31537.61 33088.64 34753.16 36770.76 38447.89 39948.48",
        ),
        "Licensed Bachelor's": (
            "19.46 21.34 22.52 23.50 24.56 25.61 26.84 28.16 29.76 31.09 32.28",
            "24539.06 26909.74 28397.72 29633.50 30970.16 32294.21 33845.24 35509.76 37527.36 39204.49 40705.08",
        ),
    },
}

# The two printed annual figures that are not hourly x hours (worked by hand):
#   FY26 Associate's step 8: 24.92 x 1254.5 = 31,262.14 (printed 31,263.70);
#   FY27 Bachelor's step 4:  22.35 x 1254.5 = 28,038.075 -> 28,038.08 (printed 28,038.75).
DIFFERENT = {("2025-07-01", "Associate's", 8): "31262.14", ("2026-07-01", "Bachelor's", 4): "28038.08"}

CELLS = [
    (day, column, step, Decimal(hourly), Decimal(annual))
    for day, table in PRINTED.items()
    for column, (rates, annuals) in table.items()
    for step, (hourly, annual) in enumerate(zip(rates.split(), annuals.split(), strict=True), start=1)
]


def rule(hourly: Decimal, day: str) -> Decimal:
    return (hourly * HOURS[day]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def contract() -> paycalc.Contract:
    return paycalc.load_contract(paycalc.contract.loader.bundled_contract("lunenburg-paras"))


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def test_every_cell_is_there_240_numbers() -> None:
    assert len(CELLS) * 2 == 240
    assert [len(PRINTED[d]["High School"][0].split()) for d in PRINTED] == [9, 10, 11]


def test_the_transcription_matches_the_rule_but_for_two_cells() -> None:
    differing = {(d, c, s): str(rule(h, d)) for d, c, s, h, a in CELLS if rule(h, d) != a}
    assert differing == DIFFERENT


@pytest.mark.parametrize(("day", "column", "step", "hourly", "annual"), CELLS)
def test_each_cell_pays_its_rate_by_the_rule(
    contract: paycalc.Contract, day: str, column: str, step: int, hourly: Decimal, annual: Decimal
) -> None:
    schedule = next(s for s in contract.schedules if str(s.effective) == day)
    assert schedule.rates[column][f"step {step}"] == hourly
    assert schedule.printed[column][f"step {step}"] == annual
    paid = paycalc.annual_pay(column, day, years=step - 1, schedules=contract)
    assert paid.longevity == f"step {step}"
    assert paid.rate == hourly
    assert paid.annual == rule(hourly, day)
    assert any("prints" in note for note in paid.notes) == ((day, column, step) in DIFFERENT)


def test_the_done_when_command() -> None:
    code, out, _ = cli(
        "pay", "--contract", "lunenburg-paras", "--title", "Bachelor's", "--years", "3", "--date", "2027-03-01"
    )
    assert code == 0
    assert "step 4, 3 years counted toward steps" in out
    assert "Annual pay  $28,038.08" in out  # 22.35 x 1254.5 = 28,038.075, half up
    assert "prints $28,038.75 for this cell" in " ".join(out.split())


def test_validate_reports_exactly_the_cells_that_differ() -> None:
    code, out, _ = cli("schedules", "validate", "--contract", "lunenburg-paras")
    assert code == 0
    warnings = [line for line in out.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 2
    assert "2025-07-01.yaml: printed_annual.Associate's.step 8: prints $31,263.70" in warnings[0]
    assert "gives $31,262.14" in warnings[0]
    assert "2026-07-01.yaml: printed_annual.Bachelor's.step 4: prints $28,038.75" in warnings[1]
    assert "gives $28,038.08" in warnings[1]
    assert "2 printed figures differ from the rule" in out


def test_aliases_and_the_step_option() -> None:
    for name in ("Column 3", "bachelors", "Bachelor's degree"):
        assert paycalc.annual_pay(name, "2027-03-01", years=3, schedules=_folder()).title == "Bachelor's"
    code, out, _ = cli(
        "pay", "--contract", "lunenburg-paras", "--title", "Column 4", "--step", "11", "--date", "2027-07-01"
    )
    assert code == 0 and "Annual pay  $40,705.08" in out  # 32.28 x 1261 = 40,705.08
    code, _, err = cli("pay", "--contract", "lunenburg-paras", "--title", "Column 4", "--step", "12")
    assert code == 1 and err.startswith(
        "Error: --step '12' is not a step of this contract (a whole number from 1 to 11"
    )
    code, _, err = cli("pay", "--contract", "lunenburg-paras", "--title", "Column 4", "--step", "2", "--years", "1")
    assert code == 2 and "--step with --years or --hired" in err


def _folder() -> str:
    return str(paycalc.contract.loader.bundled_contract("lunenburg-paras"))


@pytest.mark.parametrize(
    ("on", "step", "hourly", "hours"),
    [
        # FY26 prints 9 steps: 10 and 11 counted years are paid step 9 (27.24 x 1254.5 = 34,172.58)
        ("2026-06-30", 9, "27.24", "1254.5"),
        # FY27 prints 10: step 10 (29.75 x 1254.5 = 37,321.375 -> 37,321.38)
        ("2026-07-01", 10, "29.75", "1254.5"),
        # FY28 prints 11 (31.68 x 1261 = 39,948.48)
        ("2027-07-01", 11, "31.68", "1261"),
    ],
)
def test_a_member_past_the_top_step_is_paid_the_top(on: str, step: int, hourly: str, hours: str) -> None:
    paid = paycalc.annual_pay("Bachelor's", on, years=10, schedules=_folder())
    assert paid.longevity == f"step {step}"
    assert paid.annual == (Decimal(hourly) * Decimal(hours)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert (step < 11) == any("past the top step" in note for note in paid.notes)


@pytest.mark.parametrize(
    ("hired", "on", "step", "hourly"),
    [
        # the MOA: "Returning employees will advance a step from their placement in the previous year. Employees
        # will advance a step each July 1": step 1 on hire, one more on each July 1 after the hire date
        ("2025-09-03", "2026-06-30", 1, "17.49"),  # placed, no July 1 yet
        ("2024-09-03", "2025-07-01", 2, "18.29"),  # the July 1 after hire: step 2 (the issue's own case)
        ("2025-06-30", "2025-07-01", 2, "18.29"),  # hired the day before a July 1 advances on it
        ("2025-07-01", "2025-07-01", 1, "17.49"),  # hired on July 1 is placed that day, not advanced
        ("2025-07-01", "2026-06-30", 1, "17.49"),
        ("2025-07-01", "2026-07-01", 2, "18.84"),  # FY27 step 2
        ("2025-07-02", "2026-07-01", 2, "18.84"),  # the day after a July 1: the next one advances her
        ("2022-09-06", "2026-06-30", 4, "20.25"),  # July 1s 2023, 2024, 2025
        ("2022-09-06", "2026-07-01", 5, "21.73"),  # and 2026: FY27 step 5
        ("2024-02-29", "2025-07-01", 3, "19.39"),  # a Feb 29 hire counts July 1s like any other: 2024, 2025
    ],
)
def test_steps_move_on_each_july_1_after_hire(hired: str, on: str, step: int, hourly: str) -> None:
    paid = paycalc.annual_pay("High School", on, hired=hired, schedules=_folder())
    assert (paid.longevity, paid.rate) == (f"step {step}", Decimal(hourly))


def test_the_issue_s_member_is_on_step_2() -> None:
    code, out, _ = cli(
        "pay",
        "--contract",
        "lunenburg-paras",
        "--title",
        "High School",
        "--hired",
        "2024-09-03",
        "--date",
        "2025-07-01",
    )
    assert code == 0
    assert "step 2, 1 year counted toward steps" in out
    assert "Annual pay  $22,944.81" in out  # 18.29 x 1254.5 = 22,944.805 -> 22,944.81 (printed 22,944.81)


def test_fy28_adds_a_day() -> None:
    paid = paycalc.annual_pay("High School", "2027-07-01", years=0, schedules=_folder())
    assert paid.days == Decimal(194)
    assert paid.annual == Decimal("23290.67")  # 18.47 x 6.5 x 194 = 23,290.67
    fewer = paycalc.annual_pay("High School", "2027-07-01", years=0, days=180, schedules=_folder())
    assert fewer.annual == Decimal("21609.90")  # 18.47 x 6.5 x 180 = 21,609.90


def test_compare_shows_the_steps_both_schedules_print() -> None:
    result = paycalc.compare("2025-07-01", "2026-07-01", title="Bachelor's", schedules=_folder())
    assert [row.longevity for row in result.rows] == [f"step {n}" for n in range(1, 10)]
    assert result.rows[3].from_rate == Decimal("21.69") and result.rows[3].to_rate == Decimal("22.35")
    assert result.notes == (
        "The 2026-07-01 schedule also prints step 10, which the 2025-07-01 schedule does not: compared are the "
        "steps both print.",
    )


def test_a_change_of_column_splits_the_period() -> None:
    # Associate's step 6 in FY26 (22.85 x 1254.5 = 28,665.325), Bachelor's from 2026-01-05 (23.69 -> 29,719.105)
    # hired 2020-09-03: July 1s 2021 to 2025 after hire, so step 6 in FY26
    base = {"hired": "2020-09-03", "paid_annual": "0", "schedules": _folder(), "method": "daily"}
    changed = paycalc.retro_pay(
        "Associate's", start="2025-07-01", end="2026-06-30", changes=["2026-01-05:title=Bachelor's"], **base
    )
    first = paycalc.retro_pay("Associate's", start="2025-07-01", end="2026-01-04", **base)
    second = paycalc.retro_pay("Bachelor's", start="2026-01-05", end="2026-06-30", **base)
    assert changed.owed == first.owed + second.owed
    assert [s.title for s in changed.segments] == ["Associate's", "Bachelor's"]
    # daily pay, a piece per calendar year, each day annual / 365, each piece to the cent, half up:
    # 2025-07-01..12-31 is 184 days and 2026-01-01..01-04 is 4, at 28,665.325; 2026-01-05..06-30 is 177 at 29,719.105
    cent = Decimal("0.01")
    assert first.owed == sum(
        (Decimal("28665.325") * days / 365).quantize(cent, rounding=ROUND_HALF_UP) for days in (184, 4)
    )
    assert second.owed == (Decimal("29719.105") * 177 / 365).quantize(cent, rounding=ROUND_HALF_UP)


def test_change_errors() -> None:
    common = ["retro", "--contract", "lunenburg-paras", "--title", "Associate's", "--hired", "2019-09-03"]
    common += ["--from", "2025-07-01", "--to", "2026-06-30", "--paid-annual", "0"]
    code, _, err = cli(*common, "--change", "2026-01-05:rank=3")
    assert code == 1 and "Error: --change '2026-01-05:rank=3' is not a change (DATE:KEY=VALUE" in err
    code, _, err = cli(*common, "--change", "2026-07-05:title=Bachelor's")
    assert code == 1 and "is after the end 2026-06-30" in err
    code, _, err = cli(*common, "--change", "2026-01-05:title=Nurse")
    assert code == 1 and "unknown title 'Nurse'" in err
    code, _, err = cli(*common, "--change", "2026-01-05:workyear=0.5")
    assert code == 1 and "workyear does not fit a contract paid hourly rates" in err
    code, _, err = cli(*common, "--pay-cycles", "23")
    assert code == 1 and "Error: --pay-cycles '23' is not offered (22 or 26 biweekly checks a year)" in err
    code, _, err = cli(*common, "--pay-cycles", "22", "--method", "semimonthly")
    assert code == 2 and "--pay-cycles applies to biweekly pay, not semimonthly" in err


def test_contract_option_errors() -> None:
    code, _, err = cli("pay", "--contract", "boston", "--title", "x", "--years", "1")
    assert code == 1 and err == (
        "Error: --contract 'boston' is not a bundled contract (one of: nyc-paras, lunenburg-paras, "
        "lunenburg-paras-posted; "
        "'paycalc contracts' lists them)\n"
    )
    code, _, err = cli("pay", "--contract", "nyc-paras", "--schedules", "schedules", "--title", "x", "--years", "1")
    assert code == 2 and "--contract and --schedules both given" in err


def test_contracts_lists_both_as_json() -> None:
    _code, out, _ = cli("contracts", "--format", "json")
    records = json.loads(out)
    assert [(r["name"], r["term"]["start"], r["term"]["end"], r["default"]) for r in records] == [
        ("nyc-paras", "2009-11-01", "2018-11-30", True),
        ("lunenburg-paras", "2025-07-01", "2028-06-30", False),
        ("lunenburg-paras-posted", "2025-07-01", "2028-06-30", False),
    ]
    assert records[1]["parties"] == ["Lunenburg School Committee", "AFSCME Council 93, AFL-CIO, Local 503"]


def test_history_adds_a_row_on_a_change() -> None:
    result = paycalc.history(  # hired 2020-09-03: five July 1s (2021-2025) after hire by 2025-07-01
        "Associate's", hired="2020-09-03", schedules=_folder(), changes=["2026-01-05:title=Bachelor's"]
    )
    rows = [(str(r.date), r.title, r.longevity, str(r.annual)) for r in result.rows]
    assert rows == [
        ("2025-07-01", "Associate's", "step 6", "28665.33"),  # 22.85 x 1254.5 = 28,665.325
        ("2026-01-05", "Bachelor's", "step 6", "29719.11"),  # 23.69 x 1254.5 = 29,719.105
        ("2026-07-01", "Bachelor's", "step 7", "32115.20"),  # 25.60 x 1254.5
        ("2027-07-01", "Bachelor's", "step 8", "34753.16"),  # 27.56 x 1261
    ]
    assert date(2026, 1, 5) in [r.date for r in result.rows]


_LUNENBURG_DAYS = st.integers(min_value=0, max_value=(date(2028, 6, 30) - date(2025, 7, 1)).days)


@settings(max_examples=60, deadline=None)
@given(
    cuts=st.lists(_LUNENBURG_DAYS, min_size=0, max_size=3, unique=True),
    titles=st.lists(st.sampled_from(COLUMNS), min_size=4, max_size=4),
    hours=st.lists(st.sampled_from([None, "6", "3.25", "7"]), min_size=4, max_size=4),
    hired_days=st.integers(min_value=0, max_value=4000),
    method=st.sampled_from(["biweekly", "semimonthly", "monthly"]),
)
def test_several_rows_of_one_member_cost_the_sum_of_each_row_alone(
    cuts: list[int], titles: list[str], hours: list[str | None], hired_days: int, method: str
) -> None:
    from datetime import timedelta

    from paycalc.membership import costing
    from paycalc.rules import periods, retro

    contract = paycalc.load_contract(_folder())
    start, end = date(2025, 7, 1), date(2028, 6, 30)
    hired = date(2025, 7, 1) - timedelta(days=2000) + timedelta(days=hired_days)
    days = sorted(start + timedelta(days=d) for d in cuts if d > 0)
    bounds = [start, *days, end + timedelta(days=1)]
    lines = ["id,title,hired,from,to,hours_per_day"]
    for i, (a, b) in enumerate(itertools.pairwise(bounds)):
        lines.append(f"M,{titles[i]},{hired},{a},{b - timedelta(days=1)},{hours[i] or ''}")
    import csv
    import io

    (member,) = costing.read_members(csv.DictReader(io.StringIO("\n".join(lines) + "\n")))
    pieces = costing.fiscal_years(start, end, "07-01")
    _, _, pay_for = periods.for_contract(contract, method, None)
    expected = [0] * len(pieces)
    for i, (a, b) in enumerate(itertools.pairwise(bounds)):
        work = paycalc.Work(hours_per_day=None if hours[i] is None else Decimal(hours[i]))
        for k, (p, q) in enumerate(pieces):
            low, high = max(a, p, hired), min(b - timedelta(days=1), q)
            if low <= high:
                expected[k] += retro.totals(
                    contract,
                    titles[i],
                    hired=hired,
                    start=low,
                    end=high,
                    work=work,
                    paid_annual=Decimal(0),
                    pay_for=pay_for,
                )[0]
    assert costing.payroll(contract, member, pieces, pay_for) == expected


def test_schedules_show_prints_the_steps_the_schedule_prints() -> None:
    code, out, _ = cli("schedules", "show", "2025-07-01", "--contract", "lunenburg-paras")
    assert code == 0 and "step 9" in out and "step 10" not in out
    assert "This schedule prints 9 steps: a member past step 9 is paid step 9." in out
    code, out, _ = cli("schedules", "show", "2027-07-01", "--contract", "lunenburg-paras", "--format", "json")
    record = json.loads(out)
    assert list(record["rates"]["High School"]) == [f"step {n}" for n in range(1, 12)]
    assert record["printed_annual"]["High School"]["step 11"] == "35169.29"
    code, out, _ = cli("schedules", "list", "--contract", "lunenburg-paras")
    assert "From 2027-07-01: the rate x 6.5 hours a day x 194 days." in out


def test_validate_takes_a_contract_or_a_folder_not_both(monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli("schedules", "validate", "schedules", "--contract", "lunenburg-paras")
    assert code == 2
    assert err == "Error: --contract and DIR both given (one: a bundled contract by name, or a folder)\n"
    result = CliRunner().invoke(
        app, ["schedules", "validate", "--contract", "lunenburg-paras"], env={"PAYCALC_SCHEDULES": "schedules"}
    )
    assert result.exit_code == 0 and result.stdout.splitlines()[-1].startswith("OK: lunenburg-paras:")  # it wins


def test_days_of_their_own_in_fy28_are_paid_the_fy28_rate_for_those_days(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """FY28 adds a day (194, Patriot's Day): each schedule's pro-rating is against its own year. A para on 6 hours
    for 180 days is paid the printed rate for those hours and days, whatever the regular year: FY28's High School
    step 3 is $20.47 an hour ("2028 Pay Scale"), so 20.47 x 6 x 180 = 22,107.60, a year and a roster alike."""
    asked = ["--contract", "lunenburg-paras", "--hours-per-day", "6", "--days", "180"]
    result = CliRunner().invoke(
        app, ["pay", *asked, "--title", "High School", "--step", "3", "--date", "2027-09-01", "-f", "json"]
    )
    assert json.loads(result.stdout)["annual"] == str(Decimal("20.47") * 6 * 180)
    roster = tmp_path / "staff.csv"
    roster.write_text("id,title,step,from,to,hours_per_day,days\nA,High School,3,2027-07-01,2028-06-30,6,180\n")
    paid = CliRunner().invoke(app, ["retro", "--roster", str(roster), "--contract", "lunenburg-paras"])
    assert paid.stdout.splitlines()[1].split(",")[2] == "22107.60"  # owed: FY28's whole year, in columns
