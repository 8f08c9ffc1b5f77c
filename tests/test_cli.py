"""The paycalc command through typer's CliRunner: exit codes, exact output, one-line errors."""

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import COMMANDS, app
from tests.conftest import FIXTURES, REPO

runner = CliRunner()
MISSION = ["pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--years", "16"]


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_mission_command_prints_the_table() -> None:
    result = run(*MISSION)
    assert result.exit_code == 0
    assert result.stdout == (
        "Ed. Asst. B on 2018-06-16\n"
        "  Schedule    2018-06-16 (Article Three A.1, page 8)\n"
        "  Longevity   15-year row, 16 completed years\n"
        "  Rate        $33,352.00 a year\n"
        "  Pro-rating  x 1 (30 hours a week, workyear 1)\n"
        "  Annual pay  $33,352.00\n"
    )
    assert result.stderr == ""


def test_json_output() -> None:
    result = run(*MISSION, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "title": "Ed. Asst. B",
        "date": "2018-06-16",
        "schedule": "2018-06-16",
        "years": 16,
        "longevity": "15-year",
        "rate": "33352.00",
        "hours": "30",
        "workyear": "1",
        "factor": "1",
        "annual": "33352.00",
        "notes": [],
        "source": "Article Three A.1, page 8",
    }


def test_csv_output_part_time_from_a_hire_date() -> None:
    # Teacher Aide hired 2012-09-04: 5 completed years on 2018-06-16 -> 26523 x 20/30 = 17682.00
    result = run(
        "pay", "--title", "teacher aide", "--date", "2018-06-16", "--hired", "2012-09-04", "--hours", "20", "-f", "csv"
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "title,date,schedule,years,longevity,rate,hours,workyear,factor,annual,notes,source\n"
        'Teacher Aide,2018-06-16,2018-06-16,5,5-year,26523.00,20,1,0.666667,17682.00,,"Article Three A.1, page 8"\n'
    )


def test_notes_are_shown() -> None:
    result = run("pay", "--title", "Bil. Prof. Asst.", "--date", "2019-01-02", "--years", "20")
    assert result.exit_code == 0
    assert "  Annual pay  $39,838.00\n" in result.stdout
    words = " ".join(result.stdout.split())  # notes wrap to the width of the table
    assert "under the status quo its last schedule (2018-06-16) stays in force" in words
    assert "employed in title prior to December 1975 and continuously thereafter" in words


def test_date_defaults_to_today() -> None:
    result = run("pay", "--title", "Teacher Aide", "--years", "3", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["date"] == date.today().isoformat()


def test_another_contract_from_the_option_and_from_the_environment() -> None:
    folder = str(FIXTURES / "other-local")
    args = ["pay", "--title", "Paraeducator", "--date", "2024-07-01", "--years", "12", "--hours", "20", "-f", "json"]
    for result in (run(*args, "--schedules", folder), run(*args, env={"PAYCALC_SCHEDULES": folder})):
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["annual"] == "19621.58"  # 34337.77 x 20/35


BAD_FOLDER = str(FIXTURES / "broken" / "mistyped-cell")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "Ed Asst C"], "Error: unknown title 'Ed Asst C' (closest: "),
        (["--title", ""], "Error: title '' is empty ("),
        (["--date", "2018-6-16"], "Error: --date '2018-6-16' is not a valid date (YYYY-MM-DD, e.g. 2018-06-16)"),
        (["--date", "yesterday"], "Error: --date 'yesterday' is not a valid date"),
        (["--date", "2001-01-01"], "Error: --date 2001-01-01 is before the first schedule (dates from 2008-05-19 on)"),
        (["--years", "-1"], "Error: --years '-1' is not a whole number of completed years (0 to 100, e.g. 16)"),
        (["--years", "2.5"], "Error: --years '2.5' is not a whole number"),
        (["--years", ""], "Error: --years '' is not a whole number"),
        (["--hours", "0"], "Error: --hours '0' is out of range (hours per week above 0 and at most 168, e.g. 17.5)"),
        (["--hours", "169"], "Error: --hours '169' is out of range"),
        (["--hours", "abc"], "Error: --hours 'abc' is not a plain decimal number"),
        (["--workyear", "0"], "Error: --workyear '0' is out of range (a fraction of the regular workyear above 0"),
        (["--workyear", "inf"], "Error: --workyear 'inf' is not a plain decimal number"),
        (["--workyear", "NaN"], "Error: --workyear 'NaN' is not a plain decimal number"),
        (
            ["--schedules", "/nonexistent/paycalc"],
            "Error: /nonexistent/paycalc: no such folder (a schedules folder holds",
        ),
        (["--schedules", str(REPO / "pyproject.toml")], "pyproject.toml: is not a folder"),
        (
            ["--schedules", BAD_FOLDER],
            "rates.Assistant.5-year: 25050 is not the base rate 25000 + 5-year longevity 500",
        ),
    ],
)
def test_bad_input_is_one_error_line_and_exit_1(args: list[str], message: str) -> None:
    defaults = {"--title": "Ed. Asst. B", "--date": "2018-06-16", "--years": "16"}
    for option, value in zip(args[::2], args[1::2], strict=True):
        defaults[option] = value
    result = run("pay", *[part for pair in defaults.items() for part in pair])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "Error: neither --years nor --hired given (exactly one: completed years, e.g. --years 16, or a hire"),
        (["--years", "3", "--hired", "2001-01-01"], "Error: both --years and --hired given (exactly one: "),
        (["--years", "3", "--format", "yaml"], "Error: Invalid value for '--format' / '-f'"),
    ],
)
def test_usage_errors_exit_2(extra: list[str], message: str) -> None:
    result = run("pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", *extra)
    assert result.exit_code == 2
    assert message in result.stderr


def test_format_takes_any_case() -> None:
    result = run("pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--years", "16", "--format", "JSON")
    assert result.exit_code == 0
    assert '"annual": "33352.00"' in result.stdout


def test_a_hire_date_after_the_date() -> None:
    result = run("pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--hired", "2018-06-17")
    assert result.exit_code == 1
    assert (
        result.stderr == "Error: --hired 2018-06-17 is after the date 2018-06-16 (a hire date on or before the date)\n"
    )


def test_bilingual_rate_with_a_later_hire_is_an_error() -> None:
    result = run("pay", "--title", "Bil. Prof. Asst.", "--date", "2018-06-16", "--hired", "1990-09-01")
    assert result.exit_code == 1
    assert "only those employed in title before 1975-12-01" in result.stderr


def test_an_invalid_folder_from_the_environment() -> None:
    result = run(*MISSION, env={"PAYCALC_SCHEDULES": BAD_FOLDER})
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {BAD_FOLDER}/2020-07-01.yaml: rates.Assistant.5-year: ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [*MISSION, "--format", "xml"],
            "Error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', 'csv'.",
        ),
        (["pay", "--date", "2018-06-16", "--years", "16"], "Error: Missing option '--title'."),
        ([*MISSION, "--salary", "3"], "Error: No such option: --salary"),
        ([*MISSION, "--date"], "Error: Option '--date' requires an argument."),
        (["payy"], "Error: No such command 'payy'."),
    ],
)
def test_usage_errors_exit_2_with_an_error_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert [line for line in result.stderr.splitlines() if line.startswith("Error")] == [message]
    assert "Traceback" not in result.stderr


def test_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"paycalc {paycalc.__version__}\n")


def test_no_arguments_shows_help() -> None:
    result = run()
    assert result.output.startswith("Usage: paycalc [OPTIONS] COMMAND [ARGS]...")
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.startswith("  ")]
    assert listed[:4] == ["pay", "compare", "history", "retro"]


# every command a user can run, as the words that run it
LEAVES = [
    ["pay"],
    ["compare"],
    ["history"],
    ["retro"],
    ["paychecks"],
    ["titles"],
    ["contracts"],
    ["serve"],
    ["propose"],
    ["cost"],
    ["schedules", "list"],
    ["schedules", "show"],
    ["schedules", "validate"],
]


def _entries(help_text: str, section: str) -> list[tuple[str, str]]:
    """(name, help) for each entry of an "Options:" or "Arguments:" section of a --help text."""
    if f"{section}:\n" not in help_text:
        return []
    block = help_text.split(f"{section}:\n", 1)[1].split("\n\n", 1)[0]
    entries = re.split(r"\n  (?=\S)", "\n" + block)
    return [(entry.split()[0], " ".join(entry.split())) for entry in entries if entry.strip()]


def test_the_list_of_commands_is_complete() -> None:
    assert sorted({leaf[0] for leaf in LEAVES}) == sorted(COMMANDS)
    group = run("schedules", "--help").stdout
    assert all(f"  {leaf[1]} " in group for leaf in LEAVES if len(leaf) == 2)


@pytest.mark.parametrize("words", LEAVES, ids=" ".join)
def test_every_command_option_and_argument_has_help_with_an_example(words: list[str]) -> None:
    result = run(*words, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    entries = _entries(result.stdout, "Options") + _entries(result.stdout, "Arguments")
    assert entries
    for name, help_text in entries:
        if name not in ("-h,", "--help"):
            assert "e.g." in help_text, f"{' '.join(words)} {name} has no example: {help_text}"


@pytest.mark.parametrize("words", LEAVES, ids=" ".join)
def test_every_command_is_documented(words: list[str]) -> None:
    pages = [REPO / "README.md", *(REPO / "docs").glob("*.md")]
    assert any(f"paycalc {' '.join(words)}" in page.read_text(encoding="utf-8") for page in pages)


def test_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "paycalc", *MISSION], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Annual pay  $33,352.00" in done.stdout


def test_shell_completion_script() -> None:
    import subprocess
    import sys

    # as under nohup or cron: no terminal, no shell above it (or sh, which typer's completion does not take), a
    # session of its own; the shell is named, not guessed from the processes above (typer's switch for its tests)
    env = {k: v for k, v in __import__("os").environ.items() if k != "SHELL"}
    result = subprocess.run(
        [sys.executable, "-m", "paycalc", "--show-completion", "bash"],
        capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL, start_new_session=True,
        env={**env, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )  # fmt: skip
    assert result.returncode == 0
    assert "_paycalc_completion()" in result.stdout or "complete" in result.stdout


def test_group_help_has_an_example_and_the_environment() -> None:
    assert "Example:\n    paycalc schedules list" in run("schedules", "-h").stdout
    assert "PAYCALC_CACHE_DIR  where validated schedules are cached" in run("-h").stdout
