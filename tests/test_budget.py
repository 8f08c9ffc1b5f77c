"""The budget solve against percents worked by hand, not only against the costing it runs on.

Three Teacher Aides hired in 2008 are on the 5-year row all of 2019-20: the 2018-06-16 base rate
$25,927 plus the 5-year amount $596 = $26,523 (Article Three A.1, page 8). A raise of p% rounds the base
and the amount to the dollar each, half up; a semimonthly check is the annual / 24, rounded to the cent.
- 1.00%: 25,927 x 1.01 = 26,186.27 -> 26,186; 596 x 1.01 = 601.96 -> 602; 26,788 / 24 = 1,116.1667 ->
  1,116.17, 11.04 a check more than 1,105.13 (26,523 / 24 = 1,105.125); x 24 checks x 3 = 794.88.
- 1.01%: 25,927 x 1.0101 = 26,188.86 -> 26,189; 596 x 1.0101 = 602.02 -> 602; 26,791 / 24 = 1,116.2917
  -> 1,116.29, 11.16 a check more; x 72 = 803.52.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import paycalc
from paycalc.contract.errors import InputError
from paycalc.contract.models import Change
from paycalc.membership import budget
from paycalc.membership import costing as cost

BASE = paycalc.load_contract()
AIDES = "id,title,hired\n" + "".join(f"T{n},Teacher Aide,2008-09-02\n" for n in range(3))
YEAR = (date(2019, 7, 1), date(2020, 6, 30))


def members(text: str = AIDES) -> list[cost.Member]:
    return list(cost.read_members(csv.DictReader(io.StringIO(text))))


def offer(tmp_path: Path, text: str) -> paycalc.Contract:
    path = tmp_path / "offer.yaml"
    path.write_text("name: offer\nbase: 2018-06-16\n" + text)
    return paycalc.load_proposal(path, BASE)


def solve(contract: paycalc.Contract, limit: str, on: date = date(2019, 7, 1)) -> budget.Solved:
    return budget.solve(members(), contract, BASE, Decimal(limit), on, *YEAR, "07-01", "semimonthly")


def test_the_solved_percent_is_the_one_worked_by_hand(tmp_path: Path) -> None:
    solved = solve(offer(tmp_path, ""), "800")
    assert (solved.percent, solved.increase, solved.next_increase) == (
        Decimal("1.00"),
        Decimal("794.88"),
        Decimal("803.52"),
    )


def test_a_raise_costing_exactly_the_budget_fits(tmp_path: Path) -> None:
    assert solve(offer(tmp_path, ""), "803.52").percent == Decimal("1.01")
    assert solve(offer(tmp_path, ""), "803.51").percent == Decimal("1.00")
    # the offer alone costing the whole budget: 0% fits, and the answer says so
    lump = "lump_sums:\n  - {name: bonus, amount: 100, paid: 2019-10-01, eligible_on: 2019-07-01}\n"
    assert solve(offer(tmp_path, lump), "300").percent == Decimal("0.00")


def test_lump_sums_count_against_the_budget(tmp_path: Path) -> None:
    lump = "lump_sums:\n  - {name: bonus, amount: 100, paid: 2019-10-01, eligible_on: 2019-07-01}\n"
    solved = solve(offer(tmp_path, lump), "1100")  # 300 of lump sums, then 794.88 fits and 803.52 does not
    assert (solved.percent, solved.increase) == (Decimal("1.00"), Decimal("1094.88"))


def test_the_solved_percent_compounds_with_a_change_on_the_same_date(tmp_path: Path) -> None:
    solved = solve(offer(tmp_path, "changes:\n  - {effective: 2019-07-01, percent: 2}\n"), "2000")
    assert solved.proposal.proposal is not None
    assert solved.proposal.proposal.changes == (Change(date(2019, 7, 1), (Decimal(2), solved.percent), {}),)


def test_the_raise_must_come_after_the_base_date(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--solve-percent 2018-06-16 is not after the proposal's base date"):
        solve(offer(tmp_path, ""), "800", on=date(2018, 6, 16))


def test_a_member_built_in_python_is_named_by_its_place(tmp_path: Path) -> None:
    roster = [cost.Member("a", "Teacher Aide", date(2008, 9, 2)), cost.Member("b", "Head Chef", date(2008, 9, 2))]
    with pytest.raises(paycalc.RowError) as raised:
        budget.solve(roster, offer(tmp_path, ""), BASE, Decimal(800), date(2019, 7, 1), *YEAR, "07-01", "semimonthly")
    assert raised.value.row == 2


def test_an_offer_over_budget_alone_says_what_it_costs(tmp_path: Path) -> None:
    lump = "lump_sums:\n  - {name: bonus, amount: 100, paid: 2019-10-01, eligible_on: 2019-07-01}\n"
    said = r"no raise fits --budget \$299.00: the proposal alone costs \$300.00 in 2019-07-01"  # money as money
    with pytest.raises(InputError, match=said):
        solve(offer(tmp_path, lump), "299")


def test_a_lump_sum_counts_for_a_member_hired_on_the_years_last_day(tmp_path: Path) -> None:
    lump = "lump_sums:\n  - {name: bonus, amount: 100, paid: 2020-06-30, eligible_on: 2020-06-30}\n"
    late = members(AIDES + "L,Teacher Aide,2020-06-30\n")
    solved = budget.solve(late, offer(tmp_path, lump), BASE, Decimal(2000), date(2019, 7, 1), *YEAR, "07-01", None)
    # four bonuses of 100: the aide hired on 2020-06-30 is eligible too; the rest of the increase is the raise
    # on four payrolls (that aide's one day is 25,927 / 24 x 1/15 = 72.02 on the base row), from the costing
    assert solved.increase - cost.cost(late, [solved.proposal], BASE, *YEAR).total.proposals[0].recurring == 400


def test_invalid_rows_are_left_out_of_the_solve_and_each_reported(tmp_path: Path) -> None:
    reported: list[paycalc.RowError] = []
    roster = members(AIDES + "X,Head Chef,2008-09-02\n")
    solved = budget.solve(
        roster, offer(tmp_path, ""), BASE, Decimal(800), date(2019, 7, 1), *YEAR, "07-01", None, None, reported.append
    )
    assert solved.percent == Decimal("1.00") and [(e.row, "Head Chef" in e.reason) for e in reported] == [(4, True)]
    with pytest.raises(paycalc.RowError):
        budget.solve(roster, offer(tmp_path, ""), BASE, Decimal(800), date(2019, 7, 1), *YEAR, "07-01", None)


def test_members_built_in_python_left_out_are_named_by_their_places(tmp_path: Path) -> None:
    """Members made in Python have no roster line (row 0): one left out is named by its place, 2, in the
    solve and in the costing alike."""
    roster = [cost.Member("a", "Teacher Aide", date(2008, 9, 2)), cost.Member("b", "Head Chef", date(2008, 9, 2))]
    left: list[paycalc.RowError] = []
    made = offer(tmp_path, "")
    budget.solve(
        roster, made, BASE, Decimal(800), date(2019, 7, 1), *YEAR, "07-01", "semimonthly", on_invalid=left.append
    )
    cost.cost(roster, [made], BASE, *YEAR, on_invalid=left.append)
    assert [(error.row, error.reason.split(" (")[0]) for error in left] == [(2, "unknown title 'Head Chef'")] * 2
