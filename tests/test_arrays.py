"""The array forms against the scalar ones, piece by piece: pay periods, anniversaries, ISO dates, cells,
and CSV lines made from arrays. Expected values come from the scalar functions (the reference, tested by
hand elsewhere) or from Python's own formatting."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import to_date, to_roster_date
from paycalc.output import csv_bytes, csv_dates, csv_lines
from paycalc.output.csv_bytes import Plainness
from paycalc.rules import core, period_arrays, periods

days = st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31))
rates = st.tuples(st.integers(1, 10**9), st.sampled_from([1, 3, 7, 24, 35, 100, 1183, 10**6]))
runs = st.lists(st.tuples(rates, days, st.integers(0, 800)), min_size=1, max_size=40)


def arrays(drawn: list[tuple[tuple[int, int], datetime.date, int]]) -> tuple[np.ndarray, ...]:
    num = np.array([r[0][0] for r in drawn], dtype=np.int64)
    den = np.array([r[0][1] for r in drawn], dtype=np.int64)
    first = np.array([r[1].toordinal() for r in drawn], dtype=np.int64)
    return num, den, first, first + np.array([r[2] for r in drawn], dtype=np.int64)


def scalar(price, drawn):  # type: ignore[no-untyped-def]
    return [price(rate, start, start + datetime.timedelta(days=length)) for rate, start, length in drawn]


@settings(max_examples=150, deadline=None)
@given(runs)
def test_semimonthly_pieces_are_the_scalar_pieces(drawn: list) -> None:  # type: ignore[type-arg]
    assert period_arrays.semimonthly(*arrays(drawn)).tolist() == scalar(periods.semimonthly, drawn)


@settings(max_examples=150, deadline=None)
@given(runs)
def test_monthly_pieces_are_the_scalar_pieces(drawn: list) -> None:  # type: ignore[type-arg]
    assert period_arrays.monthly(*arrays(drawn)).tolist() == scalar(periods.monthly, drawn)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(rates, days, st.integers(0, 1500)), min_size=1, max_size=40))
def test_daily_pieces_are_the_scalar_pieces(drawn: list) -> None:  # type: ignore[type-arg]
    """Runs of up to four years: each calendar year its own piece, leap or not."""
    assert period_arrays.daily(*arrays(drawn)).tolist() == scalar(periods.daily, drawn)


@pytest.mark.parametrize(
    ("first", "last", "cents"),
    [
        ("2019-12-31", "2020-01-01", 10000 + 9973),  # 36,500 / 365 = 100.00, then 36,500 / 366 = 99.726.. -> 99.73
        ("2019-12-31", "2022-01-01", 10000 + 2 * 3650000 + 10000),  # two whole years between: 36,500.00 each
        ("2020-02-29", "2020-02-29", 9973),  # one leap day
        ("2021-03-01", "2021-03-03", 30000),  # three days of a common year: 3 x 100.00
    ],
)
def test_daily_worked_by_hand(first: str, last: str, cents: int) -> None:
    a, b = (np.array([datetime.date.fromisoformat(d).toordinal()]) for d in (first, last))
    assert int(period_arrays.daily(np.array([36500]), np.array([1]), a, b)[0]) == cents


@settings(max_examples=150, deadline=None)
@given(runs, st.integers(0, 13))
def test_biweekly_pieces_are_the_scalar_pieces(drawn: list, anchor: int) -> None:  # type: ignore[type-arg]
    def price(rate, a, b):  # type: ignore[no-untyped-def]
        return periods.biweekly(anchor, rate, a, b)

    assert period_arrays.biweekly(anchor, *arrays(drawn)).tolist() == scalar(price, drawn)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(rates, days, st.integers(0, 1200)), min_size=1, max_size=40), st.integers(0, 13))
def test_22_checks_over_the_school_year_are_the_scalar_pieces(drawn: list, anchor: int) -> None:  # type: ignore[type-arg]
    """Runs of up to three years, across summers (whose periods pay nothing); owed and paid rates side by side."""

    def price(rate, a, b):  # type: ignore[no-untyped-def]
        return periods.biweekly_22(anchor, rate, a, b)

    num, den, first, last = arrays(drawn)
    assert period_arrays.biweekly_22(anchor, num, den, first, last).tolist() == scalar(price, drawn)
    both = period_arrays.biweekly_22(anchor, np.stack([num, num + 1]), np.stack([den, den]), first, last)
    assert both[0].tolist() == scalar(price, drawn)


@pytest.mark.parametrize(
    ("first", "last", "cents"),
    [  # periods from Friday 2019-01-04; the last to end by 30 June 2019 is 7-20 June, the 22 from 17 August 2018
        ("2018-08-17", "2018-08-30", 100000),  # the school year's first period: 22,000 / 22
        ("2018-08-03", "2018-08-16", 0),  # the period before it, in the summer
        ("2019-06-21", "2019-07-04", 0),  # the period after the last
        ("2018-08-10", "2018-08-23", 50000),  # 7 of the first period's 14 days: 22,000 x 7 / (14 x 22)
        ("2019-06-07", "2019-06-20", 100000),  # the last period
        ("2018-08-03", "2018-08-17", 7143),  # the summer's last period and the school year's first day: 22,000 / 308
        ("2019-06-20", "2019-07-04", 7143),  # the school year's last day and the summer's first period
    ],
)
def test_22_checks_worked_by_hand(first: str, last: str, cents: int) -> None:
    anchor = datetime.date(2019, 1, 4).toordinal() % 14
    a, b = (np.array([datetime.date.fromisoformat(d).toordinal()]) for d in (first, last))
    assert int(period_arrays.biweekly_22(anchor, np.array([22000]), np.array([1]), a, b)[0]) == cents
    day = datetime.date.fromisoformat
    assert periods.biweekly_22(anchor, (22000, 1), day(first), day(last)) == cents  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(runs, st.integers(0, 13), st.sampled_from([22, 26]), st.sampled_from(["calendar_days", "weekdays"]))
def test_pay_cycles_are_the_scalar_checks(drawn: list, anchor: int, cycles: int, split: str) -> None:  # type: ignore[type-arg]
    """A salary divided into 22 or 26 checks (Lunenburg's MOA, Section 6-10), split by days or weekdays, in arrays
    as :func:`paycalc.rules.cycles.pay` pays it, run by run (runs of up to two years, over many fiscal years)."""
    from paycalc.rules import cycles as rules

    def price(rate, a, b):  # type: ignore[no-untyped-def]
        return rules.pay(anchor, cycles, split, rate, a, b)

    assert period_arrays.divided(anchor, cycles, split, *arrays(drawn)).tolist() == scalar(price, drawn)
    num, den, first, last = arrays(drawn)  # owed and paid rates side by side, as the columns price them
    both = period_arrays.divided(anchor, cycles, split, np.stack([num + 1, num]), np.stack([den, den]), first, last)
    assert both[1].tolist() == scalar(price, drawn)


@pytest.mark.parametrize(
    ("num", "den", "first", "last", "cents"),
    [
        (33352, 1, "2018-06-16", "2018-06-30", 138967),  # 33,352 / 24 = 1,389.666.. a half month: 1,389.67
        (33352, 1, "2018-06-16", "2018-06-16", 9264),  # a day of 15: 33,352 / 24 / 15 = 92.644..
        (33352, 1, "2018-02-16", "2018-02-28", 138967),  # the 16th to a February's end: a whole period
        (33352, 1, "2018-02-16", "2018-02-27", 128277),  # 12 of its 13 days: 1,389.666.. x 12 / 13 = 1,282.769..
    ],
)
def test_semimonthly_worked_by_hand(num: int, den: int, first: str, last: str, cents: int) -> None:
    a, b = (np.array([datetime.date.fromisoformat(d).toordinal()]) for d in (first, last))
    assert int(period_arrays.semimonthly(np.array([num]), np.array([den]), a, b)[0]) == cents


@settings(max_examples=200, deadline=None)
@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)), st.integers(0, 40))
def test_anniversaries_are_the_scalar_ones(hired: datetime.date, years: int) -> None:
    got = period_arrays.anniversaries(np.array([hired.toordinal()]), years)
    assert datetime.date.fromordinal(int(got[0])) == core.anniversary(hired, hired.year + years)


def cells_of(lines: list[str], width: int) -> csv_bytes.Cells:
    block = ("\n".join(lines) + "\n").encode()
    csv_bytes.check(block)
    return csv_bytes.split(block, width)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="0123456789-/ T+:", min_size=6, max_size=11), min_size=1, max_size=4))
def test_a_date_cell_is_read_as_the_roster_reads_it_or_left_to_it(texts: list[str]) -> None:
    """ISO and month/day/year cells, mixed in one column: each read as ``to_roster_date`` reads it, or the
    whole column left to the row-by-row path (which then answers or names the bad cell)."""
    cells = cells_of([f"x,{text}" for text in texts], 2)
    try:
        got = csv_dates.dates(cells, 1)
    except Plainness:  # then the row-by-row path decides; the columns never answer otherwise
        return
    assert [datetime.date.fromordinal(int(day)) for day in got] == [to_roster_date(text) for text in texts]


def _written(day: datetime.date, style: int) -> str:
    """A date as an export writes it: ISO, month/day/year bare (``9/1/2005``) or zero-padded (``09/01/2005``), or
    year/month/day (``2005/09/01``)."""
    us = [f"{day.month}/{day.day}/{day.year}", f"{day.month:02}/{day.day:02}/{day.year}"]
    return [day.isoformat(), *us, f"{day.year}/{day.month:02}/{day.day:02}"][style]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.dates(datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)), st.integers(0, 3)),
                min_size=1, max_size=6))  # fmt: skip
def test_us_and_iso_dates_are_read_in_columns(days: list[tuple[datetime.date, int]]) -> None:
    cells = cells_of([f"x,{_written(day, style)}" for day, style in days], 2)
    assert [datetime.date.fromordinal(int(d)) for d in csv_dates.dates(cells, 1)] == [day for day, _ in days]


@pytest.mark.parametrize(
    ("text", "day"),
    [("9/1/2005", "2005-09-01"), ("09/01/2005", "2005-09-01"), ("12/31/1999", "1999-12-31"),
     ("2/29/2016", "2016-02-29"), ("1/10/2020", "2020-01-10"), ("10/1/2020", "2020-10-01"),
     ("2005/09/01", "2005-09-01"), ("2016/02/29", "2016-02-29")],
)  # fmt: skip
def test_month_day_year_worked_by_hand(text: str, day: str) -> None:
    assert datetime.date.fromordinal(int(csv_dates.dates(cells_of([f"x,{text}"], 2), 1)[0])).isoformat() == day


@pytest.mark.parametrize(
    "text",
    ["2/30/2016", "13/1/2005", "0/1/2005", "9/0/2005", "9/1/05", "9/1/20051", "2005/9/1", "9-1-2005", "9/1//2005",
     "2005/13/01", "2005/02/30", "2005-09/01", "2005/09-01",
     "/91/2005", "9/111/2005", "123/1/2005", "9/1/1899", "9/1/2200", "9/1/2:05", "9:/1/2005", " 9/1/2005",
     "9/1112005", "12/11-2005", "9/1-2005", "9-1/2005", "10/10/20051", "11111/2005", "1111/2005"],
)  # fmt: skip
def test_month_day_year_dates_the_row_by_row_path_refuses_or_reads_otherwise_are_left_to_it(text: str) -> None:
    with pytest.raises(Plainness):
        csv_dates.dates(cells_of([f"x,{text}"], 2), 1)


@pytest.mark.parametrize(
    "text", ["2018-02-29", "2018-13-01", "2018-00-10", "2018-06-31", "1899-12-31", "2200-01-01", "2018-6-16 "]
)
def test_dates_the_row_by_row_path_refuses_are_left_to_it(text: str) -> None:
    with pytest.raises(InputError):
        to_date(text.strip() if text.strip() != text else text)
    with pytest.raises(Plainness):
        csv_dates.dates(cells_of([f"x,{text}"], 2), 1)


def test_leap_days_and_the_range_ends_are_read() -> None:
    cells = cells_of(["a,2016-02-29", "b,1900-01-01", "c,2199-12-31"], 2)
    got = [datetime.date.fromordinal(int(d)).isoformat() for d in csv_dates.dates(cells, 1)]
    assert got == ["2016-02-29", "1900-01-01", "2199-12-31"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["Ed. Asst. B", "Ed. Asst.", "", "20", "Zoë", "ab", "ba", "a"]), min_size=1, max_size=30)
)
def test_distinct_cells_share_a_number_exactly(values: list[str]) -> None:
    cells = cells_of([f"{v},x" for v in values], 2)
    numbers, rows = csv_bytes.distinct(cells, [0])
    for i, a in enumerate(values):
        for j, b in enumerate(values):
            assert (numbers[i] == numbers[j]) == (a == b)
    assert [values[r] for r in rows] == sorted(set(values), key=lambda v: numbers[values.index(v)])


def test_distinct_cells_sharing_a_hash_are_told_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_bytes, "_hashed", lambda words: np.zeros(len(words), dtype=np.uint64))
    cells = cells_of(["a,1", "b,1", "a,1", "ab,2"], 2)
    numbers, _ = csv_bytes.distinct(cells, [0, 1])
    assert numbers[0] == numbers[2] and len({numbers[0], numbers[1], numbers[3]}) == 3


@pytest.mark.parametrize(
    ("cell", "padded"),
    [
        ("E1", False),
        (" E1", True),
        ("E1 ", True),
        ("E1\t", True),
        ("E\u00a01", False),
        ("E1\u00a0", True),
        ("\u3000E1", True),
        ("Zoë", False),
        ("", False),
        ("\x1fE", True),
    ],
)
def test_padded_cells_are_those_strip_would_change(cell: str, padded: bool) -> None:
    assert csv_bytes.padded(cells_of([f"{cell},x"], 2), 0) is padded
    assert (cell != cell.strip()) is padded


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-(10**13), 10**13), min_size=1, max_size=30))
def test_money_and_digits_read_as_python_writes_them(values: list[int]) -> None:
    cents = np.array(values, dtype=np.int64)
    line = csv_lines.lines([*csv_lines.money(cents), csv_lines.constant(b",", len(values)),
                            csv_lines.digits(np.abs(cents)), csv_lines.constant(b"\n", len(values))])  # fmt: skip
    assert line.decode() == "".join(f"{Decimal(v).scaleb(-2)},{abs(v)}\n" for v in values)


@given(st.lists(st.lists(st.binary(max_size=6), min_size=3, max_size=3), max_size=30))
def test_lines_put_each_part_of_a_line_in_place(rows: list[list[bytes]]) -> None:
    """Parts of every width, empty ones among them, from one buffer each: each line its parts joined."""
    columns = [[row[n] for row in rows] for n in range(3)]
    parts = []
    for column in columns:
        buffer = b"".join(column)
        lengths = np.array([len(cell) for cell in column], dtype=np.int64)
        starts = np.cumsum(lengths) - lengths
        parts.append(csv_lines.Part(np.frombuffer(buffer or b"\0", dtype=np.uint8), starts, lengths))
    assert csv_lines.lines(parts) == b"".join(b"".join(row) for row in rows)


def test_the_formula_guard_marks_the_cells_a_spreadsheet_would_run() -> None:
    cells = cells_of(["=1+1,x", "+A1,x", "-3,x", "@SUM,x", "plain,x", ",x"], 2)
    rows = np.arange(6)
    parts = [csv_lines.guard(cells, rows, 0, ("=", "+", "-", "@")), csv_lines.cell(cells, rows, 0)]
    got = csv_lines.lines([*parts, csv_lines.constant(b"\n", 6)]).decode().splitlines()
    assert got == ["'=1+1", "'+A1", "'-3", "'@SUM", "plain", ""]


CELL = st.text(alphabet='ab ,Zñ-1"\t', max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(CELL, CELL, st.booleans(), st.booleans()), min_size=1, max_size=8))
def test_cells_in_quotes_are_read_as_the_csv_module_reads_them_or_left_to_it(rows: list[Any]) -> None:
    """Each cell bare or in quotes (doubled quotes inside some); what split reads (and which cells it would write
    back in quotes, each quote doubled) is what the csv module reads and writes, or the block is refused."""
    lines = [",".join(f'"{c}"' if q else c for c, q in ((a, qa), (b, qb))) for a, b, qa, qb in rows]
    block = ("\n".join(lines) + "\n").encode()
    try:
        cells = csv_bytes.split(block, 2)
    except Plainness:
        return
    whole = list(csv.reader(io.StringIO(block.decode())))
    assert all(not cell.strip(" \t") for row in whole for cell in row[2:])  # past the header: read only if blank
    read = [[*row, "", ""][:2] for row in whole]  # as csv.DictReader reads them: a short line's missing cells blank
    everything = np.arange(len(rows))
    assert [list(pair) for pair in zip(cells.text(everything, 0), cells.text(everything, 1), strict=True)] == read
    trimmed = csv_bytes.split(block, 2, trim=True)  # as the rules read each cell: stripped
    pairs = zip(trimmed.text(everything, 0), trimmed.text(everything, 1), strict=True)
    assert [list(pair) for pair in pairs] == [[cell.strip() for cell in row] for row in read]
    written = [['"' + c.replace('"', '""') + '"' if q else c
                for c, q in zip(r, (cells.quoted(everything, n)[i] for n in (0, 1)), strict=True)]
               for i, r in enumerate(read)]  # fmt: skip
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\n").writerows(read)
    assert "".join(",".join(r) + "\n" for r in written) == expected.getvalue()


@pytest.mark.parametrize(
    ("line", "cells", "quoted"),
    [
        ('"Smith, Jane",1', ["Smith, Jane", "1"], [True, False]),
        ('"",x', ["", "x"], [False, False]),  # an empty cell in quotes: written back bare
        ('a,"b"', ["a", "b"], [False, False]),
        ('",",","', [",", ","], [True, True]),
        ('a,"b""c"', ["a", 'b"c'], [False, True]),  # a doubled quote: written back in quotes, doubled again
        ('"""Bob"", Lee",""""', ['"Bob", Lee', '"'], [True, True]),
        ('"=1,2",-', ["=1,2", "-"], [True, False]),
    ],
)
def test_cells_in_quotes_are_read_in_columns(line: str, cells: list[str], quoted: list[bool]) -> None:
    """Shapes exports write, read here (not left to the row-by-row path) as the csv module reads them."""
    block = (line + "\n" + line + "\n").encode()
    read = csv_bytes.split(block, 2)
    both = np.arange(2)
    assert [read.text(both, n) for n in (0, 1)] == [[cell, cell] for cell in cells]
    assert [read.quoted(both, n).tolist() for n in (0, 1)] == [[q, q] for q in quoted]
    assert next(csv.reader([line])) == cells


@pytest.mark.parametrize(
    "block",
    [
        b'a,"b"""c"\n',
        b'a,b""c\n',
        b'a,"b\n',
        b'a,b"c"\n',
        b'a,"b"c\n',
        b'"a\n",b\n',
        b"a,b\rc\n",
        b"a,b\x00\n",
        b"a,\xff\n",
        b"a,b\r\r\n",
    ],
    ids=[
        "three quotes inside",
        "doubled quote in a bare cell",
        "open quote",
        "quote in a bare cell",
        "text after quotes",
        "line break in quotes",
        "lone carriage return",
        "NUL",
        "not UTF-8",
        "two carriage returns",
    ],
)
def test_blocks_the_csv_module_reads_otherwise_are_refused(block: bytes) -> None:
    with pytest.raises(Plainness):
        csv_bytes.check(block)
        csv_bytes.split(block, 2)


@pytest.mark.parametrize(
    "block", [b"a,b,c\n", b"a,b, ,x\n", b'a,b,""\n', b"a,b"], ids=["long", "x", "quoted", "unended"]
)
def test_lines_with_cells_past_the_header_or_unended_are_refused(block: bytes) -> None:
    with pytest.raises(Plainness):
        csv_bytes.split(block, 2)


def test_a_short_line_is_read_with_blank_cells_and_a_long_one_without_its_blank_cells_past_the_header() -> None:
    cells = csv_bytes.split(b"a,b,c\nd\ne,f,g, ,\t\n", 3)
    assert [cells.text([0, 1, 2], n) for n in range(3)] == [["a", "d", "e"], ["b", "", "f"], ["c", "", "g"]]


@pytest.mark.parametrize("block", [b"a,b\n\nc,d\n", b"\r\na,b\r\n\r\nc,d\r\n\r\n", b"\na,b\nc,d\n\n"])
def test_blank_lines_are_left_out_when_a_block_is_split(block: bytes) -> None:
    cells = csv_bytes.split(block, 2)
    assert [cells.text([0, 1], 0), cells.text([0, 1], 1)] == [["a", "c"], ["b", "d"]]


def test_a_crlf_block_is_cut_before_each_carriage_return() -> None:
    cells = csv_bytes.split(b"a,b\r\nc,d\r\n", 2)
    assert [cells.text([0, 1], 1)] == [["b", "d"]]


@pytest.mark.parametrize("method", ["semimonthly", "monthly", "biweekly", "daily"])
def test_every_start_and_end_around_the_period_edges_of_a_leap_winter(method: str) -> None:
    """Each start from 2019-12-01 to 2020-03-31 (the 1st, the 15th, the 16th, every month's end, Feb 29)
    with runs of 0 to 400 days, at three rates: the arrays give the scalar pieces, every one."""
    starts = [datetime.date(2019, 12, 1) + datetime.timedelta(days=n) for n in range(122)]
    lengths = [0, 1, 12, 13, 14, 15, 16, 27, 28, 29, 30, 31, 45, 60, 400]
    drawn = [(rate, s, n) for rate in [(33352, 1), (1234567, 100), (20, 7)] for s in starts for n in lengths]
    if method == "biweekly":
        assert period_arrays.biweekly(5, *arrays(drawn)).tolist() == scalar(
            lambda r, a, b: periods.biweekly(5, r, a, b), drawn
        )
    else:
        assert getattr(period_arrays, method)(*arrays(drawn)).tolist() == scalar(getattr(periods, method), drawn)


@pytest.mark.parametrize(
    "cell",
    [
        "\x0bE",
        "E\x0c",
        "\x1cE",
        "E\x1d",
        "\x1eE",
        "E\x1f",
        "\x85E",
        "E\x85",
        "\u1680E",
        "\u2000E",
        "E\u2000",
        "\u205fE",
        "E\u3000",
    ],
)
def test_every_kind_of_white_space_around_a_cell_is_found(cell: str) -> None:
    block = f"{cell},x\n".encode()
    assert csv_bytes.padded(csv_bytes.split(block, 2), 0)


@pytest.mark.parametrize("cell", ["é", "Ā", "\u0100x", "x\u0100", "ÿ", "\u00a0\u00a0x"[1:]])
def test_letters_whose_bytes_look_like_white_space_are_not_padding(cell: str) -> None:
    assert csv_bytes.padded(csv_bytes.split(f"{cell},x\n".encode(), 2), 0) is (cell != cell.strip())


@pytest.mark.parametrize("text", ["2018-0:-16", "2018-06-1:", ":018-06-16", "2018/0:/16", "2018-06_16"])
def test_a_date_with_a_byte_just_past_the_digits_is_left_to_the_row_by_row_path(text: str) -> None:
    with pytest.raises(Plainness):
        csv_dates.dates(cells_of([f"x,{text}"], 2), 1)


def test_cells_up_to_256_bytes_are_compared_here_and_wider_ones_row_by_row() -> None:
    csv_bytes.distinct(cells_of(["a" * 256 + ",x"], 2), [0])
    with pytest.raises(Plainness):
        csv_bytes.distinct(cells_of(["a" * 257 + ",x"], 2), [0])


def test_digits_at_each_width_edge() -> None:
    values = [0, 1, 9, 10, 11, 99, 100, 999, 1000, 10**6 - 1, 10**6, 10**12]
    line = csv_lines.lines([csv_lines.digits(np.array(values, dtype=np.int64)), csv_lines.constant(b"\n", len(values))])
    assert line.decode().split() == [str(v) for v in values]
    cents = [-100, -99, -1, 0, 1, 99, 100, 101, 1099]
    got = csv_lines.lines([*csv_lines.money(np.array(cents, dtype=np.int64)), csv_lines.constant(b"\n", len(cents))])
    assert got.decode().split() == ["-1.00", "-0.99", "-0.01", "0.00", "0.01", "0.99", "1.00", "1.01", "10.99"]


def test_pay_cycles_of_no_runs_are_none() -> None:
    none = np.zeros(0, dtype=np.int64)
    assert period_arrays.divided(0, 26, "calendar_days", none, none, none, none).tolist() == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(-(10**12), 10**12), min_size=1, max_size=30),
    st.lists(st.decimals("0.001", "60", places=3), min_size=1, max_size=6),
)
def test_instalments_in_arrays_are_the_scalar_split(wages: list[int], parts: list[Decimal]) -> None:
    """Retro wages in cents (overpaid ones too: negative, rounded half away from zero as Decimal's half up)
    split into instalments whose shares add up to 100, the last taking what is left."""
    from paycalc.contract.models import Instalment
    from paycalc.output.roster_groups import instalments
    from paycalc.output.totals_layout import shares_of
    from paycalc.rules.proposal import split

    shares = [*parts, Decimal(100) - sum(parts, Decimal(0))]
    if shares[-1] <= 0:
        return
    plan = tuple(Instalment(datetime.date(2020, 1, 1) + datetime.timedelta(days=n), s) for n, s in enumerate(shares))
    got = instalments(np.array(wages, dtype=np.int64), shares_of(plan))
    for n, cents in enumerate(wages):
        expected = [int(amount * 100) for _, amount in split(Decimal(cents).scaleb(-2), plan)]
        assert [int(part[n]) for part in got] == expected


def test_an_instalment_share_too_fine_for_int64_is_refused() -> None:
    from paycalc.contract.models import Instalment
    from paycalc.membership.unpriced import Unpriced
    from paycalc.output.roster_groups import instalments
    from paycalc.output.totals_layout import shares_of

    fine = Decimal("33.3333333333333333333333")  # 333..3 / 10**22: a numerator past 2**62 / the wages
    plan = (Instalment(datetime.date(2020, 1, 1), fine), Instalment(datetime.date(2021, 1, 1), 100 - fine))
    with pytest.raises(Unpriced):
        instalments(np.array([10**6], dtype=np.int64), shares_of(plan))
    # 12.3456789 is 123,456,789 / 10**7: times $1,000,000,000 in cents (10**11) it is past 2**63
    finer = (
        Instalment(datetime.date(2020, 1, 1), Decimal("12.3456789")),
        Instalment(datetime.date(2021, 1, 1), 100 - Decimal("12.3456789")),
    )
    with pytest.raises(Unpriced):
        instalments(np.array([1, 10**11], dtype=np.int64), shares_of(finer))
    # 12.34567890123456 is 19,290,123,283,179 / 1,562,500,000,000: a denominator past 2**40, on any wages
    finest = (Instalment(datetime.date(2020, 1, 1), Decimal("12.34567890123456")), plan[1])
    with pytest.raises(Unpriced):
        instalments(np.array([1], dtype=np.int64), shares_of(finest))
    one, two = datetime.date(2020, 1, 1), datetime.date(2021, 1, 1)
    plain = (Instalment(one, Decimal("12.5")), Instalment(two, Decimal("87.5")))
    # 300 cents x 12.5% = 37.5 cents -> 38 (half up); the last takes the rest, 262
    assert [int(part[0]) for part in instalments(np.array([300, -300], dtype=np.int64), shares_of(plain))] == [38, 262]
    assert [int(part[1]) for part in instalments(np.array([300, -300], dtype=np.int64), shares_of(plain))] == [
        -38,
        -262,
    ]


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        (b"a,b\n\nc,d\n", b"a,b\nc,d\n"),
        (b"a,b\r\n\r\nc,d\r\n\r\n", b"a,b\r\nc,d\r\n"),
        (b"\na,b\n\n\n", b"a,b\n"),
        (b'a,"x\n\ny"\n', b'a,"x\ny"\n'),  # a line break inside quotes stays one: the block is still refused
        (b"a,b\n  \n", b"a,b\n  \n"),  # spaces are a row to the csv module, not a blank line
        (b"a,b\n", b"a,b\n"),
    ],
)
def test_blank_lines_are_left_out_as_the_csv_module_skips_them(block: bytes, kept: bytes) -> None:
    assert csv_bytes.without_blank_lines(block) == kept
    rows = [row for row in csv.reader(io.StringIO(block.decode(), newline="")) if row]
    if b'"' not in block:
        assert rows == list(csv.reader(io.StringIO(kept.decode(), newline="")))


@pytest.mark.parametrize("position", [0, 1, 2, 3, 5, 6, 8, 9])
def test_a_date_with_a_byte_just_past_the_digits_is_refused(position: int) -> None:
    """':' is the byte after '9': read as a digit it would be 10 (``201:`` the year 2020), so every digit
    place is checked, as the row-by-row path refuses such a date."""
    day = list("2010-05-01")
    day[position] = ":"
    cells = cells_of(["".join(day)], 1)
    with pytest.raises(Plainness):
        csv_dates.dates(cells, 0)
    with pytest.raises(InputError):
        to_date("".join(day), "hire date")


@pytest.mark.parametrize("block", [b'a,"b\nc",d\n', b'"a\n",b\nc,d\n', b'a,"b,\nc",d\n'])
def test_a_line_break_inside_quotes_is_said_so(block: bytes) -> None:
    """Each line's commas may still count the header's: the quotes' pairs are what tell (the csv module reads the
    two lines as one row)."""
    with pytest.raises(csv_bytes.Plainness, match="a line break inside quotes"):
        csv_bytes.split(block, 2)
