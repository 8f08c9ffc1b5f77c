"""A long roster priced on two cores: the same results in the same order, whatever happens to the worker."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app
from paycalc.membership import parallel
from tests.conftest import roster_from_a_pipe

runner = CliRunner()
TITLES = ["Teacher Aide", "Ed. Asst. B", "Ed. Assoc.", "Aux. Trainer"]


def roster(rows: int, broken: int | None = None) -> str:
    """``rows`` people over the whole term, each hire date different; row ``broken`` has a bad date."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "hired", "from", "to", "hours"])
    for n in range(1, rows + 1):
        hired = date(1985, 1, 1) + timedelta(days=(7 * n) % 8700)  # 1985 to 2008, before the period
        hired_text = "2010-02-30" if n == broken else hired.isoformat()
        writer.writerow([f"P{n:05d}", TITLES[n % 4], hired_text, "2009-11-01", "2018-11-30", "" if n % 3 else "20"])
    return out.getvalue()


def square(n: int) -> int:
    return n * n


@pytest.mark.parametrize("count", [0, 1, 999, 1000, 1001, 1500, 2500, 2501, 4001])
def test_every_item_comes_back_with_its_price_in_order(count: int) -> None:
    assert list(parallel.in_two_processes(square, range(count))) == [(n, n * n) for n in range(count)]


def test_a_worker_that_dies_is_replaced_by_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()

    def dies_in_the_worker(n: int) -> int:
        if os.getpid() != parent:
            os._exit(3)  # killed, out of memory: whatever it was, no results come back
        return n * n

    assert list(parallel.in_two_processes(dies_in_the_worker, range(3000))) == [(n, n * n) for n in range(3000)]


def test_an_error_in_pricing_surfaces_as_it_would_in_one_process() -> None:
    def fails_at_700(n: int) -> int:
        if n == 700:
            raise ValueError("row 700")
        return n

    seen = []
    with pytest.raises(ValueError, match="row 700"):
        for n, _ in parallel.in_two_processes(fails_at_700, range(3000)):
            seen.append(n)
    assert seen == list(range(700))  # every item before the failing one came back, in order


def test_no_worker_is_left_behind_when_the_consumer_stops_early(monkeypatch: pytest.MonkeyPatch) -> None:
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    items = parallel.in_two_processes(square, range(5000))
    assert next(items) == (0, 0)
    items.close()
    assert forked, "no worker was started"
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # already reaped: gone


def test_a_long_roster_gives_what_pricing_row_by_row_gives(tmp_path: Path) -> None:
    text = roster(2600)
    (tmp_path / "members.csv").write_text(text)
    result = runner.invoke(app, ["retro", "--roster", str(tmp_path / "members.csv"), "-f", "json"])
    assert result.exit_code == 0, result.output
    import json

    one_by_one = list(paycalc.retro_roster(csv.DictReader(io.StringIO(text))))  # the API: one process
    assert [(r["id"], r["owed"], r["paid"], r["retro"]) for r in json.loads(result.stdout)] == [
        (t.id, str(t.owed), str(t.paid), str(t.retro)) for t in one_by_one
    ]


def test_a_bad_row_far_into_a_long_roster_is_named_by_its_own_line(tmp_path: Path) -> None:
    (tmp_path / "members.csv").write_text(roster(2600, broken=1700))
    result = runner.invoke(app, ["retro", "--roster", str(tmp_path / "members.csv")])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"Error: {tmp_path / 'members.csv'}: line 1701: hire date '2010-02-30' is not a valid date"
    )
    result = runner.invoke(app, ["retro", "--roster", str(tmp_path / "members.csv"), "--skip-invalid"])
    assert result.exit_code == 3
    assert f"Skipped: {tmp_path / 'members.csv'}: line 1701: hire date '2010-02-30'" in result.stderr
    assert result.stdout.count("\n") == 1 + 2599  # the header and every other row


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (paycalc's worker), as the kernel lists them."""
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(), reason="needs /proc's list of children"
)
@pytest.mark.parametrize(
    ("signum", "group"),
    [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGINT, True)],
    ids=["SIGTERM", "SIGINT", "Ctrl-C to the process group, as a terminal sends it"],
)
def test_a_signal_while_the_worker_runs_stops_both_and_leaves_nothing(tmp_path: Path, signum: int, group: bool) -> None:
    # its own process group: the worker joins it, so its end can be seen
    process, fifo = roster_from_a_pipe(tmp_path, start_new_session=True)
    with open(fifo, "w") as writer:
        writer.write(roster(1600))  # more than the worker's first batch: it starts; the reader waits for more
        writer.flush()
        deadline = time.monotonic() + 20
        while not _children(process.pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _children(process.pid), "the worker never started"
        if group:
            os.killpg(process.pid, signum)  # paycalc and its worker both get it; the worker ignores Ctrl-C
        else:
            process.send_signal(signum)
        _, stderr = process.communicate(timeout=20)
    assert process.returncode == 128 + signum
    assert "nothing was written" in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv"]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)  # anyone left in paycalc's process group?
        except ProcessLookupError:
            break
        time.sleep(0.02)
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # the worker is gone too


def test_as_a_real_process_only_paycalc_speaks_and_the_output_is_whole(tmp_path: Path) -> None:
    """The worker is a fork of paycalc: were it ever to run on past its loop, it would write or say
    something a second time. Run as a user runs it, stderr stays empty and the output is exact."""
    text = roster(3100)
    (tmp_path / "members.csv").write_text(text)
    out = tmp_path / "out.csv"
    result = subprocess.run(
        [sys.executable, "-m", "paycalc", "retro", "--roster", str(tmp_path / "members.csv"), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    expected = [
        f"{t.id},1,{t.owed},{t.paid},{t.retro}" for t in paycalc.retro_roster(csv.DictReader(io.StringIO(text)))
    ]
    assert out.read_text().splitlines() == ["id,rows,owed,paid,retro", *expected]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv", "out.csv"]


def test_when_no_process_can_be_started_this_one_prices_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert list(parallel.in_two_processes(square, range(2600))) == [(n, n * n) for n in range(2600)]


def _replying(reply: Callable[[list[int], Any], None]) -> Callable[[Callable[[int], int], int, int], None]:
    """A worker's life that answers its first batch with ``reply(batch, sink)`` and then leaves."""
    import pickle

    def serve(price: Callable[[int], int], read_fd: int, write_fd: int) -> None:
        with os.fdopen(read_fd, "rb") as source, os.fdopen(write_fd, "wb") as sink:
            batch = pickle.load(source)
            reply([price(item) for item in batch], sink)
            sink.flush()
        os._exit(0)

    return serve


@pytest.mark.parametrize(
    "reply",
    [
        lambda results, sink: __import__("pickle").dump(results[:-1], sink),  # one result short
        lambda results, sink: sink.write(__import__("pickle").dumps(results)[:100]),  # cut off mid-reply
        lambda results, sink: sink.write(b"not a pickle at all"),
    ],
    ids=["one-short", "cut-off", "garbage"],
)
def test_a_short_or_broken_reply_from_the_worker_is_priced_here(
    monkeypatch: pytest.MonkeyPatch, reply: Callable[[list[int], Any], None]
) -> None:
    monkeypatch.setattr(parallel, "_serve", _replying(reply))
    assert list(parallel.in_two_processes(square, range(4001))) == [(n, n * n) for n in range(4001)]


def test_one_usable_core_prices_everything_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from paycalc.membership import parallel

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)  # as `taskset -c 0` leaves it
    monkeypatch.setattr(os, "fork", lambda: (_ for _ in ()).throw(AssertionError("forked on one core")))
    items = list(range(3 * parallel.BATCH))
    assert list(parallel.in_two_processes(lambda n: n * 2, items)) == [(n, n * 2) for n in items]
