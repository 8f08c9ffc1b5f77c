"""Every ``$ paycalc ...`` example in the README prints what the README shows.

An example is a line starting with ``$ `` inside a fenced block; its expected output is the lines up
to the next ``$ `` line or the end of the block. A line ``...`` stands for any number of lines. A
``$ cat FILE`` example's output becomes that file, for the examples after it. Commands run in a
scratch folder that links the repository's tests/, proposals/ and examples/, 80 columns wide.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paycalc.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _examples() -> list[tuple[int, str, list[str]]]:
    examples = []
    for block in re.finditer(r"^```[a-z]*\n(.*?)^```", README, re.S | re.M):
        first_line = README[: block.start()].count("\n") + 2
        lines = block.group(1).splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ "):
                continue
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("$ ")), len(lines))
            output = lines[i + 1 : end]
            while output and not output[-1].strip():  # a blank line that separates examples
                output.pop()
            examples.append((first_line + i, line[2:], output))
    return examples


EXAMPLES = _examples()


def _matches(expected: list[str], actual: list[str]) -> bool:
    """``expected`` equals ``actual``, where a line ``...`` matches any run of lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(_matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    return bool(actual) and expected[0].rstrip() == actual[0].rstrip() and _matches(expected[1:], actual[1:])


def test_the_readme_has_examples() -> None:
    assert sum(1 for _, command, _ in EXAMPLES if command.startswith("paycalc ")) >= 10


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    for name in ("tests", "proposals", "examples"):
        if (REPO / name).exists():
            (folder / name).symlink_to(REPO / name)
    for _, command, output in EXAMPLES:
        if command.startswith("cat "):
            (folder / command.split()[1]).write_text("\n".join(output) + "\n")
    return folder


@pytest.mark.parametrize(
    ("line", "command", "expected"),
    [e for e in EXAMPLES if e[1].startswith("paycalc ")],
    ids=[f"README line {e[0]}" for e in EXAMPLES if e[1].startswith("paycalc ")],
)
def test_readme_example(
    scratch: Path, monkeypatch: pytest.MonkeyPatch, line: int, command: str, expected: list[str]
) -> None:
    monkeypatch.chdir(scratch)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("PAYCALC_SCHEDULES", raising=False)
    result = CliRunner().invoke(app, shlex.split(command)[1:], env={"COLUMNS": "80"})
    actual = result.output.rstrip("\n").splitlines()
    assert _matches(expected, actual), (
        f"README line {line}: $ {command}\n--- README ---\n" + "\n".join(expected) + "\n--- real ---\n" + result.output
    )


def test_the_matcher_can_fail() -> None:
    assert not _matches(["a", "b"], ["a", "c"])
    assert not _matches(["a", "...", "z"], ["a", "b", "y"])
    assert _matches(["a", "...", "z"], ["a", "b", "c", "z"])
    assert os.sep  # the examples run on this OS's paths
