"""Many pro-rated ways made at once (#30: a roster of each member's own hours, thousands of distinct values, was
10 to 15 times the plain roster's time): their tables hold the rates the rules' one-at-a-time tables hold, equal
rates of a way share an id exactly where the rules' ids do, and a roster of them prices to the byte as row by row."""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import paycalc
from paycalc.contract.models import Work
from paycalc.membership import way_tables
from paycalc.membership.columnar import Pricer, Unpriced
from paycalc.membership.way_tables import FEW
from paycalc.rules import rate_tables
from tests import test_columnar


def _table(pricer: Pricer, way: int) -> tuple[list[tuple[int, int]], list[list[bool]]]:
    """A way's rates (``[schedule][tier]`` flattened, as fractions) and which of them share an id."""
    ids = pricer._table_ids()[way].ravel()
    rates = pricer.rates.array()[:, ids].T.tolist()
    return [tuple(rate) for rate in rates], (ids[:, None] == ids[None, :]).tolist()


def _way(pricer: Pricer, cell: dict[str, str]) -> Any:
    from paycalc.contract.errors import PaycalcError
    from paycalc.membership.roster import work_of

    try:
        return pricer.way(cell["title"].strip(), work_of(cell))
    except (PaycalcError, Unpriced) as exc:
        return str(exc)


@settings(max_examples=30, deadline=None)
@given(
    contract=st.sampled_from(["nyc-paras", "lunenburg-paras"]),
    hours=st.lists(
        st.decimals(min_value="0.01", max_value="40", places=2).map(str), min_size=FEW, max_size=2 * FEW, unique=True
    ),
    odd=st.lists(st.sampled_from(["35", "17.5", "0", "200", "abc", "17.123456789", "1e1", "  20 "]), max_size=8),
    seed=st.integers(0, 10**6),
)
def test_ways_made_at_once_hold_the_rules_tables(contract: str, hours: list[str], odd: list[str], seed: int) -> None:
    """Distinct hours (enough to be made at once) and hours the rules refuse or that are too fine, under titles of
    the contract (one spelled otherwise), a title of the other and an unknown one, a part-time year on some."""
    rng = random.Random(seed)
    loaded = paycalc.load_contract(paycalc.contract.loader.bundled_contract(contract))
    titles = [loaded.titles[0].name, loaded.titles[-1].name.upper(), "Teacher Aide", "High School", "Nope"]
    cells = [{"title": rng.choice(titles), "hours": h, "workyear": rng.choice(["", "", "0.5"])} for h in hours + odd]
    rng.shuffle(cells)
    at_once, one_by_one = (Pricer(loaded, "semimonthly", None, None) for _ in range(2))
    made = at_once.warm(cells)
    for cell, code in zip(cells, made, strict=True):
        alone = _way(one_by_one, cell)
        if code < 0:  # left to way(): what it says, or the way it makes
            found = _way(at_once, cell)
            assert found == alone if isinstance(alone, str) else isinstance(found, int)
            continue
        assert not isinstance(alone, str)  # made at once only where the rules take it
        assert _table(at_once, code) == _table(one_by_one, alone)
    assert sorted(set(at_once._ways.values())) == list(range(len(at_once._hired_before)))
    valid = {way for way in (_way(one_by_one, cell) for cell in cells) if isinstance(way, int)}  # distinct ways
    assert len(valid) < FEW or len({code for code in made if code >= 0}) == len(valid)  # each made at once


@pytest.mark.parametrize("method", ["semimonthly", "monthly", "daily", "biweekly"])
def test_a_roster_of_each_members_own_hours_is_priced_as_row_by_row(tmp_path: Path, method: str) -> None:
    """200 distinct hours over five titles (hundreds of ways, made at once), some refused with --skip-invalid."""
    rng = random.Random(len(method))
    hours = [f"{h / 100:.2f}" for h in rng.sample(range(500, 4000), 200)]  # and two rows of hours refused, last
    extra = {"hours": hours, "School": ["PS 1", ""]}
    text = test_columnar.roster(rng, test_columnar.NYC, 400, datetime.date(2009, 6, 1), 3000, extra)
    text += "".join(f"Z{n},Ed. Asst. B,2001-01-01,2012-01-01,2012-12-31,{h},\n" for n, h in enumerate(["0", "200"]))
    options = ["--method", method, "--skip-invalid"] + (["--anchor", "2009-01-02"] if method == "biweekly" else [])
    source = tmp_path / "members.csv"
    source.write_text(text)
    said = [
        test_columnar.runner.invoke(
            paycalc_app(), ["retro", "--roster", str(source), *options, "-v"], env={"PAYCALC_ROW_BY_ROW": mode}
        )
        for mode in ("1", "")
    ]
    assert said[1].stdout == said[0].stdout
    assert said[1].exit_code == said[0].exit_code == 3  # rows left out
    assert [line for line in said[1].stderr.splitlines() if "Skipped" in line] == [
        line for line in said[0].stderr.splitlines() if "Skipped" in line
    ]
    assert "priced in columns" in said[1].stderr


def paycalc_app() -> Any:
    from paycalc.cli import app

    return app


@pytest.mark.parametrize("exact", [False, True])
def test_a_way_of_factors_or_rates_past_the_bound_is_left_to_the_rules(
    monkeypatch: pytest.MonkeyPatch, exact: bool
) -> None:
    """No int64 product may overflow: a title whose rates (as fractions), or hours whose factor, reach the bound
    are made one at a time. With the bound set among NYC's rates (about 24,000 to 52,000 a year: at 40,000, or at
    one title's largest exactly, which reaches it), the titles under it are made at once and the others left,
    and each way's table is the rules' still."""
    contract = paycalc.load_contract()
    largest = {t.name: max(max(part) for row in rate_tables.annual_table(contract, t.name, Work()) for part in row)
               for t in contract.titles}  # fmt: skip
    bound = sorted(largest.values())[len(largest) // 2] if exact else 40_000
    monkeypatch.setattr(way_tables, "SMALL", bound)
    under = {name for name, most in largest.items() if most < bound}
    cells = [{"title": t.name, "hours": f"{10 + n / 4:.2f}"} for t in contract.titles for n in range(FEW)]
    at_once, one_by_one = (Pricer(contract, "semimonthly", None, None) for _ in range(2))
    made = at_once.warm(cells)
    assert under and len(under) < len(contract.titles)
    assert [code >= 0 for code in made] == [cell["title"] in under for cell in cells]
    for cell, code in zip(cells, made, strict=True):
        if code >= 0:
            assert _table(at_once, code) == _table(one_by_one, _way(one_by_one, cell))


def test_equal_rates_share_an_id_and_no_others_do() -> None:
    """Worked by hand: two ways of two schedules and two tiers; 1/3 twice in the first way, 1/3 in the second
    too; 1/2 and 2/3 differ from 1/3 in one part each."""
    rates = np.array([[[[1, 3], [1, 2]], [[1, 3], [2, 3]]], [[[5, 1], [1, 3]], [[2, 3], [7, 9]]]], dtype=np.int64)
    ids, values = way_tables.own_ids(rates, 10)
    assert ids.shape == (2, 2, 2)
    third = ids[0, 0, 0]
    assert ids[0, 1, 0] == ids[1, 0, 1] == third and ids[0, 1, 1] == ids[1, 1, 0]
    assert len({third, ids[0, 0, 1], ids[0, 1, 1], ids[1, 0, 0], ids[1, 1, 1]}) == 5  # 1/3, 1/2, 2/3, 5, 7/9
    assert set(ids.ravel().tolist()) == set(range(10, 15))
    assert [tuple(values[:, i - 10]) for i in ids.ravel().tolist()] == [tuple(r) for r in rates.reshape(-1, 2).tolist()]


def test_ways_with_differentials_are_left_to_the_rules() -> None:
    """A differential adds to a way's rates (cents an hour, a percent, a stipend): such ways are made one at a time
    by the rules, never at once from the title's rates and the hours alone; those without are made at once."""
    contract = paycalc.load_contract(Path(__file__).parents[1] / "examples" / "hourly-local")
    names = ["", "associate", "behavior", "bachelor;behavior"]
    cells = [{"title": "Paraeducator", "hours_per_day": f"{4 + n / 50:.2f}", "differentials": names[n % 4]}
             for n in range(4 * FEW)]  # fmt: skip
    at_once, one_by_one = (Pricer(contract, "biweekly", None, None) for _ in range(2))
    made = at_once.warm(cells)
    assert [code >= 0 for code in made] == [not cell["differentials"] for cell in cells]
    for cell, code in zip(cells, made, strict=True):
        alone = _way(one_by_one, cell)
        assert _table(at_once, code if code >= 0 else _way(at_once, cell)) == _table(one_by_one, alone)
