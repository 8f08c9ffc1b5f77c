"""paycalc: exact pay for school paraprofessionals from their contract's salary schedules.

>>> import paycalc
>>> paycalc.annual_pay("Ed. Asst. B", "2018-06-16", years=16).annual
Decimal('33352.00')
"""

__version__ = "0.1.0"

from paycalc.api import annual_pay, compare, cost, history, load_proposal, retro_pay, retro_roster
from paycalc.errors import InputError, PaycalcError, Problem, RowError, ScheduleError
from paycalc.loader import check_folder, load_contract
from paycalc.models import (
    CompareRow,
    Comparison,
    Contract,
    Differential,
    DifferentialPaid,
    History,
    HistoryRow,
    PayResult,
    PayTerms,
    Proposal,
    RetroResult,
    RosterTotal,
    Schedule,
    Segment,
    Tier,
    Title,
    Work,
)

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
    "history",
    "load_contract",
    "load_proposal",
    "retro_pay",
    "retro_roster",
]
