"""A user's text never drives the terminal: control characters in ids, names, titles and proposal names
are shown written out (``\\x1b``), never sent. Run in a real pseudo-terminal, as a user sees it."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from paycalc.output.render import table, visible


def _read_all(leader: int) -> bytes:
    """Everything written to a pseudo-terminal, once its other end is closed by every process."""
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return seen


def _on_a_terminal(args: list[str], cwd: Path) -> bytes:
    """What paycalc writes to a terminal (a pseudo-terminal of its own) for ``args``."""
    leader, follower = pty.openpty()
    env = dict(os.environ, COLUMNS="120", TERM="dumb")
    done = subprocess.run(
        [sys.executable, "-m", "paycalc", *args], stdout=follower, stderr=subprocess.PIPE, cwd=cwd, env=env, timeout=60
    )
    os.close(follower)
    seen = _read_all(leader)
    assert done.returncode == 0, done.stderr
    return seen


def test_a_roster_written_to_a_terminal_shows_control_characters(tmp_path: Path) -> None:
    (tmp_path / "esc.csv").write_text(
        "id,Name,title,hired,from,to\nA\x1b[31m,Ana\x1b[2J\x07,Teacher Aide,2019-03-02,2019-03-02,2019-06-30\n"
    )
    shown = _on_a_terminal(["retro", "--roster", "esc.csv"], tmp_path)
    assert b"\x1b" not in shown and b"\x07" not in shown
    assert b"A\\x1b[31m,Ana\\x1b[2J\\x07," in shown


def test_a_proposal_name_in_a_table_shows_control_characters(tmp_path: Path) -> None:
    (tmp_path / "esc.yaml").write_text(
        'name: "offer\\e]0;pwned\\a"\nbase: 2018-06-16\nchanges:\n  - {effective: 2019-07-01, percent: 1}\n'
    )
    shown = _on_a_terminal(["propose", "esc.yaml"], tmp_path)
    assert b"\x1b" not in shown and b"\x07" not in shown
    assert b"offer\\x1b]0;pwned\\x07" in shown


def test_visible_keeps_text_and_writes_out_controls() -> None:
    assert visible("Ed. Asst. B\tx\n") == "Ed. Asst. B\tx\n"
    assert visible("a\x1bb\x00c\x7fd\x9be\r") == "a\\x1bb\\x00c\\x7fd\\x9be\\x0d"
    assert "\\x1b" in table(("Name",), [["x\x1b[2Jy"]]) and "\x1b" not in table(("Name",), [["x\x1b[2Jy"]])


def test_an_error_naming_a_users_file_is_one_visible_line(tmp_path: Path) -> None:
    name = "bad\x1b[2J\nname.csv"
    done = subprocess.run(
        [sys.executable, "-m", "paycalc", "retro", "--roster", name], capture_output=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.count(b"\n") == 1 and b"\x1b" not in done.stderr
    assert b"bad\\x1b[2J\\nname.csv" in done.stderr


def test_a_long_roster_in_columns_shows_its_progress_on_a_terminal_and_nothing_on_a_pipe(tmp_path: Path) -> None:
    """stderr a terminal: a progress bar while the columns price the roster (it is cleared at the end); stderr a
    pipe: nothing at all. The totals are the same either way."""
    lines = ["id,title,hired,from,to"]
    lines += [f"E{n:07d},Ed. Asst. B,2005-09-01,2013-05-01,2014-09-30" for n in range(150_000)]
    (tmp_path / "big.csv").write_text("\n".join(lines) + "\n")
    leader, follower = pty.openpty()
    env = dict(os.environ, COLUMNS="100", TERM="xterm")
    command = [sys.executable, "-m", "paycalc", "retro", "--roster", "big.csv", "-o", "tty.csv", "--jobs", "1"]
    done = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, cwd=tmp_path, env=env)
    os.close(follower)
    seen = _read_all(leader)
    assert done.wait(timeout=120) == 0
    assert b"pricing the roster" in seen
    piped = subprocess.run([*command[:-4], "-o", "pipe.csv"], capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert (piped.returncode, piped.stderr) == (0, b"")
    assert (tmp_path / "tty.csv").read_bytes() == (tmp_path / "pipe.csv").read_bytes()
