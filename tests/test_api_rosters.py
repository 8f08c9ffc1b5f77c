"""The roster jobs from the Python API (#30): retro and costing over a roster file's path or a file object,
and the whole retro job (read, price, write all or nothing) without the command line. Each answer is held to
the command line's own on the same roster: the API and the CLI are one job."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app

runner = CliRunner()
EXPORT = (
    "Employee ID,Name,Job Title,Hire Date,from,to\n"
    '1001,"Smith, Jane",Teacher Aide,9/1/2005,2018-07-01,2019-06-30\n'
    "1002,Doe,Ed. Asst. B,2012-10-15,2018-07-01,2019-06-30\n"
)


def _roster(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(EXPORT)
    return path


def test_retro_roster_reads_a_path_and_a_file_object_as_the_cli_does(tmp_path: Path) -> None:
    text = EXPORT.replace("to\n", "to,paid_schedule\n").replace("2019-06-30\n", "2019-06-30,2014-05-01\n")
    path = tmp_path / "export.csv"
    path.write_text(text)
    cli = runner.invoke(app, ["retro", "--roster", str(path), "-f", "json"])
    assert cli.exit_code == 0, cli.output
    expected = {row["id"]: Decimal(row["retro"]) for row in json.loads(cli.stdout)}
    assert expected["1001"] > 0 and len(expected) == 2
    for given in (str(path), path, io.BytesIO(text.encode()), io.StringIO(text)):
        assert {t.id: t.retro for t in paycalc.retro_roster(given)} == expected, type(given)
    book = tmp_path / "export.xlsx"
    workbook = Workbook()
    for line in csv.reader(io.StringIO(text)):
        workbook.active.append(line)
    workbook.save(book)
    assert {t.id: t.retro for t in paycalc.retro_roster(book)} == expected


def test_write_retro_roster_writes_what_the_command_line_writes(tmp_path: Path) -> None:
    path = _roster(tmp_path)
    by_cli, by_api = tmp_path / "cli.csv", tmp_path / "api.csv"
    cli = runner.invoke(app, ["retro", "--roster", str(path), "--paid-schedule", "2014-05-01", "-o", str(by_cli)])
    assert cli.exit_code == 0, cli.output
    notes: list[str] = []
    skipped = paycalc.write_retro_roster(path, by_api, paid_schedule="2014-05-01", say=notes.append)
    assert skipped == 0 and by_api.read_bytes() == by_cli.read_bytes()
    assert notes == [f"Note: {path}: carried through, not read: Name"]


def test_a_job_that_fails_writes_nothing_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,title,hired,from,to\n1,Teacher Aide,2005-09-01,2018-07-01,2019-06-30\n2,Nobody,x,y,z\n")
    out = tmp_path / "out.csv"
    with pytest.raises(paycalc.PaycalcError, match=r"bad.csv: line 3: .*nothing was written"):
        paycalc.write_retro_roster(path, out)
    assert not out.exists()


def test_cost_roster_over_a_path_and_a_file_object_agrees_with_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "paras.csv"
    path.write_text("Employee ID,Name,Column,Step,Hire Date\n1,Ann,High School,3,8/25/2023\n2,Bo,Bachelor's,6,\n")
    common = ["--contract", "lunenburg-paras", "--paid-contract", "lunenburg-paras-posted", "--from", "2025-07-01"]
    cli = runner.invoke(app, ["cost", "--roster", str(path), *common, "--to", "2027-06-30", "-f", "json"])
    assert cli.exit_code == 0, cli.output
    expected = json.loads(cli.stdout)["total"]["proposals"][0]["increase"]
    from paycalc.contract.loader import bundled_contract

    options = {"schedules": str(bundled_contract("lunenburg-paras")), "paid_contract": "lunenburg-paras-posted"}
    for given in (path, io.BytesIO(path.read_bytes())):
        costing = paycalc.cost_roster(given, [], start="2025-07-01", end="2027-06-30", **options)
        assert str(costing.total.proposals[0].increase) == expected
    by_step = paycalc.cost_roster(path, [], start="2025-07-01", end="2027-06-30", by="step", **options)
    assert list(by_step.total.by_title) == ["step 3", "step 6"]


def test_the_roster_job_runs_without_the_command_line(tmp_path: Path) -> None:
    """A script that cannot import ``paycalc.cli`` runs the whole job: the job lives below it."""
    path = _roster(tmp_path)
    script = (
        "import sys; sys.modules['paycalc.cli'] = None; sys.modules['typer'] = None\n"
        "import paycalc\n"
        f"print(paycalc.write_retro_roster({str(path)!r}, {str(tmp_path / 'out.csv')!r}, "
        "paid_schedule='2014-05-01'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0" and (tmp_path / "out.csv").read_text().startswith("id,Name,rows,owed,paid")


def test_a_roster_on_stdin_is_priced_in_columns_as_the_same_file_is(tmp_path: Path) -> None:
    from paycalc.jobs import columnar

    text = "id,title,hired,from,to,name\n" + "".join(
        f'{n},Teacher Aide,2005-09-01,2018-07-01,2019-06-30,"Smith, {n}"\n' for n in range(50)
    )
    path = tmp_path / "members.csv"
    path.write_text(text)
    by_file = runner.invoke(app, ["retro", "--roster", str(path)])
    taken: list[bool] = []
    real = columnar.priced
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columnar, "priced", lambda *a, **k: taken.append(real(*a, **k)) or taken[-1])
        by_stdin = runner.invoke(app, ["retro", "--roster", "-"], input=text.encode())
    assert by_stdin.exit_code == 0, by_stdin.output
    assert by_stdin.stdout == by_file.stdout and taken == [True]
    assert "Note: stdin: carried through, not read: name" in by_stdin.stderr
    bad = runner.invoke(app, ["retro", "--roster", "-"], input=text.encode() + b"x,Nobody,x,x,x,\n")
    assert bad.exit_code == 1 and "stdin: line 52:" in bad.stderr  # the row by row path names stdin's line


def test_a_signal_while_stdin_is_copied_leaves_no_copy(tmp_path: Path) -> None:
    import os
    import signal
    import time

    env = {**os.environ, "TMPDIR": str(tmp_path)}
    out = tmp_path / "out.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "paycalc", "retro", "--roster", "-", "--output", str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert process.stdin is not None
    process.stdin.write(b"id,title,hired,from,to\n1,Teacher Aide,2005-09-01,2018-07-01,2019-06-30\n")
    process.stdin.flush()  # and held open: paycalc waits for the rest of stdin
    for _ in range(200):
        if list(tmp_path.glob("paycalc-stdin-*")):
            break
        time.sleep(0.05)
    assert list(tmp_path.glob("paycalc-stdin-*")), "the copy was never begun"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert not list(tmp_path.glob("paycalc-stdin-*")) and not out.exists()
