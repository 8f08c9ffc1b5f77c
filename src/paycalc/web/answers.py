"""What each page and API route answers, from a checked form: the same calls and records as the CLI's.

Each function takes the :class:`~paycalc.web.site.Site` and a :class:`Form`; it returns the answer's record
(as ``--format json`` gives it) and what the page shows beside it, or None when the form has errors (then
``form.errors`` says which fields and why, in the member's words).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from paycalc import api
from paycalc.contract.errors import PaycalcError
from paycalc.contract.models import Contract, Work
from paycalc.output import compare_text, history_text, pay_text, paychecks_text, retro_text
from paycalc.rules import core
from paycalc.rules.core import round_cents
from paycalc.web.forms import Form
from paycalc.web.site import Site

CHECKS_A_YEAR = {"semimonthly": 24, "biweekly": 26, "monthly": 12}


def name_of(site: Site, form: Form) -> str | None:
    """The contract's name: ``contract=NAME`` (any case), else the site's first; None (and a message) if unknown."""
    asked = (form.text("contract") or site.default).lower()
    if asked in site.contracts:
        return asked
    form.errors["contract"] = form._("There is no contract %(name)s here. The contracts: %(known)s.") % {
        "name": repr(form.given.get("contract", "")),
        "known": ", ".join(site.contracts),
    }
    return None


def contract_of(site: Site, form: Form) -> Contract | None:
    """The contract to answer under: the one asked for, or one of its offers (``proposal=NAME``)."""
    name = name_of(site, form)
    if name is None:
        return None
    offer = form.text("proposal")
    if offer is None:
        return site.contracts[name]
    found = site.offers[name].get(offer)
    if found is None:
        form.errors["proposal"] = form._("Choose one of the offers in the list.")
    return found


def title_of(contract: Contract, form: Form, field: str = "title", value: str | None = None) -> str | None:
    """A title by its name or any alias, as the contract spells it; else a message naming the three closest."""
    from paycalc.contract.inputs import title_key

    text = value if value is not None else form.text(field)
    if text is None:
        return None
    found = contract.lookup.get(title_key(text))
    if found is not None:
        return found.name
    import difflib

    names = {title_key(t.name): t.name for t in contract.titles}
    closest = difflib.get_close_matches(title_key(text), list(names), n=3, cutoff=0.0)
    form.errors.setdefault(
        field,
        form._("We do not know the title %(title)s. The closest: %(closest)s.")
        % {"title": repr(text), "closest": ", ".join(names[k] for k in closest)},
    )
    return None


FIELD_OF = {  # how the core starts a message about a value -> the field it came from
    "hire date": "hired",
    "from date": "from",
    "to date": "to",
    "the end": "to",
    "hours per day": "hours-per-day",
    "years": "years",
    "step": "step",
    "hours": "hours",
    "workyear": "workyear",
    "days": "days",
    "anchor": "method",
    "biweekly pay": "method",
    "pay cycles": "pay-cycles",
    "paid schedule date": "paid-schedule",
    "paid contract": "paid-contract",
    "change": "change",
    "date": "date",
}


def _fail(form: Form, exc: PaycalcError, field: str, dates: str = "date") -> None:
    """A core error, placed beside the field it names (or ``field``); ``dates``: the field a bare date is."""
    message = str(exc)
    for start, name in FIELD_OF.items():
        if message.startswith(start + " "):
            form.fail(dates if name == "date" else name, message)
            return
    if "before the first schedule" in message:
        form.fail(dates, message)
        return
    form.fail(field, message)


def _under(contract: Contract) -> dict[str, str]:
    """``{"proposal": its name}`` under a proposal, as the CLI's JSON says it."""
    return {"proposal": contract.proposal.name} if contract.proposal is not None else {}


def _person(site: Site, form: Form) -> tuple[Contract | None, str | None]:
    """The contract, the title and the placement fields, checked for any page about one person."""
    form.require("title")
    contract = contract_of(site, form)
    if contract is None:
        return None, None
    form.placement(core.stepped(contract))
    return contract, title_of(contract, form)


def method_of(contract: Contract, form: Form) -> str | None:
    """``method``: one of the pay periods; every two weeks only on a contract that says when its periods start."""
    method = form.method()
    if method == "biweekly" and contract.terms.anchor is None:
        form.errors["method"] = form._("This contract is not paid every two weeks: choose another pay period.")
        return None
    return method


def cycles_of(contract: Contract, form: Form) -> int | None:
    """``pay-cycles``: one of the contract's elections (22 or 26 for Lunenburg); refused where it has none."""
    value = form.text("pay-cycles")
    if value is None:
        return None
    offered = contract.terms.pay_cycles
    if not offered or value not in {str(n) for n in offered}:
        form.errors["pay-cycles"] = (
            form._("This contract has no pay-cycle election.")
            if not offered
            else form._("Choose %(choices)s checks a year.") % {"choices": " / ".join(map(str, sorted(offered)))}
        )
        return None
    return int(value)


def _changes(contract: Contract, form: Form) -> list[str]:
    """``change=DATE:title=NAME`` pairs, each title resolved (an alias is read as its title)."""
    found = []
    for text in form.changes:
        day, colon, rest = text.partition(":")
        key, equals, value = rest.partition("=")
        if not (colon and equals and key.strip() == "title"):
            form.errors["change"] = form._("Give the date and the title it changed to.")
            return []
        name = title_of(contract, form, "change", value)
        if name is None:
            return []
        found.append(f"{day.strip()}:title={name}")
    form.changes = found  # as the contract spells the titles: the share link says them so
    return found


def _paid_contract(site: Site, form: Form) -> Contract | None:
    """``paid-contract``: another contract this server serves, with the same columns and steps."""
    value = form.text("paid-contract")
    name = name_of(site, form)
    if value is None or name is None:
        return None
    found = site.paid_scales(name).get(value.lower())
    if found is None:
        form.errors["paid-contract"] = form._("Choose one of the scales in the list.")
    return found


def pay(site: Site, form: Form, today: datetime.date) -> dict[str, Any] | None:
    contract, title = _person(site, form)
    work = form.work()
    method = method_of(contract, form) if contract is not None else form.method()
    cycles = cycles_of(contract, form) if contract is not None else None
    changes = _changes(contract, form) if contract is not None else []
    if form.errors or contract is None or title is None:
        return None
    on = form.text("date") or today.isoformat()
    try:
        if changes:  # the column on the date: the last change on or before it
            from paycalc.contract.inputs import to_date
            from paycalc.rules import assignments

            parsed = [assignments.parse(text) for text in changes]
            title, _ = assignments.on(contract, title, Work(**work), to_date(on, "date"), parsed)
        result = api.annual_pay(
            title, on, years=form.text("years"), hired=form.text("hired"), step=form.text("step"), **work,
            schedules=contract,
        )  # fmt: skip
    except PaycalcError as exc:
        _fail(form, exc, "title")
        return None
    record = pay_text.as_record(result) | _under(contract)
    method = method or contract.terms.pay_periods or "semimonthly"
    checks = cycles or (26 if method == "biweekly" and contract.terms.pay_cycles else CHECKS_A_YEAR.get(method, 24))
    return {
        "record": record,
        "result": result,
        "method": method,
        "checks": checks,
        "check": round_cents(result.annual / checks),
        "contract": contract,
    }


MAX_CHECK_DAYS = 3_660  # a page of paychecks covers at most ten years (about 260 biweekly checks)


def _over_a_period(site: Site, form: Form) -> tuple[Any, ...]:
    """What paychecks and retro ask alike: the person, the period's ends required, the work, the pay periods and
    cycles, the column changes and the scale that was paid."""
    contract, title = _person(site, form)
    form.require("from", "to")
    work = form.work()
    method = method_of(contract, form) if contract is not None else form.method()
    cycles = cycles_of(contract, form) if contract is not None else None
    changes = _changes(contract, form) if contract is not None else []
    return contract, title, work, method, cycles, changes, _paid_contract(site, form)


def paychecks(site: Site, form: Form) -> dict[str, Any] | None:
    contract, title, work, method, cycles, changes, paid_by = _over_a_period(site, form)
    first, last = form.date("from", "from date"), form.date("to", "to date")
    if first is not None and last is not None and (last - first).days > MAX_CHECK_DAYS:
        form.errors["to"] = form._("is more than ten years after the first day (a page shows at most ten years).")
    if form.has("paid") and paid_by is not None:
        form.errors["paid"] = form._("Give what you were paid, or the scale you were paid, not both.")
    if form.errors or contract is None or title is None or first is None:
        return None
    asked: dict[str, Any] = {"hired": form.text("hired"), "years": form.text("years"), "step": form.text("step")}
    asked |= {"start": form.given["from"], "end": form.given["to"], **work, "method": method}
    asked |= {"pay_cycles": cycles, "changes": changes}
    try:
        used, checks = api.paychecks(title, **asked, schedules=contract)
        paid = {c.pay_date: c.gross for c in api.paychecks(title, **asked, schedules=paid_by)[1]} if paid_by else None
        hired = api.hired_for(asked["hired"], asked["years"], first, step=asked["step"], schedules=contract)
    except PaycalcError as exc:
        _fail(form, exc, "title", dates="from")
        return None
    if form.has("paid"):
        paid = _paid(form, {c.pay_date for c in checks})
    if form.errors:
        return None
    from paycalc.rules.steps import placement

    placed = placement(contract, asked["step"], None if asked["years"] is None else int(asked["years"]), first)
    name = checks[0].rows[0][0] if checks and checks[0].rows else title
    end = datetime.date.fromisoformat(form.given["to"])
    record = paychecks_text.record(name, hired, first, end, used, checks, paid, placed)
    return {"record": record | ({"pay_cycles": cycles} if cycles else {}), "contract": contract, "paid_by": paid_by}


def _paid(form: Form, dates: set[datetime.date]) -> dict[datetime.date, Decimal] | None:
    """A pasted list of ``pay date, gross`` lines, read in memory and never kept."""
    from paycalc.rules.paychecks import parse_paid

    try:
        return parse_paid(form.given["paid"], dates)
    except PaycalcError as exc:
        form.fail("paid", str(exc))
        return None


def retro(site: Site, form: Form) -> dict[str, Any] | None:
    contract, title, work, method, cycles, changes, paid_by = _over_a_period(site, form)
    if form.errors or contract is None or title is None:
        return None
    try:
        result = api.retro_pay(
            title, hired=form.text("hired"), years=form.text("years"), step=form.text("step"),
            start=form.given["from"], end=form.given["to"], **work, paid_schedule=form.text("paid-schedule"),
            method=method, schedules=contract, pay_cycles=cycles, changes=changes, paid_contract=paid_by,
        )  # fmt: skip
    except PaycalcError as exc:
        _fail(form, exc, "title", dates="from")
        return None
    proposal = contract.proposal.name if contract.proposal is not None else None
    return {"record": retro_text.record(result, proposal), "result": result, "contract": contract}


def compare(site: Site, form: Form) -> dict[str, Any] | None:
    form.require("from", "to")
    contract = contract_of(site, form)
    title = title_of(contract, form) if contract is not None else None
    if form.errors or contract is None:
        return None
    try:
        result = api.compare(form.given["from"], form.given["to"], title=title, schedules=contract)
    except PaycalcError as exc:
        _fail(form, exc, "from", dates="from")
        return None
    sources = [
        f"{s.effective}: {s.source}"
        for s in (core.schedule_on(contract, d) for d in (result.from_schedule, result.to_schedule))
    ]
    record = compare_text.as_record(result) | _under(contract)
    return {"record": record, "result": result, "contract": contract, "sources": sources}


def history(site: Site, form: Form) -> dict[str, Any] | None:
    contract, title = _person(site, form)
    work = form.work()
    if form.errors or contract is None or title is None:
        return None
    try:
        result = api.history(
            title, years=form.text("years"), hired=form.text("hired"), step=form.text("step"),
            start=form.text("from"), end=form.text("to"), **work, schedules=contract,
        )  # fmt: skip
    except PaycalcError as exc:
        _fail(form, exc, "title")
        return None
    return {"record": history_text.as_record(result) | _under(contract), "result": result, "contract": contract}


def offers(site: Site, form: Form) -> dict[str, Any] | None:
    """What each offer pays one member on each of its dates, against the status quo (the base frozen)."""
    from paycalc.membership import costing

    name = name_of(site, form)
    base = site.contracts[name] if name is not None else None
    form.require("title")
    if base is not None:
        form.placement(core.stepped(base))
    title = title_of(base, form) if base is not None else None
    work = form.work()
    if form.errors or base is None or name is None or title is None:
        return None
    rows = []
    person: dict[str, Any] = {"years": form.text("years"), "hired": form.text("hired"), "step": form.text("step")}
    try:
        for offer, proposed in site.offers[name].items():
            assert proposed.proposal is not None
            frozen = costing.status_quo([proposed], base)
            for change in proposed.proposal.changes:
                day = change.effective
                now = api.annual_pay(title, day, **person, **work, schedules=frozen)
                new = api.annual_pay(title, day, **person, **work, schedules=proposed)
                difference = new.annual - now.annual
                percent = difference / now.annual * 100 if now.annual else None
                rows.append(
                    {
                        "offer": offer,
                        "offer_name": proposed.proposal.name,
                        "date": day.isoformat(),
                        "title": new.title,
                        "row": new.longevity,
                        "status_quo": str(now.annual),
                        "offered": str(new.annual),
                        "change": str(difference),
                        "percent": None if percent is None else str(round_cents(percent)),
                    }
                )
    except PaycalcError as exc:
        _fail(form, exc, "title")
        return None
    return {"record": {"title": title, "offers": rows}, "contract": base}
