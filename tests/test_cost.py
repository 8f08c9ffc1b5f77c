"""Costing: a small roster costed by hand, properties against single-person pricing, the report, errors."""

import json
import os
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.membership import costing as cost
from paycalc.rules import periods

runner = CliRunner()
BASE = paycalc.load_contract()
SUCCESSOR = paycalc.load_proposal("uft-2019-2022", BASE)
ROSTER = (
    "id,title,hired,hours\n"
    "A,Teacher Aide,2014-03-01,\n"  # crosses the 5-year anniversary on 2019-03-01
    "B,Ed. Asst. B,2000-01-10,15\n"  # a part-timer at 15 of 30 hours, 15-year row throughout
    "C,Teacher Aide,2019-01-02,\n"  # hired mid-year
)
BONUS = """name: bonus offer
base: 2018-06-16
changes:
  - {effective: 2019-02-14, percent: 0}
lump_sums:
  - {name: signing bonus, amount: 1000, paid: 2019-03-29, eligible_on: 2019-01-01, prorate: true}
"""


def members(text: str = ROSTER) -> list[cost.Member]:
    import csv
    import io

    return list(cost.read_members(csv.DictReader(io.StringIO(text))))


def test_a_small_roster_costed_by_hand(tmp_path: Path) -> None:
    offer = tmp_path / "bonus.yaml"
    offer.write_text(BONUS)
    result = cost.cost(members(), [paycalc.load_proposal(offer, BASE)], BASE, date(2018, 7, 1), date(2019, 6, 30))
    (year,) = result.periods
    # Status quo, the 2018-06-16 schedule frozen, semimonthly (annual / 24 a check, rounded to the cent):
    # A: base 25,927 / 24 = 1,080.2917 -> 1,080.29 x 16 checks (Jul-Feb) = 17,284.64;
    #    5-year from 2019-03-01: 26,523 / 24 = 1,105.125 -> 1,105.13 x 8 = 8,841.04
    # B: 15-year 33,352 x 15 / 30 = 16,676 / 24 = 694.8333 -> 694.83 x 24 = 16,675.92
    # C: from 2019-01-02: Jan 2-15 is 14 of 15 days: 25,927 x 14 / (24 x 15) = 1,008.2722 -> 1,008.27,
    #    then 11 whole checks of 1,080.29 = 11,883.19
    a = Decimal("17284.64") + Decimal("8841.04")
    b = Decimal("16675.92")
    c = Decimal("1008.27") + Decimal("11883.19")
    assert year.members == 3
    assert year.status_quo == a + b + c
    assert year.cost_of_one_percent == (a + b + c) / 100
    line = year.proposals[0]
    assert line.payroll == a + b + c  # 0% raise: the same payroll
    # the bonus goes to A and B (hired by 2019-01-01), not C; B at half time: 500.00
    assert line.lump_sums == Decimal("1000.00") + Decimal("500.00")
    assert line.increase == Decimal("1500.00")
    assert (line.smallest, line.median, line.largest) == (Decimal("0.00"), Decimal("500.00"), Decimal("1000.00"))
    assert line.percent == Decimal("1500.00") / (a + b + c) * 100


def test_the_small_roster_by_hand_over_two_fiscal_years(tmp_path: Path) -> None:
    offer = tmp_path / "bonus.yaml"
    offer.write_text(BONUS)
    result = cost.cost(members(), [paycalc.load_proposal(offer, BASE)], BASE, date(2018, 7, 1), date(2020, 6, 30))
    first, second = result.periods
    # 2018-19 as above; 2019-20, all year on the status quo, 24 checks each:
    # A: 5-year 1,105.13 x 24 = 26,523.12; B: 694.83 x 24 = 16,675.92; C: base 1,080.29 x 24 = 25,926.96
    a1, b1, c1 = Decimal("17284.64") + Decimal("8841.04"), Decimal("16675.92"), Decimal("1008.27") + Decimal("11883.19")
    a2, b2, c2 = Decimal("26523.12"), Decimal("16675.92"), Decimal("25926.96")
    assert (first.members, first.status_quo) == (3, a1 + b1 + c1)
    assert (second.members, second.status_quo) == (3, a2 + b2 + c2)
    assert [p.proposals[0].lump_sums for p in result.periods] == [Decimal("1500.00"), Decimal("0.00")]
    assert second.proposals[0].increase == Decimal("0.00")
    assert result.total.status_quo == a1 + b1 + c1 + a2 + b2 + c2
    assert result.total.proposals[0].increase == Decimal("1500.00")


def single(member: cost.Member, contract: paycalc.Contract, start: date, end: date) -> int:
    """Semimonthly pay of one person over the days, priced on its own like a payroll (retro's owed)."""
    first = max(start, member.hired)
    result = paycalc.retro_pay(
        member.title, hired=member.hired, start=first, end=end, paid_annual="0", hours=member.work.hours,
        workyear=member.work.workyear, schedules=contract,
    )  # fmt: skip
    return int(result.owed * 100) - int(sum(x.amount for x in result.lump_sums) * 100)


def test_costing_equals_single_person_pricing_summed() -> None:
    start, end = date(2019, 7, 1), date(2020, 6, 30)
    result = cost.cost(members(), [SUCCESSOR], BASE, start, end)
    expected = sum(single(m, SUCCESSOR, start, end) for m in members())
    assert result.periods[0].proposals[0].payroll == Decimal(expected).scaleb(-2)


def test_a_proposal_identical_to_the_status_quo_costs_nothing(tmp_path: Path) -> None:
    same = tmp_path / "same.yaml"
    same.write_text("name: same\nbase: 2018-06-16\n")
    result = cost.cost(members(), [paycalc.load_proposal(same, BASE)], BASE, date(2018, 7, 1), date(2021, 6, 30))
    assert all(p.proposals[0].increase == 0 for p in (*result.periods, result.total))


def test_side_by_side_equals_each_alone_and_pieces_add_up(tmp_path: Path) -> None:
    offer = tmp_path / "bonus.yaml"
    offer.write_text(BONUS)
    other = paycalc.load_proposal(offer, BASE)
    span = (date(2018, 9, 1), date(2021, 3, 31))
    both = cost.cost(members(), [SUCCESSOR, other], BASE, *span)
    alone = [cost.cost(members(), [p], BASE, *span) for p in (SUCCESSOR, other)]
    for k in range(2):
        side = [p.proposals[k]._replace(gap=None) for p in both.periods]  # alone, an offer has no gap
        assert side == [p.proposals[0] for p in alone[k].periods]
        gaps = [p.proposals[1].increase - p.proposals[0].increase for p in both.periods]
        assert [p.proposals[1].gap for p in both.periods] == gaps
        assert [p.proposals[0].gap for p in both.periods] == [None, None, None]
    assert [(p.start, p.end) for p in both.periods] == [
        (date(2018, 9, 1), date(2019, 6, 30)),
        (date(2019, 7, 1), date(2020, 6, 30)),
        (date(2020, 7, 1), date(2021, 3, 31)),
    ]
    for k in range(2):
        assert sum(p.proposals[k].increase for p in both.periods) == both.total.proposals[k].increase
        assert sum(p.proposals[k].payroll for p in both.periods) == both.total.proposals[k].payroll
    assert sum(p.status_quo for p in both.periods) == both.total.status_quo


def test_json_is_pinned() -> None:
    result = runner.invoke(
        app,
        [
            "cost",
            "--roster",
            "-",
            "--proposal",
            "uft-2019-2022",
            "--from",
            "2019-07-01",
            "--to",
            "2020-06-30",
            "-f",
            "json",
        ],
        input=ROSTER,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["status_quo_base", "method", "periods", "total", "rollover"]
    assert list(data["periods"][0]) == ["start", "end", "members", "status_quo", "cost_of_one_percent", "proposals"]
    keys = ["name", "payroll", "lump_sums", "recurring", "increase", "gap", "percent", "smallest", "median", "largest"]
    assert list(data["total"]["proposals"][0]) == keys
    assert data["status_quo_base"] == "2018-06-16"


class Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, str] = {}
        self.key: str | None = None
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.key = found.get("data-key")
        if tag == "script" or any(
            (v or "").startswith(("http:", "https:", "//")) for k, v in attrs if k in ("src", "href")
        ):
            self.external.append(tag)

    def handle_data(self, data: str) -> None:
        if self.key:
            self.cells[self.key] = data.strip()
            self.key = None


def _json_value(data: dict, key: str) -> str:  # type: ignore[type-arg]
    value: object = data
    for part in key.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]  # type: ignore[index]
    return str(value)


def _shown(text: str) -> str:
    """A figure as the page shows it, as JSON writes it: no $, thousands commas, % or plus sign."""
    return text.replace("$", "").replace(",", "").replace("%", "").removeprefix("+")


def _report(tmp_path: Path, roster_text: str = ROSTER) -> tuple[Path, dict]:  # type: ignore[type-arg]
    """The report, and what it must show: ``cost -f json --by title``, with the ``--per-member`` JSON
    under ``members``."""
    roster = tmp_path / "members.csv"
    roster.write_text(roster_text)
    args = [
        "cost",
        "--roster",
        str(roster),
        "--proposal",
        "uft-2019-2022",
        "--from",
        "2018-07-01",
        "--to",
        "2021-06-30",
    ]
    html = tmp_path / "report.html"
    assert runner.invoke(app, [*args, "-f", "html", "-o", str(html)]).exit_code == 0
    per_member = tmp_path / "members.json"
    result = runner.invoke(app, [*args, "-f", "json", "--by", "title", "--per-member", str(per_member)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data["members"] = json.loads(per_member.read_text())
    return html, data


def test_the_report_is_self_contained_and_shows_the_json_numbers(tmp_path: Path) -> None:
    html, data = _report(tmp_path)
    parser = Cells()
    parser.feed(html.read_text())
    assert parser.external == []
    assert len(parser.cells) >= 30
    for key, shown in parser.cells.items():
        assert _shown(shown) == _json_value(data, key), key


@pytest.mark.skipif(
    not shutil.which("chromium") and os.environ.get("CI") != "true",  # CI installs it: there, a missing one fails
    reason="needs headless chromium (apt-get install chromium)",
)
def test_the_report_in_a_real_browser(tmp_path: Path) -> None:
    html, data = _report(tmp_path)
    browser = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    dom = subprocess.run([*browser, "--dump-dom", html.as_uri()], capture_output=True, text=True, timeout=120).stdout
    parser = Cells()
    parser.feed(dom)
    assert len(parser.cells) >= 30
    assert all(_shown(shown) == _json_value(data, key) for key, shown in parser.cells.items())
    shot = tmp_path / "report.png"
    subprocess.run(
        [*browser, "--window-size=900,1200", f"--screenshot={shot}", html.as_uri()], capture_output=True, timeout=120
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_the_solved_percent_fits_and_a_hundredth_more_does_not(tmp_path: Path) -> None:
    from paycalc.membership import budget

    same = tmp_path / "flat.yaml"
    same.write_text("name: flat\nbase: 2018-06-16\n")
    flat = paycalc.load_proposal(same, BASE)
    solved = budget.solve(
        members(),
        flat,
        BASE,
        Decimal(1000),
        date(2019, 7, 1),
        date(2019, 7, 1),
        date(2020, 6, 30),
        "07-01",
        "semimonthly",
    )
    assert solved.increase <= 1000 < solved.next_increase
    raised = budget.with_raise(flat, BASE, solved.percent + Decimal("0.01"), date(2019, 7, 1))
    over = cost.cost(members(), [raised], BASE, date(2019, 7, 1), date(2020, 6, 30))
    assert over.total.proposals[0].increase > 1000


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ([], 2, "Missing option '--proposal'"),
        (
            ["--proposal", "uft-2019-2022", "--proposal", "moa-2014"],
            1,
            "Error: the proposals start from different schedules: uft-2019-2022 from 2018-06-16, moa-2014 from",
        ),
        (
            ["--proposal", "uft-2019-2022", "--to", "2017-01-01"],
            1,
            "Error: --to 2017-01-01 is before --from 2019-07-01",
        ),
        (
            ["--proposal", "uft-2019-2022", "--fiscal-year-start", "02-29"],
            1,
            "Error: --fiscal-year-start '02-29' is not a day of every year",
        ),
        (
            ["--proposal", "uft-2019-2022", "--fiscal-year-start", "July"],
            1,
            "Error: --fiscal-year-start 'July' is not MM-DD",
        ),
        (
            ["--proposal", "uft-2019-2022", "--budget", "-5", "--solve-percent", "2019-09-14"],
            1,
            "Error: --budget '-5' is negative",
        ),
        (
            ["--proposal", "uft-2019-2022", "--budget", "1", "--solve-percent", "2019-09-14"],
            1,
            "Error: no raise fits --budget $1.00",
        ),
        (["--proposal", "uft-2019-2022", "--budget", "1"], 2, "Error: --budget and --solve-percent go together"),
        (
            ["--proposal", "uft-2019-2022", "--budget", "1", "--solve-percent", "2021-07-02"],
            1,
            "Error: no whole fiscal year after 2021-07-02 lies in --from 2019-07-01 --to 2022-06-30",
        ),
        (
            ["--proposal", "uft-2019-2022", "--format", "pdf"],
            2,
            "Error: --format 'pdf' is not known (table, json, csv or html)",
        ),
    ],
)
def test_cost_errors(args: list[str], code: int, message: str) -> None:
    base = ["cost", "--roster", "-", "--from", "2019-07-01", "--to", "2022-06-30"]
    if "--to" in args:
        base = base[:-2]
    result = runner.invoke(app, [*base, *args], input=ROSTER)
    assert result.exit_code == code, result.output
    assert message in result.stderr


def test_fiscal_years() -> None:
    assert cost.fiscal_years(date(2019, 2, 1), date(2020, 9, 30), "10-01") == [
        (date(2019, 2, 1), date(2019, 9, 30)), (date(2019, 10, 1), date(2020, 9, 30))
    ]  # fmt: skip
    assert periods.METHODS == ("semimonthly", "biweekly", "monthly", "daily")


def _reference(member: cost.Member, contract: paycalc.Contract, start: date, end: date) -> int:
    """An independent, day-by-day pricing in cents: walk every pay period, find each day's rate from the
    published tables directly, and price each run of equal rate within a period as annual x days / days of
    the period / 24, rounded half up."""
    from datetime import timedelta
    from fractions import Fraction

    def rate(day: date) -> Fraction:
        schedule = [s for s in contract.schedules if s.effective <= day][-1]
        years = day.year - member.hired.year - ((day.month, day.day) < (member.hired.month, member.hired.day))
        label = "15-year" if years >= 15 else "5-year" if years >= 5 else "base"
        factor = Fraction(member.work.hours or 30) / 30 * Fraction(member.work.workyear or 1)
        return Fraction(schedule.rates[member.title][label]) * factor

    total, day = 0, date(start.year, start.month, 1)
    while day <= end:
        last = (
            date(day.year, day.month, 15)
            if day.day == 1
            else (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        )
        length = (last - day).days + 1
        runs: list[tuple[Fraction, int]] = []
        current = day
        while current <= last:
            if max(start, member.hired) <= current <= end:
                r = rate(current)
                if runs and runs[-1][0] == r and runs[-1][2] == current - timedelta(days=1):  # type: ignore[misc]
                    runs[-1] = (r, runs[-1][1] + 1, current)  # type: ignore[assignment]
                else:
                    runs.append((r, 1, current))  # type: ignore[arg-type]
            current += timedelta(days=1)
        for r, days, *_ in runs:
            exact = r * days / length / 24 * 100
            total += int(exact + Fraction(1, 2))
        day = last + timedelta(days=1)
    return total


def test_costing_matches_an_independent_day_by_day_pricing() -> None:
    import random

    rng = random.Random(7)
    titles = ["Teacher Aide", "Ed. Asst. B", "Ed. Assoc.", "Aux. Trainer B"]
    roster = "id,title,hired,hours\n" + "".join(
        f"M{n},{rng.choice(titles)},{date(1995, 1, 1) + __import__('datetime').timedelta(days=rng.randrange(9000))},"
        f"{rng.choice(['', '', '20', '17.5'])}\n"
        for n in range(12)
    )
    start, end = date(2018, 9, 1), date(2021, 8, 31)
    result = cost.cost(members(roster), [SUCCESSOR], BASE, start, end)
    pieces = cost.fiscal_years(start, end, "07-01")
    for period, (a, b) in zip(result.periods, pieces, strict=True):
        expected = sum(_reference(m, SUCCESSOR, a, b) for m in members(roster) if m.hired <= b)
        assert period.proposals[0].payroll == Decimal(expected).scaleb(-2), (a, b)
        frozen = cost.status_quo([SUCCESSOR], BASE)
        assert period.status_quo == Decimal(
            sum(_reference(m, frozen, a, b) for m in members(roster) if m.hired <= b)
        ).scaleb(-2)


@pytest.mark.parametrize(
    ("roster", "message"),
    [
        ("id,name,hired\n1,x,2010-01-01\n", "Error: stdin: missing columns title in the header"),
        ("id,title,hired\n1,Nurse,2010-01-01\n", "Error: stdin: member 1 (line 2): unknown title 'Nurse'"),
        (
            "id,title,hired\n1,Teacher Aide,2010-01-01\n1,Teacher Aide,2010-01-01\n",
            "Error: stdin: member 2 (line 3): the days of id '1' overlap those of member 1 (line 2): "
            "the rows of one id hold for days apart (from/to, inclusive)",
        ),
        (
            "id,title,hired,from,to\n1,Teacher Aide,2010-01-01,,2019-12-31\n2,Teacher Aide,2010-01-01,,\n"
            "1,Teacher Aide,2010-01-01,2020-01-01,\n",
            "Error: stdin: member 3 (line 4): id '1' appears again after other ids (the rows of one id follow "
            "each other)",
        ),
        (
            "id,title,hired,from,to\n1,Teacher Aide,2010-01-01,,2019-12-31\n1,Ed. Asst.,2010-01-01,2019-12-31,\n",
            "Error: stdin: member 2 (line 3): the days of id '1' overlap those of member 1 (line 2): "
            "the rows of one id hold for days apart (from/to, inclusive)",
        ),
        (
            "id,title,hired,from,to\n1,Teacher Aide,2010-01-01,,2019-12-31\n1,Ed. Asst.,2011-01-01,2020-01-01,\n",
            "Error: stdin: member 2 (line 3): hired 2011-01-01 differs from 2010-01-01 on member 1's row",
        ),
        (
            "id,title,hired,from,to\n1,Teacher Aide,2010-01-01,2020-01-02,2020-01-01\n",
            "Error: stdin: member 1 (line 2): to 2020-01-01 is before from 2020-01-02 (a row's days run from its "
            "from to its to)",
        ),
        (
            "id,title,hired\n1,Teacher Aide,soon\n",
            "Error: stdin: member 1 (line 2): hire date 'soon' is not a valid date",
        ),
    ],
)
def test_bad_cost_rosters(roster: str, message: str) -> None:
    args = ["cost", "--roster", "-", "--proposal", "uft-2019-2022", "--from", "2019-07-01", "--to", "2020-06-30"]
    result = runner.invoke(app, args, input=roster)
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.count("\n") == 1


def test_propose_write_errors(tmp_path: Path) -> None:
    a_file = tmp_path / "afile"
    a_file.write_text("")
    result = runner.invoke(app, ["propose", "uft-2019-2022", "--write", str(a_file)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: will not write the folder {a_file}: it is a file (give a folder path)\n",
    )
    nowhere = tmp_path / "no" / "dir"
    result = runner.invoke(app, ["propose", "uft-2019-2022", "--write", str(nowhere)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot write {nowhere}: its folder {nowhere.parent} does not exist")


def test_a_member_hired_after_the_range_is_not_counted() -> None:
    later = ROSTER + "D,Teacher Aide,2030-01-01,\n"
    start, end = date(2018, 7, 1), date(2019, 6, 30)
    with_later = cost.cost(members(later), [SUCCESSOR], BASE, start, end)
    without = cost.cost(members(), [SUCCESSOR], BASE, start, end)
    assert with_later.total.members == without.total.members == 3
    assert with_later.total.proposals == without.total.proposals


def test_a_budget_that_fits_the_top_of_the_search_says_so_and_prices_nothing_beyond(tmp_path: Path) -> None:
    roster = tmp_path / "staff.csv"
    roster.write_text("id,title,hired\n1,Teacher Aide,2010-01-04\n")
    result = runner.invoke(
        app,
        ["cost", "--roster", str(roster), "--proposal", "uft-2019-2022", "--budget", "100000000", "--solve-percent",
         "2019-07-01", "--from", "2019-07-01", "--to", "2020-06-30"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split("\n\n")[0].split())
    assert ": 100.00% (it costs $" in said
    assert "the top of the search, 0% to 100.00% by 0.01%: a larger raise may fit too" in said
    assert "100.01%" not in said


def test_cost_csv_rows_say_their_kind_and_sum_by_kind_to_the_json_totals(tmp_path: Path) -> None:
    import csv
    import io
    import json

    roster = tmp_path / "staff.csv"
    roster.write_text(ROSTER)
    args = [
        "cost",
        "--roster",
        str(roster),
        "--proposal",
        "uft-2019-2022",
        "--from",
        "2018-07-01",
        "--to",
        "2021-06-30",
    ]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "--format", "csv"]).stdout)))
    total = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)["total"]
    assert [row["kind"] for row in rows] == ["period", "period", "period", "total", "rollover"]
    for key in ("status_quo", "payroll", "lump_sums", "increase"):
        periods = sum(Decimal(row[key]) for row in rows if row["kind"] == "period")
        (whole,) = [Decimal(row[key]) for row in rows if row["kind"] == "total"]
        expected = Decimal(total[key] if key == "status_quo" else total["proposals"][0][key])
        assert periods == whole == expected


def test_the_terminal_charts_share_one_scale_and_show_the_tables_figures(tmp_path: Path) -> None:
    roster = tmp_path / "staff.csv"
    roster.write_text("id,title,hired\n1,Teacher Aide,2010-01-04\n")
    for name, percent in (("small", "2"), ("large", "4"), ("cut", "-1")):
        (tmp_path / f"{name}.yaml").write_text(
            f"name: {name}\nbase: 2018-06-16\nchanges:\n  - {{effective: 2019-07-01, percent: {percent}}}\n"
        )
    result = runner.invoke(
        app,
        ["cost", "--roster", str(roster), "--proposal", str(tmp_path / "small.yaml"), "--proposal",
         str(tmp_path / "large.yaml"), "--proposal", str(tmp_path / "cut.yaml"), "--from", "2019-07-01",
         "--to", "2020-06-30"],
        env={"COLUMNS": "80"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    charts = result.stdout.split("Increase by fiscal year, ")[1:]
    bars = {chart.split(":")[0]: chart.splitlines()[1] for chart in charts}
    small, large = bars["small"].count("█"), bars["large"].count("█")
    assert large == 2 * small or large == 2 * small + 1 or large == 2 * small - 1  # one scale: twice the raise
    assert bars["cut"].count("█") == 0 and "-$" in bars["cut"]  # a cut: no bar, its figure with its sign


def test_the_costing_table_fits_an_80_column_terminal(tmp_path: Path) -> None:
    """Two offers, one with a long name, over three fiscal years: on 200 columns one table; on 80 the status
    quo and then one block per offer under its name, every line of the output within 80, the same figures."""
    roster = tmp_path / "staff.csv"
    roster.write_text("id,title,hired\nA,Teacher Aide,2014-03-01\nB,Ed. Asst. B,2000-01-10\n")
    raise_ = "name: b\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 2}\n"
    bonus = "lump_sums:\n  - {name: bonus, amount: 500, paid: 2019-09-01}\n"
    (tmp_path / "bonus.yaml").write_text(raise_.replace("name: b", "name: bonus") + bonus)
    args = ["cost", "--roster", str(roster), "--proposal", "uft-2019-2022", "--from", "2018-07-01",
            "--to", "2021-06-30", "--proposal", str(tmp_path / "bonus.yaml"), "--by", "title"]  # fmt: skip
    figures: list[set[str]] = []
    for columns in ("200", "80"):
        result = runner.invoke(app, args, env={"COLUMNS": columns})
        assert result.exit_code == 0, result.output
        main = result.stdout[: result.stdout.index("Over the whole range")]  # the table (or its blocks)
        figures.append({word for word in main.split() if "$" in word or "%" in word})
        blocks = main.split("\n\n")
        if columns == "80":
            assert max(len(line) for line in result.stdout.splitlines()) <= 80, result.stdout
            assert [block.strip() for block in blocks[1:-1:2]] == [
                "Status quo", "UFT 2019-2022 successor agreement (reconstruction)", "bonus"
            ]  # fmt: skip
        else:
            assert "Payroll of" in main and "(reconstruction)" in main  # one table (the name may wrap in it)
    assert figures[0] == figures[1] and len(figures[1]) > 20  # the blocks show the wide table's figures
