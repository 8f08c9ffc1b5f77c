"""A page's query string as checked values, or a message for each field that is wrong.

Query parameters are the CLI's long option names (``title``, ``date``, ``years``, ``hired``, ``hours``,
``workyear``, ``hours-per-day``, ``days``, ``from``, ``to``, ``method``, ``proposal``, ``paid``), checked
by the same rules as the CLI's options. Every value is bounded before it is looked at.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, TypedDict

from paycalc.contract import inputs
from paycalc.contract.errors import PaycalcError

MAX_VALUE = 200  # characters of any one field but the paid list
MAX_PAID = 8_000  # characters of a pasted paid list (about 300 checks)
FIELDS = (
    "title",
    "date",
    "years",
    "hired",
    "hours",
    "workyear",
    "hours-per-day",
    "days",
    "from",
    "to",
    "method",
    "proposal",
    "paid",
    "paid-schedule",
)
METHODS = ("semimonthly", "biweekly", "monthly")


class WorkArgs(TypedDict):
    hours: Decimal | None
    workyear: Decimal | None
    hours_per_day: Decimal | None
    days: Decimal | None


class Form:
    """The fields as given (for the form to show again) and, per field, what is wrong with it."""

    def __init__(self, query: Mapping[str, str]) -> None:
        self.given: dict[str, str] = {}
        self.errors: dict[str, str] = {}
        for name in FIELDS:
            value = query.get(name)
            if value is None:
                continue
            limit = MAX_PAID if name == "paid" else MAX_VALUE
            if len(value) > limit:
                self.errors[name] = f"is longer than {limit} characters"
                continue
            self.given[name] = value.strip() if name != "paid" else value

    def has(self, name: str) -> bool:
        return bool(self.given.get(name))

    def text(self, name: str) -> str | None:
        value = self.given.get(name)
        return value if value else None

    def checked(self, name: str, check: Any, *args: Any) -> Any:
        """``check(value, *args)`` for a given field; on an error, None and a message beside the field."""
        value = self.text(name)
        if value is None or name in self.errors:
            return None
        try:
            return check(value, *args)
        except PaycalcError as exc:
            self.errors[name] = str(exc)
            return None

    def date(self, name: str, what: str) -> date | None:
        result: date | None = self.checked(name, inputs.to_date, what)
        return result

    def require(self, *names: str) -> None:
        for name in names:
            if not self.has(name) and name not in self.errors:
                self.errors[name] = "is required"

    def one_of(self, first: str, second: str) -> None:
        """Exactly one of two fields (years or hired)."""
        if self.has(first) == self.has(second) and first not in self.errors and second not in self.errors:
            both = self.has(first)
            self.errors[first] = f"give {'only one of' if both else 'one of'} {first} or {second}"

    def work(self) -> WorkArgs:
        """hours, workyear, hours-per-day and days, each checked as the CLI checks them."""
        return {
            "hours": self.checked("hours", inputs.to_hours),
            "workyear": self.checked("workyear", inputs.to_workyear),
            "hours_per_day": self.checked("hours-per-day", inputs.to_hours_per_day),
            "days": self.checked("days", inputs.to_days),
        }

    def method(self) -> str | None:
        value = self.text("method")
        if value is not None and value.lower() not in METHODS:
            self.errors["method"] = f"{value!r} is not a method ({', '.join(METHODS)})"
            return None
        return value.lower() if value else None

    def link(self, **changes: str) -> str:
        """This form's query string, with ``changes``: the page's shareable address."""
        from urllib.parse import urlencode

        fields = {k: v for k, v in {**self.given, **changes}.items() if v and k != "paid"}
        return urlencode(fields)
