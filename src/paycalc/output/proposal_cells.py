"""What an offer does cell by cell on a step contract: each title (column) and step, its rate in the base
schedule, its rate in the schedule the offer makes, and the change. Pure: shown by ``propose`` and the
costing report.

The rates are the published ones (hourly or daily, as the scale prints them). A step the base schedule does
not print (one the offer adds) has the base's top step as its old rate: what a member past the top is paid.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from paycalc.contract.models import Contract, Schedule
from paycalc.output.render import percent, published, signed_percent, table, terminal_width


class Cell(NamedTuple):
    title: str
    step: str
    old: Decimal
    new: Decimal
    added: bool  # a step the base schedule does not print: ``old`` is its top step's rate

    @property
    def change(self) -> Decimal:
        return self.new - self.old

    @property
    def percent(self) -> Decimal | None:
        return self.change / self.old * 100 if self.old else None


def cells(contract: Contract, base: Schedule, schedule: Schedule) -> list[Cell]:
    """Every title and step ``schedule`` prints, against ``base``, titles in the schedule's order."""
    printed = {tier.label for tier in contract.tiers[: base.steps]}
    shown = contract.tiers[: schedule.steps]
    return [
        Cell(title, tier.label, base.rates[title][tier.label], rates[tier.label], tier.label not in printed)
        for title, rates in schedule.rates.items()
        for tier in shown
    ]


def as_records(found: list[Cell]) -> list[dict[str, object]]:
    """The cells for JSON: rates and the change as strings of the published precision, percent to 0.01."""
    return [
        {
            "title": cell.title,
            "step": cell.step,
            "old": str(cell.old),
            "new": str(cell.new),
            "change": str(cell.change),
            "percent": percent(cell.percent),
            "added": cell.added,
        }
        for cell in found
    ]


def render(found: list[Cell], base: Schedule) -> str:
    """A long table, one line per title and step (the title shown once), that fits 80 columns."""
    rows, last = [], None
    for cell in found:
        shown = "" if cell.title == last else cell.title
        last = cell.title
        change = published(cell.change)
        sign = "-" if change.startswith("-") else "+"
        step = f"{cell.step} (new)" if cell.added else cell.step
        rates = [f"${published(cell.old)}", f"${published(cell.new)}", f"{sign}${change.lstrip('-')}"]
        rows.append([shown, step, *rates, signed_percent(cell.percent)])
    heading = f"Cell by cell, against the base schedule of {base.effective}"
    text = table(
        ("Title", "Step", "Old", "New", "Change", "Percent"),
        rows,
        title=heading,
        right=(2, 3, 4, 5),
        wrap=(0,),
        width=min(terminal_width(), 80),
    )
    if any(cell.added for cell in found):
        import textwrap

        note = "(new): a step the base schedule does not print; its old rate is the base's top step, paid past the top."
        text += "\n" + textwrap.fill(note, min(terminal_width(), 80))
    return text
