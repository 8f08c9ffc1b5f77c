"""Costing in columns against costing member by member, which stays the reference.

Every comparison runs ``paycalc cost`` twice on the same roster, once with ``PAYCALC_ROW_BY_ROW=1``
(members read and priced one by one) and once as users run it, and wants the same bytes (JSON with
every figure, ``--by title``); a spy checks that the plain rosters really were costed in columns, so an
agreement is never the scalar path agreeing with itself.
"""

from __future__ import annotations

import datetime
import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.contract.loader import bundled_contract
from paycalc.jobs import columnar as _columnar
from paycalc.jobs import columnar_cost as _columnar_cost
from tests.test_locals import write_contract

runner = CliRunner()
NYC = ["Teacher Aide", "Ed. Asst. B", "Ed. Assoc.", "Aux. Trainer B", "ed asst a-ii", "Ed. Asst. A-I"]
LUNENBURG = ["High School", "Associate's", "Column 3", "Licensed Bachelor's"]
SETTINGS = settings(max_examples=18, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def members(
    rng: random.Random, titles: list[str], count: int, first: datetime.date, days: int, extra: dict[str, list[str]]
) -> str:
    """A roster of ``count`` members hired up to ``days`` days after ``first`` (many on the same day: the
    columns price members alike once), with ``extra`` columns (each cell one of its values)."""
    lines = [",".join(["id", "title", "hired", *extra])]
    days_hired = [rng.randrange(days) for _ in range(rng.randrange(1, 8))]
    for n in range(count):
        hired = first + datetime.timedelta(days=rng.choice([*days_hired, rng.randrange(days)]))
        cells = [rng.choice(values) for values in extra.values()]
        lines.append(",".join([f"M{n:05d}", rng.choice(titles), hired.isoformat(), *cells]))
    return "\n".join(lines) + "\n"


def offer(folder: Path, rng: random.Random, base: str, changes: list[str], paid: list[str]) -> str:
    """A proposal file from ``base``: a raise on each day of ``changes``, a lump sum on some days of ``paid``."""
    text = [f"name: offer {rng.randrange(1000)}", f"base: {base}", "changes:"]
    text += [f"  - {{effective: {day}, percent: {rng.choice(['0', '1.5', '2', '3.25'])}}}" for day in changes]
    lumps = [day for day in paid if day > base and rng.random() < 0.6]
    if lumps:
        text.append("lump_sums:")
        for day in lumps:
            eligible = rng.choice([d for d in (day, base, changes[0]) if d <= day])
            prorate = rng.choice(["true", "false"])
            amount = rng.choice(["500", "750.25", "1000"])
            terms = f"amount: {amount}, paid: {day}, eligible_on: {eligible}, prorate: {prorate}"
            text.append(f"  - {{name: bonus, {terms}}}")
    path = folder / f"offer-{rng.randrange(10**9)}.yaml"
    path.write_text("\n".join(text) + "\n")
    return str(path)


def both(
    tmp_path: Path, text: str, *options: str, block: int = 1 << 20, stdin: bool = False, by: str = "title"
) -> tuple[str, str, bool]:
    """The member-by-member JSON, the JSON as users get it, and whether it was costed in columns (read
    ``block`` bytes at a time: a small block makes many chunks, each summed into the last); the roster read
    from a file, or from stdin (where users get it copied to a file, costed in columns)."""
    source = tmp_path / "members.csv"
    source.write_text(text)
    args = ["cost", "--roster", "-" if stdin else str(source), "--format", "json", "--by", by, *options]
    given = text if stdin else None
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"}, input=given)
    taken: list[bool] = []
    real = _columnar_cost.costed

    def spy(*a: Any, **k: Any) -> Any:
        found = real(*a, **k)
        taken.append(found is not None)
        return found

    _columnar_cost.costed, was, _columnar.COST_BLOCK = spy, _columnar.COST_BLOCK, block
    try:
        columns = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": ""}, input=given)
    finally:
        _columnar_cost.costed, _columnar.COST_BLOCK = real, was
    assert (scalar.exit_code, columns.exit_code) == (0, 0), scalar.output + columns.output
    return scalar.stdout, columns.stdout, bool(taken and taken[-1])


@SETTINGS
@given(
    seed=st.integers(0, 10**6),
    method=st.sampled_from(["semimonthly", "monthly", "biweekly"]),
    fiscal=st.sampled_from(["07-01", "10-01", "01-01", "09-14", "03-01"]),
    block=st.sampled_from([1, 200, 1 << 20]),
    stdin=st.booleans(),
    by=st.sampled_from(["title", "step"]),
)
def test_nyc_costings_agree_to_the_byte(
    tmp_path: Path, seed: int, method: str, fiscal: str, block: int, stdin: bool, by: str
) -> None:
    """Hires before and inside the range, anniversaries at 5 and 15 years inside it, part-time hours and
    workyears, the bundled proposal and offers with lump sums (pro-rated or not, on a fiscal year's edge);
    from a file or stdin (names in quotes, carried through the copy)."""
    rng = random.Random(seed)
    extra = {
        "hours": ["", "", "20", "17.5"],
        "workyear": ["", "", "0.5"],
        "from": ["", "", "2009-11-01"],  # a row's own days holding the whole range (a retro roster reused)
        "to": ["", "", "2025-06-30", "9/30/2025"],
        "School": ["PS 1", "=x", '"Smith, Jane"', '"PS 2"', '""'],  # last: a space before a comma after a quote
        # would be text after the closing quote
    }
    text = members(rng, NYC, rng.randrange(1, 80), datetime.date(1996, 1, 1), 9000, extra)
    if rng.random() < 0.5:  # spaces and tabs around cells, as a hand-made roster has them (not before a quote)
        text = re.sub(r',(?=[^"\n])', lambda _: rng.choice([",", ", ", ",\t", " ,"]), text)
    start = datetime.date(2017, 1, 1) + datetime.timedelta(days=rng.randrange(700))
    end = max(start, datetime.date(2018, 6, 17)) + datetime.timedelta(days=rng.randrange(1500))
    paid = ["2019-06-30", "2019-07-01", "2019-10-31", "2020-09-14", start.isoformat(), end.isoformat()]
    proposals = [rng.choice(["uft-2019-2022", offer(tmp_path, rng, "2018-06-16", ["2019-09-14", "2020-09-14"], paid)])]
    proposals.append(offer(tmp_path, rng, "2018-06-16", ["2019-07-01", "2021-01-01"], paid))
    options = ["--from", start.isoformat(), "--to", end.isoformat(), "--fiscal-year-start", fiscal, "--method", method]
    options += [x for p in proposals for x in ("--proposal", p)]
    options += ["--anchor", "2009-01-02"] if method == "biweekly" else []
    scalar, columns, taken = both(tmp_path, text, *options, block=block, stdin=stdin, by=by)
    assert columns == scalar
    assert taken


@SETTINGS
@given(
    seed=st.integers(0, 10**6),
    anchor=st.sampled_from([None, "2025-07-04"]),
    block=st.sampled_from([150, 1 << 20]),
    by=st.sampled_from(["title", "step"]),
)
def test_lunenburg_costings_agree_to_the_byte(
    tmp_path: Path, seed: int, anchor: str | None, block: int, by: str
) -> None:
    """Steps on July 1, biweekly pay from an anchor (periods across the fiscal year's start), hours per day
    and days: the first version missed the contract's anchor, and this caught it. The contract's own pay, a
    salary divided into pay cycles, and plain biweekly periods (the contract without its elections) are both
    costed in columns, and agree with member by member."""
    rng = random.Random(seed)
    work = {"hours_per_day": ["", "6", "7.5"], "days": ["", "180"]}
    text = members(rng, LUNENBURG, rng.randrange(1, 60), datetime.date(2012, 1, 1), 6000, work)
    paid = ["2028-07-01", "2028-09-30", "2029-06-30"]
    proposal = offer(tmp_path, rng, "2027-07-01", ["2028-07-01"], paid)
    start = datetime.date(2025, 7, 1) + datetime.timedelta(days=rng.randrange(800))
    end = max(start, datetime.date(2027, 7, 2)) + datetime.timedelta(days=rng.randrange(900))
    options = ["--contract", "lunenburg-paras", "--proposal", proposal, "--from", str(start), "--to", str(end)]
    scalar, columns, taken = both(
        tmp_path, text, *options, *(["--anchor", anchor] if anchor else []), block=block, by=by
    )
    assert columns == scalar
    assert taken  # the salary divided into its 26 checks, in columns
    plain = tmp_path / "plain"
    if not plain.exists():
        shutil.copytree(bundled_contract("lunenburg-paras"), plain)
        (plain / "contract.yaml").write_text(
            (plain / "contract.yaml").read_text().replace("pay_cycles: [26, 22]\n", "")
        )
    options[:2] = ["--schedules", str(plain)]
    scalar, columns, taken = both(tmp_path, text, *options, *(["--anchor", anchor] if anchor else []), block=block)
    assert columns == scalar
    assert taken


@SETTINGS
@given(
    seed=st.integers(0, 10**6),
    method=st.sampled_from(["monthly", "semimonthly"]),
    by=st.sampled_from(["title", "step"]),
)
def test_freezes_and_differentials_cost_alike(tmp_path: Path, seed: int, method: str, by: str) -> None:
    folder = tmp_path / "local"
    if not folder.exists():
        write_contract(folder)
    rng = random.Random(seed)
    extra = {"differentials": ["", "degree", "behavior;stipend", "Lunch Duty"], "hours_per_day": ["", "5"]}
    text = members(rng, ["Para"], rng.randrange(1, 50), datetime.date(2019, 7, 1), 2500, extra)
    proposal = offer(tmp_path, rng, "2024-07-01", ["2025-07-01", "2026-01-01"], ["2025-07-01", "2025-12-31"])
    options = ["--schedules", str(folder), "--method", method, "--proposal", proposal]
    scalar, columns, taken = both(tmp_path, text, *options, "--from", "2023-07-01", "--to", "2026-06-30", by=by)
    assert columns == scalar
    assert taken


def test_a_roster_of_many_members_alike_is_costed_once_per_path_and_summed_right(tmp_path: Path) -> None:
    """Three members on one path and one hired inside the range: worked by hand from the contract's
    table (Ed. Asst. B, 15-year longevity, $33,352 from 2018-06-16), semimonthly, 2018-07-01..2019-06-30."""
    text = "id,title,hired\nA,Ed. Asst. B,1990-01-01\nB,Ed. Asst. B,1991-02-02\nC,Ed. Asst. B,1992-03-03\n"
    text += "D,Ed. Asst. B,2019-01-01\n"
    proposal = tmp_path / "zero.yaml"
    proposal.write_text("name: nothing\nbase: 2018-06-16\nchanges:\n  - {effective: 2018-07-01, percent: 0}\n")
    scalar, columns, taken = both(
        tmp_path, text, "--proposal", str(proposal), "--from", "2018-07-01", "--to", "2019-06-30"
    )
    assert taken and columns == scalar
    year = json.loads(columns)["periods"][0]
    # the contract's table from 2018-06-16: Ed. Asst. B base 31,457, 15-year 33,352; a semimonthly check is
    # annual / 24 rounded to the cent, half up: 3,335,200 / 24 = 138,966.67 -> 138,967 cents (x 24 checks a
    # year), 3,145,700 / 24 = 131,070.83 -> 131,071 cents (D: 12 checks, 2019-01-01..06-30)
    assert year["members"] == 4
    assert year["status_quo"] == f"{(3 * 24 * 138_967 + 12 * 131_071) / 100:.2f}" == "115784.76"
    assert year["proposals"][0]["increase"] == "0.00"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda t: t.replace("M2", '"M2"'), "a double quote"),
        (lambda t: t.replace("M2", " M2"), "an id with a space before it"),
        (lambda t: t.replace("1990-03-15", "1990-3-15"), "a date the member-by-member reader refuses"),
        (lambda t: t.replace("Ed. Asst. B", "Ed Asst Zed", 1), "an unknown title"),
        (lambda t: t.replace("M3", "M1"), "an id again after other ids"),
        (lambda t: t.replace("M3", "M2"), "an id on two rows in a row"),
        (lambda t: t + "\n", "a blank line"),
        (lambda t: t.rstrip("\n"), "no line feed after the last row"),
        (lambda t: t.replace("M2,", ",", 1), "an empty id"),
        (lambda t: t.replace("M2,Ed. Asst. B,", "M2,,", 1), "an empty title"),
        (lambda t: t.replace("\n", "\r\n"), "Windows line ends"),
        (lambda t: t.split("\n")[0] + "\n", "a header and no row"),
        (lambda t: t.replace(",,", ",abc,", 1), "hours that are not a number"),
        (lambda t: t.replace("Ed. Asst. B", "   ", 1), "a title of spaces"),
        (lambda t: t.replace("1990-02-15,,", "1990-02-15,,2019-01-01"), "a row with days of its own"),
        (
            lambda t: t.replace("hours,to", "from,to").replace("1990-02-15,,", "1990-02-15,2019-02-01,2019-01-31"),
            "a row ending the day before it starts",
        ),
        (lambda t: t.replace("1990-03-15,,", "1990-03-15,,,extra"), "a cell past the header"),
        (lambda t: t.replace("Ed. Asst. B,2030-01-01", "Nobody,2030-01-01"), "an unknown title hired after the range"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_what_the_columns_do_not_read_is_costed_member_by_member_alike(
    tmp_path: Path, change: Any, why: str, stdin: bool
) -> None:
    """The same answer, or the same error naming the same member and line, from a file or from stdin."""
    lines = ["id,title,hired,hours,to"] + [f"M{n},Ed. Asst. B,1990-0{n}-15,," for n in range(1, 6)]
    lines.append("M9,Ed. Asst. B,2030-01-01,,")
    source = tmp_path / "members.csv"
    text = change("\n".join(lines) + "\n")
    source.write_text(text)
    args = ["cost", "--roster", "-" if stdin else str(source), "--proposal", "uft-2019-2022", "--from", "2018-07-01"]
    args += ["--to", "2020-06-30"]
    given = text if stdin else None
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"}, input=given)
    columns = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": ""}, input=given)
    assert (columns.exit_code, columns.stdout, columns.stderr) == (scalar.exit_code, scalar.stdout, scalar.stderr)


@pytest.mark.parametrize("method", ["semimonthly", "biweekly"])
def test_members_hired_on_the_edges_of_the_range_and_its_fiscal_years_cost_alike(tmp_path: Path, method: str) -> None:
    """Hired on --from, on a fiscal year's last and first day, on --to (one day's pay, and the rollover)
    and the day after it (on no payroll): each counted where member by member counts them."""
    hires = ["2018-07-01", "2019-06-30", "2019-07-01", "2021-06-30", "2021-07-01"]
    text = "id,title,hired\n" + "".join(f"M{n},Ed. Asst. B,{day}\n" for n, day in enumerate(hires))
    options = ["--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30", "--method", method]
    scalar, columns, taken = both(
        tmp_path, text, *options, *(["--anchor", "2018-07-06"] if method == "biweekly" else [])
    )
    assert taken and columns == scalar
    costing = json.loads(columns)
    assert [p["members"] for p in costing["periods"]] == [2, 3, 4]  # hired by each fiscal year's last day
    assert costing["total"]["members"] == 4 and costing["rollover"]["members"] == 4


@pytest.mark.parametrize("tail", ["", "M9,Nobody,2001-01-01\n"], ids=["costed", "refused"])
def test_the_copy_of_stdin_is_removed_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tail: str) -> None:
    import tempfile

    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    roster = "id,title,hired\nM1,Ed. Asst. B,1990-01-15\n" + tail
    args = ["cost", "--roster", "-", "--proposal", "uft-2019-2022", "--from", "2019-07-01", "--to", "2020-06-30"]
    result = runner.invoke(app, args, input=roster)
    assert result.exit_code == (1 if tail else 0), result.output
    assert list(spool.iterdir()) == []


@SETTINGS
@given(seed=st.integers(0, 10**6), stdin=st.booleans(), start=st.sampled_from(["2025-07-01", "2026-01-15"]))
def test_a_step_column_is_costed_in_columns_alike(tmp_path: Path, seed: int, stdin: bool, start: str) -> None:
    """A Lunenburg export's step column (the step on the range's first day; a row with a hire date instead,
    or both, where the step wins), placed in a CSV twin and costed in columns, from a file or stdin."""
    rng = random.Random(seed)
    lines = ["id,title,step,hired,hours_per_day"]
    for n in range(rng.randrange(1, 50)):
        step = rng.choice(["1", "2", "5", "9", "", " 3 "])
        hired = rng.choice(["2015-09-01", "2024-08-26", start]) if not step or rng.random() < 0.3 else ""
        lines.append(f"M{n},{rng.choice(LUNENBURG)},{step},{hired},{rng.choice(['', '6'])}")
    proposal = offer(tmp_path, rng, "2027-07-01", ["2028-07-01"], ["2028-07-01", "2028-09-30"])
    options = ["--contract", "lunenburg-paras", "--proposal", proposal, "--from", start, "--to", "2029-06-30"]
    scalar, columns, taken = both(tmp_path, "\n".join(lines) + "\n", *options, stdin=stdin)
    assert columns == scalar
    assert taken


def test_a_step_roster_the_columns_cannot_split_goes_through_a_twin(tmp_path: Path) -> None:
    """A lone quote inside a name (the csv module's to read): the steps are placed in a twin it writes, costed in
    columns, as member by member; and a step roster with --skip-invalid goes through a twin too."""
    roster = 'id,title,step,hired,name\nM1,High School,2,,O"Neil\nM2,Column 3,,2015-09-01,x\n'
    source = tmp_path / "members.csv"
    source.write_text(roster)
    args = ["cost", "--roster", str(source), "--contract", "lunenburg-paras", "--from", "2025-07-01"]
    args += ["--to", "2026-06-30", "--proposal", offer(tmp_path, random.Random(1), "2025-07-01", ["2026-01-01"], [])]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    for extra in ([], ["--skip-invalid"]):
        columns = runner.invoke(app, [*args, *extra, "-v"], env={"PAYCALC_ROW_BY_ROW": ""})
        assert (columns.exit_code, columns.stdout) == (scalar.exit_code, scalar.stdout)
        assert "costed in columns" in columns.stderr


def test_members_with_a_step_column_are_not_read_with_rows_left_out() -> None:
    """--skip-invalid counts a step roster's rows as the reader reads them: a twin places its steps first."""
    from paycalc.membership.unpriced import Unpriced
    from paycalc.output.member_columns import Members

    members = Members(["id", "title", "step"], skip=True, placing=lambda step: datetime.date(2020, 1, 1))
    with pytest.raises(Unpriced):
        list(members.chunks([b"M1,High School,2\n"]))


@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
@pytest.mark.parametrize("step", ["12", "three", "1,extra,x"], ids=["past the top", "not a step", "a cell past"])
def test_a_step_the_columns_decline_is_costed_member_by_member_alike(tmp_path: Path, stdin: bool, step: str) -> None:
    roster = f"id,title,step,hired\nM1,High School,2,\nM2,Column 3,{step},\nM3,Column 3,4,\n"
    source = tmp_path / "members.csv"
    source.write_text(roster)
    args = ["cost", "--roster", "-" if stdin else str(source), "--contract", "lunenburg-paras"]
    args += ["--from", "2025-07-01", "--to", "2026-06-30"]
    args += ["--proposal", offer(tmp_path, random.Random(1), "2025-07-01", ["2026-01-01"], [])]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"}, input=roster if stdin else None)
    columns = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": ""}, input=roster if stdin else None)
    assert scalar.exit_code == 1 and "member 2 (line 3)" in scalar.stderr
    assert (columns.exit_code, columns.stdout, columns.stderr) == (scalar.exit_code, scalar.stdout, scalar.stderr)


@pytest.mark.parametrize("block", [1 << 20, 30], ids=["one block", "blocks of a line"])
def test_blank_lines_are_skipped_when_costing_in_columns(tmp_path: Path, block: int) -> None:
    rng = random.Random(5)
    lines = members(rng, NYC, 12, datetime.date(2001, 1, 1), 6000, {"hours": ["", "20"]}).splitlines()
    text = "\n".join([*lines[:3], "", "", *lines[3:8], "", *lines[8:]]) + "\n\n"
    options = ["--proposal", "uft-2019-2022", "--from", "2019-07-01", "--to", "2021-06-30"]
    scalar, columns, taken = both(tmp_path, text, *options, block=block)
    assert columns == scalar and taken
    assert '"members": 12' in scalar


@pytest.mark.parametrize("method", ["semimonthly", "daily"])
def test_an_anniversary_on_a_pieces_first_or_last_day_costs_alike(tmp_path: Path, method: str) -> None:
    """NYC's 5- and 15-year rows (Article Three A.1) reached on a fiscal year's last day (June 30: one day on
    the new row) or its first (July 1), and on the range's first and last days: the columns price such a
    member on its own, as member by member does, not as one a row throughout."""
    hires = ["2014-06-30", "2014-07-01", "2004-06-30", "2004-07-01", "2013-07-01", "2016-06-30"]
    text = "id,title,hired\n" + "".join(f"M{n},Ed. Asst. B,{day}\n" for n, day in enumerate(hires))
    options = ["--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30", "--method", method]
    scalar, columns, taken = both(tmp_path, text, *options)
    assert taken and columns == scalar


def test_a_member_hired_on_a_lump_sums_eligible_day_is_paid_it_in_columns(tmp_path: Path) -> None:
    """Eligible means hired on or before ``eligible_on``: a member hired that very day is paid the $500 bonus,
    one hired the day after is not, though both are alike in every other way (the later one first in the
    roster, so a group of the two would be priced as the ineligible one)."""
    offer = tmp_path / "bonus.yaml"
    offer.write_text(
        "name: bonus (test)\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-09-14, percent: 1}\nlump_sums:\n"
        "  - {name: bonus, amount: 500, paid: 2019-10-01, eligible_on: 2019-07-01}\n"
    )
    text = "id,title,hired\nLATE,Ed. Asst. B,2019-07-02\nON,Ed. Asst. B,2019-07-01\nOLD,Ed. Asst. B,2010-01-04\n"
    options = ["--proposal", str(offer), "--from", "2019-07-01", "--to", "2020-06-30"]
    scalar, columns, taken = both(tmp_path, text, *options)
    assert taken and columns == scalar
    assert json.loads(columns)["total"]["proposals"][0]["lump_sums"] == "1000.00"  # ON and OLD: 2 x 500


@pytest.mark.parametrize(
    ("first", "last"), [("2019-01-01", ""), ("", "2020-06-29"), ("2018-07-02", "2021-06-30"), ("", "2021-06-29")]
)
def test_a_row_whose_days_cut_into_the_range_is_costed_in_columns_alike(tmp_path: Path, first: str, last: str) -> None:
    """Days of its own holding the whole range, or starting after the range's first day or ending before its
    last (by a day too): each row priced over its own days, in columns, as member by member."""
    text = f"id,title,hired,from,to\nA,Teacher Aide,2010-01-04,,\nB,Ed. Asst. B,2012-03-01,{first},{last}\n"
    options = ["--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30"]
    for roster in (text, text.replace(f"{first},{last}", "2018-07-01,2021-06-30")):  # the range's own days too
        scalar, columns, taken = both(tmp_path, roster, *options)
        assert columns == scalar
        assert taken


@SETTINGS
@given(
    seed=st.integers(0, 10**6),
    method=st.sampled_from(["semimonthly", "monthly", "biweekly", "daily"]),
    fiscal=st.sampled_from(["07-01", "01-01", "09-14"]),
    block=st.sampled_from([120, 1 << 20]),
    by=st.sampled_from(["title", "step"]),
)
def test_rows_with_days_of_their_own_cost_alike(
    tmp_path: Path, seed: int, method: str, fiscal: str, block: int, by: str
) -> None:
    """A retro roster costed (#30): members who came or left inside the range, some on the range's or a fiscal
    year's edges, some hired after their row's last day (on payroll, paid nothing), some whose days miss the
    range (counted over it, on no year's payroll), some holding its last day (the rollover's) and some not; and
    members of several rows (a title or hours changing on a date), read in blocks that cut them in two."""
    rng = random.Random(seed)
    start, end = datetime.date(2018, 7, 1), datetime.date(2021, 6, 30)
    edges = [start, end, datetime.date(2019, 6, 30), datetime.date(2019, 9, 14), datetime.date(2020, 1, 1)]
    lines = ["id,title,hired,from,to,hours,name"]
    for n in range(rng.randrange(1, 50)):
        hired = datetime.date(1995, 1, 1) + datetime.timedelta(days=rng.randrange(9600))
        first = rng.choice([None, *edges, start + datetime.timedelta(days=rng.randrange(-400, 1500))])
        for more in range(rng.choice([1, 1, 2, 3])):  # the rows of one member, each after the one before
            low = first or start
            last = rng.choice([None, max(low, rng.choice(edges)), low + datetime.timedelta(days=rng.randrange(900))])
            if more < 2 and rng.random() < 0.5:  # a row after it
                last = last or low + datetime.timedelta(days=rng.randrange(400))
            days = [day.isoformat() if day else "" for day in (first, last)]
            hours = rng.choice(["", "20", "17.5"])
            lines.append(",".join([f"M{n:04d}", rng.choice(NYC), hired.isoformat(), *days, hours, '"Smith, Jane"']))
            if last is None:
                break
            first = last + datetime.timedelta(days=rng.choice([1, 1, 30]))
    paid = ["2018-07-01", "2019-06-30", "2019-09-14", "2020-01-01", "2021-06-30"]  # on the edges of rows too
    offers = ["uft-2019-2022", offer(tmp_path, rng, "2018-06-16", ["2019-09-14", "2020-09-14"], paid)]
    options = ["--from", str(start), "--to", str(end), "--fiscal-year-start", fiscal, "--method", method]
    options += [x for p in offers for x in ("--proposal", p)]
    options += ["--anchor", "2009-01-02"] if method == "biweekly" else []
    scalar, columns, taken = both(tmp_path, "\n".join(lines) + "\n", *options, block=block, by=by)
    assert columns == scalar
    assert taken


@pytest.mark.parametrize(
    ("rows", "taken"),
    [
        (["A,Ed. Asst. B,2001-01-01,,2019-01-31", "A,Teacher Aide,2001-01-01,2019-02-01,"], True),
        (["A,Ed. Asst. B,2001-01-01,,2019-01-31", "A,Teacher Aide,2001-01-01,2019-01-31,"], False),  # a day in both
        (["A,Ed. Asst. B,2001-01-01,2019-02-01,", "A,Teacher Aide,2001-01-01,,2019-01-31"], False),  # out of order
        (["A,Ed. Asst. B,2001-01-01,,2019-01-31", "A,Teacher Aide,2002-01-01,2019-02-01,"], False),  # hired again
        (
            [
                "A,Ed. Asst. B,2001-01-01,,2019-01-31",
                "B,Teacher Aide,2001-01-01,,",
                "A,Ed. Assoc.,2001-01-01,2020-01-01,",
            ],
            False,
        ),  # an id again after another
    ],
)
@pytest.mark.parametrize("block", [1, 1 << 20])
def test_members_of_several_rows_cost_alike_or_go_member_by_member(
    tmp_path: Path, rows: list[str], taken: bool, block: int
) -> None:
    """Rows of one id, in the order of their days, one hire date, are one member in columns (a block a line
    too); rows the member-by-member reader refuses or reads otherwise go its way: the same answer or error."""
    text = "id,title,hired,from,to\n" + "\n".join(["Z,Ed. Assoc.,2000-01-01,,", *rows]) + "\n"
    options = ["--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30"]
    source = tmp_path / "members.csv"
    source.write_text(text)
    args = ["cost", "--roster", str(source), "--format", "json", *options]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    was = _columnar.COST_BLOCK
    _columnar.COST_BLOCK = block
    try:
        columns = runner.invoke(app, [*args, "-v"], env={"PAYCALC_ROW_BY_ROW": ""})
    finally:
        _columnar.COST_BLOCK = was
    assert (columns.exit_code, columns.stdout) == (scalar.exit_code, scalar.stdout)
    assert ("costed in columns" in columns.stderr) is taken
    skipped = runner.invoke(app, [*args, "-v", "--skip-invalid"], env={"PAYCALC_ROW_BY_ROW": ""})
    assert "costed member by member" in skipped.stderr  # several rows of an id: its rows read as that path reads


@pytest.mark.parametrize("days", ["2014-02-01,", ",2015-03-01", "2014-09-01,2014-09-30"])
def test_lump_sums_go_with_the_row_whose_days_hold_their_paid_day(tmp_path: Path, days: str) -> None:
    """Under an offer with lump sums, a row with days of its own is paid those its days hold, in columns as member
    by member; and a member of two rows, each its own."""
    text = f"id,title,hired,from,to\nA,Teacher Aide,2010-01-04,,\nB,Ed. Asst. B,2012-03-01,{days}\n"
    text += "C,Ed. Asst. B,2012-03-01,,2014-08-31\nC,Teacher Aide,2012-03-01,2014-09-01,\n"
    options = ["--proposal", "moa-2014", "--from", "2014-01-01", "--to", "2015-06-30"]
    for roster in (text, text.replace(days, ",")):
        scalar, columns, taken = both(tmp_path, roster, *options)
        assert columns == scalar
        assert taken
