"""Cold start of `paycalc pay` against `python -c "import typer"`, measured in one interleaved run.

Each pair starts two fresh processes, one after the other, in alternating order; the figure is the
ratio of the medians. The schedule cache is warmed once first, as it is for every run after a user's
first. Run it with the interpreter paycalc is installed in:

    python bench/coldstart.py            # 21 pairs
    python bench/coldstart.py --pairs 41
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAY = ["pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--years", "16"]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=21, help="interleaved pairs to time (at least 15)")
    args = parser.parse_args()
    if args.pairs < 15:
        parser.error("--pairs must be at least 15")

    script = Path(sys.executable).with_name("paycalc")
    if not script.exists():
        sys.exit(f"Error: no paycalc script beside {sys.executable} (install paycalc into this environment)")
    paycalc = [str(script), *PAY]
    baseline = [sys.executable, "-c", "import typer"]
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PAYCALC_CACHE_DIR": cache}
        first = timed(paycalc, env)  # empty cache: validates the schedules and writes the cache
        for _ in range(3):
            timed(paycalc, env), timed(baseline, env)
        ours: list[float] = []
        theirs: list[float] = []
        for i in range(args.pairs):
            pair = [(paycalc, ours), (baseline, theirs)]
            for cmd, times in pair if i % 2 == 0 else reversed(pair):
                times.append(timed(cmd, env))
    ms = 1000
    print(f"pairs: {args.pairs}, python {sys.version.split()[0]}")
    print(f"import typer:             median {statistics.median(theirs) * ms:6.1f} ms")
    print(f"paycalc pay (warm cache): median {statistics.median(ours) * ms:6.1f} ms")
    print(f"paycalc pay (first run, empty cache): {first * ms:6.1f} ms")
    print(f"ratio: {statistics.median(ours) / statistics.median(theirs):.2f}  (goal <= 1.30)")


if __name__ == "__main__":
    main()
