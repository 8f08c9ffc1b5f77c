"""Costing a whole membership: time and peak memory of `paycalc cost`.

Makes a roster of N members (default 30,000) and two proposals (the bundled 2019-2022 reconstruction
and a 2% + 2% offer with a lump sum), then, in one run:

- times `paycalc cost` over three fiscal years (a cold start, like a user's) against 20 cold
  `paycalc pay` runs: goal, at most the time of the 20;
- times a `--budget --solve-percent` run against the same: goal, at most the time of 60;
- measures the peak memory (max RSS) of the costing at N and at 4 x N members: goal, within 1.2 x.

Run it with the interpreter paycalc is installed in:

    python bench/cost.py
    python bench/cost.py --members 5000
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from roster import PAY, TITLES, run

OFFER = """name: 2% + 2% with a bonus (bench)
base: 2018-06-16
changes:
  - {effective: 2019-09-14, percent: 2}
  - {effective: 2020-09-14, percent: 2}
lump_sums:
  - {name: signing bonus, amount: 500, paid: 2019-10-31, eligible_on: 2019-09-14, prorate: true}
"""


def write_members(path: Path, members: int, seed: int = 2019) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "hired", "hours"])
        for n in range(members):
            hired = date(1980, 1, 1) + timedelta(days=rng.randrange((date(2021, 6, 1) - date(1980, 1, 1)).days))
            writer.writerow([f"M{n:07d}", rng.choice(TITLES), hired, rng.choice(["", "", "", "20", "17.5"])])


def main() -> None:
    import os
    import statistics

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=30_000, help="members on the roster (default 30,000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions, median taken (default 3)")
    args = parser.parse_args()
    paycalc = str(Path(sys.executable).with_name("paycalc"))
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        env = {**os.environ, "PAYCALC_CACHE_DIR": str(folder / "cache")}
        small, large, offer = folder / "small.csv", folder / "large.csv", folder / "offer.yaml"
        write_members(small, args.members)
        write_members(large, 4 * args.members)
        offer.write_text(OFFER)
        span = ["--from", "2018-07-01", "--to", "2021-06-30"]
        costing = [
            paycalc,
            "cost",
            "--roster",
            str(small),
            "--proposal",
            "uft-2019-2022",
            "--proposal",
            str(offer),
            *span,
        ]
        solving = [paycalc, "cost", "--roster", str(small), "--proposal", str(offer), "--budget", "30000000",
                   "--solve-percent", "2019-07-01", *span]  # fmt: skip
        run([paycalc, *PAY], env)
        cost_times, solve_times, pay_times = [], [], []
        for _ in range(args.repeat):
            pay_times.append(sum(run([paycalc, *PAY], env)[0] for _ in range(20)))
            cost_times.append(run(costing, env)[0])
            solve_times.append(run(solving, env)[0])
        _, rss_small = run(costing, env)
        _, rss_large = run([*costing[:3], str(large), *costing[4:]], env)
    pay, cost, solve = (statistics.median(t) for t in (pay_times, cost_times, solve_times))
    print(f"members: {args.members:,}; two proposals, three fiscal years; python {sys.version.split()[0]}")
    print(f"20 x cold paycalc pay:       median {pay:.2f} s")
    print(f"paycalc cost:                median {cost:.2f} s   ratio {cost / pay:.2f} of the 20 (goal <= 1.00)")
    print(f"paycalc cost --solve-percent: median {solve:.2f} s   {solve / (pay / 20):.1f} pay runs (goal <= 60)")
    small_mib, large_mib = rss_small / 1024, rss_large / 1024
    print(f"peak memory: {small_mib:.1f} MiB at {args.members:,}, {large_mib:.1f} MiB at {4 * args.members:,}")
    print(f"ratio: {rss_large / rss_small:.2f}  (goal <= 1.20)")


if __name__ == "__main__":
    main()
