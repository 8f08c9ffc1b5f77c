"""Retro pay for a whole membership: time and peak memory of `paycalc retro --roster`, in one run.

Makes rosters of 30,000 and 1,000,000 employees (one in ten changes title or hours mid-way, so has two
rows) over the agreement's term, 2009-11-01 to 2018-11-30, paid against the 2008-05-19 schedule. Then,
interleaved round by round so the machine's load falls alike on every figure:

- a cold `paycalc pay` (the unit): goals, the 30,000 roster within 4 of them, the 1,000,000 within 20;
- each roster's retro (cold, as a user runs it), its peak memory (max RSS; goal at 1,000,000: 300 MiB);
- the 1,000,000 roster with a name column in quotes ("Smith, Jane"), as exports write it: within 20 too;
- the floor: a Python that reads the same roster and writes the same output, and does nothing else;
- with --check, the row-by-row path (PAYCALC_ROW_BY_ROW=1) on the 30,000 roster (and with --million-check
  on the 1,000,000 too, about half a minute), and the outputs compared byte for byte.

Run it with the interpreter paycalc is installed in:

    python bench/roster.py                  # 5 rounds
    python bench/roster.py --rounds 9 --check
    python bench/roster.py --small 5000 --large 100000
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

TITLES = ["Teacher Aide", "Ed. Asst.", "Ed. Asst. A-I", "Ed. Asst. A-II", "Ed. Asst. B", "Ed. Assoc.",
          "Aux. Trainer", "Ed. Assoc. A", "Aux. Trainer A", "Ed. Assoc. B", "Aux. Trainer B"]  # fmt: skip
START, END = date(2009, 11, 1), date(2018, 11, 30)
PAY = ["pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--years", "16"]
FLOOR = """import sys
with open(sys.argv[1], "rb") as roster, open(sys.argv[2], "rb") as output:
    roster.read(), open(sys.argv[3], "wb").write(output.read())"""


def write_roster(path: Path, employees: int, seed: int = 2009) -> int:
    """A roster of ``employees`` people; returns the number of rows."""
    rng = random.Random(seed)
    rows = 0
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "hired", "from", "to", "hours", "paid_schedule"])
        for n in range(employees):
            hired = date(1976, 1, 1) + timedelta(days=rng.randrange((START - date(1976, 1, 1)).days))
            hours = rng.choice(["", "", "", "", "20", "17.5", "35"])
            title = rng.choice(TITLES)
            if rng.random() < 0.1:  # a title change: two rows for one id
                change = START + timedelta(days=rng.randrange(30, (END - START).days - 30))
                writer.writerow([f"E{n:07d}", title, hired, START, change - timedelta(days=1), hours, "2008-05-19"])
                writer.writerow([f"E{n:07d}", rng.choice(TITLES), hired, change, END, hours, "2008-05-19"])
                rows += 2
            else:
                writer.writerow([f"E{n:07d}", title, hired, START, END, hours, "2008-05-19"])
                rows += 1
    return rows


NAMES = ["Smith, Jane", "Ortiz, Ana", "Lee, Min-jun", "Nuñez, Rosa", "O'Neil, Pat"]


def with_names(source: Path, path: Path) -> None:
    """``source`` with a name column in quotes (``"Smith, Jane"``), as every export writes names."""
    rng = random.Random(7)
    with source.open() as rows, path.open("w") as out:
        out.write(rows.readline().rstrip("\n") + ",name\n")
        out.writelines(f'{line.rstrip(chr(10))},"{rng.choice(NAMES)}"\n' for line in rows)


LAUNCHER = """import json, os, subprocess, sys, time
for line in sys.stdin:
    cmd, env, quiet = json.loads(line)
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL if quiet else None)
    _, status, usage = os.wait4(child.pid, 0)
    print(json.dumps([time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]), flush=True)
"""
_launcher: list[subprocess.Popen[str]] = []


def start_launcher() -> None:
    """Start the small process every command is run from, before this one grows: Linux counts the peak memory
    of the process a command was started from in the command's own (its ``maxrss`` survives the exec), so a
    command started from a bench that holds a roster in memory would report that much at least."""
    if not _launcher:
        _launcher.append(subprocess.Popen([sys.executable, "-c", LAUNCHER], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, text=True))  # fmt: skip


def run(cmd: list[str], env: dict[str, str] | None = None, codes: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Wall time in seconds and peak memory (max RSS, KiB) of one command, which exits with one of ``codes``;
    run from the launcher (:func:`start_launcher`)."""
    start_launcher()
    launcher = _launcher[0]
    assert launcher.stdin is not None and launcher.stdout is not None
    quiet = codes != (0,)  # the rows left out, said a line each
    launcher.stdin.write(json.dumps([cmd, env, quiet]) + "\n")
    launcher.stdin.flush()
    elapsed, rss, code = json.loads(launcher.stdout.readline())
    if code not in codes:
        sys.exit(f"Error: {' '.join(cmd)} failed")
    return elapsed, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=30_000, help="employees in the small roster (default 30,000)")
    parser.add_argument("--large", type=int, default=1_000_000, help="employees in the large one (default 1,000,000)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds, medians taken (default 5)")
    parser.add_argument("--check", action="store_true", help="compare the small roster with the row-by-row path")
    parser.add_argument("--million-check", action="store_true", help="and the large one (about half a minute)")
    args = parser.parse_args()
    start_launcher()  # before this process holds a roster (see start_launcher)
    paycalc = str(Path(sys.executable).with_name("paycalc"))
    if not Path(paycalc).exists():
        sys.exit(f"Error: no paycalc script beside {sys.executable} (install paycalc into this environment)")

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        env = {**os.environ, "PAYCALC_CACHE_DIR": str(folder / "cache")}
        sizes = {"small": args.small, "large": args.large}
        rows = {name: write_roster(folder / f"{name}.csv", n) for name, n in sizes.items()}
        with_names(folder / "large.csv", folder / "quoted.csv")  # the large roster, names in quotes
        run([paycalc, *PAY], env)  # fills the schedule cache, as any earlier run would have

        times: dict[str, list[float]] = {
            k: [] for k in ("pay", "small", "large", "floor small", "floor large", "quoted")
        }
        memory: dict[str, int] = {}
        for _ in range(args.rounds):
            times["pay"].append(run([paycalc, *PAY], env)[0])
            for name in sizes:
                roster = folder / f"{name}.csv"
                elapsed, rss = run([paycalc, "retro", "--roster", str(roster), "-o", str(folder / f"{name}.out")], env)
                times[name].append(elapsed)
                memory[name] = max(memory.get(name, 0), rss)
                floor = [
                    sys.executable,
                    "-c",
                    FLOOR,
                    str(roster),
                    str(folder / f"{name}.out"),
                    str(folder / "floor.out"),
                ]
                elapsed, rss = run(floor, env)
                times[f"floor {name}"].append(elapsed)
                memory[f"floor {name}"] = max(memory.get(f"floor {name}", 0), rss)
            elapsed, rss = run(
                [paycalc, "retro", "--roster", str(folder / "quoted.csv"), "-o", str(folder / "q.out")], env
            )
            times["quoted"].append(elapsed)
            memory["quoted"] = max(memory.get("quoted", 0), rss)
        checked = []
        for name in ("small", "large") if args.million_check else ("small",) if args.check else ():
            scalar = {**env, "PAYCALC_ROW_BY_ROW": "1"}
            run([paycalc, "retro", "--roster", str(folder / f"{name}.csv"), "-o", str(folder / "scalar.out")], scalar)
            same = filecmp.cmp(folder / f"{name}.out", folder / "scalar.out", shallow=False)
            checked.append(f"{rows[name]:,} rows: {'byte for byte the same' if same else 'DIFFERENT'}")

    pay = statistics.median(times["pay"])
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.rounds} interleaved rounds, medians")
    print(f"cold paycalc pay: {pay:.3f} s (the unit)")
    for name, goal in (("small", 4), ("large", 20)):
        took, floor = statistics.median(times[name]), statistics.median(times[f"floor {name}"])
        print(
            f"retro --roster, {sizes[name]:,} employees ({rows[name]:,} rows): {took:.2f} s = {took / pay:.1f} pay "
            f"runs (goal <= {goal}); peak {memory[name] / 1024:.0f} MiB; floor (read + write) {floor:.2f} s "
            f"= {floor / pay:.1f} runs, {memory[f'floor {name}'] / 1024:.0f} MiB"
        )
    took = statistics.median(times["quoted"])
    print(
        f"retro --roster, {sizes['large']:,} employees, names in quotes: {took:.2f} s = {took / pay:.1f} pay runs "
        f"(goal <= 20); peak {memory['quoted'] / 1024:.0f} MiB"
    )
    for line in checked:
        print(f"columnar against row by row, {line}")


if __name__ == "__main__":
    main()
