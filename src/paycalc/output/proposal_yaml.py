"""A proposal as a proposal file (YAML) that paycalc reads back to the same proposal: the budget solve's
answer, written with ``cost --write-proposal``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from paycalc.contract.models import Proposal


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a double-quoted YAML scalar: nothing in it is read as syntax


def _number(value: Decimal) -> str:
    return format(value, "f")


def _percents(values: Sequence[Decimal]) -> str:
    return _number(values[0]) if len(values) == 1 else "[" + ", ".join(map(_number, values)) + "]"


def dump(proposal: Proposal, comment: Sequence[str] = ()) -> str:
    """The file's text: ``comment`` lines first, then every key the proposal sets."""
    lines = [f"# {line}" for line in comment]
    lines += [f"name: {_text(proposal.name)}", f"base: {proposal.base}", f"rounding: {proposal.rounding}"]
    if proposal.changes:
        lines.append("changes:")
        for change in proposal.changes:
            lines.append(f"  - effective: {change.effective}")
            if change.percents:
                lines.append(f"    percent: {_percents(change.percents)}")
            if change.add:
                pairs = ", ".join(f"{_text(label)}: {_number(amount)}" for label, amount in change.add.items())
                lines.append(f"    add: {{{pairs}}}")
    if proposal.lump_sums:
        lines.append("lump_sums:")
        for lump in proposal.lump_sums:
            lines.append(f"  - name: {_text(lump.name)}")
            lines += [f"    amount: {_number(lump.amount)}", f"    paid: {lump.paid}"]
            lines += [f"    eligible_on: {lump.eligible_on}", f"    prorate: {str(lump.prorate).lower()}"]
    if proposal.instalments:
        lines.append("instalments:")
        for instalment in proposal.instalments:
            lines += [f"  - paid: {instalment.paid}", f"    share: {_number(instalment.share)}"]
    if proposal.term_end is not None:
        lines.append(f"term_end: {proposal.term_end}")
    return "\n".join(lines) + "\n"
