"""Rosters priced in several processes (``--jobs``): the same bytes with any number, in the rows' order;
a dead worker an error; signals leave no file and no process. The pool is the standard library's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paycalc.cli import app
from paycalc.jobs import columnar as _columnar
from paycalc.membership import pool
from paycalc.membership.pool import Ordered, WorkerDied, each
from tests.conftest import roster_from_a_pipe

runner = CliRunner()
TITLES = ["Teacher Aide", "Ed. Asst. B", "Ed. Assoc.", "Aux. Trainer"]


def roster(rows: int) -> str:
    """``rows`` rows over the whole term, each hire date different; every seventh id on two rows."""
    lines = ["id,title,hired,from,to,hours"]
    n = 0
    while len(lines) <= rows:
        n += 1
        hired = f"{1985 + n % 23}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        hours = "" if n % 3 else "20"
        if n % 7:
            lines.append(f"P{n:06d},{TITLES[n % 4]},{hired},2009-11-01,2018-11-30,{hours}")
        else:
            lines.append(f"P{n:06d},{TITLES[n % 4]},{hired},2009-11-01,2014-04-30,{hours}")
            lines.append(f"P{n:06d},{TITLES[(n + 1) % 4]},{hired},2014-05-01,2018-11-30,{hours}")
    return "\n".join(lines) + "\n"


class Square:
    def run(self, item: int) -> int:
        if item == -1:
            raise ValueError("minus one")
        if item == -9:
            os._exit(9)  # a worker that dies
        return item * item


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_every_item_comes_back_with_its_result_in_order(jobs: int) -> None:
    with Ordered[int](Square(), jobs) as work:  # one pool asked again and again (its processes start once)
        got: list[tuple[int, int]] = []
        for count in [0, 1, 2, 7, 30]:
            got.clear()
            each(work, ((n, n) for n in range(count)), lambda n, result: got.append((n, result)))
            assert got == [(n, n * n) for n in range(count)]
    with Ordered[int](Square(), jobs) as work:  # a pool given nothing ends at once
        each(work, iter(()), lambda n, result: pytest.fail("no item"))


class SlowElsewhere:
    """Instant in the process that made it; 0.3 s an item in any other (a pricing process)."""

    def __init__(self) -> None:
        self.home = os.getpid()

    def run(self, item: int) -> tuple[int, bool]:
        here = os.getpid() == self.home
        if not here:
            time.sleep(0.3)
        return item, here


def test_this_process_works_while_a_pricing_process_is_slow_or_starting() -> None:
    """Two items wait at the other process; this one prices the rest itself rather than wait on it (it
    took every other item, so six of twelve, and waited on a process still starting)."""
    got: list[tuple[int, bool]] = []
    with Ordered[int](SlowElsewhere(), 2) as work:
        each(work, ((n, n) for n in range(12)), lambda n, result: got.append(result))
    assert [item for item, _ in got] == list(range(12))
    assert got[0] == (0, False) and got[1] == (1, False)  # the first two went to the other process
    assert sum(here for _, here in got) >= 8


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_in_a_worker_is_raised_in_order(jobs: int) -> None:
    got: list[int] = []
    with pytest.raises(ValueError, match="minus one"), Ordered[int](Square(), jobs) as work:
        each(work, ((n, n) for n in [1, 2, 3, -1, 5]), lambda _, result: got.append(result))
    assert got == [1, 4, 9]  # those before it, and none after


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(WorkerDied, match="stopped before it answered"), Ordered[int](Square(), 2) as work:
        each(work, ((n, n) for n in [-9, 2, 3, 4, 5]), lambda _, result: None)  # the first goes to the worker


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_a_roster_in_many_blocks_gives_the_same_bytes_with_any_number_of_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setattr(_columnar, "BLOCK", 1000)  # about 20 lines a block: ids of two rows cut by blocks
    source = tmp_path / "members.csv"
    source.write_text(roster(700))
    scalar = runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": "1"})
    columns = runner.invoke(app, ["retro", "--roster", str(source), "--jobs", jobs])
    assert (columns.exit_code, columns.stderr) == (0, "")
    assert columns.stdout == scalar.stdout
    assert columns.stdout.count("\n") == 1 + 613  # one line per id: 613 ids, 87 of them (each seventh) on two rows


def test_paycalc_jobs_sets_the_processes_and_a_bad_value_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "members.csv"
    source.write_text(roster(20))
    assert runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_JOBS": "2"}).exit_code == 0
    for bad in ("0", "two", "-1"):
        result = runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_JOBS": bad})
        assert result.exit_code == 2
        assert f"PAYCALC_JOBS='{bad}' is not a number of processes (a whole number, 1 or more)" in result.stderr
    assert runner.invoke(app, ["retro", "--roster", str(source), "--jobs", "0"]).exit_code == 2
    result = runner.invoke(app, ["retro", "--title", "Ed. Asst. B", "--jobs", "2"])
    assert result.exit_code == 2 and "--jobs applies only with --roster" in result.stderr


def test_by_default_one_usable_core_means_no_other_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)  # as `taskset -c 0` leaves it
    monkeypatch.setattr(_columnar, "LONG", 0)  # every roster long enough for a process a core
    started: list[int] = []
    from concurrent.futures import ProcessPoolExecutor

    monkeypatch.setattr(ProcessPoolExecutor, "__init__", lambda *a, **k: started.append(1))
    source = tmp_path / "members.csv"
    source.write_text(roster(50))
    assert runner.invoke(app, ["retro", "--roster", str(source)]).exit_code == 0
    assert pool.cores() == 1 and started == []


def test_a_roster_from_a_pipe_is_read_row_by_row_and_whole(tmp_path: Path) -> None:
    """A pipe cannot be read twice or measured: it never takes the columnar path, which would see nothing."""
    process, fifo = roster_from_a_pipe(tmp_path)
    with open(fifo, "w") as writer:
        writer.write(roster(300))
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (0, "")
    source = tmp_path / "copy.csv"
    source.write_text(roster(300))
    scalar = runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": "1"})
    assert (tmp_path / "out.csv").read_text() == scalar.stdout


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(), reason="needs /proc")
@pytest.mark.parametrize(
    ("signum", "group"),
    [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGHUP, False), (signal.SIGINT, True)],
    ids=["SIGTERM", "SIGINT", "SIGHUP", "Ctrl-C to the process group, as a terminal sends it"],
)
def test_a_signal_while_workers_run_leaves_no_file_and_no_process(tmp_path: Path, signum: int, group: bool) -> None:
    source = tmp_path / "members.csv"
    source.write_text(roster(400_000))  # long enough to be stopped mid-way
    command = [sys.executable, "-m", "paycalc", "retro", "--roster", str(source), "-o", str(tmp_path / "out.csv")]
    process = subprocess.Popen(
        [*command, "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while not _children(process.pid) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    assert _children(process.pid), "no worker was started"
    workers = _children(process.pid)
    if group:
        os.killpg(process.pid, signum)  # paycalc and its workers all get it; the workers leave it to paycalc
    else:
        process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signum, stderr
    assert stderr.endswith("(nothing was written)\n") and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv"]
    deadline = time.monotonic() + 10  # the pool's processes (and the standard library's resource tracker) end
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.02)
    assert not any(_alive(p) for p in workers)


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_as_a_real_process_in_two_jobs_only_paycalc_speaks_and_the_output_is_whole(tmp_path: Path) -> None:
    source = tmp_path / "members.csv"
    source.write_text(roster(3000))
    out = tmp_path / "out.csv"
    command = [sys.executable, "-m", "paycalc", "retro", "--roster", str(source), "-o", str(out), "--jobs", "2"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    scalar = runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": "1"})
    assert out.read_text() == scalar.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv", "out.csv"]


def test_a_worker_that_dies_is_one_error_line_and_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def died(*_: object) -> None:
        raise WorkerDied("a pricing process stopped before it answered (--jobs 1 prices in this process)")

    monkeypatch.setattr(_columnar, "write_totals", died)
    source = tmp_path / "members.csv"
    source.write_text(roster(20))
    result = runner.invoke(app, ["retro", "--roster", str(source), "-o", str(tmp_path / "out.csv"), "--jobs", "2"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: a pricing process stopped before it answered (--jobs 1 prices in this process); nothing was written\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv"]


def _script(script: Path) -> str:
    """What ``script`` prints, run by this Python with the repository on its path (it must end well)."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(root)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


class Says:
    def run(self, item: int) -> int:
        sys.stdout.write(f"worker {item};")  # no line end, no flush: held in the worker's buffer
        return item


def test_a_worker_ends_at_once_with_its_output_flushed_and_exit_code_0(tmp_path: Path) -> None:
    """A worker skips the interpreter's teardown when the pool ends (pool._without_teardown): what it wrote is
    still written, and it ends as a worker ending well does."""
    script = tmp_path / "script.py"
    script.write_text(
        "import sys\n"
        "from paycalc.membership.pool import Ordered, each\n"
        "from tests.test_jobs import Says\n"
        "if __name__ == '__main__':\n"
        "    with Ordered(Says(), 2) as work:\n"
        "        each(work, ((n, n) for n in range(6)), lambda n, result: None)\n"
        "        processes = list(work._executor._processes.values()) if work._executor else []\n"
        "    print('codes', [process.exitcode for process in processes], flush=True)\n"
    )
    said = _script(script).split("codes")
    assert said[1].strip() == "[0]"  # one other process, ended well
    assert sorted(int(n) for n in said[0].replace("worker", "").split(";") if n.strip()) == list(range(6))
    # each item once, whichever process ran it: the worker's buffered writes reached the pipe


def test_a_worker_does_not_import_the_script_that_started_paycalc_again(tmp_path: Path) -> None:
    """paycalc's console script imports the CLI and typer: a worker started fresh would import it again
    (multiprocessing's rule for a script run by its path), 40 ms of its start for nothing it uses."""
    log = tmp_path / "imported.txt"
    script = tmp_path / "script.py"
    script.write_text(
        "import os, sys\n"
        f"open({str(log)!r}, 'a').write(f'{{os.getpid()}}\\n')\n"
        "from paycalc.membership.pool import Ordered, each\n"
        "from tests.test_jobs import Square\n"
        "if __name__ == '__main__':\n"
        "    got = []\n"
        "    with Ordered(Square(), 2) as work:\n"
        "        each(work, ((n, n) for n in range(6)), lambda n, result: got.append(result))\n"
        "    assert got == [n * n for n in range(6)], got\n"
        "    print(sys.modules['__main__'].__file__)\n"
    )
    assert _script(script).strip() == str(script)  # the script's own path is back once the pool has started
    assert len(log.read_text().split()) == 1  # the script ran once: in its own process, not in the worker


def test_a_block_holds_as_many_rows_whatever_a_line_s_width(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows, not bytes, set what a block's pricing costs: a roster whose lines are twice a plain line's
    (a name column, say) is read in blocks of twice the bytes, and one of half in blocks of half."""
    monkeypatch.setattr(_columnar, "BLOCK", 7000)  # for lines of LINE (70) bytes: 100 rows
    header = b"id,title,hired,from,to,name\n"
    for width, block in [(70, 7000), (140, 14000), (35, 3500)]:
        source = tmp_path / f"lines-{width}.csv"
        source.write_bytes(header + (b"x" * (width - 1) + b"\n") * 2000)  # 64 KiB of them looked at
        assert _columnar._block(str(source), len(header)) == block
    lone = tmp_path / "one.csv"
    lone.write_bytes(header + b"x" * 80)  # no whole line after the header: the block as it is
    assert _columnar._block(str(lone), len(header)) == 7000
    assert _columnar._block(str(tmp_path / "gone.csv"), len(header)) == 7000  # read a moment ago, gone now
    named = tmp_path / "named.csv"  # a roster with a long name column: its blocks are as much longer
    lines = roster(300).splitlines()
    named.write_text("\n".join([lines[0] + ",name", *(f'{line},"{"Smith, Jane " * 6}"' for line in lines[1:])]) + "\n")
    asked: list[tuple[int, ...]] = []
    real = _columnar.ranges
    monkeypatch.setattr(_columnar, "ranges", lambda *a: asked.append(a) or real(*a))
    assert runner.invoke(app, ["retro", "--roster", str(named)]).exit_code == 0
    assert asked == [(len(lines[0]) + 6, named.stat().st_size, _columnar._block(str(named), len(lines[0]) + 6))]
    assert asked[0][2] > 7000 * 3 // 2


def test_a_short_roster_priced_in_this_process_starts_no_pool_machinery(tmp_path: Path) -> None:
    """One job: concurrent.futures and multiprocessing (16 ms of a 30,000-row run's start) stay unimported."""
    source = tmp_path / "members.csv"
    source.write_text(roster(40))
    code = (
        "import sys\nfrom paycalc.cli import main\n"
        f"sys.argv = ['paycalc', 'retro', '--roster', {str(source)!r}, '-o', {str(tmp_path / 'out.csv')!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
        "print(sorted(m for m in ('multiprocessing', 'concurrent.futures', 'numpy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['numpy']"  # priced in columns, in this process
    assert (tmp_path / "out.csv").read_text().count("\n") > 30


@given(header=st.integers(0, 50), length=st.integers(0, 2000), block=st.integers(1, 300))
def test_the_byte_ranges_cover_the_roster_once_and_the_last_two_blocks_go_in_quarters(
    header: int, length: int, block: int
) -> None:
    size = header + length
    where = _columnar.ranges(header, size, block)
    assert [start for start, _, _ in where[:1]] == ([header] if length else [])
    assert all(stop == following for (_, stop, _), (following, _, _) in pairwise(where))
    assert all(h == header and 0 < stop - start <= block for start, stop, h in where)
    assert where[-1][1] == size if length else where == []
    whole = -(-length // block)  # blocks of `block` bytes, the last maybe shorter
    if whole > 2:
        quarter = max(block // 4, 1)
        tail = size - (header + (whole - 2) * block)  # the last two blocks' bytes
        assert len(where) == whole - 2 + -(-tail // quarter)
        assert all(stop - start <= quarter for start, stop, _ in where[whole - 2 :])
    else:
        assert len(where) == whole


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(), reason="needs /proc")
def test_kill_9_of_paycalc_leaves_no_process_behind(tmp_path: Path) -> None:
    """SIGKILL cannot be handled: the pricing processes end with paycalc all the same (Linux kills them when
    their parent dies), and then the standard library's resource tracker, whose pipe they held, ends too."""
    source = tmp_path / "members.csv"
    source.write_text(roster(400_000))
    command = [sys.executable, "-m", "paycalc", "retro", "--roster", str(source), "-o", str(tmp_path / "out.csv")]
    process = subprocess.Popen([*command, "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    left = _children(process.pid)  # a pricing process and the resource tracker
    assert left, "no worker was started"
    time.sleep(0.2)  # the pricing process is past its start
    left = _children(process.pid)
    process.kill()
    process.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in left):
        time.sleep(0.02)
    assert not any(_alive(p) for p in left)
    assert not (tmp_path / "out.csv").exists()  # (its temporary file stays: SIGKILL leaves no time to remove it)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    count=st.integers(12, 40),
    long=st.sets(st.integers(0, 39), max_size=3),
    repeat=st.tuples(st.integers(0, 39), st.integers(0, 39)),
    block=st.sampled_from([100, 150, 200, 300]),
)
@example(count=16, long={1, 15}, repeat=(3, 5), block=200)  # found by a search: one id in blocks of 1 and 3 words
def test_blocks_of_mixed_id_widths_agree_with_the_rows(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    count: int,
    long: set[int],
    repeat: tuple[int, int],
    block: int,
) -> None:
    """Rosters read in many small blocks (really used: ranges() reads BLOCK when called), with ids of several
    widths (a few long ones make their blocks' ids wider), one id repeated after other ids, across blocks whose
    widest ids differ: the columns answer exactly as the rows do, the same totals or the same refusal."""
    ids = [f"LONG-ID-NUMBER-{k}" if k in long else f"S{k}" for k in range(count)]
    first, then = sorted(k % count for k in repeat)
    if then - first >= 2:
        ids[then] = ids[first]
    monkeypatch.setattr(_columnar, "BLOCK", block)
    used = []
    real = _columnar.ranges
    monkeypatch.setattr(_columnar, "ranges", lambda *a: used.append(real(*a)) or used[-1])
    source = tmp_path / "members.csv"
    rows = [f"{i},Teacher Aide,2010-09-07,2013-05-{1 + n % 28:02d},2013-06-30" for n, i in enumerate(ids)]
    source.write_text("id,title,hired,from,to\n" + "\n".join(rows) + "\n")
    scalar = runner.invoke(app, ["retro", "--roster", str(source)], env={"PAYCALC_ROW_BY_ROW": "1"})
    columns = runner.invoke(app, ["retro", "--roster", str(source)])
    assert (columns.exit_code, columns.stdout) == (scalar.exit_code, scalar.stdout)
    assert columns.stderr.split(":")[0:1] == scalar.stderr.split(":")[0:1]
    assert used and len(used[-1]) > 1  # more than one block
