"""A costing member by member: one row per member (CSV, JSON, a workbook sheet), and the members the
report names (who gains least and most)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from paycalc.membership.cost_sums import money_of
from paycalc.membership.costing import Costing, MemberCost
from paycalc.output.cost_render import label
from paycalc.output.files import safe_cell
from paycalc.output.render import cents_text, percent
from paycalc.output.spreadsheet import Percent, Quantity


def offer_names(names: Sequence[str]) -> list[str]:
    """Each offer's short name, made unique (``a``, ``a#2``) so that columns never collide."""
    unique: list[str] = []
    for name in names:
        candidate, n = name, 1
        while candidate in unique:
            n += 1
            candidate = f"{name}#{n}"
        unique.append(candidate)
    return unique


def columns(costing: Costing, names: Sequence[str], carried: Sequence[str]) -> list[str]:
    """``kind, id``, the carried columns, ``title, hired``; per fiscal year what the member was priced on (the
    step or row, the hours and workyear, or hours a day and days), the status quo and each offer's pay; over
    the whole range the status quo, then each offer's pay, lump sums, increase and percent."""
    offers = offer_names(names)
    heads = ["kind", "id", *carried, "title", "hired"]
    for period in costing.periods:
        year = label(period)
        heads += [f"{name}_{year}" for name in costing.worked]
        heads += [f"status_quo_{year}", *(f"{offer}_{year}" for offer in offers)]
    heads.append("status_quo_total")
    for offer in offers:
        heads += [f"{offer}_total", f"{offer}_lump_sums", f"{offer}_increase", f"{offer}_percent"]
    return heads


def _percent(increase: int, status_quo: int) -> Decimal | None:
    return Decimal(increase) / Decimal(status_quo) * 100 if status_quo else None


def _number(text: str) -> int | str:
    """A carried cell for a workbook: a whole number (a step, a grade) as a number; anything else, a leading
    zero included (an employee number), as the text it is."""
    whole = text.isascii() and text.isdigit() and len(text) < 16 and (text[0] != "0" or text == "0")
    return int(text) if whole else text


def _amount(text: str) -> Quantity | str:
    """A work cell for a workbook: a number as a number; a step label or several rows' values as text."""
    return Quantity(text) if text.isascii() and text.replace(".", "", 1).isdigit() else text


def rows(costs: Iterable[MemberCost], *, typed: bool) -> Iterator[list[Any]]:
    """One row per member, in :func:`columns`' order: money as Decimal (``typed``, for a workbook) or as
    text with two decimals (CSV), user text guarded against running as a formula in CSV."""

    def money(value: int) -> Any:
        return money_of(value) if typed else cents_text(value)

    def text(value: str) -> str:
        return value if typed else safe_cell(value)

    for cost in costs:
        member = cost.member
        carried = [_number(value) for value in member.carried] if typed else map(text, member.carried)
        row: list[Any] = ["member", text(member.id), *carried, text(cost.title)]
        row.append(member.hired if typed else member.hired.isoformat())
        for i in range(len(cost.status_quo) - 1):
            if cost.worked:
                row += [_amount(cell) for cell in cost.worked[i]] if typed else cost.worked[i]
            row += [money(cost.status_quo[i]), *(money(pay[i]) for pay in cost.pay)]
        old = cost.status_quo[-1]
        row.append(money(old))
        for pay, lumps in zip(cost.pay, cost.lump_sums, strict=True):
            share = percent(_percent(pay[-1] - old, old))
            row += [money(pay[-1]), money(lumps), money(pay[-1] - old)]
            row.append((None if share is None else Percent(share)) if typed else share)
        yield row


def records(costs: Iterable[MemberCost], costing: Costing, carried: Sequence[str]) -> Iterator[dict[str, Any]]:
    """One JSON object per member: its id, carried columns, title, hire date, each fiscal year and the total;
    offers by their names, as the costing's JSON names them."""
    names = [line.name for line in costing.total.proposals]
    for cost in costs:
        member = cost.member
        record: dict[str, Any] = {"id": member.id, **dict(zip(carried, member.carried, strict=True))}
        record |= {"title": cost.title, "hired": member.hired.isoformat(), "periods": []}
        for i, period in enumerate(costing.periods):
            record["periods"].append(
                {
                    "start": period.start.isoformat(),
                    "end": period.end.isoformat(),
                    **dict(zip(costing.worked, cost.worked[i] if cost.worked else (), strict=True)),
                    "status_quo": cents_text(cost.status_quo[i]),
                    "proposals": [
                        {"name": n, "pay": cents_text(pay[i])} for n, pay in zip(names, cost.pay, strict=True)
                    ],
                }
            )
        old = cost.status_quo[-1]
        record["total"] = {
            "status_quo": cents_text(old),
            "proposals": [
                {
                    "name": name,
                    "pay": cents_text(pay[-1]),
                    "lump_sums": cents_text(lumps),
                    "increase": cents_text(pay[-1] - old),
                    "percent": percent(_percent(pay[-1] - old, old)),
                }
                for name, pay, lumps in zip(names, cost.pay, cost.lump_sums, strict=True)
            ],
        }
        yield record


class Named(NamedTuple):
    """A member the report names, with each offer's increase over the whole range."""

    place: int  # its place among the costed members (in the per-member JSON), from 0
    id: str
    carried: tuple[str, ...]
    title: str
    status_quo: Decimal
    increases: tuple[Decimal, ...]  # per offer


def _named(index: int, cost: MemberCost) -> Named:
    old = cost.status_quo[-1]
    increases = tuple(money_of(pay[-1] - old) for pay in cost.pay)
    return Named(index, cost.member.id, cost.member.carried, cost.title, money_of(old), increases)


class Extremes:
    """The ``count`` members who gain least and most under the first offer over the whole range, kept as
    the costing hands members over (ties in roster order): memory for ``2 x count`` members, not all."""

    def __init__(self, count: int = 5) -> None:
        self.count = count
        self.seen = 0
        self._least: list[tuple[int, int, Named]] = []  # (-increase, -place): the largest kept is on top
        self._most: list[tuple[int, int, Named]] = []  # (increase, place): the smallest kept is on top

    def add(self, cost: MemberCost) -> None:
        increase, place = cost.pay[0][-1] - cost.status_quo[-1], self.seen
        self.seen += 1
        for heap, key in ((self._least, (-increase, -place)), (self._most, (increase, place))):
            if len(heap) < self.count:
                heapq.heappush(heap, (*key, _named(place, cost)))
            elif key > heap[0][:2]:
                heapq.heapreplace(heap, (*key, _named(place, cost)))

    def found(self) -> tuple[list[Named], list[Named]]:
        """The least first, then the most first."""
        least = [named for *_, named in sorted(self._least, reverse=True)]
        most = [named for *_, named in sorted(self._most, reverse=True)]
        return least, most


def extremes(costs: Iterable[MemberCost], count: int = 5) -> tuple[list[Named], list[Named]]:
    """The ``count`` members who gain least and most under the first offer over the whole range (ties
    in roster order)."""
    kept = Extremes(count)
    for cost in costs:
        kept.add(cost)
    return kept.found()
