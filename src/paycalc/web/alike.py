"""Pay answers kept by what decides them: ``/api/pay`` questions that differ only in their date, where both dates
fall under one schedule inside the agreement's term, have one answer but for its ``date``.

The answer of ``/api/pay`` depends on the date only through the schedule in force on it, and through notes that
name the date when it falls outside the term; a hire date (years counted to the date) or a column change (the
title on the date) make it depend on the date itself. So a question with a valid date, inside the term, with
neither, is kept by its other fields (as given, in their order) and its schedule; the next such question is
answered from it, its own date put in. Anything else (an error, a hire date, a change, a date outside the term)
is worked out as it comes. ``tests/test_web_alike.py`` holds the kept answers to answers worked out afresh.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from starlette.types import Send

from paycalc.contract.errors import PaycalcError
from paycalc.contract.inputs import to_date
from paycalc.rules.core import schedule_on
from paycalc.web.site import Site

KEPT = 4096  # answers kept (a few hundred bytes each)
DEPENDS_ON_THE_DATE = frozenset(("hired", "change", "change-date", "change-title"))


class Alike:
    """The answers of ``/api/pay`` kept by their fields but the date, and the schedule in force on it: each its
    JSON before and after the date's value."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.kept: OrderedDict[tuple[Any, ...], tuple[bytes, bytes]] = OrderedDict()

    def key(self, pairs: list[tuple[str, str]], accept: str) -> tuple[tuple[Any, ...], str] | None:
        """The question's key and its date (ISO), or None when its answer depends on more than the schedule."""
        fields = dict(pairs)  # each once: as the form reads them (stripped), the contract as contract_of finds it
        if len(fields) != len(pairs) or "date" not in fields or not DEPENDS_ON_THE_DATE.isdisjoint(fields):
            return None  # a field given twice is read as its first: kept only where there is no doubt
        name = (fields.get("contract", "").strip() or self.site.default).lower()
        contract = self.site.contracts.get(name)
        offer = fields.get("proposal", "").strip()
        if contract is not None and offer:
            contract = self.site.offers[name].get(offer)
        if contract is None:
            return None
        try:
            on = to_date(fields["date"].strip())
            effective = schedule_on(contract, on).effective
        except PaycalcError:
            return None
        if not contract.term_start <= on <= contract.term_end:
            return None  # its notes name the date
        others = tuple(pair for pair in pairs if pair[0] != "date")
        return (others, accept, id(contract), effective), on.isoformat()

    def get(self, key: tuple[Any, ...], on: str) -> bytes | None:
        """The kept answer of ``key`` (its JSON), with its date ``on``; None when none is kept."""
        found = self.kept.get(key)
        if found is None:
            return None
        self.kept.move_to_end(key)
        return found[0] + on.encode() + found[1]

    def keep(self, key: tuple[Any, ...], body: bytes, on: str) -> None:
        """Keep the answer ``body`` (JSON) of the question dated ``on``, where its date is found once."""
        mark = b'"date":"' + on.encode() + b'"'
        if body.count(mark) != 1:
            return
        at = body.index(mark) + len(mark) - 11  # the date's first byte
        self.kept[key] = body[:at], body[at + 10 :]
        if len(self.kept) > KEPT:
            self.kept.popitem(last=False)

    @staticmethod
    async def send(body: bytes, send: Send) -> None:
        """The answer as the JSON route sends it: its length and type, then the body."""
        length = str(len(body)).encode()
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-length", length), (b"content-type", b"application/json")]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})
