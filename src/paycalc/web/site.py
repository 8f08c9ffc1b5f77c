"""What one server serves: its contracts by name, each one's offers, the scales a member may say she was paid
instead, and the address members use. A request picks a contract by name (``contract=NAME``); it never names
a file."""

from __future__ import annotations

from typing import NamedTuple

from paycalc.contract.models import Contract


class Site(NamedTuple):
    contracts: dict[str, Contract]  # by the name --contract takes; the first is the default
    offers: dict[str, dict[str, Contract]]  # contract name -> offer name (a proposal file's stem) -> its contract
    public_url: str  # the address members use, without a trailing slash: every share link starts with it

    @property
    def default(self) -> str:
        return next(iter(self.contracts))

    def paid_scales(self, name: str) -> dict[str, Contract]:
        """The other contracts served whose scale a member of ``name`` may have been paid instead: the same
        columns (titles) and steps or rows, another contract (Lunenburg's posted scale for the corrected one)."""
        contract = self.contracts[name]
        titles, tiers = [t.name for t in contract.titles], [t.label for t in contract.tiers]
        return {
            other: found
            for other, found in self.contracts.items()
            if other != name
            and [t.name for t in found.titles] == titles
            and [t.label for t in found.tiers] == tiers
            and "superseded" in found.name.lower()
        }


def build(contracts: dict[str, Contract], proposals: list[str], public_url: str) -> Site:
    """The site over ``contracts``; each proposal file is an offer of every contract it applies to."""
    from pathlib import Path

    from paycalc.api import load_proposal
    from paycalc.contract.errors import PaycalcError

    offers: dict[str, dict[str, Contract]] = {name: {} for name in contracts}
    for path in proposals:
        for name, contract in contracts.items():
            try:
                offers[name][Path(path).stem] = load_proposal(path, contract)
            except PaycalcError:
                continue
    return Site(contracts, offers, public_url.rstrip("/"))
