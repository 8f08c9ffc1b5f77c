"""Offers on an hourly step contract: an amount added to every rate, a title raised apart, a step added on
top, and a change that replaces its base's own schedule, so a year can be costed from its first day. The
rates are test_lunenburg's, written out by hand from the printed scale; each figure is worked in a comment."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from tests.test_lunenburg import COLUMNS, _folder

CENT = Decimal("0.01")


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "80"})
    return result.exit_code, result.stdout, result.stderr


def roster(tmp_path: Path, steps: list[tuple[str, int]]) -> Path:
    path = tmp_path / "paras.csv"
    path.write_text("id,title,step\n" + "".join(f"M{n},{title},{step}\n" for n, (title, step) in enumerate(steps)))
    return path


MEMBERS = [(COLUMNS[n % 4], 1 + (n * 7) % 10) for n in range(9)]  # every column, steps 1 to 10 of FY27


def test_a_dollar_an_hour_costs_1254_50_a_member_for_a_full_fy27(tmp_path: Path) -> None:
    # every full-time member: (rate + 1.00) x 1254.5 - rate x 1254.5 = 1,254.50 exactly, whatever the rate (its
    # cents x 1254.5 round the same way on both sides); 9 members: 11,290.50
    code, out, err = cli(
        "cost", "--contract", "lunenburg-paras", "--roster", str(roster(tmp_path, MEMBERS)), "--proposal",
        "lunenburg-plus-1-hour", "--from", "2026-07-01", "--to", "2027-06-30", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    answer = json.loads(out)
    (offer,) = answer["total"]["proposals"]
    assert Decimal(offer["increase"]) == Decimal("1254.5") * len(MEMBERS) == Decimal("11290.50")
    assert answer["status_quo_base"] == "2026-07-01"


def test_a_step_column_costs_as_the_hire_dates_it_stands_for(tmp_path: Path) -> None:
    # step s on 2026-07-01 is a hire date with s - 1 July 1s after it by then: 2026-07-01 itself for step 1,
    # else July 1 of 2026 - (s - 1)
    hired = tmp_path / "hired.csv"
    hired.write_text(
        "id,title,hired\n"
        + "".join(f"M{n},{t},{'2026-07-01' if s == 1 else f'{2027 - s}-07-01'}\n" for n, (t, s) in enumerate(MEMBERS))
    )
    common = ["cost", "--contract", "lunenburg-paras", "--proposal", "lunenburg-fy29", "--from", "2026-07-01"]
    common += ["--to", "2029-06-30", "--format", "json"]
    by_step = cli(*common, "--roster", str(roster(tmp_path, MEMBERS)))
    by_hire = cli(*common, "--roster", str(hired))
    assert by_step[0] == 0 and by_step[1] == by_hire[1]


def test_titles_apart_and_a_step_on_top() -> None:
    contract = paycalc.load_proposal("lunenburg-fy29", _folder())
    fy29 = contract.schedules[-1]
    assert str(fy29.effective) == "2028-07-01"
    # FY28 High School step 11: 27.89 x 1.04 = 29.0056 -> 29.01; its step 12: 29.01 x 1.025 = 29.73525 -> 29.74
    assert fy29.rates["High School"]["step 11"] == Decimal("29.01")
    assert fy29.rates["High School"]["step 12"] == Decimal("29.74")
    # Associate's by the change's 3%: step 1 18.67 x 1.03 = 19.2301 -> 19.23; step 11 29.53 x 1.03 = 30.4159 ->
    # 30.42, step 12 30.42 x 1.025 = 31.1805 -> 31.18
    assert [fy29.rates["Associate's"][f"step {n}"] for n in (1, 11, 12)] == [
        Decimal(v) for v in ("19.23", "30.42", "31.18")
    ]
    assert [t.label for t in contract.tiers][-1] == "step 12"
    # one more July 1 counted reaches step 12: placed on step 11 on 2027-07-01, step 12 on 2028-07-01, 194 days
    paid = paycalc.annual_pay("High School", "2028-07-01", hired="2017-07-01", schedules=contract)
    assert paid.longevity == "step 12"
    assert paid.annual == (Decimal("29.74") * Decimal("6.5") * 194).quantize(CENT, rounding=ROUND_HALF_UP)
    # the FY28 schedule, which prints 11 steps, pays a member counted past them its step 11
    before = paycalc.annual_pay("High School", "2028-06-30", hired="2016-07-01", schedules=contract)
    assert before.longevity == "step 11" and before.rate == Decimal("27.89")


def test_a_step_written_out(tmp_path: Path) -> None:
    offer = tmp_path / "step.yaml"
    offer.write_text(
        "name: a written step 11 in FY27\nbase: 2026-07-01\nchanges:\n  - effective: 2027-01-01\n"
        "    add_step:\n      rates: {High School: 27.50, Associate's: 28.90, Bachelor's: 30.90, Column 4: 31.50}\n"
    )
    contract = paycalc.load_proposal(offer, _folder())
    made = contract.schedules[-1]
    assert made.steps is None  # FY27 printed 10 of the contract's 11 steps: now all 11
    assert made.rates["Licensed Bachelor's"]["step 11"] == Decimal("31.50")
    assert made.rates["High School"]["step 10"] == Decimal("26.46")  # FY27 as printed


def test_an_amount_on_every_rate_of_a_longevity_contract_raises_every_row() -> None:
    # NYC 2018-06-16 (Article Three A.1): Teacher Aide base 25,927, 5-year 26,523, 15-year 27,822: +500 on each row
    contract = paycalc.load_proposal(
        _offer("name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01, add: 500}\n")
    )
    rates = contract.schedules[-1].rates["Teacher Aide"]
    assert [rates[label] for label in ("base", "5-year", "15-year")] == [Decimal(26427), Decimal(27023), Decimal(28322)]


def _offer(text: str) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    (folder / "offer.yaml").write_text(text)
    return folder / "offer.yaml"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "changes:\n  - {effective: 2027-01-01, titles: {Nurse: {percent: 2}}}\n",
            "changes.0.titles.Nurse: is not a title of the contract (High School, Associate's, Bachelor's",
        ),
        (
            "changes:\n  - {effective: 2027-01-01, add_step: {rates: {High School: 27}}}\n",
            "changes.0.add_step.rates: needs a rate for every title",
        ),
        (
            "changes:\n  - {effective: 2027-01-01, add_step: {percent: 2, rates: {High School: 27}}}\n",
            "changes.0.add_step: needs one of percent (over the top step) or rates",
        ),
        ("changes:\n  - {effective: 2027-01-01, add: -1}\n", "changes.0.add: "),
        ("changes:\n  - {effective: 2027-01-01, add: {step 1: 1}}\n", "'add' on 2027-01-01 needs longevity amounts"),
    ],
)
def test_offer_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    offer = tmp_path / "offer.yaml"
    offer.write_text("name: x\nbase: 2026-07-01\n" + text)
    code, out, err = cli("propose", str(offer), "--contract", "lunenburg-paras")
    assert (code, out) == (1, "")
    assert message in err and err.startswith("Error: ") and err.count("\n") == 1
    assert err.count("offer.yaml") == 1  # the file named once


def test_add_step_on_a_contract_without_steps_is_refused(tmp_path: Path) -> None:
    offer = tmp_path / "offer.yaml"
    offer.write_text("name: x\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-01-01, add_step: {percent: 2}}\n")
    code, _, err = cli("propose", str(offer))
    assert code == 1 and "add_step on 2019-01-01: the contract has no steps" in err


def test_an_offer_written_as_a_folder_answers_as_the_offer(tmp_path: Path) -> None:
    # the folder keeps FY28's own year (194 days), the steps each schedule prints and the figures it prints
    code, _, err = cli("propose", "lunenburg-fy29", "--contract", "lunenburg-paras", "--write", str(tmp_path / "fy29"))
    assert code == 0, err
    offer = paycalc.load_proposal("lunenburg-fy29", _folder())
    folder = paycalc.load_contract(tmp_path / "fy29")
    for on, step in [("2025-09-01", 9), ("2025-09-01", 11), ("2027-09-01", 4), ("2028-09-01", 12)]:
        for title in COLUMNS:
            mine, theirs = (paycalc.annual_pay(title, on, step=step, schedules=c) for c in (folder, offer))
            assert (mine.annual, mine.rate, mine.longevity, mine.days) == (
                theirs.annual,
                theirs.rate,
                theirs.longevity,
                theirs.days,
            )
            assert [n for n in mine.notes if "prints" in n] == [n for n in theirs.notes if "prints" in n]
