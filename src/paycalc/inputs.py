"""Turn what a caller typed or passed (strings from the CLI, or Python values) into checked values.

Each function raises :class:`InputError` saying what was wrong and what is accepted.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from paycalc.errors import InputError

MAX_HOURS = Decimal(168)
MAX_WORKYEAR = Decimal(2)


def _is_iso_date(text: str) -> bool:
    """YYYY-MM-DD exactly (``date.fromisoformat`` also takes 20180616 and 2018-W24-6)."""
    digits = text[:4] + text[5:7] + text[8:]
    return len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit()


def to_date(value: date | str, what: str = "date") -> date:
    """A date from a ``date`` or an ISO ``YYYY-MM-DD`` string."""
    if type(value) is str and len(value) == 10 and value[4] == value[7] == "-":  # the usual case, fast
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _is_iso_date(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f"{what} {value!r} is not a valid date (YYYY-MM-DD, e.g. 2018-06-16)")


def to_years(value: int | str) -> int:
    """Completed years of service: a whole number, 0 or more."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    raise InputError(f"years {value!r} is not a whole number of completed years (0 or more, e.g. 16)")


def _to_decimal(value: Decimal | int | float | str, what: str, accepted: str) -> Decimal:
    if isinstance(value, bool):
        number = None
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))  # 17.5 -> Decimal("17.5"), not the binary expansion
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            number = None
    else:
        number = None
    if number is None or not number.is_finite():
        raise InputError(f"{what} {value!r} is not a number ({accepted})")
    return number


def to_hours(value: Decimal | int | float | str) -> Decimal:
    """Hours worked per week: above 0 and at most 168."""
    accepted = "hours per week above 0 and at most 168, e.g. 17.5"
    hours = _to_decimal(value, "hours", accepted)
    if not 0 < hours <= MAX_HOURS:
        raise InputError(f"hours {value!r} is out of range ({accepted})")
    return hours


def to_workyear(value: Decimal | int | float | str) -> Decimal:
    """The fraction of the regular workyear worked: above 0 and at most 2 (more than 1 is allowed)."""
    accepted = "a fraction of the regular workyear above 0 and at most 2, e.g. 0.5 or 1.1"
    workyear = _to_decimal(value, "workyear", accepted)
    if not 0 < workyear <= MAX_WORKYEAR:
        raise InputError(f"workyear {value!r} is out of range ({accepted})")
    return workyear


def to_amount(value: Decimal | int | float | str, what: str = "amount") -> Decimal:
    """An amount of money: 0 or more."""
    accepted = "an amount of 0 or more, e.g. 26843 or 26843.50"
    amount = _to_decimal(value, what, accepted)
    if amount < 0:
        raise InputError(f"{what} {value!r} is negative ({accepted})")
    return amount


@lru_cache(maxsize=256)
def title_key(name: str) -> str:
    """How titles are matched: case, spacing and punctuation do not count ("ED. ASST. B" == "ed asst b")."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())
