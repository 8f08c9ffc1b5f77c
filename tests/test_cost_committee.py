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

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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
    assert a["status_quo_2018-19"] == "26125.68" and a["bonus offer_2018-19"] == "27125.68"
    assert (a["bonus offer_lump_sums"], a["bonus offer_increase"]) == ("1000.00", "1000.00")
    assert a["bonus offer_percent"] == str((Decimal(1000) / Decimal("26125.68") * 100).quantize(Decimal("0.01")))
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
    summary = list(workbook["Summary"].iter_rows(values_only=True, min_row=2))  # under the title row
    assert summary[0][:3] == ("kind", "start", "end")
    (period,) = [row for row in summary if row[0] == "period"]
    assert period[1] == datetime.datetime(2018, 7, 1) and isinstance(period[4], int)
    # status quo 2018-19: A 26,125.68 + B 16,675.92; the bonus: A 1,000 + B 500
    assert period[5] == float(Decimal("26125.68") + Decimal("16675.92")) and period[9] == 1500
    assert workbook["Summary"]["F3"].number_format == "#,##0.00"
    assert {row[7] for row in summary[1:]} == {"bonus offer"}  # the offer by its name, as the table shows it
    csv_rows = list(csv.reader(io.StringIO(text)))
    assert len(summary) == len([r for r in csv_rows if r[0] != "title"])  # the header and the same rows
    titles = list(workbook["By title"].iter_rows(values_only=True, min_row=3))
    assert {row[3] for row in titles} == {"Teacher Aide", "Ed. Asst. B"}
    per_member = list(workbook["Per member"].iter_rows(values_only=True, min_row=2))
    assert per_member[0][:4] == ("kind", "id", "Name", "School")
    assert per_member[2][2] == "=1+2" and workbook["Per member"]["C4"].data_type == "s"  # text, never a formula
    assert workbook["Per member"]["C4"].quotePrefix
    head = per_member[0]
    for row in per_member[1:]:  # each member's percent: the increase over the status quo, to two places
        cells = dict(zip(head, row, strict=True))
        status, increase = Decimal(str(cells["status_quo_total"])), Decimal(str(cells["bonus offer_increase"]))
        # a percent cell: 3.83% is stored as 0.0383
        assert Decimal(str(cells["bonus offer_percent"])) * 100 == (increase / status * 100).quantize(Decimal("0.01"))
    assumptions = dict(workbook["Assumptions"].iter_rows(values_only=True, min_row=2))
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
    assert a["status_quo_total"] == "52648.80" and a["bonus offer_total"] == "53648.80"
    assert (a["bonus offer_increase"], a["bonus offer_percent"]) == ("1000.00", "1.90")  # 1,000 / 52,648.80 = 1.899%
    z = rows["Z"]
    assert (z["status_quo_total"], z["bonus offer_increase"], z["bonus offer_percent"]) == ("0.00", "0.00", "")
    data = tmp_path / "each.json"
    _cost(tmp_path, roster, "--to", "2020-06-30", "--per-member", str(data), proposals=(bonus,))
    first = json.loads(data.read_text())[0]
    assert [p["status_quo"] for p in first["periods"]] == ["26125.68", "26523.12"]
    assert first["total"]["status_quo"] == "52648.80" and first["total"]["proposals"][0]["pay"] == "53648.80"
    assert (first["total"]["proposals"][0]["increase"], first["total"]["proposals"][0]["percent"]) == (
        "1000.00",
        "1.90",
    )


def test_offers_with_the_same_file_name_get_columns_of_their_own(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    """Offers are named by their names; two of one name by their files' names; two of one file name apart."""
    first, second = (
        offer(tmp_path / "a", "offer", BONUS),
        offer(tmp_path / "b", "offer", TEN.replace("2019-07-01", "2019-02-14").replace("ten percent", "bonus offer")),
    )
    each = tmp_path / "each.csv"
    _cost(tmp_path, ROSTER, "--per-member", str(each), proposals=(str(first), str(second)))
    header = each.read_text().splitlines()[0].split(",")
    assert "offer_2018-19" in header and "offer#2_2018-19" in header and "offer#2_increase" in header
    third = offer(tmp_path, "third", TEN)  # another name: each offer by its own name
    _cost(tmp_path, ROSTER, "--per-member", str(each), proposals=(str(first), str(third)))
    header = each.read_text().splitlines()[0].split(",")
    assert "bonus offer_2018-19" in header and "ten percent_increase" in header and "third_2018-19" not in header


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
    assert "ten percent +$6,912.60 a year" in " ".join(one.split())  # offers by their names
    two = _cost(tmp_path, ROSTER, "--from", "2019-07-01", "--to", "2021-06-30", proposals=(ten, bonus))
    assert "Between offers: each offer's increase minus the first's" in two
    # the bonus is paid before this range: its increase is nothing, so its gap is minus the raise's increase
    data = json.loads(
        _cost(tmp_path, ROSTER, "--from", "2019-07-01", "--to", "2021-06-30", "-f", "json", proposals=(ten,))
    )
    raise_increase = Decimal(data["total"]["proposals"][0]["increase"])
    (total,) = [line for line in two.splitlines() if line.strip().startswith("Total") and "bonus" in line]
    assert total.split()[-1] == f"-${raise_increase:,}"


def test_the_python_api_hands_each_member_over() -> None:
    each: list[cost.MemberCost] = []
    rows = list(csv.DictReader(io.StringIO(ROSTER)))
    result = paycalc.cost(rows, ["uft-2019-2022"], start="2018-07-01", end="2019-06-30", on_member=each.append)
    assert [m.member.id for m in each] == ["A", "B", "C"]
    assert each[0].status_quo == (2612568, 2612568)  # 26,125.68 (test_cost.py), one fiscal year and the total
    assert sum(m.status_quo[-1] for m in each) == int(result.total.status_quo * 100)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(-3, 3), st.integers(0, 500), st.integers(0, 900)), max_size=14), st.integers(1, 6)
)
def test_the_report_keeps_who_gains_least_and_most_as_a_full_sort_would(
    drawn: list[tuple[int, int, int]], count: int
) -> None:
    """Over the whole range (the last figure of each member's list, not its first year's): the first
    offer's pay minus the status quo, whatever the status quo and the first year."""
    from decimal import Decimal

    from paycalc.output.cost_members import extremes

    costs = [
        cost.MemberCost(
            cost.Member(f"m{n}", "Teacher Aide", date(2010, 1, 4)),
            "Teacher Aide",
            (year, 1000 + old),
            ((year * 2, 1000 + old + x),),
            (0,),
        )
        for n, (x, old, year) in enumerate(drawn)
    ]
    increases = [x for x, _, _ in drawn]
    order = sorted(range(len(increases)), key=lambda n: (increases[n], n))  # ties in roster order
    least, most = extremes(costs, count)
    assert [m.place for m in least] == order[:count]
    assert [m.place for m in most] == list(reversed(order[-count:]))
    for named in least + most:
        x, old, _ = drawn[named.place]
        assert named.increases == (Decimal(x).scaleb(-2),) and named.status_quo == Decimal(1000 + old).scaleb(-2)


def test_a_signal_while_the_outputs_are_written_names_the_file_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import signal

    import typer

    from paycalc.cli import _cost_out
    from paycalc.output.files import Interrupted

    def stopped(out: object) -> None:
        raise Interrupted(signal.SIGTERM)  # as the handler raises it when SIGTERM arrives mid-write

    target = tmp_path / "costing.csv"
    with pytest.raises(typer.Exit) as ended:
        _cost_out._write_all([(str(target), stopped, False)])
    assert ended.value.exit_code == 128 + signal.SIGTERM
    assert capsys.readouterr().err == f"Error: stopped by SIGTERM ({target} was not written)\n"
    assert list(tmp_path.iterdir()) == []
