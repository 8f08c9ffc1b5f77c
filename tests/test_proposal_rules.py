"""The proposal rules worked by hand from the 2018-06-16 schedule (Article Three A.1, page 8): Teacher Aide
base $25,927, the 5-year longevity amount $596 and the 15-year amount $1,895 (each row is the base plus
its amount)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paycalc
import paycalc.contract.loader
from paycalc.cli import app
from paycalc.contract.errors import InputError
from paycalc.contract.models import Change, Instalment, LumpSum, Schedule
from paycalc.rules import proposal
from tests.test_column_runs import REPEATS

BASE = paycalc.load_contract()
runner = CliRunner()


def test_the_successors_first_schedule_by_hand() -> None:
    made = paycalc.load_proposal("uft-2019-2022", BASE)
    first = next(s for s in made.schedules if s.effective == date(2019, 2, 14))
    # +2%, each part rounded to the dollar: base 25,927 x 1.02 = 26,445.54 -> 26,446; 596 x 1.02 = 607.92 -> 608,
    # + 1,200 = 1,808; 1,895 x 1.02 = 1,932.90 -> 1,933, + 1,200 = 3,133; the new base amount 0 + 500 = 500
    assert dict(first.longevity) == {"base": Decimal(500), "5-year": Decimal(1808), "15-year": Decimal(3133)}
    assert dict(first.rates["Teacher Aide"]) == {"base": 26946, "5-year": 28254, "15-year": 29579}
    assert first.source == (
        "proposal uft-2019-2022, change 1 of 3: +2%; longevity base +$500, 5-year +$1,200, 15-year +$1,200"
    )


def test_describe() -> None:
    assert proposal.describe(Change(date(2020, 1, 1), (Decimal(0),), {})) == "+0%"
    assert proposal.describe(Change(date(2020, 1, 1), (Decimal(2), Decimal("-0.5")), {})) == "+2%, then -0.5%"
    assert proposal.describe(Change(date(2020, 1, 1), (), {})) == "no change"
    assert proposal.describe(Change(date(2020, 1, 1), (), {"5-year": Decimal(1200)})) == "longevity 5-year +$1,200"


def test_raise_summary() -> None:
    before = Schedule(date(2020, 1, 1), "", {}, {"A": {"base": Decimal(100), "x": Decimal(200), "z": Decimal(0)}}, "")
    after = Schedule(date(2021, 1, 1), "", {}, {"A": {"base": Decimal(110), "x": Decimal(230), "z": Decimal(5)}}, "")
    # +10% and +15%; a cell that was 0 has no percent
    assert proposal.raise_summary(before, after) == (Decimal(10), Decimal("12.5"), Decimal(15))
    nothing = Schedule(date(2020, 1, 1), "", {}, {"A": {"base": Decimal(0)}}, "")
    assert proposal.raise_summary(nothing, nothing) is None


def test_lump_sums_on_the_edges_of_the_period_and_of_eligibility() -> None:
    lump = LumpSum("bonus", Decimal(1000), date(2019, 7, 1), date(2019, 6, 30), prorate=True)
    half = Decimal("0.5")
    on_edges = [
        (date(2019, 6, 30), date(2019, 7, 1), date(2019, 7, 31), 1),  # hired on eligible_on, paid on the first day
        (date(2019, 6, 30), date(2019, 6, 1), date(2019, 7, 1), 1),  # paid on the last day
        (date(2019, 7, 1), date(2019, 7, 1), date(2019, 7, 31), 0),  # hired the day after eligible_on
        (date(2019, 6, 30), date(2019, 7, 2), date(2019, 7, 31), 0),  # paid the day before the period
    ]
    for hired, start, end, count in on_edges:
        paid = proposal.lump_sums_for([lump], hired, start, end, half)
        assert [p.amount for p in paid] == [Decimal("500.00")] * count, (hired, start, end)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2015-10-15:50,2015-10-15:50", "instalment dates 2015-10-15 and 2015-10-15 are not ascending"),
        ("2015-10-15:0,2016-10-15:100", "an instalment share is 0 or less"),
        ("2015-10-15:-10,2016-10-15:110", "an instalment share is 0 or less"),
    ],
)
def test_two_instalments_on_one_date_and_a_zero_share_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        proposal.parse_instalments(text)


def test_instalments_split_by_hand() -> None:
    shares = proposal.parse_instalments("2015-10-15:12.5,2017-10-15:37.5,2018-10-15:50")
    assert shares == (
        Instalment(date(2015, 10, 15), Decimal("12.5")),
        Instalment(date(2017, 10, 15), Decimal("37.5")),
        Instalment(date(2018, 10, 15), Decimal(50)),
    )
    # 100.01 x 12.5% = 12.50125 -> 12.50; x 37.5% = 37.50375 -> 37.50; the last takes the rest, 50.01
    assert [a for _, a in proposal.split(Decimal("100.01"), shares)] == [
        Decimal("12.50"),
        Decimal("37.50"),
        Decimal("50.01"),
    ]


def test_a_change_taking_a_rate_over_the_limit_is_refused_and_one_to_zero_is_not(tmp_path: Path) -> None:
    path = tmp_path / "over.yaml"  # nine doublings on one date: 25,927 x 512 = 13,274,624
    path.write_text(
        "name: over\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: ["
        + ", ".join(["100"] * 9)
        + "]}\n"
    )
    result = runner.invoke(app, ["propose", str(path)])
    assert result.exit_code == 1
    assert "makes Teacher Aide base 13,274,624, over the 10,000,000 limit of a rate" in result.stderr, result.stderr
    zero = tmp_path / "zero.yaml"  # every rate and amount to 0 exactly: a schedule may hold 0
    zero.write_text("name: zero\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: -100}\n")
    made = paycalc.load_proposal(zero, BASE)
    assert set(made.schedules[-1].rates["Teacher Aide"].values()) == {Decimal(0)}


@pytest.mark.parametrize(
    ("percent", "accepted"), [("100", True), ("-100", True), ("100.01", False), ("-100.01", False)]
)
def test_a_percent_runs_from_minus_100_to_100(tmp_path: Path, percent: str, accepted: bool) -> None:
    path = tmp_path / "offer.yaml"
    path.write_text(f"name: o\nbase: 2018-06-16\nchanges:\n  - {{effective: 2019-07-01, percent: {percent}}}\n")
    result = runner.invoke(app, ["propose", str(path)])
    assert (result.exit_code == 0) is accepted, result.stderr
    if not accepted:
        assert f"{percent} is out of range (a percent from -100 to 100)" in result.stderr


def test_eligible_on_may_be_the_paid_day_but_not_after_it(tmp_path: Path) -> None:
    path = tmp_path / "offer.yaml"
    for eligible, accepted in (("2019-10-01", True), ("2019-10-02", False)):
        path.write_text(
            "name: o\nbase: 2018-06-16\nlump_sums:\n"
            f"  - {{name: bonus, amount: 100, paid: 2019-10-01, eligible_on: {eligible}}}\n"
        )
        result = runner.invoke(app, ["propose", str(path)])
        assert (result.exit_code == 0) is accepted, result.stderr


def test_the_default_rounding_follows_the_base_schedules_places(tmp_path: Path) -> None:
    from paycalc.contract.proposal_schema import base_rounding

    assert base_rounding(BASE, date(2018, 6, 16)) == "dollar"  # whole dollars (Article Three A.1)
    lunenburg = paycalc.load_contract(paycalc.contract.loader.bundled_contract("lunenburg-paras"))
    assert base_rounding(lunenburg, date(2025, 7, 1)) == "cent"  # hourly rates to the cent ($24.92)
    hourly = paycalc.load_contract(Path(__file__).parent.parent / "examples" / "hourly-local")
    places = {
        len(str(rate).partition(".")[2])
        for s in hourly.schedules[:1]
        for row in s.rates.values()
        for rate in row.values()
    }
    assert base_rounding(hourly, hourly.schedules[0].effective) == ("cent" if max(places) <= 2 else "ten-thousandth")


def test_a_proposal_without_a_new_base_amount_keeps_longevity_amounts_only_where_there_are_some() -> None:
    made = paycalc.load_proposal("moa-2014", BASE)  # +1% on 2013-05-01 and 2014-05-01, no longevity added
    for schedule in made.schedules[-2:]:
        assert set(schedule.longevity) == {"5-year", "15-year"}, schedule.effective


def test_a_lump_sum_is_whole_unless_prorated_and_a_proposal_is_named_by_its_file(tmp_path: Path) -> None:
    (tmp_path / "offers").mkdir()
    path = tmp_path / "offers" / "whole.yaml"
    path.write_text("name: w\nbase: 2018-06-16\nlump_sums:\n  - {name: bonus, amount: 1000, paid: 2019-10-01}\n")
    made = paycalc.load_proposal(path, BASE)
    assert made.proposal is not None and made.proposal.file == "whole.yaml"
    half_time = paycalc.retro_pay(
        "Teacher Aide", hired="2010-01-04", start="2019-10-01", end="2019-10-01", hours=15, schedules=made
    )
    assert [lump.amount for lump in half_time.lump_sums] == [Decimal("1000.00")]  # not pro-rated: 1,000 whole


def test_percents_compounding_to_exactly_a_million_times_are_accepted_and_one_more_cent_is_not() -> None:
    # 2^18 x 1.25^6 = 262,144 x 3.814697265625 = 1,000,000 exactly: the limit itself is no typing error
    exactly = [Decimal(100)] * 18 + [Decimal(25)] * 6
    assert proposal.factor(exactly) == Decimal(10) ** 6
    with pytest.raises(InputError, match="compound to more than 1,000,000 times"):
        proposal.factor([*exactly, Decimal("0.01")])


def _annual_contract(tmp_path: Path, base: str, five: str, amounts: str) -> Path:
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "contract.yaml").write_text(
        "name: Amounts (test)\nparties: [A district, A local]\nterm: {start: 2020-07-01, end: 2023-06-30}\n"
        "source: Test agreement\nregular_hours_per_week: 35\nlongevity_tiers:\n"
        "  - {label: base, min_years: 0}\n  - {label: 5-year, min_years: 5}\ntitles:\n  - name: Aide\n"
    )
    (folder / "2020-07-01.yaml").write_text(
        f"effective: 2020-07-01\nsource: {{article: A}}\nlongevity: {{{amounts}}}\n"
        f"rates:\n  Aide: {{base: {base}, 5-year: {five}}}\n"
    )
    return folder


def test_a_base_tier_with_its_own_longevity_amount_is_raised_apart_from_its_base_rate(tmp_path: Path) -> None:
    # base rate 20,000 with a base amount of 100 (20,100) and a 5-year amount of 600 (20,600); +10%, to the
    # dollar: 22,000 + 110 = 22,110 and 22,000 + 660 = 22,660
    contract = paycalc.load_contract(_annual_contract(tmp_path, "20100", "20600", "base: 100, 5-year: 600"))
    offer = tmp_path / "ten.yaml"
    offer.write_text("name: ten\nbase: 2020-07-01\nchanges:\n  - {effective: 2021-07-01, percent: 10}\n")
    made = paycalc.load_proposal(offer, contract).schedules[-1]
    assert dict(made.rates["Aide"]) == {"base": Decimal(22110), "5-year": Decimal(22660)}
    assert dict(made.longevity) == {"base": Decimal(110), "5-year": Decimal(660)}


@pytest.mark.parametrize(("rate", "accepted"), [("5000000.00", True), ("5000000.01", False)])
def test_a_change_to_exactly_the_ten_million_limit_is_accepted(tmp_path: Path, rate: str, accepted: bool) -> None:
    # doubled to the cent: 10,000,000.00 is the limit itself; 10,000,000.02 is over it
    contract = paycalc.load_contract(_annual_contract(tmp_path, rate, rate, ""))
    offer = tmp_path / "double.yaml"
    offer.write_text(
        "name: double\nbase: 2020-07-01\nrounding: cent\nchanges:\n  - {effective: 2021-07-01, percent: 100}\n"
    )
    if accepted:
        assert set(paycalc.load_proposal(offer, contract).schedules[-1].rates["Aide"].values()) == {Decimal(10**7)}
    else:
        with pytest.raises(paycalc.ScheduleError, match="over the 10,000,000 limit"):
            paycalc.load_proposal(offer, contract)


def test_a_longevity_amount_of_exactly_the_limit_is_accepted() -> None:
    day = date(2021, 7, 1)
    proposal._check_amounts(day, {"Aide": {"base": Decimal(0)}}, {"5-year": Decimal(10**7)})
    with pytest.raises(InputError, match=r"the 5-year amount 10,000,000\.01, outside 0 to 10,000,000"):
        proposal._check_amounts(day, {"Aide": {"base": Decimal(0)}}, {"5-year": Decimal("10000000.01")})


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        ({"2023-07-01": "20.55", "2024-07-01": "21.00"}, ["cent", "dollar"]),  # the base's own places only
        ({"2023-07-01": "20.5", "2024-07-01": "20.125"}, ["cent", "ten-thousandth"]),  # one place; three
        ({"2023-07-01": "20.12", "2024-07-01": "21"}, ["cent", "dollar"]),
    ],
)
def test_the_default_rounding_is_the_base_schedules_own(
    tmp_path: Path, rates: dict[str, str], expected: list[str]
) -> None:
    from paycalc.contract.proposal_schema import base_rounding

    (tmp_path / "contract.yaml").write_text(REPEATS)  # an hourly contract of three steps
    for day, rate in rates.items():
        row = f"{{step 1: {rate}, step 2: {rate}, step 3: {rate}}}"
        (tmp_path / f"{day}.yaml").write_text(f"effective: {day}\nsource: {{article: A}}\nrates:\n  Para: {row}\n")
    contract = paycalc.load_contract(tmp_path)
    assert [base_rounding(contract, date.fromisoformat(day)) for day in rates] == expected


def test_an_instalment_of_one_percent_is_a_share(tmp_path: Path) -> None:
    path = tmp_path / "split.yaml"
    path.write_text(
        "name: split\nbase: 2018-06-16\nchanges: []\ninstalments:\n"
        "  - {paid: 2019-10-15, share: 1}\n  - {paid: 2020-10-15, share: 99}\n"
    )
    made = paycalc.load_proposal(path, BASE)
    assert made.proposal is not None
    assert made.proposal.instalments == (
        Instalment(date(2019, 10, 15), Decimal(1)), Instalment(date(2020, 10, 15), Decimal(99))
    )  # fmt: skip
