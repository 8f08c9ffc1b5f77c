"""Roster shapes and options at random, the columns against row by row (#30): NYC, Lunenburg (its offer, its
correction) and the hourly example; plain, quoted, BOM and CRLF, month/day/year CSVs and workbooks; CSV, JSON and
workbook outputs; a bad cell now and then, an id again after others, ``--skip-invalid``. The same exit code,
output, file and errors (notes aside), whichever path answers. Found: an offer that replaces its base's schedule
priced in columns as paid the offer's scale."""

from __future__ import annotations

import csv
import datetime
import io
import random
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
NYC = ["Teacher Aide", "Ed. Asst. B", "Aux. Trainer B", "Ed. Assoc."]
LUN = ["High School", "Associate's", "Bachelor's", "Licensed Bachelor's"]
HOURLY = ["Paraeducator", "Special Education Paraeducator"]
EX = str(Path(__file__).parent.parent / "examples" / "hourly-local")
NAMES = ["Smith, Jane", "Lee", "O'Neil", 'Ann "Bo" Lee', "Nuñez, Rosa", ""]


def roster(rng: random.Random, kind: str) -> tuple[list[str], list[list[str]], bool]:
    cols = ["id", "title"]
    if kind == "nyc":
        first, span, titles = datetime.date(2009, 11, 1), 3000, NYC
    elif kind == "hourly":
        first, span, titles = datetime.date(2024, 7, 1), 700, HOURLY
    else:
        first, span, titles = datetime.date(2025, 7, 2), 900, LUN
    use_step = kind != "nyc" and rng.random() < 0.5
    cols += ["step"] if use_step else ["hired"]
    dated = rng.random() < 0.8
    if dated:
        cols += ["from", "to"]
    extra = rng.sample(
        ["hours", "hours_per_day", "paid_annual", "paid_schedule", "name", "school"], rng.randrange(0, 3)
    )
    if kind == "nyc" and "hours_per_day" in extra:
        extra.remove("hours_per_day")
    if kind != "nyc" and "hours" in extra:
        extra.remove("hours")
    cols += extra
    rows: list[list[str]] = []
    for n in range(rng.randrange(1, 25)):
        start = first + datetime.timedelta(days=rng.randrange(span))
        end = start + datetime.timedelta(days=rng.choice([0, 13, 30, 200, 365]))
        hired = start - datetime.timedelta(days=rng.choice([0, 1, 400, rng.randrange(6000)]))
        cells = {
            "id": f"M{n:03d}",
            "title": rng.choice(titles),
            "step": str(rng.randrange(1, 8)),
            "hired": hired.isoformat(),
            "from": start.isoformat(),
            "to": end.isoformat(),
            "hours": rng.choice(["", "20", "17.5"]),
            "hours_per_day": rng.choice(["", "6", "6.5"]),
            "paid_annual": rng.choice(
                ["", "", "25000", "31000.55", f"{rng.randrange(20000, 40000)}.{rng.randrange(100):02d}"]
            ),
            "paid_schedule": rng.choice(["", "", "", "2013-05-01" if kind == "nyc" else ""]),
            "name": rng.choice(NAMES),
            "school": rng.choice(["PS 1", "", "MS, 2"]),
        }
        if cells["paid_schedule"] and cells["paid_annual"]:
            cells["paid_annual"] = ""
        rows.append([cells[c] for c in cols])
    if rng.random() < 0.15:  # one bad cell
        r, c = rng.randrange(len(rows)), rng.randrange(1, len(cols))
        rows[r][c] = rng.choice(["soon", "Janitor", "-5", "2019-02-30", "", "1e3"])
    if rng.random() < 0.1 and len(rows) > 2:  # an id again after others
        rows.append(list(rows[0]))
    return cols, rows, dated


def write(path: str, cols: list[str], rows: list[list[str]], rng: random.Random, fmt: str) -> None:
    if fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(cols)
        for row in rows:
            out: list[Any] = []
            for c, v in zip(cols, row, strict=False):
                if c in ("hired", "from", "to", "paid_schedule") and v[:2] in ("19", "20") and rng.random() < 0.6:
                    try:
                        out.append(datetime.date.fromisoformat(v))
                    except ValueError:
                        out.append(v)
                elif c in ("step", "hours", "hours_per_day") and v.replace(".", "").isdigit() and rng.random() < 0.6:
                    out.append(float(v) if "." in v else int(v))
                else:
                    out.append(v or None)
            sheet.append(out)
        book.save(path)
        return
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if fmt == "allquoted" else csv.QUOTE_MINIMAL
    csv.writer(out, lineterminator="\r\n" if fmt == "crlf" else "\n", quoting=quoting).writerows([cols, *rows])
    text = out.getvalue()
    if fmt == "us":
        text = re.sub(r"(\d{4})-(\d{2})-(\d{2})", lambda m: f"{int(m[2])}/{int(m[3])}/{m[1]}", text)
    Path(path).write_bytes(("\ufeff" if fmt == "crlf" else "").encode() + text.encode())


def options(rng: random.Random, kind: str, dated: bool) -> list[str]:
    opts = []
    if kind == "nyc":
        opts += rng.choice([[], [], ["--proposal", "uft-2019-2022"], ["--proposal", "moa-2014"]])
        opts += rng.choice(
            [[], ["--method", "monthly"], ["--method", "daily"], ["--method", "biweekly", "--anchor", "2009-01-02"]]
        )
    elif kind == "hourly":
        opts += ["--schedules", EX]
        opts += rng.choice([[], ["--method", "monthly"]])
    else:
        opts += ["--contract", "lunenburg-paras"]
        opts += rng.choice([[], ["--pay-cycles", "22"], ["--pay-cycles", "26"]])
        opts += rng.choice(
            [[], [], ["--paid-contract", "lunenburg-paras-posted"], ["--proposal", "lunenburg-plus-1-hour"]]
        )
    if not dated:
        if kind == "nyc":
            opts += ["--from", "2013-05-01", "--to", "2014-09-30"]
        elif kind == "hourly":
            opts += ["--from", "2024-07-01", "--to", "2025-06-30"]
        else:
            opts += ["--from", "2025-07-02", "--to", "2027-06-30"]
    if rng.random() < 0.2 and "--paid-contract" not in opts:
        opts += rng.choice(
            [["--paid-annual", "26000"], ["--paid-schedule", "2013-05-01"]]
            if kind == "nyc"
            else [["--paid-annual", "26000"]]
        )
    if rng.random() < 0.15 and kind == "nyc" and "--proposal" in opts:
        opts += ["--instalments", "2019-01-15:50,2019-06-15:50"]
    if rng.random() < 0.3:
        opts += ["--skip-invalid"]
    return opts


def read_out(path: str) -> Any:
    if path.endswith(".xlsx"):
        sheet = load_workbook(path).active
        assert sheet is not None
        return [[(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]
    return Path(path).read_bytes()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6))
@example(seed=47)  # Lunenburg under an offer that replaces its base's schedule: the columns paid the offer's
def test_random_shapes_and_options_answer_alike_in_columns_and_row_by_row(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    kind = rng.choice(["nyc", "nyc", "lun", "hourly"])
    cols, rows, dated = roster(rng, kind)
    fmt = rng.choice(["plain", "plain", "allquoted", "crlf", "us", "xlsx", "xlsx"])
    src = str(tmp_path / ("roster." + ("xlsx" if fmt == "xlsx" else "csv")))
    write(src, cols, rows, rng, fmt)
    opts = options(rng, kind, dated)
    into = rng.choice(["csv", "json", "xlsx", "stdout", "stdout-json"])
    found = []
    for mode in ("1", ""):
        out = str(tmp_path / f"out{mode}.{into if into in ('csv', 'json', 'xlsx') else 'x'}")
        args = ["retro", "--roster", src, *opts]
        args += ["-o", out] if into in ("csv", "json", "xlsx") else []
        args += ["-f", "json"] if into in ("json", "stdout-json") else []
        result = runner.invoke(app, args, env={"PAYCALC_ROW_BY_ROW": mode})
        assert result.exit_code in (0, 1, 3), result.output  # done, refused, or rows left out as asked
        written = read_out(out) if result.exit_code != 1 and into in ("csv", "json", "xlsx") else None
        errors = [line for line in result.stderr.splitlines() if not line.startswith("Note:")]
        found.append((result.exit_code, result.stdout, written, errors))
    assert found[1] == found[0], (kind, fmt, opts, into)
