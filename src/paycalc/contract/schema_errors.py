"""pydantic's validation errors in the words of the file: each a :class:`Problem` naming file and key."""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any

from pydantic import BaseModel, ValidationError

from paycalc.contract.errors import Problem


def _inner(annotation: Any, part: str | int) -> Any:
    """The type found one step into ``annotation`` at ``part`` (a key or an index), if known."""
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = options[0] if len(options) == 1 else None
        origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        return field.annotation if field else None
    if origin is list:
        return typing.get_args(annotation)[0]
    if origin is dict:
        return typing.get_args(annotation)[1]
    return None


def _accepted_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    annotation: Any = model
    for part in loc:
        annotation = _inner(annotation, part)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ", ".join(annotation.model_fields)
    return "see the format in README.md"


def problems(name: str, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        key = ".".join(str(part) for part in loc)
        kind, value = error["type"], error.get("input")
        if kind == "missing":
            message = "missing (this key is required)"
        elif kind == "extra_forbidden":
            message = f"unknown key (accepted here: {_accepted_keys(model, loc[:-1])})"
        elif kind.startswith("date"):
            message = f"{value!r} is not a date (an ISO date such as 2018-06-16)"
        elif kind in ("model_type", "dict_type"):
            message = f"{value!r} is not a mapping of keys to values"
        elif kind == "list_type":
            message = f"{value!r} is not a list"
        elif kind == "value_error":
            message = str(error["ctx"]["error"])
        else:
            message = f"{error['msg'].rstrip('.').lower()}, got {value!r}"
        problems.append(Problem(name, key, message))
    return problems


def parse(name: str, data: dict[str, Any], model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, problems(name, model, exc)
