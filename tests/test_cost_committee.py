"""What a bargaining committee asks of ``cost``: recurring and one-time apart, the rollover and the gap,
by title and member by member (carrying the roster's own columns), a typed workbook, the solved raise as
a proposal file. Expected figures are worked by hand from the 2018-06-16 schedule (Article Three A.1,
page 8): Teacher Aide base $25,927 and 5-year $26,523, Ed. Asst. B 15-year $33,352.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.membership import costing as cost

runner = CliRunner()
BASE = paycalc.load_contract()
ROSTER = (
    "id,title,hired,hours\n"
    "A,Teacher Aide,2014-03-01,\n"  # 5-year row from 2019-03-01
    "B,Ed. Asst. B,2000-01-10,15\n"  # 15 of 30 hours, 15-year row throughout
    "C,Teacher Aide,2019-01-02,\n"  # hired mid-year
)
# 10% with cents kept: every raised rate is exact (an integer x 1.1 has one decimal place)
TEN = "name: ten percent\nbase: 2018-06-16\nrounding: cent\nchanges:\n  - {effective: 2019-07-01, percent: 10}\n"
BONUS = (
    "name: bonus offer\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-02-14, percent: 0}\nlump_sums:\n"
    "  - {name: signing bonus, amount: 1000, paid: 2019-03-29, eligible_on: 2019-01-01, prorate: true}\n"
)


def members(text: str = ROSTER) -> list[cost.Member]:
    return list(cost.read_members(csv.DictReader(io.StringIO(text))))


def offer(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text)
    return path


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


def _cost(tmp_path: Path, roster: str, *extra: str, proposals: tuple[str, ...] = ("uft-2019-2022",)) -> str:
    path = tmp_path / "members.csv"
    path.write_text(roster)
    args = ["cost", "--roster", str(path), "--from", "2018-07-01", "--to", "2019-06-30", *extra]
    for name in proposals:
        args += ["--proposal", name]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


NAMED = (
    "ID, Name ,School,Title,Hired,Hours\n"  # the header as a committee keeps it: any case, spaces around
    "A,Ana Diaz,P.S. 1,Teacher Aide,2014-03-01,\n"
    "B,=1+2,P.S. 2,Ed. Asst. B,2000-01-10,15\n"
)


def test_a_roster_with_name_and_school_costs_and_each_member_carries_them(tmp_path: Path) -> None:
    bonus = str(offer(tmp_path, "bonus", BONUS))
    _cost(tmp_path, NAMED, "--per-member", str(tmp_path / "each.csv"), proposals=(bonus,))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "each.csv").read_text())))
    assert list(rows[0])[:6] == ["kind", "id", "Name", "School", "title", "hired"]
    assert [(r["kind"], r["id"], r["Name"], r["School"]) for r in rows] == [
        ("member", "A", "Ana Diaz", "P.S. 1"),
        ("member", "B", "'=1+2", "P.S. 2"),  # a name that is a formula is guarded
    ]
    a = rows[0]
    assert a["status_quo_2018-19"] == "26125.68" and a["bonus_2018-19"] == "27125.68"
    assert (a["bonus_lump_sums"], a["bonus_increase"]) == ("1000.00", "1000.00")
    assert a["bonus_percent"] == str((Decimal(1000) / Decimal("26125.68") * 100).quantize(Decimal("0.01")))
    each = tmp_path / "each.json"
    _cost(tmp_path, NAMED, "--per-member", str(each), proposals=(bonus,))
    first = json.loads(each.read_text())[0]
    assert (first["id"], first["Name"], first["School"], first["title"]) == ("A", "Ana Diaz", "P.S. 1", "Teacher Aide")
    assert first["total"]["proposals"][0] == {
        "name": "bonus offer", "pay": "27125.68", "lump_sums": "1000.00", "increase": "1000.00", "percent": "3.83",
    }  # fmt: skip


def test_cost_csv_sums_by_kind_equal_the_json_totals(tmp_path: Path) -> None:
    roster = ROSTER + "D,Ed. Asst. B,2016-09-01,\n"
    bonus = str(offer(tmp_path, "bonus", BONUS))
    args = ("--to", "2021-06-30", "--by", "title")
    offers = ("uft-2019-2022", bonus)
    rows = list(csv.DictReader(io.StringIO(_cost(tmp_path, roster, *args, "-f", "csv", proposals=offers))))
    data = json.loads(_cost(tmp_path, roster, *args, "-f", "json", proposals=offers))
    assert {row["kind"] for row in rows} == {"period", "total", "title", "rollover"}
    for k, name in enumerate(("UFT 2019-2022 successor agreement (reconstruction)", "bonus offer")):
        mine = [row for row in rows if row["proposal"] == name]
        for key in ("payroll", "lump_sums", "recurring", "increase"):
            periods = sum(Decimal(row[key]) for row in mine if row["kind"] == "period")
            assert periods == Decimal(data["total"]["proposals"][k][key]), key
            whole = [row for row in mine if row["kind"] == "title" and row["end"] == data["total"]["end"]]
            whole = [row for row in whole if row["start"] == data["total"]["start"]]
            assert sum(Decimal(row[key]) for row in whole) == Decimal(data["total"]["proposals"][k][key])
        first = [row for row in mine if row["kind"] == "title" and row["end"] == "2019-06-30"]
        assert sum(int(row["members"]) for row in first) == data["periods"][0]["members"]
        (rollover,) = [row for row in mine if row["kind"] == "rollover"]
        assert rollover["recurring"] == data["rollover"]["proposals"][k]["recurring"]


def test_the_cost_workbook_opens_typed_in_openpyxl(tmp_path: Path) -> None:
    import datetime

    from openpyxl import load_workbook

    bonus = str(offer(tmp_path, "bonus", BONUS))
    book = tmp_path / "costing.xlsx"
    _cost(tmp_path, NAMED, "-o", str(book), proposals=(bonus,))
    text = _cost(tmp_path, NAMED, "-f", "csv", "--by", "title", proposals=(bonus,))
    workbook = load_workbook(book)
    assert workbook.sheetnames == ["Summary", "By title", "Per member", "Assumptions"]
    summary = list(workbook["Summary"].iter_rows(values_only=True))
    assert summary[0][:3] == ("kind", "start", "end")
    (period,) = [row for row in summary if row[0] == "period"]
    assert period[1] == datetime.datetime(2018, 7, 1) and isinstance(period[4], int)
    # status quo 2018-19: A 26,125.68 + B 16,675.92; the bonus: A 1,000 + B 500
    assert period[5] == float(Decimal("26125.68") + Decimal("16675.92")) and period[9] == 1500
    assert workbook["Summary"]["F2"].number_format == "#,##0.00"
    assert {row[7] for row in summary[1:]} == {"bonus"}  # the offer by its file's name, as the table shows it
    csv_rows = list(csv.reader(io.StringIO(text)))
    assert len(summary) == len([r for r in csv_rows if r[0] != "title"])  # the header and the same rows
    titles = list(workbook["By title"].iter_rows(values_only=True))[1:]
    assert {row[3] for row in titles} == {"Teacher Aide", "Ed. Asst. B"}
    per_member = list(workbook["Per member"].iter_rows(values_only=True))
    assert per_member[0][:4] == ("kind", "id", "Name", "School")
    assert per_member[2][2] == "=1+2" and workbook["Per member"]["C3"].data_type == "s"  # text, never a formula
    assert workbook["Per member"]["C3"].quotePrefix
    assumptions = dict(workbook["Assumptions"].iter_rows(values_only=True))
    assert assumptions["Roster"].endswith("members.csv") and "bonus offer" in assumptions["Offer bonus.yaml"]


def test_the_solved_raise_is_written_as_a_proposal_that_costs_what_the_solve_said(tmp_path: Path) -> None:
    flat = offer(tmp_path, "flat", "name: flat\nbase: 2018-06-16\n")
    solved = tmp_path / "solved.yaml"
    args = ("--budget", "1000", "--solve-percent", "2019-07-01", "--from", "2019-07-01", "--to", "2020-06-30")
    path = tmp_path / "members.csv"
    path.write_text(ROSTER)
    result = runner.invoke(
        app,
        ["cost", "--roster", str(path), "--proposal", str(flat), *args, "-f", "json", "--write-proposal", str(solved)],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    percent = data["solved_percent"]
    text = solved.read_text()
    assert f"percent: {percent}" in text and "effective: 2019-07-01" in text
    again = runner.invoke(
        app,
        [
            "cost",
            "--roster",
            str(path),
            "--proposal",
            str(solved),
            "--from",
            "2019-07-01",
            "--to",
            "2020-06-30",
            "-f",
            "json",
        ],
    )
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["total"]["proposals"][0]["increase"] == data["total"]["proposals"][0]["increase"]
    assert Decimal(data["total"]["proposals"][0]["increase"]) <= 1000


def test_a_formula_with_no_saved_value_is_an_error_naming_its_cell(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Members"
    sheet.append(["id", "title", "hired", "hours", "from", "to"])
    sheet.append(["A", "Teacher Aide", "2014-03-01", None, "2018-07-01", "2018-09-30"])
    sheet.append(["B", "Ed. Asst. B", "2000-01-10", "=30/2", "2018-07-01", "2018-09-30"])  # openpyxl saves no value
    roster = tmp_path / "members.xlsx"
    book.save(roster)
    for command in (
        ["cost", "--roster", str(roster), "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2019-06-30"],
        ["retro", "--roster", str(roster)],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, result.output
        assert f"Error: {roster}, sheet Members, row 3, column D: a formula with no saved value" in result.stderr


def test_cost_output_usage_errors(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(ROSTER)
    base = ["cost", "--roster", str(path), "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2019-06-30"]
    same = str(tmp_path / "out.csv")
    cases = [
        (["--write-proposal", "x.yaml"], 2, "Error: --write-proposal writes the solved raise: give it with --budget"),
        (["-o", same, "--per-member", same], 2, f"Error: --per-member {same} is the file --output names too"),
        (["-o", str(tmp_path / "c.xlsx"), "-f", "json"], 2, "writes a workbook: leave out --format json"),
        (["--per-member", str(path)], 1, f"Error: will not write {path}: it is the input {path}"),
    ]
    for extra, code, message in cases:
        result = runner.invoke(app, [*base, *extra])
        assert (result.exit_code, message in result.stderr) == (code, True), (extra, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv"]


def test_a_misspelt_column_is_refused_not_carried(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(ROSTER.replace("hours", "hourss"))
    result = runner.invoke(
        app,
        ["cost", "--roster", str(path), "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2019-06-30"],
    )
    assert result.exit_code == 1
    assert "column 'hourss' looks like a misspelt 'hours' (rename it to carry it through)" in result.stderr


def test_a_retro_roster_carries_its_columns_and_names_the_schedule_paid_under_a_proposal() -> None:
    roster = (
        "id,Name,title,hired,from,to\n"
        "N1,Ana Diaz,Teacher Aide,2019-03-02,2019-03-02,2019-06-30\n"
        "N2,Ben Lee,Teacher Aide,2010-01-04,2013-05-01,2013-06-30\n"
    )
    result = runner.invoke(app, ["retro", "--roster", "-", "--proposal", "uft-2019-2022"], input=roster)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["id", "Name", "rows", "owed", "paid", "retro", "schedule_paid"]
    # N1 is paid the proposal's base, 2018-06-16 (the status quo); N2's period is before it: the schedule in
    # force the day before its start, 2013-04-30, is that of 2008-05-19
    assert [(r["Name"], r["schedule_paid"]) for r in rows] == [("Ana Diaz", "2018-06-16"), ("Ben Lee", "2008-05-19")]
    plain = runner.invoke(app, ["retro", "--roster", "-"], input=roster)
    assert plain.stdout.splitlines()[0] == "id,Name,rows,owed,paid,retro"  # without a proposal, as before


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


def test_a_member_left_out_is_named_by_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(
        "id,title,hired,from,to\nA,Teacher Aide,2010-01-04,,2018-12-31\nA,Ed. Asst. B,2010-01-04,2019-01-01,\n"
        "B,Head Chef,2010-01-04,,\n"
    )
    result = runner.invoke(
        app,
        ["cost", "--roster", str(path), "--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2019-06-30",
         "--skip-invalid"],
    )  # fmt: skip
    assert result.exit_code == 3
    assert f"Skipped: {path}: member 3 (line 4): unknown title 'Head Chef'" in result.stderr


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


def test_per_member_over_two_years_with_a_member_off_the_payroll(tmp_path: Path) -> None:
    bonus = str(offer(tmp_path, "bonus", BONUS))
    roster = ROSTER.replace("hours", "hours,from,to").replace("\n", ",,\n").replace("hours,from,to,,", "hours,from,to")
    roster += "Z,Teacher Aide,2010-01-04,,2010-01-04,2017-06-30\n"  # its only row ends before the range
    each = tmp_path / "each.csv"
    _cost(tmp_path, roster, "--to", "2020-06-30", "--per-member", str(each), proposals=(bonus,))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(each.read_text()))}
    a = rows["A"]
    # A: 2018-19 26,125.68 (test_cost.py); 2019-20 5-year all year, 1,105.13 x 24 = 26,523.12
    assert (a["status_quo_2018-19"], a["status_quo_2019-20"]) == ("26125.68", "26523.12")
    assert a["status_quo_total"] == "52648.80" and a["bonus_total"] == "53648.80"
    assert (a["bonus_increase"], a["bonus_percent"]) == ("1000.00", "1.90")  # 1,000 / 52,648.80 = 1.899%
    z = rows["Z"]
    assert (z["status_quo_total"], z["bonus_increase"], z["bonus_percent"]) == ("0.00", "0.00", "")
    data = tmp_path / "each.json"
    _cost(tmp_path, roster, "--to", "2020-06-30", "--per-member", str(data), proposals=(bonus,))
    first = json.loads(data.read_text())[0]
    assert [p["status_quo"] for p in first["periods"]] == ["26125.68", "26523.12"]
    assert first["total"]["status_quo"] == "52648.80" and first["total"]["proposals"][0]["pay"] == "53648.80"


def test_offers_with_the_same_file_name_get_columns_of_their_own(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = (
        offer(tmp_path / "a", "offer", BONUS),
        offer(tmp_path / "b", "offer", TEN.replace("2019-07-01", "2019-02-14")),
    )
    each = tmp_path / "each.csv"
    _cost(tmp_path, ROSTER, "--per-member", str(each), proposals=(str(first), str(second)))
    header = each.read_text().splitlines()[0].split(",")
    assert "offer_2018-19" in header and "offer#2_2018-19" in header and "offer#2_increase" in header


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


def test_a_proposal_written_as_a_file_reads_back_the_same(tmp_path: Path) -> None:
    from paycalc.output.proposal_yaml import dump

    extra = 'name: "two \\"steps\\": #1"\nbase: 2018-06-16\nrounding: cent\nchanges:\n'
    extra += "  - {effective: 2019-07-01, percent: [1.5, -0.25], add: {base: 500, 15-year: 12.5}}\n"
    (tmp_path / "steps.yaml").write_text(extra)
    for name in ("uft-2019-2022", "moa-2014", str(tmp_path / "steps.yaml")):
        spec = paycalc.load_proposal(name, BASE).proposal
        assert spec is not None
        written = tmp_path / "written.yaml"
        written.write_text(dump(spec, ["a comment"]))
        again = paycalc.load_proposal(written, BASE).proposal
        assert again is not None and again._replace(file=spec.file) == spec, name


def test_the_csv_title_and_rollover_rows_worked_by_hand(tmp_path: Path) -> None:
    ten = str(offer(tmp_path, "ten", TEN))
    text = _cost(
        tmp_path, ROSTER, "--from", "2019-07-01", "--to", "2021-06-30", "--by", "title", "-f", "csv", proposals=(ten,)
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    (rollover,) = [row for row in rows if row["kind"] == "rollover"]
    # on 2021-06-30: 69,126.00 a year (A 26,523, B 16,676, C 25,927), 10% more: 76,038.60
    assert {k: rollover[k] for k in ("start", "members", "status_quo", "payroll", "recurring", "percent")} == {
        "start": "2021-06-30", "members": "3", "status_quo": "69126.00", "payroll": "76038.60",
        "recurring": "6912.60", "percent": "10.00",
    }  # fmt: skip
    (aide,) = [r for r in rows if r["kind"] == "title" and r["title"] == "Ed. Asst. B" and r["end"] == "2020-06-30"]
    # B in 2019-20: 694.83 x 24 = 16,675.92; under 10%: 18,343.60 / 24 = 764.3167 -> 764.32, x 24 = 18,343.68
    assert (aide["members"], aide["status_quo"], aide["cost_of_one_percent"]) == ("1", "16675.92", "166.76")
    assert (aide["payroll"], aide["increase"], aide["median"]) == ("18343.68", "1667.76", "1667.76")
    assert aide["percent"] == "10.00"  # 1,667.76 / 16,675.92 = 10.0009%


def test_the_table_shows_the_gap_only_between_offers_and_the_headline(tmp_path: Path) -> None:
    ten, bonus = str(offer(tmp_path, "ten", TEN)), str(offer(tmp_path, "bonus", BONUS))
    one = _cost(tmp_path, ROSTER, "--from", "2019-07-01", "--to", "2021-06-30", proposals=(ten,))
    assert "Between offers" not in one
    assert "Rollover, the recurring increase annualised on 2021-06-30 (3 members on payroll)" in " ".join(one.split())
    assert "ten +$6,912.60 a year" in " ".join(one.split())
    two = _cost(tmp_path, ROSTER, "--from", "2019-07-01", "--to", "2021-06-30", proposals=(ten, bonus))
    assert "Between offers: each offer's increase minus the first's" in two
    # the bonus is paid before this range: its increase is nothing, so its gap is minus the raise's increase
    data = json.loads(
        _cost(tmp_path, ROSTER, "--from", "2019-07-01", "--to", "2021-06-30", "-f", "json", proposals=(ten,))
    )
    raise_increase = Decimal(data["total"]["proposals"][0]["increase"])
    (total,) = [line for line in two.splitlines() if line.strip().startswith("Total") and "bonus" in line]
    assert total.split()[-1] == f"-${raise_increase:,}"


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
    assert result.periods[0].by_title["Teacher Aide"].offers[0][1] == Decimal("3000.00")
    assert result.rollover.increases == (3 * (Decimal("29175.30") - 26523),)


def test_the_python_api_hands_each_member_over() -> None:
    each: list[cost.MemberCost] = []
    rows = list(csv.DictReader(io.StringIO(ROSTER)))
    result = paycalc.cost(rows, ["uft-2019-2022"], start="2018-07-01", end="2019-06-30", on_member=each.append)
    assert [m.member.id for m in each] == ["A", "B", "C"]
    assert each[0].status_quo == (2612568, 2612568)  # 26,125.68 (test_cost.py), one fiscal year and the total
    assert sum(m.status_quo[-1] for m in each) == int(result.total.status_quo * 100)
