"""The two shapes of a scale's table (:mod:`paycalc.contract.scale_table`), told apart and read into a
:class:`~paycalc.contract.scale_table.Scale`: the long shape (a row a cell) and the grid (a block a date)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from paycalc.contract.errors import InputError
from paycalc.contract.scale_table import _DATE, Cell, Scale, amount, day, step_label

RATES = ("hourly", "daily", "annual")


def _key(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def read_scale(
    rows: list[tuple[str, list[Cell]]],
    basis: str | None,
    hours: Decimal | None,
    days: Decimal | None,
    effective: datetime.date | None = None,
) -> tuple[Scale, str]:
    """The scale of a table, and its shape in words (``long``, ``grid``, ``one schedule``)."""
    filled = [(sheet, cells) for sheet, cells in rows if any(text for _, text in cells)]
    if not filled:
        raise InputError("the table is empty")
    header = [_key(text) for _, text in filled[0][1]]
    if "effective" in header and "title" in header:
        scale, shape = _long(filled, header), "long (a row a cell)"
    elif header and header[0] == "title":
        scale, shape = _one(filled, basis, effective), "one schedule (a row a title, as schedules show writes it)"
    else:
        scale, shape = _grid(filled, basis), "grid (a block of steps by titles a date)"
    for effective in scale.rates:
        if hours is not None:
            scale.hours.setdefault(effective, hours)
        if days is not None:
            scale.days.setdefault(effective, days)
    return scale, shape


def _long(rows: list[tuple[str, list[Cell]]], header: list[str]) -> Scale:
    label = next((name for name in ("step", "tier", "row") if name in header), None)
    rate = next((name for name in RATES if name in header), None)
    where = rows[0][1][0][0].split("!")[0]
    if label is None or rate is None:
        missing = "step (or tier)" if label is None else "hourly, daily or annual"
        raise InputError(f"{where}: the header has effective and title but no {missing} column")
    scale = Scale(basis=rate)
    at = {name: header.index(name) for name in header if name}
    for _, cells in rows[1:]:

        def cell(name: str, cells: list[Cell] = cells) -> Cell | None:
            index = at.get(name)
            return cells[index] if index is not None and index < len(cells) and cells[index][1] else None

        effective, title, step, value = cell("effective"), cell("title"), cell(label), cell(rate)
        if effective is None or title is None or step is None or value is None:
            place = cells[0][0] if cells else where
            raise InputError(f"{place}: a row without its effective date, title, {label} or {rate}")
        on, name, tier = day(effective), title[1], step_label(step)
        scale.put(on, name, tier, amount(value), value[0])
        printed = cell("annual") if rate != "annual" else None
        if printed is not None:
            scale.printed.setdefault(on, {}).setdefault(name, {})[tier] = amount(printed)
        for column, found, what in (("hoursperday", scale.hours, "hours a day"), ("days", scale.days, "days")):
            given = cell(column)
            if given is not None:
                scale.once(found, on, given, what)
        source = cell("source")
        if source is not None:
            scale.sources.setdefault(on, source[1])
        before, notes = cell("hiredbefore"), cell("notes")
        if before is not None or notes is not None:
            about = (day(before) if before else None, tuple(notes[1].split(" | ")) if notes else ())
            if scale.about.setdefault(name, about) != about:
                raise InputError(
                    f"{(before or notes or title)[0]}: {name}'s hired_before or notes differ from its rows before"
                )
    return scale


def _one(rows: list[tuple[str, list[Cell]]], basis: str | None, effective: datetime.date | None) -> Scale:
    """One schedule as ``paycalc schedules show --format csv`` writes it: ``title``, then a column per step or
    row; a row per title. Its date is ``--effective``, what its rates are ``--basis`` (else annual)."""
    where = rows[0][1][0][0]
    if effective is None:
        raise InputError(f"{where}: the table holds one schedule and no date (give --effective DATE)")
    scale = Scale(basis=basis or "annual")
    labels = [step_label(cell) for cell in rows[0][1][1:] if cell[1]]
    for _, cells in rows[1:]:
        title = cells[0][1]
        for index, label in enumerate(labels, start=1):
            if index < len(cells) and cells[index][1]:
                scale.put(effective, title, label, amount(cells[index]), cells[index][0])
    return scale


def _grid(rows: list[tuple[str, list[Cell]]], basis: str | None) -> Scale:
    """Blocks: a date (in a row's first cell, or a sheet's name), a header row (Step, then titles), step rows."""
    words = " ".join(text.lower() for _, cells in rows for _, text in cells if not _is_number(text))
    found = basis or next((b for b, hint in (("hourly", "hour"), ("daily", "daily")) if hint in words), None)
    if found is None and "annual" in words:
        found = "annual"
    if found is None:
        raise InputError("the table does not say what its rates are (give --basis hourly, daily or annual)")
    scale = Scale(basis=found)
    effective: datetime.date | None = None
    columns: list[tuple[int, str, bool]] = []  # (index, title, printed annual)
    last_sheet = ""
    for sheet, cells in rows:
        first = next((c for c in cells if c[1]), None)
        if first is None:
            continue
        if sheet != last_sheet:
            last_sheet = sheet
            match = _DATE.search(sheet)
            effective, columns = (day((sheet, match.group(1))) if match else None), []
        texts = [text for _, text in cells]
        match = _DATE.search(first[1])
        if match and not _is_number(first[1]) and len([t for t in texts if t]) == 1:
            effective, columns = day((first[0], match.group(1))), []
            continue
        if _key(first[1]) in ("step", "steps", "tier", "row", "") and not columns:
            columns = _columns(cells, found)
            continue
        if (effective is None or not columns) and not any(_is_number(t) for t in texts):
            continue  # a title or a note above the blocks
        if effective is None or not columns:
            raise InputError(
                f"{first[0]}: {first[1]!r} comes before a date and a header row (a block: a date, Step, titles)"
            )
        label = step_label(cells[0])
        for index, title, printed in columns:
            if index >= len(cells) or not cells[index][1]:
                continue
            if printed:
                scale.printed.setdefault(effective, {}).setdefault(title, {})[label] = amount(cells[index])
            else:
                scale.put(effective, title, label, amount(cells[index]), cells[index][0])
    return scale


def _columns(cells: list[Cell], basis: str) -> list[tuple[int, str, bool]]:
    """A header row's titles: ``High School`` (or ``High School hourly``) a rate; ``High School annual``, beside
    an hourly or daily rate, its printed annual."""
    found = []
    for index, (_, text) in enumerate(cells[1:], start=1):
        if not text:
            continue
        title = re.sub(r"(?i)\s*[-(]?\s*(hourly( rate)?|daily( rate)?|rate|annual( salary)?)\s*\)?$", "", text).strip()
        printed = basis != "annual" and bool(re.search(r"(?i)annual( salary)?\s*\)?$", text))
        found.append((index, title or text, printed))
    return found


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"\$?[\d,]+(\.\d+)?", text.strip()))
