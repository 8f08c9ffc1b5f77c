"""The web app in-process (Starlette's TestClient): every page and API route, errors beside their fields,
the JSON equal to the CLI's, and the security headers."""

from __future__ import annotations

import datetime
import json
import warnings

import pytest
from typer.testing import CliRunner

import paycalc
from paycalc.cli import app as cli_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from paycalc.web.app import create_app

MISSION = "title=Ed.+Asst.+B&date=2018-06-16&years=16"


@pytest.fixture(scope="module")
def client() -> TestClient:
    contract = paycalc.load_contract()
    offers = {"uft-2019-2022": paycalc.load_proposal("uft-2019-2022")}
    return TestClient(create_app(contract, offers, lambda: datetime.date(2018, 6, 16)))


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
        "/paychecks?title=Ed.+Asst.+B&hired=2005-09-01&from=2018-04-16&to=2018-06-30&paid=2018-05-15,1271.75",
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
    assert "<script" not in response.text and "http://" not in response.text and "https://" not in response.text


def test_paychecks_page_compares_what_was_paid(client: TestClient) -> None:
    query = "title=Ed.+Asst.+B&hired=2005-09-01&from=2018-05-01&to=2018-05-31&paid=pay_date,gross%0A2018-05-15,1271.75"
    text = client.get(f"/paychecks?{query}").text
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
        ("/pay?title=Nurse&years=3", "title", "unknown title &#39;Nurse&#39;"),
        ("/pay?title=Teacher+Aide&years=3&hired=2010-01-01", "years", "give only one of years or hired"),
        ("/pay?title=Teacher+Aide&years=x", "years", "years &#39;x&#39; is not a whole number"),
        ("/pay?title=Teacher+Aide&years=3&hours=500", "hours", "out of range"),
        ("/pay?title=Teacher+Aide&years=3&proposal=../../etc/passwd", "proposal", "is not an offer here"),
        ("/paychecks?title=Teacher+Aide&years=3&from=2018-05-01", "to", "is required"),
        ("/paychecks?title=Teacher+Aide&years=3&from=2018-05-01&to=2018-05-31&paid=2018-05-14,1", "paid", "line 1"),
        ("/retro?title=Teacher+Aide&hired=2010-01-01&from=2013-05-01&to=2013-04-01", "to", "before the start"),
        ("/compare?from=1999-01-01&to=2018-06-16", "from", "before the first schedule"),
        ("/pay?title=Teacher+Aide&years=3&method=weekly", "method", "is not a method"),
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
    assert client.get("/nowhere").status_code == 404


def test_a_page_of_paychecks_is_bounded_to_ten_years(client: TestClient) -> None:
    response = client.get("/paychecks?title=Teacher+Aide&years=1&from=2008-05-19&to=2199-12-31")
    assert response.status_code == 422
    assert "is more than ten years after 2008-05-19" in response.text
    assert client.get("/api/paychecks?title=Teacher+Aide&years=1&from=2008-05-19&to=2018-05-18").status_code == 200


def test_a_page_answers_get_only(client: TestClient) -> None:
    response = client.post("/pay", data={"title": "Teacher Aide"})
    assert response.status_code == 405 and response.headers["allow"] == "GET"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
