"""Retro under a proposal is owed against the status quo: the paid schedule comes from the base contract
(its schedules up to the proposal's base date, then the base schedule frozen), never from the proposal."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

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


# the effective dates of the contract's schedules, from Article Three A.1 (pages 4-8)
EFFECTIVE = ["2008-05-19", "2013-05-01", "2014-05-01", "2015-05-01", "2016-05-01", "2017-05-01", "2018-05-01",
             "2018-06-16"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["Teacher Aide", "Ed. Asst. B", "Ed. Assoc.", "Aux. Trainer"]),
            st.dates(date(1995, 1, 1), date(2019, 12, 31)),  # hired
            st.integers(0, 400),  # days from the hire date (at the earliest 2013-01-01) to from
            st.integers(0, 500),  # days from from to to
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_roster_under_a_proposal_equals_each_row_alone_paid_the_status_quo(
    rows: list[tuple[str, date, int, int]],
) -> None:
    proposed = paycalc.load_proposal("uft-2019-2022")
    roster = []
    for n, (title, hired, wait, length) in enumerate(rows):
        start = max(hired, date(2013, 1, 1)) + timedelta(days=wait)
        end = start + timedelta(days=length)
        roster.append({"id": str(n), "title": title, "hired": str(hired), "from": str(start), "to": str(end)})
    totals = list(paycalc.retro_roster(roster, schedules=proposed))
    for row, total in zip(roster, totals, strict=True):
        # paid: the schedule in force the day before from, but never one after the proposal's base 2018-06-16
        before = str(date.fromisoformat(row["from"]) - timedelta(days=1))
        paid = max(day for day in EFFECTIVE if day <= min(before, "2018-06-16"))
        alone = paycalc.retro_pay(
            row["title"], hired=row["hired"], start=row["from"], end=row["to"], paid_schedule=paid, schedules=proposed
        )
        assert (total.owed, total.paid, total.retro) == (alone.owed, alone.paid, alone.retro)
        assert total.schedules_paid == (paid,)
