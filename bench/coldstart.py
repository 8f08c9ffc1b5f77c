"""Cold start of every paycalc command against `python -c "import typer"`, in one interleaved run.

Each round starts one fresh process per command and one `import typer`, in a rotating order; a
command's figure is the ratio of its median to the median of `import typer`. The schedule cache is
warmed once first, as it is for every run after a user's first. Goals: `paycalc pay` within 1.30;
every command's JSON within 1.30 and its table within 1.70 (typer plus rich is about 1.45).

Run it with the interpreter paycalc is installed in (a regular install, not an editable one):

    python bench/coldstart.py              # 15 rounds
    python bench/coldstart.py --rounds 31
    python bench/coldstart.py --only pay   # the pay command alone
    python bench/coldstart.py --only pay --baseline /tmp/old/bin/paycalc   # A/B against another build
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

PERSON = ["--title", "Ed. Asst. B", "--years", "16"]
RETRO = ["retro", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2013-05-01", "--to", "2014-09-30"]
COMMANDS: dict[str, tuple[list[str], float]] = {
    "pay": (["pay", *PERSON, "--date", "2018-06-16"], 1.30),
    "pay json": (["pay", *PERSON, "--date", "2018-06-16", "-f", "json"], 1.30),
    "compare": (["compare", "2008-05-19", "2018-06-16"], 1.70),
    "compare json": (["compare", "2008-05-19", "2018-06-16", "-f", "json"], 1.30),
    "history": (["history", *PERSON], 1.70),
    "history json": (["history", *PERSON, "-f", "json"], 1.30),
    "retro": (RETRO, 1.70),
    "retro json": ([*RETRO, "-f", "json"], 1.30),
    "schedules list": (["schedules", "list"], 1.70),
    "schedules list json": (["schedules", "list", "-f", "json"], 1.30),
    "schedules show": (["schedules", "show", "2018-06-16"], 1.70),
    "schedules show json": (["schedules", "show", "2018-06-16", "-f", "json"], 1.30),
    "titles": (["titles"], 1.70),
    "titles json": (["titles", "-f", "json"], 1.30),
    "propose": (["propose", "moa-2014"], 1.70),  # a proposal read from the cache, as a contract is
    "pay proposal json": (["pay", *PERSON, "--date", "2018-06-16", "--proposal", "moa-2014", "-f", "json"], 1.30),
}


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds to time (at least 11)")
    parser.add_argument("--only", action="append", choices=list(COMMANDS), help="time only these (repeatable)")
    parser.add_argument("--baseline", type=Path, help="another build's paycalc script, timed interleaved (A/B)")
    args = parser.parse_args()
    if args.rounds < 11:
        parser.error("--rounds must be at least 11")

    script = Path(sys.executable).with_name("paycalc")
    if not script.exists():
        sys.exit(f"Error: no paycalc script beside {sys.executable} (install paycalc into this environment)")
    chosen = {name: COMMANDS[name] for name in args.only or COMMANDS}
    runs = {name: [str(script), *words] for name, (words, _) in chosen.items()}
    if args.baseline:
        runs.update({f"{name} (baseline)": [str(args.baseline), *words] for name, (words, _) in chosen.items()})
    runs["import typer"] = [sys.executable, "-c", "import typer"]
    times: dict[str, list[float]] = {name: [] for name in runs}
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PAYCALC_CACHE_DIR": cache, "COLUMNS": "80"}
        first = timed(runs[next(iter(chosen))], env)  # empty cache: validates the schedules, writes the cache
        for cmd in runs.values():
            timed(cmd, env)
        names = list(runs)
        for i in range(args.rounds):
            shift = i % len(names)
            for name in names[shift:] + names[:shift]:
                times[name].append(timed(runs[name], env))
    base = statistics.median(times["import typer"])
    print(f"rounds: {args.rounds}, python {sys.version.split()[0]}")
    print(f"{'import typer':<22} median {base * 1000:6.1f} ms")
    print(f"first run, empty cache: {first * 1000:.1f} ms")
    met = True
    for name, (_, goal) in chosen.items():
        ratio = statistics.median(times[name]) / base
        met &= ratio <= goal
        mark = "ok" if ratio <= goal else "MISSED"
        median = statistics.median(times[name]) * 1000
        print(f"{'paycalc ' + name:<30} {median:6.1f} ms  {ratio:.2f}  (goal <= {goal:.2f}) {mark}")
        if args.baseline:
            other = statistics.median(times[f"{name} (baseline)"])
            ratio_ab = median / 1000 / other
            print(f"{'  baseline':<30} {other * 1000:6.1f} ms  {other / base:.2f}  (A/B: {ratio_ab:.3f})")
    print("all goals met" if met else "some goals missed")


if __name__ == "__main__":
    main()
