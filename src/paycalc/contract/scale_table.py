"""A local's salary scale from a table (CSV or .xlsx) as a :class:`Contract`: what ``paycalc schedules import``
reads. Two shapes, detected and said:

- *long*: one row a cell, columns ``effective, title, step`` (or ``tier``) and the rate, ``hourly``, ``daily`` or
  ``annual``; beside an hourly or daily rate, ``annual`` is the figure printed beside it (checked against the
  rule, a difference a warning); ``hours_per_day`` and ``days`` optional, one value within an effective date;
  ``source`` optional (what the schedule cites). ``paycalc schedules export`` writes this shape.
- *grid*: as scales are printed, a block per effective date: a row whose first cell holds a date (``Effective
  2025-07-01``), then a header row (``Step``, then one column per title; a title's column headed ``... annual``
  beside its rate is its printed annual), then one row per step. A sheet named by a date is a block too.

A cell it cannot read is refused, naming it (``scale.xlsx!D14: '$24.9' is not an amount``): never a guess. A
title with fewer steps than another, or a gap in the steps, is filled from the step below and said as a warning.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from paycalc.contract.errors import InputError
from paycalc.contract.inputs import column_letter, title_key
from paycalc.contract.models import Contract, PayTerms, Schedule, Tier, Title

Cell = tuple[str, str]  # (where, as in scale.csv!D14; the text)
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})")
_AMOUNT = re.compile(r"\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
MAX_ROWS = 20_000


def read_rows(path: str, sheet: str | None = None) -> list[tuple[str, list[Cell]]]:
    """The table's rows, each with its sheet's name: every cell as text with where it is (CSV or .xlsx)."""
    name = Path(path).name
    if path.lower().endswith(".xlsx"):
        return _xlsx_rows(path, name, sheet)
    if sheet is not None:
        raise InputError(f"--sheet applies only to an .xlsx file, not {name}")
    import csv

    from paycalc.contract.loader import read_regular

    try:
        text = read_regular(Path(path), 4 << 20).decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text (save it as CSV UTF-8)") from None
    rows = []
    for number, row in enumerate(csv.reader(text.splitlines()), start=1):
        rows.append((name, [(f"{name}!{column_letter(i)}{number}", cell.strip()) for i, cell in enumerate(row)]))
    return rows[:MAX_ROWS]


def _xlsx_rows(path: str, name: str, sheet: str | None) -> list[tuple[str, list[Cell]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        raise InputError(f"cannot read {path}: not an .xlsx workbook") from None
    names = [n for n in book.sheetnames if hasattr(book[n], "iter_rows")]
    if sheet is not None and sheet not in names:
        raise InputError(f"{path} has no sheet {sheet!r} (its sheets: {', '.join(names)})")
    rows = []
    for sheet_name in [sheet] if sheet else names:
        worksheet = book[sheet_name]
        worksheet.reset_dimensions()  # a declared size is never trusted
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells = [(f"{sheet_name}!{column_letter(i)}{number}", _text(v)) for i, v in enumerate(values)]
            rows.append((sheet_name, cells))
    return rows[:MAX_ROWS]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value).strip()


def amount(cell: Cell) -> Decimal:
    """A rate or an annual figure as written: ``24.59``, ``$24.59``, ``$30,848.16``; never a guess."""
    where, text = cell
    found = _AMOUNT.fullmatch(text)
    cents = found.group(3) if found else None
    if found is None or (text.startswith("$") and cents is not None and len(cents) != 3):
        raise InputError(f"{where}: {text!r} is not an amount (dollars and cents, e.g. 24.59 or $30,848.16)")
    try:
        return Decimal(text.replace("$", "").replace(",", "").replace(" ", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain numbers
        raise InputError(f"{where}: {text!r} is not an amount") from None


def day(cell: Cell) -> datetime.date:
    from paycalc.contract.inputs import to_roster_date

    where, text = cell
    try:
        return to_roster_date(text, "date")
    except InputError as exc:
        raise InputError(f"{where}: {str(exc).removeprefix('date ')}") from None


def step_label(cell: Cell) -> str:
    """``1`` and ``Step 1`` are ``step 1``; a longevity row keeps its words (``base``, ``5-year``)."""
    text = cell[1].strip()
    if text.isdigit():
        return f"step {int(text)}"
    found = re.fullmatch(r"(?i)step\s*(\d+)", text)
    if found:
        return f"step {int(found.group(1))}"
    if not text:
        raise InputError(f"{cell[0]}: no step or row")
    return text


@dataclass
class Scale:
    """What a table says, before it is a contract: rates and printed annuals by date, title and step."""

    basis: str = ""
    rates: dict[datetime.date, dict[str, dict[str, Decimal]]] = field(default_factory=dict)
    printed: dict[datetime.date, dict[str, dict[str, Decimal]]] = field(default_factory=dict)
    hours: dict[datetime.date, Decimal] = field(default_factory=dict)
    days: dict[datetime.date, Decimal] = field(default_factory=dict)
    sources: dict[datetime.date, str] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)
    about: dict[str, tuple[datetime.date | None, tuple[str, ...]]] = field(default_factory=dict)  # hired_before, notes
    labels: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def put(self, effective: datetime.date, title: str, label: str, rate: Decimal, where: str) -> None:
        row = self.rates.setdefault(effective, {}).setdefault(title, {})
        if label in row:
            raise InputError(f"{where}: {title} {label} of {effective} is given twice")
        row[label] = rate
        if title not in self.titles:
            self.titles.append(title)
        if label not in self.labels:
            self.labels.append(label)

    def once(self, found: dict[datetime.date, Decimal], effective: datetime.date, cell: Cell, what: str) -> None:
        value = amount(cell)
        if found.setdefault(effective, value) != value:
            raise InputError(f"{cell[0]}: {what} {value} differs from {found[effective]} within {effective}")


def tiers_of(labels: Sequence[str]) -> tuple[Tier, ...]:
    """The steps (``step N`` from N - 1 years) or longevity rows (``base``, ``5-year``...) of the labels."""
    found = []
    for label in labels:
        step = re.fullmatch(r"step (\d+)", label)
        years = re.match(r"(\d+)", label)
        if step:
            found.append(Tier(label, int(step.group(1)) - 1))
        elif label.lower() in ("base", "start", "entry"):
            found.append(Tier(label, 0))
        elif years:
            found.append(Tier(label, int(years.group(1))))
        else:
            raise InputError(f"row {label!r} is neither a step nor a row of years (write Step 1, base or 5-year)")
    found.sort(key=lambda tier: tier.min_years)
    if not found or found[0].min_years != 0:
        raise InputError("no first step or base row (a row from 0 years: Step 1 or base)")
    for before, after in itertools.pairwise(found):
        if after.min_years == before.min_years:
            raise InputError(f"rows {before.label!r} and {after.label!r} are reached by the same years")
    return tuple(found)


def contract_of(scale: Scale, name: str, parties: Sequence[str], source: str, folder: str) -> Contract:
    """The contract a scale makes: its titles, steps or rows, one schedule per date, its regular day and year."""
    if not scale.rates:
        raise InputError("no rates found (a long table's header, or a block headed by a date)")
    tiers = tiers_of(scale.labels)
    labels = [t.label for t in tiers]
    dates = sorted(scale.rates)
    basis = scale.basis
    first = dates[0]
    if basis == "hourly" and (first not in scale.hours or first not in scale.days):
        raise InputError("hourly rates need hours_per_day and days (columns, or --hours-per-day and --days)")
    if basis == "daily" and first not in scale.days:
        raise InputError("daily rates need days (a column, or --days)")
    schedules = []
    for effective in dates:
        table = scale.rates[effective]
        printed_steps = max(len(row) for row in table.values())
        rates: dict[str, dict[str, Decimal]] = {}
        for title in scale.titles:
            row = table.get(title)
            if row is None:
                raise InputError(f"{title} has no rates on {effective} (every title, every date)")
            filled: dict[str, Decimal] = {}
            for index, label in enumerate(labels):
                if label in row:
                    filled[label] = row[label]
                elif index < printed_steps:
                    if index == 0:
                        raise InputError(f"{title} has no {label} on {effective}")
                    scale.warnings.append(f"{effective}: {title} has no {label}: paid {labels[index - 1]}'s rate")
                    filled[label] = filled[labels[index - 1]]
                else:
                    filled[label] = filled[labels[index - 1]]  # above the top printed: the top
            rates[title] = filled
        longevity = _amounts(rates, labels) if basis == "annual" else {}
        printed = {t: dict(r) for t, r in scale.printed.get(effective, {}).items()}
        schedules.append(
            Schedule(
                effective,
                scale.sources.get(effective, f"{source}, effective {effective}"),
                longevity,
                rates,
                f"{effective}.yaml",
                steps=printed_steps if printed_steps < len(labels) else None,
                hours_per_day=scale.hours.get(effective)
                if scale.hours.get(effective) != scale.hours.get(first)
                else None,
                days_per_year=scale.days.get(effective) if scale.days.get(effective) != scale.days.get(first) else None,
                printed=printed,
            )
        )
    stepped = len(labels) > 1 and all(re.fullmatch(r"step \d+", label) for label in labels)
    terms = PayTerms(
        basis=basis,
        hours_per_day=scale.hours.get(first),
        days_per_year=scale.days.get(first),
        step_advance=(7, 1) if stepped else None,
    )
    about = {t: scale.about.get(t, (None, ())) for t in scale.titles}
    titles = tuple(Title(t, notes=about[t][1], hired_before=about[t][0]) for t in scale.titles)
    end = dates[-1].replace(year=dates[-1].year + 1) - datetime.timedelta(days=1)
    return Contract(
        name=name,
        parties=tuple(parties),
        term_start=first,
        term_end=end,
        source=source,
        regular_hours=Decimal(30) if basis == "annual" else None,
        tiers=tiers,
        titles=titles,
        schedules=tuple(schedules),
        folder=folder,
        lookup={title_key(t.name): t for t in titles},
        terms=terms,
    )


def _amounts(rates: dict[str, dict[str, Decimal]], labels: list[str]) -> dict[str, Decimal]:
    """A longevity table's amounts: each row's rate less the base rate, where that is one amount for every title."""
    found = {}
    for label in labels[1:]:
        differences = {row[label] - row[labels[0]] for row in rates.values()}
        if len(differences) != 1:
            return {}
        found[label] = differences.pop()
    return found
