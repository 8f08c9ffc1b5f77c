"""Lunenburg's pay cycles: a fiscal year's salary "divided into twenty-two (22) or twenty-six (26) pay cycles"
(MOA, Article VI, Section 6-10), each check the rounded annual / N, half up, the year's last the cents left over.
The cells are test_lunenburg's, written out by hand from the printed scale."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

import paycalc
from tests.test_lunenburg import CELLS, HOURS, _folder

FISCAL_END = {"2025-07-01": "2026-06-30", "2026-07-01": "2027-06-30", "2027-07-01": "2028-06-30"}


@pytest.mark.parametrize("cycles", [22, 26])
def test_every_cell_s_year_on_22_or_26_checks_adds_up_to_its_annual(cycles: int) -> None:
    """The MOA: pay is "divided into twenty-two (22) or twenty-six (26) pay cycles". Each of the 120 cells, a
    member placed on it on July 1 for the whole fiscal year: N checks, each the rounded annual / N, half up, the
    last the cents left over, adding up to the annual exactly (hourly x hours, to the cent)."""
    cent = Decimal("0.01")
    for day, column, step, hourly, _ in CELLS:
        annual = (hourly * HOURS[day]).quantize(cent, rounding=ROUND_HALF_UP)
        each = (annual / cycles).quantize(cent, rounding=ROUND_HALF_UP)
        _, checks = paycalc.paychecks(
            column, step=step, start=day, end=FISCAL_END[day], pay_cycles=cycles, schedules=_folder()
        )
        assert [c.gross for c in checks] == [each] * (cycles - 1) + [annual - each * (cycles - 1)], (day, column, step)
        owed = paycalc.retro_pay(
            column, step=step, start=day, end=FISCAL_END[day], paid_annual=0, pay_cycles=cycles, schedules=_folder()
        ).owed
        assert owed == annual, (day, column, step)


def test_checks_are_priced_from_the_rounded_annual() -> None:
    # FY27 Associate's step 6: 23.53 x 1254.5 = 29,518.385 -> 29,518.39; / 22 = 1,341.745 -> 1,341.75 (the
    # unrounded annual / 22 is 1,341.7447..., which would round down to 1,341.74)
    _, checks = paycalc.paychecks(
        "Associate's", step=6, start="2026-07-01", end="2027-06-30", pay_cycles=22, schedules=_folder()
    )
    assert checks[0].gross == Decimal("1341.75")
    assert checks[-1].gross == Decimal("29518.39") - 21 * Decimal("1341.75") == Decimal("1341.64")


def test_26_cycles_pay_the_fiscal_year_s_salary_not_27_checks() -> None:
    # FY26 Associate's step 6: 22.85 x 1254.5 = 28,665.325 -> 28,665.33 a year, on 26 checks; the anchor
    # 2025-07-01 makes periods 2025-07-01 + 14 k: FY26's 26 end 2025-07-14 .. 2026-06-29, and the period of
    # 2026-06-30 .. 2026-07-13 is FY27's first check (it pays from July 1)
    _, checks = paycalc.paychecks(
        "Associate's", step=6, start="2025-07-01", end="2026-06-30", pay_cycles=26, schedules=_folder()
    )
    assert len(checks) == 26
    assert (str(checks[0].pay_date), str(checks[-1].pay_date)) == ("2025-07-14", "2026-06-29")
    assert sum((c.gross for c in checks), Decimal(0)) == Decimal("28665.33")
    _, next_year = paycalc.paychecks(
        "Associate's", step=7, start="2026-07-01", end="2026-07-13", pay_cycles=26, schedules=_folder()
    )
    # FY27 step 7: 24.58 x 1254.5 = 30,835.61; / 26 = 1,185.985 -> 1,185.99, a whole check from July 1
    assert [(str(c.start), str(c.end), c.gross) for c in next_year] == [
        ("2026-07-01", "2026-07-13", Decimal("1185.99"))
    ]


def test_a_year_with_27_pay_dates_still_pays_26_checks() -> None:
    # with the anchor 2025-07-02, periods end 2025-07-01 + 14 k: FY26 has 27 pay dates, 2025-07-01 .. 2026-06-30.
    # Its 26 checks are the 26 periods that end with the last on or before June 30 (2025-07-15 .. 2026-06-30);
    # the period paid 2025-07-01 (2025-06-18 .. 07-01) is no check of FY26. High School step 1, FY26:
    # 17.49 x 1254.5 = 21,941.205 -> 21,941.21; / 26 = 843.892 -> 843.89, the last 21,941.21 - 25 x 843.89 = 843.96
    _, checks = paycalc.paychecks(
        "High School", step=1, start="2025-07-01", end="2026-06-30", pay_cycles=26, anchor="2025-07-02",
        schedules=_folder(),
    )  # fmt: skip
    assert len(checks) == 26
    assert (str(checks[0].pay_date), str(checks[-1].pay_date)) == ("2025-07-15", "2026-06-30")
    assert [c.gross for c in checks] == [Decimal("843.89")] * 25 + [Decimal("843.96")]


def test_22_cycles_pay_nothing_in_the_summer() -> None:
    args = {"step": 5, "paid_annual": "0", "schedules": _folder(), "pay_cycles": 22}
    # 22 checks: the school year's 22 periods (2026-08-25 to 2027-06-28); FY27 step 5 High School 21.73 x 1254.5
    summer = paycalc.retro_pay("High School", start="2026-07-01", end="2026-08-24", **args)
    assert summer.owed == 0


def test_a_check_met_for_one_day_or_from_its_middle_pays_its_share() -> None:
    # FY27 High School step 1 on 22 checks: 18.02 x 1254.5 = 22,606.09; / 22 = 1,027.55 a check. The check of
    # 2026-08-25..09-07 (14 days) met for one day pays 1,027.55 / 14 = 73.396 -> 73.40; from its 6th day to
    # its end, 9 days: 1,027.55 x 9 / 14 = 660.568 -> 660.57
    one = paycalc.retro_pay("High School", step=1, start="2026-08-25", end="2026-08-25", paid_annual=0,
                            pay_cycles=22, schedules=_folder())  # fmt: skip
    assert one.owed == Decimal("73.40")
    tail = paycalc.retro_pay("High School", step=1, start="2026-08-30", end="2026-09-07", paid_annual=0,
                             pay_cycles=22, schedules=_folder())  # fmt: skip
    assert tail.owed == Decimal("660.57")


def test_a_period_ending_on_july_1_is_a_check_of_the_next_year() -> None:
    # the anchor 2025-06-19 makes periods end on 2025-07-02 + 14 k: the period of 2026-06-18..07-01 ends in FY27,
    # so it is FY27's first check (paying for July 1 alone), and FY26's 26 checks end with the one paid 2026-06-17,
    # the first paying 2025-07-01..07-02 of its period. FY26 High School step 1: 17.49 x 1254.5 = 21,941.21
    _, fy26 = paycalc.paychecks("High School", step=1, start="2025-07-01", end="2026-06-30", pay_cycles=26,
                                anchor="2025-06-19", schedules=_folder())  # fmt: skip
    assert len(fy26) == 26 and str(fy26[-1].pay_date) == "2026-06-17"
    assert sum((c.gross for c in fy26), Decimal(0)) == Decimal("21941.21")
