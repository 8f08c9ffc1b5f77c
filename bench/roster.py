"""Retro pay for a whole membership: time and peak memory of `paycalc retro --roster`.

Makes a roster of N employees (default 30,000; one in ten changes title or hours mid-way, so has two
rows) over the agreement's term, 2009-11-01 to 2018-11-30, with pay to be checked against the 2008-05-19
schedule. Then, in one run:

- times `paycalc retro --roster` on it (a cold start, like a user's), against 10 cold
  `paycalc pay` runs one after the other: goal, the roster in at most the time of the 10;
- measures the peak memory (max RSS) of the roster run at N and at 4 x N employees;
- with --million, also times 1,000,000 employees once: goal, within 40 x the N-employee time and
  at most 200 MiB peak memory.

Run it with the interpreter paycalc is installed in:

    python bench/roster.py               # 30,000 and 120,000 employees
    python bench/roster.py --million     # and 1,000,000 (about a minute more)
    python bench/roster.py --employees 5000
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TITLES = ["Teacher Aide", "Ed. Asst.", "Ed. Asst. A-I", "Ed. Asst. A-II", "Ed. Asst. B", "Ed. Assoc.",
          "Aux. Trainer", "Ed. Assoc. A", "Aux. Trainer A", "Ed. Assoc. B", "Aux. Trainer B"]  # fmt: skip
START, END = date(2009, 11, 1), date(2018, 11, 30)
PAY = ["pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--years", "16"]


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
                writer.writerow([f"E{n:06d}", title, hired, START, change - timedelta(days=1), hours, "2008-05-19"])
                writer.writerow([f"E{n:06d}", rng.choice(TITLES), hired, change, END, hours, "2008-05-19"])
                rows += 2
            else:
                writer.writerow([f"E{n:06d}", title, hired, START, END, hours, "2008-05-19"])
                rows += 1
    return rows


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak memory (max RSS, KiB) of one command."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"Error: {' '.join(cmd)} failed")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--employees", type=int, default=30_000, help="employees in the roster (default 30,000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions, median taken (default 3)")
    parser.add_argument("--million", action="store_true", help="also time a roster of 1,000,000 employees")
    args = parser.parse_args()
    paycalc = str(Path(sys.executable).with_name("paycalc"))
    if not Path(paycalc).exists():
        sys.exit(f"Error: no paycalc script beside {sys.executable} (install paycalc into this environment)")

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        env = {**os.environ, "PAYCALC_CACHE_DIR": str(folder / "cache")}
        small, large = folder / "small.csv", folder / "large.csv"
        rows_small = write_roster(small, args.employees)
        rows_large = write_roster(large, 4 * args.employees)
        roster = [paycalc, "retro", "--roster", str(small), "--output", str(folder / "out.csv")]
        run([paycalc, *PAY], env)  # fills the schedule cache, as any earlier run would have

        roster_times, pay_times = [], []
        for _ in range(args.repeat):
            pay_times.append(sum(run([paycalc, *PAY], env)[0] for _ in range(10)))
            roster_times.append(run(roster, env)[0])
        _, rss_small = run(roster, env)
        _, rss_large = run([*roster[:3], str(large), "--output", str(folder / "out-large.csv")], env)
        with (folder / "out.csv").open() as out:
            ids = sum(1 for _ in out) - 1
        million = None
        if args.million:
            huge = folder / "million.csv"
            rows_huge = write_roster(huge, 1_000_000)
            million = (rows_huge, *run([*roster[:3], str(huge), "--output", str(folder / "out-million.csv")], env))

    roster_time, pay_time = statistics.median(roster_times), statistics.median(pay_times)
    print(
        f"roster: {args.employees:,} employees, {rows_small:,} rows, {ids:,} ids out; python {sys.version.split()[0]}"
    )
    print(f"paycalc retro --roster:  median {roster_time:.2f} s  ({roster_time / rows_small * 1e6:.0f} us a row)")
    print(f"10 x cold paycalc pay:   median {pay_time:.2f} s")
    print(f"ratio: {roster_time / pay_time:.2f}  (goal <= 1.00)")
    small_mib, large_mib = rss_small / 1024, rss_large / 1024
    print(f"peak memory: {small_mib:.1f} MiB at {rows_small:,} rows, {large_mib:.1f} MiB at {rows_large:,} rows")
    if million is not None:
        rows_huge, huge_time, rss_huge = million
        print(
            f"1,000,000 employees ({rows_huge:,} rows): {huge_time:.1f} s, {huge_time / roster_time:.1f} x the "
            f"{args.employees:,}-employee time (goal <= 40); peak memory {rss_huge / 1024:.1f} MiB (goal <= 200)"
        )


if __name__ == "__main__":
    main()
