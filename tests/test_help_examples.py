"""Every example a command's -h shows runs as shown (those that name a file of the user's own aside)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paycalc.cli import app

runner = CliRunner()
REPO = Path(__file__).parents[1]
COMMANDS = [["pay"], ["compare"], ["history"], ["retro"], ["cost"], ["propose"], ["schedules", "list"],
            ["schedules", "show"], ["schedules", "validate"], ["titles"], ["paychecks"], ["contracts"]]  # fmt: skip
# paycalc serve's examples start a server that runs until stopped: tests/test_browser.py runs it


def examples() -> list[list[str]]:
    found = []
    for command in COMMANDS:
        text = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "200"}).stdout
        block = text.split("Example:", 1)[1].split("\n\n", 1)[0]
        for line in block.replace("\\\n", " ").splitlines():
            if line.strip().startswith("paycalc "):
                found.append(shlex.split(line.strip())[1:])
    return found


def own_files(args: list[str]) -> bool:
    """Whether the example names a file the user would bring (members.csv, my-offer.yaml, ./my-local)."""
    return any(re.search(r"\.(csv|yaml|xlsx)$|^\./", arg) and not (REPO / arg).exists() for arg in args)


EXAMPLES = examples()


def test_every_command_shows_examples() -> None:
    assert len(EXAMPLES) >= 2 * len(COMMANDS)


@pytest.mark.parametrize("args", [a for a in EXAMPLES if not own_files(a)], ids=" ".join)
def test_the_example_runs(args: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(REPO)  # examples/ is named from the repository
    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(tmp_path / "cache"))
    result = runner.invoke(app, args, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_example_continued_shows_its_backslash(command: list[str]) -> None:
    """An example split over two lines shows its `\\` (a lone backslash at the end of a docstring's line joins
    the lines in the source instead, leaving a run of spaces in the middle of the shown line)."""
    text = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "200"}).stdout
    block = text.split("Example:", 1)[1].split("\n\n", 1)[0]
    assert not [line for line in block.splitlines() if re.search(r"\S {3,}\S", line)]
