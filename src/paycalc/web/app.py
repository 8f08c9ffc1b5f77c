"""The members' pay calculator on the web: plain GET forms whose address is their state, and a JSON API.

Pages: ``/pay``, ``/paychecks``, ``/retro``, ``/offers``, ``/compare``, ``/schedules``; the API:
``/api/pay``, ``/api/paychecks``, ``/api/retro``, ``/api/compare``, ``/api/history``, each equal to
``--format json`` of the same command. No script, nothing loaded from elsewhere; every response carries
a Content-Security-Policy. A request never names a file: offers are those ``serve`` was given.
"""

from __future__ import annotations

import datetime
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from paycalc.contract.models import Contract
from paycalc.output.render import money, number, signed_money
from paycalc.web import answers
from paycalc.web.answers import Site
from paycalc.web.forms import Form

HERE = Path(__file__).parent
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
REMEMBERED = 2048  # responses kept by address (a few KiB each)
MAX_QUERY = 10_000  # bytes of a query string: the longest form, a pasted paid list, fits
Answer = Callable[[Site, Form], dict[str, Any] | None]
PAGES = {
    "pay": "My pay on a date",
    "paychecks": "My paychecks",
    "retro": "What I am owed",
    "offers": "What each offer pays me",
    "compare": "Raises between schedules",
    "schedules": "The salary schedules",
}


def create_app(contract: Contract, proposals: dict[str, Contract], today: Callable[[], datetime.date]) -> ASGIApp:
    """The web app over a loaded contract and the offers (proposals) it may show, by name."""
    site = Site(contract, proposals)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["money"] = lambda value: "" if value is None else money(Decimal(str(value)))
    environment.filters["signed"] = lambda value: signed_money(Decimal(str(value)))
    environment.filters["number"] = lambda value: number(Decimal(str(value)), 4)

    def page(name: str, form: Form, found: dict[str, Any] | None) -> Response:
        status = 422 if form.errors else 200
        html = environment.get_template(f"{name}.html.j2").render(
            page=name,
            pages=PAGES,
            form=form,
            found=found,
            site=site,
            contract=(found or {}).get("contract", site.contract),
        )
        return HTMLResponse(html, status_code=status)

    def form_of(request: Request) -> Form | None:
        if len(request.scope.get("query_string", b"")) > MAX_QUERY:
            return None
        return Form(request.query_params)

    def html_route(name: str, answer: Answer) -> Callable[[Request], Awaitable[Response]]:
        async def handle(request: Request) -> Response:
            form = form_of(request)
            if form is None:
                return PlainTextResponse(f"The address is longer than {MAX_QUERY} characters.", status_code=414)
            asked = any(form.given.get(field) for field in form.given if field != "proposal")
            found = answer(site, form) if asked else None
            if not asked:
                form.errors.clear()
            return page(name, form, found)

        return handle

    def api_route(answer: Answer) -> Callable[[Request], Awaitable[Response]]:
        async def handle(request: Request) -> Response:
            form = form_of(request)
            if form is None:
                return JSONResponse({"error": f"query longer than {MAX_QUERY} characters"}, status_code=414)
            found = answer(site, form)
            if found is None:
                return JSONResponse({"errors": form.errors}, status_code=422)
            return JSONResponse(found["record"])

        return handle

    async def index(request: Request) -> Response:
        return page("index", Form({}), None)

    async def schedules(request: Request) -> Response:
        form = form_of(request) or Form({})
        contract = answers.contract_of(site, form) or site.contract
        chosen = form.date("date", "date") if form.has("date") else None
        shown = [s for s in contract.schedules if chosen is None or s.effective <= chosen][-1:] if chosen else []
        if chosen is not None and not shown:
            form.errors["date"] = f"is before the first schedule ({contract.schedules[0].effective})"
        return page("schedules", form, {"contract": contract, "shown": shown})

    def pay_answer(s: Site, f: Form) -> dict[str, Any] | None:
        return answers.pay(s, f, today())

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    endpoints: dict[str, Callable[[Request], Awaitable[Response]]] = {
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
    rest = Starlette(
        routes=[Mount("/static", StaticFiles(directory=HERE / "static"), name="static")],
        exception_handlers={404: _not_found, 500: _internal},
    )
    return SecurityHeaders(Dispatch(endpoints, rest, today))


class SecurityHeaders:
    """Adds :data:`HEADERS` to every response (a plain ASGI middleware: no buffering of bodies)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.raw = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.raw]
            await send(message)

        await self.app(scope, receive, with_headers)


class Dispatch:
    """The pages and API by exact path (a dict, not a list of patterns); anything else goes to ``rest``.

    An answer is a pure function of its address (and of the day, for a page that defaults to today), so
    the last :data:`REMEMBERED` responses are kept by address and day: a link a chapter shares is worked
    out once. Nothing a member typed is kept beyond that bounded memory, and no paid list is (the
    paychecks routes are never remembered).
    """

    def __init__(
        self,
        endpoints: dict[str, Callable[[Request], Awaitable[Response]]],
        rest: ASGIApp,
        today: Callable[[], datetime.date],
    ) -> None:
        self.endpoints = endpoints
        self.rest = rest
        self.today = today
        self.remembered: OrderedDict[tuple[str, bytes, datetime.date], Response] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        endpoint = self.endpoints.get(scope["path"]) if scope["type"] == "http" else None
        if endpoint is None:
            await self.rest(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            response: Response = PlainTextResponse("Only GET: every page is a plain form.", 405, {"Allow": "GET"})
            await response(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""), self.today())
        found = self.remembered.get(key)
        if found is not None:
            self.remembered.move_to_end(key)
            await found(scope, receive, send)
            return
        try:
            response = await endpoint(Request(scope, receive))
        except Exception:  # a bug of paycalc's own: one plain line, never a traceback
            response = PlainTextResponse("Something went wrong on our side; the request was not answered.", 500)
        if response.status_code == 200 and "paychecks" not in key[0]:
            self.remembered[key] = response
            if len(self.remembered) > REMEMBERED:
                self.remembered.popitem(last=False)
        await response(scope, receive, send)


async def _not_found(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("Not found. The pages: /pay /paychecks /retro /offers /compare /schedules", 404)


async def _internal(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("Something went wrong on our side; the request was not answered.", 500)
