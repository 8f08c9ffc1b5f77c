"""One placement, every command: ``--step N`` and ``--years N`` put a member N steps above step 1 (or on step N)
on the first day asked, moving a step each July 1 after, and pay, history, paychecks and retro answer alike.
The step rule's keys (new_hire_cutoff, pay_cycles, check_split) and their refusals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import paycalc
import paycalc.api
from paycalc.rules import core, steps
from tests.test_locals import CONTRACT, write_contract
from tests.test_lunenburg import COLUMNS, PRINTED, _folder

TERM = (date(2025, 7, 1), date(2028, 6, 30))
DAYS = st.integers(0, (TERM[1] - TERM[0]).days).map(lambda n: TERM[0] + timedelta(days=n))


def july_firsts(after: date, upto: date) -> int:
    return sum(1 for y in range(after.year, upto.year + 1) if after < date(y, 7, 1) <= upto)


def hourly(day: date, column: str, step: int) -> Decimal:
    """The printed rate of ``step`` (past the top: the top) in the schedule in force on ``day``."""
    effective = max(d for d in PRINTED if date.fromisoformat(d) <= day)
    rates = PRINTED[effective][column][0].split()
    return Decimal(rates[min(step, len(rates)) - 1])


@settings(max_examples=40, deadline=None)
@given(column=st.sampled_from(COLUMNS), step=st.integers(1, 11), first=DAYS, later=DAYS)
@example(column="High School", step=3, first=date(2025, 9, 15), later=date(2026, 7, 1))
def test_every_command_answers_one_placement_alike(column: str, step: int, first: date, later: date) -> None:
    first, later = min(first, later), max(first, later)
    folder = _folder()
    # the step on a later day: the placement plus the July 1s after the first day (by hand)
    reached = step + july_firsts(first, later)
    by_step = paycalc.annual_pay(column, str(later), step=min(reached, 11), schedules=folder)
    assert by_step.rate == hourly(later, column, reached)
    hired = paycalc.api.hired_for(None, None, first, step=step, schedules=folder)
    by_hire = paycalc.annual_pay(column, str(later), hired=hired, schedules=folder)
    assert (by_hire.longevity, by_hire.annual) == (by_step.longevity, by_step.annual)
    assert paycalc.api.hired_for(None, step - 1, first, schedules=folder) == hired  # --years N is step N + 1
    on_first = paycalc.annual_pay(column, str(first), step=step, schedules=folder)
    history = paycalc.history(column, step=step, start=str(first), schedules=folder)
    assert history.rows[0].annual == on_first.annual
    for row in history.rows[1:]:  # each later schedule, on its first day (a July 1: one step more each)
        assert row.rate == hourly(row.date, column, step + july_firsts(first, row.date))
    _, checks = paycalc.paychecks(column, step=step, start=str(first), end=str(later), schedules=folder)
    owed = paycalc.retro_pay(column, step=step, start=str(first), end=str(later), paid_annual=0, schedules=folder)
    assert sum((c.gross for c in checks), Decimal(0)) == owed.owed
    by_years = paycalc.retro_pay(
        column, years=step - 1, start=str(first), end=str(later), paid_annual=0, schedules=folder
    )
    by_date = paycalc.retro_pay(column, hired=hired, start=str(first), end=str(later), paid_annual=0, schedules=folder)
    assert by_years.owed == by_date.owed == owed.owed


@settings(max_examples=60, deadline=None)
@given(
    years=st.integers(0, 12),
    on=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    kind=st.sampled_from(["lunenburg", "local", "nyc", "anniversaries"]),
)
def test_a_placement_counts_exactly_its_years(
    tmp_path_factory: pytest.TempPathFactory, years: int, on: date, kind: str
) -> None:
    contract = _contracts(tmp_path_factory)[kind]
    hired = steps.placed(contract, years, on)
    assert hired <= on
    assert steps.counted_years(contract, hired, on) == years


_loaded: dict[str, paycalc.Contract] = {}


def _contracts(factory: pytest.TempPathFactory) -> dict[str, paycalc.Contract]:
    if not _loaded:
        _loaded["lunenburg"] = paycalc.load_contract(_folder())
        _loaded["local"] = paycalc.load_contract(write_contract(factory.mktemp("local")))  # a freeze and a cut-off
        _loaded["nyc"] = paycalc.load_contract()
        anniversaries = CONTRACT.replace('step_advance: "07-01"\nnew_hire_cutoff: "07-02"\n', "")  # and a freeze
        _loaded["anniversaries"] = paycalc.load_contract(write_contract(factory.mktemp("anniv"), anniversaries))
    return _loaded


def test_a_cut_off_for_new_hires(tmp_path: Path) -> None:
    # the local's cut-off is 07-02: hired on or after July 2, the next July 1 is not a step day for them
    contract = paycalc.load_contract(write_contract(tmp_path / "local"))
    assert steps.counted_years(contract, date(2022, 7, 1), date(2023, 7, 1)) == 1
    assert steps.counted_years(contract, date(2022, 7, 2), date(2023, 7, 1)) == 0
    assert steps.counted_years(contract, date(2022, 7, 2), date(2024, 6, 30)) == 0
    assert steps.counted_years(contract, date(2023, 6, 30), date(2023, 7, 1)) == 0
    assert steps.counted_years(contract, date(2023, 6, 30), date(2025, 7, 1)) == 1  # 2024 frozen, 2025 counts
    without = paycalc.load_contract(
        write_contract(tmp_path / "plain", CONTRACT.replace('new_hire_cutoff: "07-02"\n', ""))
    )
    assert steps.counted_years(without, date(2023, 6, 30), date(2023, 7, 1)) == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('new_hire_cutoff: "13-01"\n', "new_hire_cutoff: '13-01' is not a day of every year"),
        ('new_hire_cutoff: "07-01"\n', "new_hire_cutoff: is the step day itself"),
        ("pay_cycles: [24]\n", "pay_cycles: is [24] (with pay_periods: biweekly, the elections 22 and/or 26)"),
        ("check_split: hours\n", "check_split: is 'hours' (one of calendar_days, weekdays)"),
    ],
)
def test_contract_keys_are_checked(tmp_path: Path, line: str, message: str) -> None:
    text = CONTRACT.replace('new_hire_cutoff: "07-02"\n', "") + "pay_periods: biweekly\npay_period_anchor: 2023-07-07\n"
    folder = write_contract(tmp_path / "c", text + line)
    with pytest.raises(
        paycalc.ScheduleError,
        match=message.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(").replace(")", r"\)"),
    ):
        paycalc.load_contract(folder)


def test_a_check_split_by_weekdays(tmp_path: Path) -> None:
    # the local on 26 cycles from the anchor 2023-07-07 (a Friday): FY24's checks are the 26 periods ending with
    # the last on or before 2024-06-30: 2023-06-23 + 14 k, ..., the last ending 2024-06-20. A range from
    # 2023-09-04 (a Monday) cuts the check of 2023-09-01..09-14 (the period's 10 weekdays; from Monday 09-04, 9 of
    # them; by calendar days 11 of 14). Step 1 in FY24: 20.00 x 1183 = 23,660.00, / 26 = 910.00 a check.
    text = CONTRACT + "pay_periods: biweekly\npay_period_anchor: 2023-07-07\npay_cycles: [26]\n"
    calendar = write_contract(tmp_path / "calendar", text)
    weekdays = write_contract(tmp_path / "weekdays", text + "check_split: weekdays\n")
    args = {"hired": "2023-09-04", "start": "2023-09-04", "end": "2023-09-14"}
    _, by_days = paycalc.paychecks("Para", schedules=calendar, **args)
    _, by_weekdays = paycalc.paychecks("Para", schedules=weekdays, **args)
    assert [(str(c.start), str(c.end)) for c in by_days] == [("2023-09-04", "2023-09-14")]
    assert by_days[0].gross == (Decimal("910.00") * 11 / 14).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert by_weekdays[0].gross == Decimal("910.00") * 9 / 10 == Decimal("819.00")


def test_pay_says_when_it_caps_the_step() -> None:
    # hired 2014-07-01: 11 July 1s after hire by 2025-07-01, so step 12 counted; FY26 prints 9 steps
    paid = paycalc.annual_pay("Bachelor's", "2025-07-01", hired="2014-07-01", schedules=_folder())
    assert paid.longevity == "step 9"
    assert any("past the top step (step 12 of 9 counted): paid step 9." in note for note in paid.notes)
    # the issue's own words: one step past FY27's 10
    one_past = paycalc.annual_pay("Bachelor's", "2026-07-01", step=11, schedules=_folder())
    assert one_past.longevity == "step 10"
    assert any("past the top step (step 11 of 10 counted): paid step 10." in note for note in one_past.notes)
    top = paycalc.annual_pay("Bachelor's", "2027-07-01", step=11, schedules=_folder())
    assert not any("past the top step" in note for note in top.notes)  # FY28 prints 11
    assert core.stepped(paycalc.load_contract(_folder())) and not core.stepped(paycalc.load_contract())


FY28 = st.integers(0, (TERM[1] - date(2027, 7, 1)).days).map(lambda n: date(2027, 7, 1) + timedelta(days=n))


@settings(max_examples=25, deadline=None)
@given(column=st.sampled_from(COLUMNS), step=st.integers(1, 11), first=FY28, later=FY28)
def test_a_costing_s_status_quo_is_what_retro_owes(column: str, step: int, first: date, later: date) -> None:
    """In FY28 the status quo (the 2027-07-01 schedule, frozen) is the schedule in force: a member placed by a
    roster's step column is paid what retro owes the same placement (costing prices 26 checks a year)."""
    first, later = min(first, later), max(first, later, date(2027, 7, 2))
    cycles = 26
    folder = _folder()
    owed = paycalc.retro_pay(
        column, step=step, start=str(first), end=str(later), paid_annual=0, pay_cycles=cycles, schedules=folder
    ).owed
    anchor = paycalc.load_contract(folder).terms.anchor
    costed = paycalc.cost(
        [{"id": "A", "title": column, "step": str(step)}], ["lunenburg-fy29"], start=str(first), end=str(later),
        method="biweekly", anchor=anchor, schedules=folder,
    )  # fmt: skip
    assert costed.total.status_quo == owed


@given(first=st.dates(date(2020, 1, 1), date(2030, 12, 31)), length=st.integers(-1, 40))
def test_weekdays_are_monday_to_friday(first: date, length: int) -> None:
    from paycalc.rules.cycles import weekdays

    last = first + timedelta(days=length)
    by_hand = sum(1 for n in range(length + 1) if (first + timedelta(days=n)).weekday() < 5)
    assert weekdays(first.toordinal(), last.toordinal()) == by_hand


def test_an_answer_names_the_placement_it_was_given() -> None:
    folder = _folder()
    by_years = paycalc.retro_pay("High School", years=3, start="2025-07-01", end="2025-09-30", paid_annual=0,
                                 schedules=folder)  # fmt: skip
    assert by_years.placed == "step 4 on 2025-07-01"
    by_step = paycalc.retro_pay("High School", step=4, start="2025-07-01", end="2025-09-30", paid_annual=0,
                                schedules=folder)  # fmt: skip
    assert by_step.placed == "step 4 on 2025-07-01" and by_step.owed == by_years.owed
    nyc = paycalc.retro_pay("Teacher Aide", years=3, start="2014-01-01", end="2014-06-30")
    assert nyc.placed == "" and str(nyc.hired) == "2011-01-01"  # NYC's rows are not steps: its hire date is said
    by_hire = paycalc.retro_pay("High School", hired="2022-09-06", start="2025-07-01", end="2025-09-30",
                                paid_annual=0, schedules=folder)  # fmt: skip
    assert by_hire.placed == ""


@pytest.mark.parametrize(
    ("hired", "on", "counted"),
    [
        # steps on each person's anniversary, with the fixture's freeze 2024-07-01..2025-06-30 (worked by hand)
        (date(2020, 7, 1), date(2024, 6, 30), 3),  # 2021, 2022, 2023
        (date(2020, 7, 1), date(2024, 7, 1), 3),  # 2024-07-01 is frozen: the freeze's first day counts as frozen
        (date(2020, 7, 1), date(2025, 6, 30), 3),
        (date(2020, 7, 1), date(2025, 7, 1), 4),  # the first anniversary after the freeze
        (date(2020, 9, 1), date(2025, 9, 1), 4),  # 2024-09-01 frozen
        (date(2020, 6, 30), date(2024, 12, 31), 4),  # 2024-06-30 is the day before the freeze: it counts
        (date(2024, 8, 1), date(2025, 8, 1), 1),  # hired inside the freeze; its anniversary is after it
        (date(2024, 6, 30), date(2025, 6, 30), 0),  # an anniversary on the freeze's last day
    ],
)
def test_freezes_on_an_anniversary_contract(
    tmp_path_factory: pytest.TempPathFactory, hired: date, on: date, counted: int
) -> None:
    contract = _contracts(tmp_path_factory)["anniversaries"]
    assert steps.counted_years(contract, hired, on) == counted
