"""The members' page, round 2, in-process: every contract on one server, each contract's own questions (step,
pay-cycle election, a column change, the posted scale), the answer before the form, absolute share links, the
paid list by POST only, member words, /offers only where there are offers, English and Spanish. Every figure
is worked by hand from the printed scales (test_lunenburg and test_lunenburg_correction hold them)."""

from __future__ import annotations

import datetime
import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from paycalc.web.app import create_app
from tests.test_web import PUBLIC, site


@pytest.fixture(scope="module")
def client() -> TestClient:
    every = site("nyc-paras", "lunenburg-paras", "lunenburg-paras-posted")
    return TestClient(create_app(every, lambda: datetime.date(2026, 12, 7)))  # type: ignore[arg-type]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'").replace("&amp;", "&")


LUNENBURG = "contract=lunenburg-paras"


def test_the_home_page_lists_every_contract(client: TestClient) -> None:
    text = text_of(client.get("/").text)
    for name in ("NYC Board of Education - UFT", "Lunenburg Paraprofessional Unit FY26-FY28", "posted scale"):
        assert name in text
    assert "Lunenburg School Committee; AFSCME Council 93, AFL-CIO, Local 503" in text
    assert "July 1, 2025 \u2013 June 30, 2028" in text  # an en dash between the days
    response = client.get("/pay?contract=boston&title=x&years=1")
    assert response.status_code == 422
    assert "There is no contract 'boston' here. The contracts: nyc-paras, lunenburg-paras, lunenburg-paras-posted." in (
        text_of(response.text)
    )


def test_a_lunenburg_member_on_22_checks_at_step_4(client: TestClient) -> None:
    # FY27 Associate's step 4: 21.60 x 1254.5 = 27,097.20 a year; / 22 = 1,231.6909 -> 1,231.69 a check
    response = client.get(f"/pay?{LUNENBURG}&title=Associate%27s&step=4&date=2026-09-01&pay-cycles=22")
    assert response.status_code == 200
    text = text_of(response.text)
    assert "Associate's on September 1, 2026: $27,097.20 a year" in text
    assert "$1,231.69 (22 checks a year)" in text
    assert "$21.60 an hour" in text
    assert "Salary Scale FY26-FY28, 2027 Pay Scale, pages 1-2" in text  # the citation


def test_the_answer_comes_before_the_form_and_the_skip_link_goes_to_it(client: TestClient) -> None:
    html = client.get(f"/pay?{LUNENBURG}&title=High+School&step=1&date=2026-09-01").text
    assert html.index('id="answer"') < html.index("<form")
    assert 'class="skip" href="#answer"' in html and 'href="#question"' in html
    blank = client.get(f"/pay?{LUNENBURG}").text
    assert 'class="skip" href="#main"' in blank and 'id="answer"' not in blank


def test_a_degree_earned_on_a_date_changes_the_column(client: TestClient) -> None:
    # the form's pair (change-date, change-title) is one change; Bachelor's from 2027-01-04: FY27 step 4
    # 22.35 x 1254.5 = 28,038.075 -> 28,038.08
    query = f"{LUNENBURG}&title=Associate%27s&step=4&date=2027-03-01&change-date=2027-01-04&change-title=Column+3"
    response = client.get(f"/pay?{query}")
    text = text_of(response.text)
    assert "Bachelor's on March 1, 2027: $28,038.08 a year" in text
    share = re.search(r'href="(https://union\.example/pay/pay\?[^"]*)"', response.text)
    assert share is not None and "change=2027-01-04%3Atitle%3DBachelor%27s" in share.group(1)
    before = text_of(
        client.get(f"/pay?{LUNENBURG}&title=Associate%27s&step=4&date=2026-12-01&change=2027-01-04:title=Column+3").text
    )
    assert "Associate's on December 1, 2026: $27,097.20 a year" in before
    bad = client.get(f"/pay?{LUNENBURG}&title=Associate%27s&step=4&change-date=2027-01-04")
    assert bad.status_code == 422 and "Give the date and the title it changed to." in text_of(bad.text)


def test_was_i_paid_the_posted_scale(client: TestClient) -> None:
    # step 5 on 2025-07-01: FY26 (21.90 - 21.06) x 1254.5 = 1,053.78; FY27 step 6 29,518.39 - 28,389.34 = 1,129.05
    query = f"{LUNENBURG}&title=Associate%27s&step=5&from=2025-07-01&to=2027-06-30&pay-cycles=22"
    response = client.get(f"/retro?{query}&paid-contract=lunenburg-paras-posted")
    assert response.status_code == 200
    text = text_of(response.text)
    assert "Associate's: $2,182.83 owed" in text
    assert "FY26 $27,473.55 $26,419.77 $1,053.78" in text and "FY27 $29,518.39 $28,389.34 $1,129.05" in text
    assert "I was paid the scale of" in text_of(client.get(f"/retro?{LUNENBURG}").text)
    assert "I was paid the scale of" not in text_of(client.get("/retro").text)  # NYC has no other scale here
    wrong = client.get(f"/retro?{query}&paid-contract=nyc-paras")
    assert wrong.status_code == 422 and "Choose one of the scales in the list." in wrong.text


def test_share_links_are_absolute_and_an_alias_selects_its_title(client: TestClient) -> None:
    html = client.get("/pay?title=ed+asst+b&date=2018-06-16&years=16").text
    assert "<option selected>Ed. Asst. B</option>" in html
    links = re.findall(r'href="([^"]*pay\?[^"]*)"', html)
    assert any(link.startswith(f"{PUBLIC}/pay?") for link in links)
    shown = re.search(r'<a href="([^"]*)">([^<]*)</a>', html.split("address, to keep or share:")[1])
    assert shown is not None and shown.group(1) == shown.group(2)  # shown in full, to copy
    assert shown.group(1).startswith(f"{PUBLIC}/pay?") and "title=ed+asst+b" in shown.group(1)


def test_the_paid_list_goes_by_post_and_never_into_an_address(client: TestClient) -> None:
    form = {"title": "Ed. Asst. B", "hired": "2005-09-01", "from": "2018-05-01", "to": "2018-05-31"}
    response = client.post("/paychecks", data={**form, "paid": "5/15/2018 $1,271.75\n2018-05-31\t$1,296.67"})
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    assert "+$24.92" in response.text  # 31,120 / 24 = 1,296.67 should be; 1,271.75 paid
    assert "1,271.75" not in "".join(re.findall(r'href="([^"]*)"', response.text))
    assert '<form method="post" action="/paychecks">' in response.text
    refused = client.get(
        "/paychecks?title=Ed.+Asst.+B&hired=2005-09-01&from=2018-05-01&to=2018-05-31&paid=2018-05-15,1"
    )
    assert refused.status_code == 422 and "2018-05-15,1" not in refused.text
    bad = client.post("/paychecks", data={**form, "paid": "2018-05-15, 1271.75\nnot a line"})
    assert bad.status_code == 422 and "line 2:" in bad.text


def test_offers_only_where_there_are_offers(client: TestClient) -> None:
    assert "What each offer pays me" in client.get("/").text
    lunenburg = client.get(f"/?{LUNENBURG}").text
    assert "/offers?" not in lunenburg
    missing = client.get(f"/offers?{LUNENBURG}&title=High+School&step=1")
    assert missing.status_code == 404 and "This page is not here" in missing.text


@pytest.mark.parametrize(
    ("headers", "query", "lang"),
    [
        ({}, "lang=es", "es"),
        ({"accept-language": "es-MX,es;q=0.9,en;q=0.5"}, "", "es"),
        ({"accept-language": "fr"}, "", "en"),
    ],
)
def test_english_and_spanish(client: TestClient, headers: dict[str, str], query: str, lang: str) -> None:
    response = client.get(f"/pay?{LUNENBURG}&{query}", headers=headers)
    assert f'<html lang="{lang}">' in response.text
    assert ("Mi sueldo en una fecha" in response.text) == (lang == "es")
    switch = "English" if lang == "es" else "Español"
    assert f'lang="{"en" if lang == "es" else "es"}">{switch}</a>' in response.text


def test_a_spanish_answer_with_spanish_dates_and_us_money(client: TestClient) -> None:
    text = text_of(
        client.get(f"/pay?{LUNENBURG}&title=Associate%27s&step=4&date=2026-09-01&pay-cycles=22&lang=es").text
    )
    assert "Associate's el 1 de septiembre de 2026: $27,097.20 al año" in text
    assert "$1,231.69 (22 cheques al año)" in text and "$21.60 por hora" in text
    error = text_of(client.get(f"/pay?{LUNENBURG}&title=High+School&step=x&lang=es").text)
    assert "no es un escalón: escriba un número entero del 1 al 11." in error


def test_money_is_formatted_everywhere(client: TestClient) -> None:
    assert "$25,927.00" in client.get("/schedules?date=2018-06-16").text
    compare = text_of(client.get("/compare?from=2017-05-01&to=2018-06-16&title=Ed.+Asst.+B").text)
    assert "$31,457.00 a year" in compare or "a year" in compare
    assert not re.search(r"\$\d{4,}", compare)  # never $29954 or $29954.00


def test_api_errors_are_json(client: TestClient) -> None:
    for response in (client.get("/api/nowhere"), client.post("/api/pay")):
        assert response.headers["content-type"] == "application/json" and "error" in response.json()
    assert client.get("/static").status_code == 404
    assert "location" not in client.get("/static", headers={"host": "evil.example"}).headers


def test_a_field_too_long_is_said_and_a_paychecks_date_error_is_beside_from(client: TestClient) -> None:
    response = client.get("/pay?title=" + "a" * 201)
    assert response.status_code == 422 and "is longer than 200 characters" in response.text
    early = client.post(
        "/paychecks", data={"title": "Teacher Aide", "years": "1", "from": "2001-01-01", "to": "2001-02-01"}
    )
    assert early.status_code == 422
    assert 'id="e-from"' in early.text and "is before the first salary schedule" in early.text
    assert all(f'id="f-{field}"' in early.text for field in re.findall(r'href="#f-([a-z-]+)"', early.text))


def test_every_two_weeks_only_where_the_contract_says_when_periods_start(client: TestClient) -> None:
    assert 'value="biweekly"' not in client.get("/pay").text  # NYC: paid twice a month, no biweekly anchor
    assert 'value="biweekly"' in client.get(f"/pay?{LUNENBURG}").text
    refused = client.get("/pay?title=Teacher+Aide&years=3&method=biweekly")
    assert refused.status_code == 422 and "not paid every two weeks" in refused.text and "--anchor" not in refused.text


def test_the_forms_limits_at_their_edges() -> None:
    """A field of 200 characters is taken and one of 201 refused; a pasted paid list of 8,000 is taken (as
    pasted: its spaces kept) and one of 8,001 refused; six changes are taken, a seventh refused, and a change of
    201 characters; a field given twice keeps its first; a field paycalc does not ask is left out."""
    from paycalc.web.forms import Form

    assert Form([("title", "a" * 200)]).given["title"] == "a" * 200
    too_long = Form([("title", "a" * 201)])
    assert too_long.given["title"] == "" and "title" in too_long.errors
    paid = " 2018-05-15,1\n" + "x" * (8_000 - 14)
    assert Form([("paid", paid)]).given["paid"] == paid and not Form([("paid", paid)]).errors
    assert "paid" in Form([("paid", paid + "x")]).errors
    six = [("change", f"2027-01-0{n}:hours=5") for n in range(1, 7)]
    assert len(Form(six).changes) == 6 and not Form(six).errors
    seventh = Form([*six, ("change", "2027-01-08:hours=5")])
    assert len(seventh.changes) == 6 and "change" in seventh.errors
    assert "change" in Form([("change", "2027-01-01:title=" + "a" * 184)]).errors  # 201 characters
    assert not Form([("change", "2027-01-01:title=" + "a" * 183)]).errors  # 200
    twice = Form([("title", "Teacher Aide"), ("title", "Ed. Asst. B"), ("color", "red")])
    assert twice.given == {"title": "Teacher Aide"}


def test_a_step_on_a_contract_without_steps_is_refused_beside_it() -> None:
    from paycalc.web.forms import Form

    form = Form([("step", "3")])
    form.placement(stepped=False)
    assert form.errors == {"step": "This contract has no steps: give your years of service or your hire date."}
    form = Form([("step", "3")])
    form.placement(stepped=True)
    assert form.errors == {}


def test_no_placement_asks_for_one_but_keeps_a_fields_own_error() -> None:
    from paycalc.web.forms import Form

    form = Form([("title", "Teacher Aide")])
    form.placement(stepped=False)
    assert form.errors == {"years": "Give your years of service or your hire date."}
    form = Form([])
    form.placement(stepped=True)
    assert form.errors == {"step": "Give your step, your years of service or your hire date."}
    form = Form([("years", "1" * 201)])  # too long: its own message stays, not "give your years"
    form.placement(stepped=False)
    assert form.errors == {"years": "is longer than 200 characters"}


def test_a_core_message_loses_its_option_names() -> None:
    from paycalc.web.forms import member_words

    said = member_words("--hours-per-day does not fit this contract (use --days)", lambda m: m)
    assert said == "hours per day does not fit this contract (use days)"
