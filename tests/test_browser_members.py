"""Round 2 of the members' page in a real browser (Chromium through Playwright, as test_browser): a Lunenburg
member on 22 checks with a step and a column change, the posted-scale question, the answer on a phone's first
screen after each form is sent, a share link opened in a fresh browser, the paid list in no address the browser
visited, and the whole thing by keyboard."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_browser import HAVE_BROWSER, browser, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.skipif(not HAVE_BROWSER, reason="Chromium is not installed (apt-get install chromium)")
PHONE = {"width": 375, "height": 812}


def on_first_screen(page: Any, selector: str = "#answer-title") -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_a_lunenburg_member_on_22_checks_with_a_step_and_a_degree(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server}/pay?contract=lunenburg-paras")
    page.select_option("#f-title", "Associate's")
    page.fill("#f-date", "2027-03-01")
    page.fill("#f-step", "4")
    page.select_option("#f-pay-cycles", "22")
    page.fill("#f-change", "2027-01-04")
    page.select_option("#f-change-title-1", "Bachelor's")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    # Bachelor's from 2027-01-04, FY27 step 4: 22.35 x 1254.5 = 28,038.075 -> 28,038.08; / 22 = 1,274.458 -> 1,274.46
    assert page.inner_text(".big") == "$28,038.08"
    assert "$1,274.46 (22 checks a year)" in page.inner_text("#answer")
    assert on_first_screen(page)
    page.close()


def test_the_posted_scale_question_answers_first_on_a_phone(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server}/retro?contract=lunenburg-paras&lang=es")
    page.select_option("#f-title", "Associate's")
    page.fill("#f-step", "5")
    page.fill("#f-from", "2025-07-01")
    page.fill("#f-to", "2027-06-30")
    page.select_option("#f-paid-contract", "lunenburg-paras-posted")
    page.select_option("#f-pay-cycles", "22")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    text = page.inner_text("#answer")
    assert "$2,182.83" in text and "$1,053.78" in text and "$1,129.05" in text  # FY26 and FY27, worked by hand
    assert page.get_attribute("html", "lang") == "es" and "se le deben" in text
    assert on_first_screen(page)
    page.close()


@pytest.mark.parametrize(
    ("path", "fill"),
    [
        ("/pay", {"#f-date": "2018-06-16", "#f-years": "16"}),
        ("/paychecks", {"#f-hired": "2005-09-01", "#f-from": "2018-05-01", "#f-to": "2018-05-31"}),
        ("/retro", {"#f-hired": "2005-09-01", "#f-from": "2013-05-01", "#f-to": "2014-09-30"}),
        ("/offers", {"#f-years": "3"}),
    ],
)
def test_the_answer_is_on_the_first_screen_after_sending(
    server: str,  # noqa: F811
    browser: Any,  # noqa: F811
    path: str,
    fill: dict[str, str],
) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server}{path}")
    page.select_option("#f-title", "Ed. Asst. B")
    for selector, value in fill.items():
        page.fill(selector, value)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert on_first_screen(page)
    page.click("a[href='#question']")  # "change my question" goes back to the form
    assert page.locator("#question").bounding_box()["y"] < PHONE["height"]
    page.close()


def test_a_share_link_opens_in_a_fresh_browser(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(f"{server}/pay?contract=lunenburg-paras&title=column+2&step=4&date=2026-09-01&lang=es")
    link = page.inner_text(".share a")
    page.close()
    assert link.startswith("http://localhost:") and "contract=lunenburg-paras" in link and "lang=es" in link
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(link.replace("localhost", "127.0.0.1"))
    assert other.inner_text(".big") == "$27,097.20"  # FY27 Associate's step 4: 21.60 x 1254.5
    assert other.locator("#f-title option[selected]").inner_text() == "Associate's"  # the alias selects it
    fresh.close()


def test_the_paid_list_is_in_no_address_the_browser_visited(server: str, browser: Any) -> None:  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    visited: list[str] = []
    page.on("request", lambda request: visited.append(request.url))
    page.goto(f"{server}/paychecks")
    page.select_option("#f-title", "Ed. Asst. B")
    page.fill("#f-hired", "2005-09-01")
    page.fill("#f-from", "2018-05-01")
    page.fill("#f-to", "2018-05-31")
    page.fill("#f-paid", "5/15/2018 $1,271.75")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "+$24.92" in page.inner_text("#answer")
    history = page.evaluate("window.history.length")
    context.close()
    assert history >= 1
    assert not any("1271" in url or "paid=" in url for url in [*visited, page.url])


def test_keyboard_only(server: str, browser: Any) -> None:  # noqa: F811
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server}/pay?contract=lunenburg-paras")
    page.keyboard.press("Tab")  # the skip link
    assert page.evaluate("document.activeElement.className") == "skip"
    page.focus("#f-title")
    page.keyboard.press("ArrowDown")  # High School
    page.keyboard.press("Tab")
    page.keyboard.type("2026-09-01")
    page.keyboard.press("Tab")
    page.keyboard.type("3")  # step
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.inner_text(".big") == "$25,052.37"  # FY27 High School step 3: 19.97 x 1254.5 = 25,052.365
    page.close()
