"""Fiscal years: a costed range cut at each year's first day (``MM-DD``, New York City's 07-01)."""

from __future__ import annotations

from datetime import date, timedelta

from paycalc.contract.errors import InputError

ONE_DAY = timedelta(days=1)


def fiscal_years(start: date, end: date, fiscal_year_start: str) -> list[tuple[date, date]]:
    """``start``..``end`` cut at each ``MM-DD``."""
    month, day = parse_fiscal_start(fiscal_year_start)
    pieces, first = [], start
    while first <= end:
        boundary = date(first.year, month, day)
        if boundary <= first:
            boundary = date(first.year + 1, month, day)
        last = min(end, boundary - ONE_DAY)
        pieces.append((first, last))
        first = last + ONE_DAY
    return pieces


def parse_fiscal_start(text: str) -> tuple[int, int]:
    accepted = "MM-DD, a day every year has, e.g. 07-01 (New York City's) or 10-01"
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) == 2 for p in parts):
        raise InputError(f"--fiscal-year-start {text!r} is not MM-DD ({accepted})")
    month, day = int(parts[0]), int(parts[1])
    try:
        date(2001, month, day)  # a common year: Feb 29 is refused
    except ValueError:
        raise InputError(f"--fiscal-year-start {text!r} is not a day of every year ({accepted})") from None
    return month, day
