"""What the corrected Lunenburg scale owes those paid the posted one: ``--paid-contract lunenburg-paras-posted``.

The posted scale's 240 figures are written out by hand below from shared/seeds/lunenburg-para-salary-posted-
fy26-fy28.txt (the cell-by-cell transcription cited there); the corrected ones are test_lunenburg's. Each
expected amount is worked from those two tables: annual = hourly x 1,254.5 hours (FY26, FY27) or x 1,261 (FY28),
to the cent, half up; what the correction owes a fiscal year is the corrected annual minus the posted one.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from tests.test_lunenburg import COLUMNS, PRINTED, _folder, rule

POSTED = {  # effective date -> column (PARA 1-4) -> (hourly rates, annual salaries), as printed
    "2025-07-01": {
        "High School": (
            "16.82 17.59 18.64 19.47 20.29 21.16 21.99 22.82 24.59",
            "21100.69 22066.66 23383.88 24425.12 25453.81 26545.22 27586.46 28627.69 30848.16",
        ),
        "Associate's": (
            "17.00 18.24 19.31 20.17 21.06 21.97 22.95 23.96 25.98",
            "21326.50 22882.08 24224.40 25303.27 26419.77 27561.37 28790.78 30057.82 32591.91",
        ),
        "Bachelor's": (
            "17.18 18.89 19.97 20.86 21.82 22.78 23.90 25.10 27.24",
            "21552.31 23697.51 25052.37 26168.87 27373.19 28577.51 29982.55 31487.95 34172.58",
        ),
        "Licensed Bachelor's": (
            "17.78 19.49 20.57 21.46 22.42 23.38 24.50 25.70 27.84",
            "22305.01 24450.21 25805.07 26921.57 28125.89 29330.21 30735.25 32240.65 34925.28",
        ),
    },
    "2026-07-01": {
        "High School": (
            "17.32 18.12 19.20 20.05 20.90 21.79 22.65 23.50 25.33 26.46",
            "21727.94 22731.54 24086.40 25152.73 26219.05 27335.56 28414.43 29480.75 31776.49 33194.07",
        ),
        "Associate's": (
            "17.51 18.79 19.88 20.77 21.69 22.63 23.63 24.68 26.76 27.85",
            "21966.30 23572.06 24939.46 26055.97 27210.11 28389.34 29643.84 30961.06 33570.42 34937.83",
        ),
        "Bachelor's": (
            "17.70 19.46 20.57 21.49 22.47 23.46 24.62 25.85 28.06 29.75",
            "22204.65 24412.57 25805.07 26959.21 28188.62 29430.57 30885.79 32428.83 35201.27 37321.38",
        ),
        "Licensed Bachelor's": (
            "18.31 20.07 21.19 22.10 23.09 24.08 25.24 26.47 28.68 30.35",
            "22969.90 25177.82 26582.86 27724.45 28966.41 30208.36 31663.58 33206.62 35979.06 38074.08",
        ),
    },
    "2027-07-01": {
        "High School": (
            "17.67 18.48 19.58 20.45 21.32 22.23 23.10 23.97 25.84 26.99 27.89",
            "22281.87 23303.28 24690.38 25787.45 26884.52 28032.03 29129.10 30226.17 32584.24 34034.39 35169.29",
        ),
        "Associate's": (
            "17.86 19.16 20.28 21.19 22.12 23.08 24.11 25.17 27.29 28.41 29.53",
            "22521.46 24160.76 25573.08 26720.59 27893.32 29103.88 30402.71 31739.37 34412.29 35825.01 37237.33",
        ),
        "Bachelor's": (
            "18.05 19.85 20.98 21.92 22.92 23.93 25.11 26.37 28.62 30.35 31.68",
            "22761.05 25030.85 26455.78 27641.12 28902.12 30175.73 31663.71 33252.57 36089.82 38271.35 39948.48",
        ),
        "Licensed Bachelor's": (
            "18.68 20.47 21.61 22.54 23.55 24.56 25.74 27.00 29.25 30.96 32.27",
            "23555.48 25812.67 27250.21 28422.94 29696.55 30970.16 32458.14 34047.00 36884.25 39040.56 40692.47",
        ),
    },
}

POSTED_CELLS = {
    (day, column, step): (Decimal(hourly), Decimal(annual))
    for day, table in POSTED.items()
    for column, (rates, annuals) in table.items()
    for step, (hourly, annual) in enumerate(zip(rates.split(), annuals.split(), strict=True), start=1)
}
CORRECTED = {
    (day, column, step): Decimal(hourly)
    for day, table in PRINTED.items()
    for column, (rates, _) in table.items()
    for step, hourly in enumerate(rates.split(), start=1)
}
FY = {2026: "2025-07-01", 2027: "2026-07-01", 2028: "2027-07-01"}


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def owed(year: int, column: str, step: int) -> Decimal:
    """What the correction owes a full-time member on ``step`` for the whole fiscal year ``year``."""
    day = FY[year]
    return rule(CORRECTED[(day, column, step)], day) - rule(POSTED_CELLS[(day, column, step)][0], day)


def test_the_posted_scale_is_bundled_as_printed() -> None:
    assert len(POSTED_CELLS) * 2 == 240
    posted = paycalc.load_contract(paycalc.contract.loader.bundled_contract("lunenburg-paras-posted"))
    for (day, column, step), (hourly, annual) in POSTED_CELLS.items():
        schedule = next(s for s in posted.schedules if str(s.effective) == day)
        assert schedule.rates[column][f"step {step}"] == hourly
        assert schedule.printed[column][f"step {step}"] == annual
    assert "superseded" in posted.name


def test_the_posted_rule_holds_but_for_one_cell() -> None:
    # the source note: 119 of 120 posted annuals are hourly x hours; FY28 PARA 2 step 9 prints 34,412.29 where
    # 27.29 x 1,261 = 34,412.69
    differing = {key: str(rule(h, key[0])) for key, (h, a) in POSTED_CELLS.items() if rule(h, key[0]) != a}
    assert differing == {("2027-07-01", "Associate's", 9): "34412.69"}


def test_the_corrected_scale_is_higher_in_107_rates_and_lower_in_none() -> None:
    pairs = [(CORRECTED[key], hourly) for key, (hourly, _) in POSTED_CELLS.items()]
    assert sum(1 for new, old in pairs if new > old) == 107
    assert sum(1 for new, old in pairs if new == old) == 13
    assert not any(new < old for new, old in pairs)


@pytest.mark.parametrize("cycles", [22, 26])
@pytest.mark.parametrize("column", COLUMNS)
def test_each_step_s_correction_by_fiscal_year(cycles: int, column: str) -> None:
    """A member placed on step s on 2025-07-01 is on s in FY26 and s + 1 in FY27: the correction owes the two
    scales' difference each year, whole, on either election."""
    for step in range(1, 10):
        result = paycalc.retro_pay(
            column, step=step, start="2025-07-01", end="2027-06-30", pay_cycles=cycles,
            paid_contract="lunenburg-paras-posted", schedules=_folder(),
        )  # fmt: skip
        years = [(y.year, y.owed - y.paid) for y in result.fiscal_years]
        assert years == [(2026, owed(2026, column, step)), (2027, owed(2027, column, step + 1))], step
        assert result.retro == owed(2026, column, step) + owed(2027, column, step + 1)
        assert [y.retro for y in result.fiscal_years] == [y.owed - y.paid for y in result.fiscal_years]


def test_the_issue_s_command_answers_by_fiscal_year() -> None:
    code, out, err = cli(
        "retro", "--contract", "lunenburg-paras", "--paid-contract", "lunenburg-paras-posted", "--title",
        "Associate's", "--step", "5", "--from", "2025-07-01", "--to", "2027-06-30", "--pay-cycles", "22",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("Associate's, step 5 on 2025-07-01: retro pay 2025-07-01 to 2027-06-30, biweekly\n(22")
    # FY26 step 5: (21.90 - 21.06) x 1254.5 = 27,473.55 - 26,419.77 = 1,053.78
    # FY27 step 6: 23.53 x 1254.5 = 29,518.385 -> 29,518.39; 22.63 x 1254.5 = 28,389.335 -> 28,389.34: 1,129.05
    assert " FY26         2025-07-01 to 2026-06-30  $27,473.55  $26,419.77  $1,053.78" in out
    assert " FY27         2026-07-01 to 2027-06-30  $29,518.39  $28,389.34  $1,129.05" in out
    assert owed(2026, "Associate's", 5) == Decimal("1053.78") and owed(2027, "Associate's", 6) == Decimal("1129.05")
    code, out, _ = cli(
        "retro", "--contract", "lunenburg-paras", "--paid-contract", "lunenburg-paras-posted", "--title",
        "Associate's", "--step", "5", "--from", "2025-07-01", "--to", "2027-06-30", "--format", "json",
    )  # fmt: skip
    answer = json.loads(out)
    assert answer["placed"] == "step 5 on 2025-07-01"
    assert [(y["fiscal_year"], y["retro"]) for y in answer["fiscal_years"]] == [
        ("FY26", "1053.78"),
        ("FY27", "1129.05"),
    ]


def test_the_correction_part_way_through_a_year() -> None:
    # from the first check of 2026-09 on 22 cycles: FY27's 22 checks start 2026-08-25 (the anchor 2025-07-01 +
    # 14 k); from 2026-09-08 the first check (08-25..09-07) is left out, and 21 checks are owed. High School
    # step 2 in FY27: corrected 18.84 x 1254.5 = 23,634.78, / 22 = 1,074.308 -> 1,074.31 a check, the last
    # 23,634.78 - 21 x 1,074.31 = 1,074.27; posted 18.12 x 1254.5 = 22,731.54, / 22 = 1,033.252 -> 1,033.25,
    # the last 22,731.54 - 21 x 1,033.25 = 1,033.29
    result = paycalc.retro_pay(
        "High School", step=2, start="2026-09-08", end="2027-06-30", pay_cycles=22,
        paid_contract="lunenburg-paras-posted", schedules=_folder(),
    )  # fmt: skip
    assert result.owed == 20 * Decimal("1074.31") + Decimal("1074.27")
    assert result.paid == 20 * Decimal("1033.25") + Decimal("1033.29")


ROSTER = """id,name,title,hired,step,from,to
L1,"Smith, Jane",Associate's,,5,2025-07-01,2027-06-30
L2,"Doe, Ann",High School,2019-09-03,1,2025-07-01,2027-06-30
L3,Roe,Licensed Bachelor's,,9,2025-07-01,2027-06-30
L4,"Poe, Al",Bachelor's,2024-09-03,,2025-07-01,2026-06-30
"""


def test_a_roster_with_a_step_column_by_fiscal_year(tmp_path: Path) -> None:
    roster = tmp_path / "paras.csv"
    roster.write_text(ROSTER)
    args = ["retro", "--roster", str(roster), "--contract", "lunenburg-paras", "--pay-cycles", "22"]
    code, out, err = cli(*args, "--paid-contract", "lunenburg-paras-posted")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["id", "name", "rows", "owed", "paid", "retro", "retro_FY26", "retro_FY27", "retro_FY28"]
    # L2's step (1) wins over its hire date; L4 has only a hire date: 2024-09-03, so step 2 on 2025-07-01
    expected = {
        "L1": (owed(2026, "Associate's", 5), owed(2027, "Associate's", 6)),
        "L2": (owed(2026, "High School", 1), owed(2027, "High School", 2)),
        "L3": (owed(2026, "Licensed Bachelor's", 9), owed(2027, "Licensed Bachelor's", 10)),
        "L4": (owed(2026, "Bachelor's", 2), Decimal(0)),
    }
    for row in rows:
        fy26, fy27 = expected[row["id"]]
        assert (Decimal(row["retro_FY26"]), Decimal(row["retro_FY27"]), Decimal(row["retro_FY28"])) == (fy26, fy27, 0)
        assert Decimal(row["retro"]) == fy26 + fy27
    assert rows[0]["name"] == "Smith, Jane"
    assert expected["L3"] == (0, 0)  # the top steps are equal on both scales
    code, out, _ = cli(*args, "--paid-contract", "lunenburg-paras-posted", "--format", "json")
    assert json.loads(out)[1]["retro_FY27"] == str(owed(2027, "High School", 2))


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("4.5", "step '4.5' is not a step of this contract (a whole number from 1 to 11)"),
        ("0", "step '0' is not a step of this contract (a whole number from 1 to 11)"),
        ("12", "step '12' is not a step of this contract (a whole number from 1 to 11)"),
    ],
)
def test_a_roster_step_that_is_not_a_step_is_one_error(tmp_path: Path, cell: str, message: str) -> None:
    roster = tmp_path / "paras.csv"
    roster.write_text(
        f"id,title,step,from,to\nA,High School,2,2025-07-01,2026-06-30\nB,High School,{cell},2025-07-01,2026-06-30\n"
    )
    out = tmp_path / "out.csv"
    paid = ["--paid-contract", "lunenburg-paras-posted"]
    code, _, err = cli("retro", "--roster", str(roster), "--contract", "lunenburg-paras", *paid, "-o", str(out))
    assert code == 1
    assert err == f"Error: {roster}: line 3: {message} (nothing was written; --skip-invalid leaves such rows out)\n"
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message", "exit_code"),
    [
        (["--paid-contract", "boston"], "Error: --paid-contract 'boston' is neither a bundled contract", 1),
        (["--paid-contract", "nyc-paras"], "Error: --paid-contract 'NYC Board of Education", 1),
        (["--step", "0"], "Error: --step '0' is not a step of this contract (a whole number from 1 to 11)", 1),
        (["--step", "12"], "Error: --step '12' is not a step of this contract (a whole number from 1 to 11)", 1),
        (["--step", "2", "--years", "1"], "Error: --step with --years or --hired", 2),
        (["--paid-annual", "1", "--paid-contract", "lunenburg-paras-posted"], "Error: --paid-contract given with", 1),
    ],
)
def test_retro_errors(args: list[str], message: str, exit_code: int) -> None:
    base = ["retro", "--contract", "lunenburg-paras", "--title", "High School", "--from", "2025-07-01"]
    base += ["--to", "2026-06-30"]
    if "--step" not in args:
        base += ["--step", "3"]
    code, out, err = cli(*base, *args)
    assert (code, out) == (exit_code, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_step_on_a_contract_without_steps_says_so() -> None:
    for command in (
        ["pay", "--date", "2018-06-16"],
        ["history"],
        ["paychecks", "--from", "2018-05-01", "--to", "2018-05-31"],
    ):
        code, _, err = cli(*command, "--title", "Teacher Aide", "--step", "2")
        assert code == 1
        assert err.startswith("Error: --step '2': this contract has no steps (its rows are base, 5-year, 15-year")


def test_paid_and_paid_contract_are_one_or_the_other(tmp_path: Path) -> None:
    paid = tmp_path / "paid.csv"
    paid.write_text("pay_date,gross\n")
    code, _, err = cli(
        "paychecks", "--contract", "lunenburg-paras", "--title", "High School", "--step", "1", "--from",
        "2025-09-01", "--to", "2025-09-30", "--paid", str(paid), "--paid-contract", "lunenburg-paras-posted",
    )  # fmt: skip
    assert code == 2 and err.startswith("Error: --paid and --paid-contract both given")


def test_paychecks_against_the_posted_scale() -> None:
    # FY26 High School step 3 on 22 cycles: corrected 19.39 x 1254.5 = 24,324.755 -> 24,324.76, / 22 =
    # 1,105.671 -> 1,105.67; posted 18.64 x 1254.5 = 23,383.88, / 22 = 1,062.903 -> 1,062.90: +$42.77 a check
    code, out, _ = cli(
        "paychecks", "--contract", "lunenburg-paras", "--title", "High School", "--step", "3", "--from",
        "2025-08-26", "--to", "2025-09-22", "--pay-cycles", "22", "--paid-contract", "lunenburg-paras-posted",
        "--format", "json",
    )  # fmt: skip
    assert code == 0
    answer = json.loads(out)
    assert [(c["pay_date"], c["gross"], c["paid"], c["difference"]) for c in answer["checks"]] == [
        ("2025-09-08", "1105.67", "1062.90", "42.77"),
        ("2025-09-22", "1105.67", "1062.90", "42.77"),
    ]


def test_fiscal_years_cut_runs_that_cross_july_1() -> None:
    # NYC's schedules change on May 1 and June 16, so a run of one rate crosses each July 1: paid at NYC's own
    # scale, nothing is owed, and each fiscal year's owed is what retro owes over that year alone
    ranges = [("2015-11-01", "2016-06-30"), ("2016-07-01", "2017-06-30"), ("2017-07-01", "2018-03-31")]
    whole = paycalc.retro_pay(
        "Ed. Asst. B", hired="2005-09-01", start=ranges[0][0], end=ranges[-1][1], paid_contract="nyc-paras"
    )
    assert whole.retro == 0
    alone = [
        paycalc.retro_pay("Ed. Asst. B", hired="2005-09-01", start=a, end=b, paid_annual=0).owed for a, b in ranges
    ]
    assert [(y.year, y.owed) for y in whole.fiscal_years] == list(zip([2016, 2017, 2018], alone, strict=True))


def test_a_roster_row_past_the_fiscal_years_answered_is_refused(tmp_path: Path) -> None:
    roster = tmp_path / "paras.csv"
    roster.write_text("id,title,step,from,to\nA,High School,2,2025-07-01,2028-07-15\n")
    code, out, err = cli(
        "retro", "--roster", str(roster), "--contract", "lunenburg-paras", "--paid-contract", "lunenburg-paras-posted"
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {roster}: line 2: to date 2028-07-15: the row has days in FY29, outside the fiscal ")


def test_retro_under_an_offer_that_replaces_its_base_schedule_is_paid_the_published_one() -> None:
    # lunenburg-plus-1-hour raises the FY27 scale itself from 2026-07-01. From 2026-07-02, what was paid (the
    # status quo, frozen on the base date) is the published FY27 scale, not the offer's. Bachelor's step 4 on 26
    # checks: published 22.35 x 1254.5 = 28,038.075 -> 28,038.08, / 26 = 1,078.39 (the last 1,078.33); the offer
    # 23.35 x 1254.5 = 29,292.575 -> 29,292.58, / 26 = 1,126.64 (the last 1,126.58). FY27's first check pays
    # 07-01..07-13 (13 days), 12 of them from 07-02: 1,078.39 x 12 / 13 = 995.44 and 1,126.64 x 12 / 13 = 1,039.98.
    offer = paycalc.load_proposal("lunenburg-plus-1-hour", _folder())
    result = paycalc.retro_pay("Bachelor's", step=4, start="2026-07-02", end="2027-06-30", schedules=offer)
    assert result.paid_basis == "schedule 2026-07-01"
    paid = Decimal("995.44") + 24 * Decimal("1078.39") + Decimal("1078.33")
    owed = Decimal("1039.98") + 24 * Decimal("1126.64") + Decimal("1126.58")
    assert (result.paid, result.owed) == (paid, owed)


def test_a_roster_under_an_offer_that_replaces_its_base_schedule_is_paid_the_published_one(tmp_path: Path) -> None:
    """The same member on a roster, in columns or row by row (the columns held the offer's FY27 scale as the one
    paid: no retro at all); the figures are the test above's, from the printed scale."""
    roster = tmp_path / "paras.csv"
    roster.write_text("id,title,step,from,to\nL1,Bachelor's,4,2026-07-02,2027-06-30\n")
    paid = Decimal("995.44") + 24 * Decimal("1078.39") + Decimal("1078.33")
    owed = Decimal("1039.98") + 24 * Decimal("1126.64") + Decimal("1126.58")
    for mode in ("1", ""):
        args = [
            "retro",
            "--roster",
            str(roster),
            "--contract",
            "lunenburg-paras",
            "--proposal",
            "lunenburg-plus-1-hour",
        ]
        result = CliRunner().invoke(app, args, env={"PAYCALC_ROW_BY_ROW": mode})
        assert result.exit_code == 0, result.output
        row = next(csv.DictReader(io.StringIO(result.stdout)))
        assert (Decimal(row["owed"]), Decimal(row["paid"]), row["schedule_paid"]) == (owed, paid, "2026-07-01"), mode


def test_what_the_correction_costs_the_district_by_fiscal_year(tmp_path: Path) -> None:
    # cost --paid-contract: the status quo is what the posted scale paid; without --proposal the offer is the
    # corrected scale as it is. Each fiscal year's increase is the sum of the members' corrections that year.
    roster = tmp_path / "paras.csv"
    members = [("High School", 1), ("Associate's", 5), ("Associate's", 8), ("Licensed Bachelor's", 9)]
    roster.write_text("id,title,step\n" + "".join(f"M{n},{t},{s}\n" for n, (t, s) in enumerate(members)))
    code, out, err = cli(
        "cost", "--contract", "lunenburg-paras", "--roster", str(roster), "--paid-contract", "lunenburg-paras-posted",
        "--from", "2025-07-01", "--to", "2027-06-30", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    answer = json.loads(out)
    assert answer["paid_contract"].startswith("Lunenburg Paraprofessional Unit FY26-FY28, posted scale")
    increases = [Decimal(period["proposals"][0]["increase"]) for period in answer["periods"]]
    assert increases == [
        sum((owed(2026, t, s) for t, s in members), Decimal(0)),
        sum((owed(2027, t, s + 1) for t, s in members), Decimal(0)),
    ]
    code, _, err = cli(
        "cost", "--contract", "lunenburg-paras", "--roster", str(roster), "--paid-contract", "lunenburg-paras-posted",
        "--from", "2025-07-01", "--to", "2027-06-30", "--budget", "1000", "--solve-percent", "2026-07-01",
    )  # fmt: skip
    assert code == 2 and err.startswith("Error: --paid-contract with --budget")


def test_rows_priced_once_are_kept_apart_by_the_scale_paid(tmp_path: Path) -> None:
    """Rows alike are priced once, by what was paid too: the same roster against the posted scale, paid the
    schedule of the day before (no paid contract: the same rows, the same cells), against its own scale, in one
    process, each as on its own."""
    from paycalc.membership import roster

    lines = ["id,title,step,from,to"] + [f"L{n},Bachelor's,{n % 3 + 1},2026-07-01,2027-06-30" for n in range(9)]
    source = tmp_path / "lunenburg.csv"
    source.write_text("\n".join(lines) + "\n")
    asks = {
        "posted": ["--paid-contract", "lunenburg-paras-posted"],
        "before": [],
        "itself": ["--paid-contract", "lunenburg-paras"],  # the same fiscal years: told apart by the scale alone
    }

    def run(name: str) -> str:
        result = CliRunner().invoke(
            app,
            ["retro", "--roster", str(source), "--contract", "lunenburg-paras", *asks[name]],
            env={"PAYCALC_ROW_BY_ROW": "1"},  # the rows priced one by one, alike ones once
        )
        assert result.exit_code == 0, result.output
        return result.stdout

    alone = {}
    for name in asks:
        roster._memos = (((), None, ()), {})  # nothing remembered: each on its own
        alone[name] = run(name)
    assert len(set(alone.values())) == 3
    order = ["posted", "before", "posted", "itself", "posted"]
    assert [run(name) for name in order] == [alone[name] for name in order]


def test_an_offer_against_the_posted_scale_from_the_term_s_first_day(tmp_path: Path) -> None:
    """Under an offer, what each row was paid was named from the schedule in force the day before its start:
    none is before 2025-07-01, so every row starting on the term's first day was refused. With a paid
    contract the paid scale says what was paid, and the column names it. The offer adds $1.00 to every hourly
    rate from FY27; FY26 owes what the correction owes."""
    roster = tmp_path / "paras.csv"
    roster.write_text(ROSTER)
    args = ["retro", "--roster", str(roster), "--contract", "lunenburg-paras", "--pay-cycles", "22"]
    code, out, err = cli(*args, "--paid-contract", "lunenburg-paras-posted", "--proposal", "lunenburg-plus-1-hour")
    assert code == 0, err
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}

    def offered(column: str, step: int) -> Decimal:  # FY27 under the offer, against the posted scale
        day = FY[2027]
        return rule(CORRECTED[(day, column, step)] + 1, day) - rule(POSTED_CELLS[(day, column, step)][0], day)

    assert (Decimal(rows["L1"]["retro_FY26"]), Decimal(rows["L1"]["retro_FY27"])) == (
        owed(2026, "Associate's", 5),
        offered("Associate's", 6),
    )
    assert Decimal(rows["L3"]["retro_FY27"]) == rule(Decimal(1), FY[2027])  # the top step: the offer's $1 alone
    assert {row["schedule_paid"] for row in rows.values()} == {
        "contract Lunenburg Paraprofessional Unit FY26-FY28, posted scale (superseded 2026-10-07)"
    }
