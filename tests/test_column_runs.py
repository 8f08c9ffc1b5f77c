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
from paycalc.rules import core, periods, retro
from tests.test_locals import write_contract

DAY = datetime.timedelta(days=1)


def compare(
    contract, titles, works, first, span, method="semimonthly", anchor=None, seed=0, rows=400, alike=False, cycles=None
):  # type: ignore[no-untyped-def]
    """``rows`` drawn at random, priced in one chunk, each against the scalar plan. ``alike``: the rows are
    drawn from a few periods, hire dates and ways, so most of them are priced alike (hired long before,
    one tier throughout, or on one day)."""
    rng = random.Random(seed)
    pricer = Pricer(contract, method, anchor, cycles)
    pay_for = periods.for_contract(contract, method, anchor, cycles)[2]  # a contract's pay cycles: its divided pay
    drawn = []
    edges = [s.effective for s in contract.schedules]
    if alike:
        periods_ = [(first, first + span * DAY), (first + 40 * DAY, first + span * DAY), (first, first + 400 * DAY)]
        before = [first - rng.choice([1, 200, 365, 366, 4000, 9000]) * DAY for _ in range(4)]
        hires = [*before, first - 30 * 365 * DAY, first - 31 * 365 * DAY, first - 40 * 365 * DAY]
        for years in (t.min_years for t in contract.tiers[1:]):  # a tier reached on a period's last day
            hires += [day for _, end in periods_ if (day := core.anniversary(end, end.year - years)) <= first]
        for _ in range(rows):
            start, end = rng.choice(periods_)
            paid_schedule = rng.choice([None, edges[0]])
            paid_annual = rng.choice([None, Decimal("25000.55")]) if paid_schedule is None else None
            drawn.append(
                (rng.choice(titles), rng.choice(works), rng.choice(hires), start, end, paid_schedule, paid_annual)
            )
        return check(contract, pricer, pay_for, drawn)
    for _ in range(rows):
        start = first + rng.randrange(span) * DAY
        end = start + rng.choice([0, 1, 13, 14, 15, 30, 365, rng.randrange(3000)]) * DAY
        if rng.random() < 0.2:  # a row that starts or ends on a schedule's first day, or the day before it
            start = max(first, rng.choice(edges) + rng.choice([-1, 0, 1]) * DAY)
            end = max(start, rng.choice(edges) + rng.choice([-1, 0]) * DAY)
        hired = start - rng.choice([0, 1, 364, 365, 366, rng.randrange(12000)]) * DAY
        if rng.random() < 0.1:  # hired a tier's years before the start, to the day (a Feb 29 start moves back)
            years = rng.choice([t.min_years for t in contract.tiers])
            hired = core.anniversary(start, start.year - years) if start.year - years >= 1900 else hired
        paid_schedule = rng.choice([None, None, contract.schedules[0].effective])
        paid_annual = rng.choice([None, None, None, Decimal("25000.55")]) if paid_schedule is None else None
        drawn.append((rng.choice(titles), rng.choice(works), hired, start, end, paid_schedule, paid_annual))
    check(contract, pricer, pay_for, drawn)


def check(contract, pricer, pay_for, drawn):  # type: ignore[no-untyped-def]
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


@pytest.mark.parametrize("method", ["semimonthly", "monthly", "biweekly", "daily"])
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
    # the kernel's biweekly periods (annual / 26 a period), on Lunenburg's steps: the contract as it would be
    # without its pay-cycle elections (its divided salary: below)
    plain = contract._replace(terms=contract.terms._replace(pay_cycles=()))
    compare(plain, titles, works, datetime.date(2025, 7, 2), 1100, "biweekly", anchor, seed=seed)
    compare(contract, titles, works, datetime.date(2025, 7, 2), 1100, "semimonthly", seed=seed)


@pytest.mark.parametrize("cycles", [None, 22, 26])
def test_a_salary_divided_into_pay_cycles_is_priced_as_the_scalar_plan_prices_it(cycles: int | None) -> None:
    """Lunenburg's own pay (Section 6-10: "divided into twenty-two (22) or twenty-six (26) pay cycles"): each
    fiscal year's salary in its checks, a check cut by a step, a schedule or a row's ends split by days."""
    contract = paycalc.load_contract(paycalc.contract.loader.bundled_contract("lunenburg-paras"))
    works = [Work(), Work(hours_per_day=Decimal("6")), Work(days=Decimal("180"))]
    titles = ["High School", "Associate's", "Bachelor's", "Licensed Bachelor's"]
    compare(contract, titles, works, datetime.date(2025, 7, 2), 1100, "biweekly", datetime.date(2025, 7, 1), 3,
            cycles=cycles)  # fmt: skip
    with pytest.raises(Unpriced, match="pay cycles the contract does not offer"):
        Pricer(contract, "biweekly", datetime.date(2025, 7, 1), 24)


def test_freezes_and_differentials_are_priced_as_the_scalar_plan_prices_them(tmp_path: Path) -> None:
    contract = paycalc.load_contract(write_contract(tmp_path / "local"))
    works = [Work(), Work(differentials=("degree",)), Work(hours_per_day=Decimal("5"), differentials=("stipend",))]
    compare(contract, ["Para"], works, datetime.date(2023, 7, 2), 900, "monthly", seed=3)


@pytest.mark.parametrize("joins", [False, True], ids=["segments", "edge matrix"])
def test_rows_alike_are_priced_once_each_as_the_scalar_plan_prices_it(tmp_path: Path, joins: bool, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Most rows of a long roster share a period, and many one tier throughout: those are priced once per
    way, period, pay and tier (the hire date then changes nothing), those whose tier moves once per hire
    date. Each row still gets the scalar plan's cents, and the kernel did price rows alike."""
    if joins:
        monkeypatch.setattr(column_runs, "_joins", lambda ids: True)
    shared = []
    alike = column_runs.Kernel._alike
    monkeypatch.setattr(column_runs.Kernel, "_alike", lambda *a: shared.append(found := alike(*a)) or found)
    nyc = paycalc.load_contract()
    lunenburg = paycalc.load_contract(paycalc.contract.loader.bundled_contract("lunenburg-paras"))
    lunenburg = lunenburg._replace(terms=lunenburg.terms._replace(pay_cycles=()))  # plain biweekly: in columns
    local = paycalc.load_contract(write_contract(tmp_path / "local"))
    for seed, method in enumerate(["semimonthly", "monthly", "biweekly"]):
        anchor = datetime.date(2009, 1, 2) if method == "biweekly" else None
        compare(nyc, NYC_TITLES, NYC_WORK, datetime.date(2009, 11, 1), 3000, method, anchor, seed, 600, alike=True)
    works = [Work(), Work(hours_per_day=Decimal("6"))]
    compare(lunenburg, ["High School", "Bachelor's"], works, datetime.date(2025, 7, 2), 700, "biweekly",
            datetime.date(2025, 7, 1), seed=4, rows=900, alike=True)  # fmt: skip
    works = [Work(), Work(differentials=("degree",))]
    compare(local, ["Para"], works, datetime.date(2023, 7, 2), 800, "monthly", seed=5, rows=300, alike=True)
    assert len(shared) == 5 and all(found is not None for found in shared)


def test_what_the_kernel_cannot_price_alike_is_refused() -> None:
    contract = paycalc.load_contract()
    with pytest.raises(Unpriced):
        Pricer(contract, "biweekly", None, 24)  # pay cycles the rules do not offer: row by row says so
    with pytest.raises(Unpriced):
        Pricer(contract, "monthly", None, 22)  # pay cycles of monthly pay: row by row says what is wrong
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


REPEATS = """name: Repeats (test)
parties: [A district, A local]
term: {start: 2023-07-01, end: 2026-06-30}
source: Test agreement
pay_basis: hourly
regular_hours_per_day: 6.5
regular_days_per_year: 182
step_advance: "07-10"
longevity_tiers:
  - {label: step 1, min_years: 0}
  - {label: step 2, min_years: 1}
  - {label: step 3, min_years: 2}
titles:
  - name: Para
"""


SAME = "21.37, step 2: 21.37, step 3: 21.37"  # steps that pay alike
REPEATED = {
    "both": {"2023-07-01": "20.00, step 2: 21.01, step 3: 22.03", "2024-07-10": SAME, "2025-01-20": SAME,
             "2025-07-10": "22.11, step 2: 22.11, step 3: 23.29"},
    "a step alike": {"2023-07-01": "20.00, step 2: 21.01, step 3: 22.03", "2024-07-10": SAME,
                     "2025-01-20": "21.91, step 2: 22.40, step 3: 23.05"},
    "a schedule alike": {"2023-07-01": "20.00, step 2: 21.01, step 3: 22.03",
                         "2024-07-10": "20.53, step 2: 21.61, step 3: 22.97",
                         "2025-01-20": "20.53, step 2: 21.61, step 3: 22.97"},
}  # fmt: skip


@pytest.mark.parametrize("kind", list(REPEATED))
def test_runs_at_repeated_rates_join_as_the_scalar_plan_joins_them(tmp_path: Path, kind: str) -> None:
    """A schedule whose steps pay alike (a step day inside it joins two runs, unless the frozen schedule
    paid them apart), a schedule that keeps the rates of the one before (its first day joins runs), or
    both: the edge matrix, not the segments, and the same cents as the scalar plan. Steps and schedules
    begin mid-period, where joining changes the rounding. Chunks of one row too: an edge a row ends on
    stays an edge when no other row of the chunk holds it."""
    folder = tmp_path / "repeats"
    folder.mkdir()
    (folder / "contract.yaml").write_text(REPEATS)
    for day, row in REPEATED[kind].items():
        (folder / f"{day}.yaml").write_text(
            f"effective: {day}\nsource: {{article: A}}\nrates:\n  Para: {{step 1: {row}}}\n"
        )
    contract = paycalc.load_contract(folder)
    works = [Work(), Work(hours_per_day=Decimal("5.5"))]
    for method in ("monthly", "semimonthly"):
        compare(contract, ["Para"], works, datetime.date(2023, 7, 2), 1000, method, seed=7, rows=600)
    for seed in range(40):
        compare(contract, ["Para"], works, datetime.date(2023, 7, 2), 1000, "monthly", seed=seed, rows=1)


def test_a_contract_of_one_schedule(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "contract.yaml").write_text(REPEATS)
    (folder / "2023-07-01.yaml").write_text(
        "effective: 2023-07-01\nsource: {article: A}\nrates:\n  Para: {step 1: 20.00, step 2: 21.01, step 3: 22.03}\n"
    )
    contract = paycalc.load_contract(folder)
    compare(contract, ["Para"], [Work()], datetime.date(2023, 7, 2), 900, "semimonthly", seed=8)


def test_no_rows_is_no_cents() -> None:
    pricer = Pricer(paycalc.load_contract(), "semimonthly", None, None)
    empty = np.zeros(0, dtype=np.int64)
    owed, paid = pricer.price(empty, empty, empty, empty, empty)
    assert owed.tolist() == paid.tolist() == []


def test_a_start_on_the_first_schedules_day_is_priced_and_a_hire_on_a_titles_last_day_is_not() -> None:
    contract = paycalc.load_contract()
    pricer = Pricer(contract, "semimonthly", None, None)
    first = contract.schedules[0].effective
    paid = np.array([pricer.paid(first, None)])
    way = np.array([pricer.way("Ed. Asst. B", Work())])
    owed, _ = pricer.price(way, np.array([first.toordinal() - 4000]), np.array([first.toordinal()]),
                           np.array([first.toordinal() + 14]), paid)  # fmt: skip
    expected, _, _ = retro.totals(contract, "Ed. Asst. B", hired=first - 4000 * DAY, start=first, end=first + 14 * DAY,
                                  paid_schedule=first)  # fmt: skip
    assert int(owed[0]) == expected
    title = next(t for t in contract.titles if t.hired_before is not None)
    way = np.array([pricer.way(title.name, Work())])
    hired = title.hired_before.toordinal()  # the scalar rule refuses a hire on that day: so do the columns
    start, end = np.array([datetime.date(2009, 1, 1).toordinal()]), np.array([datetime.date(2009, 6, 30).toordinal()])
    with pytest.raises(Unpriced):
        pricer.price(way, np.array([hired]), start, end, paid)
    pricer.price(way, np.array([hired - 1]), start, end, paid)


def test_rows_alike_but_for_a_tier_that_moves_or_a_pay_are_priced_apart() -> None:
    """Two rows alike but one: hired a year apart in one period, the first reaching the 5-year tier on
    2010-06-01 inside it, the second only after it (on 2011-06-01), so one tier throughout; and two rows
    alike but paid a flat amount (the first rate the pricer saw) or the first schedule."""
    contract = paycalc.load_contract()
    pricer = Pricer(contract, "semimonthly", None, None)
    flat, first = pricer.paid(None, Decimal("25000.00")), pricer.paid(contract.schedules[0].effective, None)
    way = pricer.way("Ed. Asst. B", Work())
    start, end = datetime.date(2010, 1, 1), datetime.date(2010, 12, 31)
    rows = [(datetime.date(2005, 6, 1), first), (datetime.date(2006, 6, 1), first), (datetime.date(2006, 6, 1), flat)]
    hired = np.array([h.toordinal() for h, _ in rows])
    paid = np.array([p for _, p in rows])
    every = np.array([way] * 3), hired, np.array([start.toordinal()] * 3), np.array([end.toordinal()] * 3), paid
    owed_cents, paid_cents = pricer.price(*every)
    for n, (hired_on, _) in enumerate(rows):
        schedule, annual = (contract.schedules[0].effective, None) if n < 2 else (None, Decimal("25000.00"))
        owed, was_paid, _ = retro.totals(contract, "Ed. Asst. B", hired=hired_on, start=start, end=end,
                                         paid_schedule=schedule, paid_annual=annual)  # fmt: skip
        assert (int(owed_cents[n]), int(paid_cents[n])) == (owed, was_paid)
    assert owed_cents[0] != owed_cents[1] and paid_cents[1] != paid_cents[2]
    for pair in ([0, 1], [1, 2]):  # two rows alike but one: priced apart
        owed_pair, paid_pair = pricer.price(*(column[pair] for column in every))
        assert owed_pair.tolist() == owed_cents[pair].tolist() and paid_pair.tolist() == paid_cents[pair].tolist()


@pytest.mark.parametrize("seed", range(6))
def test_rows_alike_are_grouped_by_every_field_that_prices_them(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows drawn from small pools (so most are alike and priced once): hire dates a day apart, the earliest
    among them; starts and ends a day apart; paid a frozen schedule, the day before the start, or one of two
    flat amounts; two ways. Each row as the scalar plan prices it: a key whose fields overlapped would price a
    row as another's."""
    contract = paycalc.load_contract()
    rng = random.Random(seed)
    grouped: list[int] = []
    real = column_runs.Kernel._alike

    def spy(self, job, tier0, moves):  # type: ignore[no-untyped-def]
        found = real(self, job, tier0, moves)
        grouped.append(-1 if found is None else len(found[0]))
        return found

    monkeypatch.setattr(column_runs.Kernel, "_alike", spy)
    first = datetime.date(2013, 4, 29)
    hires = [first - n * DAY for n in (0, 1)] + [datetime.date(1990, 1, 1)]  # two a day apart; one steady
    hires += [core.anniversary(first + DAY, first.year - 5), core.anniversary(first + DAY, first.year - 15)]
    starts, ends = [first, first + DAY], [datetime.date(2014, 6, 30) + n * DAY for n in (0, 1)]
    paid = [(None, None), (datetime.date(2008, 5, 19), None), (None, Decimal("25000.55")), (None, Decimal("31000"))]
    drawn = []
    for _ in range(400):  # at most 2 x 5 x 2 x 2 x 4 = 160 kinds of row
        start = rng.choice(starts)
        hired = min(rng.choice(hires), start)
        drawn.append((rng.choice(["Teacher Aide", "Ed. Asst. B"]), Work(), hired, start, rng.choice(ends),
                      *rng.choice(paid)))  # fmt: skip
    pricer = Pricer(contract, "semimonthly", None, None)
    check(contract, pricer, periods.for_contract(contract, "semimonthly", None)[2], drawn)
    assert grouped and 0 < grouped[-1] <= 160  # the rows alike really were priced once per group


@pytest.mark.parametrize("seed", range(30))
def test_the_key_of_rows_alike_is_one_to_one(seed: int) -> None:
    """The mixed-radix key groups two rows exactly when their way, hire date (or none, when the row keeps one
    tier throughout), start, end, what was paid (a frozen schedule or a flat amount) and first tier are the
    same: drawn from small ranges that hold each field's smallest value and the seams between fields."""
    contract = paycalc.load_contract()
    kernel = column_runs.Kernel(contract, "semimonthly", 0)
    rng = np.random.default_rng(seed)
    count = 600  # at most 2 x 2 x 2 x 2 x 4 x 4 = 256 kinds of row: most rows are like another
    way, tier0 = rng.integers(0, 2, count), rng.integers(0, 2, count)
    start = 735_000 + rng.integers(0, 2, count)
    end, hired = start + rng.integers(0, 2, count), 734_000 + rng.integers(0, 3, count)
    frozen, flat = rng.integers(-1, 2, count), rng.integers(0, 2, count)
    moves = np.where(rng.random(count) < 0.3, column_runs.NEVER, start + 1)[:, None]
    steady = moves[:, 0] > end  # one tier throughout (its next step after the row's last day, or none)
    job = column_runs.Job(way, hired, start, end, frozen, flat, np.zeros(0), np.zeros(0))
    found = kernel._alike(job, tier0, moves)
    assert found is not None  # more than half the rows are like another: grouped
    _, inverse = found
    paid = [("flat", f) if z < 0 else ("frozen", z) for z, f in zip(frozen.tolist(), flat.tolist(), strict=True)]
    fields = list(zip(way.tolist(), np.where(steady, -1, hired).tolist(), start.tolist(), end.tolist(), paid,
                      tier0.tolist(), strict=True))  # fmt: skip
    groups: dict[int, set[object]] = {}
    for number, row in zip(inverse.ravel().tolist(), fields, strict=True):
        groups.setdefault(number, set()).add(row)
    assert all(len(rows) == 1 for rows in groups.values())  # no two kinds of row under one key
    assert len(groups) == len(set(fields))  # and no kind under two keys
