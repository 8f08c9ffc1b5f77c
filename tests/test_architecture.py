"""The layout guard (docs/ARCHITECTURE.md): each part imports only from the parts below it, and no circle.

Every ``import`` in every module of ``src/paycalc`` is read with :mod:`ast`, lazy ones and those under
``TYPE_CHECKING`` included: a back-import that only runs on one path is still a back-import.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# The parts, lowest first. A module may import its own part and any part of a lower rank.
RANKS = {
    "paycalc._version": 0,
    "paycalc.contract": 1,
    "paycalc.reading": 2,  # a user's roster file read (CSV lines, .xlsx rows, a header's columns): no pay
    "paycalc.rules": 3,
    "paycalc.membership": 4,
    "paycalc.output": 5,
    "paycalc.jobs": 6,  # a roster file read, priced and written, all or nothing: below the API and the CLI
    "paycalc.api": 7,
    "paycalc.web": 8,  # the web app, beside the CLI: it never imports the CLI
    "paycalc.cli": 9,  # the outermost edge: its serve command starts the web app
    "paycalc": 10,  # the package's own __init__ (the Python API's names) and __main__
}


def module_names(src: Path) -> set[str]:
    names = set()
    for path in (src / "paycalc").rglob("*.py"):
        parts = path.relative_to(src).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def part_of(module: str) -> str:
    """The part a module belongs to: the longest prefix in RANKS."""
    best = "paycalc"
    for part in RANKS:
        if (module == part or module.startswith(part + ".")) and len(part) > len(best):
            best = part
    return best


def imports(src: Path) -> dict[str, set[str]]:
    """Each paycalc module and the paycalc modules it imports."""
    known = module_names(src)
    graph: dict[str, set[str]] = {}
    for path in sorted((src / "paycalc").rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.split(".")[0] == "paycalc")
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name.split(".") if is_package else name.split(".")[:-1]
                    package = package[: len(package) - node.level + 1]
                    base = ".".join([*package, *([base] if base else [])])
                if base.split(".")[0] != "paycalc":
                    continue
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.add(sub if sub in known else base)
        targets.discard(name)
        graph[name] = targets
    return graph


def violations(src: Path) -> list[str]:
    """Every import that goes up or sideways between parts, and every circle between modules."""
    graph = imports(src)
    found = []
    for module, targets in sorted(graph.items()):
        own = part_of(module)
        for target in sorted(targets):
            other = part_of(target)
            if other != own and RANKS[other] >= RANKS[own]:
                found.append(f"{module} imports {target}: {own} may not import {other}")
    found.extend(f"circle among: {', '.join(c)}" for c in circles(graph))
    return found


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each set of modules that import one another round a circle (Tarjan's strongly connected sets)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_part_imports_only_parts_below_it() -> None:
    assert violations(SRC) == []


def test_every_module_belongs_to_a_part_or_is_the_packages_own() -> None:
    loose = [m for m in module_names(SRC) if part_of(m) == "paycalc" and m not in ("paycalc", "paycalc.__main__")]
    assert loose == []


def copy_of_src(tmp_path: Path) -> Path:
    shutil.copytree(SRC / "paycalc", tmp_path / "paycalc", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def plant(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n\ndef planted() -> None:\n    {line}\n", encoding="utf-8")


def test_a_planted_back_import_fails(tmp_path: Path) -> None:
    src = copy_of_src(tmp_path)
    plant(src / "paycalc/rules/steps.py", "from paycalc.membership import roster  # noqa")
    assert violations(src) == [
        "paycalc.rules.steps imports paycalc.membership.roster: paycalc.rules may not import paycalc.membership",
        "circle among: paycalc.membership.roster, paycalc.rules.retro, paycalc.rules.steps",
    ]


def test_a_planted_import_of_the_api_from_below_fails(tmp_path: Path) -> None:
    src = copy_of_src(tmp_path)
    plant(src / "paycalc/output/render.py", "import paycalc.api")
    found = violations(src)
    assert found[0] == "paycalc.output.render imports paycalc.api: paycalc.output may not import paycalc.api"
    assert all(line.startswith("circle among: paycalc.api, ") for line in found[1:])  # the API's jobs use render


def test_a_planted_circle_inside_one_part_fails(tmp_path: Path) -> None:
    src = copy_of_src(tmp_path)
    plant(src / "paycalc/rules/core.py", "from paycalc.rules import steps  # noqa")
    assert violations(src) == ["circle among: paycalc.rules.core, paycalc.rules.steps"]


def test_a_relative_back_import_is_read_too(tmp_path: Path) -> None:
    src = copy_of_src(tmp_path)
    plant(src / "paycalc/contract/models.py", "from ..rules import core  # noqa")
    assert violations(src) == [
        "paycalc.contract.models imports paycalc.rules.core: paycalc.contract may not import paycalc.rules",
        "circle among: paycalc.contract.inputs, paycalc.contract.models, paycalc.rules.core",
    ]


def test_the_web_app_never_imports_the_cli(tmp_path: Path) -> None:
    src = copy_of_src(tmp_path)
    plant(src / "paycalc/web/forms.py", "from paycalc.cli import _common  # noqa")
    assert violations(src) == ["paycalc.web.forms imports paycalc.cli._common: paycalc.web may not import paycalc.cli"]
