"""The array kernel against the scalar plan, row for row: ``Pricer.price`` must give exactly the owed
and paid cents of :func:`paycalc.rules.retro.totals` (the reference, tested by hand in test_retro)."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

import paycalc
from paycalc.contract.models import Work
from paycalc.membership import column_runs
from paycalc.membership.columnar import Pricer, Unpriced
from paycalc.rules import periods, retro
from tests.test_locals import write_contract

DAY = datetime.timedelta(days=1)


def compare(contract, titles, works, first, span, method="semimonthly", anchor=None, seed=0, rows=400):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    pricer = Pricer(contract, method, anchor, None)
    pay_for = periods.payer(method, anchor)
    drawn = []
    for _ in range(rows):
        start = first + rng.randrange(span) * DAY
        end = start + rng.choice([0, 1, 13, 14, 15, 30, 365, rng.randrange(3000)]) * DAY
        hired = start - rng.choice([0, 1, 364, 365, 366, rng.randrange(12000)]) * DAY
        paid_schedule = rng.choice([None, None, contract.schedules[0].effective])
        paid_annual = rng.choice([None, None, None, Decimal("25000.55")]) if paid_schedule is None else None
        drawn.append((rng.choice(titles), rng.choice(works), hired, start, end, paid_schedule, paid_annual))
    way = np.array([pricer.way(t, w) for t, w, *_ in drawn])
    ordinals = [np.array([row[k].toordinal() for row in drawn]) for k in (2, 3, 4)]
    paid = np.array([pricer.paid(row[5], row[6]) for row in drawn])
    owed_cents, paid_cents = pricer.price(way, *ordinals, paid)
    for n, (title, work, hired, start, end, paid_schedule, paid_annual) in enumerate(drawn):
        owed, was_paid, _ = retro.totals(
            contract,
            title,
            hired=hired,
            start=start,
            end=end,
            work=work,
            paid_schedule=paid_schedule,
            paid_annual=paid_annual,
            pay_for=pay_for,
        )
        assert (int(owed_cents[n]), int(paid_cents[n])) == (owed, was_paid), drawn[n]


NYC_TITLES = ["Teacher Aide", "Ed. Asst. B", "Ed. Assoc.", "Aux. Trainer B"]
NYC_WORK = [Work(), Work(hours=Decimal("20")), Work(hours=Decimal("17.5"), workyear=Decimal("0.5"))]


@pytest.mark.parametrize("method", ["semimonthly", "monthly", "biweekly"])
@pytest.mark.parametrize("joins", [False, True], ids=["segments", "edge matrix"])
def test_nyc_rows_are_priced_as_the_scalar_plan_prices_them(method: str, joins: bool, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if joins:  # the general path, which joins runs at the same rates, on every row
        monkeypatch.setattr(column_runs, "_joins", lambda ids: True)
    anchor = datetime.date(2009, 1, 2) if method == "biweekly" else None
    contract = paycalc.load_contract()
    compare(contract, NYC_TITLES, NYC_WORK, datetime.date(2008, 5, 20), 4000, method, anchor, seed=len(method))


@pytest.mark.parametrize("seed", [1, 2])
def test_lunenburg_steps_and_repeated_rates_are_priced_as_the_scalar_plan_prices_them(seed: int) -> None:
    contract = paycalc.load_contract(paycalc.contract.loader.bundled_contract("lunenburg-paras"))
    works = [Work(), Work(hours_per_day=Decimal("6")), Work(days=Decimal("180"))]
    titles = ["High School", "Associate's", "Bachelor's", "Licensed Bachelor's"]
    anchor = datetime.date(2025, 7, 1)
    compare(contract, titles, works, datetime.date(2025, 7, 2), 1100, "biweekly", anchor, seed=seed)


def test_freezes_and_differentials_are_priced_as_the_scalar_plan_prices_them(tmp_path: Path) -> None:
    contract = paycalc.load_contract(write_contract(tmp_path / "local"))
    works = [Work(), Work(differentials=("degree",)), Work(hours_per_day=Decimal("5"), differentials=("stipend",))]
    compare(contract, ["Para"], works, datetime.date(2023, 7, 2), 900, "monthly", seed=3)


def test_what_the_kernel_cannot_price_alike_is_refused() -> None:
    contract = paycalc.load_contract()
    with pytest.raises(Unpriced):
        Pricer(contract, "daily", None, None)
    pricer = Pricer(contract, "semimonthly", None, None)
    with pytest.raises(Unpriced):
        pricer.way("No Such Title", Work())
    with pytest.raises(Unpriced):
        pricer.paid(None, Decimal("1e-30"))  # a flat amount too fine for 64-bit cents
    way, paid = np.array([pricer.way("Ed. Asst. B", Work())]), np.array([pricer.paid(None, None)])
    day = datetime.date(2010, 1, 1).toordinal()
    for hired, start, end in [(day + 1, day, day + 9), (day - 9, day, day - 1)]:  # hired after the start; end first
        with pytest.raises(Unpriced):
            pricer.price(way, np.array([hired]), np.array([start]), np.array([end]), paid)
