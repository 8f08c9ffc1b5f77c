"""A roster's own paid amounts read as arrays (#30: ``output.csv_amounts``, ``Pricer.flat_paid``): each plain
amount is the one ``to_amount`` reads, cent for cent; anything else is left to it; and a roster whose every
member has an amount of their own (a district's export of what each was paid) is priced in columns as row by
row prices it, under the status quo and under an offer."""

from __future__ import annotations

import csv
import datetime
import io
import random
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import to_amount
from paycalc.output import csv_amounts, csv_bytes
from tests.test_columnar import NYC, both, roster


def _read(cells: list[str]) -> list[int]:
    """The cells as a CSV block's second column (quoted where the csv module quotes them), read in columns."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([["x", cell] for cell in cells])
    return csv_amounts.cents(csv_bytes.split(out.getvalue().encode(), 2, trim=True), 1).tolist()


@settings(max_examples=300)
@given(st.lists(st.text(alphabet='0123456789.,$+-e "', max_size=12), min_size=1, max_size=8))
@example(["$     5", "$ 5", "5 $", "$ ,100", "$ $5", "1 000"])
@example(["0", "7", "25000", "31000.55", "31000.5", "9999999.99", "0.05", "007", "10000000", "12.", ".5", "1e4"])
@example(["12.345", "$100", "1,000", "+5", "-0", " 12 ", "", "1.2.3", "99999999", "5-"])
def test_a_plain_amount_is_the_one_to_amount_reads_and_anything_else_is_left_to_it(cells: list[str]) -> None:
    for cell, found in zip(cells, _read(cells), strict=True):
        if found < 0:
            continue  # left to the row-by-row path: no claim
        assert to_amount(cell, "paid annual") == Decimal(found) / 100, cell


@given(st.integers(0, 9_999_999), st.sampled_from(["", ".{}", ".{}0", ".{}{}"]), st.integers(0, 9))
def test_every_plain_amount_is_read(whole: int, places: str, digit: int) -> None:
    """One to seven whole digits and none to two places: read in columns, never left over."""
    text = str(whole) + places.format(digit, digit)
    assert _read([text]) == [int(Decimal(text) * 100)]


@given(st.integers(0, 9_999_999), st.sampled_from(["", ".{}", ".{}0", ".{}{}"]), st.integers(0, 9), st.booleans())
def test_every_amount_in_a_spreadsheet_currency_format_is_read(whole: int, places: str, digit: int, sign: bool) -> None:
    """``$26,843.50`` as Excel's currency (or comma) format writes it and its CSV saves it: the same cents."""
    text = ("$" if sign else "") + f"{whole:,}" + places.format(digit, digit)
    cents = whole * 100 + int((places.format(digit, digit)[1:] + "00")[:2] or 0)
    assert _read([text]) == [cents]
    assert to_amount(text, "paid annual") * 100 == cents


@pytest.mark.parametrize(
    ("text", "cents"),
    [("$26,843.50", 2684350), ("26,843.50", 2684350), ("$26843.5", 2684350), ("$1,000", 100000),
     ("1,000,000.00", 100000000), ("$9,999,999.99", 999999999), (" $31,000.55 ", 3100055), ("$0.05", 5),
     ("$ 26,843.50", 2684350), (" $    1,000.00 ", 100000)],
)  # fmt: skip
def test_currency_amounts_worked_by_hand(text: str, cents: int) -> None:
    assert _read([text]) == [cents]
    assert to_amount(text, "paid annual") == Decimal(cents) / 100


def test_what_is_not_a_plain_amount_is_left_over() -> None:
    refused = ["", "+5", "-0", "12.345", "12.", ".5", "1e4", "10000000", "1.2.3", "5 5", "$$5", "$", "-$5"]
    refused += ["1,00", "12,3456", "0,123", ",100", "1,0000", "12,34,567", "1,000,00", "$1,000.505"]
    refused += ["12.e", "5.$", "7.-5"]
    assert _read(refused) == [-1] * len(refused)  # some to_amount reads (12., -0): row by row reads those


@pytest.mark.parametrize("text", ["1,00", "12,3456", "0,123", ",100", "1,0000", "12,34,567", "$$5", "$", "$-5"])
def test_commas_not_between_groups_of_three_are_refused(text: str) -> None:
    """A comma anywhere else is not a thousands separator (``1,00`` may be a decimal comma): refused, not guessed."""
    with pytest.raises(InputError, match=r"is not a plain decimal number \(an amount from 0 to 10000000, e\.g\."):
        to_amount(text, "paid annual")


def test_a_negative_amount_in_a_currency_format_is_said_to_be_negative() -> None:
    with pytest.raises(InputError, match=r"paid annual '-\$1,271\.75' is negative \(an amount from 0 to 10000000"):
        to_amount("-$1,271.75", "paid annual")


def test_an_amount_out_of_range_is_named_as_written() -> None:
    with pytest.raises(InputError, match=r"paid annual '\$12,345,678\.00' is out of range"):
        to_amount("$12,345,678.00", "paid annual")


# plain, and read one by one (``+27000``, ``-0``, ``27000.125``, ``10000000``: to_amount takes them too)
AMOUNTS = ["", "25000", "31000.55", "31000.5", "26843", "0", "+27000", "-0", "27000.125", "10000000", "9999999.99"]
AMOUNTS += ['"$26,843.50"', '"31,000.55"', "$1000", "$31000.5", '"$1,234,567.891"']  # currency formats


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), offer=st.sampled_from([[], ["--proposal", "uft-2019-2022"]]))
def test_a_roster_of_amounts_of_their_own_is_priced_in_columns_as_row_by_row(
    tmp_path: Path, seed: int, offer: list[str]
) -> None:
    """Amounts plain and not (read one by one), blank ones with a paid schedule of their own or none, each
    member's own (many distinct): the same bytes, in columns."""
    rng = random.Random(seed)
    paid = [f"{rng.randrange(20000, 40000)}.{rng.randrange(100):02d}" for _ in range(30)] + AMOUNTS
    extra = {"paid_schedule": ["", "", "", "2013-05-01"], "paid_annual": paid}
    text = roster(rng, NYC, rng.randrange(1, 60), datetime.date(2018, 1, 1), 1500, extra)
    lines = [line for line in text.splitlines() if not (",2013-05-01," in line and not line.endswith(",2013-05-01,"))]
    scalar, columns, taken = both(tmp_path, "\n".join(lines) + "\n", *offer)
    assert columns == scalar
    assert taken


@pytest.mark.parametrize("rows", [150, 1500])  # past 1,024 distinct rows in a block: titles and amounts apart
def test_each_member_paid_an_amount_of_their_own_is_priced_in_columns(tmp_path: Path, rows: int) -> None:
    rng = random.Random(4)
    paid = [f"{rng.randrange(20000, 40000)}.{rng.randrange(100):02d}" for _ in range(2 * rows)] + ["+27000", ""]
    text = roster(rng, NYC, rows, datetime.date(2018, 1, 1), 1500, {"paid_annual": paid, "hours": ["", "20"]})
    scalar, columns, taken = both(tmp_path, text)
    assert columns == scalar
    assert taken


@pytest.mark.parametrize(
    "paid", ["2013-05-01,25000", "2001-01-01,"], ids=["a schedule and an amount", "a schedule before the first"]
)
def test_a_row_paid_what_the_rules_refuse_is_refused_by_both_paths(tmp_path: Path, paid: str) -> None:
    """An amount and a paid schedule too is one term too many; a schedule paid before the first had none:
    never priced (as the amount, or as a schedule that is not there)."""
    from typer.testing import CliRunner

    from paycalc.cli import app

    source = tmp_path / "members.csv"
    source.write_text(
        "id,title,hired,from,to,paid_schedule,paid_annual\n"
        "E1,Teacher Aide,2001-02-03,2018-01-01,2018-06-30,,25000\n"
        f"E2,Teacher Aide,2001-02-03,2018-01-01,2018-06-30,{paid}\n"
    )
    found = [CliRunner().invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": mode})
             for mode in ("1", "")]  # fmt: skip
    assert [result.exit_code for result in found] == [1, 1]
    assert found[0].stderr == found[1].stderr and "line 3" in found[1].stderr


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 999_999_999), max_size=30), min_size=1, max_size=4))
def test_flat_amounts_take_one_rate_each_whichever_way_they_came(blocks: list[list[int]]) -> None:
    """Blocks of amounts (cents), repeating within and across blocks, some equal to a schedule's rate or to an
    amount the scalar path took in first: each amount is one thing paid, in every block, at the rate its fraction
    is, under an id of its own (a row's runs, all paid its one amount, compare no id of another rate)."""
    import paycalc
    from paycalc.membership.columnar import Pricer

    pricer = Pricer(paycalc.load_contract(), "semimonthly", None, None)
    rate = pricer.contract.schedules[0].rates["Teacher Aide"]["base"]  # a schedule's annual rate, in the tables
    pricer.paid(datetime.date(2009, 1, 1), None)
    pricer.paid(None, Decimal("31000.55"))  # the scalar path's own registry, first
    blocks = [[int(rate * 100), 3_100_055, *block] for block in blocks]
    seen: dict[int, int] = {}
    for block in blocks:
        found = pricer.flat_paid(np.array(block, dtype=np.int64)).tolist()
        for amount, paid in zip(block, found, strict=True):
            assert seen.setdefault(amount, paid) == paid  # one thing paid per amount, in every block
            assert pricer._frozen[paid] == -1
            ratio = (Decimal(amount) / 100).as_integer_ratio()
            assert tuple(pricer.rates.array()[:, pricer._flat[paid]].tolist()) == ratio
    assert len({pricer._flat[paid] for paid in seen.values()}) == len(seen)  # an id each
    assert pricer.rates.count == pricer.rates.array().shape[1]
    assert len(pricer._frozen) == 2 + len(seen)  # the two the scalar path took, then each amount once


def test_a_roster_of_currency_amounts_is_the_roster_of_plain_ones(tmp_path: Path) -> None:
    """A district's export saved from a sheet with its amounts in currency format (``"$26,843.50"``, in quotes for
    its comma) owes what the same amounts written plain owe, in columns and row by row; --paid-annual too."""
    from typer.testing import CliRunner

    from paycalc.cli import app

    rows = [("E1", "26843.50", "$26,843.50"), ("E2", "31000", "$31,000"), ("E3", "1000.5", '"1,000.5"')]
    head = "id,title,hired,from,to,paid_annual\n"
    for n, column in ((1, "plain"), (2, "shown")):
        body = "".join(f"{r[0]},Ed. Asst. B,2005-09-01,2018-01-01,2018-06-30,{r[n]}\n" for r in rows)
        (tmp_path / f"{column}.csv").write_text(head + body.replace("$26,843.50", '"$26,843.50"').replace(
            "$31,000", '"$31,000"'))  # fmt: skip
    runs = [CliRunner().invoke(app, ["retro", "--roster", str(tmp_path / f"{c}.csv")], env={"PAYCALC_ROW_BY_ROW": m})
            for c in ("plain", "shown") for m in ("1", "")]  # fmt: skip
    assert [run.exit_code for run in runs] == [0] * 4
    assert len({run.stdout for run in runs}) == 1
    one = ["retro", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2018-01-01", "--to", "2018-06-30"]
    said = [CliRunner().invoke(app, [*one, "--paid-annual", amount]).stdout for amount in ("26843.50", "$26,843.50")]
    assert said[0] == said[1] and "26,843.50" in said[0]


@pytest.mark.parametrize(
    ("amount", "said"),
    [("1,00", "is not a plain decimal number"), ("-$1,271.75", "is negative"), ("$12,345,678.00", "is out of range")],
)
def test_an_amount_refused_is_one_error_line_in_both_paths_and_on_the_command_line(
    tmp_path: Path, amount: str, said: str
) -> None:
    """A roster's paid_annual cell (line 3) and --paid-annual alike: one ``Error:`` line naming the amount as written
    and what is accepted, exit 1, nothing written."""
    from typer.testing import CliRunner

    from paycalc.cli import app

    source = tmp_path / "members.csv"
    source.write_text(
        "id,title,hired,from,to,paid_annual\n"
        "A1,Ed. Asst. B,2005-09-01,2018-01-01,2018-06-30,26843.50\n"
        f'B2,Ed. Asst. B,2005-09-01,2018-01-01,2018-06-30,"{amount}"\n'
    )
    out = tmp_path / "retro.csv"
    accepted = "(an amount from 0 to 10000000, e.g. 26843, 26843.50 or $26,843.50)"
    for mode in ("1", ""):
        done = CliRunner().invoke(
            app, ["retro", "--roster", str(source), "-o", str(out)], env={"PAYCALC_ROW_BY_ROW": mode}
        )
        assert done.exit_code == 1
        rest = "(nothing was written; --skip-invalid leaves such rows out)\n"
        assert done.stderr == f"Error: {source}: line 3: paid annual {amount!r} {said} {accepted} {rest}"
        assert not out.exists()
    one = ["retro", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2018-01-01", "--to", "2018-06-30"]
    done = CliRunner().invoke(app, [*one, "--paid-annual", amount])
    assert done.exit_code == 1
    assert done.stderr.startswith("Error: ") and f"{amount!r} {said} {accepted}" in done.stderr
    assert done.stderr.count("\n") == 1
