"""A checked :class:`Proposal` as JSON and back, for the schedule cache: data only, nothing that can run code.

A proposal file is read by YAML and checked by pydantic against its contract: importing both and building the
models takes about 0.15 s of a cold start, against a few milliseconds for this. Money and percents are written
as decimal strings, so they come back exactly (``3.00`` stays ``3.00``). :func:`decode` checks the shape of
what it reads; anything else raises, and the loader reads the file again.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from paycalc.contract.cache_format import decode_schedule, encode_schedule, text_value
from paycalc.contract.models import Change, Instalment, LumpSum, Proposal, TitleChange

FORMAT = 1


def encode(proposal: Proposal) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "name": proposal.name,
            "base": proposal.base.isoformat(),
            "rounding": proposal.rounding,
            "changes": [_encode_change(change) for change in proposal.changes],
            "lump_sums": [
                [s.name, str(s.amount), s.paid.isoformat(), s.eligible_on.isoformat(), s.prorate]
                for s in proposal.lump_sums
            ],
            "instalments": [[i.paid.isoformat(), str(i.share)] for i in proposal.instalments],
            "file": proposal.file,
            "term_end": None if proposal.term_end is None else proposal.term_end.isoformat(),
            "replaced": None if proposal.replaced is None else encode_schedule(proposal.replaced),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _encode_change(change: Change) -> dict[str, Any]:
    step = change.add_step
    return {
        "effective": change.effective.isoformat(),
        "percents": [str(p) for p in change.percents],
        "add": {tier: str(amount) for tier, amount in change.add.items()},
        "per_rate": str(change.per_rate),
        "titles": {name: [[str(p) for p in t.percents], str(t.per_rate)] for name, t in change.titles.items()},
        "add_step": None
        if step is None
        else [None if step[0] is None else str(step[0]), {tier: str(rate) for tier, rate in step[1].items()}],
    }


def _number(value: Any) -> Decimal:
    """A decimal as written (a percent or an amount may be below zero: a cut)."""
    number = Decimal(text_value(value))
    if not number.is_finite():
        raise ValueError("not a number")
    return number


def _day(value: Any) -> date:
    return date.fromisoformat(text_value(value))


def _decode_change(data: dict[str, Any]) -> Change:
    step = data["add_step"]
    return Change(
        effective=_day(data["effective"]),
        percents=tuple(map(_number, data["percents"])),
        add={text_value(tier): _number(amount) for tier, amount in data["add"].items()},
        per_rate=_number(data["per_rate"]),
        titles={
            text_value(name): TitleChange(tuple(map(_number, percents)), _number(per_rate))
            for name, (percents, per_rate) in data["titles"].items()
        },
        add_step=None
        if step is None
        else (
            None if step[0] is None else _number(step[0]),
            {text_value(tier): _number(rate) for tier, rate in step[1].items()},
        ),
    )


def decode(content: str) -> Proposal:
    data = json.loads(content)
    if data["format"] != FORMAT:
        raise ValueError("another format")
    if data["rounding"] not in ("dollar", "cent"):
        raise ValueError("a rounding paycalc does not know")
    return Proposal(
        name=text_value(data["name"]),
        base=_day(data["base"]),
        rounding=data["rounding"],
        changes=tuple(_decode_change(change) for change in data["changes"]),
        lump_sums=tuple(
            LumpSum(text_value(name), _number(amount), _day(paid), _day(eligible), prorate is True)
            for name, amount, paid, eligible, prorate in data["lump_sums"]
        ),
        instalments=tuple(Instalment(_day(paid), _number(share)) for paid, share in data["instalments"]),
        file=text_value(data["file"]),
        term_end=None if data["term_end"] is None else _day(data["term_end"]),
        replaced=None if data["replaced"] is None else decode_schedule(data["replaced"], None),
    )
