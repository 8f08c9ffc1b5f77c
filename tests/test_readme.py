"""Every ``$ paycalc ...`` example in the README and in ``docs/`` prints what the page shows.

An example is a line starting with ``$ `` inside a fenced block; its expected output is the lines up
to the next ``$ `` line or the end of the block. A line ``...`` stands for any number of lines. A
``$ cat FILE`` example's output becomes that file, for the examples after it on the same page. Commands
run in a scratch folder per page that links the repository's tests/, proposals/ and examples/, 80
columns wide.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paycalc.cli import app
from tests.conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def _examples(text: str) -> list[tuple[int, str, list[str]]]:
    examples = []
    for block in re.finditer(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M):
        first_line = text[: block.start()].count("\n") + 2
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


EXAMPLES = {page.relative_to(REPO).as_posix(): _examples(page.read_text(encoding="utf-8")) for page in PAGES}
CASES = [
    (page, line, command, output)
    for page, examples in EXAMPLES.items()
    for line, command, output in examples
    if command.startswith("paycalc ")
]


def _matches(expected: list[str], actual: list[str]) -> bool:
    """``expected`` equals ``actual``, where a line ``...`` matches any run of lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(_matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    return bool(actual) and expected[0].rstrip() == actual[0].rstrip() and _matches(expected[1:], actual[1:])


def test_the_pages_have_examples() -> None:
    assert sum(1 for case in CASES if case[0] == "README.md") >= 6
    assert len(CASES) >= 25
    commands = {shlex.split(case[2])[1] for case in CASES}
    assert {"pay", "compare", "history", "retro", "propose", "cost", "schedules", "titles"} <= commands


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folders = {}
    for page, examples in EXAMPLES.items():
        folder = tmp_path_factory.mktemp("page")
        for name in ("tests", "proposals", "examples"):
            if (REPO / name).exists():
                (folder / name).symlink_to(REPO / name)
        for _, command, output in examples:
            if command.startswith("cat "):
                (folder / command.split()[1]).write_text("\n".join(output) + "\n")
        folders[page] = folder
    return folders


@pytest.mark.parametrize(
    ("page", "line", "command", "expected"), CASES, ids=[f"{case[0]} line {case[1]}" for case in CASES]
)
def test_page_example(
    scratch: dict[str, Path], monkeypatch: pytest.MonkeyPatch, page: str, line: int, command: str, expected: list[str]
) -> None:
    monkeypatch.chdir(scratch[page])
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("PAYCALC_SCHEDULES", raising=False)
    result = CliRunner().invoke(app, shlex.split(command)[1:], env={"COLUMNS": "80"})
    actual = result.output.rstrip("\n").splitlines()
    assert _matches(expected, actual), (
        f"{page} line {line}: $ {command}\n--- page ---\n" + "\n".join(expected) + "\n--- real ---\n" + result.output
    )


def test_the_matcher_can_fail() -> None:
    assert not _matches(["a", "b"], ["a", "c"])
    assert not _matches(["a", "...", "z"], ["a", "b", "y"])
    assert not _matches(["a"], [])
    assert not _matches([], ["a"])
    assert _matches(["a", "...", "z"], ["a", "b", "c", "z"])
    assert _matches(["a", "..."], ["a"])
