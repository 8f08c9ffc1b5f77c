"""The columnar roster path against the row-by-row one, which stays the reference.

Every comparison runs paycalc twice on the same roster, once with ``PAYCALC_ROW_BY_ROW=1`` (the scalar
pricer, row by row) and once as users run it, and wants the same bytes; a spy checks that the plain
rosters really took the columnar path, so an agreement is never the scalar path agreeing with itself.
"""

from __future__ import annotations

import csv
import datetime
import io
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar as _columnar
from tests.test_locals import write_contract

runner = CliRunner()
NYC = ["Teacher Aide", "Ed. Asst. B", "Ed. Assoc.", "Aux. Trainer B", "ed asst a-ii"]  # an alias spelling too
LUNENBURG = ["High School", "Associate's", "Column 3", "Licensed Bachelor's"]


def roster(
    rng: random.Random, titles: list[str], rows: int, first: datetime.date, span: int, extra: dict[str, list[str]]
) -> str:
    """A roster of ``rows`` rows (some ids on two rows) starting within ``span`` days of ``first``, with
    ``extra`` columns (each cell one of its values)."""
    columns = ["id", "title", "hired", "from", "to", *extra]
    lines = [",".join(columns)]
    n = 0
    while len(lines) <= rows:
        n += 1
        start = first + datetime.timedelta(days=rng.randrange(span))
        end = start + datetime.timedelta(days=rng.choice([0, 13, 14, 15, 30, 364, rng.randrange(2000)]))
        hired = start - datetime.timedelta(days=rng.choice([0, 1, 365, 366, rng.randrange(9000)]))
        cells = {name: rng.choice(values) for name, values in extra.items()}
        for part in range(rng.choice([1, 1, 1, 2])):  # a second row of the id: the day after the first ends
            s, e = (start, end) if not part else (end + datetime.timedelta(days=1), end + datetime.timedelta(days=400))
            row = [f"P{n:05d}", rng.choice(titles), hired.isoformat(), s.isoformat(), e.isoformat()]
            lines.append(",".join([*row, *cells.values()]))
    return "\n".join(lines) + "\n"


def both(tmp_path: Path, text: str, *options: str, newline: str = "\n") -> tuple[str, str, bool]:
    """The row-by-row output, the output as users get it, and whether the columnar path wrote it."""
    source = tmp_path / "members.csv"
    source.write_bytes(text.replace("\n", newline).encode())
    args = ["retro", "--roster", str(source), *options]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    taken: list[bool] = []
    real = _columnar.priced

    def spy(*a: object, **k: object) -> bool:
        taken.append(real(*a, **k))  # type: ignore[arg-type]
        return taken[-1]

    _columnar.priced = spy  # type: ignore[assignment]
    try:
        columns = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": ""})
    finally:
        _columnar.priced = real  # type: ignore[assignment]
    assert (scalar.exit_code, columns.exit_code) == (0, 0), scalar.output + columns.output
    return scalar.stdout, columns.stdout, bool(taken and taken[-1])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), method=st.sampled_from(["semimonthly", "monthly", "biweekly", "daily"]))
def test_nyc_rosters_agree_to_the_byte(tmp_path: Path, seed: int, method: str) -> None:
    rng = random.Random(seed)
    extra = {
        "hours": ["", "", "20", "17.5", "35", " 20 "],
        "paid_schedule": ["", "2008-05-19", "2013-05-01"],
        "School": ["PS 1", "", "=cmd", "-3", "Zoë's"],
    }
    text = roster(rng, NYC, rng.randrange(1, 60), datetime.date(2008, 6, 1), 3600, extra)
    options = ["--method", method] + (["--anchor", "2009-01-02"] if method == "biweekly" else [])
    options += rng.choice([[], ["--pay-cycles", "22"], ["--pay-cycles", "26"]]) if method == "biweekly" else []
    scalar, columns, taken = both(tmp_path, text, *options, newline=rng.choice(["\n", "\r\n"]))
    assert columns == scalar
    assert taken


NAMES = ['"Smith, Jane"', "Ortiz", '"Lee"', '"=Evil, Eve"', '"Zoë, Ana"', '""', '"- Nuñez, Rosa"', "O'Neil",
         '"Smith, Robert ""Bob"""', '"O""Neil"', '""""', '"=a""b"', '"""Ann"", Lee"']  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6), bom=st.booleans(), quote_all=st.booleans(), us_dates=st.booleans(), spaces=st.booleans()
)
def test_rosters_as_exports_write_them_agree_and_take_the_columns(
    tmp_path: Path, seed: int, bom: bool, quote_all: bool, us_dates: bool, spaces: bool
) -> None:
    """Names in quotes (a comma inside: written back in quotes, guarded where a spreadsheet would run it),
    quotes around cells that need none (ids, dates, titles), a byte-order mark, Windows line ends, dates as
    Excel's CSV writes them (month/day/year, some zero-padded, some ISO left among them), spaces around cells."""
    rng = random.Random(seed)
    text = roster(rng, NYC, rng.randrange(1, 60), datetime.date(2008, 6, 1), 3600, {"name": NAMES})
    if us_dates:
        styles = ["{y}-{m:02}-{d:02}", "{m}/{d}/{y}", "{m:02}/{d:02}/{y}", "{m}/{d}/{y}"]
        text = re.sub(
            r"(\d{4})-(\d\d)-(\d\d)",
            lambda found: rng.choice(styles).format(y=found[1], m=int(found[2]), d=int(found[3])),
            text,
        )
    if spaces:  # a space or a tab after some commas and before others (not before a quote: that is text)
        text = re.sub(r',(?=[^"\n])', lambda _: rng.choice([",", ", ", ",\t", " ,", " , "]), text)
    if quote_all and not spaces:  # some exporters quote every cell: the header too
        out = io.StringIO()
        csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(csv.reader(io.StringIO(text)))
        text = out.getvalue()
    scalar, columns, taken = both(tmp_path, ("\ufeff" if bom else "") + text, newline=rng.choice(["\n", "\r\n"]))
    assert columns == scalar
    assert taken


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6))
def test_flat_paid_amounts_and_workyears_agree(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    extra = {"workyear": ["", "0.5", "1", "1.1"], "paid_annual": ["", "25000", "31000.55"]}
    text = roster(rng, NYC, rng.randrange(1, 40), datetime.date(2008, 6, 1), 3600, extra)
    scalar, columns, taken = both(tmp_path, text)
    assert columns == scalar
    assert taken


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    pay=st.sampled_from(
        [[], ["--pay-cycles", "26"], ["--pay-cycles", "22"], ["--method", "semimonthly"], ["--method", "daily"]]
    ),
)
def test_lunenburg_steps_on_july_first_agree(tmp_path: Path, seed: int, pay: list[str]) -> None:
    """Steps on a date, steps a schedule does not print (rates repeat: runs join); a salary divided into 22
    or 26 pay cycles (the contract's biweekly pay) and other methods, all in columns."""
    rng = random.Random(seed)
    work = {"hours_per_day": ["", "6", "7.5"], "days": ["", "180"]}
    text = roster(rng, LUNENBURG, rng.randrange(1, 40), datetime.date(2025, 7, 2), 1000, work)
    scalar, columns, taken = both(tmp_path, text, "--contract", "lunenburg-paras", *pay)
    assert columns == scalar
    assert taken  # 22 or 26 pay cycles too: the salary divided into its checks, in columns


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    method=st.sampled_from(["monthly", "semimonthly", "daily"]),
    anniversaries=st.booleans(),
)
def test_freezes_and_differentials_agree(tmp_path: Path, seed: int, method: str, anniversaries: bool) -> None:
    """A local's step freeze and differentials; its steps on July 1, or on each member's anniversary (no
    closed form then: a freeze holds steps back)."""
    from tests.test_locals import CONTRACT

    folder = tmp_path / ("anniversaries" if anniversaries else "local")
    if not folder.exists():
        write_contract(folder, CONTRACT.replace('step_advance: "07-01"\nnew_hire_cutoff: "07-02"\n', "") if
                       anniversaries else CONTRACT)  # fmt: skip
    rng = random.Random(seed)
    extra = {"differentials": ["", "degree", "behavior;stipend", "lunch duty"], "hours_per_day": ["", "5"]}
    text = roster(rng, ["Para"], rng.randrange(1, 40), datetime.date(2023, 7, 2), 900, extra)
    scalar, columns, taken = both(tmp_path, text, "--schedules", str(folder), "--method", method)
    assert columns == scalar
    assert taken


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda t: t.replace("P00002", '"P00002"'), "an id in quotes"),
        (lambda t: t.replace("P00002", '"P0""0002"'), "a doubled quote inside a cell"),
        (lambda t: t.replace("P00002", '"P0\n0002"'), "a line break inside quotes"),
        (lambda t: t.replace("P00002", '"P0"0002'), "text after a closing quote"),
        (lambda t: t.replace("P00002", 'P0"0002'), "a quote inside a bare cell"),
        (lambda t: t.replace("P00002", '"P00002'), "a quote never closed"),
        (lambda t: t.replace("\n", "\r", 1), "a carriage return alone"),
        (lambda t: t.replace("P00002", " P00002"), "an id with a space before it"),
        (lambda t: t + "\n", "a blank line"),
        (lambda t: t.replace("2009-11-01", "2009-11-1", 1), "a date the row-by-row path refuses"),
        (lambda t: t.replace("Ed. Asst. B", "Ed Asst Zed", 1), "an unknown title"),
        (lambda t: t.replace("P00003", "P00001"), "an id again after other ids"),
        (lambda t: t.rstrip("\n"), "no line feed after the last row"),
        (lambda t: t.split("\n")[0] + "\n", "a header and no row"),
        (lambda t: t.replace("\n", "\r\n"), "Windows line ends"),
        (
            lambda t: t.replace("P00002", "P" + "0" * 300),
            "an id wider than the columns compare (was an internal error)",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_what_the_columns_do_not_read_goes_row_by_row_with_the_same_answer(tmp_path: Path, change, why: str) -> None:  # type: ignore[no-untyped-def]
    lines = ["id,title,hired,from,to"] + [
        f"P{n:05d},Ed. Asst. B,1990-0{n}-15,2009-11-01,2018-11-30" for n in range(1, 6)
    ]
    source = tmp_path / "members.csv"
    source.write_text(change("\n".join(lines) + "\n"))
    scalar = runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": "1"})
    columns = runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": ""})
    assert (columns.exit_code, columns.stdout, columns.stderr) == (scalar.exit_code, scalar.stdout, scalar.stderr)


def test_a_plain_roster_with_a_repeated_id_is_refused_as_row_by_row_refuses_it(tmp_path: Path) -> None:
    source = tmp_path / "members.csv"
    rows = ["A,Ed. Asst. B,1990-01-01,2009-11-01,2010-11-30", "B,Ed. Asst. B,1990-01-01,2009-11-01,2010-11-30"]
    source.write_text(
        "\n".join(["id,title,hired,from,to", *rows, "A,Ed. Asst. B,1990-01-01,2010-12-01,2011-11-30"]) + "\n"
    )
    result = runner.invoke(app, ["retro", "--roster", str(source)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {source}: line 4: id 'A' appears again after other ids (the rows of one id " \
        "follow each other) (nothing was written; --skip-invalid leaves such rows out)\n"  # fmt: skip


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), proposal=st.sampled_from(["uft-2019-2022", "flat 2%"]))
def test_rosters_under_a_proposal_agree_and_name_the_schedule_paid(tmp_path: Path, seed: int, proposal: str) -> None:
    """Retro under a proposal is paid the status quo: the last column names the schedules each id's rows
    were paid (several ids on two rows, some paid a flat amount)."""
    if proposal == "flat 2%":
        proposal = str(tmp_path / "two.yaml")
        Path(proposal).write_text(
            "name: 2% (test)\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-09-14, percent: 2}\n"
        )
    rng = random.Random(seed)
    extra = {"paid_schedule": ["", "", "2013-05-01"], "paid_annual": ["", "", "", "29000"], "hours": ["", "20"]}
    text = roster(rng, NYC, rng.randrange(1, 40), datetime.date(2018, 1, 1), 1500, extra)
    lines = [
        line for line in text.splitlines() if not (line.endswith(",2013-05-01,29000") or ",2013-05-01,29000," in line)
    ]
    scalar, columns, taken = both(tmp_path, "\n".join(lines) + "\n", "--proposal", proposal)
    assert columns == scalar
    assert taken and scalar.splitlines()[0].endswith(",schedule_paid")


DIAGONAL = """name: A rate repeated a step up (test)
parties: [A district, A local]
term: {start: 2023-07-01, end: 2026-06-30}
source: Test agreement
pay_basis: hourly
regular_hours_per_day: 6.5
regular_days_per_year: 182
step_advance: "07-01"
pay_periods: biweekly
pay_period_anchor: 2023-07-07
longevity_tiers:
  - {label: step 1, min_years: 0}
  - {label: step 2, min_years: 1}
  - {label: step 3, min_years: 2}
titles:
  - name: Para
"""


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6))
def test_a_rate_repeated_a_step_up_in_the_next_schedule_agrees(tmp_path: Path, seed: int) -> None:
    """Schedule 2024-07-01's step 2 is 2023-07-01's step 1 (21.01), and steps move on that schedule's date: the
    run of a member moving up that day goes on at one rate, in one piece of its period (the row-by-row plan
    joins it; the columns split it in two pieces, a cent apart, before they looked for any repeated rate)."""
    folder = tmp_path / "diagonal"
    if not folder.exists():
        folder.mkdir()
        (folder / "contract.yaml").write_text(DIAGONAL)
        for day, rates in {"2023-07-01": "21.01, step 2: 22.37, step 3: 23.45",
                           "2024-07-01": "20.83, step 2: 21.01, step 3: 24.11"}.items():  # fmt: skip
            (folder / f"{day}.yaml").write_text(
                f"effective: {day}\nsource: {{article: A}}\nrates:\n  Para: {{step 1: {rates}}}\n"
            )
    rng = random.Random(seed)
    lines = ["id,title,hired,from,to,paid_annual"]
    for n in range(40):
        start = datetime.date(2024, 5, 1) + datetime.timedelta(days=rng.randrange(60))
        end = datetime.date(2024, 7, 2) + datetime.timedelta(days=rng.randrange(90))
        lines.append(f"P{n},Para,2023-07-01,{start},{end},{rng.choice(['25000', '0', '31000.55'])}")
    scalar, columns, taken = both(tmp_path, "\n".join(lines) + "\n", "--schedules", str(folder))
    assert taken
    assert columns == scalar


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), method=st.sampled_from(["monthly", "semimonthly"]), blank=st.booleans())
def test_a_step_column_is_priced_in_columns_as_row_by_row_places_it(
    tmp_path: Path, seed: int, method: str, blank: bool
) -> None:
    """A Lunenburg roster as a district exports it, with the step each row starts on (some blank: the hire
    date counts), is placed step by step (the step on the row's first day, one more each July 1) through a CSV
    twin and priced in columns, the same to the byte as row by row; the steps' placement is the row-by-row
    path's own (``membership.roster.hire_date``)."""
    rng = random.Random(seed)
    extra = {"step": ["", "1", "2", "5", "9", "11"], "name": ['"Diaz, Ana"', "Ortiz", ""]}
    text = roster(rng, LUNENBURG, rng.randrange(1, 40), datetime.date(2025, 7, 2), 700, extra)  # paid: the day before
    if blank:  # a blank line in the middle, which both readers skip
        lines = text.splitlines(keepends=True)
        text = "".join([*lines[:2], "\n", *lines[2:]])
    scalar, columns, taken = both(tmp_path, text, "--contract", "lunenburg-paras", "--method", method)
    assert columns == scalar
    assert taken


LUMPS = """name: Two bonuses and retro in two parts (test)
base: 2008-05-19
changes:
  - {effective: 2013-05-01, percent: 1.5}
lump_sums:
  - {name: signing, amount: 1000, paid: 2014-06-30, eligible_on: 2014-06-03, prorate: true}
  - {name: flat, amount: 333.33, paid: 2014-01-15, eligible_on: 2014-01-15}
instalments:
  - {paid: 2015-10-15, share: 33.3}
  - {paid: 2016-10-15, share: 66.7}
"""


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    offer=st.sampled_from(["moa-2014", "two bonuses"]),
    options=st.sampled_from([[], ["--format", "json"], ["--instalments", "2015-10-15:50,2016-10-15:50"]]),
    block=st.sampled_from([1 << 22, 300]),
)
def test_lump_sums_and_instalments_agree_and_take_the_columns(
    tmp_path: Path, seed: int, offer: str, options: list[str], block: int
) -> None:
    """A proposal's lump sums (pro-rated by hours, or not; paid inside a row's days to one hired by its
    eligible day) and retro wages split into instalments (the proposal's or --instalments), in CSV and JSON;
    in blocks of about six lines too, so an id's two rows fall in two blocks."""
    if offer == "two bonuses":
        offer = str(tmp_path / "bonuses.yaml")
        Path(offer).write_text(LUMPS)
    rng = random.Random(seed)
    extra = {"hours": ["", "20", "17.5"], "School": ["PS 1", "=cmd"]}
    text = roster(rng, NYC, rng.randrange(1, 40), datetime.date(2013, 6, 1), 500, extra)
    was, _columnar.BLOCK = _columnar.BLOCK, block
    try:
        scalar, columns, taken = both(tmp_path, text, "--proposal", offer, *options)
    finally:
        _columnar.BLOCK = was
    assert columns == scalar
    assert taken
    assert "lump_sums" in scalar.splitlines()[0 if not options or options[0] != "--format" else 1]


def test_lump_sums_in_columns_worked_by_hand(tmp_path: Path) -> None:
    """Two bonuses: $1,000 pro-rated (17.5 of the contract's 30 hours a week: 583.333.. -> 583.33) paid
    2014-06-30 to one hired by 2014-06-03, and $333.33 paid 2014-01-15 to one hired by then. A row holds a
    bonus's day or it does not."""
    offer = tmp_path / "bonuses.yaml"
    offer.write_text(LUMPS)
    rows = [
        "A,Ed. Asst. B,2014-01-15,2014-01-15,2014-06-30,17.5,0",  # both: 1,000 x 17.5 / 30 = 583.33 + 333.33
        "B,Ed. Asst. B,2014-01-16,2014-01-16,2014-06-30,,0",  # hired after the flat one's day: 1,000 only
        "C,Ed. Asst. B,2014-06-04,2014-06-04,2014-06-30,,0",  # hired after both eligible days: none
        "D,Ed. Asst. B,2010-01-01,2014-01-16,2014-06-29,,0",  # neither paid inside the row's days
    ]
    source = tmp_path / "members.csv"
    source.write_text("\n".join(["id,title,hired,from,to,hours,paid_annual", *rows]) + "\n")
    taken: list[bool] = []
    real = _columnar.priced
    _columnar.priced = lambda *a, **k: taken.append(real(*a, **k)) or taken[-1]  # type: ignore[assignment]
    try:
        result = runner.invoke(app, ["retro", "--roster", str(source), "--proposal", str(offer)])
    finally:
        _columnar.priced = real  # type: ignore[assignment]
    assert result.exit_code == 0 and taken == [True], result.output
    lumps = {line.split(",")[0]: line.split(",")[5] for line in result.stdout.splitlines()[1:]}
    assert lumps == {"A": "916.66", "B": "1000.00", "C": "0.00", "D": "0.00"}


def test_lump_sums_of_an_id_cut_by_a_block_are_summed(tmp_path: Path) -> None:
    """Each id's second row holds both bonuses' days, and blocks of about two lines cut ids in two: each id's
    lump sums are its second row's, $1,333.33, wherever the block ends."""
    offer = tmp_path / "bonuses.yaml"
    offer.write_text(LUMPS)
    rows = []
    for n in range(12):
        rows += [
            f"P{n},Teacher Aide,2010-01-01,2013-06-01,2014-01-14",
            f"P{n},Teacher Aide,2010-01-01,2014-01-15,2014-07-31",
        ]
    text = "\n".join(["id,title,hired,from,to", *rows]) + "\n"
    was, _columnar.BLOCK = _columnar.BLOCK, 90
    try:
        scalar, columns, taken = both(tmp_path, text, "--proposal", str(offer))
    finally:
        _columnar.BLOCK = was
    assert taken and columns == scalar
    assert [line.split(",")[5] for line in columns.splitlines()[1:]] == ["1333.33"] * 12


FILLS = {  # per contract: --from and --to, then a row's own days (blank, or others), hire dates, paid schedule
    "nyc-paras": (["2013-05-01", "2014-09-30"], ["2012-11-01", "2013-07-15"], ["2014-06-30", "2015-01-31"],
            ["2001-09-04", "2011-02-01", "2012-10-01"], "2008-05-19"),
    "lunenburg-paras": (["2025-08-01", "2027-06-30"], ["2025-09-02", "2026-01-05", "2026-07-15"],
                        ["2027-03-31", "2026-12-31"], ["1", "2", "5", "9"], "2025-07-01"),
}  # fmt: skip


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6),
    period=st.sampled_from([["--from"], ["--to"], ["--from", "--to"], []]),
    paid=st.sampled_from(["", "--paid-schedule", "--paid-annual"]),
    contract=st.sampled_from(["nyc-paras", "lunenburg-paras"]),
    dropped=st.booleans(),
)
def test_values_from_the_command_line_fill_rows_in_columns(
    tmp_path: Path, seed: int, period: list[str], paid: str, contract: str, dropped: bool
) -> None:
    """--from / --to fill the rows whose cells are blank, --paid-schedule / --paid-annual the rows with neither
    paid cell: in a CSV twin (a Lunenburg step column placed there too), priced in columns, the same bytes and
    notes as row by row (a header read through its synonyms, a carried name in quotes, a column given left out)."""
    ends, starts, lasts, hires, schedule = FILLS[contract]
    if not (period or paid):
        period = ["--from"]
    rng = random.Random(seed)
    lunenburg = contract != "nyc-paras"
    lines = ["Employee ID,title," + ("step" if lunenburg else "hired") + ",from,to,paid_annual,Name"]
    for n in range(rng.randrange(1, 30)):
        start = rng.choice(["", "", *starts]) if "--from" in period else starts[0]
        end = rng.choice(["", "", *lasts]) if "--to" in period else lasts[0]
        title = rng.choice(LUNENBURG if lunenburg else NYC[:3])
        lines.append(f'E{n},{title},{rng.choice(hires)},{start},{end},{rng.choice(["", "", "26000"])},"Ortiz, {n}"')
    if dropped:  # a column the command line gives, left out of the roster
        gone = [["from", "to"].index(option[2:]) + 3 for option in period]
        lines = [",".join(c for n, c in enumerate(line.split(",")) if n not in gone) for line in lines]
    source = tmp_path / "members.csv"
    source.write_text("\n".join(lines) + "\n")
    args = ["retro", "--roster", str(source), "--contract", contract]
    args += [a for option in period for a in (option, ends[option == "--to"])]
    args += [paid, schedule if paid == "--paid-schedule" else "24000.50"] if paid else []
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    taken: list[bool] = []
    real = _columnar.priced
    _columnar.priced = lambda *a, **k: taken.append(real(*a, **k)) or taken[-1]  # type: ignore[assignment]
    try:
        columns = runner.invoke(app, args)
    finally:
        _columnar.priced = real  # type: ignore[assignment]
    assert scalar.exit_code == 0, scalar.output
    assert (columns.exit_code, columns.stdout, columns.stderr) == (scalar.exit_code, scalar.stdout, scalar.stderr)
    assert taken == [True]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10**6), offer=st.sampled_from([[], ["--proposal", "uft-2019-2022"], ["--proposal", "moa-2014"]])
)
def test_json_is_written_by_the_columns_as_row_by_row_writes_it(tmp_path: Path, seed: int, offer: list[str]) -> None:
    """--format json from the columns' own writer: names in quotes, formula-like cells (JSON guards none),
    accents; under a proposal the schedules paid, lump sums and instalments."""
    rng = random.Random(seed)
    names = ['"Smith, Jane"', "=cmd", "Zoë", '""', "O'Neil", "ü€𝄞"]
    text = roster(rng, NYC, rng.randrange(1, 50), datetime.date(2012, 6, 1), 900, {"name": names, "hours": ["", "20"]})
    scalar, columns, taken = both(tmp_path, text, "--format", "json", *offer)
    assert columns == scalar
    assert taken


@pytest.mark.parametrize(
    ("header", "cell"),
    [("name", "back\\\\slash"), ("name", "a\ttab"), ("retro", "carried"), ("name", "plain")],
    ids=["backslash", "tab", "a carried column named retro", "plain"],
)
def test_json_the_columns_would_write_otherwise_is_written_as_row_by_row(
    tmp_path: Path, header: str, cell: str
) -> None:
    """A cell JSON escapes, or a carried column named as a total's key: the same bytes as row by row."""
    text = f"id,title,hired,from,to,{header}\n" + "".join(
        f"P{n},Ed. Asst. B,2001-09-04,2013-07-15,2014-06-30,{cell}\n" for n in range(4)
    )
    scalar, columns, _ = both(tmp_path, text, "--format", "json")
    assert columns == scalar


@pytest.mark.parametrize("block", [1 << 22, 40], ids=["one block", "blocks of a line or two"])
def test_blank_lines_are_skipped_in_columns_as_row_by_row_skips_them(tmp_path: Path, block: int) -> None:
    """A blank line between an id's two rows, blank lines in a row, and the file's last line left blank (as
    hand-edited files end): skipped, as the csv module skips them, and priced in columns, not row by row."""
    rows = [f"P{n},Ed. Asst. B,1990-0{n}-15,2009-11-01,2013-11-30" for n in range(1, 6)]
    rows.insert(2, "P2,Ed. Asst. B,1990-02-15,2013-12-01,2018-11-30")
    text = "id,title,hired,from,to\n" + "\n".join([*rows[:2], "", *rows[2:4], "", "", *rows[4:]]) + "\n\n"
    was, _columnar.BLOCK = _columnar.BLOCK, block
    taken: list[bool] = []
    real = _columnar.priced
    _columnar.priced = lambda *a, **k: taken.append(real(*a, **k)) or taken[-1]  # type: ignore[assignment]
    try:
        source = tmp_path / "members.csv"
        source.write_text(text)
        scalar = runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": "1"})
        columns = runner.invoke(app, ["retro", "--roster", str(source)])
    finally:
        _columnar.BLOCK, _columnar.priced = was, real  # type: ignore[assignment]
    assert scalar.exit_code == 0 and columns.stdout == scalar.stdout
    assert taken == [True]
    assert scalar.stdout.count("\n") == 6  # the header and five ids (P2 on two rows)


def test_hours_a_week_on_an_hourly_contract_are_refused_in_columns_too(tmp_path: Path) -> None:
    text = "id,title,hired,from,to,hours\nA,High School,2020-09-01,2025-07-02,2026-06-30,20\n"
    source = tmp_path / "members.csv"
    source.write_text(text)
    args = ["retro", "--roster", str(source), "--contract", "lunenburg-paras"]
    scalar = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": "1"})
    columns = runner.invoke(app, args)
    assert scalar.exit_code == 1 and "hours does not fit a contract paid hourly rates" in scalar.stderr
    assert (columns.exit_code, columns.stdout, columns.stderr) == (scalar.exit_code, scalar.stdout, scalar.stderr)


@pytest.mark.parametrize("tiers", [61, 62, 63, 64, 12])
def test_a_contract_of_many_steps_is_priced_alike(tmp_path: Path, tiers: int) -> None:
    """Steps a year apart, up to 64 of them, two by two at one rate (so runs join, in the edge matrix): an
    edge's tag holds the tier + 1 in 6 bits (63 means no edge), so past what it holds the roster goes row by
    row, with the same answer. With 12 steps, each its own rate: no run joins, priced segment by segment, on a
    contract of one schedule."""
    steps = "\n".join(f"  - {{label: step {n + 1}, min_years: {n}}}" for n in range(tiers))
    contract = DIAGONAL.split("longevity_tiers:")[0] + f"longevity_tiers:\n{steps}\ntitles:\n  - name: Para\n"
    folder = tmp_path / f"steps{tiers}"
    folder.mkdir()
    (folder / "contract.yaml").write_text(contract)
    pair = 2 if tiers > 12 else 1  # pairs alike: runs join; else each step its own rate
    rates = ", ".join(f"step {n + 1}: {20 + n // pair * 0.25:.2f}" for n in range(tiers))
    (folder / "2023-07-01.yaml").write_text(
        f"effective: 2023-07-01\nsource: {{article: A}}\nrates:\n  Para: {{{rates}}}\n"
    )
    lines = ["id,title,hired,from,to,paid_annual"]
    for n in range(40):
        hired = datetime.date(2023, 7, 1) - datetime.timedelta(days=365 * (n * 2 % 70) + 100)
        lines.append(f"P{n},Para,{hired},2023-09-01,2025-06-30,30000")  # some move up a step inside
    scalar, columns, taken = both(tmp_path, "\n".join(lines) + "\n", "--schedules", str(folder))
    assert columns == scalar
    assert taken == (tiers <= 61)  # 62 tiers would do (62 + 1 is no edge's 63): the bound keeps one spare


def test_22_checks_on_a_contract_without_pay_cycles_are_priced_in_columns(tmp_path: Path) -> None:
    """NYC paid in 22 biweekly checks over the school year (--pay-cycles 22, the summer's periods paying nothing):
    in columns, as row by row prices it, and not as 26 checks would."""
    rng = random.Random(22)
    text = roster(rng, NYC, 40, datetime.date(2009, 1, 1), 3000, {"hours": ["", "20"]})
    options = ["--method", "biweekly", "--anchor", "2009-01-02"]
    scalar, columns, taken = both(tmp_path, text, *options, "--pay-cycles", "22")
    assert columns == scalar and taken
    assert both(tmp_path, text, *options)[1] != columns
