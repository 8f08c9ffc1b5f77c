"""A small mutation run: change one operator or constant at a time in a module and see whether its tests fail.

Each mutant is one change of the module's syntax tree: a comparison turned (``<`` and ``<=``, ``==`` and
``!=``, ``in`` and ``not in``), arithmetic swapped (``+`` and ``-``, ``*`` and ``//``), ``and`` and ``or``
swapped, a ``not`` dropped, an integer moved by one, ``True`` and ``False`` swapped, a ``return``
value replaced by ``None``. The module is written to a copy of ``src/`` put first on ``PYTHONPATH``, and
the given tests run with ``-x``; a mutant that no test kills is listed with its line. Mutants that change
nothing a test could see (log text, an equivalent bound) show up there too: read each one.

    python bench/mutate.py src/paycalc/membership/costing.py tests/test_cost.py tests/test_cost_edges.py
    python bench/mutate.py MODULE TESTS... --jobs 2 --limit 200
    python bench/mutate.py MODULE TESTS... --only 117:LtE --only 92   # survivors again, other tests
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.Add: ast.Sub, ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult, ast.Div: ast.Mult, ast.And: ast.Or, ast.Or: ast.And,
}  # fmt: skip


def mutants(tree: ast.Module) -> Iterator[tuple[int, str, ast.Module]]:
    """Every one-change mutant of ``tree``: (line, what changed, the mutated tree)."""
    nodes = list(ast.walk(tree))
    docstrings = {id(n.body[0].value) for n in nodes if isinstance(n, ast.FunctionDef | ast.ClassDef | ast.Module)
                  and n.body and isinstance(n.body[0], ast.Expr)}  # fmt: skip
    for index, node in enumerate(nodes):
        if id(node) in docstrings:
            continue
        changes: list[tuple[str, object]] = []
        if isinstance(node, ast.Compare):
            changes += [(f"{type(op).__name__} -> {SWAPS[type(op)].__name__}", k) for k, op in enumerate(node.ops)
                        if type(op) in SWAPS]  # fmt: skip
        elif isinstance(node, ast.BinOp | ast.BoolOp) and type(node.op) in SWAPS:
            changes.append((f"{type(node.op).__name__} -> {SWAPS[type(node.op)].__name__}", None))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            changes.append(("not dropped", None))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            changes.append((f"{node.value} -> {node.value + 1}", None))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            changes.append((f"{node.value} -> {not node.value}", None))
        elif (
            isinstance(node, ast.Return)
            and node.value is not None
            and not (isinstance(node.value, ast.Constant) and node.value.value is None)
        ):
            changes.append(("return None", None))
        for what, where in changes:
            mutated = copy.deepcopy(tree)
            target = list(ast.walk(mutated))[index]
            if isinstance(target, ast.Compare):
                assert isinstance(where, int)
                target.ops[where] = SWAPS[type(target.ops[where])]()
            elif isinstance(target, ast.BinOp | ast.BoolOp):
                target.op = SWAPS[type(target.op)]()
            elif isinstance(target, ast.UnaryOp):
                _replace(mutated, target, target.operand)
            elif isinstance(target, ast.Constant):
                target.value = target.value + 1 if type(target.value) is int else not target.value
            elif isinstance(target, ast.Return):
                target.value = ast.Constant(None)
            yield node.lineno, what, ast.fix_missing_locations(mutated)


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module")
    parser.add_argument("tests", nargs="+")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--limit", type=int, default=0, help="at most this many mutants (0: all)")
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument(
        "--only", action="append", default=[], metavar="LINE[:WHAT]",
        help="only the mutants at this line (and of this change, e.g. 117:LtE), repeatable: a survivor again",
    )  # fmt: skip
    args, extra = parser.parse_known_args()  # the rest goes to pytest: --deselect, -k
    module = Path(args.module).resolve()
    relative = module.relative_to(REPO / "src")
    found = list(mutants(ast.parse(module.read_text())))
    if args.only:
        found = [m for m in found if any(f"{m[0]}:{m[1]}".startswith(spec) for spec in args.only)]
    if args.limit:
        found = found[: args.limit]
    print(f"{relative}: {len(found)} mutants, tests {' '.join(args.tests)}", flush=True)

    said: list[str] = []  # the baseline's output, when it fails

    def run(item: tuple[int, str, ast.Module]) -> tuple[int, str, str]:
        line, what, tree = item
        with tempfile.TemporaryDirectory() as scratch:
            shutil.copytree(REPO / "src", Path(scratch) / "src")
            for entry in REPO.iterdir():  # the bundled schedules and contracts are found beside src/
                if entry.name not in ("src", ".git", ".venv"):
                    (Path(scratch) / entry.name).symlink_to(entry)
            (Path(scratch) / "src" / relative).write_text(ast.unparse(tree))
            env = dict(os.environ, PYTHONPATH=str(Path(scratch) / "src"), PYTHONDONTWRITEBYTECODE="1")
            command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *args.tests, *extra]
            try:
                done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=args.timeout)
                verdict = "killed" if done.returncode else "SURVIVED"
                if line == 0 and done.returncode:
                    said.append((done.stdout + done.stderr).decode(errors="replace")[-3000:])
            except subprocess.TimeoutExpired:
                verdict = "killed (timeout)"
        return line, what, verdict

    unchanged = run((0, "nothing", ast.parse(module.read_text())))
    if unchanged[2] != "SURVIVED":
        sys.exit(f"the tests fail on the module unchanged: fix them first ({' '.join(args.tests)})\n{''.join(said)}")
    killed = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for line, what, verdict in pool.map(run, found):
            killed += verdict.startswith("killed")
            if verdict == "SURVIVED":
                print(f"  line {line}: {what}: survived", flush=True)
    print(f"{relative}: {killed} of {len(found)} killed ({100 * killed / max(len(found), 1):.0f}%)")


if __name__ == "__main__":
    main()
