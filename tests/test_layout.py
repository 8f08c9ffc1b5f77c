"""The repository's root holds only the files its layout names: a command's output written by mistake
(a roster's totals saved as a file named ``-``) is never committed."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NAMED = {"README.md", "pyproject.toml", ".gitignore"}


def test_root_holds_only_named_files() -> None:
    try:
        listed = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    at_root = {name for name in listed if name and "/" not in name}
    assert at_root <= NAMED, f"files at the root that the layout does not name: {sorted(at_root - NAMED)}"
