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
from paycalc.contract.models import Work
from paycalc.output import compare_text, history_text, pay_text, paychecks_text, retro_text
from paycalc.rules import core
from paycalc.rules.core import round_cents
from paycalc.web.asked import (
    changes_of,
    contract_of,
    cycles_of,
    fail,
    method_of,
    name_of,
    paid_contract,
    person,
    title_of,
    under,
)
from paycalc.web.forms import Form
from paycalc.web.site import Site

CHECKS_A_YEAR = {"semimonthly": 24, "biweekly": 26, "monthly": 12}


def pay(site: Site, form: Form, today: datetime.date) -> dict[str, Any] | None:
    contract, title = person(site, form)
    work = form.work()
    method = method_of(contract, form) if contract is not None else form.method()
    cycles = cycles_of(contract, form) if contract is not None else None
    changes = changes_of(contract, form) if contract is not None else []
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
        fail(form, exc, "title")
        return None
    record = pay_text.as_record(result) | under(contract)
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
    contract, title = person(site, form)
    form.require("from", "to")
    work = form.work()
    method = method_of(contract, form) if contract is not None else form.method()
    cycles = cycles_of(contract, form) if contract is not None else None
    changes = changes_of(contract, form) if contract is not None else []
    return contract, title, work, method, cycles, changes, paid_contract(site, form)


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
        fail(form, exc, "title", dates="from")
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
        fail(form, exc, "title", dates="from")
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
        fail(form, exc, "from", dates="from")
        return None
    sources = [
        f"{s.effective}: {s.source}"
        for s in (core.schedule_on(contract, d) for d in (result.from_schedule, result.to_schedule))
    ]
    record = compare_text.as_record(result) | under(contract)
    return {"record": record, "result": result, "contract": contract, "sources": sources}


def history(site: Site, form: Form) -> dict[str, Any] | None:
    contract, title = person(site, form)
    work = form.work()
    if form.errors or contract is None or title is None:
        return None
    try:
        result = api.history(
            title, years=form.text("years"), hired=form.text("hired"), step=form.text("step"),
            start=form.text("from"), end=form.text("to"), **work, schedules=contract,
        )  # fmt: skip
    except PaycalcError as exc:
        fail(form, exc, "title")
        return None
    return {"record": history_text.as_record(result) | under(contract), "result": result, "contract": contract}


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
        fail(form, exc, "title")
        return None
    return {"record": {"title": title, "offers": rows}, "contract": base}
