"""What each page and API route answers, from a checked form: the same calls and records as the CLI's.

Each function takes the :class:`Site` (the contract and the proposals ``serve`` was given) and a
:class:`Form`; it returns the answer's record (as ``--format json`` gives it) and what the page shows
beside it, or None when the form has errors (then ``form.errors`` says which fields and why).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from paycalc import api
from paycalc.contract.errors import PaycalcError
from paycalc.contract.models import Contract
from paycalc.output import compare_text, history_text, pay_text, paychecks_text, retro_text
from paycalc.rules.core import round_cents
from paycalc.web.forms import Form

CHECKS_A_YEAR = {"semimonthly": 24, "biweekly": 26, "monthly": 12}


class Site(NamedTuple):
    contract: Contract
    proposals: dict[str, Contract]  # by name (the file's stem)


def contract_of(site: Site, form: Form) -> Contract | None:
    """The contract to answer under: the site's, or a proposal given to ``serve``, by name."""
    name = form.text("proposal")
    if name is None:
        return site.contract
    found = site.proposals.get(name)
    if found is None:
        offered = ", ".join(site.proposals) or "none were given to paycalc serve"
        form.errors["proposal"] = f"{name!r} is not an offer here ({offered})"
    return found


FIELD_OF = {  # how the core starts a message about a value -> the field it came from
    "hire date": "hired",
    "from date": "from",
    "to date": "to",
    "the end": "to",
    "hours per day": "hours-per-day",
    "years": "years",
    "hours": "hours",
    "workyear": "workyear",
    "days": "days",
    "anchor": "method",
    "paid schedule date": "paid-schedule",
    "date": "date",
}


def _fail(form: Form, exc: PaycalcError, field: str, dates: str = "date") -> None:
    """A core error, placed beside the field it names (or ``field``); ``dates``: the field a bare date is."""
    message = str(exc)
    for start, name in FIELD_OF.items():
        if message.startswith(start + " "):
            form.errors[dates if name == "date" else name] = message
            return
    form.errors[field] = message


def _under(contract: Contract) -> dict[str, str]:
    """``{"proposal": its name}`` under a proposal, as the CLI's JSON says it."""
    return {"proposal": contract.proposal.name} if contract.proposal is not None else {}


def pay(site: Site, form: Form, today: datetime.date) -> dict[str, Any] | None:
    form.require("title")
    form.one_of("years", "hired")
    work = form.work()
    form.method()
    contract = contract_of(site, form)
    if form.errors or contract is None:
        return None
    try:
        result = api.annual_pay(
            form.given["title"],
            form.text("date") or today.isoformat(),
            years=form.text("years"),
            hired=form.text("hired"),
            **work,
            schedules=contract,
        )
    except PaycalcError as exc:
        _fail(form, exc, "title")
        return None
    record = pay_text.as_record(result) | _under(contract)
    method = form.method() or contract.terms.pay_periods or "semimonthly"
    checks = CHECKS_A_YEAR.get(method, 24)
    return {
        "record": record,
        "result": result,
        "method": method,
        "checks": checks,
        "check": round_cents(result.annual / checks),
        "contract": contract,
    }


MAX_CHECK_DAYS = 3_660  # a page of paychecks covers at most ten years (about 260 biweekly checks)


def paychecks(site: Site, form: Form) -> dict[str, Any] | None:
    form.require("title", "from", "to")
    form.one_of("years", "hired")
    work, method = form.work(), form.method()
    first, last = form.date("from", "from date"), form.date("to", "to date")
    if first is not None and last is not None and (last - first).days > MAX_CHECK_DAYS:
        form.errors["to"] = f"is more than ten years after {first} (a page shows at most ten years of checks)"
    contract = contract_of(site, form)
    if form.errors or contract is None:
        return None
    try:
        used, checks = api.paychecks(
            form.given["title"],
            hired=form.text("hired"),
            years=form.text("years"),
            start=form.given["from"],
            end=form.given["to"],
            **work,
            method=method,
            schedules=contract,
        )
        start = datetime.date.fromisoformat(form.given["from"])
        hired = api.hired_for(form.text("hired"), form.text("years"), start)
    except PaycalcError as exc:
        _fail(form, exc, "title")
        return None
    paid = _paid(form, {c.pay_date for c in checks}) if form.has("paid") else None
    if form.errors:
        return None
    title = checks[0].rows[0][0] if checks and checks[0].rows else form.given["title"]
    end = datetime.date.fromisoformat(form.given["to"])
    return {"record": paychecks_text.record(title, hired, start, end, used, checks, paid), "contract": contract}


def _paid(form: Form, dates: set[datetime.date]) -> dict[datetime.date, Decimal] | None:
    """A pasted list of ``pay_date, gross`` lines, read in memory and never kept."""
    from paycalc.rules.paychecks import parse_paid

    try:
        return parse_paid(form.given["paid"], dates)
    except PaycalcError as exc:
        form.errors["paid"] = str(exc)
        return None


def retro(site: Site, form: Form) -> dict[str, Any] | None:
    form.require("title", "hired", "from", "to")
    work, method = form.work(), form.method()
    contract = contract_of(site, form)
    if form.errors or contract is None:
        return None
    try:
        result = api.retro_pay(
            form.given["title"],
            hired=form.given["hired"],
            start=form.given["from"],
            end=form.given["to"],
            **work,
            paid_schedule=form.text("paid-schedule"),
            method=method,
            schedules=contract,
        )
    except PaycalcError as exc:
        _fail(form, exc, "title")
        return None
    proposal = contract.proposal.name if contract.proposal is not None else None
    return {"record": retro_text.record(result, proposal), "result": result, "contract": contract}


def compare(site: Site, form: Form) -> dict[str, Any] | None:
    form.require("from", "to")
    contract = contract_of(site, form)
    if form.errors or contract is None:
        return None
    try:
        result = api.compare(form.given["from"], form.given["to"], title=form.text("title"), schedules=contract)
    except PaycalcError as exc:
        _fail(form, exc, "title" if "title" in str(exc) else "from", dates="from")
        return None
    return {"record": compare_text.as_record(result) | _under(contract), "result": result, "contract": contract}


def history(site: Site, form: Form) -> dict[str, Any] | None:
    form.require("title")
    form.one_of("years", "hired")
    work = form.work()
    contract = contract_of(site, form)
    if form.errors or contract is None:
        return None
    try:
        result = api.history(
            form.given["title"],
            years=form.text("years"),
            hired=form.text("hired"),
            start=form.text("from"),
            end=form.text("to"),
            **work,
            schedules=contract,
        )
    except PaycalcError as exc:
        _fail(form, exc, "title")
        return None
    return {"record": history_text.as_record(result) | _under(contract), "result": result, "contract": contract}


def offers(site: Site, form: Form) -> dict[str, Any] | None:
    """What each offer pays one member on each of its dates, against the status quo (the base frozen)."""
    from paycalc.membership import costing

    form.require("title")
    form.one_of("years", "hired")
    work = form.work()
    if not site.proposals and "title" not in form.errors:
        form.errors["title"] = "no offers were given to paycalc serve (start it with --proposal FILE)"
    if form.errors:
        return None
    rows = []
    try:
        for name, proposed in site.proposals.items():
            assert proposed.proposal is not None
            frozen = costing.status_quo([proposed], site.contract)
            days = [change.effective for change in proposed.proposal.changes]
            for day in days:
                years, hired = form.text("years"), form.text("hired")
                offer = api.annual_pay(form.given["title"], day, years=years, hired=hired, **work, schedules=proposed)
                now = api.annual_pay(form.given["title"], day, years=years, hired=hired, **work, schedules=frozen)
                change = offer.annual - now.annual
                percent = change / now.annual * 100 if now.annual else None
                rows.append(
                    {
                        "offer": name,
                        "offer_name": proposed.proposal.name,
                        "date": day.isoformat(),
                        "title": offer.title,
                        "row": offer.longevity,
                        "status_quo": str(now.annual),
                        "offered": str(offer.annual),
                        "change": str(change),
                        "percent": None if percent is None else str(round_cents(percent)),
                    }
                )
    except PaycalcError as exc:
        _fail(form, exc, "title")
        return None
    return {"record": {"title": rows[0]["title"] if rows else form.given["title"], "offers": rows}}
