"""What every function of the Python API shares: the contract to answer under, a proposal's contract, and
changes of assignment parsed from their text."""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from paycalc.contract.errors import InputError
from paycalc.contract.loader import load_contract
from paycalc.contract.models import Contract

if TYPE_CHECKING:
    from paycalc.rules.assignments import Change

Schedules = Contract | str | os.PathLike[str] | None
Number = Decimal | int | float | str


def contract_for(schedules: Schedules) -> Contract:
    """A loaded contract from a contract, a schedules folder, or None for the bundled one."""
    return schedules if isinstance(schedules, Contract) else load_contract(schedules)


def load_proposal(path: str | os.PathLike[str], schedules: Schedules = None) -> Contract:
    """The contract a proposal file makes of ``schedules`` (default: the bundled contract).

    The result is usable as ``schedules=`` by every function here.

    >>> proposed = load_proposal("uft-2019-2022")
    >>> annual_pay("Teacher Aide", "2021-05-14", years=0, schedules=proposed).annual
    Decimal('28448.00')
    """
    from paycalc.contract import loader
    from paycalc.contract.errors import PaycalcError, Problem, ScheduleError
    from paycalc.rules import proposal

    contract = contract_for(schedules)
    spec = loader.read_proposal(path, contract)
    try:
        return proposal.apply(contract, spec)
    except PaycalcError as exc:
        raise ScheduleError([Problem(str(path), "", str(exc))]) from None


def parse_changes(texts: Iterable[str]) -> list[Change]:
    """``DATE:KEY=VALUE`` texts as changes (the parser is imported only when there are some)."""
    texts = list(texts)
    if not texts:
        return []
    from paycalc.rules import assignments

    return [assignments.parse(text) for text in texts]


def paid_contract_for(paid: Schedules) -> Contract:
    """The contract whose scale was paid: a contract, a bundled contract's name, or a schedules folder."""
    if isinstance(paid, Contract):
        return paid
    from paycalc.contract.loader import BUNDLED_CONTRACTS, bundled_contract

    text = os.fspath(paid) if paid is not None else ""
    if text.strip().lower() in BUNDLED_CONTRACTS:
        return contract_for(bundled_contract(text))
    if not text.strip() or not os.path.isdir(text):
        raise InputError(
            f"paid contract {text!r} is neither a bundled contract ({', '.join(BUNDLED_CONTRACTS)}) nor a folder "
            "of schedule files ('paycalc contracts' lists the bundled ones)"
        )
    return contract_for(text)
