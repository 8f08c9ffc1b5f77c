"""Costing a whole membership: time and peak memory of `paycalc cost`, in one run.

Makes rosters of 30,000, 120,000 and 200,000 members and three offers (the bundled 2019-2022
reconstruction, a 2% + 2% and a 3% + 3% offer, both with a pro-rated lump sum), then, interleaved round
by round so the machine's load falls alike on every figure:

- a cold `paycalc pay` (the unit);
- 200,000 members x 3 offers x 3 fiscal years (cold, as a user runs it): goal, within 30 pay runs, in
  300 MiB; and the floor: a Python that reads the same roster and writes the same output, nothing else;
- 30,000 members x 2 offers: goal, within 20 pay runs; and a `--budget --solve-percent` run: within 60;
- peak memory (max RSS) at 30,000 and at 120,000 members: goal, within 1.2 x;
- with --check, the member-by-member path (PAYCALC_ROW_BY_ROW=1) on the 200,000, JSON compared byte for byte.

Run it with the interpreter paycalc is installed in:

    python bench/cost.py                    # 5 rounds
    python bench/cost.py --rounds 9 --check
    python bench/cost.py --members 5000
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import os
import random
import statistics
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from roster import FLOOR, PAY, TITLES, run, start_launcher

OFFER = """name: 2% + 2% with a bonus (bench)
base: 2018-06-16
changes:
  - {effective: 2019-09-14, percent: 2}
  - {effective: 2020-09-14, percent: 2}
lump_sums:
  - {name: signing bonus, amount: 500, paid: 2019-10-31, eligible_on: 2019-09-14, prorate: true}
"""
SPAN = ["--from", "2018-07-01", "--to", "2021-06-30"]


def write_members(path: Path, members: int, seed: int = 2019) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "hired", "hours"])
        for n in range(members):
            hired = date(1980, 1, 1) + timedelta(days=rng.randrange((date(2021, 6, 1) - date(1980, 1, 1)).days))
            writer.writerow([f"M{n:07d}", rng.choice(TITLES), hired, rng.choice(["", "", "", "20", "17.5"])])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=30_000, help="members on the small roster (default 30,000)")
    parser.add_argument("--large", type=int, default=200_000, help="members on the large one (default 200,000)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds, medians taken (default 5)")
    parser.add_argument("--check", action="store_true", help="compare the large costing with member by member")
    args = parser.parse_args()
    start_launcher()  # before this process holds a roster (see start_launcher)
    paycalc = str(Path(sys.executable).with_name("paycalc"))
    if not Path(paycalc).exists():
        sys.exit(f"Error: no paycalc script beside {sys.executable} (install paycalc into this environment)")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        env = {**os.environ, "PAYCALC_CACHE_DIR": str(folder / "cache")}
        small, four, large = folder / "small.csv", folder / "four.csv", folder / "large.csv"
        write_members(small, args.members)
        write_members(four, 4 * args.members)
        write_members(large, args.large)
        offers = [folder / "two.yaml", folder / "three.yaml"]
        offers[0].write_text(OFFER)
        offers[1].write_text(OFFER.replace("percent: 2", "percent: 3").replace("2% + 2%", "3% + 3%"))
        two = ["--proposal", "uft-2019-2022", "--proposal", str(offers[0])]
        three = [*two, "--proposal", str(offers[1])]
        out = str(folder / "large.json")
        costing = [paycalc, "cost", "--roster", str(large), *three, *SPAN, "--format", "json", "-o", out]
        floor = [sys.executable, "-c", FLOOR, str(large), out, str(folder / "floor.out")]
        commands = {
            "pay": [paycalc, *PAY],
            "large": costing,
            "floor": floor,
            "small": [paycalc, "cost", "--roster", str(small), *two, *SPAN],
            "solve": [
                paycalc,
                "cost",
                "--roster",
                str(small),
                "--proposal",
                str(offers[0]),
                "--budget",
                "30000000",
                "--solve-percent",
                "2019-07-01",
                *SPAN,
            ],
            "four": [paycalc, "cost", "--roster", str(four), *two, *SPAN],
        }
        run(commands["pay"], env)  # fills the schedule cache, as any earlier run would have
        run(costing, env)  # the floor copies its output
        times: dict[str, list[float]] = {name: [] for name in commands}
        memory: dict[str, int] = {}
        for _ in range(args.rounds):
            for name, command in commands.items():
                elapsed, rss = run(command, env)
                times[name].append(elapsed)
                memory[name] = max(memory.get(name, 0), rss)
        same = None
        if args.check:
            run([*costing[:-1], str(folder / "scalar.json")], {**env, "PAYCALC_ROW_BY_ROW": "1"})
            same = filecmp.cmp(out, folder / "scalar.json", shallow=False)
    pay, large_s, floor_s, small_s, solve_s = (
        statistics.median(times[n]) for n in ("pay", "large", "floor", "small", "solve")
    )
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.rounds} interleaved rounds, medians")
    print(f"cold paycalc pay: {pay:.3f} s (the unit)")
    print(
        f"cost, {args.large:,} members x 3 offers x 3 fiscal years: {large_s:.2f} s = {large_s / pay:.1f} pay runs "
        f"(goal <= 30); peak {memory['large'] / 1024:.0f} MiB (goal <= 300); floor (read + write) {floor_s:.2f} s "
        f"= {floor_s / pay:.1f} runs, {memory['floor'] / 1024:.0f} MiB"
    )
    print(f"cost, {args.members:,} members x 2 offers: {small_s:.2f} s = {small_s / pay:.1f} pay runs (goal <= 20)")
    print(f"cost --budget --solve-percent, {args.members:,} members: {solve_s / pay:.1f} pay runs (goal <= 60)")
    low, high = memory["small"] / 1024, memory["four"] / 1024
    print(f"peak memory: {low:.0f} MiB at {args.members:,}, {high:.0f} MiB at {4 * args.members:,}: "
          f"{high / low:.2f} x (goal <= 1.20)")  # fmt: skip
    if same is not None:
        verdict = "byte for byte the same" if same else "DIFFERENT"
        print(f"columns against member by member, {args.large:,} members: {verdict}")


if __name__ == "__main__":
    main()
