import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the schedule cache of the test run out of the user's home."""
    mp = pytest.MonkeyPatch()
    mp.setenv("PAYCALC_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    mp.delenv("PAYCALC_SCHEDULES", raising=False)
    yield
    mp.undo()


def roster_from_a_pipe(tmp_path: Path, **popen: object) -> tuple[subprocess.Popen[str], Path]:
    """``paycalc retro --roster FIFO --output out.csv`` as a real process reading a named pipe, which the
    test then writes to (and holds open, so paycalc waits mid-roster for a signal)."""
    fifo = tmp_path / "members.csv"
    os.mkfifo(fifo)
    process = subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, "-m", "paycalc", "retro", "--roster", str(fifo), "--output", str(tmp_path / "out.csv")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )
    return process, fifo


def start_serve(*options: str, cache: Path) -> tuple[subprocess.Popen[bytes], int]:
    """``paycalc serve`` as a real process on a free loopback port, once its /health answers: (process, port)."""
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    env = {**os.environ, "PAYCALC_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "paycalc", "serve", "--port", str(port), *options]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as response:
                assert response.read() == b"ok"
            return process, port
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"paycalc serve did not start: {process.communicate()[1]!r}") from None
            time.sleep(0.1)


@pytest.fixture
def columns_refuse_ed_asst_b(monkeypatch: pytest.MonkeyPatch) -> None:
    """The columns' pricer refuses the title Ed. Asst. B, which the rules price: a row the columns would leave
    out with ``--skip-invalid`` must then go to the row-by-row (member-by-member) path, priced."""
    from paycalc.membership.columnar import Pricer
    from paycalc.membership.unpriced import Unpriced

    way = Pricer.way

    def refusing(self: Pricer, title: str, work: object) -> int:
        if title == "Ed. Asst. B":
            raise Unpriced("a title these columns cannot price")
        return way(self, title, work)  # type: ignore[arg-type]

    monkeypatch.setattr(Pricer, "way", refusing)
