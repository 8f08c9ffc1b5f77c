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

from paycalc.inputs import title_key
from paycalc.models import Contract, Schedule, Tier, Title

FORMAT = 2


def encode(contract: Contract) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "name": contract.name,
            "parties": list(contract.parties),
            "term": [contract.term_start.isoformat(), contract.term_end.isoformat()],
            "source": contract.source,
            "regular_hours": str(contract.regular_hours),
            "tiers": [[t.label, t.min_years] for t in contract.tiers],
            "titles": [
                [t.name, list(t.aliases), list(t.notes), t.hired_before.isoformat() if t.hired_before else None]
                for t in contract.titles
            ],
            "schedules": [
                {
                    "effective": s.effective.isoformat(),
                    "source": s.source,
                    "longevity": {label: str(amount) for label, amount in s.longevity.items()},
                    "rates": {
                        title: {label: str(rate) for label, rate in row.items()} for title, row in s.rates.items()
                    },
                    "file": s.file,
                }
                for s in contract.schedules
            ],
            "folder": contract.folder,
            "cpi": contract.cpi,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _money(value: Any) -> Decimal:
    amount = Decimal(_text(value))
    if not amount.is_finite() or amount < 0:
        raise ValueError("not an amount")
    return amount


def decode(content: str) -> Contract:
    data = json.loads(content)
    if data["format"] != FORMAT:
        raise ValueError("another format")
    tiers = tuple(Tier(_text(label), int(years)) for label, years in data["tiers"])
    titles = tuple(
        Title(
            _text(name),
            tuple(map(_text, aliases)),
            tuple(map(_text, notes)),
            None if hired_before is None else date.fromisoformat(hired_before),
        )
        for name, aliases, notes, hired_before in data["titles"]
    )
    labels = [t.label for t in tiers]
    names = [t.name for t in titles]
    schedules = []
    for s in data["schedules"]:
        longevity = {_text(label): _money(amount) for label, amount in s["longevity"].items()}
        rates = {_text(t): {_text(label): _money(rate) for label, rate in row.items()} for t, row in s["rates"].items()}
        if list(rates) != names or any(list(row) != labels for row in rates.values()):
            raise ValueError("rates do not cover the titles and tiers")
        if longevity:
            for row in rates.values():
                base_rate = row[labels[0]] - longevity.get(labels[0], Decimal(0))
                if any(row[label] != base_rate + longevity[label] for label in labels[1:]):
                    raise ValueError("a longevity row is not its base rate plus its amount")
        schedules.append(
            Schedule(date.fromisoformat(s["effective"]), _text(s["source"]), longevity, rates, _text(s["file"]))
        )
    if not schedules or any(a.effective >= b.effective for a, b in pairwise(schedules)):
        raise ValueError("schedules out of order")
    start, end = data["term"]
    return Contract(
        name=_text(data["name"]),
        parties=tuple(map(_text, data["parties"])),
        term_start=date.fromisoformat(start),
        term_end=date.fromisoformat(end),
        source=_text(data["source"]),
        regular_hours=_money(data["regular_hours"]),
        tiers=tiers,
        titles=titles,
        schedules=tuple(schedules),
        folder=_text(data["folder"]),
        lookup={title_key(name): t for t in titles for name in (t.name, *t.aliases)},
        cpi=None if data["cpi"] is None else _text(data["cpi"]),
    )
