"""``paycalc serve`` in a real browser: Debian's Chromium driven by Playwright, as a member would use it.

The server runs as a real process on a free loopback port and is stopped with SIGTERM. Each form is
filled and sent, and the numbers are checked against the CLI; no page scrolls sideways at 375 or 1280 px;
axe-core finds no serious or critical violation. Without Chromium the tests are skipped, except under
``CI=true``, where a missing browser fails (``.ci/run`` installs it). ``PAYCALC_SCREENSHOTS=DIR`` keeps a
screenshot of each page there (the README's come from ``PAYCALC_SCREENSHOTS=docs/web``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from paycalc.cli import app as cli_app
from tests.conftest import start_serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAVE_BROWSER = Path(CHROMIUM).exists()
if not HAVE_BROWSER and os.environ.get("CI") == "true":
    raise RuntimeError(f"CI=true and no Chromium at {CHROMIUM}: .ci/run installs it (apt-get install chromium)")
pytestmark = pytest.mark.skipif(not HAVE_BROWSER, reason="Chromium is not installed (apt-get install chromium)")

LUNENBURG = "contract=lunenburg-paras"
PAGES = {
    "pay": "/pay?title=Ed.+Asst.+B&date=2018-06-16&years=16",
    "paychecks": "/paychecks?title=Ed.+Asst.+B&hired=2005-09-01&from=2018-04-16&to=2018-06-30",
    "retro": "/retro?title=Ed.+Asst.+B&hired=2005-09-01&from=2013-05-01&to=2014-09-30",
    "offers": "/offers?title=Teacher+Aide&years=3",
    "compare": "/compare?from=2017-05-01&to=2018-06-16",
    "schedules": "/schedules?date=2018-06-16",
    "pay-error": "/pay?title=Teacher+Aide&years=abc",
    "home": "/",
    "lunenburg-pay": f"/pay?{LUNENBURG}&title=Associate%27s&step=4&date=2026-09-01&pay-cycles=22"
    "&change=2027-01-04:title=Bachelor%27s",
    "lunenburg-retro": f"/retro?{LUNENBURG}&title=Associate%27s&step=5&from=2025-07-01&to=2027-06-30&pay-cycles=22"
    "&paid-contract=lunenburg-paras-posted",
    "missing": f"/offers?{LUNENBURG}",
}
PAGES |= {f"{name}-es": url + ("&" if "?" in url else "?") + "lang=es" for name, url in list(PAGES.items())}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process, port = start_serve("--proposal", "uft-2019-2022", cache=tmp_path_factory.mktemp("cache"))
    yield f"http://127.0.0.1:{port}"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    assert b"Traceback" not in err


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield launched
        launched.close()


def cli_json(*args: str) -> Any:
    result = CliRunner().invoke(cli_app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_member_fills_the_pay_form(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{server}/pay")
    page.select_option("#f-title", "Ed. Asst. B")
    page.fill("#f-date", "2018-06-16")
    page.fill("#f-years", "16")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "title=Ed.+Asst.+B" in page.url and "years=16" in page.url  # the address is the answer's state
    expected = cli_json("pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--years", "16")["annual"]
    assert page.inner_text(".big") == "$33,352.00" == f"${int(float(expected)):,}.00"
    assert "Article Three A.1, page 8" in page.inner_text("main")
    page.close()


def test_a_member_checks_paychecks_against_what_was_paid(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/paychecks")
    page.select_option("#f-title", "Ed. Asst. B")
    page.fill("#f-hired", "2005-09-01")
    page.fill("#f-from", "2018-05-01")
    page.fill("#f-to", "2018-05-31")
    page.fill("#f-paid", "2018-05-15, 1271.75\n2018-05-31, 1296.67")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    text = page.inner_text("main")
    expected = cli_json(
        "paychecks", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2018-05-01", "--to", "2018-05-31"
    )
    assert expected["gross"] == "2593.34"  # two checks of 31,120 / 24 = 1,296.67
    assert "$2,593.34" in text and "+$24.92" in text
    page.close()


def test_a_bad_value_is_shown_beside_its_field(server: str, browser: Any) -> None:
    page = browser.new_page()
    response = page.goto(f"{server}{PAGES['pay-error']}")
    assert response.status == 422
    assert "is not a number of years" in page.inner_text("#e-years")
    assert page.get_attribute("#f-years", "aria-invalid") == "true"
    page.close()


def _too_wide(page: Any) -> tuple[int, list[str]]:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > "
        "document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    return overflow, wide


@pytest.mark.parametrize("name", list(PAGES))
def test_no_page_scrolls_sideways_and_axe_finds_nothing_serious(server: str, browser: Any, name: str) -> None:
    """Every page, in English and Spanish, at a phone's width and then a desktop's: nothing wider than the window;
    at the phone's width, axe-core finds no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 375, "height": 900})
    page.goto(f"{server}{PAGES[name]}")
    keep = os.environ.get("PAYCALC_SCREENSHOTS")
    found = {}
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        found[width] = _too_wide(page)
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(keep) / f"{name}-{width}.png"), full_page=True)
        if width == 375:
            results = Axe().run(page)
            bad = [
                (v["id"], v["impact"]) for v in results.response["violations"] if v["impact"] in ("serious", "critical")
            ]
    page.close()
    for width, (overflow, wide) in found.items():
        assert overflow <= 0 and wide == [], (width, wide)
    assert bad == []


def test_it_works_offline_with_no_outside_resource(server: str, browser: Any) -> None:
    page = browser.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{server}{PAGES['offers']}")
    page.close()
    assert asked and all(url.startswith(server) for url in asked)


def test_serve_on_a_port_in_use_ends_with_an_error_line_naming_it(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "paycalc", "serve", "--port", str(port)],
            capture_output=True, text=True, timeout=30, env={**os.environ, "PAYCALC_CACHE_DIR": str(tmp_path)},
        )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        f"Error: cannot listen on 127.0.0.1:{port} (the port may be in use: give another with --port)"
    )
    assert "Traceback" not in done.stderr
