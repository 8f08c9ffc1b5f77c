"""What a member's form asks, read against a contract: the contract and title chosen, the pay method and
checks, the changes, the paid scale; and the core's errors put back on the fields they came from, in the
member's words. :mod:`paycalc.web.answers` answers from these.
"""

from __future__ import annotations

from paycalc.contract.errors import PaycalcError
from paycalc.contract.models import Contract
from paycalc.rules import core
from paycalc.web.forms import Form
from paycalc.web.site import Site


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


def fail(form: Form, exc: PaycalcError, field: str, dates: str = "date") -> None:
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


def under(contract: Contract) -> dict[str, str]:
    """``{"proposal": its name}`` under a proposal, as the CLI's JSON says it."""
    return {"proposal": contract.proposal.name} if contract.proposal is not None else {}


def person(site: Site, form: Form) -> tuple[Contract | None, str | None]:
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


def changes_of(contract: Contract, form: Form) -> list[str]:
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


def paid_contract(site: Site, form: Form) -> Contract | None:
    """``paid-contract``: another contract this server serves, with the same columns and steps."""
    value = form.text("paid-contract")
    name = name_of(site, form)
    if value is None or name is None:
        return None
    found = site.paid_scales(name).get(value.lower())
    if found is None:
        form.errors["paid-contract"] = form._("Choose one of the scales in the list.")
    return found
