"""Strict YAML for schedule and proposal files: data only, one way to write each value.

PyYAML's safe loader still reads YAML 1.1's surprises: ``020000`` is octal 8192, ``350:00`` is
base-60 21000, ``yes`` is true, ``1_000`` is 1000, and aliases let a 569-byte file expand to
gigabytes. Here:

- numbers are plain decimal notation only (digits, one point, a sign): ``31457``, ``-2.5``,
  ``0.50``; anything else is text, which the schema then refuses as "not an amount";
- ``true``/``false`` are the only booleans, ``YYYY-MM-DD`` the only dates (checked as dates);
- a key appears once per mapping, block or flow style;
- anchors, aliases and merge keys are refused, and nesting is limited, so parsing stays bounded.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from paycalc.contract.errors import Problem

MAX_DEPTH = 20  # schedules nest three levels; proposals four
MAX_DIGITS = 20  # no amount, hour count or percent in a contract has more

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")


class YamlProblem(Exception):
    """A problem found while reading, at a place in the file."""

    def __init__(self, message: str, mark: Any = None) -> None:
        self.message, self.mark = message, mark
        super().__init__(message)


class StrictLoader(yaml.SafeLoader):
    """Safe YAML with the rules above; numbers with a point become ``Decimal``, never float."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class-level registry, replaced
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem("aliases (*name) are not accepted (write the value out)", event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise YamlProblem("anchors (&name) are not accepted (write each value out)", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem("merge keys (<<) are not accepted (write each key out)", key_node.start_mark)
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                first = seen.get(key)
            except TypeError:
                raise YamlProblem("a key must be text or a number", key_node.start_mark) from None
            if first is not None:
                lines = f"on line {first}" + (f" and line {line}" if line != first else "")
                raise YamlProblem(
                    f"key {key!r} appears twice in one mapping, {lines} (each key once)", key_node.start_mark
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


for tag, pattern, first in (
    ("bool", _BOOL, "tTfF"),
    ("int", _INT, "-+0123456789"),
    ("float", _DECIMAL, "-+0123456789"),
    ("null", _NULL, ["~", "n", "N", ""]),
    ("timestamp", _DATE, "0123456789"),
):
    StrictLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", pattern, list(first))


def _number_text(loader: StrictLoader, node: yaml.ScalarNode, pattern: re.Pattern[str]) -> str:
    text = str(loader.construct_scalar(node))
    if not pattern.match(text):
        raise YamlProblem(
            f"{text!r} is not a plain decimal number (digits, one point, a sign: e.g. 31457.50)", node.start_mark
        )
    if len(text.lstrip("+-").replace(".", "")) > MAX_DIGITS:
        raise YamlProblem(
            f"{text[:30]!r}... has more than {MAX_DIGITS} digits (no contract has such amounts)", node.start_mark
        )
    return text


def _construct_int(loader: StrictLoader, node: yaml.ScalarNode) -> int:
    return int(_number_text(loader, node, _INT))


def _construct_decimal(loader: StrictLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(_number_text(loader, node, _DECIMAL))


def _construct_bool(loader: StrictLoader, node: yaml.ScalarNode) -> bool:
    text = str(loader.construct_scalar(node))
    if not _BOOL.match(text):
        raise YamlProblem(f"{text!r} is not true or false", node.start_mark)
    return text.lower() == "true"


def _construct_date(loader: StrictLoader, node: yaml.ScalarNode) -> date:
    text = str(loader.construct_scalar(node))
    try:
        day = date.fromisoformat(text) if _DATE.match(text) else None
    except ValueError:
        day = None
    if day is None or not 1900 <= day.year <= 2199:
        raise YamlProblem(
            f"{text!r} is not a date between 1900 and 2199 (an ISO date such as 2018-06-16)", node.start_mark
        )
    return day


StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
StrictLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)


def _where(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""


def read_yaml(name: str, text: bytes) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse one file strictly; a document that is not a mapping is a problem."""
    try:
        text.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = text[: exc.start].count(b"\n") + 1
        return None, [
            Problem(name, f"line {line}", f"not UTF-8 text (byte {exc.object[exc.start]:#04x}; save it as UTF-8)")
        ]
    if b"\x00" in text:
        line = text[: text.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(name, f"line {line}", "holds a NUL byte (a YAML file is text)")]
    try:
        data = yaml.load(text, Loader=StrictLoader)  # a SafeLoader subclass: no arbitrary objects
    except YamlProblem as exc:
        return None, [Problem(name, _where(exc.mark), exc.message)]
    except yaml.MarkedYAMLError as exc:
        return None, [Problem(name, _where(exc.problem_mark), f"not valid YAML: {' '.join(str(exc.problem).split())}")]
    except (yaml.YAMLError, RecursionError, UnicodeDecodeError, ValueError) as exc:
        return None, [Problem(name, "", f"not valid YAML: {' '.join(str(exc).split())}")]
    if not isinstance(data, dict):
        return None, [Problem(name, "", "expected a mapping of keys to values at the top level")]
    return data, []
