"""contract.yaml's pay terms: one broken fixture folder per failure mode, each named by file and key."""

from pathlib import Path

import pytest

import paycalc

BROKEN = Path(__file__).parent / "fixtures" / "broken-terms"
C = "contract.yaml"

CASES: dict[str, tuple[str, str]] = {
    "hourly-without-hours-per-day": ("regular_hours_per_day", "missing (required when pay_basis is hourly"),
    "hourly-without-days": ("regular_days_per_year", "missing (required when pay_basis is hourly"),
    "annual-without-week": ("regular_hours_per_week", "missing (required when pay_basis is annual"),
    "unknown-pay-basis": ("pay_basis", "is 'weekly' (annual, hourly or daily"),
    "step-advance-not-a-day": ("step_advance", "'02-30' is not a day of every year"),
    "freeze-reversed": ("step_freezes.0", "runs from 2022-07-01 back to 2021-06-30"),
    "freezes-overlap": ("step_freezes", "2022-01-01 to 2022-12-31 overlaps 2021-07-01 to 2022-06-30"),
    "differential-unknown-kind": (
        "differentials.degree.per_week",
        "unknown key (accepted here: per_hour, per_day, per_year, percent)",
    ),
    "differential-name-clash": ("differentials.degree", "'degree' clashes with differential 'Degree'"),
    "differential-two-amounts": ("differentials.degree", "has 2 amounts (exactly one of"),
    "per-hour-on-daily-contract": ("differentials.degree.per_hour", "needs regular_hours_per_day"),
    "biweekly-without-anchor": ("pay_period_anchor", "missing (biweekly pay needs the first day of one pay period)"),
    "hours-per-day-zero": ("regular_hours_per_day", "is 0 (above 0 and at most 24)"),
    "freezes-share-a-day": ("step_freezes", "2022-06-30 to 2022-12-31 overlaps 2021-07-01 to 2022-06-30"),
    "percent-over-100": ("differentials.behavior.percent", "150 is above 100 (a percent of the rate)"),
    "anchor-without-biweekly": ("pay_period_anchor", "is only for pay_periods: biweekly"),
}


def test_every_broken_fixture_has_a_case() -> None:
    assert sorted(CASES) == sorted(p.name for p in BROKEN.iterdir())


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_folder_has_exactly_its_problem(case: str) -> None:
    contract, problems = paycalc.check_folder(BROKEN / case)
    assert contract is None
    key, message = CASES[case]
    assert [(p.file, p.key) for p in problems] == [(str(BROKEN / case / C), key)]
    assert message in problems[0].message


@pytest.mark.parametrize("day", ["02-29", "13-01", "7-1", "00-10", "anniversery"])
def test_a_step_day_every_year_has(tmp_path: Path, day: str) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    text = (BROKEN / "freeze-reversed" / C).read_text().split("step_freezes:")[0]
    (folder / C).write_text(text.replace('step_advance: "07-01"', f'step_advance: "{day}"'))
    (folder / "2020-07-01.yaml").write_bytes((BROKEN / "freeze-reversed" / "2020-07-01.yaml").read_bytes())
    _, problems = paycalc.check_folder(folder)
    assert [(p.key, p.message.split(" (")[0]) for p in problems] == [
        ("step_advance", f"'{day}' is not a day of every year")
    ]


def test_the_fixed_folder_loads(tmp_path: Path) -> None:
    """The base every broken case departs from is valid: each case fails for its own reason only."""
    folder = tmp_path / "c"
    folder.mkdir()
    text = (BROKEN / "freeze-reversed" / C).read_text().split("step_freezes:")[0]
    (folder / C).write_text(text)
    (folder / "2020-07-01.yaml").write_bytes((BROKEN / "freeze-reversed" / "2020-07-01.yaml").read_bytes())
    contract = paycalc.load_contract(folder)
    assert contract.terms.basis == "hourly" and contract.terms.step_advance == (7, 1)
