"""Retro under a proposal is owed against the status quo: the paid schedule comes from the base contract
(its schedules up to the proposal's base date, then the base schedule frozen), never from the proposal."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import paycalc

CENT = Decimal("0.01")


def half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def semimonthly(annual: int) -> Decimal:
    """2019-03-02..2019-06-30, semimonthly: 14 of March 1-15's 15 days, then 7 whole periods."""
    return half_up(Decimal(annual) * 14 / (24 * 15)) + 7 * half_up(Decimal(annual) / 24)


def test_a_new_hire_under_a_proposal_is_paid_the_status_quo() -> None:
    # Teacher Aide base: the proposal's 2019-02-14 schedule $26,946; the status quo, 2018-06-16, $25,927
    result = paycalc.retro_pay(
        "Teacher Aide",
        hired="2019-03-02",
        start="2019-03-02",
        end="2019-06-30",
        schedules=paycalc.load_proposal("uft-2019-2022"),
    )
    assert result.paid_basis == "schedule 2018-06-16"
    assert result.owed == semimonthly(26946) == Decimal("8907.15")
    assert result.paid == semimonthly(25927) == Decimal("8570.30")
    assert result.retro == Decimal("336.85")


def test_a_paid_schedule_given_still_wins() -> None:
    result = paycalc.retro_pay(
        "Teacher Aide",
        hired="2019-03-02",
        start="2019-03-02",
        end="2019-06-30",
        paid_schedule="2019-02-14",
        schedules=paycalc.load_proposal("uft-2019-2022"),
    )
    assert result.paid_basis == "schedule 2019-02-14" and result.retro == 0


def test_before_the_base_date_nothing_changes() -> None:
    # the 2014 MOA (base 2008-05-19): retro from 2013-05-01 is paid the 2008-05-19 schedule, as without it
    under = paycalc.retro_pay(
        "Teacher Aide",
        hired="2010-09-07",
        start="2013-05-01",
        end="2014-06-30",
        schedules=paycalc.load_proposal("moa-2014"),
    )
    assert under.paid_basis == "schedule 2008-05-19"


def test_a_roster_under_a_proposal_prices_each_row_against_the_status_quo() -> None:
    proposed = paycalc.load_proposal("uft-2019-2022")
    rows = [
        {"id": "1", "title": "Teacher Aide", "hired": "2019-03-02", "from": "2019-03-02", "to": "2019-06-30"},
        {"id": "2", "title": "Ed. Asst. B", "hired": "2003-09-02", "from": "2019-03-02", "to": "2019-06-30"},
    ]
    totals = list(paycalc.retro_roster(rows, schedules=proposed))
    for row, total in zip(rows, totals, strict=True):
        alone = paycalc.retro_pay(
            row["title"],
            hired=row["hired"],
            start=row["from"],
            end=row["to"],
            paid_schedule="2018-06-16",
            schedules=proposed,
        )
        assert total.retro == alone.retro
    assert totals[0].retro == Decimal("336.85")
