"""A proposal checked against a contract is cached as JSON (contract.proposal_cache): it comes back equal and
exact (each decimal's own digits), is used again without YAML or pydantic, and is checked again when its file,
its contract or the name it was given changes, or when the entry does not make sense."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import paycalc
from paycalc.contract import loader, proposal_cache
from paycalc.contract.models import Change, Instalment, LumpSum, Proposal, TitleChange

BUNDLED = [
    ("moa-2014", "nyc-paras"),
    ("uft-2019-2022", "nyc-paras"),
    ("lunenburg-fy29", "lunenburg-paras"),
    ("lunenburg-plus-1-hour", "lunenburg-paras"),
]


def _contract(name: str) -> paycalc.Contract:
    return paycalc.load_contract(loader.bundled_contract(name))


@pytest.mark.parametrize(("proposal", "contract"), BUNDLED)
def test_a_bundled_proposal_comes_back_equal_and_exact(proposal: str, contract: str) -> None:
    spec = loader.read_proposal(proposal, _contract(contract))
    text = proposal_cache.encode(spec)
    assert proposal_cache.decode(text) == spec
    assert proposal_cache.encode(proposal_cache.decode(text)) == text  # 3.00 stays 3.00, not 3.0


def test_every_field_comes_back() -> None:
    """A proposal using every field: a cut (a percent below zero), titles raised apart, a step added on top,
    lump sums pro-rated or not, instalments, a term end, and the base's schedule it replaced."""
    schedule = _contract("nyc-paras").schedules[-1]
    spec = Proposal(
        name="every field",
        base=datetime.date(2018, 6, 16),
        rounding="cent",
        changes=(
            Change(
                datetime.date(2018, 6, 16),
                (Decimal("3.00"), Decimal("-0.5")),
                {"5-year": Decimal("250")},
                Decimal("0.10"),
                {"Teacher Aide": TitleChange((Decimal("1.5"),), Decimal("2"))},
                (Decimal("2.0"), {}),
            ),
            Change(datetime.date(2019, 6, 16), (), {}, add_step=(None, {"base": Decimal("40000.00")})),
        ),
        lump_sums=(
            LumpSum("signing", Decimal("1000.00"), datetime.date(2019, 1, 1), datetime.date(2018, 12, 1), True),
            LumpSum("ratification", Decimal("500"), datetime.date(2019, 2, 1), datetime.date(2019, 1, 1), False),
        ),
        instalments=(
            Instalment(datetime.date(2020, 1, 1), Decimal("60")),
            Instalment(datetime.date(2021, 1, 1), Decimal("40")),
        ),
        file="every.yaml",
        term_end=datetime.date(2022, 6, 30),
        replaced=schedule,
    )
    text = proposal_cache.encode(spec)
    assert proposal_cache.decode(text) == spec
    assert proposal_cache.encode(proposal_cache.decode(text)) == text


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("format", 0),
        ("rounding", "nickel"),
        ("name", 7),
        ("base", "2018-13-01"),
        ("instalments", [["2020-01-01", "NaN"]]),
    ],
)
def test_an_entry_that_does_not_make_sense_is_refused(key: str, value: object) -> None:
    data = json.loads(proposal_cache.encode(loader.read_proposal("moa-2014", _contract("nyc-paras"))))
    data[key] = value
    with pytest.raises((ValueError, TypeError, KeyError, ArithmeticError)):
        proposal_cache.decode(json.dumps(data))


def test_a_proposal_is_read_from_the_cache_and_checked_again_when_anything_it_was_checked_with_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(cache))
    nyc = _contract("nyc-paras")
    source = tmp_path / "offer.yaml"
    source.write_text(loader.find_proposal("moa-2014").read_text())
    first = loader.read_proposal(source, nyc)
    assert len(list(cache.glob("proposal-*.json"))) == 1
    built: list[str] = []
    from paycalc.contract import proposal_schema

    real = proposal_schema.build
    monkeypatch.setattr(proposal_schema, "build", lambda *a: built.append(a[0]) or real(*a))
    assert loader.read_proposal(source, nyc) == first and built == []  # from the cache: no YAML, no pydantic
    assert loader.read_proposal(str(source), nyc) == first and built == []
    with pytest.raises(paycalc.ScheduleError):  # checked against another contract: checked again, and refused
        loader.read_proposal(source, _contract("lunenburg-paras"))
    assert len(built) == 1
    source.write_text(source.read_text().replace("name:", "name: Edited", 1).replace("Edited ", "Edited"))
    edited = loader.read_proposal(source, nyc)  # its file edited: read again
    assert len(built) == 2 and edited.name != first.name
    entry = next(cache.glob("proposal-*.json"))
    entry.write_text(entry.read_text() + " ")  # a broken seal: read again, and the entry written anew
    assert loader.read_proposal(source, nyc) == edited and len(built) == 3
    assert loader.read_proposal(source, nyc) == edited and len(built) == 3


def test_the_name_a_proposal_was_given_is_its_own_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundled example by its name and by its file name: each answer says the file as it was named."""
    monkeypatch.setenv("PAYCALC_CACHE_DIR", str(tmp_path / "cache"))
    nyc = _contract("nyc-paras")
    for _ in range(2):
        assert loader.read_proposal("moa-2014", nyc).file == "moa-2014"
        assert loader.read_proposal("moa-2014.yaml", nyc).file == "moa-2014.yaml"


def test_a_command_answers_the_same_from_the_cache(tmp_path: Path) -> None:
    """In real processes: the cache off, then filled, then read; the same bytes each time."""
    roster = tmp_path / "roster.csv"
    roster.write_text("id,title,hired,from,to\nE1,Teacher Aide,2001-02-03,2009-11-01,2018-11-30\n")
    command = [
        sys.executable,
        "-m",
        "paycalc",
        "retro",
        "--roster",
        str(roster),
        "--proposal",
        "moa-2014",
        "-f",
        "json",
    ]
    answers = []
    for cache in ("", str(tmp_path / "cache"), str(tmp_path / "cache")):
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=60, env={"PAYCALC_CACHE_DIR": cache, "PATH": ""}
        )
        assert done.returncode == 0, done.stderr
        answers.append(done.stdout)
    assert answers[0] == answers[1] == answers[2] and '"lump_sums"' in answers[0]
    assert len(list((tmp_path / "cache").glob("proposal-*.json"))) == 1
