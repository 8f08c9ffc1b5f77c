"""The budget solve at its edges, worked by hand from the 2018-06-16 schedule (see test_cost_edges: one
Teacher Aide on the 5-year row, $26,523 frozen, 24 x 1,105.13 = 26,523.12 a year)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.test_cost_edges import _solve, period, solving


def test_a_raise_of_exactly_the_budget_at_the_top_of_the_search_fits(tmp_path: Path) -> None:
    # 100%: base 51,854 and amount 1,192, 53,046 a year, 24 x 2,210.25 = 53,046.00: +26,522.88 over 26,523.12
    assert 24 * period(53046) - 24 * period(26523) == Decimal("26522.88")
    assert _solve(tmp_path, "26522.88") == "100.00"
    assert _solve(tmp_path, "26522.87") == "99.99"


def test_the_solve_says_what_the_next_step_would_cost_in_the_fiscal_year_searched(tmp_path: Path) -> None:
    assert solving(tmp_path, "264.96").stdout.splitlines()[:3] == [  # 1.00% costs 264.96, 1.01% 267.84 (worked above)
        "The largest uniform raise on 2019-07-01 that fits $264.96 in the fiscal year",
        "2019-07-01 to 2020-06-30: 1.00% (it costs $264.96; 1.01% would cost $267.84;",
        "searched 0% to 100.00% by 0.01%).",
    ]


def test_a_member_hired_after_the_fiscal_year_adds_nothing_to_the_solve(tmp_path: Path) -> None:
    lump = "lump_sums:\n  - {name: bonus, amount: 100, paid: 2019-09-01}\n"
    two = "id,title,hired\n1,Teacher Aide,2010-01-04\n2,Teacher Aide,2020-07-01\n"
    assert _solve(tmp_path, "364.96", lump, two) == "1.00"  # 264.96 + the one bonus of $100, exactly


def test_the_solve_prices_a_member_who_reaches_a_tier_mid_year_apart(tmp_path: Path) -> None:
    # member 1 on the 5-year row all year: 26,523.12, +264.96 at 1%; member 2 (hired 2014-12-01) on the base
    # row to Nov 30 and the 5-year row from Dec 1: 10 x 1,080.29 + 14 x 1,105.13 = 26,274.72; at 1% base
    # 26,186 (24ths of 1,091.08) and 5-year 26,788 (1,116.17): 10 x 1,091.08 + 14 x 1,116.17 = 26,537.18, +262.46
    status = 10 * period(25927) + 14 * period(26523)
    raised = 10 * period(26186) + 14 * period(26788)
    assert (status, raised, raised - status) == (Decimal("26274.72"), Decimal("26537.18"), Decimal("262.46"))
    two = "id,title,hired\n1,Teacher Aide,2014-01-06\n2,Teacher Aide,2014-12-01\n"
    assert (_solve(tmp_path, "527.42", roster=two), _solve(tmp_path, "527.41", roster=two)) == ("1.00", "0.99")


def test_a_budget_below_the_first_step_solves_to_zero_and_the_summary_wraps_at_80(tmp_path: Path) -> None:
    # 0.01%: base 25,929.59 -> 25,930 and 596.06 -> 596: 26,526 a year, 24 x 1,105.25 = 26,526.00: +2.88
    assert 24 * period(25930 + 596) - 24 * period(26523) == Decimal("2.88")
    assert solving(tmp_path, "1.00").stdout.splitlines()[
        :3
    ] == [  # the second line is 72 characters: "searched" goes on the next
        "The largest uniform raise on 2019-07-01 that fits $1.00 in the fiscal year",
        "2019-07-01 to 2020-06-30: 0.00% (it costs $0.00; 0.01% would cost $2.88;",
        "searched 0% to 100.00% by 0.01%).",
    ]
