"""A :class:`Contract` as JSON and back, for the schedule cache: data only, nothing that can run code.

Money is written as decimal strings, so it comes back exactly. :func:`decode` checks the shape of what
it reads and that every longevity row still equals its base rate plus its amount; anything else raises,
and the loader then validates the folder again.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Any

from paycalc.contract.inputs import title_key
from paycalc.contract.models import Contract, Differential, PayTerms, Schedule, Tier, Title

FORMAT = 5


def encode(contract: Contract) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "name": contract.name,
            "parties": list(contract.parties),
            "term": [contract.term_start.isoformat(), contract.term_end.isoformat()],
            "source": contract.source,
            "regular_hours": None if contract.regular_hours is None else str(contract.regular_hours),
            "terms": _encode_terms(contract.terms),
            "tiers": [[t.label, t.min_years] for t in contract.tiers],
            "titles": [
                [t.name, list(t.aliases), list(t.notes), t.hired_before.isoformat() if t.hired_before else None]
                for t in contract.titles
            ],
            "schedules": [encode_schedule(s) for s in contract.schedules],
            "folder": contract.folder,
            "cpi": contract.cpi,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def encode_schedule(s: Schedule) -> dict[str, Any]:
    return {
        "effective": s.effective.isoformat(),
        "source": s.source,
        "longevity": {label: str(amount) for label, amount in s.longevity.items()},
        "rates": {title: {label: str(rate) for label, rate in row.items()} for title, row in s.rates.items()},
        "file": s.file,
        "steps": s.steps,
        "hours_per_day": None if s.hours_per_day is None else str(s.hours_per_day),
        "days_per_year": None if s.days_per_year is None else str(s.days_per_year),
        "printed": {title: {label: str(value) for label, value in row.items()} for title, row in s.printed.items()},
    }


def decode_schedule(s: dict[str, Any], cells: tuple[list[str], list[str]] | None) -> Schedule:
    """A schedule as :func:`encode_schedule` wrote it; ``cells``: the titles and tier labels its rates must
    cover, in order (None: any, as the rates hold them); each longevity row its base rate plus its amount."""
    longevity = {text_value(label): _money(amount) for label, amount in s["longevity"].items()}
    rates = {
        text_value(t): {text_value(label): _money(rate) for label, rate in row.items()} for t, row in s["rates"].items()
    }
    names, labels = cells if cells is not None else (list(rates), list(next(iter(rates.values()), {})))
    if list(rates) != names or any(list(row) != labels for row in rates.values()):
        raise ValueError("rates do not cover the titles and tiers")
    if longevity:
        for row in rates.values():
            base_rate = row[labels[0]] - longevity.get(labels[0], Decimal(0))
            if any(row[label] != base_rate + longevity[label] for label in labels[1:]):
                raise ValueError("a longevity row is not its base rate plus its amount")
    steps = s["steps"]
    if steps is not None and not (isinstance(steps, int) and 0 < steps < len(labels)):
        raise ValueError("steps out of range")
    printed = {text_value(t): {text_value(lb): _money(v) for lb, v in row.items()} for t, row in s["printed"].items()}
    if any(t not in rates or any(lb not in labels for lb in row) for t, row in printed.items()):
        raise ValueError("a printed figure of no cell")
    return Schedule(
        date.fromisoformat(s["effective"]),
        text_value(s["source"]),
        longevity,
        rates,
        text_value(s["file"]),
        steps,
        _optional_money(s["hours_per_day"]),
        _optional_money(s["days_per_year"]),
        printed,
    )


def _encode_terms(terms: PayTerms) -> list[Any]:
    return [
        terms.basis,
        None if terms.hours_per_day is None else str(terms.hours_per_day),
        None if terms.days_per_year is None else str(terms.days_per_year),
        None if terms.step_advance is None else list(terms.step_advance),
        [[first.isoformat(), last.isoformat()] for first, last in terms.freezes],
        [[d.name, d.kind, str(d.amount)] for d in terms.differentials],
        terms.pay_periods,
        None if terms.anchor is None else terms.anchor.isoformat(),
        None if terms.new_hire_cutoff is None else list(terms.new_hire_cutoff),
        list(terms.pay_cycles),
        terms.check_split,
    ]


def _decode_terms(data: list[Any]) -> PayTerms:
    basis, hours, days, step, freezes, differentials, pay_periods, anchor, cutoff, cycles, split = data
    if basis not in ("annual", "hourly", "daily") or (basis != "annual" and days is None):
        raise ValueError("pay terms out of shape")
    return PayTerms(
        basis=basis,
        hours_per_day=None if hours is None else _money(hours),
        days_per_year=None if days is None else _money(days),
        step_advance=None if step is None else (int(step[0]), int(step[1])),
        freezes=tuple((date.fromisoformat(a), date.fromisoformat(b)) for a, b in freezes),
        differentials=tuple(Differential(text_value(n), text_value(k), _money(a)) for n, k, a in differentials),
        pay_periods=None if pay_periods is None else text_value(pay_periods),
        anchor=None if anchor is None else date.fromisoformat(anchor),
        new_hire_cutoff=None if cutoff is None else (int(cutoff[0]), int(cutoff[1])),
        pay_cycles=tuple(int(n) for n in cycles),
        check_split=text_value(split),
    )


def text_value(value: Any) -> str:
    """A JSON value that must be text."""
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _money(value: Any) -> Decimal:
    amount = Decimal(text_value(value))
    if not amount.is_finite() or amount < 0:
        raise ValueError("not an amount")
    return amount


def _optional_money(value: Any) -> Decimal | None:
    return None if value is None else _money(value)


def decode(content: str) -> Contract:
    data = json.loads(content)
    if data["format"] != FORMAT:
        raise ValueError("another format")
    tiers = tuple(Tier(text_value(label), int(years)) for label, years in data["tiers"])
    titles = tuple(
        Title(
            text_value(name),
            tuple(map(text_value, aliases)),
            tuple(map(text_value, notes)),
            None if hired_before is None else date.fromisoformat(hired_before),
        )
        for name, aliases, notes, hired_before in data["titles"]
    )
    schedules = [decode_schedule(s, ([t.name for t in titles], [t.label for t in tiers])) for s in data["schedules"]]
    if not schedules or any(a.effective >= b.effective for a, b in pairwise(schedules)):
        raise ValueError("schedules out of order")
    start, end = data["term"]
    return Contract(
        name=text_value(data["name"]),
        parties=tuple(map(text_value, data["parties"])),
        term_start=date.fromisoformat(start),
        term_end=date.fromisoformat(end),
        source=text_value(data["source"]),
        regular_hours=None if data["regular_hours"] is None else _money(data["regular_hours"]),
        tiers=tiers,
        titles=titles,
        schedules=tuple(schedules),
        folder=text_value(data["folder"]),
        lookup={title_key(name): t for t in titles for name in (t.name, *t.aliases)},
        cpi=None if data["cpi"] is None else text_value(data["cpi"]),
        terms=_decode_terms(data["terms"]),
    )
