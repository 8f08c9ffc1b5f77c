"""The members' pay calculator on the web: plain forms whose address is their state, and a JSON API.

Pages: ``/pay``, ``/paychecks``, ``/retro``, ``/offers`` (where the server has offers), ``/compare``,
``/schedules``; the API: ``/api/pay``, ``/api/paychecks``, ``/api/retro``, ``/api/compare``, ``/api/history``,
each equal to ``--format json`` of the same command. Every page and route takes ``contract=NAME`` and ``lang=en|es``.
A pasted list of what was paid is sent by POST, never in an address, never kept. No script, nothing loaded from
elsewhere; every response carries a Content-Security-Policy."""

from __future__ import annotations

import datetime
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from paycalc.contract.inputs import title_key
from paycalc.rules.core import stepped
from paycalc.web import answers, asked, i18n
from paycalc.web.alike import Alike
from paycalc.web.forms import Form
from paycalc.web.guard import MAX_BODY, MAX_QUERY, SecurityHeaders, fields, read_body, serve_static, simple
from paycalc.web.site import Site

HERE = Path(__file__).parent
REMEMBERED = 2048  # answers kept by their normalised question (a few KiB each)
Answer = Callable[[Site, Form], dict[str, Any] | None]


def pages(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "pay": _("My pay on a date"),
        "paychecks": _("My paychecks"),
        "retro": _("What I am owed"),
        "offers": _("What each offer pays me"),
        "compare": _("Raises between schedules"),
        "schedules": _("The salary schedules"),
    }


def labels(_: Callable[[str], str]) -> dict[str, str]:
    """Each field's label, for the list of what to check at the top of a form."""
    return {
        "title": _("Title (column)"),
        "date": _("Date"),
        "years": _("Completed years of service"),
        "hired": _("Hire date"),
        "step": _("My step"),
        "hours": _("Hours a week"),
        "workyear": _("Fraction of the workyear"),
        "hours-per-day": _("Hours a day"),
        "days": _("Days a year"),
        "from": _("From"),
        "to": _("To"),
        "method": _("Pay periods"),
        "pay-cycles": _("My pay-cycle election"),
        "change": _("My column (title) changed on"),
        "proposal": _("Under an offer"),
        "paid": _("What I was paid (optional)"),
        "paid-schedule": _("Schedule I was paid"),
        "paid-contract": _("I was paid the scale of"),
    }


def environments() -> dict[str, jinja2.Environment]:
    """One template environment per language, each with its catalogue and its formatting filters."""
    found = {}
    for lang in i18n.LANGUAGES:
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
        )
        environment.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
        environment.filters["money"] = lambda value, lang=lang: i18n.money(value, lang)
        environment.filters["signed"] = lambda value, lang=lang: i18n.signed(value, lang)
        environment.filters["number"] = lambda value, lang=lang: i18n.number(value, lang)
        environment.filters["day"] = lambda value, lang=lang: i18n.day(value, lang)
        environment.filters["rate"] = lambda value, basis, lang=lang: i18n.rate(value, basis, lang)
        environment.filters["title_key"] = title_key
        environment.filters["basis"] = lambda value, lang=lang: i18n.paid_basis(value, lang)
        found[lang] = environment
    return found


def create_app(site: Site, today: Callable[[], datetime.date]) -> ASGIApp:
    """The web app over the contracts, their offers and the address members use (:class:`Site`)."""
    envs = environments()

    def render(request: Request, lang: str, name: str, form: Form, found: dict[str, Any] | None) -> Response:
        contract_name = asked.name_of(site, Form([("contract", form.given.get("contract", ""))])) or site.default
        shown = pages(i18n.translations(lang).gettext)
        if not site.offers[contract_name]:
            shown.pop("offers")
        html = (
            envs[lang]
            .get_template(f"{name}.html.j2")
            .render(
                page=name,
                pages=shown,
                form=form,
                found=found,
                site=site,
                lang=lang,
                languages=i18n.LANGUAGES,
                name=contract_name,
                contract=(found or {}).get("contract") or site.contracts[contract_name],
                base=site.contracts[contract_name],
                stepped=stepped(site.contracts[contract_name]),
                labels=labels(i18n.translations(lang).gettext),
            )
        )
        status = 422 if form.errors else 404 if name == "missing" else 200
        return HTMLResponse(html, status_code=status)

    def form_of(request: Request, pairs: list[tuple[str, str]]) -> tuple[Form, str]:
        lang = i18n.choose(dict(pairs).get("lang"), request.headers.get("accept-language", ""))
        return Form(pairs, i18n.translations(lang).gettext), lang

    def html_route(name: str, answer: Answer) -> Callable[[Request, list[tuple[str, str]]], Awaitable[Response]]:
        async def handle(request: Request, pairs: list[tuple[str, str]]) -> Response:
            form, lang = form_of(request, pairs)
            if name == "offers" and not site.offers.get(asked.name_of(site, form) or site.default):
                return render(request, lang, "missing", Form([], form._), None)
            if request.method == "GET" and form.has("paid"):
                form.given["paid"] = ""
                form.errors["paid"] = form._(
                    "What you were paid is sent with the form, never in the address: paste it in the box and send."
                )
            given = any(v for k, v in form.given.items() if k not in ("proposal", "contract", "lang"))
            was_asked = given or bool(form.changes) or bool(form.errors)  # a field refused as it came is said
            found = answer(site, form) if was_asked else None
            if not was_asked:
                form.errors.clear()
            return render(request, lang, name, form, found)

        return handle

    def api_route(answer: Answer) -> Callable[[Request, list[tuple[str, str]]], Awaitable[Response]]:
        async def handle(request: Request, pairs: list[tuple[str, str]]) -> Response:
            form, _ = form_of(request, pairs)
            found = answer(site, form)
            if found is None:
                return JSONResponse({"errors": form.errors}, status_code=422)
            return JSONResponse(found["record"])

        return handle

    async def index(request: Request, pairs: list[tuple[str, str]]) -> Response:
        form, lang = form_of(request, pairs)
        return render(request, lang, "index", form, None)

    async def schedules(request: Request, pairs: list[tuple[str, str]]) -> Response:
        form, lang = form_of(request, pairs)
        contract = asked.contract_of(site, form)
        chosen = form.date("date", "date") if form.has("date") else None
        found = None
        if contract is not None:
            shown = [s for s in contract.schedules if chosen is None or s.effective <= chosen][-1:] if chosen else []
            if chosen is not None and not shown:
                form.errors["date"] = form._("is before the first salary schedule: a date from %(first)s on.") % {
                    "first": contract.schedules[0].effective
                }
            found = {"contract": contract, "shown": shown}
        return render(request, lang, "schedules", form, found or {"shown": []})

    def pay_answer(s: Site, f: Form) -> dict[str, Any] | None:
        return answers.pay(s, f, today())

    async def health(request: Request, pairs: list[tuple[str, str]]) -> Response:
        return Response("ok", media_type="text/plain")

    endpoints = {
        "/": index,
        "/pay": html_route("pay", pay_answer),
        "/paychecks": html_route("paychecks", answers.paychecks),
        "/retro": html_route("retro", answers.retro),
        "/offers": html_route("offers", answers.offers),
        "/compare": html_route("compare", answers.compare),
        "/schedules": schedules,
        "/api/pay": api_route(pay_answer),
        "/api/paychecks": api_route(answers.paychecks),
        "/api/retro": api_route(answers.retro),
        "/api/compare": api_route(answers.compare),
        "/api/history": api_route(answers.history),
        "/health": health,
    }

    async def missing(request: Request, lang: str) -> Response:
        return render(request, lang, "missing", Form([], i18n.translations(lang).gettext), None)

    return SecurityHeaders(Dispatch(endpoints, today, missing, Alike(site)))


POSTED = ("/paychecks", "/api/paychecks")  # the routes a paid list is sent to


class Dispatch:
    """The pages and API by exact path (a dict, not a list of patterns).

    An answer is a pure function of its question (and of the day, for a page that defaults to today), so the
    last :data:`REMEMBERED` answers are kept by their normalised fields and day: a link a chapter shares is
    worked out once. Nothing a member typed is kept beyond that bounded memory, and no paid list is (a POST
    is never remembered, and answers with no-store).
    """

    def __init__(
        self,
        endpoints: dict[str, Callable[[Request, list[tuple[str, str]]], Awaitable[Response]]],
        today: Callable[[], datetime.date],
        missing: Callable[[Request, str], Awaitable[Response]],
        alike: Alike | None = None,
    ) -> None:
        self.alike = alike  # /api/pay's answers by all but the date (the schedule in force on it)
        self.endpoints = endpoints
        self.today = today
        self.missing = missing
        self.remembered: OrderedDict[tuple[Any, ...], Response] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        api = path.startswith("/api/")
        if path.startswith("/static/") and scope["method"] in ("GET", "HEAD"):
            await serve_static(HERE / "static", path, scope, receive, send)
            return
        endpoint = self.endpoints.get(path)
        if endpoint is None:
            request = Request(scope, receive)
            if api:
                await simple(404, "no such route", True)(scope, receive, send)
            else:
                lang = i18n.choose(request.query_params.get("lang"), request.headers.get("accept-language", ""))
                await (await self.missing(request, lang))(scope, receive, send)
            return
        method = scope["method"]
        allowed = ("GET", "HEAD", "POST") if path in POSTED else ("GET", "HEAD")
        if method not in allowed:
            await simple(405, "Only " + ", ".join(allowed) + ".", api, {"Allow": ", ".join(allowed)})(
                scope, receive, send
            )
            return
        query: bytes = scope.get("query_string", b"")
        if len(query) > MAX_QUERY:
            await simple(414, f"The address is longer than {MAX_QUERY} characters.", api)(scope, receive, send)
            return
        try:  # the fields once, as the page reads them (percent-escapes as UTF-8): the remembered answer's key too
            pairs = fields(query.decode("latin-1"))
            if method == "POST":
                body = await read_body(scope, receive, MAX_BODY)
                if body is None:
                    await simple(413, f"What was sent is longer than {MAX_BODY} bytes.", api)(scope, receive, send)
                    return
                pairs = fields(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            await simple(400, "What was sent is not a form (or has more than 60 fields).", api)(scope, receive, send)
            return
        accept = next((value.decode("latin-1") for name, value in scope["headers"] if name == b"accept-language"), "")
        kept = self.alike if path == "/api/pay" and method == "GET" else None
        alike = kept.key(pairs, accept) if kept is not None else None
        if kept is not None and alike is not None and (body := kept.get(*alike)) is not None:
            await Alike.send(body, send)  # the answer of another date under the same schedule: before all else
            return
        # the fields in any order, unless one is given twice (its first is read)
        given = tuple((k, v.strip()) for k, v in pairs)
        key = (path, tuple(sorted(given)) if len({k for k, _ in given}) == len(given) else given, accept, self.today())
        found = self.remembered.get(key) if method != "POST" else None
        if found is not None:
            self.remembered.move_to_end(key)
            await found(scope, receive, send)
            return
        try:
            response = await endpoint(Request(scope, receive), pairs)
        except Exception as exc:  # a bug of paycalc's own: one log line and a plain answer, never a traceback
            import logging

            where = exc.__traceback__
            while where is not None and where.tb_next is not None:
                where = where.tb_next
            line = f"{where.tb_frame.f_code.co_filename}:{where.tb_lineno}" if where is not None else "?"
            logging.getLogger("paycalc.web").error(
                "error answering %s: %s: %s (%s)", path, type(exc).__name__, exc, line
            )
            response = simple(500, "Something went wrong on our side; the request was not answered.", api)
        if kept is not None and alike is not None and response.status_code == 200:
            kept.keep(alike[0], bytes(response.body), alike[1])
        if method == "POST":
            response.headers["Cache-Control"] = "no-store"
        elif response.status_code == 200 and sum(len(k) + len(v) for k, v in pairs) < 2_000:
            self.remembered[key] = response
            if len(self.remembered) > REMEMBERED:
                self.remembered.popitem(last=False)
        await response(scope, receive, send)
