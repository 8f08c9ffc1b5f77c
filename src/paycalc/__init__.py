"""paycalc: exact pay for school paraprofessionals from their contract's salary schedules.

>>> import paycalc
>>> paycalc.annual_pay("Ed. Asst. B", "2018-06-16", years=16).annual
Decimal('33352.00')
"""

from typing import TYPE_CHECKING

from paycalc._version import __version__
from paycalc.api import (
    annual_pay,
    compare,
    cost,
    cost_roster,
    history,
    load_proposal,
    paychecks,
    retro_pay,
    retro_roster,
    write_retro_roster,
)
from paycalc.contract.errors import InputError, PaycalcError, Problem, RowError, ScheduleError
from paycalc.contract.loader import check_folder, load_contract
from paycalc.contract.models import (
    Contract,
    Differential,
    DifferentialPaid,
    PayResult,
    PayTerms,
    Proposal,
    Schedule,
    Tier,
    Title,
    Work,
)

if TYPE_CHECKING:
    from paycalc.rules.results import CompareRow, Comparison, History, HistoryRow
    from paycalc.rules.retro_results import RetroResult, RosterTotal, Segment

# Answer records are defined on first use: ``paycalc pay`` needs none of them (see paycalc.rules.results).
_RESULTS = {
    "CompareRow": "rules.results",
    "Comparison": "rules.results",
    "History": "rules.results",
    "HistoryRow": "rules.results",
    "RetroResult": "rules.retro_results",
    "RosterTotal": "rules.retro_results",
    "Segment": "rules.retro_results",
}


def __getattr__(name: str) -> object:
    if name in _RESULTS:
        import importlib

        return getattr(importlib.import_module(f"paycalc.{_RESULTS[name]}"), name)
    raise AttributeError(f"module 'paycalc' has no attribute {name!r}")


__all__ = [
    "CompareRow",
    "Comparison",
    "Contract",
    "Differential",
    "DifferentialPaid",
    "History",
    "HistoryRow",
    "InputError",
    "PayResult",
    "PayTerms",
    "PaycalcError",
    "Problem",
    "Proposal",
    "RetroResult",
    "RosterTotal",
    "RowError",
    "Schedule",
    "ScheduleError",
    "Segment",
    "Tier",
    "Title",
    "Work",
    "__version__",
    "annual_pay",
    "check_folder",
    "compare",
    "cost",
    "cost_roster",
    "history",
    "load_contract",
    "load_proposal",
    "paychecks",
    "retro_pay",
    "retro_roster",
    "write_retro_roster",
]
