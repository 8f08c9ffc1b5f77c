"""The one exception hierarchy of paycalc. The CLI prints any of these as one ``Error: ...`` line."""

from __future__ import annotations

from typing import NamedTuple


class PaycalcError(Exception):
    """Base class: bad input or bad schedule data. ``str(error)`` says what was wrong and what is accepted."""


class InputError(PaycalcError, ValueError):
    """A value given by the caller (title, date, years, hours, ...) cannot be used."""


class Problem(NamedTuple):
    """One thing wrong in a schedules folder: the file, the key inside it, and what is wrong."""

    file: str
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.key}" if self.key else self.file
        return f"{where}: {self.message}"


class ScheduleError(PaycalcError):
    """A schedules folder is missing or invalid; ``problems`` lists everything found wrong."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], folder: str = "", lister: str = "") -> None:
        self.problems = tuple(problems)
        self.folder = folder
        first = str(self.problems[0])
        more = len(self.problems) - 1
        if more:
            s = "" if more == 1 else "s"
            lister = lister or f"paycalc schedules validate {folder}"
            first += f" (and {more} more problem{s}: '{lister}' lists them all)"
        super().__init__(first)


class RowError(InputError):
    """A roster row that cannot be priced: ``row`` is its number among the rows (1 = the first)."""

    def __init__(self, row: int, reason: str) -> None:
        self.row = row
        self.reason = reason
        super().__init__(f"row {row}: {reason}")


class WorkerDied(PaycalcError):
    """A process pricing part of a roster stopped before it answered (``paycalc.membership.pool``)."""
