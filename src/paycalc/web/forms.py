"""A page's fields as checked values, or a message in the member's words beside each field that is wrong.

Field names are the CLI's long option names (``title``, ``date``, ``years``, ``hired``, ``step``, ``hours``,
``workyear``, ``hours-per-day``, ``days``, ``from``, ``to``, ``method``, ``pay-cycles``, ``change``,
``proposal``, ``paid``, ``paid-schedule``, ``paid-contract``, ``contract``, ``lang``), checked by the same
rules as the CLI's options. Every value is bounded before it is looked at; ``change`` may be given several
times (``DATE:title=NAME``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from itertools import zip_longest
from typing import Any, TypedDict

from paycalc.contract import inputs
from paycalc.contract.errors import PaycalcError

MAX_VALUE = 200  # characters of any one field but the paid list
MAX_PAID = 8_000  # characters of a pasted paid list (about 300 checks)
MAX_CHANGES = 6  # "my column changed on" pairs a form takes
FIELDS = (
    "contract",
    "title",
    "date",
    "years",
    "hired",
    "step",
    "hours",
    "workyear",
    "hours-per-day",
    "days",
    "from",
    "to",
    "method",
    "pay-cycles",
    "proposal",
    "paid",
    "paid-schedule",
    "paid-contract",
    "lang",
)
METHODS = ("semimonthly", "biweekly", "monthly")
Gettext = Callable[[str], str]


class WorkArgs(TypedDict):
    hours: Decimal | None
    workyear: Decimal | None
    hours_per_day: Decimal | None
    days: Decimal | None


def _same(message: str) -> str:
    return message


def N_(message: str) -> str:
    """A message for the catalogue, translated where it is shown."""
    return message


class Form:
    """The fields as given (for the form to show again) and, per field, what is wrong with it, in the words
    of ``_`` (the page's language)."""

    def __init__(self, pairs: Iterable[tuple[str, str]], _: Gettext = _same) -> None:
        self._ = _
        self.given: dict[str, str] = {}
        self.changes: list[str] = []
        self.errors: dict[str, str] = {}
        pairs = list(pairs)
        dates = [v.strip() for k, v in pairs if k == "change-date"]
        titles = [v.strip() for k, v in pairs if k == "change-title"]
        for day, title in zip_longest(dates, titles, fillvalue=""):  # the form's pairs: one change each
            if day and title:
                pairs.append(("change", f"{day}:title={title}"))
            elif day or title:
                self.errors["change"] = _("Give the date and the title it changed to.")
        for name, value in pairs:
            if name == "change":
                if len(self.changes) >= MAX_CHANGES or len(value) > MAX_VALUE:
                    self.errors["change"] = _("at most %(count)s changes, each of at most %(limit)s characters") % {
                        "count": MAX_CHANGES,
                        "limit": MAX_VALUE,
                    }
                elif value.strip():
                    self.changes.append(value.strip())
                continue
            if name not in FIELDS or name in self.given:
                continue
            limit = MAX_PAID if name == "paid" else MAX_VALUE
            if len(value) > limit:
                self.errors[name] = _("is longer than %(limit)s characters") % {"limit": limit}
                self.given[name] = ""
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
            self.fail(name, str(exc))
            return None

    def fail(self, name: str, message: str) -> None:
        """A core message beside field ``name``, in member words (:func:`member_words`)."""
        self.errors.setdefault(name, member_words(message, self._))

    def date(self, name: str, what: str) -> date | None:
        result: date | None = self.checked(name, inputs.to_date, what)
        return result

    def require(self, *names: str) -> None:
        for name in names:
            if not self.has(name) and name not in self.errors:
                self.errors[name] = self._("Please fill this in.")

    def placement(self, stepped: bool) -> None:
        """One of years, hired or step (step only on a contract with steps)."""
        given = [name for name in ("years", "hired", "step") if self.has(name)]
        if self.has("step") and not stepped:
            self.errors["step"] = self._("This contract has no steps: give your years of service or your hire date.")
        elif len(given) > 1:
            self.errors[given[0]] = self._("Give only one of these: years of service, hire date or step.")
        elif not given and not any(name in self.errors for name in ("years", "hired", "step")):
            field = "step" if stepped else "years"
            self.errors[field] = (
                self._("Give your step, your years of service or your hire date.")
                if stepped
                else self._("Give your years of service or your hire date.")
            )

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
            self.errors["method"] = self._("Choose one of the pay periods in the list.")
            return None
        return value.lower() if value else None

    def pairs(self, **changes: str) -> list[tuple[str, str]]:
        """This form's fields as the address has them (never the paid list), with ``changes``."""
        fields = {k: v for k, v in {**self.given, **changes}.items() if v and k != "paid"}
        return [*fields.items(), *(("change", c) for c in self.changes)]

    def link(self, **changes: str) -> str:
        """This form's query string, with ``changes``: the page's shareable address (never the paid list)."""
        from urllib.parse import urlencode

        return urlencode(self.pairs(**changes))


_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"is not a valid date|is not a date"), N_("is not a date: write it as YYYY-MM-DD, e.g. 2025-09-15.")),
    (re.compile(r"^years .* is not a whole number"), N_("is not a number of years: write a whole number, e.g. 16.")),
    (re.compile(r"^step .* is not a step of this contract \(a whole number from 1 to (\d+)"), "step"),
    (re.compile(r"is before the first schedule \(dates from (\S+) on\)"), "first"),
    (
        re.compile(r"^the end (\S+) is before the start (\S+)"),
        N_("is before the first day: the last day comes after it."),
    ),
    (re.compile(r"^hire date (\S+) is after"), N_("is after the first day asked: a hire date on or before it.")),
]


def member_words(message: str, _: Gettext) -> str:
    """A core message in a member's words: the common ones from the catalogue, the others without the command
    line's option names and hints."""
    for pattern, words in _WORDS:
        found = pattern.search(message)
        if found is None:
            continue
        if words == "step":
            return _("is not a step: write a whole number from 1 to %(top)s.") % {"top": found.group(1)}
        if words == "first":
            return _("is before the first salary schedule: a date from %(first)s on.") % {"first": found.group(1)}
        return _(words)
    for option, words in (
        ("(--anchor DATE, or pay_period_anchor in contract.yaml)", "(the first day of one of your pay periods)"),
        ("give --anchor DATE", "give the first day of one of your pay periods"),
        ("; 'paycalc titles' lists them all", ""),
        ("; 'paycalc titles' lists them", ""),
        (" (--anchor DATE", " (the first day of a pay period"),
    ):
        message = message.replace(option, words)
    return re.sub(r"--([a-z-]+)", lambda m: m.group(1).replace("-", " "), message)
