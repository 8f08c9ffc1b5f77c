"""Turn what a caller typed or passed (strings from the CLI, or Python values) into checked values.

Each function raises :class:`InputError` saying what was wrong and what is accepted.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from paycalc.contract.errors import InputError
from paycalc.contract.models import Work

MAX_HOURS = Decimal(168)
MAX_WORKYEAR = Decimal(2)
MAX_YEARS = 100
MAX_AMOUNT = Decimal(10_000_000)  # no annual pay or lump sum comes near ten million dollars
FIRST_YEAR, LAST_YEAR = 1900, 2199  # dates paycalc prices: far wider than any contract, far from overflow

# Plain decimal notation, the only one accepted: ASCII digits, at most one point, an optional sign.
# (Python's Decimal() also takes 1_5, full-width digits, 1e-1000000 and nan.)
_PLAIN = re.compile(r"[-+]?[0-9]{1,12}(?:\.[0-9]{1,12})?\Z")
# An amount as a spreadsheet's currency, accounting or comma format writes it (``$26,843.50``, ``$ 26,843.50``,
# ``26,843.50``): a dollar sign (spaces after it or not), commas between every group of three whole digits, or both.
_SHOWN = re.compile(r"(-?)\$?[ ]*([1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]{1,12})(\.[0-9]{1,12})?\Z")


def _is_iso_date(text: str) -> bool:
    """YYYY-MM-DD exactly (``date.fromisoformat`` also takes 20180616 and 2018-W24-6)."""
    digits = text[:4] + text[5:7] + text[8:]
    return len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit()


def to_date(value: date | str, what: str = "date") -> date:
    """A date from a ``date`` or an ISO ``YYYY-MM-DD`` string."""
    if type(value) is str and len(value) == 10 and value[4] == value[7] == "-":  # the usual case, fast
        try:
            fast = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if FIRST_YEAR <= fast.year <= LAST_YEAR:
                return fast
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str) and _is_iso_date(value.strip()):
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(value.strip())
    if day is None:
        raise InputError(f"{what} {_shown(value)} is not a valid date (YYYY-MM-DD, e.g. 2018-06-16)")
    return in_range(day, what)


MIDNIGHT = (" 0:00", " 00:00", " 00:00:00", "T00:00:00", " 12:00 AM", " 12:00:00 AM")  # as spreadsheets save a date


def to_roster_date(value: str, what: str = "date") -> date:
    """A roster cell's date: ISO ``YYYY-MM-DD``, month/day/year as US spreadsheets export it (``9/1/2005``), or
    year/month/day as others do (``2005/09/01``: a four-digit year first), with a time of midnight after it or not
    (``9/1/2005 0:00``, ``2005-09-01 00:00:00``: a date cell saved with its time); any other time is refused. A
    two-digit year (``09/01/05``) is refused as ambiguous about its century; a day-first date is never guessed."""
    text = value.strip()
    midnight = next((end for end in MIDNIGHT if text.endswith(end)), "")
    text = text.removesuffix(midnight)
    if "/" not in text:
        return to_date(text if midnight else value, what)
    parts = text.split("/")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
        raise InputError(
            f"{what} {_shown(value)} is not a valid date (YYYY-MM-DD, month/day/year, e.g. 9/1/2005, or "
            "year/month/day, e.g. 2005/09/01)"
        )
    month, day, year = parts if len(parts[0]) != 4 else parts[1:] + parts[:1]  # 2005/09/01: the year first
    if len(year) != 4:
        raise InputError(
            f"{what} {_shown(value)} has a two-digit year, ambiguous about its century (write it in full, e.g. "
            "9/1/2005, or 2005-09-01)"
        )
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        raise InputError(
            f"{what} {_shown(value)} is not a valid date (month/day/year, e.g. 9/1/2005, or year/month/day, e.g. "
            "2005/09/01; a day-first date is not read)"
        ) from None
    return in_range(found, what)


def in_range(day: date, what: str = "date") -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InputError(f"{what} {day} is out of range (a date from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31)")
    return day


def _shown(value: object) -> str:
    """A value as an error message shows it: quoted, and cut short if long."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def to_years(value: int | str) -> int:
    """Completed years of service: a whole number from 0 to 100."""
    given = value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 3:
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_YEARS:
        return value
    value = given
    raise InputError(f"years {_shown(value)} is not a whole number of completed years (0 to {MAX_YEARS}, e.g. 16)")


def shown_decimal(text: str) -> Decimal | None:
    """The number ``text`` writes in plain decimal notation, or as a spreadsheet's currency, accounting or comma
    format writes it (``$26,843.50``, ``$ 26,843.50``, ``-$1,271.75``, ``26,843.50``), or None."""
    shown = _SHOWN.match(text.strip())
    if shown is None:
        return plain_decimal(text)
    return Decimal(shown[1] + shown[2].replace(",", "") + (shown[3] or ""))


def plain_decimal(text: str) -> Decimal | None:
    """The number ``text`` writes in plain decimal notation (at most 12 digits each side of the point), or None."""
    text = text.strip()
    return Decimal(text) if _PLAIN.match(text) else None


_LONG = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


def _to_decimal(value: Decimal | int | float | str, what: str, accepted: str, said: object = None) -> Decimal:
    """``value`` as a plain decimal, or an error naming ``what``, the value as ``said`` (else as given), and what is
    accepted."""
    number: Decimal | None = None
    if isinstance(value, bool):
        pass
    elif isinstance(value, str):
        number = plain_decimal(value)
    elif isinstance(value, (Decimal, int, float)):
        # a float by its shortest repr: 17.5 -> Decimal("17.5"), not the binary expansion
        number = plain_decimal(format(Decimal(repr(value) if isinstance(value, float) else value), "f")[:40])
    if number is None:
        shown = _shown(value if said is None else said)
        if isinstance(value, str) and _LONG.fullmatch(value.strip()):  # a number, but more digits than any limit
            raise InputError(f"{what} {shown} is out of range ({accepted})")
        raise InputError(f"{what} {shown} is not a plain decimal number ({accepted})")
    return number


def _within(value: Decimal | int | float | str, what: str, most: Decimal | int, accepted: str) -> Decimal:
    """A plain decimal above 0 and at most ``most``, or an error naming ``what`` and what is accepted."""
    number = _to_decimal(value, what, accepted)
    if not 0 < number <= most:
        raise InputError(f"{what} {_shown(value)} is out of range ({accepted})")
    return number


def to_hours(value: Decimal | int | float | str) -> Decimal:
    """Hours worked per week: above 0 and at most 168."""
    return _within(value, "hours", MAX_HOURS, "hours per week above 0 and at most 168, e.g. 17.5")


def to_workyear(value: Decimal | int | float | str) -> Decimal:
    """The fraction of the regular workyear worked: above 0 and at most 2 (more than 1 is allowed)."""
    accepted = "a fraction of the regular workyear above 0 and at most 2, e.g. 0.5 or 1.1"
    return _within(value, "workyear", MAX_WORKYEAR, accepted)


def to_hours_per_day(value: Decimal | int | float | str) -> Decimal:
    """Hours worked a day (hourly contracts): above 0 and at most 24."""
    return _within(value, "hours per day", 24, "hours a day above 0 and at most 24, e.g. 6.5")


def to_days(value: Decimal | int | float | str) -> Decimal:
    """Days worked a year (hourly and daily contracts): above 0 and at most 366."""
    return _within(value, "days", 366, "days a year above 0 and at most 366, e.g. 180")


def to_cycles(value: int | str) -> int:
    """Biweekly checks a year: 22 (over the school year) or 26 (all year)."""
    text = str(value).strip()
    if text not in ("22", "26") or isinstance(value, bool):
        raise InputError(f"pay cycles {_shown(value)} is not offered (22 or 26 biweekly checks a year)")
    return int(text)


def to_work(
    hours: Decimal | int | float | str | None = None,
    workyear: Decimal | int | float | str | None = None,
    hours_per_day: Decimal | int | float | str | None = None,
    days: Decimal | int | float | str | None = None,
    differentials: Iterable[str] = (),
) -> Work:
    """What a person works, each value checked; None is the contract's regular amount. Differential
    names are kept as given (the contract resolves them)."""
    return Work(
        None if hours is None else to_hours(hours),
        None if workyear is None else to_workyear(workyear),
        None if hours_per_day is None else to_hours_per_day(hours_per_day),
        None if days is None else to_days(days),
        (differentials,) if isinstance(differentials, str) else tuple(differentials),
    )


def to_amount(value: Decimal | int | float | str, what: str = "amount", limit: Decimal = MAX_AMOUNT) -> Decimal:
    """An amount of money: 0 or more, at most ``limit`` (ten million, a year's pay); ``-0`` is 0; written plain or
    as a spreadsheet's currency format writes it (``$26,843.50``)."""
    accepted = f"an amount from 0 to {limit}, e.g. 26843, 26843.50 or $26,843.50"
    shown = shown_decimal(value) if isinstance(value, str) else None
    amount = _to_decimal(value if shown is None else shown, what, accepted, value)
    if amount < 0 and amount != 0:
        raise InputError(f"{what} {_shown(value)} is negative ({accepted})")
    if amount > limit:
        raise InputError(f"{what} {_shown(value)} is out of range ({accepted})")
    return abs(amount)


@lru_cache(maxsize=256)
def title_key(name: str) -> str:
    """How titles are matched: case, spacing and punctuation do not count ("ED. ASST. B" == "ed asst b")."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def column_letter(index: int) -> str:
    """A spreadsheet's column by its index: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
