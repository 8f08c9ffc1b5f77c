"""Costing at its edges, each figure worked by hand from the published rates (Teacher Aide, base row):
the status quo is the 2018-06-16 schedule frozen, $25,927; under uft-2019-2022 the base rate is $26,946
from 2019-02-14 and $27,620 from 2020-05-14. Semimonthly: a whole period pays annual / 24, a piece of one
annual x days / (24 x the period's days), each piece rounded to the cent, half up."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from paycalc.cli import app

CENT = Decimal("0.01")


def r(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def period(annual: int, days: int = 15, of: int = 15) -> Decimal:
    return r(Decimal(annual) * days / (24 * of))


def cost(tmp_path: Path, roster: str, *args: str, proposal: str = "uft-2019-2022") -> dict[str, Any]:
    (tmp_path / "staff.csv").write_text(roster)
    result = CliRunner().invoke(
        app, ["cost", "--roster", str(tmp_path / "staff.csv"), "--proposal", proposal, *args, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def refused(roster: Path) -> Result:
    """``paycalc cost`` of ``roster`` under the successor agreement over FY 2019-20, which must fail."""
    result = CliRunner().invoke(
        app,
        ["cost", "--roster", str(roster), "--proposal", "uft-2019-2022", "--from", "2019-07-01", "--to", "2020-06-30"],
    )
    assert result.exit_code == 1, result.output
    return result


def members_workbook(path: Path, rows: list[list[str]]) -> Path:
    """A workbook of one sheet, Members: the header id,title,hired and ``rows``."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Members"  # type: ignore[union-attr]
    for row in (["id", "title", "hired"], *rows):
        book.active.append(row)  # type: ignore[union-attr]
    book.save(path)
    return path


def figures(answer: dict[str, Any]) -> list[tuple[str, int, Decimal, Decimal]]:
    return [
        (p["start"], p["members"], Decimal(p["status_quo"]), Decimal(p["proposals"][0]["payroll"]))
        for p in answer["periods"]
    ]


def test_a_member_hired_on_the_last_day_of_the_range(tmp_path: Path) -> None:
    answer = cost(tmp_path, "id,title,hired\n1,Teacher Aide,2020-06-30\n", "--from", "2019-07-01", "--to", "2020-06-30")
    # one day of the June 16-30 period: 25,927 / 360 = 72.019 -> 72.02; 27,620 / 360 = 76.722 -> 76.72
    assert figures(answer) == [("2019-07-01", 1, period(25927, 1), period(27620, 1))]
    assert (period(25927, 1), period(27620, 1)) == (Decimal("72.02"), Decimal("76.72"))


def test_a_member_hired_on_a_fiscal_years_last_day(tmp_path: Path) -> None:
    answer = cost(tmp_path, "id,title,hired\n1,Teacher Aide,2019-06-30\n", "--from", "2018-07-01", "--to", "2020-06-30")
    # FY 2019-20 under the offer: July to April, 20 whole periods at 26,946; May 1-13 at 26,946 and
    # May 14-15 at 27,620 (pieces of a 15-day period); May 16-31 and June's two periods at 27,620
    offer = 20 * period(26946) + period(26946, 13) + period(27620, 2) + period(27620, 16, 16) + 2 * period(27620)
    assert figures(answer) == [
        ("2018-07-01", 1, period(25927, 1), period(26946, 1)),  # June 30, 2019 alone: 72.02 and 74.85
        ("2019-07-01", 1, 24 * period(25927), offer),  # 24 x 1,080.29 = 25,926.96; 27,033.98
    ]
    assert offer == Decimal("27033.98")


def test_a_mid_range_hire_is_never_counted_before_the_hire_date(tmp_path: Path) -> None:
    answer = cost(
        tmp_path, "id,title,hired\n1,Teacher Aide,2020-01-01\n", "--from", "2019-07-01", "--to", "2020-06-30",
        "--fiscal-year-start", "01-01",
    )  # fmt: skip
    assert figures(answer)[0] == ("2019-07-01", 0, Decimal("0.00"), Decimal("0.00"))
    start, members, status, _ = figures(answer)[1]
    assert (start, members, status) == ("2020-01-01", 1, 12 * period(25927))


def test_a_lump_sum_paid_on_a_fiscal_years_first_day_counts_in_that_year(tmp_path: Path) -> None:
    offer = tmp_path / "bonus.yaml"
    offer.write_text(
        "name: bonus\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 0}\n"
        "lump_sums:\n  - {name: bonus, amount: 1000, paid: 2019-07-01}\n"
    )
    answer = cost(
        tmp_path, "id,title,hired\n1,Teacher Aide,2010-01-04\n", "--from", "2018-07-01", "--to", "2020-06-30",
        proposal=str(offer),
    )  # fmt: skip
    lumps = [Decimal(p["proposals"][0]["lump_sums"]) for p in answer["periods"]]
    assert lumps == [Decimal("0.00"), Decimal("1000.00")]


def test_members_on_a_shared_pay_path_are_each_counted(tmp_path: Path) -> None:
    roster = "id,title,hired\n" + "".join(f"{n},Teacher Aide,2010-01-04\n" for n in range(1, 4))
    roster += "4,Teacher Aide,2019-01-07\n"  # under 5 years: the offer's $500 base longevity differs
    answer = cost(tmp_path, roster, "--from", "2019-07-01", "--to", "2020-06-30")
    period_ = answer["periods"][0]
    assert period_["members"] == 4
    # three on the 5-year row: 2018-06-16 $26,523 frozen; one on the base row, $25,927
    assert Decimal(period_["status_quo"]) == 3 * 24 * period(26523) + 24 * period(25927)


ONE = "id,title,hired\n1,Teacher Aide,2010-01-04\n"  # one Teacher Aide on the 5-year row


def solving(tmp_path: Path, budget: str, *options: str, lump: str = "", roster: str = ONE) -> Result:
    """``paycalc cost --budget BUDGET --solve-percent 2019-07-01`` over FY 2019-20 of an offer of no change
    (and ``lump``), for ``roster``."""
    offer = tmp_path / "solve.yaml"
    offer.write_text("name: solve\nbase: 2018-06-16\nchanges: []\n" + lump)
    (tmp_path / "roster.csv").write_text(roster)
    result = CliRunner().invoke(
        app,
        ["cost", "--roster", str(tmp_path / "roster.csv"), "--proposal", str(offer), "--budget", budget,
         "--solve-percent", "2019-07-01", "--from", "2019-07-01", "--to", "2020-06-30", *options],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result


def _solve(tmp_path: Path, budget: str, lump: str = "", roster: str = ONE) -> str:
    """The percent the solve finds."""
    return str(
        json.loads(solving(tmp_path, budget, "--format", "json", lump=lump, roster=roster).stdout)["solved"]["percent"]
    )


# One Teacher Aide on the 5-year row: base $25,927 + amount $596 = $26,523, frozen; 24 x 1,105.13 = 26,523.12.
# A raise of p% rounds base and amount to the dollar, half up:
#   1.00%: 26,186.27 -> 26,186 and 601.96 -> 602: 26,788 a year, 24 x 1,116.17 = 26,788.08: +264.96
#   1.01%: 26,188.86 -> 26,189 and 602.02 -> 602: 26,791 a year, 24 x 1,116.29 = 26,790.96: +267.84
def test_a_raise_costing_exactly_the_budget_fits(tmp_path: Path) -> None:
    assert 24 * period(26186 + 602) - 24 * period(26523) == Decimal("264.96")
    assert _solve(tmp_path, "264.96") == "1.00"
    assert _solve(tmp_path, "264.95") == "0.99"
    assert _solve(tmp_path, "267.84") == "1.01"


def test_the_budget_is_money_to_the_cent_in_json_and_finer_is_refused(tmp_path: Path) -> None:
    assert json.loads(solving(tmp_path, "264", "--format", "json").stdout)["solved"]["budget"] == "264.00"
    offer = tmp_path / "solve.yaml"
    args = ["cost", "--roster", str(tmp_path / "roster.csv"), "--proposal", str(offer), "--budget", "264.955",
            "--solve-percent", "2019-07-01", "--from", "2019-07-01", "--to", "2020-06-30"]  # fmt: skip
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 1
    assert refused.stderr == (
        "Error: --budget 264.955 is finer than a cent (dollars and cents, e.g. 250000 or 250000.50)\n"
    )


def test_lump_sums_count_against_the_budget(tmp_path: Path) -> None:
    lump = "lump_sums:\n  - {name: bonus, amount: 100, paid: 2019-09-01}\n"
    assert _solve(tmp_path, "364.96", lump) == "1.00"  # 264.96 of raise + the $100 bonus
    assert _solve(tmp_path, "364.95", lump) == "0.99"


def test_a_range_wholly_before_the_offers_base_date_is_refused(tmp_path: Path) -> None:
    (tmp_path / "staff.csv").write_text("id,title,hired\n1,Teacher Aide,2010-01-04\n")
    result = CliRunner().invoke(
        app,
        ["cost", "--roster", str(tmp_path / "staff.csv"), "--proposal", "uft-2019-2022", "--from", "2017-07-01",
         "--to", "2018-06-16"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: --to 2018-06-16 is not after the base date 2018-06-16 of uft-2019-2022 (the offer changes nothing "
        "until after it: cost a range that runs past it)\n"
    )


def test_a_costing_error_names_the_line_even_after_members_of_several_rows(tmp_path: Path) -> None:
    roster = "id,title,hired,from,to\n1,Teacher Aide,2010-01-04,,2019-12-31\n1,Ed. Asst.,2010-01-04,2020-01-01,\n"
    roster += "2,Nurse,2010-01-04,,\n"
    (tmp_path / "staff.csv").write_text(roster)
    result = refused(tmp_path / "staff.csv")
    assert result.stderr.startswith(f"Error: {tmp_path / 'staff.csv'}: member 3 (line 4): unknown title 'Nurse'")


def test_a_costing_error_in_a_workbook_names_its_sheet_row_and_column(tmp_path: Path) -> None:
    members_workbook(tmp_path / "staff.xlsx", [["1", "Teacher Aide", "2010-01-04"], ["2", "Teacher Aide", "soon"]])
    result = refused(tmp_path / "staff.xlsx")
    assert result.stderr.startswith(f"Error: {tmp_path / 'staff.xlsx'}, sheet Members, row 3, column C: hire date")


def test_the_solved_raise_is_named_in_every_output(tmp_path: Path) -> None:
    offer = tmp_path / "solve.yaml"
    offer.write_text("name: solve\nbase: 2018-06-16\nchanges: []\n")
    (tmp_path / "one.csv").write_text("id,title,hired\n1,Teacher Aide,2010-01-04\n")
    args = ["cost", "--roster", str(tmp_path / "one.csv"), "--proposal", str(offer), "--budget", "264.96",
            "--solve-percent", "2019-07-01", "--from", "2019-07-01", "--to", "2020-06-30"]  # fmt: skip

    def run(*more: str) -> str:
        result = CliRunner().invoke(app, [*args, *more], env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.output
        return result.stdout

    assert json.loads(run("--format", "json"))["solved_percent"] == "1.00"
    rows = run("--format", "csv").splitlines()
    assert rows[0].endswith(",solved_percent") and all(row.endswith(",1.00") for row in rows[1:])
    assert "solve + 1.00% on 2019-07-01" in run()
    assert 'data-key="solved_percent">1.00<' in run("--format", "html")


def test_skip_invalid_leaves_out_bad_rows_reports_each_once_and_exits_3(tmp_path: Path) -> None:
    (tmp_path / "staff.csv").write_text(
        "id,title,hired\n1,Nurse,2010-01-04\n2,Teacher Aide,soon\n3,Teacher Aide,2010-01-04\n"
    )
    (tmp_path / "good.csv").write_text("id,title,hired\n3,Teacher Aide,2010-01-04\n")
    base = ["cost", "--proposal", "uft-2019-2022", "--from", "2019-07-01", "--to", "2020-06-30", "--format", "json"]
    skipped = CliRunner().invoke(app, [*base, "--roster", str(tmp_path / "staff.csv"), "--skip-invalid"])
    alone = CliRunner().invoke(app, [*base, "--roster", str(tmp_path / "good.csv")])
    assert skipped.exit_code == 3
    assert json.loads(skipped.stdout) == json.loads(alone.stdout)
    lines = skipped.stderr.splitlines()
    assert [line.split(": ")[2] for line in lines[:2]] == ["member 2 (line 3)", "member 1 (line 2)"]
    assert all(line.startswith("Skipped: ") for line in lines[:2])
    assert lines[2] == "Error: 2 invalid rows left out of the costing (each reported above)"
    stopped = CliRunner().invoke(app, [*base, "--roster", str(tmp_path / "staff.csv")])
    assert stopped.exit_code == 1 and stopped.stdout == ""


def test_a_member_whose_first_row_ends_before_the_range_is_paid_by_the_second_alone(tmp_path: Path) -> None:
    # Row one ends the day before --from: it pays nothing in the range. Row two, the whole fiscal year on
    # the base row (hired 2018): 24 x 1,080.29 = 25,926.96 frozen; the offer 27,033.98 (as the member
    # hired on a fiscal year's last day, above)
    roster = "id,title,hired,from,to\n1,Teacher Aide,2018-01-01,2018-01-01,2019-06-30\n"
    roster += "1,Teacher Aide,2018-01-01,2019-07-01,\n"
    answer = cost(tmp_path, roster, "--from", "2019-07-01", "--to", "2020-06-30")
    assert figures(answer) == [("2019-07-01", 1, Decimal("25926.96"), Decimal("27033.98"))]
    assert 24 * period(25927) == Decimal("25926.96")


def test_a_lump_sum_paid_on_the_one_day_a_row_holds_in_the_range(tmp_path: Path) -> None:
    offer = tmp_path / "bonus.yaml"
    offer.write_text(
        "name: bonus\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 0}\n"
        "lump_sums:\n  - {name: bonus, amount: 1000, paid: 2020-06-30}\n"
    )
    # the second row starts on --to, the day the lump sum is paid: the lump sum is the member's, once
    roster = "id,title,hired,from,to\n1,Teacher Aide,2010-01-04,2010-01-04,2020-06-29\n"
    roster += "1,Ed. Asst.,2010-01-04,2020-06-30,\n"
    answer = cost(tmp_path, roster, "--from", "2019-07-01", "--to", "2020-06-30", proposal=str(offer))
    assert [Decimal(p["proposals"][0]["lump_sums"]) for p in answer["periods"]] == [Decimal("1000.00")]


def test_a_row_that_starts_after_the_range_adds_nothing_to_the_rollover(tmp_path: Path) -> None:
    # on --to the member is on row one, the base row: $25,927 frozen, $27,620 under the offer (+1,693)
    roster = "id,title,hired,from,to\n1,Teacher Aide,2018-01-01,2018-01-01,2020-06-30\n"
    roster += "1,Ed. Asst.,2018-01-01,2020-07-01,\n"
    answer = cost(tmp_path, roster, "--from", "2019-07-01", "--to", "2020-06-30")
    rollover = answer["rollover"]
    assert (rollover["members"], rollover["status_quo"], rollover["proposals"][0]["recurring"]) == (
        1, "25927.00", str(27620 - 25927) + ".00"
    )  # fmt: skip


def test_a_single_row_with_only_a_from_or_only_a_to_is_paid_only_those_days(tmp_path: Path) -> None:
    # on the 5-year row ($26,523 frozen, 1,105.13 a period): from 2020-01-01, 12 periods; to 2019-12-31, 12
    half = 12 * period(26523)
    assert half == Decimal("13261.56")
    for row in ("1,Teacher Aide,2010-01-04,2020-01-01,", "1,Teacher Aide,2010-01-04,,2019-12-31"):
        answer = cost(tmp_path, f"id,title,hired,from,to\n{row}\n", "--from", "2019-07-01", "--to", "2020-06-30")
        assert figures(answer)[0][1:3] == (1, half), row


@pytest.mark.parametrize(
    "rows",
    [
        # the second row starts on the first's last day; the second ends on the first's first day
        "1,Teacher Aide,2010-01-04,,2019-12-31\n1,Ed. Asst.,2010-01-04,2019-12-31,\n",
        "1,Teacher Aide,2010-01-04,2019-12-31,\n1,Ed. Asst.,2010-01-04,,2019-12-31\n",
    ],
)
def test_rows_of_one_id_sharing_a_day_are_refused(tmp_path: Path, rows: str) -> None:
    (tmp_path / "staff.csv").write_text("id,title,hired,from,to\n" + rows)
    result = refused(tmp_path / "staff.csv")
    assert "the days of id '1' overlap those of member 1 (line 2)" in result.stderr


def test_a_costing_error_found_after_the_workbook_is_read_names_its_own_row(tmp_path: Path) -> None:
    members_workbook(tmp_path / "staff.xlsx", [["1", "Nurse", "2010-01-04"], ["2", "Teacher Aide", "2010-01-04"]])
    result = refused(tmp_path / "staff.xlsx")  # the title is checked when the member is costed, after row 3 was read
    assert result.stderr.startswith(f"Error: {tmp_path / 'staff.xlsx'}, sheet Members, row 2, column B: unknown title")
