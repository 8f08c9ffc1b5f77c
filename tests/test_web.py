"""The web app in-process (Starlette's TestClient): every page and API route, errors beside their fields,
the JSON equal to the CLI's, and the security headers."""

from __future__ import annotations

import datetime
import json
import re
import warnings

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app as cli_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from paycalc.web.app import create_app
from paycalc.web.site import build

MISSION = "title=Ed.+Asst.+B&date=2018-06-16&years=16"
PUBLIC = "https://union.example/pay"


def site(*names: str, proposals: tuple[str, ...] = ("uft-2019-2022",)) -> object:
    from paycalc.contract.loader import bundled_contract

    contracts = {name: paycalc.load_contract(bundled_contract(name)) for name in names}
    return build(contracts, list(proposals), PUBLIC)


@pytest.fixture(scope="module")
def client() -> TestClient:
    every = site("nyc-paras", "lunenburg-paras", "lunenburg-paras-posted")
    return TestClient(create_app(every, lambda: datetime.date(2018, 6, 16)))  # type: ignore[arg-type]


def cli_json(*args: str) -> object:
    result = CliRunner().invoke(cli_app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_mission_page_shows_the_pay_with_its_citation(client: TestClient) -> None:
    response = client.get(f"/pay?{MISSION}")
    assert response.status_code == 200
    assert "$33,352.00" in response.text
    assert "Article Three A.1, page 8" in response.text
    assert "How this was worked out" in response.text
    assert "$1,389.67" in response.text  # one semimonthly check: 33,352 / 24 = 1,389.666... -> 1,389.67


@pytest.mark.parametrize(
    ("route", "query", "command"),
    [
        ("pay", MISSION, ["pay", "--title", "Ed. Asst. B", "--date", "2018-06-16", "--years", "16"]),
        (
            "paychecks",
            "title=Ed.+Asst.+B&hired=2005-09-01&from=2018-04-16&to=2018-06-30",
            [
                "paychecks",
                "--title",
                "Ed. Asst. B",
                "--hired",
                "2005-09-01",
                "--from",
                "2018-04-16",
                "--to",
                "2018-06-30",
            ],
        ),
        (
            "retro",
            "title=Ed.+Asst.+B&hired=2005-09-01&from=2013-05-01&to=2014-09-30",
            ["retro", "--title", "Ed. Asst. B", "--hired", "2005-09-01", "--from", "2013-05-01", "--to", "2014-09-30"],
        ),
        ("compare", "from=2017-05-01&to=2018-06-16", ["compare", "2017-05-01", "2018-06-16"]),
        (
            "history",
            "title=Teacher+Aide&hired=2009-01-05",
            ["history", "--title", "Teacher Aide", "--hired", "2009-01-05"],
        ),
        (
            "pay",
            "title=Teacher+Aide&date=2021-05-14&years=0&proposal=uft-2019-2022",
            ["pay", "--title", "Teacher Aide", "--date", "2021-05-14", "--years", "0", "--proposal", "uft-2019-2022"],
        ),
    ],
)
def test_the_api_equals_the_clis_json(client: TestClient, route: str, query: str, command: list[str]) -> None:
    response = client.get(f"/api/{route}?{query}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == cli_json(*command)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/pay",
        "/paychecks?title=Ed.+Asst.+B&hired=2005-09-01&from=2018-04-16&to=2018-06-30",
        "/pay?contract=lunenburg-paras&title=Column+2&step=4&date=2026-09-01&pay-cycles=22&lang=es",
        "/retro?title=Ed.+Asst.+B&hired=2005-09-01&from=2013-05-01&to=2014-09-30",
        "/offers?title=Teacher+Aide&years=3",
        "/compare?from=2017-05-01&to=2018-06-16&title=Ed.+Asst.+B",
        "/schedules",
        "/schedules?date=2016-09-08",
    ],
)
def test_every_page_answers_with_the_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script" not in csp  # no script at all, inline or not
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "<script" not in response.text and "http://" not in response.text
    assert all(link.startswith(PUBLIC) for link in re.findall(r'"(https://[^"]*)"', response.text))


def test_paychecks_page_compares_what_was_paid(client: TestClient) -> None:
    form = {"title": "Ed. Asst. B", "hired": "2005-09-01", "from": "2018-05-01", "to": "2018-05-31"}
    response = client.post("/paychecks", data={**form, "paid": "pay_date,gross\n2018-05-15,1271.75"})
    assert response.headers["cache-control"] == "no-store"
    text = response.text
    assert "1271.75" not in response.text.split("This answer")[1].split("</p>")[0]  # the share link leaves it out
    assert "+$24.92" in text  # 31,120 / 24 = 1,296.67 should be; 1,271.75 paid
    assert "1 check(s) are not in what you pasted" in text


def test_offers_page_against_the_status_quo(client: TestClient) -> None:
    text = client.get("/offers?title=Teacher+Aide&years=0").text
    # 2021-05-14 under the offer: $28,448 (DESIGN.md); the status quo: the 2018-06-16 base, $25,927
    assert "$28,448.00" in text and "$25,927.00" in text and "+$2,521.00" in text
    assert "<svg" in text and "<title" in text


@pytest.mark.parametrize(
    ("url", "field", "message"),
    [
        ("/pay?title=Nurse&years=3", "title", "We do not know the title &#39;Nurse&#39;. The closest: "),
        ("/pay?title=Teacher+Aide&years=3&hired=2010-01-01", "years", "Give only one of these"),
        ("/pay?title=Teacher+Aide&years=x", "years", "is not a number of years: write a whole number, e.g. 16."),
        ("/pay?title=Teacher+Aide&years=3&hours=500", "hours", "out of range"),
        (
            "/pay?title=Teacher+Aide&years=3&proposal=../../etc/passwd",
            "proposal",
            "Choose one of the offers in the list.",
        ),
        ("/paychecks?title=Teacher+Aide&years=3&from=2018-05-01", "to", "Please fill this in."),
        ("/paychecks?title=Teacher+Aide&years=3&from=2018-05-01&to=2018-05-31&paid=2018-05-14,1", "paid", "never in"),
        ("/retro?title=Teacher+Aide&hired=2010-01-01&from=2013-05-01&to=2013-04-01", "to", "is before the first day"),
        ("/compare?from=1999-01-01&to=2018-06-16", "from", "is before the first salary schedule"),
        ("/pay?title=Teacher+Aide&years=3&method=weekly", "method", "Choose one of the pay periods"),
        ("/pay?title=Teacher+Aide&step=2", "step", "This contract has no steps"),
        ("/pay?title=Teacher+Aide&years=2&pay-cycles=22", "pay-cycles", "This contract has no pay-cycle election"),
        ("/pay?contract=lunenburg-paras&title=High+School&step=12", "step", "is not a step: write a whole number"),
        ("/pay?contract=lunenburg-paras&title=High+School&step=2&pay-cycles=24", "pay-cycles", "Choose 22 / 26"),
    ],
)
def test_a_bad_field_gets_the_form_back_with_its_message(
    client: TestClient, url: str, field: str, message: str
) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert f'id="e-{field}"' in response.text
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    assert "Traceback" not in response.text


def test_the_api_names_the_bad_field(client: TestClient) -> None:
    response = client.get("/api/pay?title=Teacher+Aide&years=abc")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["years"]


def test_markup_typed_in_a_field_is_escaped(client: TestClient) -> None:
    response = client.get("/pay?title=%3Cscript%3Ealert(1)%3C/script%3E&years=1")
    assert response.status_code == 422
    assert "<script>" not in response.text and "&lt;script&gt;" in response.text


def test_bounded_inputs(client: TestClient) -> None:
    assert client.get("/pay?title=" + "a" * 201 + "&years=1").status_code == 422
    assert client.get("/pay?title=x&paid=" + "a" * 10_001).status_code == 414
    assert client.post("/paychecks", content=b"paid=" + b"a" * 20_000).status_code == 413
    assert client.get("/nowhere").status_code == 404


def test_a_page_of_paychecks_is_bounded_to_ten_years(client: TestClient) -> None:
    response = client.get("/paychecks?title=Teacher+Aide&years=1&from=2008-05-19&to=2199-12-31")
    assert response.status_code == 422
    assert "is more than ten years after the first day" in response.text
    assert client.get("/api/paychecks?title=Teacher+Aide&years=1&from=2008-05-19&to=2018-05-18").status_code == 200


def test_a_page_answers_get_only(client: TestClient) -> None:
    response = client.post("/pay", data={"title": "Teacher Aide"})
    assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
