"""``/api/pay`` answered from a kept answer of the same question on another date under the same schedule
(:mod:`paycalc.web.alike`), against the same question worked out afresh by a server that keeps nothing:
the same status, headers and body, byte for byte, on random questions of every bundled contract (titles and
aliases, years, steps, hire dates, work, offers, languages, dates across schedules and outside the term, a
field given twice); and the query split by hand as :func:`urllib.parse.parse_qsl` splits it."""

from __future__ import annotations

import datetime
import tempfile
import warnings
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from hypothesis import given, settings
from hypothesis import strategies as st

from paycalc.web.guard import fields
from tests.test_web import site

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from paycalc.web.app import create_app

MIDYEAR = Path(tempfile.mkdtemp()) / "midyear.yaml"  # an offer with a schedule of its own inside the term
MIDYEAR.write_text("name: midyear (test)\nbase: 2015-05-01\nchanges:\n  - {effective: 2016-01-01, percent: 2}\n")
SITE = site("nyc-paras", "lunenburg-paras", "lunenburg-paras-posted", proposals=("uft-2019-2022", str(MIDYEAR)))
TODAY = datetime.date(2018, 6, 16)
KEEPING = TestClient(create_app(SITE, lambda: TODAY))  # type: ignore[arg-type]


def _afresh() -> TestClient:
    """A server that keeps no answer: each worked out as it comes."""
    app = create_app(SITE, lambda: TODAY)  # type: ignore[arg-type]
    app.app.alike = None  # type: ignore[attr-defined]
    app.app.remembered = _Forgetful()  # type: ignore[attr-defined]
    return TestClient(app)


class _Forgetful(dict):  # type: ignore[type-arg]
    def __setitem__(self, key: object, value: object) -> None:
        pass

    def move_to_end(self, key: object) -> None:
        pass


AFRESH = _afresh()
TITLES = ["Ed. Asst. B", "ed asst b", "Teacher Aide", "Educational Assistant A-I", "Bachelor's", "High School",
          "Column 3", "Nobody"]  # fmt: skip
DAYS = st.one_of(
    st.dates(datetime.date(2007, 1, 1), datetime.date(2030, 12, 31)),
    st.dates(datetime.date(2013, 4, 20), datetime.date(2013, 5, 10)),
    st.dates(datetime.date(2025, 6, 20), datetime.date(2026, 7, 10)),
)  # across a schedule's date
FIELD = st.sampled_from(
    [("years", "16"), ("years", "4"), ("years", "0"), ("years", "x"), ("step", "3"), ("step", "11"), ("step", "40"),
     ("hired", "2001-09-04"), ("hours", "20"), ("workyear", "0.5"), ("hours-per-day", "6"), ("days", "180"),
     ("lang", "es"), ("proposal", "uft-2019-2022"), ("contract", "lunenburg-paras"), ("contract", "NYC-PARAS"),
     ("contract", "lunenburg-paras-posted"), ("contract", "nowhere"), ("change-date", "2016-01-01"),
     ("change-title", "Ed. Assoc."), ("method", "monthly"), ("pay-cycles", "22"), ("years", " 7 ")]
)  # fmt: skip


TERMS = {"": (datetime.date(2009, 11, 1), datetime.date(2018, 11, 30)),
         "lunenburg-paras": (datetime.date(2025, 7, 1), datetime.date(2028, 6, 30)),
         "lunenburg-paras-posted": (datetime.date(2025, 7, 1), datetime.date(2028, 6, 30))}  # fmt: skip
NAMED = {"": ["Ed. Asst. B", "ed asst b", "Teacher Aide", "Educational Assistant A-I"],
         "lunenburg-paras": ["Bachelor's", "High School", "Column 3"],
         "lunenburg-paras-posted": ["Bachelor's", "Licensed Bachelor's"]}  # fmt: skip
WORK = st.sampled_from([("hours", "20"), ("workyear", "0.5"), ("hours-per-day", "6"), ("days", "180"),
                        ("lang", "es"), ("proposal", "uft-2019-2022"), ("proposal", "midyear"),
                        ("method", "monthly")])  # fmt: skip


@st.composite
def questions(draw: st.DrawFn) -> tuple[list[tuple[str, str]], datetime.date, datetime.date]:
    """A question and two dates: mostly a title of the contract, its placement, some work and two dates in its
    term (often under one schedule); now and then a field in error or a date outside the term."""
    contract = draw(st.sampled_from(list(TERMS)))
    low, high = TERMS[contract]
    title = draw(st.sampled_from(NAMED[contract]) if draw(st.integers(0, 9)) else st.sampled_from(TITLES))
    inside = st.dates(low, high)
    first = draw(inside if draw(st.integers(0, 5)) else DAYS)
    near = st.dates(max(low, first - datetime.timedelta(days=40)), min(high, first + datetime.timedelta(days=40)))
    second = draw(near if low <= first <= high and draw(st.booleans()) else DAYS)
    between = min(first, second) + (max(first, second) - min(first, second)) / 2  # a change between the two
    years = [("years", str(draw(st.integers(0, 30))))]
    hired = [("hired", draw(st.dates(datetime.date(1985, 1, 1), datetime.date(2012, 1, 1))).isoformat())]
    changed = [*years, ("change", f"{between}:title=Ed. Assoc.")]  # the title on the date
    placed = (
        draw(st.sampled_from([years, years, hired, changed]))
        if not contract
        else [("step", str(draw(st.integers(1, 9))))]
    )
    more = draw(st.lists(WORK, max_size=2, unique=True) if draw(st.integers(0, 4)) else st.lists(FIELD, max_size=3))
    return [("title", title), *([("contract", contract)] if contract else []), *placed, *more], first, second


@settings(max_examples=100, deadline=None)
@given(asked=questions(), accept=st.sampled_from(["", "es", "en-US,en;q=0.9"]))
def test_a_kept_answer_is_the_answer_worked_out_afresh(
    asked: tuple[list[tuple[str, str]], datetime.date, datetime.date], accept: str
) -> None:
    pairs, first, second = asked
    headers = {"accept-language": accept} if accept else {}
    for day in (first, second, second):  # the second date after the first (kept), and again (remembered too)
        query = urlencode([*pairs, ("date", day.isoformat())])
        kept = KEEPING.get(f"/api/pay?{query}", headers=headers)
        fresh = AFRESH.get(f"/api/pay?{query}", headers=headers)
        assert (kept.status_code, kept.content) == (fresh.status_code, fresh.content), query
        assert kept.headers.items() == fresh.headers.items()


def test_dates_under_one_schedule_share_an_answer_and_others_do_not() -> None:
    """The kept answers are used: two dates under the 2018-06-16 schedule, one kept; a date under another
    schedule, or a hire date (years counted to the date), or a date past the term (its notes name it), none."""
    from paycalc.web.alike import Alike

    alike = Alike(SITE)  # type: ignore[arg-type]
    june, july, may = ("2018-06-16", "2018-07-01", "2018-05-20")
    ask = [("title", "Ed. Asst. B"), ("years", "16")]
    key_june, key_july, key_may = (alike.key([*ask, ("date", day)], "") for day in (june, july, may))
    assert key_june is not None and key_july is not None and key_may is not None
    assert key_june[0] == key_july[0] != key_may[0]
    assert alike.key([("title", "Ed. Asst. B"), ("hired", "2001-09-04"), ("date", june)], "") is None
    assert alike.key([*ask, ("change", "2018-06-20:title=Ed. Assoc."), ("date", june)], "") is None
    assert alike.key([*ask, ("date", "2019-01-02")], "") is None  # after the term ended (2018-11-30)
    assert alike.key([*ask, ("years", "3"), ("date", june)], "") is None  # a field given twice
    body = KEEPING.get(f"/api/pay?{urlencode([*ask, ('date', june)])}").content
    alike.keep(key_june[0], body, key_june[1])
    assert alike.get(*key_july) == body.replace(b'"date":"2018-06-16"', b'"date":"2018-07-01"')


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab=&+ %é;1x", max_size=14))
def test_fields_are_split_as_parse_qsl_splits_them(text: str) -> None:
    try:
        expected: object = parse_qsl(text, keep_blank_values=True, max_num_fields=60)
    except ValueError:
        expected = ValueError
    try:
        found: object = fields(text)
    except ValueError:
        found = ValueError
    assert found == expected


def test_sixty_fields_are_read_and_sixty_one_refused() -> None:
    assert len(fields("&".join(["a=1"] * 60))) == 60
    assert fields("a+b=c+d&e") == [("a b", "c d"), ("e", "")]
    try:
        fields("&".join(["a=1"] * 61))
    except ValueError:
        return
    raise AssertionError("61 fields were read")


def test_a_field_given_twice_is_remembered_in_its_order() -> None:
    """The first of a field given twice is the one read: the remembered answers keep the fields' order then
    (sorted, two links with ``proposal`` twice in either order were one question, and the second got the
    first's answer)."""
    ask = "title=Ed.+Asst.+B&years=8&date=2016-03-01"
    client = TestClient(create_app(SITE, lambda: TODAY))  # type: ignore[arg-type]
    one = client.get(f"/api/pay?{ask}&proposal=midyear&proposal=uft-2019-2022")
    other = client.get(f"/api/pay?{ask}&proposal=uft-2019-2022&proposal=midyear")
    assert one.json()["proposal"] != other.json()["proposal"]
    assert other.content == AFRESH.get(f"/api/pay?{ask}&proposal=uft-2019-2022&proposal=midyear").content
