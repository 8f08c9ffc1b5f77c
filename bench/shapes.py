"""Roster shapes at the columnar engine's speed: `paycalc retro --roster` on one membership written as
exports write it, timed against the plain CSV in one run (interleaved rounds, medians), as ratios.

Shapes (the same members, the same totals): the plain CSV; a `name` column in quotes ("Smith, Jane"); every cell in
quotes (some exporters); a byte-order mark and Windows line ends (Excel's "CSV UTF-8"); the named roster as an
.xlsx workbook (dates as date cells, hours as numbers), where committees keep rosters, and the same with its text in a
shared string table as Excel saves it; dates as Excel's CSV writes
them (9/1/2005), and with a time of midnight (9/1/2005 0:00, a date-time cell); a spreadsheet's trailing commas;
lines shorter than the header (a blank last cell left off); six columns carried through (2.3 times the bytes);
names with a quote inside; a space after each comma; the plain roster's totals as JSON and as a
workbook, and read from stdin; paid in 22 biweekly checks over the school year; its daily pay; under a proposal
with a lump sum and retro in instalments (moa-2014); its days given by --from and --to instead of columns. Then,
their totals not compared with the plain one's: each member paid an amount of their own (a `paid_annual` column);
a roster of the hourly example contract (steps each July 1, a freeze, differentials); the plain roster with one row
in 10,000 under a title the contract has not, left out by --skip-invalid, and with one row in 50 hired after its
first day (owed from the hire date); and a Lunenburg roster of
as many members with a step column and names, on 22 checks a year (the contract's own pay: issue 30's goal is
1.5x), the same as the district's workbook (its totals held to its CSV's), and its correction against the
posted scale by fiscal year (--paid-contract). Each shape's output is compared with the plain one's, byte for
byte but for the name column. Then `cost` of the plain roster and of its workbook (a retro roster reused: rows
with days of their own, an id on several rows), and of the same members as a costing roster (one row each, a
name in quotes) and its workbook, all in columns.

The plain roster, the unit, runs first and last in each round (its median of both).

    python bench/shapes.py                    # 100,000 employees, 3 rounds
    python bench/shapes.py --employees 20000 --rounds 5
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from roster import run, start_launcher, write_roster

NAMES = ["Smith, Jane", "Ortiz, Ana", "Lee, Min-jun", "Nuñez, Rosa", "O'Neil, Pat"]


def shapes(plain: Path) -> dict[str, Path]:
    """The plain roster written again in each shape."""
    rows = list(csv.reader(plain.open(newline="")))
    rng = random.Random(7)
    named = [[*rows[0], "name"]] + [[*row, rng.choice(NAMES)] for row in rows[1:]]
    out: dict[str, Path] = {"plain": plain}
    for shape, table, options in [
        ("quoted names", named, {}),
        ("every cell quoted", named, {"quoting": csv.QUOTE_ALL}),
        ("BOM + CRLF", rows, {"lineterminator": "\r\n"}),
    ]:
        path = plain.with_name(shape.replace(" ", "-").replace("+", "") + ".csv")
        with path.open("w", newline="", encoding="utf-8-sig" if "BOM" in shape else "utf-8") as file:
            csv.writer(file, **options).writerows(table)  # type: ignore[arg-type]
        out[shape] = path
    nicknamed = [named[0]] + [[*row[:-1], row[-1].replace(", ", ' "Bob", ')] for row in named[1:]]
    path = plain.with_name("nicknames.csv")  # a quote inside a quoted name: "Smith, ""Bob"" Jane"
    with path.open("w", newline="") as file:
        csv.writer(file).writerows(nicknamed)
    out["quotes in names"] = path
    spaced = plain.with_name("spaced.csv")  # a hand-made roster: a space after each comma
    spaced.write_text("".join(", ".join(row) + "\n" for row in rows))
    out["spaces after commas"] = spaced
    us = plain.with_name("us-dates.csv")  # dates as Excel's CSV writes them: 9/1/2005
    with us.open("w", newline="") as file:
        csv.writer(file).writerows([rows[0]] + [[_us(cell) for cell in row] for row in rows[1:]])
    out["US dates (m/d/y)"] = us
    timed = plain.with_name("timed.csv")  # dates as Excel's CSV writes a date-time cell: 9/1/2005 0:00
    with timed.open("w", newline="") as file:
        csv.writer(file).writerows(
            [rows[0]] + [[_us(c) + (" 0:00" if _us(c) != c else "") for c in r] for r in rows[1:]]
        )
    out["dates with 0:00"] = timed
    trailing = plain.with_name("trailing.csv")  # a sheet's used range wider than its columns: ",," on every line
    trailing.write_text("".join(",".join(row) + ",,\n" for row in rows))
    out["trailing commas"] = trailing
    short = plain.with_name("short.csv")  # hours last, left off where blank: lines shorter than the header
    order = [0, 1, 2, 3, 4, 6, 5]
    short.write_text("".join(",".join([row[n] for n in order]).removesuffix(",") + "\n" for row in rows))
    out["short lines"] = short
    wide = plain.with_name("wide.csv")  # a district's export: six columns carried through, one in quotes
    extra = ["school", "email", "phone", "union_id", "status", "notes"]
    with wide.open("w", newline="") as file:
        cells = ["P.S. 123 Manhattan", "{}@schools.org", "(212) 555-0100", "{}", "Active", "ok, checked"]
        body = [[*row, *(c.format(row[0].lower()) for c in cells)] for row in rows[1:]]
        csv.writer(file).writerows([rows[0] + extra, *body])
    out["6 carried columns"] = wide
    notes = plain.with_name("notes.csv")  # a notes column, one cell in 100 with a line break in it (Alt+Enter)
    with notes.open("w", newline="") as file:
        noted = [[*row, "called 3/2\nleft message" if n % 100 == 7 else "ok"] for n, row in enumerate(rows[1:])]
        csv.writer(file).writerows([rows[0] + ["notes"], *noted])
    out["line breaks in cells"] = notes
    own = plain.with_name("own-hours.csv")  # each member's own hours, to the hundredth (2,500 distinct values)
    at = rows[0].index("hours")
    with own.open("w", newline="") as file:
        timed = [[*r[:at], f"{rng.uniform(10, 35):.2f}", *r[at + 1 :]] for r in rows[1:]]
        csv.writer(file).writerows([rows[0], *timed])
    out["own hours"] = own
    out["xlsx, names"] = _workbook(named, plain.with_name("named.xlsx"))
    out["xlsx, shared strings"] = _shared(out["xlsx, names"], plain.with_name("shared.xlsx"))
    return out


def _shared(book: Path, path: Path) -> Path:
    """The workbook with its text in a shared string table, as Excel saves one (openpyxl writes it inline)."""
    import re
    import zipfile

    with zipfile.ZipFile(book) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    table: dict[str, int] = {}
    sheet = re.sub(
        r't="inlineStr"><is><t>(.*?)</t></is>',
        lambda text: f't="s"><v>{table.setdefault(text.group(1), len(table))}</v>',
        parts["xl/worksheets/sheet1.xml"].decode(),
    )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shared = "".join(f"<si><t>{text}</t></si>" for text in table)  # escaped as the sheet held it
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{main}" uniqueCount="{len(table)}">{shared}</sst>'.encode()
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'.encode()
    )
    link = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdShared" Type="{link}" Target="sharedStrings.xml"/></Relationships>'.encode(),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    return path


def _us(cell: str) -> str:
    """An ISO date as month/day/year (``2005-09-01`` as ``9/1/2005``); any other cell as it is."""
    if len(cell) == 10 and cell[4] == cell[7] == "-":
        return f"{int(cell[5:7])}/{int(cell[8:])}/{cell[:4]}"
    return cell


def _table(path: Path) -> list[list[str]]:
    return list(csv.reader(path.open(newline="")))


def _refused(plain: Path) -> Path:
    """The roster with one row in 10,000 under a title the contract has not (``Lunch Aide``, as a district's
    export has a few), for ``--skip-invalid`` to leave out."""
    return _changed(plain, plain.stem + "-refused.csv", 1, "Lunch Aide", 5000, 10_000)


def _late(plain: Path) -> Path:
    """The plain roster with one row in 50 hired after its first day (a new hire listed from the contract's first
    day, as a district's retro roster lists everyone): owed from the hire date."""
    return _changed(plain, "late.csv", 2, "2012-03-01", 8, 50)


def _changed(plain: Path, name: str, column: int, value: str, first: int, every: int) -> Path:
    """``plain`` written again beside it as ``name``, the cell of ``column`` made ``value`` in row ``first`` and
    each ``every`` rows after it."""
    path = plain.with_name(name)
    if not path.exists():
        table = _table(plain)
        for n in range(first, len(table), every):
            table[n][column] = value
        with path.open("w", newline="") as file:
            csv.writer(file).writerows(table)
    return path


def _own_hours(members: Path) -> Path:
    """The costing roster with each member's own hours, to the hundredth (2,500 distinct values)."""
    rng, table = random.Random(5), _table(members)
    at = table[0].index("hours")
    path = members.with_name("members-own-hours.csv")
    with path.open("w", newline="") as file:
        body = [[*r[:at], f"{rng.uniform(10, 35):.2f}", *r[at + 1 :]] for r in table[1:]]
        csv.writer(file).writerows([table[0], *body])
    return path


def _members(plain: Path) -> Path:
    """The plain roster as a costing roster: each member once (``id,title,hired,hours``) with a name in quotes."""
    path = plain.with_name("members.csv")
    rng, seen = random.Random(5), set()
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "hired", "hours", "name"])
        for row in _table(plain)[1:]:
            if row[0] not in seen:
                seen.add(row[0])
                writer.writerow([row[0], row[1], row[2], row[5], rng.choice(NAMES)])
    return path


def _amounts(plain: Path) -> Path:
    """The plain roster with what each member was paid instead of the schedule paid: an amount of their own
    (``paid_annual``, in cents, nearly every one distinct), as a district's payroll export gives it."""
    path = plain.with_name("amounts.csv")
    if not path.exists():
        rng = random.Random(5)
        rows = list(csv.reader(plain.open(newline="")))
        with path.open("w", newline="") as file:
            writer = csv.writer(file)
            writer.writerow([*rows[0][:-1], "paid_annual"])
            writer.writerows([*row[:-1], f"{rng.randrange(20000, 40000)}.{rng.randrange(100):02d}"] for row in rows[1:])
    return path


EXAMPLE = Path(__file__).parent.parent / "examples" / "hourly-local"  # steps each July 1, a freeze, differentials


def _hourly(plain: Path, employees: int) -> Path:
    """A roster of the hourly example contract: hire dates over 23 years, hours a day, differentials, names."""
    path = plain.with_name("hourly.csv")
    if not path.exists():
        rng = random.Random(9)
        titles, extras = ["Paraeducator", "Special Education Paraeducator"], ["", "", "associate", "bachelor;behavior"]
        with path.open("w", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["id", "title", "hired", "from", "to", "hours_per_day", "differentials", "name"])
            for n in range(employees):
                hired = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(8500))
                row = [f"M{n:06d}", rng.choice(titles), hired.isoformat(), "2024-07-01", "2026-06-30"]
                writer.writerow([*row, rng.choice(["", "6", "7"]), rng.choice(extras), rng.choice(NAMES)])
    return path


def _lunenburg(path: Path, employees: int) -> Path:
    """A Lunenburg roster as the district exports it: each member's column and the step the row starts on."""
    if not path.exists():
        rng = random.Random(11)
        columns = ["High School", "Associate's", "Bachelor's", "Licensed Bachelor's"]
        with path.open("w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["id", "title", "step", "from", "to", "name"])
            for n in range(employees):
                step = rng.randrange(1, 10)
                writer.writerow([f"L{n:06d}", rng.choice(columns), step, "2025-07-02", "2027-06-30", rng.choice(NAMES)])
    return path


def _undated(plain: Path, path: Path) -> Path:
    """The plain roster without its from and to columns (one row per id: the rows of a title change dropped),
    for --from and --to to fill."""
    if not path.exists():
        rows = list(csv.reader(plain.open(newline="")))
        seen: set[str] = set()
        with path.open("w", newline="") as out:
            writer = csv.writer(out)
            for row in rows:
                if row[0] not in seen:
                    seen.add(row[0])
                    writer.writerow([cell for n, cell in enumerate(row) if n not in (3, 4)])
    return path


def _workbook(table: list[list[str]], path: Path) -> Path:
    """The roster as a committee's workbook: dates as date cells, hours and steps as numbers, names as text."""
    import datetime

    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Roster")
    dates = {i for i, name in enumerate(table[0]) if name in ("hired", "from", "to", "paid_schedule")}
    for n, row in enumerate(table):
        if n == 0:
            sheet.append(row)
            continue
        typed: list[object] = []
        for i, cell in enumerate(row):
            if i in dates and cell:
                typed.append(datetime.date.fromisoformat(cell))
            elif table[0][i] == "hours" and cell:
                typed.append(float(cell))
            elif table[0][i] == "step" and cell:
                typed.append(int(cell))
            else:
                typed.append(cell or None)
        sheet.append(typed)
    book.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--employees", type=int, default=100_000, help="employees in the roster (default 100,000)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds, medians taken (default 3)")
    args = parser.parse_args()
    start_launcher()  # before this process holds a roster (see start_launcher)
    paycalc = str(Path(sys.executable).with_name("paycalc"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = shapes(folder / "plain.csv") if write_roster(folder / "plain.csv", args.employees) else {}
        times: dict[str, list[float]] = {shape: [] for shape in files}
        memory: dict[str, int] = {}
        for _ in range(args.rounds):
            for shape, path in files.items():
                out = path.with_name(path.stem + ".out.csv")
                elapsed, rss = run([paycalc, "retro", "--roster", str(path), "-o", str(out)])
                if shape == "plain":  # the plain roster's totals as JSON, from stdin; Lunenburg's own shape
                    lunenburg = _lunenburg(path.with_name("lunenburg-steps.csv"), args.employees)
                    seconds, peak = run([paycalc, "retro", "--roster", str(lunenburg), "--contract", "lunenburg-paras",
                                         "--pay-cycles", "22", "-o", str(lunenburg) + ".out"])  # fmt: skip
                    times.setdefault("Lunenburg steps, 22", []).append(seconds)
                    memory["Lunenburg steps, 22"] = max(memory.get("Lunenburg steps, 22", 0), peak)
                    book = lunenburg.with_suffix(".xlsx")  # the same roster as the district's workbook
                    if not book.exists():
                        _workbook(_table(lunenburg), book)
                    seconds, peak = run([paycalc, "retro", "--roster", str(book), "--contract", "lunenburg-paras",
                                         "--pay-cycles", "22", "-o", str(book) + ".out"])  # fmt: skip
                    times.setdefault("Lunenburg, xlsx", []).append(seconds)
                    memory["Lunenburg, xlsx"] = max(memory.get("Lunenburg, xlsx", 0), peak)
                    posted = ["--paid-contract", "lunenburg-paras-posted", "-o", str(lunenburg) + ".fy"]
                    seconds, peak = run([paycalc, "retro", "--roster", str(lunenburg), "--contract", "lunenburg-paras",
                                         *posted])  # fmt: skip
                    times.setdefault("Lunenburg correction", []).append(seconds)  # by fiscal year, against the posted
                    memory["Lunenburg correction"] = max(memory.get("Lunenburg correction", 0), peak)
                    undated = _undated(path, path.with_name("undated.csv"))
                    hourly = _hourly(path, args.employees)
                    retro = [paycalc, "retro", "--roster", str(path)]
                    days = ["--from", "2009-11-01", "--to", "2018-11-30"]
                    for extra, command in (
                        ("JSON output", [*retro, "-f", "json", "-o", str(out) + ".json"]),
                        ("xlsx output", [*retro, "-o", str(out) + ".xlsx"]),
                        (
                            "NYC, 22 checks",
                            [
                                *retro,
                                "--method",
                                "biweekly",
                                "--anchor",
                                "2009-01-02",
                                "--pay-cycles",
                                "22",
                                "-o",
                                str(out) + ".22",
                            ],
                        ),
                        ("stdin", ["sh", "-c", f'"{paycalc}" retro --roster - -o "{out}.stdin" < "{path}"']),
                        ("daily pay", [*retro, "--method", "daily", "-o", str(out) + ".daily"]),
                        ("lump sums, instalm.", [*retro, "--proposal", "moa-2014", "-o", str(out) + ".lumps"]),
                        ("--from/--to given", [paycalc, "retro", "--roster", str(undated), *days, "-o", f"{out}.u"]),
                        ("amounts paid, own", [*retro[:3], str(_amounts(path)), "-o", str(out) + ".paid"]),
                        ("hourly example", [*retro[:3], str(hourly), "--schedules", str(EXAMPLE), "-o", f"{out}.h"]),
                        ("a few refused rows", [*retro[:3], str(_refused(path)), "--skip-invalid", "-o", f"{out}.r"]),
                        ("hired after from", [*retro[:3], str(_late(path)), "-o", f"{out}.late"]),
                    ):
                        seconds, peak = run(command, None, (0, 3) if "--skip-invalid" in command else (0,))
                        times.setdefault(extra, []).append(seconds)
                        memory[extra] = max(memory.get(extra, 0), peak)
                times[shape].append(elapsed)
                memory[shape] = max(memory.get(shape, 0), rss)
            plain = files["plain"]  # the unit again, last in the round too: a first run after the last round's
            elapsed, _ = run([paycalc, "retro", "--roster", str(plain), "-o", str(plain) + ".again"])  # workbook
            times["plain"].append(elapsed)  # ran slow at times, and every ratio with it
        base = statistics.median(times["plain"])
        print(f"{args.employees:,} employees, {args.rounds} rounds (medians)")
        print(f"{'shape':<20} {'seconds':>8} {'vs plain':>9} {'peak MiB':>9}")
        for shape in times:
            median = statistics.median(times[shape])
            print(f"{shape:<20} {median:8.2f} {median / base:8.2f}x {memory[shape] / 1024:9.0f}")
        costing = {"plain": files.get("plain"), "xlsx, names": files.get("xlsx, names")}
        members = _members(folder / "plain.csv")  # a costing roster (one row a member, no days): in columns
        costing |= {"members": members, "members, xlsx": _workbook(_table(members), members.with_suffix(".xlsx"))}
        costing["members, refused"] = _refused(members)  # one in 10,000 under a title the contract has not
        costing["members, own hours"] = _own_hours(members)
        cost_times: dict[str, list[float]] = {shape: [] for shape in costing}
        for _ in range(args.rounds):  # `cost` of the same roster as CSV and as a workbook (the sums alone)
            for shape, path in costing.items():
                offer = ["--proposal", "uft-2019-2022", "--from", "2018-07-01", "--to", "2021-06-30", "-f", "json"]
                skip = ["--skip-invalid"] if shape.endswith("refused") else []
                codes = (0, 3) if skip else (0,)
                elapsed, _ = run([paycalc, "cost", "--roster", str(path), *offer, *skip], None, codes)
                cost_times[shape].append(elapsed)
        for shape in costing:  # each workbook against its own CSV
            median = statistics.median(cost_times[shape])
            against = "members" if shape.startswith("members") else "plain"
            ratio = median / statistics.median(cost_times[against])
            print(f"{'cost, ' + shape:<20} {median:8.2f} {ratio:8.2f}x (against cost of the {against} CSV)")
        outs = {shape: path.with_name(path.stem + ".out.csv") for shape, path in files.items()}
        totals = {shape: [r[-3:] for r in csv.reader(out.open())] for shape, out in outs.items()}
        same = all(t == totals["plain"] for shape, t in totals.items() if shape != "own hours")  # (other hours)
        district = folder / "lunenburg-steps.csv"  # the Lunenburg roster's totals from its CSV and its workbook
        book = district.with_suffix(".xlsx")
        same = same and Path(f"{district}.out").read_bytes() == Path(f"{book}.out").read_bytes()
        print("totals equal in every shape" if same else "Error: the totals differ between shapes")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
