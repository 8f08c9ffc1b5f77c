"""A hostile user, a broken file and a faulty machine: never a wrong number, a lost file, a hang or a traceback.

Each class of fault has a test that asserts the message and the exit code. Where the behaviour lives in
the OS (signals, devices, encodings, closed streams, a full disk) the test runs paycalc as a real
process; device tests run in a private mount namespace (``unshare -m``) so the machine's /dev is never
touched, and are skipped where that is not available.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paycalc.contract import loader
from tests.conftest import FIXTURES, roster_from_a_pipe

PAY = ["pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--years", "16"]
ROSTER = "id,title,hired,from,to\nA1,Ed. Asst. B,2005-09-01,2013-05-01,2014-09-30\n"


def paycalc(*args: str, timeout: float = 30, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **kwargs.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.run(
        [sys.executable, "-m", "paycalc", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        **kwargs,  # type: ignore[call-overload]
    )


def one_error(result: subprocess.CompletedProcess[str], message: str, code: int = 1) -> None:
    assert result.returncode == code, result.stderr
    assert result.stderr.startswith(f"Error: {message}"), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


# --- the cache is data, sealed, and checked -------------------------------------------------------


def test_a_poisoned_cache_entry_is_not_believed(tmp_path: Path) -> None:
    env = {"PAYCALC_CACHE_DIR": str(tmp_path)}
    assert "$33,352.00" in paycalc(*PAY, env=env).stdout
    (entry,) = tmp_path.glob("contract-*.json")
    digest, content = entry.read_text().split("\n", 1)
    data = json.loads(content)
    for schedule in data["schedules"]:
        schedule["rates"]["Ed. Asst. B"]["15-year"] = "99999"
    entry.write_text(digest + "\n" + json.dumps(data))
    result = paycalc(*PAY, env=env)
    assert "Annual pay  $33,352.00" in result.stdout
    assert "99,999" not in result.stdout


def test_a_pickle_in_the_cache_folder_runs_no_code(tmp_path: Path) -> None:
    import pickle

    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (os.system, (f"touch {marker}",))

    env = {"PAYCALC_CACHE_DIR": str(tmp_path)}
    paycalc(*PAY, env=env)
    for entry in tmp_path.glob("contract-*"):
        entry.write_bytes(pickle.dumps(Payload()))
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(Payload()))
    assert "$33,352.00" in paycalc(*PAY, env=env).stdout
    assert not marker.exists()


def test_a_fifo_in_the_cache_folder_does_not_block(tmp_path: Path) -> None:
    env = {"PAYCALC_CACHE_DIR": str(tmp_path)}
    paycalc(*PAY, env=env)
    (entry,) = tmp_path.glob("contract-*.json")
    entry.unlink()
    os.mkfifo(entry)
    assert "$33,352.00" in paycalc(*PAY, env=env, timeout=20).stdout


# --- schedule files: one way to write a number, each key once, bounded -----------------------------

CONTRACT = (FIXTURES / "broken" / "mistyped-cell" / "contract.yaml").read_text()
SCHEDULE = """effective: 2020-07-01
source: {article: Article 3, pages: 12}
longevity: {5-year: 500}
rates:
  Aide: {base: 20000, 5-year: 20500}
  Assistant: {base: 25000, 5-year: 25500}
"""


def folder_with(tmp_path: Path, schedule: str = SCHEDULE, contract: str = CONTRACT) -> Path:
    folder = tmp_path / "local"
    folder.mkdir()
    (folder / "contract.yaml").write_text(contract)
    (folder / "2020-07-01.yaml").write_text(schedule)
    return folder


def problems(folder: Path) -> list[str]:
    contract, found = loader.check_folder(folder)
    assert contract is None
    return [str(p) for p in found]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Aide: {base: 20000, 5-year: 20500}", "Aide: {base: 20000, 5-year: 20500, base: 2000}", "key 'base' appears"),
        ("base: 20000,", "base: 020000,", "'020000' is not an amount"),
        ("base: 20000,", "base: 350:00,", "'350:00' is not an amount"),
        ("base: 20000,", "base: 20_000,", "'20_000' is not an amount"),
        ("base: 20000,", "base: 1.0e+400,", "'1.0e+400' is not an amount"),
        ("base: 20000,", "base: 1234567890123456789012345678901,", "has more than 20 digits"),
        ("base: 20000,", "base: 10000001,", "10000001 is out of range (an amount up to 10000000"),
        ("effective: 2020-07-01", "effective: 2018-02-30", "'2018-02-30' is not a date"),
        ("effective: 2020-07-01", "effective: 0000-01-01", "'0000-01-01' is not a date"),
        ("rates:\n", "extra: &a [1]\nrates:\n", "anchors (&name) are not accepted"),
    ],
)
def test_schedule_values_have_one_plain_form(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in SCHEDULE
    found = problems(folder_with(tmp_path, SCHEDULE.replace(old, new)))
    assert any(message in p for p in found), found


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("regular_hours_per_week: 30", "regular_hours_per_week: 1.0e-30", "'1.0e-30' is not an amount"),
        ("regular_hours_per_week: 30", "regular_hours_per_week: 0.000001", "with at most 4 decimals"),
        ("{label: 5-year, min_years: 5}", "{label: 5-year, min_years: 100000}", "less than or equal to 100"),
    ],
)
def test_contract_values_are_bounded(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in CONTRACT
    found = problems(folder_with(tmp_path, contract=CONTRACT.replace(old, new)))
    assert any(message in p for p in found), found


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
    )
    start = time.monotonic()
    found = problems(folder_with(tmp_path, bomb))
    assert time.monotonic() - start < 2
    assert any("anchors (&name) are not accepted" in p for p in found), found


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    found = problems(folder_with(tmp_path, "x: " + "[" * 20000 + "]" * 20000 + "\n"))
    assert any("nested more than 20 levels deep" in p for p in found), found


@pytest.mark.parametrize("kind", ["dangling", "loop", "fifo"])
def test_a_schedule_file_that_cannot_be_read_is_named(tmp_path: Path, kind: str) -> None:
    folder = folder_with(tmp_path)
    target = folder / "2021-07-01.yaml"
    if kind == "dangling":
        target.symlink_to(folder / "missing.yaml")
        expected = "a symbolic link to a file that does not exist"
    elif kind == "loop":
        target.symlink_to(target)
        expected = "a symbolic link that loops"
    else:
        os.mkfifo(target)
        expected = "not a regular file"
    assert problems(folder) == [f"{target}: cannot be read: {expected}"]
    one_error(paycalc(*PAY[:3], "--years", "1", "--schedules", str(folder)), f"{target}: cannot be read: {expected}")


# --- numbers and dates on the command line -----------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hours", "1_5"], "--hours '1_5' is not a plain decimal number"),
        (["--hours", "\uff11\uff15"], "--hours '\uff11\uff15' is not a plain decimal number"),
        (["--hours", "1e-1000000"], "--hours '1e-1000000' is not a plain decimal number"),
        (["--workyear", "nan"], "--workyear 'nan' is not a plain decimal number"),
        (["--years", "9" * 5000], "--years '9999999999999999"),
        (["--years", "101"], "--years '101' is not a whole number of completed years (0 to 100"),
        (["--date", "9999-12-31"], "--date 9999-12-31 is out of range (a date from 1900-01-01 to 2199-12-31)"),
    ],
)
def test_bad_numbers_are_one_line_in_bounded_time(args: list[str], message: str) -> None:
    command = [*PAY[:3], *(PAY[3:5] if "--date" not in args else []), *args]
    if "--years" not in args:
        command += ["--years", "16"]
    one_error(paycalc(*command, timeout=20), message)


RETRO = ["retro", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2013-05-01", "--to", "2013-05-31"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--paid-annual", "1e999"], "--paid-annual '1e999' is not a plain decimal number"),
        (["--paid-annual", "1e26"], "--paid-annual '1e26' is not a plain decimal number"),
        (["--paid-annual", "1e-99999999"], "--paid-annual '1e-99999999' is not a plain decimal number"),
        (["--paid-annual", "99999999999"], "--paid-annual '99999999999' is out of range"),
        (["--to", "9999-12-31"], "--to 9999-12-31 is out of range"),
    ],
)
def test_bad_retro_values_are_one_line(args: list[str], message: str) -> None:
    one_error(paycalc(*RETRO, *args, timeout=20), message)


def test_minus_zero_is_zero() -> None:
    result = paycalc(*RETRO, "--paid-annual", "-0", "--format", "json")
    assert json.loads(result.stdout)["paid_basis"] == "flat 0.00"


# --- rosters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (
            ROSTER.replace("to\n", "to,hours,hours\n").replace("30\n", "30,20,10\n"),
            [],
            "stdin: columns named twice: hours",
        ),
        (ROSTER.replace("A1", "Ã1").encode("latin-1"), [], "stdin: line 2: not UTF-8 text"),
        (ROSTER.replace("A1", "Ã1").encode("latin-1"), ["--skip-invalid"], "stdin: line 2: not UTF-8 text"),
        (ROSTER.replace("A1", "A" * 1_000_000), [], "stdin: line 2: a cell longer than 10,000 characters"),
        (ROSTER.replace("2005-09-01", "9999-01-01"), [], "stdin: line 2: hire date 9999-01-01 is out of range"),
        (ROSTER.replace("to\n", "to,paid_annual\n").replace("30\n", "30,1e26\n"), [], "stdin: line 2: paid annual"),
    ],
)
def test_bad_rosters_are_one_line(content: str | bytes, extra: list[str], message: str) -> None:
    data = content if isinstance(content, bytes) else content.encode()
    result = subprocess.run(
        [sys.executable, "-m", "paycalc", "retro", "--roster", "-", *extra],
        input=data,
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 1, result.stderr
    stderr = result.stderr.decode()
    assert stderr.startswith(f"Error: {message}"), stderr
    assert "Traceback" not in stderr
    assert result.stdout == b""


def test_a_paid_annual_cell_too_large_is_skipped_with_skip_invalid() -> None:
    roster = ROSTER.replace("to\n", "to,paid_annual\n").replace("30\n", "30,1e26\n") + ROSTER.splitlines()[1] + "\n"
    roster = roster.replace(
        "A1,Ed. Asst. B,2005-09-01,2013-05-01,2014-09-30\n", "B2,Ed. Asst. B,2005-09-01,2013-05-01,2014-09-30,\n", 1
    )
    result = paycalc("retro", "--roster", "-", "--skip-invalid", input=roster)
    assert result.returncode == 3
    assert "Skipped: stdin: line 2: paid annual '1e26' is not a plain decimal number" in result.stderr


def test_a_bom_on_stdin_is_stripped() -> None:
    result = paycalc("retro", "--roster", "-", input="\ufeff" + ROSTER)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("A1,1,")


def test_a_closed_stdin_is_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "paycalc", "retro", "--roster", "-"],
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),
    )
    one_error(result, "no standard input to read the roster from (give a file path)")


# --- output files -------------------------------------------------------------------------------------


def test_the_output_may_not_be_the_roster(tmp_path: Path) -> None:
    roster = tmp_path / "members.csv"
    roster.write_text(ROSTER)
    link = tmp_path / "link.csv"
    link.symlink_to(roster)
    for output in (roster, link):
        one_error(
            paycalc("retro", "--roster", str(roster), "--output", str(output)),
            f"will not write {output}: it is the input {roster}",
        )
    assert roster.read_text() == ROSTER


def test_an_output_link_is_written_through_and_kept(tmp_path: Path) -> None:
    (tmp_path / "members.csv").write_text(ROSTER)
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "out.csv"
    link.symlink_to(target)
    result = paycalc("retro", "--roster", str(tmp_path / "members.csv"), "--output", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert target.read_text().startswith("id,rows,owed,paid,retro\nA1,1,")


def test_a_read_only_or_non_regular_output_is_refused(tmp_path: Path) -> None:
    (tmp_path / "members.csv").write_text(ROSTER)
    locked = tmp_path / "locked.csv"
    locked.write_text("keep\n")
    locked.chmod(0o444)
    one_error(
        paycalc("retro", "--roster", str(tmp_path / "members.csv"), "--output", str(locked)),
        f"will not replace {locked}: it is read-only",
    )
    assert locked.read_text() == "keep\n"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    one_error(
        paycalc("retro", "--roster", str(tmp_path / "members.csv"), "--output", str(fifo)),
        f"will not replace {fifo}: it is not a regular file",
    )
    assert fifo.is_fifo()


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_output_gets_the_umask_mode(tmp_path: Path, umask: int, mode: int) -> None:
    (tmp_path / "members.csv").write_text(ROSTER)
    out = tmp_path / "out.csv"
    result = subprocess.run(
        [sys.executable, "-m", "paycalc", "retro", "--roster", str(tmp_path / "members.csv"), "-o", str(out)],
        capture_output=True,
        timeout=30,
        preexec_fn=lambda: os.umask(umask),
    )
    assert result.returncode == 0
    assert out.stat().st_mode & 0o777 == mode


def test_one_person_retro_honours_output(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    result = paycalc(*RETRO, "--format", "json", "--output", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text())["title"] == "Ed. Asst. B"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_a_roster_leaves_nothing_behind(tmp_path: Path, signum: int) -> None:
    process, fifo = roster_from_a_pipe(tmp_path)
    with open(fifo, "w") as writer:
        writer.write(ROSTER)
        writer.flush()
        deadline = time.monotonic() + 20
        while not list(tmp_path.glob(".out.csv.*.tmp")) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert list(tmp_path.glob(".out.csv.*.tmp")), "the temporary output never appeared"
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=20)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["members.csv"]
    assert process.returncode == 128 + signum
    assert "Traceback" not in stderr
    assert "nothing was written" in stderr


# --- the machine: encodings, pipes, a full disk ---------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
@pytest.mark.parametrize(
    "args",
    [["history", "--title", "Teacher Aide", "--years", "3"], ["compare", "2008-05-19", "2018-06-16"], ["titles"]],
)
def test_output_survives_a_terminal_that_cannot_encode_box_drawing(encoding: str, args: list[str]) -> None:
    result = paycalc(*args, env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr
    assert "---" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    shell = f"{sys.executable} -m paycalc compare 2008-05-19 2018-06-16 | head -1"
    result = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, timeout=30)
    assert result.stdout == "Schedule of 2008-05-19 -> schedule of 2018-06-16\n"
    assert result.stderr == ""


def _private_mounts() -> bool:
    if not shutil.which("unshare") or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


needs_namespace = pytest.mark.skipif(not _private_mounts(), reason="needs root and unshare -m")


@needs_namespace
def test_a_full_disk_is_one_error_line(tmp_path: Path) -> None:
    mnt = tmp_path / "small"
    mnt.mkdir()
    script = (
        f"mount -t tmpfs -o size=4k tmpfs {mnt} && (head -c 8192 /dev/zero > {mnt}/fill 2>/dev/null; true) && "
        f"{sys.executable} -m paycalc {' '.join(repr(a) for a in PAY)} > {mnt}/out"
    )
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=30)
    one_error(result, "cannot write to standard output: No space left on device")


@needs_namespace
def test_a_device_as_output_is_refused_and_kept(tmp_path: Path) -> None:
    (tmp_path / "members.csv").write_text(ROSTER)
    dev = tmp_path / "dev"
    dev.mkdir()
    script = (
        f"mount -t tmpfs tmpfs {dev} && mknod {dev}/full c 1 7 && "
        f"{sys.executable} -m paycalc retro --roster {tmp_path}/members.csv -o {dev}/full; "
        f"code=$?; test -c {dev}/full && echo still-a-device; exit $code"
    )
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=30)
    one_error(result, f"will not replace {dev}/full: it is not a regular file")
    assert result.stdout == "still-a-device\n"


@needs_namespace
def test_dev_stdout_as_output_reaches_stdout(tmp_path: Path) -> None:
    """In a private namespace with its own /dev: the machine's /dev/stdout link is never at risk."""
    (tmp_path / "members.csv").write_text(ROSTER)
    script = (
        "mount -t tmpfs tmpfs /dev && ln -s /proc/self/fd/1 /dev/stdout && "
        f"{sys.executable} -m paycalc retro --roster {tmp_path}/members.csv -o /dev/stdout; "
        "code=$?; test -L /dev/stdout && echo still-a-link; exit $code"
    )
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("id,rows,owed,paid,retro\nA1,1,")
    assert result.stdout.endswith("still-a-link\n")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["pay", "--title", "Teacher Aide", "--years", "1", "--proposal", ""], "--proposal"),
        (["pay", "--title", "Teacher Aide", "--years", "1", "--schedules="], "--schedules"),
        (["retro", "--roster", ""], "--roster"),
        (["retro", "--roster", "members.csv", "--output", ""], "--output"),
        (["retro", "--roster", "members.csv", "-o", ""], "-o"),
        (
            [
                "cost",
                "--roster",
                "m.csv",
                "--proposal",
                "uft-2019-2022",
                "--from",
                "2019-07-01",
                "--to",
                "2020-06-30",
                "--output",
                "",
            ],
            "--output",
        ),
        (["cost", "--roster", "m.csv", "--proposal", "uft-2019-2022", "--per-member", ""], "--per-member"),
        (["cost", "--roster", "m.csv", "--proposal", "a.yaml", "--write-proposal", ""], "--write-proposal"),
        (["compare", "2008-05-19", "2018-06-16", "--cpi", ""], "--cpi"),
        (
            ["paychecks", "--title", "x", "--years", "1", "--from", "2018-05-01", "--to", "2018-05-31", "--paid", ""],
            "--paid",
        ),
        (["propose", "uft-2019-2022", "--write", ""], "--write"),
        (["propose", ""], "FILE"),
        (["schedules", "validate", ""], "DIR"),
    ],
)
def test_an_empty_path_is_a_usage_error_never_a_default(args: list[str], named: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "paycalc", *args], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"Error: {named} is empty (give a file or folder path; '-' means standard input or output)\n"
    )
    assert done.stdout == "" and list(tmp_path.iterdir()) == []


ROSTER_COST = "id,title,hired\n1,Teacher Aide,2010-01-04\n"
ROSTER_RETRO = "id,title,hired,from,to\n1,Teacher Aide,2010-01-04,2019-03-01,2019-06-30\n"
RANGE = ["--from", "2019-07-01", "--to", "2020-06-30"]
PERSON = ["--title", "Teacher Aide", "--hired", "2019-03-02", "--from", "2019-03-02", "--to", "2019-06-30"]


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["cost", "--roster", "staff.csv", "--proposal", "offer.yaml", *RANGE, "--output", "staff.csv"], "staff.csv"),
        (["cost", "--roster", "staff.csv", "--proposal", "offer.yaml", *RANGE, "--output", "link.yaml"], "offer.yaml"),
        (["retro", "--proposal", "offer.yaml", *PERSON, "--output", "offer.yaml"], "offer.yaml"),
        (["retro", "--schedules", "sch", *PERSON, "--output", "sch/contract.yaml"], "sch/contract.yaml"),
        (["retro", "--roster", "members.csv", "--proposal", "offer.yaml", "--output", "offer.yaml"], "offer.yaml"),
        (
            ["retro", "--roster", "members.csv", "--schedules", "sch", "-o", "sch/2018-06-16.yaml"],
            "sch/2018-06-16.yaml",
        ),
    ],
)
def test_an_output_never_replaces_an_input_of_the_same_command(tmp_path: Path, args: list[str], target: str) -> None:
    from tests.conftest import REPO

    (tmp_path / "staff.csv").write_text(ROSTER_COST)
    (tmp_path / "members.csv").write_text(ROSTER_RETRO)
    shutil.copy(REPO / "proposals" / "uft-2019-2022.yaml", tmp_path / "offer.yaml")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "offer.yaml")  # the same file by another name
    shutil.copytree(REPO / "schedules", tmp_path / "sch")
    before = (tmp_path / target).read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "paycalc", *args], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("Error: will not write ") and "it is the input" in done.stderr
    assert done.stderr.count("\n") == 1
    assert (tmp_path / target).read_bytes() == before


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "paycalc", *args], capture_output=True, text=True, cwd=tmp_path, check=False
    )


def test_sheet_with_a_csv_roster_is_a_usage_error_on_cost(tmp_path: Path) -> None:
    (tmp_path / "staff.csv").write_text(ROSTER_COST)
    done = _run(tmp_path, "cost", "--roster", "staff.csv", "--sheet", "Members", "--proposal", "uft-2019-2022", *RANGE)
    assert (done.returncode, done.stderr) == (2, "Error: --sheet applies only to an .xlsx roster\n")


def test_a_cpi_row_with_a_decimal_comma_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "cpi.csv").write_text("year,value\n2017,245,120\n2018,251.107\n")
    done = _run(tmp_path, "compare", "2017-05-01", "2018-06-16", "--cpi", "cpi.csv")
    assert done.returncode == 1
    assert done.stderr == (
        "Error: --cpi cpi.csv: line 2: '2017,245,120' has 3 cells, the header 2 (a decimal comma? write 245.120, "
        "not 245,120)\n"
    )


def test_a_budget_over_an_empty_roster_is_an_error_not_a_fit(tmp_path: Path) -> None:
    (tmp_path / "staff.csv").write_text("id,title,hired\n")
    done = _run(
        tmp_path, "cost", "--roster", "staff.csv", "--proposal", "uft-2019-2022", "--budget", "1000",
        "--solve-percent", "2019-07-01", *RANGE,
    )  # fmt: skip
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("Error: no member of the roster is paid in the fiscal year 2019-07-01 to 2020-06-30")


def test_a_number_past_every_limit_is_called_out_of_range() -> None:
    done = _run(Path.cwd(), "pay", "--title", "Teacher Aide", "--years", "1", "--hours", "12345678901234")
    assert done.returncode == 1
    assert done.stderr.startswith("Error: --hours '12345678901234' is out of range")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\x00\xff\xfe junk", "line 1: not UTF-8 text (byte 0xff; save it as UTF-8)"),
        (b"name: caf\xe9\nbase: 2018-06-16\n", "line 1: not UTF-8 text (byte 0xe9; save it as UTF-8)"),
        (b"name: a\x00b\n", "line 1: holds a NUL byte (a YAML file is text)"),
        (b"name: ok\n\nbase: [\n", "not valid YAML"),
    ],
)
def test_a_yaml_file_that_cannot_be_decoded_is_one_error_line(tmp_path: Path, content: bytes, said: str) -> None:
    (tmp_path / "offer.yaml").write_bytes(content)
    done = _run(tmp_path, "propose", "offer.yaml")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("Error: offer.yaml: ")
    assert said in done.stderr
