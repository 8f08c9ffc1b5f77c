"""The pay core through the Python API. Expected values are contract figures or arithmetic written here."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

import paycalc
from paycalc.rules import core
from tests.conftest import FIXTURES

OTHER_LOCAL = FIXTURES / "other-local"

# Teacher Aide base pay in each schedule, Article Three A.1
TEACHER_AIDE_BASE = {
    "2008-05-19": 21713,
    "2013-05-01": 21930,
    "2014-05-01": 22149,
    "2015-05-01": 22818,
    "2016-05-01": 23614,
    "2017-05-01": 24688,
    "2018-05-01": 25172,
    "2018-06-16": 25927,
}


def pay(title: str = "Teacher Aide", on: str = "2018-06-16", **kwargs: object) -> paycalc.PayResult:
    return paycalc.annual_pay(title, on, **kwargs)  # type: ignore[arg-type]


# --- longevity -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "label", "rate"),
    [
        (0, "base", 25927),
        (4, "base", 25927),
        (5, "5-year", 26523),
        (14, "5-year", 26523),
        (15, "15-year", 27822),
        (40, "15-year", 27822),
    ],
)
def test_longevity_rows_by_completed_years(years: int, label: str, rate: int) -> None:
    result = pay(years=years)
    assert (result.longevity, result.rate, result.annual) == (label, Decimal(rate), Decimal(rate))


@pytest.mark.parametrize(
    ("hired", "on", "years"),
    [
        ("2013-06-16", "2018-06-15", 4),  # the day before the 5th anniversary
        ("2013-06-16", "2018-06-16", 5),  # the anniversary itself counts
        ("2003-06-16", "2018-06-15", 14),
        ("2003-06-16", "2018-06-16", 15),
        ("2012-02-29", "2016-02-28", 3),  # leap year: the anniversary is Feb 29
        ("2012-02-29", "2016-02-29", 4),
        ("2012-02-29", "2017-02-27", 4),  # common year: the anniversary is Feb 28
        ("2012-02-29", "2017-02-28", 5),
        ("2018-06-16", "2018-06-16", 0),  # hired that day
    ],
)
def test_completed_years_count_anniversaries_on_or_before_the_date(hired: str, on: str, years: int) -> None:
    assert core.completed_years(date.fromisoformat(hired), date.fromisoformat(on)) == years


def test_hire_date_moves_the_row_on_the_anniversary() -> None:
    # both dates under the 2017-05-01 schedule: Teacher Aide base 24688, with 5-yr longevity 25256
    assert pay(hired="2012-07-01", on="2017-06-30").rate == Decimal(24688)
    assert pay(hired="2012-07-01", on="2017-07-01").rate == Decimal(25256)
    # a Feb 29 hire reaches 15 years on Feb 28 of a common year (2019: status quo, 2018-06-16 schedule)
    assert pay(hired="2004-02-29", on="2019-02-27").longevity == "5-year"
    assert pay(hired="2004-02-29", on="2019-02-28").rate == Decimal(27822)


# --- the schedule in force -------------------------------------------------------------------------


@pytest.mark.parametrize("effective", list(TEACHER_AIDE_BASE)[1:])
def test_day_before_and_day_of_each_effective_date(effective: str) -> None:
    dates = list(TEACHER_AIDE_BASE)
    previous = dates[dates.index(effective) - 1]
    day_before = (date.fromisoformat(effective) - timedelta(days=1)).isoformat()
    assert pay(on=day_before, years=3).annual == TEACHER_AIDE_BASE[previous]
    assert pay(on=day_before, years=3).schedule.isoformat() == previous
    assert pay(on=effective, years=3).annual == TEACHER_AIDE_BASE[effective]
    assert pay(on=effective, years=3).schedule.isoformat() == effective


def test_a_date_before_the_first_schedule_is_an_error_naming_it() -> None:
    with pytest.raises(
        paycalc.InputError, match=r"2008-05-18 is before the first schedule \(dates from 2008-05-19 on\)"
    ):
        pay(on="2008-05-18", years=3)


def test_after_the_term_the_last_schedule_stays_in_force_with_a_note() -> None:
    result = pay(on="2021-03-01", years=3)
    assert result.schedule == date(2018, 6, 16)
    assert result.annual == Decimal(25927)
    assert any("status quo" in note and "2018-11-30" in note for note in result.notes)
    assert pay(on="2018-11-30", years=3).notes == ()


def test_before_the_term_the_2008_schedule_applies_with_a_note() -> None:
    result = pay(on="2009-10-31", years=3)
    assert result.schedule == date(2008, 5, 19)
    assert any("before the agreement's term" in note for note in result.notes)
    assert pay(on="2009-11-01", years=3).notes == ()


# --- pro-rating (Article Three A.3) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "workyear", "annual"),
    [
        ("20", None, "17284.67"),  # 25927 x 20/30 = 17284.666...
        ("17.5", None, "15124.08"),  # 25927 x 17.5/30 = 15124.0833...
        ("35", None, "30248.17"),  # adult education above 30 hours: 25927 x 35/30 = 30248.1666...
        (None, "0.5", "12963.50"),  # 25927 x 0.5
        (None, "1.1", "28519.70"),  # more than the regular workyear: 25927 x 1.1
        ("20", "0.75", "12963.50"),  # 25927 x 20/30 x 0.75
    ],
)
def test_pro_rating_by_hours_and_workyear(hours: str | None, workyear: str | None, annual: str) -> None:
    result = pay(years=3, hours=hours, workyear=workyear)
    assert result.rate == Decimal(25927)
    assert result.annual == Decimal(annual)


def test_rounding_is_once_to_the_cent_half_up() -> None:
    # Ed. Asst. B base 2018-06-16 is 31457; x 0.125 = 3932.125 exactly: half up gives .13 (half even .12)
    assert pay("Ed. Asst. B", years=0, workyear="0.125").annual == Decimal("3932.13")


def test_numbers_from_python_are_taken_exactly() -> None:
    assert pay(years=3, hours=17.5).annual == pay(years=3, hours=Decimal("17.5")).annual == Decimal("15124.08")
    assert pay(years=3, hours=20, workyear=1).annual == Decimal("17284.67")


# --- titles ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling", ["Ed. Asst. B", "ed asst b", "ED. ASST. B", "Ed Asst B", "  ed.asst.b ", "Educational Assistant B"]
)
def test_titles_match_ignoring_case_spacing_and_punctuation(spelling: str) -> None:
    assert pay(spelling, years=16).title == "Ed. Asst. B"


def test_aliases_resolve_to_the_canonical_title() -> None:
    assert pay("Bilingual Professional Assistant", years=3).title == "Bil. Prof. Asst."
    assert pay("Biling. Prof. Asst.", years=3).title == "Bil. Prof. Asst."
    assert pay("auxiliary trainer a", years=3).title == "Aux. Trainer A"


def test_an_unknown_title_lists_the_closest() -> None:
    with pytest.raises(paycalc.InputError, match=r"unknown title 'Ed Asst C' \(closest: ") as raised:
        pay("Ed Asst C", years=3)
    assert "Ed. Asst. B" in str(raised.value)
    assert "Teacher Aide" not in str(raised.value)


def test_an_unknown_title_lists_the_closest_of_its_own_contract() -> None:
    """The suggestions are worked out once per spelling and contract (a roster's thousand rows under one unknown
    title): the same spelling on Lunenburg's scale suggests Lunenburg's columns, not NYC's titles."""
    from paycalc.contract.loader import bundled_contract

    nyc, lunenburg = paycalc.load_contract(), paycalc.load_contract(bundled_contract("lunenburg-paras"))
    for _ in range(2):
        with pytest.raises(paycalc.InputError, match=r"closest: Ed\. Asst\., Ed\. Asst\. B"):
            core.resolve_title(nyc, "Ed Asst C")
        with pytest.raises(paycalc.InputError) as raised:
            core.resolve_title(lunenburg, "Ed Asst C")
        assert "Ed. Asst." not in str(raised.value) and "High School" in str(raised.value)


def test_an_unknown_title_with_nothing_close_lists_all_titles() -> None:
    with pytest.raises(paycalc.InputError) as raised:
        pay("Custodian", years=3)
    assert "Teacher Aide" in str(raised.value) and "Aux. Trainer B" in str(raised.value)


# --- Bil. Prof. Asst. footnotes 1-8 ----------------------------------------------------------------


def test_bilingual_rate_needs_a_hire_before_december_1975() -> None:
    assert pay("Bil. Prof. Asst.", hired="1975-11-30").rate == Decimal(39838)  # 42 years: 15-year row
    with pytest.raises(paycalc.InputError, match=r"only those employed in title before 1975-12-01"):
        pay("Bil. Prof. Asst.", hired="1975-12-01")


def test_bilingual_rate_from_years_carries_the_footnote() -> None:
    result = pay("Bil. Prof. Asst.", years=20)
    assert result.rate == Decimal(39838)
    assert any("prior to December 1975" in note for note in result.notes)


# --- another local's contract ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "label", "rate"),
    [
        (2, "base", "32188.02"),
        (3, "3-year", "33038.02"),
        (9, "3-year", "33038.02"),
        (10, "10-year", "34337.77"),
        (20, "20-year", "35937.52"),
    ],
)
def test_another_contract_with_other_tiers(years: int, label: str, rate: str) -> None:
    result = paycalc.annual_pay("Paraeducator", "2025-01-15", years=years, schedules=OTHER_LOCAL)
    assert (result.schedule, result.longevity, result.annual) == (date(2024, 7, 1), label, Decimal(rate))


def test_another_contract_pro_rates_against_its_own_regular_week() -> None:
    # 35-hour regular week: 34337.77 x 20/35 = 19621.582857... -> 19621.58
    result = paycalc.annual_pay("para", "2024-07-01", years=12, hours=20, schedules=str(OTHER_LOCAL))
    assert result.annual == Decimal("19621.58")


def test_a_loaded_contract_can_be_passed_instead_of_a_folder() -> None:
    contract = paycalc.load_contract(OTHER_LOCAL)
    assert paycalc.annual_pay("Library Aide", "2023-07-01", years=0, schedules=contract).annual == Decimal(28000)


# --- bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": ""}, r"title '' is empty"),
        ({"on": "2018-13-01"}, r"date '2018-13-01' is not a valid date \(YYYY-MM-DD"),
        ({"on": "06/16/2018"}, r"is not a valid date"),
        ({"on": "20180616"}, r"is not a valid date"),
        ({"years": -1}, r"years -1 is not a whole number"),
        ({"years": "2.5"}, r"years '2.5' is not a whole number"),
        ({"years": True}, r"years True is not a whole number"),
        ({"years": 3, "hired": "2000-01-01"}, r"both years and hired given"),
        ({"years": None}, r"neither years nor hired given"),
        ({"years": None, "hired": "2020-01-01"}, r"hire date 2020-01-01 is after the date 2018-06-16"),
        ({"hours": "0"}, r"hours '0' is out of range \(hours per week above 0 and at most 168"),
        ({"hours": "169"}, r"hours '169' is out of range"),
        ({"hours": "abc"}, r"hours 'abc' is not a plain decimal number"),
        ({"hours": "nan"}, r"hours 'nan' is not a plain decimal number"),
        ({"workyear": "0"}, r"workyear '0' is out of range"),
        ({"workyear": "-0.5"}, r"workyear '-0.5' is out of range"),
        ({"workyear": "inf"}, r"workyear 'inf' is not a plain decimal number"),
        ({"workyear": float("inf")}, r"workyear inf is not a plain decimal number"),
    ],
)
def test_bad_input_raises_input_error(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"title": "Teacher Aide", "on": "2018-06-16", "years": 3} | kwargs
    with pytest.raises(paycalc.InputError, match=message):
        paycalc.annual_pay(**args)  # type: ignore[arg-type]


def test_input_errors_are_paycalc_errors_and_value_errors() -> None:
    assert issubclass(paycalc.InputError, paycalc.PaycalcError)
    assert issubclass(paycalc.InputError, ValueError)
    assert issubclass(paycalc.ScheduleError, paycalc.PaycalcError)
