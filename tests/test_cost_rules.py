"""The costing rules a committee relies on, worked by hand: the rollover, recurring and one-time apart,
by title, and the edges of rows, ranges, hires and lump sums. Figures from the 2018-06-16 schedule
(Article Three A.1, page 8): Teacher Aide base $25,927 and 5-year $26,523, Ed. Asst. B 5-year $32,053 and
15-year $33,352.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import paycalc
from paycalc.membership import costing as cost
from tests.test_cost_committee import BASE, BONUS, ROSTER, TEN, members, offer


def test_the_rollover_is_the_recurring_increase_annualised_on_the_last_day(tmp_path: Path) -> None:
    ten = paycalc.load_proposal(offer(tmp_path, "ten", TEN), BASE)
    result = cost.cost(members(), [ten], BASE, date(2019, 7, 1), date(2021, 6, 30))
    # on 2021-06-30: A 5-year 26,523; B 33,352 x 15/30 = 16,676; C base 25,927: 69,126.00 a year,
    # and 10% more under the offer: 6,912.60 a year, which the next contract inherits
    assert result.rollover == cost.Rollover(date(2021, 6, 30), 3, Decimal("69126.00"), (Decimal("6912.60"),))
    # before the raise takes effect, nothing rolls over, though the range runs past the base date
    early = cost.cost(members(), [ten], BASE, date(2018, 7, 1), date(2019, 6, 30))
    assert early.rollover.increases == (Decimal("0.00"),)
    # a member whose row ends before the last day is not on payroll that day
    parted = ROSTER + "D,Teacher Aide,2010-01-04,\n"
    rows = parted.replace("id,title,hired,hours", "id,title,hired,hours,to").replace(
        "2010-01-04,", "2010-01-04,,2021-06-29"
    )
    result = cost.cost(members(rows), [ten], BASE, date(2019, 7, 1), date(2021, 6, 30))
    assert result.rollover.members == 3 and result.rollover.status_quo == Decimal("69126.00")


def test_recurring_and_one_time_are_apart(tmp_path: Path) -> None:
    ten = paycalc.load_proposal(offer(tmp_path, "ten", TEN), BASE)
    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS), BASE)
    result = cost.cost(members(), [ten, bonus], BASE, date(2019, 7, 1), date(2020, 6, 30))
    (year,) = result.periods
    # 2019-20, 24 checks each: A 26,523 / 24 = 1,105.125 -> 1,105.13 x 24 = 26,523.12; B 16,676 / 24 =
    # 694.8333 -> 694.83 x 24 = 16,675.92; C 25,927 / 24 = 1,080.2917 -> 1,080.29 x 24 = 25,926.96
    status_quo = Decimal("26523.12") + Decimal("16675.92") + Decimal("25926.96")
    # under 10%: 29,175.30 / 24 = 1,215.6375 -> 1,215.64; 18,343.60 / 24 = 764.3167 -> 764.32;
    # 28,519.70 / 24 = 1,188.3208 -> 1,188.32; each x 24
    raised = (Decimal("1215.64") + Decimal("764.32") + Decimal("1188.32")) * 24
    first, second = year.proposals
    assert year.status_quo == status_quo
    assert (first.payroll, first.recurring, first.lump_sums) == (raised, raised - status_quo, Decimal("0.00"))
    assert first.increase == first.recurring and first.gap is None
    # the bonus is paid in 2018-19, outside this range: nothing recurs and nothing is paid once
    assert (second.recurring, second.lump_sums, second.increase) == (Decimal("0.00"),) * 3
    assert second.gap == -(raised - status_quo)
    whole = cost.cost(members(), [bonus], BASE, date(2018, 7, 1), date(2019, 6, 30)).total.proposals[0]
    # A 1,000 and B 1,000 x 15/30 = 500 (hired by 2019-01-01), C nothing: all one-time
    assert (whole.recurring, whole.lump_sums, whole.increase) == (
        Decimal("0.00"),
        Decimal("1500.00"),
        Decimal("1500.00"),
    )


def test_by_title_counts_members_and_gives_the_typical_member(tmp_path: Path) -> None:
    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS), BASE)
    result = cost.cost(members(), [bonus], BASE, date(2018, 7, 1), date(2019, 6, 30))
    aides, assistant = result.total.by_title["Teacher Aide"], result.total.by_title["Ed. Asst. B"]
    # 2018-19 status quo: A 17,284.64 + 8,841.04, C 1,008.27 + 11,883.19 (test_cost.py works them out)
    assert (aides.members, aides.status_quo) == (2, Decimal("26125.68") + Decimal("12891.46"))
    assert aides.offers == ((Decimal("0.00"), Decimal("1000.00"), Decimal("1000.00")),)
    assert aides.medians == (Decimal("500.00"),)  # A gains 1,000, C nothing: the middle of two
    assert (assistant.members, assistant.status_quo, assistant.medians) == (
        1,
        Decimal("16675.92"),
        (Decimal("500.00"),),
    )


def test_a_one_day_range_is_costed() -> None:
    (a,) = members("id,title,hired\nA,Teacher Aide,2014-03-01\n")
    result = cost.cost([a], [paycalc.load_proposal("uft-2019-2022", BASE)], BASE, date(2019, 7, 1), date(2019, 7, 1))
    # one day of the 1st-15th period: 26,523 / 24 x 1/15 = 73.675 -> 73.68 (5-year row, the status quo)
    assert result.total.status_quo == Decimal("73.68") and result.total.members == 1


def test_a_member_with_rows_is_never_priced_as_one_without_them() -> None:
    roster = (
        "id,title,hired,from,to\n"
        "Z,Ed. Asst. B,2010-01-04,,\n"  # all year on one row
        "Y,Teacher Aide,2010-01-04,,2019-12-31\n"  # the same hire date and last title, but a change of title
        "Y,Ed. Asst. B,2010-01-04,2020-01-01,\n"
    )
    each: list[cost.MemberCost] = []
    proposed = paycalc.load_proposal("uft-2019-2022", BASE)
    cost.cost(members(roster), [proposed], BASE, date(2019, 7, 1), date(2020, 6, 30), on_member=each.append)
    z, y = each
    # Z: Ed. Asst. B 5-year 32,053 all year, 24 checks of 1,335.54 (32,053 / 24 = 1,335.5417)
    assert z.status_quo[-1] == 133554 * 24
    # Y: Teacher Aide 5-year 26,523 for 12 checks of 1,105.13, then Ed. Asst. B for 12 of 1,335.54
    assert y.status_quo[-1] == 110513 * 12 + 133554 * 12


def test_a_member_built_in_python_is_named_by_its_place_when_it_cannot_be_priced() -> None:
    good = cost.Member("a", "Teacher Aide", date(2014, 3, 1))
    bad = cost.Member("b", "Head Chef", date(2014, 3, 1))
    try:
        cost.cost(
            [good, bad], [paycalc.load_proposal("uft-2019-2022", BASE)], BASE, date(2019, 7, 1), date(2020, 6, 30)
        )
    except paycalc.RowError as error:
        assert error.row == 2 and "unknown title 'Head Chef'" in error.reason
    else:
        raise AssertionError("an unknown title was costed")


def test_a_member_hired_on_the_last_day_rolls_over_a_whole_year(tmp_path: Path) -> None:
    ten = paycalc.load_proposal(offer(tmp_path, "ten", TEN), BASE)
    (new,) = members("id,title,hired\nN,Teacher Aide,2021-06-30\n")
    result = cost.cost([new], [ten], BASE, date(2019, 7, 1), date(2021, 6, 30))
    # one day worked, but a whole year inherited: base 25,927 a year, and 10% more under the offer
    assert result.rollover == cost.Rollover(date(2021, 6, 30), 1, Decimal("25927.00"), (Decimal("2592.70"),))


def test_rows_before_the_range_and_lump_sums_with_rows(tmp_path: Path) -> None:
    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS), BASE)
    roster = (
        "id,title,hired,from,to\n"
        "R,Ed. Asst. B,2010-01-04,2015-01-01,2016-06-30\n"  # an old row, before the range: priced at nothing
        "R,Teacher Aide,2010-01-04,2016-07-01,2019-02-28\n"
        "R,Ed. Asst. B,2010-01-04,2019-03-01,\n"  # the row that holds the bonus's paid day, 2019-03-29
    )
    each: list[cost.MemberCost] = []
    result = cost.cost(members(roster), [bonus], BASE, date(2018, 7, 1), date(2019, 6, 30), on_member=each.append)
    # Teacher Aide 5-year 26,523 for 16 checks of 1,105.13, then Ed. Asst. B 5-year 32,053 for 8 of 1,335.54
    assert each[0].status_quo[-1] == 110513 * 16 + 133554 * 8
    assert result.total.proposals[0].lump_sums == Decimal("1000.00")  # paid once, with the row holding its day


def test_a_lump_sum_paid_on_a_fiscal_years_first_or_last_day_counts_in_that_year(tmp_path: Path) -> None:
    for paid, year in (("2019-07-01", 1), ("2020-06-30", 1), ("2019-06-30", 0)):
        text = BONUS.replace("paid: 2019-03-29", f"paid: {paid}").replace("prorate: true", "prorate: false")
        bonus = paycalc.load_proposal(offer(tmp_path, "bonus", text), BASE)
        result = cost.cost(members(), [bonus], BASE, date(2018, 7, 1), date(2020, 6, 30))
        # A and B were hired by 2019-01-01: 1,000 each, whole, in the fiscal year that holds the paid day
        assert [p.proposals[0].lump_sums for p in result.periods][year] == Decimal("2000.00"), paid


def test_no_lump_sum_goes_to_a_member_none_of_whose_rows_holds_its_paid_day(tmp_path: Path) -> None:
    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS), BASE)  # paid 2019-03-29
    gap = "id,title,hired,from,to\nG,Teacher Aide,2010-01-04,,2019-02-28\nG,Teacher Aide,2010-01-04,2019-04-01,\n"
    result = cost.cost(members(gap), [bonus], BASE, date(2018, 7, 1), date(2019, 6, 30))
    assert result.total.proposals[0].lump_sums == Decimal("0.00")


def test_rows_ending_or_starting_on_the_last_day_roll_over(tmp_path: Path) -> None:
    ten = paycalc.load_proposal(offer(tmp_path, "ten", TEN), BASE)
    roster = (
        "id,title,hired,from,to\n"
        "E,Teacher Aide,2019-01-02,,2021-06-30\n"  # its row ends on the last day: still on payroll
        "S,Teacher Aide,2014-03-01,,2021-06-29\n"  # its first row ends the day before,
        "S,Ed. Asst. B,2014-03-01,2021-06-30,\n"  # and its second starts on the last day
    )
    result = cost.cost(members(roster), [ten], BASE, date(2019, 7, 1), date(2021, 6, 30))
    # E: Teacher Aide base 25,927; S: Ed. Asst. B 5-year 32,053 (the row holding 2021-06-30)
    assert result.rollover.members == 2 and result.rollover.status_quo == Decimal("57980.00")


def test_members_on_a_shared_pay_path_are_each_counted(tmp_path: Path) -> None:
    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS), BASE)
    same = "id,title,hired\n" + "".join(f"T{n},Teacher Aide,2008-09-02\n" for n in range(3))
    result = cost.cost(members(same), [bonus], BASE, date(2019, 7, 1), date(2021, 6, 30))
    # each: 5-year 26,523 / 24 = 1,105.125 -> 1,105.13, 24 checks a year; three of them, over two years
    assert result.total.members == 3 and result.total.status_quo == Decimal("1105.13") * 24 * 2 * 3
    assert [p.status_quo for p in result.periods] == [Decimal("1105.13") * 24 * 3] * 2
    assert result.total.by_title["Teacher Aide"].members == 3
    assert result.rollover.members == 3 and result.rollover.status_quo == 3 * Decimal(26523)


def test_hired_on_eligible_on_is_eligible_and_rows_meeting_a_year_on_its_edge_count(tmp_path: Path) -> None:
    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS), BASE)  # eligible_on 2019-01-01
    (on_the_day,) = members("id,title,hired\nD,Teacher Aide,2019-01-01\n")
    result = cost.cost([on_the_day], [bonus], BASE, date(2018, 7, 1), date(2019, 6, 30))
    assert result.total.proposals[0].lump_sums == Decimal("1000.00")
    edges = (
        "id,title,hired,from,to\n"
        "F,Teacher Aide,2010-01-04,,2019-07-01\n"  # its only row ends on 2019-20's first day
        "L,Teacher Aide,2010-01-04,2019-06-30,\n"  # its only row starts on 2018-19's last day
    )
    result = cost.cost(members(edges), [bonus], BASE, date(2018, 7, 1), date(2020, 6, 30))
    assert [p.members for p in result.periods] == [2, 2]


def test_who_gains_least_and_most_is_by_the_increase_not_by_the_pay(tmp_path: Path) -> None:
    from paycalc.output.cost_members import extremes

    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS), BASE)
    roster = ROSTER + "R,Aux. Trainer B,2019-02-01,\n"  # the best paid, hired after eligible_on: no bonus
    each: list[cost.MemberCost] = []
    cost.cost(members(roster), [bonus], BASE, date(2018, 7, 1), date(2019, 6, 30), on_member=each.append)
    least, most = extremes(each, 2)
    # increases: A 1,000 and B 500 (bonus), C and R nothing; ties in roster order
    assert [m.id for m in least] == ["C", "R"] and [m.id for m in most] == ["A", "B"]
    assert [m.increases for m in most] == [(Decimal("1000.00"),), (Decimal("500.00"),)]
    assert len(extremes(each)[0]) == 4  # five asked, four there


def test_a_one_day_row_is_accepted_and_rows_sharing_a_day_overlap() -> None:
    (one,) = members("id,title,hired,from,to\nO,Teacher Aide,2014-03-01,2019-07-01,2019-07-01\n")
    assert one.parts == (cost.Part(date(2019, 7, 1), date(2019, 7, 1), "Teacher Aide", one.work),)
    touching = (
        "id,title,hired,from,to\n"
        "T,Teacher Aide,2014-03-01,,2019-12-31\n"
        "T,Ed. Asst. B,2014-03-01,2019-12-31,\n"  # starts on the day the first row ends: both hold it
    )
    try:
        members(touching)
    except paycalc.RowError as error:
        assert error.row == 2 and "the days of id 'T' overlap those of member 1 (line 2)" in error.reason
    else:
        raise AssertionError("two rows holding one day were accepted")


def test_a_member_whose_only_row_ends_inside_the_range_is_not_counted_after_it() -> None:
    ended = "id,title,hired,from,to\nE,Teacher Aide,2010-01-04,,2019-06-30\n"
    proposed = paycalc.load_proposal("uft-2019-2022", BASE)
    result = cost.cost(members(ended), [proposed], BASE, date(2018, 7, 1), date(2020, 6, 30))
    assert [p.members for p in result.periods] == [1, 0]
    assert result.periods[1].status_quo == Decimal("0.00") and result.rollover.members == 0


def test_eligibility_is_each_members_own_even_when_their_pay_is_alike(tmp_path: Path) -> None:
    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS), BASE)  # eligible_on 2019-01-01
    roster = "id,title,hired\nLATE,Teacher Aide,2019-01-02\nON,Teacher Aide,2019-01-01\n"
    result = cost.cost(members(roster), [bonus], BASE, date(2018, 7, 1), date(2019, 6, 30))
    assert result.total.proposals[0].lump_sums == Decimal("1000.00")  # ON's bonus, not LATE's


def test_every_sum_of_a_shared_pay_path_counts_each_member(tmp_path: Path) -> None:
    text = TEN + "lump_sums:\n  - {name: bonus, amount: 1000, paid: 2019-10-01, eligible_on: 2019-09-01}\n"
    both = paycalc.load_proposal(offer(tmp_path, "both", text), BASE)
    same = "id,title,hired\n" + "".join(f"T{n},Teacher Aide,2008-09-02\n" for n in range(3))
    result = cost.cost(members(same), [both], BASE, date(2019, 7, 1), date(2021, 6, 30))
    # each a year: 5-year 26,523 -> 29,175.30 under 10%, / 24 = 1,215.6375 -> 1,215.64 a check
    first, second = (p.proposals[0] for p in result.periods)
    assert (first.payroll, first.lump_sums) == (Decimal("1215.64") * 24 * 3, Decimal("3000.00"))
    assert (second.payroll, second.lump_sums) == (Decimal("1215.64") * 24 * 3, Decimal("0.00"))
    total = result.total.proposals[0]
    assert (total.payroll, total.lump_sums) == (Decimal("1215.64") * 24 * 6, Decimal("3000.00"))
    aides = result.total.by_title["Teacher Aide"]
    recurring = (Decimal("1215.64") - Decimal("1105.13")) * 24 * 6
    assert aides.offers == ((recurring, Decimal("3000.00"), recurring + 3000),)
    first_year = result.periods[0].by_title["Teacher Aide"]
    assert (first_year.members, first_year.status_quo) == (3, Decimal("1105.13") * 24 * 3)
    assert first_year.offers[0] == (recurring / 2, Decimal("3000.00"), recurring / 2 + 3000)
    # beside a second offer (the bonus alone), each offer's lump sums stay its own, by title too
    bonus = paycalc.load_proposal(offer(tmp_path, "bonus", BONUS.replace("2019-03-29", "2020-03-02")), BASE)
    two = cost.cost(members(same), [both, bonus], BASE, date(2019, 7, 1), date(2021, 6, 30))
    by_title = two.periods[0].by_title["Teacher Aide"]
    assert [lumps for _, lumps, _ in by_title.offers] == [Decimal("3000.00"), Decimal("3000.00")]
    assert two.periods[1].by_title["Teacher Aide"].offers[1][1] == Decimal("0.00")
    assert result.rollover.increases == (3 * (Decimal("29175.30") - 26523),)
